"""API v1: approved assets and their files, read-only; and checking a file against the brand
rules, which stores nothing.

Only assets the library publishes are visible here: status approved, an approved current
version, rights not past their usable-until date, and visible to the token's user. Anything
else answers 404, like an id that does not exist.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC
from pathlib import PurePosixPath

import numpy as np
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils import timezone, translation
from ninja import Query, Router
from ninja.errors import HttpError

from brandkit.api import schemas
from brandkit.library import search_store
from brandkit.library.models import (
    Asset,
    AssetStatus,
    AssetVersion,
    Campaign,
    Download,
    Rendition,
    RenditionStatus,
    TopicArea,
    VersionState,
)
from brandkit.library.permissions import can_view_version, visible_assets, visible_rows
from brandkit.library.search import IndexedAssets
from brandkit.library.search_index import NO_ID, SearchIndex
from brandkit.library.uploads import UploadRefused, check_bytes, read_bounded
from brandkit.media_response import file_response
from brandkit.review.audit import record
from brandkit.review.models import AuditAction
from brandkit.rules.models import Brandbook

logger = logging.getLogger(__name__)

router = Router(tags=["assets"])

ERRORS = {401: schemas.Error, 404: schemas.Error}
FILE_RESPONSES = {
    "responses": {
        200: {
            "description": "The file as an attachment, with nosniff and a sandboxing CSP.",
            "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
        },
        401: {"description": "No valid API token."},
        404: {"description": "Unknown, not approved, or the file is not available."},
    }
}


def published_assets(user) -> QuerySet[Asset]:
    today = timezone.localdate()
    return visible_assets(user).filter(
        Q(usable_until__isnull=True) | Q(usable_until__gte=today),
        status=AssetStatus.APPROVED,
        current_version__isnull=False,
        current_version__state=VersionState.APPROVED,
    )


def _with_details(assets: QuerySet[Asset]) -> QuerySet[Asset]:
    return assets.select_related("topic", "campaign", "current_version").prefetch_related(
        "tags",
        Prefetch(
            "current_version__renditions",
            queryset=Rendition.objects.order_by("name", "pk"),
        ),
    )


def _texts(obj, prefix: str) -> dict[str, str]:
    return {code: getattr(obj, f"{prefix}_{code}") for code in ("et", "en", "ru")}


def _url(request, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", args=args))


def serialise_asset(request, asset: Asset) -> dict:
    version = asset.current_version
    return {
        "id": asset.public_id,
        "url": _url(request, "asset_detail", asset.public_id),
        "titles": _texts(asset, "title"),
        "descriptions": _texts(asset, "description"),
        "alt_texts": _texts(asset, "alt_text"),
        "long_descriptions": _texts(asset, "long_description"),
        "kind": asset.kind,
        "topic": {"slug": asset.topic.slug, "names": _texts(asset.topic, "name")}
        if asset.topic
        else None,
        "languages": asset.language_list,
        "preset": asset.preset_slug or None,
        "campaign": asset.campaign.name if asset.campaign else None,
        "tags": [tag.name for tag in asset.tags.all()],
        "rights": {
            "licence": asset.licence,
            "rights_holder": asset.rights_holder,
            "usable_until": asset.usable_until,
        },
        "current_version": {
            "number": version.number,
            "format": version.format,
            "width": version.width,
            "height": version.height,
            "sha256": version.sha256,
            "size_bytes": version.size_bytes,
            "approved_at": version.decided_at,
            "self_approved": version.self_approved,
            "self_approval_reason": version.self_approval_reason or None
            if version.self_approved
            else None,
            "approved_over_failing_checks": bool(version.override_reason),
            "override_reason": version.override_reason or None,
            "url": _url(request, "asset_original", asset.public_id),
        },
        "renditions": [
            {
                "name": r.name,
                "format": r.format,
                "width": r.width,
                "height": r.height,
                "size_bytes": r.size_bytes,
                "status": r.status,
                "url": _url(request, "rendition_file", r.pk)
                if r.status == RenditionStatus.READY and r.file
                else None,
            }
            for r in version.renditions.all()
        ],
        "updated_at": asset.updated_at,
    }


def published_rows(index: SearchIndex, user) -> np.ndarray:
    """`published_assets` over the search index: the same rule, as a mask of index rows."""
    today = timezone.localdate().toordinal()
    return (
        visible_rows(index, user)
        & index.equals("status", AssetStatus.APPROVED)
        & index.has_version
        & index.version_approved
        & (index.usable_until >= today)
    )


def _filter(index: SearchIndex, rows: np.ndarray, filters: schemas.AssetFilters) -> np.ndarray:
    if filters.q:
        text = index.text(filters.q)
        if text is not None:
            rows = rows & text
    if filters.kind:
        rows = rows & index.equals("kind", filters.kind)
    if filters.topic:
        topic = TopicArea.objects.filter(slug=filters.topic).values_list("pk", flat=True).first()
        rows = rows & (index.topic == (topic or NO_ID - 1))
    if filters.language:
        rows = rows & index.has_language(filters.language)
    if filters.preset:
        rows = rows & index.equals("preset", filters.preset)
    if filters.campaign:
        campaigns = list(
            Campaign.objects.filter(name=filters.campaign).values_list("pk", flat=True)
        )
        rows = rows & np.isin(index.campaign, campaigns)
    if filters.updated_since:
        since = filters.updated_since
        if timezone.is_naive(since):
            since = since.replace(tzinfo=UTC)
        rows = rows & (index.updated >= since.timestamp())
    return rows


def _published_asset(request, public_id: uuid.UUID) -> Asset:
    asset = (
        _with_details(published_assets(request.auth.created_by)).filter(public_id=public_id).first()
    )
    if asset is None:
        raise HttpError(404, "Not found.")
    return asset


@router.get(
    "/assets",
    response={200: schemas.AssetList, 401: schemas.Error},
    operation_id="listAssets",
    url_name="asset_list",
    summary="List approved assets",
)
def list_assets(request, filters: Query[schemas.AssetFilters]):
    """Approved assets, newest change first (ties by id, so pages are stable)."""
    user = request.auth.created_by
    index = search_store.current()
    exact = index.text(filters.q, exact=True) if filters.q else None
    ids = index.ordered_ids(
        _filter(index, published_rows(index, user), filters), "updated", first=exact
    )
    assets = IndexedAssets(ids, _with_details(published_assets(user)))
    count = assets.count()
    page = assets[filters.offset : filters.offset + filters.limit]
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [serialise_asset(request, asset) for asset in page],
    }


@router.get(
    "/assets/{uuid:public_id}",
    response={200: schemas.Asset, **ERRORS},
    operation_id="getAsset",
    url_name="asset_detail",
    summary="Fetch one approved asset",
)
def get_asset(request, public_id: uuid.UUID):
    return serialise_asset(request, _published_asset(request, public_id))


def _log_download(token, version: AssetVersion, what: str, rendition: Rendition | None = None):
    user = token.created_by
    details = {"via": "api", "token": token.name, "what": what}
    if rendition is not None:
        details["rendition"] = rendition.name
    with transaction.atomic():
        Download.objects.create(user=user, version=version, rendition=rendition, what=what)
        record(user, AuditAction.DOWNLOAD, version=version, **details)


def _send(field_file, download_name: str):
    try:
        return file_response(field_file, download_name=download_name, inline=False)
    except OSError:
        logger.exception("API: stored file %s could not be opened", field_file.name)
        raise HttpError(404, "File not available.") from None


def _suffix(field_file) -> str:
    return PurePosixPath(field_file.name).suffix


@router.get(
    "/assets/{uuid:public_id}/original",
    openapi_extra=FILE_RESPONSES,
    operation_id="getAssetOriginal",
    url_name="asset_original",
    summary="Download the original file of an approved asset's current version",
)
def get_original(request, public_id: uuid.UUID):
    asset = _published_asset(request, public_id)
    version = asset.current_version
    if not can_view_version(request.auth.created_by, version) or not version.file:
        raise HttpError(404, "Not found.")
    name = f"{asset.public_id}-v{version.number}{_suffix(version.file)}"
    response = _send(version.file, name)
    _log_download(request.auth, version, "original")
    return response


@router.get(
    "/renditions/{int:rendition_id}/file",
    openapi_extra=FILE_RESPONSES,
    operation_id="getRenditionFile",
    url_name="rendition_file",
    summary="Download a ready rendition of an approved asset's current version",
)
def get_rendition_file(request, rendition_id: int):
    user = request.auth.created_by
    rendition = (
        Rendition.objects.select_related("version__asset")
        .filter(
            pk=rendition_id,
            status=RenditionStatus.READY,
            version__asset__in=published_assets(user),
        )
        .first()
    )
    if rendition is None or not rendition.file:
        raise HttpError(404, "Not found.")
    version = rendition.version
    if version.asset.current_version_id != version.pk or not can_view_version(user, version):
        raise HttpError(404, "Not found.")
    name = f"{version.asset.public_id}-v{version.number}-{rendition.name}{_suffix(rendition.file)}"
    response = _send(rendition.file, name)
    _log_download(request.auth, version, "rendition", rendition)
    return response


CHECK_REQUEST = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "PNG, JPEG, WebP, SVG or PDF, at most "
                            "BRANDKIT_MAX_UPLOAD_BYTES (50 MB by default).",
                        },
                        "preset": {
                            "type": "string",
                            "description": "Channel preset slug: also check the size.",
                        },
                    },
                }
            }
        },
    }
}
# The multipart envelope around one file: field names, boundaries, a preset.
ENVELOPE_BYTES = 64 * 1024


def _refuse(status: int, detail: str):
    raise HttpError(status, detail)


@router.post(
    "/checks",
    response={200: schemas.CheckReport, 400: schemas.Error, 401: schemas.Error, 413: schemas.Error},
    openapi_extra=CHECK_REQUEST,
    operation_id="checkFile",
    url_name="check_file",
    summary="Check a file against the brand rules (nothing is stored)",
)
def check_file(request, lang: schemas.Language = "et"):
    """The report the library shows after an upload and `manage.py checkfile --json` prints:
    verdict pass, fail or rejected (unsafe, unreadable or unsupported), each finding with its
    code, severity, message in `lang` and details. A rejected file is a report too (200), so a
    client always learns why; 400 and 413 mean there was no file to check. Nothing is kept."""
    limit = settings.BRANDKIT_MAX_UPLOAD_BYTES
    limit_mb = limit // 1_000_000
    too_large = f"The file is larger than {limit_mb} MB, the largest file accepted."
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit + ENVELOPE_BYTES:
        _refuse(413, too_large)
    if not request.content_type.startswith("multipart/form-data"):
        _refuse(400, "Send the file as multipart/form-data in a field named 'file'.")
    try:
        files = request.FILES.getlist("file")
        preset = (request.POST.get("preset") or "").strip()
    except (RequestDataTooBig, TooManyFilesSent, MultiPartParserError):
        _refuse(400, "The request could not be read as one file in a field named 'file'.")
    if len(files) != 1:
        _refuse(400, "Send exactly one file in a field named 'file'.")
    brandbook = Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)
    if brandbook is None:
        _refuse(400, "No brandbook is loaded, so files cannot be checked yet.")
    if preset and not brandbook.presets.filter(slug=preset).exists():
        _refuse(400, f"Unknown channel preset: {preset[:60]}.")
    uploaded = files[0]
    with translation.override(lang):
        try:
            data = read_bounded(uploaded)
        except UploadRefused as refusal:
            _refuse(413, str(refusal))
        report = check_bytes(data, uploaded.name or "upload", brandbook, preset)
    return report.as_dict(lang)  # details are plain JSON values already (report.plain)


# -- brand templates ------------------------------------------------------------------------------


def _current_brandbook_data() -> dict:
    brandbook = Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)
    if brandbook is None:
        _refuse(400, "No brandbook is loaded, so there are no templates yet.")
    return brandbook.to_data()


@router.get(
    "/templates",
    response={200: list[schemas.BannerTemplate], 401: schemas.Error},
    operation_id="listTemplates",
    url_name="list_templates",
    summary="Brand templates of the current brandbook",
    tags=["templates"],
)
def list_templates(request):
    """The templates a banner can be rendered from, with their text slots."""
    return [
        {
            "slug": t["slug"],
            "name": t["name"],
            "description": t.get("description") or {},
            "text_slots": [s["name"] for s in t["slots"] if s["kind"] == "text"],
            "required_slots": [
                s["name"] for s in t["slots"] if s["kind"] == "text" and s["required"]
            ],
            "image_slot": any(s["kind"] == "image" for s in t["slots"]),
        }
        for t in _current_brandbook_data().get("templates") or []
    ]


@router.post(
    "/templates/{slug}/render",
    response={200: None, 400: schemas.Error, 401: schemas.Error},
    operation_id="renderTemplate",
    url_name="render_template",
    summary="Render a banner from a brand template (nothing is stored)",
    tags=["templates"],
    openapi_extra={
        "responses": {
            "200": {
                "description": "The banner at the preset's exact size",
                "content": {
                    media: {"schema": {"type": "string", "format": "binary"}}
                    for media in ("image/png", "image/jpeg", "image/webp", "application/pdf")
                },
            }
        }
    },
)
def render_template(request, slug: str, body: schemas.BannerRequest):
    """A banner for a news item: the template's layout, the brand's colours, type and logo, the
    texts fitted to the preset. 400 names the problem (unknown template, preset or slot, a
    missing text, text that does not fit and how many characters would)."""
    import base64
    import binascii

    from brandkit.banners import BannerError, render_banner

    image = None
    if body.image_base64:
        try:
            image = base64.b64decode(body.image_base64, validate=True)
        except (binascii.Error, ValueError):
            _refuse(400, "image_base64 is not valid base64.")
    try:
        out = render_banner(
            _current_brandbook_data(),
            slug,
            body.preset,
            body.lang,
            body.texts,
            fmt=body.format,
            pair=body.colours,
            image=image,
            focal=body.focal,
        )
    except BannerError as exc:
        _refuse(400, exc.messages.get(body.lang) or exc.messages["en"])
    response = HttpResponse(out.data, content_type=out.media_type)
    extension = "jpg" if out.format == "jpeg" else out.format
    response["Content-Disposition"] = (
        f'attachment; filename="{slug}-{body.preset}-{body.lang}.{extension}"'
    )
    response["X-Banner-Size"] = f"{out.width}x{out.height}"
    return response
