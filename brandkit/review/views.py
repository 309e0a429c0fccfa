"""Review pages (the web manager's queue and audit log) and the decision actions.

Every decision is a POST that carries the version's `revision` as the user saw it; the
workflow refuses a stale one with a message instead of overwriting a newer decision. A version
the user may not see answers 404; a step the user may see but not take is refused with a
message on the page they came from.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from brandkit.library.forms import TextForm
from brandkit.library.models import (
    AssetVersion,
    TextRevision,
    TextRevisionState,
    VersionState,
)
from brandkit.library.permissions import (
    can_comment,
    can_decide,
    can_edit,
    can_view_text_revision,
    can_view_version,
    edits_wait_for_review,
    visible_assets,
)
from brandkit.request_params import parse_id, safe_return_url
from brandkit.review import alttext, audit, text_revisions, workflow
from brandkit.review.forms import AuditFilterForm
from brandkit.review.models import AuditAction, AuditEvent, Comment

AUDIT_PAGE_SIZE = 50


def _manager_only(request) -> None:
    if not can_decide(request.user):
        raise Http404(_("No such page."))


@require_GET
def queue(request):
    _manager_only(request)
    versions = (
        AssetVersion.objects.filter(state=VersionState.SUBMITTED)
        .select_related("asset", "asset__owner", "uploaded_by")
        .annotate(submitted_at=Max("events__at", filter=Q(events__action=AuditAction.SUBMIT)))
        .order_by("submitted_at", "pk")
    )
    texts = (
        TextRevision.objects.filter(state=TextRevisionState.PENDING)
        .select_related("asset", "asset__owner", "author")
        .order_by("updated_at", "pk")
    )
    return render(request, "review/queue.html", {"versions": versions, "texts": texts})


@require_GET
def audit_log(request):
    _manager_only(request)
    form = AuditFilterForm(request.GET or None)
    events = form.filter(
        AuditEvent.objects.select_related("actor", "asset", "version").order_by("-at", "-pk")
    )
    if request.GET.get("export") == "csv":
        return _audit_csv(events)
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("export", None)
    return render(
        request,
        "review/audit_log.html",
        {
            "form": form,
            "page": page,
            "query": params.urlencode(),
        },
    )


AUDIT_CSV_LIMIT = 100_000


class _Echo:
    def write(self, value):
        return value


def _audit_csv(events):
    """The filtered audit log as CSV for a spreadsheet (UTF-8 with BOM, so Excel reads the
    Estonian and Russian letters): the same readable details as the page, plus the raw JSON
    for whoever needs the exact values. Cells that a spreadsheet would run as a formula are
    prefixed with an apostrophe (CSV injection)."""
    import csv
    import json

    from django.http import StreamingHttpResponse
    from django.utils import timezone

    from brandkit import readable

    def safe(value) -> str:
        text = str(value)
        return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

    def rows():
        yield "\ufeff"
        writer = csv.writer(_Echo())
        yield writer.writerow(
            [
                _("When"),
                _("Who"),
                _("Action"),
                _("Object"),
                _("From"),
                _("To"),
                _("Details"),
                "details_json",
            ]
        )
        for event in events[:AUDIT_CSV_LIMIT].iterator(chunk_size=2000):
            who = event.actor.get_full_name() or event.actor.username if event.actor else ""
            shown = "; ".join(f"{d.label}: {d.text}" for d in readable.details(event.details))
            yield writer.writerow(
                [
                    safe(timezone.localtime(event.at).isoformat(timespec="seconds")),
                    safe(who),
                    safe(event.get_action_display()),
                    safe(event.object_repr),
                    safe(event.from_state),
                    safe(event.to_state),
                    safe(shown),
                    safe(json.dumps(event.details, ensure_ascii=False, default=str)),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="brandkit-audit-{stamp}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _version(request, pk: int) -> AssetVersion:
    version = get_object_or_404(AssetVersion.objects.select_related("asset"), pk=pk)
    if not can_view_version(request.user, version):
        raise Http404(_("No such version."))
    return version


def _back(request, version: AssetVersion):
    fallback = reverse("library:version", kwargs={"pk": version.pk})
    return redirect(safe_return_url(request, request.POST.get("next"), fallback))


def _seen_revision(request) -> int | None:
    """The revision the decider's page showed; anything that is not one counts as stale."""
    raw = request.POST.get("revision", "")
    if raw == "":
        return None
    revision = parse_id(raw, minimum=0)
    return -1 if revision is None else revision


DRAFT_FIELDS = ("override_reason", "self_approval_reason", "reply", *workflow.REVIEW_TEXT_FIELDS)


def draft_key(pk: int) -> str:
    return f"review-draft-{pk}"


def _decide(request, pk: int, step, success: str):
    """Run one workflow step; WorkflowError and StaleDecision become messages. What the user
    typed is kept for the page they return to, so a refusal never loses a written reason."""
    version = _version(request, pk)
    seen = _seen_revision(request)
    if seen is None:
        messages.error(request, _("The form is incomplete. Reload the page and try again."))
        return _back(request, version)
    try:
        step(version, seen)
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        typed = {name: request.POST[name][:5000] for name in DRAFT_FIELDS if name in request.POST}
        if typed:
            request.session[draft_key(version.pk)] = typed
    else:
        request.session.pop(draft_key(version.pk), None)
        messages.success(request, success)
    return _back(request, version)


