"""Pages and media of the asset library.

Access is decided only by `brandkit.library.permissions`; whatever the user may not see
answers 404 (never 403), so ids reveal nothing. Files leave the server only through the media
views here, with the safe headers of `brandkit.media_response`. What counts as a logged
download is described in `brandkit.library.downloads`.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from brandkit.library import downloads, search
from brandkit.library.forms import ACCEPT, AssetForm, TextForm, UploadForm
from brandkit.library.models import (
    Asset,
    AssetVersion,
    Rendition,
    RenditionStatus,
    StagedUpload,
)
from brandkit.library.permissions import (
    can_add_version,
    can_comment,
    can_decide,
    can_edit,
    can_upload,
    can_view_version,
    edits_wait_for_review,
    visible_assets,
)
from brandkit.library.upload_handlers import BoundedUploadHandler
from brandkit.library.uploads import (
    StagedUploadGone,
    UploadRefused,
    commit_version,
    discard,
    find_duplicates,
    stage,
)
from brandkit.media_response import file_response, png_response
from brandkit.request_params import parse_id, safe_return_url
from brandkit.review import alttext, audit, text_revisions, workflow
from brandkit.review.workflow import WorkflowError
from brandkit.rules.models import Brandbook
from brandkit.units import binary_size

PAGE_SIZE = 24
INLINE_FORMATS = {"png", "jpeg", "webp", "pdf"}
PREVIEW_FORMATS = {"png", "jpeg", "webp"}
RENDERED_PREVIEW_FORMATS = {"svg", "pdf"}  # previewed as a PNG drawn by brandkit.checks.rasterise
PREVIEW_MAX_SIDE = 1600
RESULT_KEY = "library_upload_result"


def _brandbook() -> Brandbook | None:
    return Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)


def _visible_asset(request, public_id) -> Asset:
    return get_object_or_404(
        visible_assets(request.user).select_related(
            "topic", "campaign", "owner", "current_version"
        ),
        public_id=public_id,
    )


def _viewable_version(request, pk: int) -> AssetVersion:
    version = get_object_or_404(
        AssetVersion.objects.select_related(
            "asset", "asset__owner", "brandbook", "uploaded_by", "decided_by"
        ),
        pk=pk,
    )
    if not can_view_version(request.user, version):
        raise Http404(_("No such version."))
    return version


def _thumbnails(versions) -> dict[int, Rendition]:
    """version id -> its ready thumbnail rendition."""
    ids = [v.pk for v in versions if v is not None]
    rows = Rendition.objects.filter(
        version_id__in=ids, name="thumbnail", status=RenditionStatus.READY
    )
    return {r.version_id: r for r in rows}


def _shown_version(user, asset: Asset, latest: AssetVersion | None) -> AssetVersion | None:
    """The version a card or page shows and offers for download: the approved one, or else
    the newest one this user may see."""
    if asset.current_version is not None and can_view_version(user, asset.current_version):
        return asset.current_version
    if latest is not None and can_view_version(user, latest):
        return latest
    return None


# ---------------------------------------------------------------------------------------------
# Library list and ZIP download


@require_GET
def asset_list(request):
    brandbook = _brandbook()
    result = search.search(request.user, request.GET, brandbook=brandbook)
    paginator = Paginator(result.assets, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    assets = list(page.object_list)
    by_id = {asset.pk: asset for asset in assets}
    latest: dict[int, AssetVersion] = {}
    for version in AssetVersion.objects.filter(asset__in=assets).order_by("asset", "-number"):
        version.asset = by_id[version.asset_id]  # the permission check reads it: no query each
        latest.setdefault(version.asset_id, version)
    for asset in assets:
        if asset.current_version is not None:
            asset.current_version.asset = asset
    cards = []
    for asset in assets:
        version = _shown_version(request.user, asset, latest.get(asset.pk))
        cards.append({"asset": asset, "version": version})
    thumbs = _thumbnails([c["version"] for c in cards])
    for card in cards:
        card["thumbnail"] = thumbs.get(card["version"].pk) if card["version"] else None
    pages = [
        {"number": n, "url": search.page_url(result, n), "current": n == page.number}
        for n in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        if isinstance(n, int)
    ]
    return render(
        request,
        "library/asset_list.html",
        {
            "result": result,
            "page": page,
            "cards": cards,
            "pages": pages,
            "previous_url": search.page_url(result, page.previous_page_number())
            if page.has_previous()
            else "",
            "next_url": search.page_url(result, page.next_page_number()) if page.has_next() else "",
            "sorts": search.SORTS,
            "may_upload": can_upload(request.user),
            "zip_max_files": downloads.ZIP_MAX_FILES,
        },
    )


@require_POST
def download_zip(request):
    """The originals of the chosen versions as one ZIP. Every id must be one the user may see:
    an unknown or hidden id refuses the whole request with 404 and says so."""
    raw_ids = request.POST.getlist("version")
    back = safe_return_url(request, request.POST.get("next"), reverse("library:list"))
    if not raw_ids:
        messages.error(request, _("Choose at least one file for the ZIP."))
        return redirect(back)
    if len(raw_ids) > downloads.ZIP_MAX_FILES:
        messages.error(
            request,
            _("A ZIP can hold at most %(count)d files; choose fewer.")
            % {"count": downloads.ZIP_MAX_FILES},
        )
        return redirect(back)
    ids = list(dict.fromkeys(parse_id(value) for value in raw_ids))
    if None in ids:  # not an id at all (text, a sign, beyond 64 bits): unknown, like a hidden one
        ids = None
    versions = list(AssetVersion.objects.select_related("asset").filter(pk__in=ids)) if ids else []
    if (
        ids is None
        or len(versions) != len(ids)
        or not all(can_view_version(request.user, v) for v in versions)
    ):
        return render(request, "library/zip_refused.html", {"back": back}, status=404)
    order = {pk: index for index, pk in enumerate(ids)}
    versions.sort(key=lambda v: order[v.pk])
    try:
        spool = downloads.build_zip(versions)
    except downloads.ZipTooLarge:
        messages.error(
            request,
            _("The selection is too large for one ZIP (at most %(size)s). Choose fewer files.")
            % {"size": binary_size(downloads.zip_max_bytes())},
        )
        return redirect(back)
    for version in versions:
        downloads.log_download(request.user, version, what="zip")
    name = f"brandkit-{timezone.localtime():%Y%m%d-%H%M%S}.zip"
    response = FileResponse(
        spool, as_attachment=True, filename=name, content_type="application/zip"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# ---------------------------------------------------------------------------------------------
# Asset and version pages


@require_GET
def asset_detail(request, public_id):
    asset = _visible_asset(request, public_id)
    user = request.user
    all_versions = list(
        asset.versions.select_related("uploaded_by", "decided_by").order_by("-number")
    )
    versions = [v for v in all_versions if can_view_version(user, v)]
    latest = versions[0] if versions else None
    shown = _shown_version(user, asset, all_versions[0] if all_versions else None)
    renditions = list(shown.renditions.order_by("name")) if shown else []
    thumbnail = next(
        (r for r in renditions if r.name == "thumbnail" and r.status == RenditionStatus.READY), None
    )
    owner_or_manager = can_add_version(user, asset)
    review_draft, review_texts = _review_form(request, latest, asset)
    comments = []
    if latest is not None and can_comment(user, latest):
        comments = list(latest.comments.select_related("author").order_by("created_at"))
    events = []
    if owner_or_manager:
        events = list(asset.events.select_related("actor", "version")[:50])
    brandbook = _brandbook()
    preset = colour = None
    if brandbook is not None:
        preset = brandbook.presets.filter(slug=asset.preset_slug).first()
        colour = brandbook.colours.filter(slug=asset.dominant_colour).first()
    pending = text_revisions.open_revision(asset) if owner_or_manager else None
    return render(
        request,
        "library/asset_detail.html",
        {
            "pending_texts": pending,
            "self_approval": workflow.self_approval(latest, user)
            if latest is not None and can_decide(user)
            else "",
            "asset": asset,
            "preset": preset,
            "colour": colour,
            "versions": versions,
            "latest": latest,
            "shown": shown,
            "renditions": renditions,
            "thumbnail": thumbnail,
            "preview_original": shown is not None
            and thumbnail is None
            and shown.format in PREVIEW_FORMATS,
            "comments": comments,
            "draft": review_draft,
            "review_texts": review_texts,
            "events": events,
            "may_edit": can_edit(user, asset),
            "may_add_version": owner_or_manager,
            "may_decide": can_decide(user),
            "may_comment": latest is not None and can_comment(user, latest),
            "may_archive": can_decide(user) and asset.current_version_id is not None,
            "comment_form": TextForm(),
            "missing_alternatives": [
                asset._meta.get_field(name).verbose_name
                for name in asset.missing_text_alternatives()
            ],
            "alt_text_gaps": alttext.for_asset(asset, latest.report) if latest else [],
        },
    )


@require_http_methods(["GET", "POST"])
def asset_edit(request, public_id):
    """Drafts, and every asset a web manager edits, are saved at once. On a published asset a
    topic owner's changes to its texts become a text revision for the web manager; the
    published texts stay in the library, the API and search until it is approved. Topic,
    campaign and usable-until date are saved at once either way. Every change is audited with
    old and new values."""
    asset = _visible_asset(request, public_id)
    if not can_edit(request.user, asset):
        raise Http404(_("No such asset."))
    pending = text_revisions.open_revision(asset)
    waits = edits_wait_for_review(request.user, asset)
    before = asset.snapshot()
    # the owner goes on from what they proposed (also if the asset left the library meanwhile)
    prefill = pending if pending is not None and not can_decide(request.user) else None
    form = AssetForm(request.POST or None, instance=asset, revision=prefill)
    if request.method == "POST" and form.is_valid():
        if waits:
            return _propose_texts(request, form, before, pending)
        with transaction.atomic():
            form.save()
            event = audit.record_edit(request.user, asset, before, via="library")
            if pending is not None and not asset.is_published:
                text_revisions.withdraw(pending, request.user)  # superseded by the edit
        if event is not None:
            messages.success(request, _("The description was saved."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("library:asset", public_id=asset.public_id)
    return render(
        request,
        "library/asset_edit.html",
        {"asset": asset, "form": form, "waits": waits, "pending": pending},
    )


def _propose_texts(request, form: AssetForm, before: dict, pending):
    """Save the direct fields of a published asset and propose the rest as a revision."""
    asset = Asset.objects.get(pk=form.instance.pk)  # the form changed its own copy
    proposed = form.proposed_values()
    try:
        with transaction.atomic():
            direct = (asset.topic_id, asset.campaign_id, asset.usable_until)
            asset.topic = form.cleaned_data.get("topic")
            asset.campaign = form.cleaned_data.get("campaign")
            asset.usable_until = form.cleaned_data.get("usable_until")
            if direct != (asset.topic_id, asset.campaign_id, asset.usable_until):
                asset.save()
            event = audit.record_edit(request.user, asset, before, via="library")
            revision = text_revisions.propose(asset, request.user, proposed)
    except WorkflowError as refusal:
        messages.error(request, str(refusal))
        return redirect("library:asset_edit", public_id=asset.public_id)
    if revision is not None:
        messages.success(
            request,
            _(
                "Your new texts were sent to the web manager. The published texts stay in the "
                "library until they are approved."
            ),
        )
        return redirect("review:text_revision", pk=revision.pk)
    if pending is not None:
        messages.info(request, _("The texts are as published again: your proposal was withdrawn."))
    elif event is not None:
        messages.success(request, _("The description was saved."))
    else:
        messages.info(request, _("Nothing was changed."))
    return redirect("library:asset", public_id=asset.public_id)


@require_GET
def version_detail(request, pk):
    version = _viewable_version(request, pk)
    user = request.user
    asset = version.asset
    may_comment = can_comment(user, version)
    draft, review_texts = _review_form(request, version, asset)
    return render(
        request,
        "library/version_detail.html",
        {
            "version": version,
            "asset": asset,
            "report": version.report,
            "renditions": list(version.renditions.order_by("name")),
            "comments": list(version.comments.select_related("author")) if may_comment else [],
            "events": list(version.events.select_related("actor"))
            if can_add_version(user, asset)
            else [],
            "may_decide": can_decide(user),
            "self_approval": workflow.self_approval(version, user) if can_decide(user) else "",
            "may_comment": may_comment,
            "may_submit": can_add_version(user, asset),
            "may_add_version": can_add_version(user, asset),
            "comment_form": TextForm(),
            "preview": _preview_query(version.format) is not None,
            "preview_query": _preview_query(version.format),
            "missing_alternatives": [
                asset._meta.get_field(name).verbose_name
                for name in asset.missing_text_alternatives()
            ],
            "alt_text_gaps": alttext.for_asset(asset, version.report),
            "draft": draft,
            "review_texts": review_texts,
        },
    )


def _review_form(request, version: AssetVersion | None, asset: Asset) -> tuple[dict, list]:
    """What the decision forms start from: the user's typed text from a refused attempt (kept
    in the session once), and the asset's text alternatives for inline completion."""
    from brandkit.review.views import draft_key

    if version is None:
        return {}, []
    draft = request.session.pop(draft_key(version.pk), None) or {}
    missing = set(asset.missing_text_alternatives())
    texts = [
        {
            "name": name,
            "label": asset._meta.get_field(name).verbose_name,
            "lang": name.rsplit("_", 1)[1],
            "value": draft.get(name, getattr(asset, name)),
            "missing": name in missing,
        }
        for name in _review_text_fields(asset)
    ]
    return draft, texts


