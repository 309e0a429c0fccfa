"""Make the renditions of an approved version and store them."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from brandkit.library.image_operations import open_source, render, specs_for
from brandkit.library.models import Asset, AssetVersion, Rendition, RenditionStatus

log = logging.getLogger(__name__)


def preset_data(version: AssetVersion) -> dict | None:
    slug = version.asset.preset_slug
    if not slug or version.brandbook is None:
        return None
    preset = version.brandbook.presets.filter(slug=slug).first()
    if preset is None:
        return None
    return {"width": preset.width, "height": preset.height, "unit": preset.unit}


def plan_renditions(version: AssetVersion) -> list[Rendition]:
    """Create pending rows (shown as 'pending' until the background job fills them)."""
    rows = []
    for spec in specs_for(version.format, preset_data(version)):
        row, _created = Rendition.objects.get_or_create(
            version=version, name=spec.name, defaults={"format": spec.format}
        )
        rows.append(row)
    return rows


def build_renditions(version_id: int) -> None:
    version = AssetVersion.objects.select_related("asset", "brandbook").get(pk=version_id)
    plan_renditions(version)
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
        return
    for rendition in pending:
        spec = specs.get(rendition.name)
        if spec is None:
            continue
        try:
            image = render(source, spec)
        except Exception as exc:
            log.exception("Rendition %s of version %s failed", spec.name, version_id)
            Rendition.objects.filter(pk=rendition.pk).update(
                status=RenditionStatus.FAILED, error=str(exc)[:500]
            )
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
            # The CMS syncs with updated_since: a rendition becoming ready is a change.
            Asset.objects.filter(pk=version.asset_id).update(updated_at=timezone.now())
