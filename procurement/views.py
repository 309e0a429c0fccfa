"""Pages of the procurement app: orders, their documents and deliveries.

Access is decided only by `procurement.permissions`; an order, document or delivery the user
may not see answers 404, so numbers and ids reveal nothing. Files leave the server only
through the views here, with the safe headers of `brandkit.media_response`, and each document
download is written to the audit trail.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.core.paginator import Paginator
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from brandkit.library.permissions import visible_assets
from brandkit.library.upload_handlers import BoundedUploadHandler
from brandkit.media_response import file_response
from brandkit.review import audit
from brandkit.review.models import AuditAction, AuditEvent
from procurement import cpv, generation, permissions
from procurement.deliveries import DeliveryRefused, deliver, fulfilment
from procurement.forms import DeliveryForm, OrderForms, StaleOrder
from procurement.models import (
    Delivery,
    Document,
    DocumentKind,
    DocumentStatus,
    VisualOrder,
    preset_in,
)
from procurement.thresholds import route_for, thresholds_on

PAGE_SIZE = 50


def _language_name(code: str) -> str:
    names = {"et": _("Estonian"), "en": _("English"), "ru": _("Russian")}
    return names.get(code, code)


def _require_use(request) -> None:
    if not permissions.can_use(request.user):
        raise Http404(_("No such page."))


def _visible_order(request, number: str) -> VisualOrder:
    _require_use(request)
    return get_object_or_404(
        permissions.visible_orders(request.user).select_related("owner"), number=number
    )


# ---------------------------------------------------------------------------------------------
# Orders


@require_GET
def order_list(request):
    _require_use(request)
    orders = permissions.visible_orders(request.user).select_related("owner")
    page = Paginator(orders, PAGE_SIZE).get_page(request.GET.get("page"))
    thresholds = thresholds_on()
    rows = [
        {"order": order, "route": route_for(order.estimated_value_eur, rows=thresholds)}
        for order in page
    ]
    return render(
        request,
        "procurement/order_list.html",
        {
            "page": page,
            "rows": rows,
            "may_create": permissions.can_create(request.user),
            "sees_all": permissions.sees_all(request.user),
        },
    )


def _thresholds_context() -> dict:
    return {"thresholds": thresholds_on()}


@require_http_methods(["GET", "POST"])
def order_create(request):
    _require_use(request)
    if not permissions.can_create(request.user):
        raise Http404(_("No such page."))
    brandbook = generation.current_brandbook()
    forms = OrderForms(request.POST or None, user=request.user, brandbook=brandbook)
    if request.method == "POST" and forms.is_valid():
        order, _changed = forms.save()
        audit.record(
            request.user,
            AuditAction.EDIT,
            obj=order,
            order=order.number,
            created=True,
            revision=order.revision,
        )
        messages.success(
            request,
            _("Order %(number)s was saved. Generate the brief when you are ready.")
            % {"number": order.number},
        )
        return redirect("procurement:order", number=order.number)
    return render(
        request,
        "procurement/order_form.html",
        {"forms": forms, "order": None, **_thresholds_context()},
    )


@require_http_methods(["GET", "POST"])
def order_edit(request, number: str):
    order = _visible_order(request, number)
    if not permissions.can_edit(request.user, order):
        raise Http404(_("No such order."))
    brandbook = generation.current_brandbook()
    forms = OrderForms(request.POST or None, user=request.user, instance=order, brandbook=brandbook)
    if request.method == "POST" and forms.is_valid():
        try:
            order, changed = forms.save()
        except StaleOrder as stale:
            messages.error(
                request,
                _(
                    "Someone else saved this order while you were editing it (it is now at "
                    "revision %(revision)d). Open it again and make your changes once more."
                )
                % {"revision": stale.args[0]},
            )
            return redirect("procurement:order", number=order.number)
        if changed:
            audit.record(
                request.user,
                AuditAction.EDIT,
                obj=order,
                order=order.number,
                revision=order.revision,
            )
            messages.success(
                request,
                _(
                    "The order was saved as revision %(revision)d. Documents made earlier stay "
                    "as they were; generate them again for the new revision."
                )
                % {"revision": order.revision},
            )
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("procurement:order", number=order.number)
    return render(
        request,
        "procurement/order_form.html",
        {"forms": forms, "order": order, **_thresholds_context()},
    )


def _deliverable_rows(order: VisualOrder, brandbook_data: dict | None, lang: str) -> list[dict]:
    rows = []
    for index, deliverable in enumerate(order.deliverables.all(), start=1):
        preset = (
            preset_in(brandbook_data, deliverable.preset_slug)
            if brandbook_data and deliverable.preset_slug
            else None
        )
        width, height, unit = deliverable.resolved_size(brandbook_data)
        rows.append(
            {
                "index": index,
                "deliverable": deliverable,
                "preset_name": (preset["name"].get(lang) or preset["name"].get("et", ""))
                if preset
                else "",
                "size": f"{width:g} × {height:g} {unit}" if width and height else "—",
            }
        )
    return rows


@require_GET
def order_detail(request, number: str):
    order = _visible_order(request, number)
    user = request.user
    brandbook = generation.current_brandbook()
    brandbook_data = brandbook.to_data() if brandbook is not None else None
    decision = order.route()
    documents = list(
        order.documents.select_related("created_by").order_by("kind", "lang", "-version")
    )
    kinds = [k.value for k in DocumentKind]
    documents.sort(key=lambda d: (kinds.index(d.kind), d.lang, -d.version))
    references = list(
        order.reference_assets.filter(pk__in=visible_assets(user).values("pk")).order_by("pk")
    )
    in_documents = set(order.document_references().values_list("pk", flat=True))
    for asset in references:
        asset.in_documents = asset.pk in in_documents
    events = list(
        AuditEvent.objects.filter(details__order=order.number)
        .select_related("actor")
        .order_by("-at", "-pk")[:30]
    )
    from procurement.display import detail_groups

    return render(
        request,
        "procurement/order_detail.html",
        {
            "order": order,
            "deliverables": _deliverable_rows(
                order, brandbook_data, (request.LANGUAGE_CODE or "et")[:2]
            ),
            "milestones": list(order.milestones.all()),
            "decision": decision,
            "cpv": cpv.describe(list(order.cpv_codes)),
            "references": references,
            "documents": documents,
            "has_pending": any(d.status == DocumentStatus.PENDING for d in documents),
            "brief_languages": [(c, _language_name(c)) for c in generation.brief_languages()],
            "tender_languages": [(c, _language_name(c)) for c in generation.tender_languages()],
            "may_edit": permissions.can_edit(user, order),
            "may_generate": permissions.can_generate(user, order) and brandbook is not None,
            "may_deliver": permissions.can_deliver(user, order),
            "tender_allowed": decision is not None,
            "low_value": decision is not None and decision.is_low_value,
            "fulfilment": fulfilment(order, brandbook_data),
            "has_brandbook": brandbook is not None,
            "detail_groups": detail_groups(order),
            "events": events,
        },
    )


# ---------------------------------------------------------------------------------------------
# Documents


def _generation_target(request, number: str) -> VisualOrder:
    order = _visible_order(request, number)
    if not permissions.can_generate(request.user, order):
        raise Http404(_("No such order."))
    return order


def _report_request(request, docs, created: bool, what: str, lang: str) -> None:
    """What happened to a generation request, in one message. `what` is "Design brief" or
    "Tender set"; the language goes in brackets so every language can word it naturally."""
    facts = {"what": what, "language": _language_name(lang), "version": docs[0].version}
    if not created:
        messages.info(
            request,
            _(
                "%(what)s (%(language)s) for revision %(revision)d already exists as version "
                "%(version)d. Change the order to make a new version."
            )
            % {**facts, "revision": docs[0].order_revision},
        )
        return
    if any(d.status == DocumentStatus.FAILED for d in docs):
        messages.error(
            request,
            _(
                "%(what)s (%(language)s, version %(version)d) could not be made. The error is "
                "shown in the documents table; tell the web manager."
            )
            % facts,
        )
    elif all(d.status == DocumentStatus.READY for d in docs):
        messages.success(
            request, _("%(what)s (%(language)s, version %(version)d) is ready.") % facts
        )
    else:
        messages.success(
            request,
            _(
                "%(what)s (%(language)s, version %(version)d) is being made. Its status is "
                "shown in the documents table: reload the page to see when it is ready."
            )
            % facts,
        )


def _refusal_message(refused: generation.GenerationRefused) -> str:
    if refused.reason == "brandbook":
        return _("No brandbook is loaded, so documents cannot be made yet.")
    if refused.reason == "route":
        return _(
            "No procurement threshold applies today, so the documents cannot name the "
            "procurement route. Ask the web manager to add the thresholds in the admin."
        )
    return _("Documents cannot be made in that language.")


@require_POST
def generate_brief(request, number: str):
    order = _generation_target(request, number)
    lang = request.POST.get("lang", "")
    try:
        docs, created = generation.request_brief(order, lang, request.user)
    except generation.GenerationRefused as refused:
        messages.error(request, _refusal_message(refused))
        return redirect("procurement:order", number=order.number)
    for doc in docs:
        doc.refresh_from_db()
    _report_request(request, docs, created, _("Design brief"), lang)
    return redirect(reverse("procurement:order", args=[order.number]) + "#documents-heading")


@require_POST
def generate_tender(request, number: str):
    order = _generation_target(request, number)
    lang = request.POST.get("lang", "")
    try:
        docs, created = generation.request_tender_set(order, lang, request.user)
    except generation.GenerationRefused as refused:
        messages.error(request, _refusal_message(refused))
        return redirect("procurement:order", number=order.number)
    for doc in docs:
        doc.refresh_from_db()
    _report_request(request, docs, created, _("Tender set"), lang)
    return redirect(reverse("procurement:order", args=[order.number]) + "#documents-heading")


@require_GET
def document_download(request, pk: int):
    _require_use(request)
    document = get_object_or_404(
        Document.objects.select_related("order").filter(
            order__in=permissions.visible_orders(request.user)
        ),
        pk=pk,
        status=DocumentStatus.READY,
    )
    if not document.file:
        raise Http404(_("No such file."))
    audit.record(
        request.user,
        AuditAction.DOWNLOAD,
        obj=document,
        what="document",
        order=document.order.number,
        kind=document.kind,
        lang=document.lang,
        document_version=document.version,
        sha256=document.sha256,
    )
    return file_response(document.file, download_name=document.download_name, inline=False)


# ---------------------------------------------------------------------------------------------
# Deliveries


@csrf_exempt  # the CSRF check runs in _deliveries, after our upload handler is installed
@require_http_methods(["GET", "POST"])
def deliveries(request, number: str):
    """Upload one delivered file against one deliverable, and see what is fulfilled. Like the
    library upload, the body is read under a bounded upload handler so an oversized file is
    refused without being spooled."""
    order = _visible_order(request, number)
    if not permissions.can_deliver(request.user, order):
        raise Http404(_("No such order."))
    if request.method == "POST":
        handler = BoundedUploadHandler(request)
        request.upload_handlers.insert(0, handler)
        try:
            request.POST  # noqa: B018 - parse the body now, under our limits
            request.FILES  # noqa: B018
        except (RequestDataTooBig, TooManyFilesSent, MultiPartParserError):
            messages.error(request, _("The upload could not be read. Send one file at a time."))
            return redirect("procurement:deliveries", number=order.number)
        request._procurement_too_large = handler.too_large
    return _deliveries(request, order)


@csrf_protect
def _deliveries(request, order: VisualOrder):
    brandbook = generation.current_brandbook()
    form = DeliveryForm(
        request.POST or None, request.FILES or None, order=order, brandbook=brandbook
    )
    refusal = None
    if request.method == "POST":
        too_large = getattr(request, "_procurement_too_large", [])
        if too_large:
            refusal = {
                "message": _(
                    "%(name)s is larger than %(limit)d MB, the largest file accepted; "
                    "nothing was stored."
                )
                % {"name": too_large[0], "limit": settings.BRANDKIT_MAX_UPLOAD_BYTES // 1_000_000},
                "reasons": [],
            }
        elif brandbook is None:
            form.add_error(None, _("No brandbook is loaded, so files cannot be checked yet."))
        elif form.is_valid():
            try:
                delivery = deliver(
                    form.cleaned_data["file"],
                    order=order,
                    deliverable=form.cleaned_data["deliverable"],
                    languages=form.cleaned_data["languages"],
                    user=request.user,
                    brandbook=brandbook,
                )
            except DeliveryRefused as exc:
                refusal = {"message": str(exc), "reasons": exc.reasons}
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s passes the brand checks and matches the deliverable: it was "
                        "stored."
                    )
                    % {"name": delivery.original_name},
                )
                return redirect("procurement:deliveries", number=order.number)
    brandbook_data = brandbook.to_data() if brandbook is not None else None
    return render(
        request,
        "procurement/deliveries.html",
        {
            "order": order,
            "form": form,
            "refusal": refusal,
            "fulfilment": fulfilment(order, brandbook_data),
            "max_mb": settings.BRANDKIT_MAX_UPLOAD_BYTES // 1_000_000,
            "has_brandbook": brandbook is not None,
        },
    )


@require_GET
def delivery_file(request, pk: int):
    _require_use(request)
    delivery = get_object_or_404(
        Delivery.objects.select_related("order").filter(
            order__in=permissions.visible_orders(request.user)
        ),
        pk=pk,
    )
    suffix = {"jpeg": "jpg"}.get(delivery.format, delivery.format or "bin")
    stem = slugify(PurePosixPath(delivery.original_name).stem, allow_unicode=True)[:80]
    stem = stem or "delivery"
    name = f"{delivery.order.number}-{stem}.{suffix}"
    audit.record(
        request.user,
        AuditAction.DOWNLOAD,
        obj=delivery,
        what="delivery",
        order=delivery.order.number,
        file=delivery.original_name,
        sha256=delivery.sha256,
    )
    return file_response(delivery.file, download_name=name, inline=False)