def _review_text_fields(asset: Asset) -> list[str]:
    """The text alternatives the web manager may complete on the review page: the alt text in
    each language of the visual, and for infographics the long description too."""
    languages = asset.language_list or ["et"]
    fields = [f"alt_text_{code}" for code in languages]
    if asset.kind == "infographic":
        fields += [f"long_description_{code}" for code in languages]
    return fields


# ---------------------------------------------------------------------------------------------
# Media


@require_GET
def version_file(request, pk):
    """The original, byte for byte, as an attachment (a logged download). ``?inline=1`` shows
    PNG, JPEG, WebP and PDF inline for previews in our pages and is not logged; SVG is never
    inline."""
    version = _viewable_version(request, pk)
    if request.GET.get("preview") == "1":
        return _rendered_preview(version.file, version.format)
    inline = request.GET.get("inline") == "1" and version.format in INLINE_FORMATS
    if not inline:
        downloads.log_download(request.user, version, what="original")
    return file_response(
        version.file, download_name=downloads.original_name(version), inline=inline
    )


@require_GET
def rendition_file(request, pk):
    """A rendition as an attachment (logged), or inline with ``?inline=1`` (not logged)."""
    rendition = get_object_or_404(
        Rendition.objects.select_related("version", "version__asset"),
        pk=pk,
        status=RenditionStatus.READY,
    )
    if not rendition.file or not can_view_version(request.user, rendition.version):
        raise Http404(_("No such file."))
    inline = request.GET.get("inline") == "1"
    if not inline:
        downloads.log_download(
            request.user, rendition.version, what="rendition", rendition=rendition
        )
    return file_response(
        rendition.file, download_name=downloads.rendition_name(rendition), inline=inline
    )


