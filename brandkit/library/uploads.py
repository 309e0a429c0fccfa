"""From an uploaded file to a stored, checked version — or to a clear refusal.

The order matters for "bad input loses nothing and leaves nothing": bytes are read with a hard
ceiling, checked in memory, and only a file that is not rejected is written to storage. Rows
and files are created together and removed together if anything fails.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from brandkit import checks
from brandkit.checks.palette import OFF_PALETTE
from brandkit.library.models import (
    Asset,
    AssetVersion,
    StagedUpload,
    VersionState,
)
from brandkit.library.permissions import visible_assets
from brandkit.review import audit
from brandkit.review.models import AuditAction
from brandkit.units import binary_size

# Of dhash's 64 bits: the same banner saved at half size as JPEG differs by 10 (flat graphics
# make grey-level gradients noisy); unrelated pictures differ by ~32.
NEAR_DUPLICATE_DISTANCE = 10
# Of colorhash's 42 bits: re-encoding changes none; the same layout in red instead of blue
# changes 6.
SAME_COLOUR_DISTANCE = 2


class StagedUploadGone(Exception):
    """The staged upload was saved or discarded by another request in the meantime."""


class UploadRefused(Exception):
    def __init__(self, message: str, report: dict | None = None):
        super().__init__(message)
        self.report = report


@dataclass
class Duplicate:
    asset: Asset
    version: AssetVersion
    exact: bool
    distance: int


def read_bounded(uploaded) -> bytes:
    limit = settings.BRANDKIT_MAX_UPLOAD_BYTES
    if uploaded.size is not None and uploaded.size > limit:
        raise UploadRefused(
            _("%(name)s is %(size)s; the largest file accepted is %(limit)s.")
            % {
                "name": uploaded.name,
                "size": binary_size(uploaded.size),
                "limit": binary_size(limit),
            }
        )
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise UploadRefused(
            _("%(name)s is larger than %(limit)s.")
            % {"name": uploaded.name, "limit": binary_size(limit)}
        )
    return data


def perceptual_hash(data: bytes, fmt: str) -> str:
    """Shape and colour of the picture as "<dhash>:<colorhash>", or '' when not rasterised.

    dhash (64 bits) sees only grey-level gradients, so the same layout in red and in blue
    hashes alike; the hue histogram hash (imagehash.colorhash, 42 bits) tells them apart.
    """
    if fmt not in {"png", "jpeg", "webp", "pdf"}:
        return ""
    try:
        import imagehash

        from brandkit.library.image_operations import open_source

        image = open_source(data, fmt)
        image.thumbnail((512, 512))
        return f"{imagehash.dhash(image)}:{imagehash.colorhash(image.convert('RGB'), binbits=3)}"
    except Exception:
        return ""


def hamming(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def hash_distance(a: str, b: str) -> int | None:
    """Shape distance when the colours agree (≤ SAME_COLOUR_DISTANCE bits), else None."""
    shape_a, _, colour_a = a.partition(":")
    shape_b, _, colour_b = b.partition(":")
    if not (shape_a and shape_b and colour_a and colour_b):
        return None
    if hamming(colour_a, colour_b) > SAME_COLOUR_DISTANCE:
        return None
    return hamming(shape_a, shape_b)


def find_duplicates(
    user, sha256: str, phash: str, exclude_asset: Asset | None = None
) -> list[Duplicate]:
    """Exact (same bytes) and near (similar picture) duplicates among assets the user can see."""
    versions = AssetVersion.objects.filter(asset__in=visible_assets(user)).select_related("asset")
    if exclude_asset is not None:
        versions = versions.exclude(asset=exclude_asset)
    found: dict[int, Duplicate] = {}
    for version in versions.filter(sha256=sha256):
        found[version.pk] = Duplicate(version.asset, version, True, 0)
    if phash:
        for version in versions.exclude(perceptual_hash="").only(
            "pk", "perceptual_hash", "number", "asset"
        ):
            if version.pk in found:
                continue
            distance = hash_distance(phash, version.perceptual_hash)
            if distance is not None and distance <= NEAR_DUPLICATE_DISTANCE:
                found[version.pk] = Duplicate(version.asset, version, False, distance)
    return sorted(found.values(), key=lambda d: (not d.exact, d.distance))


def check_bytes(
    data: bytes, name: str, brandbook, preset_slug: str, languages: list[str] | None = None
) -> checks.Report:
    brandbook_data = brandbook.to_data() if brandbook is not None else None
    preset = None
    if brandbook_data and preset_slug:
        preset = next((p for p in brandbook_data["presets"] if p["slug"] == preset_slug), None)
        if preset is None:
            raise UploadRefused(_("Unknown channel preset: %(slug)s") % {"slug": preset_slug})
    return checks.run(
        data,
        filename=name,
        brandbook=brandbook_data,
        preset=preset,
        max_bytes=settings.BRANDKIT_MAX_UPLOAD_BYTES,
        languages=languages,
    )


def stage(
    uploaded, *, user, brandbook, preset_slug: str = "", target_asset: Asset | None = None
) -> StagedUpload:
    """Check one uploaded file and keep it for the user to describe, or refuse it."""
    data = read_bounded(uploaded)
    languages = target_asset.language_list if target_asset is not None else None
    report = check_bytes(data, uploaded.name, brandbook, preset_slug, languages)
    stored = report.as_storable()
    if report.verdict == "rejected":
        raise UploadRefused(
            _("%(name)s was not accepted: %(reasons)s")
            % {
                "name": uploaded.name,
                "reasons": "; ".join(f.message(_lang()) for f in report.findings if f.rejects),
            },
            stored,
        )
    digest = hashlib.sha256(data).hexdigest()
    staged = StagedUpload(
        user=user,
        target_asset=target_asset,
        original_name=uploaded.name[:255],
        sha256=digest,
        size_bytes=len(data),
        format=report.format or "",
        width=report.width,
        height=report.height,
        perceptual_hash=perceptual_hash(data, report.format or ""),
        report=stored,
        verdict=report.verdict,
        preset_slug=preset_slug,
        brandbook=brandbook,
    )
    with transaction.atomic():
        staged.file.save("upload", ContentFile(data), save=False)
        try:
            staged.save()
        except Exception:
            staged.file.delete(save=False)
            raise
    return staged


def _lang() -> str:
    from django.utils.translation import get_language

    return (get_language() or "et")[:2]


def discard(staged: StagedUpload) -> None:
    staged.file.delete(save=False)
    staged.delete()


def _dominant_colour(report: dict) -> str:
    """The colour a person would name the image by, from the palette finding's details: a
    brand colour's slug, or "off-palette" when off-palette colours cover more than any brand
    colour. Reports stored before the palette check named it are read the same way."""
    for finding in report.get("findings", []):
        if finding.get("code") == "colour.palette_coverage":
            details = finding.get("details", {})
            if isinstance(details.get("dominant"), str):
                return details["dominant"]
            shares = details.get("colours")  # {slug: share}, as brandkit.checks.palette reports
            off = details.get("off_palette_share") or 0
            if isinstance(shares, dict) and shares:
                slug = max(shares, key=lambda slug: shares[slug] or 0)
                return OFF_PALETTE if off > (shares[slug] or 0) else slug
            if off:
                return OFF_PALETTE
            coverage = details.get("brand_colours") or []
            if coverage:
                return max(coverage, key=lambda c: c.get("coverage", 0)).get("slug", "")
    return ""


def _plan_preview(version: AssetVersion) -> None:
    """Every version gets its thumbnail in the background, so that drafts and submitted
    versions (SVG and PDF too) have a preview for those who may see them."""
    from brandkit.library.renditions import plan_renditions
    from brandkit.library.tasks import make_renditions

    plan_renditions(version, thumbnail_only=True)
    transaction.on_commit(lambda: make_renditions.enqueue(version.pk))


def commit_version(staged: StagedUpload, asset: Asset, user) -> AssetVersion:
    """Turn a staged upload into the next immutable version of `asset` (a draft).

    The upload was checked before the asset was described; its text-language findings are
    redone here for the asset's languages (`text.relabel_languages`, from the lines read).

    The staged row is claimed by deleting it inside the transaction: of two requests saving
    the same upload at once (a double click, two tabs) one gets the version, the other
    StagedUploadGone; the staged file goes once the version is committed."""
    from brandkit.checks.text import relabel_languages  # loads OpenCV: only when committing

    with transaction.atomic():
        locked = Asset.objects.select_for_update().get(pk=asset.pk)
        claimed, _per_model = StagedUpload.objects.filter(pk=staged.pk).delete()
        if not claimed:
            raise StagedUploadGone(staged.token)
        number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = AssetVersion(
            asset=locked,
            number=number,
            original_name=staged.original_name,
            sha256=staged.sha256,
            size_bytes=staged.size_bytes,
            format=staged.format,
            width=staged.width,
            height=staged.height,
            perceptual_hash=staged.perceptual_hash,
            report=relabel_languages(staged.report, locked.language_list),
            verdict=staged.verdict,
            brandbook=staged.brandbook,
            state=VersionState.DRAFT,
            uploaded_by=user,
        )
        with staged.file.open("rb") as handle:
            data = handle.read()
        version.file.save("upload", ContentFile(data), save=False)
        try:
            version.save()
            if not locked.dominant_colour:
                locked.dominant_colour = _dominant_colour(staged.report)
            if locked.current_version_id is None:
                from brandkit.review.workflow import refresh_asset_status

                locked.save()
                refresh_asset_status(locked)
            audit.record(
                user,
                AuditAction.UPLOAD,
                version=version,
                to_state=version.state,
                sha256=version.sha256,
                file=version.original_name,
                verdict=version.verdict,
            )
        except Exception:
            version.file.delete(save=False)
            raise
        _plan_preview(version)
        staged_file = staged.file
        transaction.on_commit(lambda: staged_file.delete(save=False))
    return version


def refresh_search_text(asset: Asset) -> None:
    Asset.objects.filter(pk=asset.pk).update(search_text=asset.build_search_text())


__all__ = [
    "Duplicate",
    "StagedUploadGone",
    "UploadRefused",
    "check_bytes",
    "commit_version",
    "discard",
    "find_duplicates",
    "read_bounded",
    "refresh_search_text",
    "stage",
]
