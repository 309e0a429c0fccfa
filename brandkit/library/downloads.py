"""Downloads: the log of who took which file, and the ZIP of a selection.

What counts as a download: every response that goes out as an attachment (the original or a
rendition without ``?inline=1``, and each file in a ZIP) writes a `Download` row and a
``download`` audit event. Inline previews inside our own pages (``?inline=1``, allowed for PNG,
JPEG, WebP and PDF only) are not logged, so showing a page never floods the audit log.
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from brandkit.library.models import AssetVersion, Download, Rendition
from brandkit.review import audit
from brandkit.review.models import AuditAction

EXTENSIONS = {"jpeg": "jpg"}
ZIP_MAX_FILES = 100
ZIP_SPOOL_IN_MEMORY = 16 * 1024 * 1024


def zip_max_bytes() -> int:
    return getattr(settings, "BRANDKIT_MAX_ZIP_BYTES", 1024 * 1024 * 1024)


def original_name(version: AssetVersion) -> str:
    """The uploader's file name with the extension of the checked format."""
    stem = slugify(PurePosixPath(version.original_name).stem, allow_unicode=True)[:80]
    ext = EXTENSIONS.get(version.format, version.format or "bin")
    return f"{stem or 'asset'}-v{version.number}.{ext}"


def rendition_name(rendition: Rendition) -> str:
    version = rendition.version
    stem = slugify(PurePosixPath(version.original_name).stem, allow_unicode=True)[:80]
    ext = EXTENSIONS.get(rendition.format, rendition.format)
    return f"{stem or 'asset'}-v{version.number}-{rendition.name}.{ext}"


def log_download(
    user, version: AssetVersion, *, what: str, rendition: Rendition | None = None
) -> None:
    with transaction.atomic():
        Download.objects.create(user=user, version=version, rendition=rendition, what=what)
        details = {"what": what, "file": version.original_name}
        if rendition is not None:
            details["rendition"] = rendition.name
        audit.record(user, AuditAction.DOWNLOAD, version=version, **details)


class ZipTooLarge(Exception):
    pass


def build_zip(versions: list[AssetVersion]):
    """The originals in a ZIP, spooled to disk past a few MB; the caller logs and streams it.

    Raises ZipTooLarge before reading anything when the selection passes the bounds.
    """
    if len(versions) > ZIP_MAX_FILES:
        raise ZipTooLarge(len(versions))
    total = sum(v.size_bytes for v in versions)
    if total > zip_max_bytes():
        raise ZipTooLarge(total)
    spool = tempfile.SpooledTemporaryFile(max_size=ZIP_SPOOL_IN_MEMORY)  # noqa: SIM115
    used: set[str] = set()
    with zipfile.ZipFile(spool, "w") as archive:
        for version in versions:
            name = original_name(version)
            stem, dot, ext = name.rpartition(".")
            counter = 2
            while name in used:
                name = f"{stem}-{counter}{dot}{ext}"
                counter += 1
            used.add(name)
            # Raster images and PDFs are already compressed; SVG is text and shrinks well.
            method = zipfile.ZIP_DEFLATED if version.format == "svg" else zipfile.ZIP_STORED
            info = zipfile.ZipInfo(name, date_time=version.uploaded_at.timetuple()[:6])
            info.compress_type = method
            with (
                version.file.open("rb") as source,
                archive.open(info, "w", force_zip64=True) as target,
            ):
                while chunk := source.read(1024 * 1024):
                    target.write(chunk)
    spool.seek(0)
    return spool