def _own_staged(request, token) -> StagedUpload:
    staged = get_object_or_404(
        StagedUpload.objects.select_related("target_asset", "brandbook"),
        token=token,
        user=request.user,
    )
    if staged.target_asset is not None and not can_add_version(request.user, staged.target_asset):
        raise Http404(_("No such upload."))
    return staged


@require_GET
def staged_file(request, token):
    """The uploader's own staged file, for the preview on its page (not an asset yet, so not
    a logged download). SVG always goes out as an attachment."""
    staged = _own_staged(request, token)
    if request.GET.get("preview") == "1":
        return _rendered_preview(staged.file, staged.format)
    ext = {"jpeg": "jpg"}.get(staged.format, staged.format or "bin")
    name = f"{slug_stem(staged.original_name)}.{ext}"
    inline = request.GET.get("inline") == "1" and staged.format in INLINE_FORMATS
    return file_response(staged.file, download_name=name, inline=inline)


def _preview_png():
    """rasterise.preview_png when that module is there (it draws SVG and PDF safely)."""
    try:
        from brandkit.checks.rasterise import preview_png
    except ImportError:
        return None
    return preview_png


def _preview_query(fmt: str | None) -> str | None:
    """How a page shows a file as an image: the original inline (PNG, JPEG, WebP), a PNG
    drawn from it (SVG, PDF), or not at all."""
    if fmt in PREVIEW_FORMATS:
        return "?inline=1"
    if fmt in RENDERED_PREVIEW_FORMATS and _preview_png() is not None:
        return "?preview=1"
    return None


