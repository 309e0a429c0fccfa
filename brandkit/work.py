"""What waits for each role: the lists on the home page.

The home page is where daily work starts, so it answers "what do I have to do?" per role rather
than offering menus: a topic owner's drafts, sent-back visuals and orders; the web manager's
queue, expiring rights, brand-kit values still to confirm and recent activity; procurement's
orders that have no documents yet and the newest documents. Each list is bounded (LIMIT) and
costs one query, so the page stays fast however large the library grows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from brandkit.library.models import (
    Asset,
    AssetStatus,
    AssetVersion,
    TextRevision,
    TextRevisionState,
    VersionState,
)
from brandkit.review.models import AuditAction, AuditEvent, Comment
from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER, user_roles
from brandkit.rules.models import Brandbook
from procurement.models import Document, DocumentStatus, VisualOrder

LIMIT = 8
EXPIRY_DAYS = 30
NEW_DOCUMENT_DAYS = 14


@dataclass
class OwnerWork:
    changes_requested: list = field(default_factory=list)  # (asset, latest reviewer comment)
    drafts: list = field(default_factory=list)
    submitted: list = field(default_factory=list)
    orders: list = field(default_factory=list)


@dataclass
class ManagerWork:
    queue_count: int = 0
    oldest_waiting: datetime.datetime | None = None
    queue: list = field(default_factory=list)
    expiring: list = field(default_factory=list)
    to_confirm: list = field(default_factory=list)  # (kind label, name)
    activity: list = field(default_factory=list)
    texts: list = field(default_factory=list)  # pending text revisions of published assets


@dataclass
class ProcurementWork:
    orders_without_documents: list = field(default_factory=list)
    new_documents: list = field(default_factory=list)


def owner_work(user) -> OwnerWork:
    mine = Asset.objects.filter(owner=user).select_related("current_version")
    sent_back = list(
        mine.filter(status=AssetStatus.CHANGES_REQUESTED).order_by("-updated_at")[:LIMIT]
    )
    latest_comment = {}
    comments = Comment.objects.filter(version__asset__in=sent_back).select_related(
        "author", "version"
    )
    for comment in comments.order_by("created_at", "pk"):
        latest_comment[comment.version.asset_id] = comment  # the newest wins
    ready = Document.objects.filter(order=OuterRef("pk"), status=DocumentStatus.READY)
    orders = (
        VisualOrder.objects.filter(owner=user)
        .annotate(has_documents=Exists(ready))
        .order_by("-updated_at")[:LIMIT]
    )
    return OwnerWork(
        changes_requested=[(a, latest_comment.get(a.pk)) for a in sent_back],
        drafts=list(mine.filter(status=AssetStatus.DRAFT).order_by("-updated_at")[:LIMIT]),
        submitted=list(mine.filter(status=AssetStatus.SUBMITTED).order_by("-updated_at")[:LIMIT]),
        orders=list(orders),
    )


def _unconfirmed(book: Brandbook | None) -> list[tuple[str, str]]:
    if book is None:
        return []
    found: list[tuple[str, str]] = []
    for colour in book.colours.filter(confirmed=False):
        found.append((_("Colour"), colour.name))
    for typeface in book.typefaces.filter(confirmed=False):
        found.append((_("Typeface"), typeface.family))
    for logo in book.logos.filter(confirmed=False):
        found.append((_("Logo"), logo.name))
    for preset in book.presets.filter(confirmed=False):
        found.append((_("Channel size"), preset.name))
    return found


def manager_work(user) -> ManagerWork:
    waiting = AssetVersion.objects.filter(state=VersionState.SUBMITTED).annotate(
        submitted_at=Max("events__at", filter=Q(events__action=AuditAction.SUBMIT))
    )
    queue = list(
        waiting.select_related("asset", "uploaded_by").order_by("submitted_at", "pk")[:LIMIT]
    )
    today = timezone.localdate()
    expiring = (
        Asset.objects.filter(
            status=AssetStatus.APPROVED,
            usable_until__gte=today,
            usable_until__lte=today + datetime.timedelta(days=EXPIRY_DAYS),
        )
        .select_related("owner")
        .order_by("usable_until", "pk")[:LIMIT]
    )
    activity = AuditEvent.objects.select_related("actor", "asset").order_by("-at", "-pk")[:LIMIT]
    book = Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)
    return ManagerWork(
        queue_count=waiting.count(),
        oldest_waiting=queue[0].submitted_at if queue else None,
        queue=queue,
        expiring=list(expiring),
        to_confirm=_unconfirmed(book),
        activity=list(activity),
        texts=list(
            TextRevision.objects.filter(state=TextRevisionState.PENDING)
            .select_related("asset", "author")
            .order_by("updated_at", "pk")[:LIMIT]
        ),
    )


def procurement_work(user) -> ProcurementWork:
    any_document = Document.objects.filter(order=OuterRef("pk")).exclude(
        status=DocumentStatus.FAILED
    )
    without = (
        VisualOrder.objects.annotate(has_documents=Exists(any_document))
        .filter(has_documents=False)
        .select_related("owner")
        .order_by("deadline", "pk")[:LIMIT]
    )
    since = timezone.now() - datetime.timedelta(days=NEW_DOCUMENT_DAYS)
    new = (
        Document.objects.filter(status=DocumentStatus.READY, created_at__gte=since)
        .select_related("order")
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    return ProcurementWork(orders_without_documents=list(without), new_documents=list(new))


def work_for(user) -> dict:
    """The home page's context: one entry per role the user holds."""
    roles = user_roles(user)
    context: dict = {}
    if TOPIC_OWNER in roles or WEB_MANAGER in roles:
        context["owner_work"] = owner_work(user)
    if WEB_MANAGER in roles:
        context["manager_work"] = manager_work(user)
    if PROCUREMENT in roles or WEB_MANAGER in roles:
        context["procurement_work"] = procurement_work(user)
    return context
