"""Every role against every procurement URL: who gets what.

Codes: 200 the page or file; 302 a redirect (anonymous users to the login page; a POST that
ran); 404 for anything the user may not see or do (never 403, so order numbers and ids reveal
nothing); 405 the wrong method.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from functools import cached_property

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from brandkit.review.models import AuditAction, AuditEvent
from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER
from procurement.models import Delivery, Document, ProcurementThreshold
from tests.library_helpers import make_user, png_bytes
from tests.test_procurement_helpers import make_order

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "no_role", "owner", "other_owner", "manager", "procurement")


class World:
    def __init__(self, django_user_model):
        self.users = {
            "anonymous": None,
            "no_role": make_user(django_user_model, "nobody"),
            "owner": make_user(django_user_model, "owner1", TOPIC_OWNER),
            "other_owner": make_user(django_user_model, "owner2", TOPIC_OWNER),
            "manager": make_user(django_user_model, "manager1", WEB_MANAGER, is_staff=True),
            "procurement": make_user(django_user_model, "buyer1", PROCUREMENT),
        }

    @cached_property
    def order(self):
        return make_order(self.users["owner"], value="65000")

    def _document(self, status):
        data = b"%PDF-1.7 test"
        doc = Document(
            order=self.order,
            kind="brief",
            lang="et",
            version=self.order.documents.count() + 1,
            order_revision=1,
            created_by=self.users["owner"],
        )
        if status == "ready":
            doc.sha256 = hashlib.sha256(data).hexdigest()
            doc.size_bytes = len(data)
            doc.file.save("doc", ContentFile(data), save=False)
        doc.status = status
        doc.save()
        return doc

    @cached_property
    def ready_document(self):
        return self._document("ready")

    @cached_property
    def pending_document(self):
        return self._document("pending")

    @cached_property
    def delivery(self):
        data = png_bytes()
        delivery = Delivery(
            order=self.order,
            deliverable=self.order.deliverables.get(),
            original_name="banner.png",
            sha256=hashlib.sha256(data).hexdigest(),
            size_bytes=len(data),
            format="png",
            width=300,
            height=157,
            languages=["et"],
            verdict="pass",
            uploaded_by=self.users["owner"],
        )
        delivery.file.save("d", ContentFile(data), save=False)
        delivery.save()
        return delivery


@pytest.fixture
def world(ska, django_user_model):
    return World(django_user_model)


def _order_url(name):
    return lambda w: reverse(name, args=[w.order.number])


# url builder, method, data, expected per role
# (anonymous, no_role, owner, other_owner, manager, procurement)
CASES = {
    "list": (lambda w: reverse("procurement:list"), "get", None, (302, 404, 200, 200, 200, 200)),
    "create": (
        lambda w: reverse("procurement:create"),
        "get",
        None,
        (302, 404, 200, 200, 200, 404),
    ),
    "create-post": (
        lambda w: reverse("procurement:create"),
        "post",
        {},
        (302, 404, 200, 200, 200, 404),
    ),
    "order": (_order_url("procurement:order"), "get", None, (302, 404, 200, 404, 200, 200)),
    "order-unknown": (
        lambda w: reverse("procurement:order", args=["SKA-1999-0001"]),
        "get",
        None,
        (302, 404, 404, 404, 404, 404),
    ),
    "edit": (_order_url("procurement:edit"), "get", None, (302, 404, 200, 404, 200, 404)),
    "edit-post": (_order_url("procurement:edit"), "post", {}, (302, 404, 200, 404, 200, 404)),
    "brief": (
        _order_url("procurement:generate_brief"),
        "post",
        {"lang": "et"},
        (302, 404, 302, 404, 302, 302),
    ),
    "brief-get": (
        _order_url("procurement:generate_brief"),
        "get",
        None,
        (302, 405, 405, 405, 405, 405),
    ),
    "tender": (
        _order_url("procurement:generate_tender"),
        "post",
        {"lang": "en"},
        (302, 404, 302, 404, 302, 302),
    ),
    "deliveries": (
        _order_url("procurement:deliveries"),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "deliveries-post": (
        _order_url("procurement:deliveries"),
        "post",
        {},
        (302, 404, 200, 404, 200, 404),
    ),
    "document-ready": (
        lambda w: reverse("procurement:document", args=[w.ready_document.pk]),
        "get",
        None,
        (302, 404, 200, 404, 200, 200),
    ),
    "document-pending": (
        lambda w: reverse("procurement:document", args=[w.pending_document.pk]),
        "get",
        None,
        (302, 404, 404, 404, 404, 404),
    ),
    "document-unknown": (
        lambda w: reverse("procurement:document", args=[999999]),
        "get",
        None,
        (302, 404, 404, 404, 404, 404),
    ),
    "delivery-file": (
        lambda w: reverse("procurement:delivery_file", args=[w.delivery.pk]),
        "get",
        None,
        (302, 404, 200, 404, 200, 200),
    ),
    "admin-thresholds": (
        lambda w: reverse("admin:procurement_procurementthreshold_changelist"),
        "get",
        None,
        (302, 302, 302, 302, 200, 302),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("role", ROLES)
def test_access(client, world, case, role):
    url_of, method, data, expected = CASES[case]
    url = url_of(world)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    response = (
        getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    )
    assert response.status_code == expected[ROLES.index(role)], (case, role)
    if role == "anonymous" and not case.startswith("admin"):
        assert response["Location"].startswith(reverse("login"))


def test_topic_owners_list_only_their_own_orders(client, world):
    mine = world.order
    theirs = make_order(world.users["other_owner"], title_et="Teise omaniku tellimus")
    client.force_login(world.users["owner"])
    html = client.get(reverse("procurement:list")).content.decode()
    assert mine.number in html and theirs.number not in html
    for role in ("manager", "procurement"):
        client.force_login(world.users[role])
        html = client.get(reverse("procurement:list")).content.decode()
        assert mine.number in html and theirs.number in html


def test_procurement_staff_see_only_approved_reference_assets(client, world, ska):
    from tests.library_helpers import make_asset

    draft, _v = make_asset(world.users["owner"], ska, state="draft", title_et="Salajane mustand")
    world.order.reference_assets.add(draft)
    client.force_login(world.users["owner"])
    assert "Salajane mustand" in client.get(_order_url("procurement:order")(world)).content.decode()
    client.force_login(world.users["procurement"])
    html = client.get(_order_url("procurement:order")(world)).content.decode()
    assert "Salajane mustand" not in html


def test_the_nav_links_to_orders_for_every_role(client, world):
    for role in ("owner", "manager", "procurement"):
        client.force_login(world.users[role])
        html = client.get(reverse("home")).content.decode()
        assert reverse("procurement:list") in html
    client.force_login(world.users["no_role"])
    assert reverse("procurement:list") not in client.get(reverse("home")).content.decode()


def test_a_web_manager_edits_a_threshold_in_the_admin_and_it_is_audited(client, world):
    threshold = ProcurementThreshold.objects.get(slug="simple-2017")
    client.force_login(world.users["manager"])
    url = reverse("admin:procurement_procurementthreshold_change", args=[threshold.pk])
    response = client.get(url)
    assert response.status_code == 200
    response = client.post(
        url,
        {
            "slug": threshold.slug,
            "route": threshold.route,
            "threshold_eur": "30000.00",
            "applies_from": "2017-09-01",
            "applies_until": "2026-06-30",
            "name_et": threshold.name_et,
            "name_en": threshold.name_en,
            "name_ru": threshold.name_ru,
            "legal_source": threshold.legal_source,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    threshold.refresh_from_db()
    assert str(threshold.applies_until) == "2026-06-30"
    assert threshold.threshold_eur == Decimal("30000.00")
    event = AuditEvent.objects.get(action=AuditAction.EDIT)
    assert event.actor == world.users["manager"] and event.details["threshold"] == "simple-2017"