def _rendered_preview(field_file, fmt: str | None):
    """A PNG preview of an SVG or PDF (its first page), drawn on request from the stored file
    with the same safety limits as the check. Permission was checked by the caller."""
    from brandkit.checks.decode import Limits, decode

    preview_png = _preview_png()
    if fmt not in RENDERED_PREVIEW_FORMATS or preview_png is None:
        raise Http404(_("No preview for this file."))
    limits = Limits(max_bytes=getattr(settings, "BRANDKIT_MAX_UPLOAD_BYTES", Limits().max_bytes))
    with field_file.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    decoded = decode(data, fmt, limits) if len(data) <= limits.max_bytes else []
    png = preview_png(decoded, PREVIEW_MAX_SIDE) if not isinstance(decoded, list) else None
    if not png:
        raise Http404(_("No preview for this file."))
    return png_response(png, "preview.png")


def slug_stem(name: str) -> str:
    return slugify(PurePosixPath(name).stem, allow_unicode=True)[:80] or "upload"


# ---------------------------------------------------------------------------------------------
# Upload


def _upload_target(request) -> Asset | None:
    public_id = request.GET.get("asset")
    if not public_id:
        return None
    try:
        asset = visible_assets(request.user).get(public_id=public_id)
    except (Asset.DoesNotExist, ValidationError, ValueError) as exc:  # a malformed UUID too
        raise Http404(_("No such asset.")) from exc
    if not can_add_version(request.user, asset):
        raise Http404(_("No such asset."))
    return asset


