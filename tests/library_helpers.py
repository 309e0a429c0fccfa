"""Test images and ready-made assets for the library and review tests.

Images are made with Pillow in the tests themselves: a banner in the SKA state blue (#0033A0)
and white passes the palette check; a red one fails it.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from brandkit.library.models import Asset, AssetVersion, StagedUpload
from brandkit.library.uploads import commit_version, stage
from brandkit.review import workflow
from brandkit.roles import TOPIC_OWNER, WEB_MANAGER

BLUE = "#0033A0"
# facebook-link is 1200 × 628 with "same aspect ratio" matching: a small image of the same
# shape passes and keeps the tests fast.
SMALL = (300, 157)
FULL = (1200, 628)


def png_bytes(size=SMALL, colour=BLUE, second="#FFFFFF", fmt="PNG", marker: int = 0) -> bytes:
    """Left half `colour`, right half `second`; `marker` changes a few pixels so the bytes
    differ while the picture stays the same (a near duplicate)."""
    image = Image.new("RGB", size, colour)
    image.paste(Image.new("RGB", (size[0] - size[0] // 2, size[1]), second), (size[0] // 2, 0))
    for i in range(marker):
        image.putpixel((i % size[0], size[1] - 1), (0, 51, 161))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def red_png(size=SMALL) -> bytes:
    return png_bytes(size, colour="#E00000", second="#E00000")


def bomb_png(width=20_000, height=20_000) -> bytes:
    """A valid PNG header announcing a huge image, with hardly any data behind it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a picture")
    return buffer.getvalue()


SCRIPT_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628">'
    b"<script>alert(document.cookie)</script>"
    b'<rect width="1200" height="628" fill="#0033A0"/></svg>'
)


def uploaded(name: str, data: bytes, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_user(django_user_model, username: str, role: str | None = None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password", **extra
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def other_owner(django_user_model):
    return make_user(django_user_model, "other-owner", TOPIC_OWNER)


def reviewer(django_user_model):
    return make_user(django_user_model, "reviewer", WEB_MANAGER, is_staff=True)


def make_staged(
    user,
    brandbook,
    data: bytes | None = None,
    name: str = "banner.png",
    preset: str = "facebook-link",
    target: Asset | None = None,
) -> StagedUpload:
    return stage(
        uploaded(name, data if data is not None else png_bytes()),
        user=user,
        brandbook=brandbook,
        preset_slug=preset,
        target_asset=target,
    )


def make_asset(
    owner,
    brandbook,
    *,
    state: str = "draft",
    manager=None,
    data: bytes | None = None,
    name: str = "banner.png",
    override_reason: str = "",
    **fields,
) -> tuple[Asset, AssetVersion]:
    """An asset with one version, moved through the workflow to `state`."""
    staged = make_staged(owner, brandbook, data, name)
    values = {
        "title_et": "Pensionireform",
        "title_ru": "Пенсионная реформа",
        "kind": "banner",
        "languages": "et",
        "alt_text_et": "Sinine ja valge bänner",
        "preset_slug": "facebook-link",
        **fields,
    }
    asset = Asset.objects.create(owner=owner, **values)
    version = commit_version(staged, asset, owner)
    if state != "draft":
        workflow.submit(version, owner)
    if state in ("approved", "expired", "archived"):
        workflow.approve(version, manager, override_reason=override_reason)
    if state == "changes_requested":
        workflow.request_changes(version, manager, "Palun paranda.")
    if state == "expired":
        workflow.expire(asset)
    if state == "archived":
        workflow.archive(asset, manager)
    asset.refresh_from_db()
    version.refresh_from_db()
    return asset, version


_CHECKED: dict[tuple, object] = {}


def reuse_check_reports(monkeypatch) -> None:
    """Speed for tests that build many assets from the same few files: each distinct file is
    checked once for real and its report reused (the brandbook is the same SKA file)."""
    from brandkit.library import uploads

    real = uploads.check_bytes

    def cached(data, name, brandbook, preset_slug, languages=None):
        key = (hashlib.sha256(data).hexdigest(), name, preset_slug, tuple(languages or ()))
        if key not in _CHECKED:
            _CHECKED[key] = real(data, name, brandbook, preset_slug, languages)
        return _CHECKED[key]

    monkeypatch.setattr(uploads, "check_bytes", cached)


def media_files(root) -> list[Path]:
    """Uploaded and generated files (not the brandbook's logo files)."""
    root = Path(root)
    return [
        p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] != "brandbooks"
    ]