@require_POST
def submit(request, pk):
    return _decide(
        request,
        pk,
        lambda version, seen: workflow.submit(
            version, request.user, seen_revision=seen, reply=request.POST.get("reply", "")
        ),
        _("The version was submitted for review."),
    )


@require_POST
def approve(request, pk):
    if not can_decide(request.user):
        version = _version(request, pk)
        messages.error(request, _("Only the web manager can approve."))
        return _back(request, version)

    def step(version, seen):
        approved = workflow.approve(
            version,
            request.user,
            override_reason=request.POST.get("override_reason", ""),
            self_approval_reason=request.POST.get("self_approval_reason", ""),
            seen_revision=seen,
            texts={
                name: request.POST[name]
                for name in workflow.REVIEW_TEXT_FIELDS
                if name in request.POST
            },
        )
        gaps = alttext.for_asset(approved.asset, approved.report)
        if gaps:  # a warning, not a refusal: OCR can misread, the reviewer decides
            messages.warning(
                request,
                _("The alt text does not contain these words of the image: %(words)s.")
                % {"words": alttext.describe(gaps)},
            )
        return approved

    return _decide(request, pk, step, _("The version was approved. Its renditions are being made."))


@require_POST
def request_changes(request, pk):
    if not can_decide(request.user):
        version = _version(request, pk)
        messages.error(request, _("Only the web manager can send a version back."))
        return _back(request, version)
    return _decide(
        request,
        pk,
        lambda version, seen: workflow.request_changes(
            version, request.user, request.POST.get("text", ""), seen_revision=seen
        ),
        _("The version was sent back with your comment."),
    )


@require_POST
def comment(request, pk):
    version = _version(request, pk)
    if not can_comment(request.user, version):
        messages.error(request, _("You cannot comment on this version."))
        return _back(request, version)
    form = TextForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment of at most 5000 characters."))
        return _back(request, version)
    text = form.cleaned_data["text"].strip()
    with transaction.atomic():
        Comment.objects.create(version=version, author=request.user, text=text)
        audit.record(request.user, AuditAction.COMMENT, version=version, comment=text)
    messages.success(request, _("Your comment was added."))
    return _back(request, version)


@require_POST
def archive(request, public_id):
    asset = get_object_or_404(visible_assets(request.user), public_id=public_id)
    back = reverse("library:asset", kwargs={"public_id": asset.public_id})
    if not can_decide(request.user):
        messages.error(request, _("Only the web manager can archive."))
        return redirect(back)
    try:
        workflow.archive(asset, request.user)
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The asset was archived: it is hidden from the library."))
    return redirect(back)


# ---------------------------------------------------------------------------------------------
# Text revisions of published assets


def _text_revision(request, pk: int) -> TextRevision:
    revision = get_object_or_404(
        TextRevision.objects.select_related("asset", "asset__owner", "author", "decided_by"),
        pk=pk,
    )
    if not can_view_text_revision(request.user, revision):
        raise Http404(_("No such page."))
    return revision


@require_GET
def text_revision(request, pk):
    """The proposed texts beside the published ones, and what may be done with them."""
    revision = _text_revision(request, pk)
    user = request.user
    events = revision.asset.events.filter(details__text_revision=revision.pk).select_related(
        "actor"
    )
    return render(
        request,
        "review/text_revision.html",
        {
            "revision": revision,
            "asset": revision.asset,
            "rows": text_revisions.diff(revision),
            "may_decide": can_decide(user) and revision.state == TextRevisionState.PENDING,
            "may_change": revision.is_open
            and (can_decide(user) or user.pk == revision.asset.owner_id),
            "may_edit_texts": revision.is_open
            and edits_wait_for_review(user, revision.asset)
            and can_edit(user, revision.asset),
            "events": list(events),
            "comment_form": TextForm(),
        },
    )


def _text_step(request, pk: int, step, success: str):
    revision = _text_revision(request, pk)
    seen = _seen_revision(request)
    if seen is None:
        messages.error(request, _("The form is incomplete. Reload the page and try again."))
    else:
        try:
            step(revision, seen)
        except workflow.WorkflowError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, success)
    return redirect("review:text_revision", pk=revision.pk)


@require_POST
def text_approve(request, pk):
    return _text_step(
        request,
        pk,
        lambda revision, seen: text_revisions.approve(revision, request.user, seen_revision=seen),
        _("The new texts were approved: they are published now."),
    )


@require_POST
def text_send_back(request, pk):
    return _text_step(
        request,
        pk,
        lambda revision, seen: text_revisions.send_back(
            revision, request.user, request.POST.get("text", ""), seen_revision=seen
        ),
        _("The new texts were sent back with your comment."),
    )


@require_POST
def text_withdraw(request, pk):
    return _text_step(
        request,
        pk,
        lambda revision, seen: text_revisions.withdraw(revision, request.user, seen_revision=seen),
        _("The new texts were withdrawn: the published texts stay."),
    )