def _upload_url(target: Asset | None) -> str:
    url = reverse("library:upload")
    return f"{url}?asset={target.public_id}" if target is not None else url


def _go(request, url: str):
    """Where to go after an upload POST: a redirect, or for upload.js (which sends the files
    with XMLHttpRequest to show progress) the address as JSON, so that the page it then opens
    is the one that shows the messages."""
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return JsonResponse({"location": url})
    return redirect(url)


@csrf_exempt  # the CSRF check runs in _upload, after our upload handler is installed
@require_http_methods(["GET", "POST"])
def upload(request):
    """One or many files; each is checked and staged, or refused with its reasons.

    Django's CSRF middleware would read the body before the view could add the bounded upload
    handler, so this view is exempt and `_upload` is CSRF-protected instead (the pattern in
    Django's upload handler documentation). A request that holds too many files is answered
    with a clear message before anything is stored; one larger than the request ceiling never
    gets here (brandkit.limits answers 413).
    """
    if not can_upload(request.user):
        raise Http404(_("No such page."))
    target = _upload_target(request)
    if request.method == "POST":
        handler = BoundedUploadHandler(request)
        request.upload_handlers.insert(0, handler)
        try:
            request.POST  # noqa: B018 - parse the body now, under our limits
            request.FILES  # noqa: B018
        except TooManyFilesSent:
            messages.error(
                request,
                _(
                    "Too many files at once: at most %(count)d files can be sent together. "
                    "Send them in smaller groups."
                )
                % {"count": settings.DATA_UPLOAD_MAX_NUMBER_FILES},
            )
            return _go(request, _upload_url(target))
        except (RequestDataTooBig, MultiPartParserError):
            messages.error(
                request, _("The upload could not be read. Try again, with fewer or smaller files.")
            )
            return _go(request, _upload_url(target))
        request._brandkit_too_large = handler.too_large
    return _upload(request, target)


