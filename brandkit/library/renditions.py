"""Make the renditions of a version and store them: the thumbnail of every version (so that
drafts and submitted versions have a preview too, for those who may see them), and the
web-ready files once a version is approved.

A job that leaves a planned rendition without a file has failed, and says so: the rendition
row is marked failed with the reason and the task itself ends with an error (visible in the
worker's log and the task results), never a quiet "success" with nothing made."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from brandkit.library.image_operations import THUMBNAIL, open_source, render, specs_for
from brandkit.library.models import (
    Asset,
    AssetVersion,
    Rendition,
    RenditionStatus,
    VersionState,
)

log = logging.getLogger(__name__)


def preset_data(version: AssetVersion) -> dict | None:
    slug = version.asset.preset_slug
    if not slug or version.brandbook is None:
        return None
    preset = version.brandbook.presets.filter(slug=slug).first()
    if preset is None:
        return None
    return {"width": preset.width, "height": preset.height, "unit": preset.unit}


class RenditionsFailed(RuntimeError):
    """Some planned renditions could not be made (their rows say why)."""


def plan_renditions(version: AssetVersion, *, thumbnail_only: bool = False) -> list[Rendition]:
    """Create pending rows (shown as 'pending' until the background job fills them)."""
    rows = []
    for spec in specs_for(version.format, preset_data(version)):
        if thumbnail_only and spec.name != THUMBNAIL:
            continue
        row, _created = Rendition.objects.get_or_create(
            version=version, name=spec.name, defaults={"format": spec.format}
        )
        rows.append(row)
    return rows


def build_renditions(version_id: int) -> None:
    """Make every planned rendition of the version that is not ready yet. Approved versions
    get the whole set planned; other versions only what was planned for them (the thumbnail).
    Raises RenditionsFailed when any rendition was left without a file."""
    version = AssetVersion.objects.select_related("asset", "brandbook").get(pk=version_id)
    plan_renditions(version, thumbnail_only=version.state != VersionState.APPROVED)
    specs = {s.name: s for s in specs_for(version.format, preset_data(version))}
    pending = version.renditions.exclude(status=RenditionStatus.READY)
    if not pending.exists():
        return
    try:
        with version.file.open("rb") as handle:
            source = open_source(handle.read(), version.format)
    except Exception as exc:  # a file that passed the checks but cannot be rendered
        log.exception("Cannot open version %s for renditions", version_id)
        pending.update(status=RenditionStatus.FAILED, error=str(exc)[:500])
        raise RenditionsFailed(f"version {version_id}: {exc}") from exc
    failed = []
    for rendition in pending:
        spec = specs.get(rendition.name)
        if spec is None:
            Rendition.objects.filter(pk=rendition.pk).update(
                status=RenditionStatus.FAILED, error="no longer made for this format"
            )
            failed.append(rendition.name)
            continue
        try:
            image = render(source, spec)
        except Exception as exc:
            log.exception("Rendition %s of version %s failed", spec.name, version_id)
            Rendition.objects.filter(pk=rendition.pk).update(
                status=RenditionStatus.FAILED, error=str(exc)[:500]
            )
            failed.append(rendition.name)
            continue
        suffix = {"jpeg": "jpg"}.get(spec.format, spec.format)
        name = f"renditions/{version.asset.public_id}/v{version.number}/{spec.name}.{suffix}"
        rendition.file.save(name, ContentFile(image.data), save=False)
        rendition.width, rendition.height = image.width, image.height
        rendition.size_bytes = len(image.data)
        rendition.status = RenditionStatus.READY
        rendition.error = ""
        with transaction.atomic():
            rendition.save()
            if version.state == VersionState.APPROVED:
                # The CMS syncs with updated_since: a rendition becoming ready is a change.
                Asset.objects.filter(pk=version.asset_id).update(updated_at=timezone.now())
    if failed:
        raise RenditionsFailed(f"version {version_id}: {', '.join(sorted(failed))} not made")