@csrf_protect
def _upload(request, target: Asset | None):
    brandbook = _brandbook()
    form = UploadForm(
        request.POST or None,
        brandbook=brandbook,
        initial={"preset": target.preset_slug if target else ""},
    )
    if request.method == "POST":
        files = request.FILES.getlist("files")
        too_large = getattr(request, "_brandkit_too_large", [])
        if brandbook is None:
            form.add_error(None, _("No brandbook is loaded, so files cannot be checked yet."))
        elif not files and not too_large:
            form.add_error(None, _("Choose at least one file."))
        elif target is not None and len(files) + len(too_large) > 1:
            form.add_error(None, _("A new version is one file: choose only one."))
        elif not form.is_valid():
            pass
        else:
            limit_size = binary_size(settings.BRANDKIT_MAX_UPLOAD_BYTES)
            rejected = [
                {
                    "name": name,
                    "message": _("%(name)s is larger than %(limit)s, the largest file accepted.")
                    % {"name": name, "limit": limit_size},
                }
                for name in too_large
            ]
            staged = []
            for uploaded in files:
                try:
                    staged.append(
                        stage(
                            uploaded,
                            user=request.user,
                            brandbook=brandbook,
                            preset_slug=form.cleaned_data["preset"],
                            target_asset=target,
                        )
                    )
                except UploadRefused as refusal:
                    rejected.append({"name": uploaded.name, "message": str(refusal)})
            if len(staged) == 1 and not rejected:
                return _go(request, reverse("library:staged", kwargs={"token": staged[0].token}))
            request.session[RESULT_KEY] = {
                "rejected": rejected,
                "staged": [str(s.token) for s in staged],
            }
            if staged:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d file was checked: describe it and save it.",
                        "%(count)d files were checked: describe each one and save it.",
                        len(staged),
                    )
                    % {"count": len(staged)},
                )
            return _go(request, _upload_url(target))
        for error in form.non_field_errors():
            messages.error(request, error)
        for field in form:
            for error in field.errors:
                messages.error(request, f"{field.label}: {error}")
        return _go(request, _upload_url(target))
    result = request.session.pop(RESULT_KEY, None) or {}
    waiting = StagedUpload.objects.filter(user=request.user).select_related("target_asset")
    return render(
        request,
        "library/upload.html",
        {
            "form": form,
            "target": target,
            "accept": ACCEPT,
            "rejected": result.get("rejected", []),
            "new_tokens": set(result.get("staged", [])),
            "waiting": [
                s
                for s in waiting
                if s.target_asset is None or can_add_version(request.user, s.target_asset)
            ],
            "max_size": binary_size(settings.BRANDKIT_MAX_UPLOAD_BYTES),
            "max_files": settings.DATA_UPLOAD_MAX_NUMBER_FILES,
            "has_brandbook": brandbook is not None,
        },
    )


def _initial_title(name: str) -> str:
    stem = PurePosixPath(name).stem.replace("_", " ").replace("-", " ")
    return " ".join(stem.split())[:200]


def _duplicates(request, staged: StagedUpload) -> list[dict]:
    found = find_duplicates(
        request.user, staged.sha256, staged.perceptual_hash, exclude_asset=staged.target_asset
    )
    thumbs = _thumbnails([d.version for d in found])
    return [
        {
            "duplicate": d,
            "thumbnail": thumbs.get(d.version.pk)
            if can_view_version(request.user, d.version)
            else None,
        }
        for d in found
    ]


def _staged_gone(request, target: Asset | None):
    """The stale page of a staged upload: another request (a second click, another tab) saved
    or discarded it first; nothing was saved twice."""
    messages.error(
        request,
        _(
            "This upload was already saved or discarded from another page, so it was not saved "
            "again. Find it in the library."
        ),
    )
    if target is not None:
        return redirect("library:asset", public_id=target.public_id)
    return redirect("library:upload")


@require_http_methods(["GET", "POST"])
def staged_detail(request, token):
    """The check report of a staged upload, its duplicates, and the form that saves it."""
    staged = _own_staged(request, token)
    target = staged.target_asset
    form = None
    if target is None:
        form = AssetForm(
            request.POST or None,
            initial={"title_et": _initial_title(staged.original_name), "languages": ["et"]},
        )
    if request.method == "POST":
        if target is not None:
            try:
                version = commit_version(staged, target, request.user)
            except StagedUploadGone:
                return _staged_gone(request, target)
            messages.success(
                request, _("Version %(number)d was saved as a draft.") % {"number": version.number}
            )
            return redirect("library:asset", public_id=target.public_id)
        if form.is_valid():
            try:
                with transaction.atomic():
                    asset = form.save(commit=False)
                    asset.owner = request.user
                    asset.preset_slug = staged.preset_slug
                    asset.save()
                    form.save_tags(asset)
                    commit_version(staged, asset, request.user)
            except StagedUploadGone:
                return _staged_gone(request, None)
            messages.success(
                request, _("The asset was saved as a draft. Submit it for review when it is ready.")
            )
            return redirect("library:asset", public_id=asset.public_id)
    preset = None
    if staged.brandbook is not None and staged.preset_slug:
        preset = staged.brandbook.presets.filter(slug=staged.preset_slug).first()
    return render(
        request,
        "library/staged_detail.html",
        {
            "staged": staged,
            "target": target,
            "form": form,
            "report": staged.report,
            "preset": preset,
            "duplicates": _duplicates(request, staged),
            "preview": _preview_query(staged.format) is not None,
            "preview_query": _preview_query(staged.format),
        },
    )


@require_POST
def staged_discard(request, token):
    staged = _own_staged(request, token)
    name = staged.original_name
    discard(staged)
    messages.success(request, _("%(name)s was discarded.") % {"name": name})
    return redirect("library:upload")
