"""Procurement: thresholds and routes, order numbers and revisions, the order form's messages,
document versions, downloads and deliveries."""

from __future__ import annotations

import datetime
import hashlib
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.urls import reverse
from django.utils import translation

from brandkit.review.models import AuditAction, AuditEvent
from procurement import cpv
from procurement.forms import OrderForms
from procurement.generation import request_brief, request_tender_set
from procurement.models import (
    Deliverable,
    Delivery,
    Document,
    DocumentImmutable,
    DocumentKind,
    DocumentStatus,
    OrderCounter,
    ProcurementThreshold,
    VisualOrder,
    next_order_number,
)
from procurement.thresholds import route_for, thresholds_on
from tests.library_helpers import (
    bomb_png,
    make_asset,
    make_user,
    media_files,
    png_bytes,
    red_png,
    reuse_check_reports,
    uploaded,
)
from tests.test_procurement_helpers import (
    FakeRenderers,
    edit_post,
    future,
    make_order,
    order_post,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture(autouse=True)
def english(client, settings):
    """Messages are asserted in English (the source language); one test reads Estonian."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def fake(monkeypatch):
    renderers = FakeRenderers()
    renderers.install(monkeypatch)
    return renderers


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run what is enqueued on commit (the immediate task backend then renders at once)."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


# ---------------------------------------------------------------------------------------------
# Thresholds and routes


def test_the_migration_loads_the_thresholds_with_their_sources():
    rows = {t.slug: t for t in ProcurementThreshold.objects.all()}
    assert rows["simple-2017"].threshold_eur == Decimal("30000.00")
    assert rows["national-2017"].threshold_eur == Decimal("60000.00")
    assert rows["international-2026-2027"].threshold_eur == Decimal("140000.00")
    assert rows["international-2024-2025"].threshold_eur == Decimal("143000.00")
    assert "§ 14 lg 1" in rows["simple-2017"].legal_source
    assert "§ 14 lg 2" in rows["national-2017"].legal_source
    assert "2025/2152" in rows["international-2026-2027"].legal_source
    assert "vajab kinnitamist" not in rows["international-2026-2027"].legal_source
    assert "eriteenustele on 60 000 eurot" in rows["national-2017"].legal_source
    assert "sotsiaal- ja eriteenustel" not in rows["national-2017"].legal_source
    assert "special services is EUR 60,000" in rows["national-2017"].legal_source_en
    assert rows["simple-2017"].applies_from == D(2017, 9, 1)


@pytest.mark.parametrize(
    ("value", "route"),
    [
        ("0", "low_value"),
        ("29999.99", "low_value"),
        ("30000.00", "simple"),
        ("30000.01", "simple"),
        ("59999.99", "simple"),
        ("60000", "national"),
        ("139999.99", "national"),
        ("140000.00", "international"),
        ("5000000", "international"),
    ],
)
def test_route_at_the_threshold_boundaries_in_2026(value, route):
    decision = route_for(Decimal(value), D(2026, 6, 1))
    assert decision.route == route


@pytest.mark.parametrize(
    ("value", "on_date", "route"),
    [
        ("140000", D(2025, 12, 31), "national"),  # the 2024–2025 threshold was 143 000
        ("143000", D(2025, 12, 31), "international"),
        ("140000", D(2026, 1, 1), "international"),
        ("140000", D(2027, 12, 31), "international"),
        ("150000", D(2028, 1, 1), "national"),  # no EU threshold loaded for 2028 yet
        ("30000", D(2017, 8, 31), None),  # before the RHS came into force
    ],
)
def test_route_is_picked_by_date(value, on_date, route):
    decision = route_for(Decimal(value), on_date)
    assert (decision.route if decision else None) == route


def test_next_threshold_is_the_one_above():
    decision = route_for(Decimal("45000"), D(2026, 6, 1))
    assert decision.threshold.slug == "simple-2017"
    assert decision.next_threshold.slug == "national-2017"
    assert route_for(Decimal("200000"), D(2026, 6, 1)).next_threshold is None


def test_a_new_threshold_applies_from_its_date_without_code():
    """The draft amendment (30 000 → 50 000) as the web manager would enter it."""
    old = ProcurementThreshold.objects.get(slug="simple-2017")
    old.applies_until = D(2026, 6, 30)
    old.save()
    ProcurementThreshold.objects.create(
        slug="simple-2026",
        route="simple",
        name_et="Lihthange",
        name_en="Simple procurement",
        threshold_eur=Decimal("50000"),
        legal_source="RHS § 14 lg 1 (muudetud)",
        applies_from=D(2026, 7, 1),
    )
    assert route_for(Decimal("40000"), D(2026, 6, 30)).route == "simple"
    assert route_for(Decimal("40000"), D(2026, 7, 1)).route == "low_value"
    assert route_for(Decimal("50000"), D(2026, 7, 1)).threshold.slug == "simple-2026"
    assert [t.slug for t in thresholds_on(D(2026, 7, 1))] == [
        "low-value-2017",
        "simple-2026",
        "national-2017",
        "international-2026-2027",
    ]


def test_overlapping_threshold_periods_are_refused():
    clash = ProcurementThreshold(
        slug="simple-again",
        route="simple",
        name_et="Lihthange",
        name_en="Simple procurement",
        threshold_eur=Decimal("40000"),
        legal_source="x",
        applies_from=D(2026, 1, 1),
    )
    with pytest.raises(ValidationError, match="same period"):
        clash.full_clean()
    backwards = ProcurementThreshold(
        slug="backwards",
        route="simple",
        name_et="x",
        name_en="x",
        threshold_eur=Decimal("1"),
        legal_source="x",
        applies_from=D(2030, 1, 1),
        applies_until=D(2029, 1, 1),
    )
    with pytest.raises(ValidationError, match="before its start"):
        backwards.full_clean()


def test_cpv_codes_offered_are_well_formed_and_include_graphic_design():
    codes = [c.code for c in cpv.CPV_CODES]
    assert "79822500-7" in codes and "79820000-8" in codes and "79341000-6" in codes
    assert "92312200-3" in codes
    assert all(cpv.CODE_RE.match(code) for code in codes)
    assert len(set(codes)) == len(codes)
    assert cpv.describe(["79822500-7"], "en") == [
        {"code": "79822500-7", "name": "Graphic design services"}
    ]


# ---------------------------------------------------------------------------------------------
# Orders: numbers, revisions, document data


def test_order_numbers_count_per_year(topic_owner, settings):
    first = make_order(topic_owner)
    second = make_order(topic_owner)
    year = datetime.date.today().year
    assert first.number == f"SKA-{year}-0001"
    assert second.number == f"SKA-{year}-0002"
    assert next_order_number(year=2031) == "SKA-2031-0001"
    assert next_order_number(year=2031) == "SKA-2031-0002"
    assert OrderCounter.objects.get(year=year).last == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_orders_created_at_the_same_moment_get_different_numbers(topic_owner):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL (SQLite locks the whole database)")
    barrier = threading.Barrier(8)
    numbers: list[str] = []

    def create():
        try:
            barrier.wait()
            numbers.append(next_order_number(year=2040))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == [f"SKA-2040-{n:04d}" for n in range(1, 9)]


def test_document_data_has_exactly_the_contract_shape(topic_owner, web_manager, ska):
    asset, _version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    order = make_order(topic_owner)
    order.reference_assets.add(asset)
    data = order.to_document_data("en")
    assert set(data) == {
        "number", "revision", "title", "purpose", "background", "audience", "messages",
        "deliverables", "reference_assets", "deadline", "milestones", "estimated_value_eur",
        "procurement_route", "cpv", "accessibility_needs", "contact", "owner", "organisation",
        "created", "translation_by_contractor", "brief", "register", "procurement", "terms",
    }  # fmt: skip
    # the app's data passes the same strict check as an ORDER.json given to renderdocument
    from procurement.documents.validation import validate_order

    validate_order(data, ska.to_data())
    assert data["number"] == order.number and data["revision"] == 1
    assert data["title"] == {
        "et": "Pensionireformi bännerid",
        "en": "Pension reform banners",
        "ru": "Баннеры о пенсионной реформе",
    }
    assert set(data["messages"]) == {"et", "en", "ru"}
    assert data["deliverables"] == [
        {
            "kind": "social_post",
            "preset": "facebook-link",
            "width": 1200,
            "height": 628,
            "unit": "px",
            "formats": ["png", "jpeg"],
            "languages": ["et", "ru"],
            "quantity": 1,
            "notes": "",
        }
    ]
    draft, _version = make_asset(topic_owner, ska, state="draft", title_et="Mustand")
    order.reference_assets.add(draft)
    data = order.to_document_data("en")
    assert len(data["reference_assets"]) == 1  # the draft is not named in documents
    assert data["reference_assets"][0]["title"] == asset.title_et  # no English title: Estonian
    assert data["reference_assets"][0]["url"].endswith(f"/library/assets/{asset.public_id}/")
    assert data["estimated_value_eur"] == "12500.00"
    assert data["procurement_route"]["slug"] == "low_value"
    assert data["procurement_route"]["threshold_eur"] is None
    assert data["procurement_route"]["name"].startswith("Low-value purchase")
    assert data["procurement_route"]["applies_from"] == "2017-09-01"
    assert data["cpv"] == [{"code": "79822500-7", "name": "Graphic design services"}]
    assert data["milestones"][0]["what"] == "Esimesed kavandid"
    assert data["deadline"] == order.deadline.isoformat()
    assert data["contact"] == {
        "name": "Mari Maasikas",
        "email": "mari@example.ee",
        "phone": "+372 600 0000",
    }
    assert data["owner"] == {"name": "owner", "unit": "Kommunikatsiooniosakond"}
    assert data["organisation"]["name"] == "Sotsiaalkindlustusamet"
    assert data["organisation"]["registry_code"] == "70001975"


def test_a_simple_procurement_route_carries_its_threshold(topic_owner, ska):
    order = make_order(topic_owner, value="30000")
    route = order.to_document_data("et")["procurement_route"]
    assert route["slug"] == "simple"
    assert route["threshold_eur"] == "30000.00"
    assert route["name"] == "Lihthange"
    assert "RHS" in route["legal_source"]["et"] and "RHS" in route["legal_source"]["en"]


def test_custom_size_in_document_data(topic_owner, ska):
    order = make_order(
        topic_owner,
        deliverables=[
            {
                "kind": "print",
                "width": Decimal("148.5"),
                "height": Decimal("210"),
                "unit": "mm",
                "formats": ["pdf"],
                "languages": ["et"],
                "quantity": 3,
            }
        ],
    )
    (deliverable,) = order.to_document_data()["deliverables"]
    assert (deliverable["width"], deliverable["height"], deliverable["unit"]) == (148.5, 210, "mm")
    assert deliverable["preset"] is None


# ---------------------------------------------------------------------------------------------
# The order form


def _forms(user, data, instance=None, ska=None):
    return OrderForms(data, user=user, instance=instance, brandbook=ska)


def _all_errors(forms) -> str:
    parts = [str(forms.order.errors)]
    for formset in (forms.deliverables, forms.milestones):
        parts.append(str(formset.non_form_errors()))
        parts += [str(e) for e in formset.errors]
    return " ".join(parts)


def test_a_valid_order_form_saves_order_deliverables_and_milestones(topic_owner, ska):
    forms = _forms(topic_owner, order_post(), ska=ska)
    assert forms.is_valid(), _all_errors(forms)
    order, changed = forms.save()
    assert changed and order.revision == 1 and order.owner == topic_owner
    assert order.estimated_value_eur == Decimal("45000.00")  # "45 000,00" read as euros
    assert order.cpv_codes == ["79822500-7", "79341000-6"]
    (deliverable,) = order.deliverables.all()  # the empty extra row is ignored
    assert deliverable.preset_slug == "facebook-link"
    assert deliverable.languages == ["et", "ru"] and deliverable.quantity == 2
    assert order.milestones.get().what == "Kavand"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"estimated_value_eur": "-1"}, "The estimated value cannot be negative."),
        ({"estimated_value_eur": "100.555"}, "at most 2 decimals"),
        ({"estimated_value_eur": "palju"}, "Enter the value as a number of euros"),
        ({"estimated_value_eur": ""}, "Give the estimated value in euros"),
        ({"deadline": "2020-01-01"}, "The deadline cannot be in the past."),
        ({"title_et": ""}, "Give the order a title in Estonian."),
        ({"message_et": ""}, "Give the key message in Estonian."),
        ({"contact_email": "mari"}, "Enter a valid e-mail address"),
        ({"cpv_codes": ["12345678-9"]}, "is not one of the offered CPV codes"),
        (
            {
                "deliverables-0-kind": "",
                "deliverables-0-languages": ["et"],
                "deliverables-0-formats": [],
                "deliverables-0-preset_slug": "",
                "deliverables-0-quantity": "1",
            },
            "Add at least one deliverable",
        ),
        ({"deliverables-0-languages": ["et", "de"]}, "Languages can only be Estonian, Russian"),
        ({"deliverables-0-languages": []}, "Choose at least one language."),
        ({"deliverables-0-formats": []}, "Choose at least one file format."),
        ({"deliverables-0-formats": ["webp"]}, "takes only PNG, JPEG, not WEBP"),
        (
            {"deliverables-0-preset_slug": "", "deliverables-0-width": "1200"},
            "A custom size needs both a width and a height",
        ),
        (
            {"deliverables-0-width": "1200", "deliverables-0-height": "628"},
            "Give either a channel preset or a custom size, not both.",
        ),
        (
            {
                "deliverables-0-preset_slug": "",
                "deliverables-0-width": "1200.5",
                "deliverables-0-height": "628",
            },
            "A size in pixels is a whole number.",
        ),
        ({"deliverables-0-quantity": "0"}, "The quantity must be at least 1."),
        ({"milestones-1-date": future(10).isoformat()}, "Say what happens on this date."),
        ({"milestones-0-date": future(90).isoformat()}, "This milestone is after the deadline"),
    ],
)
def test_order_form_messages(topic_owner, ska, overrides, message):
    forms = _forms(topic_owner, order_post(**overrides), ska=ska)
    assert not forms.is_valid()
    assert message in _all_errors(forms)


def test_a_custom_size_in_millimetres_may_have_decimals(topic_owner, ska):
    forms = _forms(
        topic_owner,
        order_post(
            **{
                "deliverables-0-preset_slug": "",
                "deliverables-0-width": "148,5".replace(",", "."),
                "deliverables-0-height": "210",
                "deliverables-0-unit": "mm",
                "deliverables-0-formats": ["pdf"],
            }
        ),
        ska=ska,
    )
    assert forms.is_valid(), _all_errors(forms)


def test_reference_assets_are_only_those_the_user_can_see(topic_owner, ska, django_user_model):
    other = make_user(django_user_model, "other-owner", "topic_owner")
    hidden, _v = make_asset(other, ska, state="draft")
    mine, _v = make_asset(topic_owner, ska, state="draft", title_et="Minu mustand")
    forms = _forms(topic_owner, order_post(reference_assets=[str(hidden.pk)]), ska=ska)
    assert not forms.is_valid()
    assert "That asset is not in the library, or you cannot see it." in _all_errors(forms)
    forms = _forms(topic_owner, order_post(reference_assets=[str(mine.pk)]), ska=ska)
    assert forms.is_valid(), _all_errors(forms)
    order, _changed = forms.save()
    assert list(order.reference_assets.all()) == [mine]


def test_every_change_bumps_the_revision_and_no_change_does_not(topic_owner, ska):
    order = make_order(topic_owner)
    forms = _forms(topic_owner, edit_post(order), instance=order, ska=ska)
    assert forms.is_valid(), _all_errors(forms)
    assert forms.save() == (order, False)
    order.refresh_from_db()
    assert order.revision == 1
    forms = _forms(topic_owner, edit_post(order, audience="Kõik"), instance=order, ska=ska)
    assert forms.is_valid(), _all_errors(forms)
    forms.save()
    order.refresh_from_db()
    assert (order.revision, order.audience) == (2, "Kõik")
    forms = _forms(
        topic_owner,
        edit_post(order, **{"deliverables-0-quantity": "4"}),
        instance=order,
        ska=ska,
    )
    assert forms.is_valid(), _all_errors(forms)
    forms.save()
    order.refresh_from_db()
    assert order.revision == 3 and order.deliverables.get().quantity == 4


def test_a_stale_edit_is_refused(topic_owner, ska):
    order = make_order(topic_owner)
    stale = edit_post(order, audience="Esimene")
    fresh = _forms(topic_owner, edit_post(order, audience="Teine"), instance=order, ska=ska)
    assert fresh.is_valid()
    fresh.save()
    order.refresh_from_db()
    forms = _forms(topic_owner, stale, instance=order, ska=ska)
    assert not forms.is_valid()
    assert "Someone else saved this order" in str(forms.order.non_field_errors())
    order.refresh_from_db()
    assert order.audience == "Teine" and order.revision == 2


def test_a_past_deadline_may_stay_when_it_is_not_changed(topic_owner, ska):
    order = make_order(topic_owner, deadline=D(2020, 1, 1))
    order.milestones.all().delete()
    forms = _forms(topic_owner, edit_post(order, audience="Uus"), instance=order, ska=ska)
    assert forms.is_valid(), _all_errors(forms)


def test_the_form_pages_render(client, topic_owner, ska):
    client.force_login(topic_owner)
    response = client.get(reverse("procurement:create"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="deliverables-2-kind"' in html  # three rows to fill, no JavaScript
    assert "RHS § 28" in html
    response = client.post(reverse("procurement:create"), order_post(**{"title_et": ""}))
    assert response.status_code == 200
    assert "Give the order a title in Estonian." in response.content.decode()
    assert not VisualOrder.objects.exists()


def test_the_order_page_shows_the_route_with_threshold_source_and_date(
    client, topic_owner, ska, settings
):
    order = make_order(topic_owner, value="45000")
    client.force_login(topic_owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "et"
    html = client.get(reverse("procurement:order", args=[order.number])).content.decode()
    assert "Lihthange" in html
    assert "30\xa0000,00 €" in html  # the threshold, in Estonian number format
    assert "§ 14 lg 1" in html
    assert "01.09.2017" in html
    assert "RHS § 28" in html
    assert "Riigihange" in html  # the next threshold up
    assert reverse("procurement:generate_tender", args=[order.number]) in html


def test_a_low_value_order_offers_a_request_for_offers(client, topic_owner, ska):
    order = make_order(topic_owner, value="29999.99")
    client.force_login(topic_owner)
    html = client.get(reverse("procurement:order", args=[order.number])).content.decode()
    assert reverse("procurement:generate_tender", args=[order.number]) in html
    response = client.post(
        reverse("procurement:generate_tender", args=[order.number]), {"lang": "et"}
    )
    assert response.status_code == 302
    kinds = set(Document.objects.values_list("kind", flat=True))
    assert kinds == {
        "tender_invitation",
        "tender_spec",
        "tender_offer_form",
        "tender_contract",
        "tender_zip",
    }


# ---------------------------------------------------------------------------------------------
# Generated documents


def test_generating_a_brief_stores_a_ready_version_with_sha256(topic_owner, ska, fake, run_tasks):
    order = make_order(topic_owner)
    (doc,), created = run_tasks(request_brief, order, "et", topic_owner)
    assert created
    doc.refresh_from_db()
    assert (doc.kind, doc.lang, doc.version, doc.status) == ("brief", "et", 1, "ready")
    data = doc.file.read()
    assert data.startswith(b"%PDF") and order.number.encode() in data
    assert doc.sha256 == hashlib.sha256(data).hexdigest() and doc.size_bytes == len(data)
    assert doc.order_revision == 1 and doc.created_by == topic_owner
    assert doc.order_data["number"] == order.number and doc.brandbook == ska
    event = AuditEvent.objects.get(action=AuditAction.DOCUMENT)
    assert event.actor == topic_owner
    assert event.details["sha256"] == doc.sha256 and event.details["order"] == order.number
    # the logos reach the renderer as files in a folder
    assert fake.calls[0][4] is not None


def test_regenerating_unchanged_makes_nothing_new_and_a_change_makes_version_2(
    client, topic_owner, ska, fake, run_tasks
):
    order = make_order(topic_owner)
    run_tasks(request_brief, order, "et", topic_owner)
    docs, created = run_tasks(request_brief, order, "et", topic_owner)
    assert not created and docs[0].version == 1
    client.force_login(topic_owner)
    response = client.post(
        reverse("procurement:edit", args=[order.number]), edit_post(order, audience="Uued")
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.revision == 2
    (doc,), created = run_tasks(request_brief, order, "et", topic_owner)
    doc.refresh_from_db()
    assert created and doc.version == 2 and doc.order_revision == 2 and doc.status == "ready"
    assert doc.order_data["audience"] == {"et": "Uued"}  # typed per language
    first = Document.objects.get(order=order, kind="brief", lang="et", version=1)
    assert first.order_data["audience"] == {"et": "Pensionieelikud"}  # version 1 is untouched
    assert first.sha256 != doc.sha256
    # Other languages count their own versions.
    (en,), _created = run_tasks(request_brief, order, "en", topic_owner)
    assert en.version == 1


def test_a_ready_document_cannot_change(topic_owner, ska, fake, run_tasks):
    order = make_order(topic_owner)
    (doc,), _created = run_tasks(request_brief, order, "et", topic_owner)
    doc.refresh_from_db()
    doc.error = "edited"
    with pytest.raises(DocumentImmutable):
        doc.save()
    with pytest.raises(DocumentImmutable):
        doc.delete()


def test_the_document_is_made_from_the_order_as_it_was_requested(
    topic_owner, ska, fake, django_capture_on_commit_callbacks
):
    """A change saved between the request and the rendering does not leak in."""
    order = make_order(topic_owner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        (doc,), _created = request_brief(order, "et", topic_owner)
    VisualOrder.objects.filter(pk=order.pk).update(title_et="Muudetud pealkiri")
    order.refresh_from_db()
    order.bump_revision()
    for callback in callbacks:
        callback()
    doc.refresh_from_db()
    assert doc.status == "ready" and doc.order_revision == 1
    assert b"Muudetud" not in doc.file.read()
    assert fake.calls[0][2] == 1


def test_a_failing_render_marks_the_document_failed(topic_owner, ska, monkeypatch, run_tasks):
    FakeRenderers(fail=True).install(monkeypatch)
    order = make_order(topic_owner)
    (doc,), _created = run_tasks(request_brief, order, "et", topic_owner)
    doc.refresh_from_db()
    assert doc.status == DocumentStatus.FAILED
    assert "template exploded" in doc.error and not doc.file
    event = AuditEvent.objects.get(action=AuditAction.DOCUMENT)
    assert "template exploded" in event.details["failed"]
    # A failed version can be tried again: it gets the next number.
    (again,), created = run_tasks(request_brief, order, "et", topic_owner)
    assert created and again.version == 2


def test_a_tender_set_makes_four_pdfs_and_a_zip(topic_owner, ska, fake, run_tasks):
    order = make_order(topic_owner, value="65000")
    docs, created = run_tasks(request_tender_set, order, "et", topic_owner)
    assert created
    kinds = {}
    for doc in docs:
        doc.refresh_from_db()
        kinds[doc.kind] = doc
    assert set(kinds) == {
        "tender_spec", "tender_criteria", "tender_offer_form", "tender_contract", "tender_zip",
    }  # fmt: skip
    assert all(d.status == "ready" and d.version == 1 for d in kinds.values())
    assert kinds["tender_spec"].file.read() == b"%PDF spec et"
    assert kinds["tender_zip"].file.read().startswith(b"PK")
    assert kinds["tender_zip"].download_name == f"{order.number}-tender-zip-et-v1.zip"
    assert AuditEvent.objects.filter(action=AuditAction.DOCUMENT).count() == 5


def test_generation_through_the_page_shows_the_status(client, topic_owner, ska, fake, run_tasks):
    order = make_order(topic_owner)
    client.force_login(topic_owner)
    url = reverse("procurement:generate_brief", args=[order.number])
    response = run_tasks(client.post, url, {"lang": "en"})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Design brief (English, version 1) is being made." in html
    assert 'class="status status--ready"' in html
    doc = Document.objects.get()
    assert reverse("procurement:document", args=[doc.pk]) in html
    response = client.post(url, {"lang": "xx"}, follow=True)
    assert Document.objects.count() == 1


def test_a_pending_document_shows_as_pending_and_cannot_be_downloaded(
    client, topic_owner, ska, fake
):
    order = make_order(topic_owner)
    (doc,), _created = request_brief(order, "et", topic_owner)  # the task never runs
    client.force_login(topic_owner)
    html = client.get(reverse("procurement:order", args=[order.number])).content.decode()
    assert 'class="status status--pending"' in html
    assert client.get(reverse("procurement:document", args=[doc.pk])).status_code == 404


def test_each_download_is_logged(client, topic_owner, procurement_user, ska, fake, run_tasks):
    order = make_order(topic_owner)
    (doc,), _created = run_tasks(request_brief, order, "et", topic_owner)
    doc.refresh_from_db()
    client.force_login(procurement_user)
    for _ in range(2):
        response = client.get(reverse("procurement:document", args=[doc.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == doc.file.open("rb").read()
    assert response["Content-Disposition"].startswith("attachment")
    assert doc.download_name in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    events = AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, actor=procurement_user)
    assert events.count() == 2
    assert events[0].details == {
        "what": "document",
        "order": order.number,
        "kind": "brief",
        "lang": "et",
        "document_version": 1,
        "sha256": doc.sha256,
    }


# ---------------------------------------------------------------------------------------------
# Deliveries


@pytest.fixture
def checks_once(monkeypatch):
    reuse_check_reports(monkeypatch)


def _deliver(client, order, deliverable, data, name="banner.png", languages=("et",)):
    return client.post(
        reverse("procurement:deliveries", args=[order.number]),
        {
            "deliverable": str(deliverable.pk),
            "languages": list(languages),
            "file": uploaded(name, data),
        },
    )


def test_a_matching_file_is_stored_and_fulfils_the_deliverable(
    client, topic_owner, ska, checks_once
):
    order = make_order(topic_owner)
    deliverable = order.deliverables.get()
    client.force_login(topic_owner)
    response = _deliver(client, order, deliverable, png_bytes(), languages=["et"])
    assert response.status_code == 302
    delivery = Delivery.objects.get()
    assert delivery.deliverable == deliverable and delivery.languages == ["et"]
    assert delivery.verdict == "pass" and delivery.format == "png"
    html = client.get(reverse("procurement:order", args=[order.number])).content.decode()
    assert "not yet" in html and "ET: 1 of 1" in html and "RU: 0 of 1" in html
    _deliver(client, order, deliverable, png_bytes(marker=3), name="ru.png", languages=["ru"])
    html = client.get(reverse("procurement:order", args=[order.number])).content.decode()
    assert "fulfilled" in html and "RU: 1 of 1" in html
    assert AuditEvent.objects.filter(action=AuditAction.UPLOAD).count() == 2
    response = client.get(reverse("procurement:delivery_file", args=[delivery.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("data", "name", "languages", "message"),
    [
        (png_bytes(size=(300, 300)), "square.png", ["et"], "Aspect ratio 1.000"),
        (png_bytes(fmt="WEBP"), "banner.webp", ["et"], "does not pass the brand checks"),
        (png_bytes(), "banner.png", ["en"], "ordered in ET, RU, not in EN"),
        (red_png(), "red.png", ["et"], "does not pass the brand checks"),
        (bomb_png(), "bomb.png", ["et"], "was not accepted"),
        (b"not a picture at all", "fake.png", ["et"], "was not accepted"),
    ],
)
def test_a_refused_delivery_says_why_and_stores_nothing(
    client, topic_owner, ska, checks_once, media_root, data, name, languages, message
):
    order = make_order(topic_owner)
    deliverable = order.deliverables.get()
    client.force_login(topic_owner)
    response = _deliver(client, order, deliverable, data, name=name, languages=languages)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Nothing was stored for this file." in html
    assert not Delivery.objects.exists()
    assert media_files(media_root) == []


def test_a_file_over_the_size_limit_is_refused_unread(client, topic_owner, ska, settings):
    settings.BRANDKIT_MAX_UPLOAD_BYTES = 1000
    order = make_order(topic_owner)
    client.force_login(topic_owner)
    response = _deliver(client, order, order.deliverables.get(), png_bytes(size=(600, 314)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "banner.png is larger than" in html and "Nothing was stored for this file." in html
    assert not Delivery.objects.exists()


def test_the_order_list_shows_each_orders_route(
    client, topic_owner, ska, django_assert_max_num_queries
):
    for value in ("100", "35000", "75000", "150000"):
        make_order(topic_owner, value=value)
    client.force_login(topic_owner)
    with django_assert_max_num_queries(15):
        html = client.get(reverse("procurement:list")).content.decode()
    for name in (
        "Low-value purchase",
        "Simple procurement",
        "National procurement",
        "International procurement",
    ):
        assert name in html


def test_a_custom_pixel_size_must_match_exactly(client, topic_owner, ska, checks_once):
    order = make_order(
        topic_owner,
        deliverables=[
            {
                "kind": "banner",
                "width": Decimal("300"),
                "height": Decimal("157"),
                "unit": "px",
                "formats": ["png"],
                "languages": ["et"],
                "quantity": 1,
            }
        ],
    )
    deliverable = order.deliverables.get()
    client.force_login(topic_owner)
    response = _deliver(client, order, deliverable, png_bytes(size=(600, 314)))
    assert "the deliverable is 300 × 157 px" in response.content.decode()
    response = _deliver(client, order, deliverable, png_bytes(fmt="JPEG"), name="b.jpg")
    assert "The file is JPEG; this deliverable is ordered as PNG." in response.content.decode()
    assert not Delivery.objects.exists()
    assert _deliver(client, order, deliverable, png_bytes()).status_code == 302


def test_a_changed_deliverable_shows_a_delivered_file_no_longer_matches(
    client, topic_owner, ska, checks_once
):
    order = make_order(topic_owner)
    deliverable = order.deliverables.get()
    client.force_login(topic_owner)
    _deliver(client, order, deliverable, png_bytes())
    Deliverable.objects.filter(pk=deliverable.pk).update(formats=["jpeg"])
    html = client.get(reverse("procurement:deliveries", args=[order.number])).content.decode()
    assert "No longer matches the deliverable" in html
    assert "ET: 0 of 1" in html


def test_a_deliverable_with_deliveries_cannot_be_removed(client, topic_owner, ska, checks_once):
    order = make_order(topic_owner)
    deliverable = order.deliverables.get()
    client.force_login(topic_owner)
    _deliver(client, order, deliverable, png_bytes())
    data = edit_post(order, **{"deliverables-0-DELETE": "on"})
    response = client.post(reverse("procurement:edit", args=[order.number]), data)
    assert response.status_code == 200
    assert "cannot be removed" in response.content.decode()
    assert order.deliverables.exists()


def test_kind_labels_cover_every_document_kind():
    assert {k.value for k in DocumentKind} == {
        "brief", "tender_spec", "tender_criteria", "tender_offer_form", "tender_contract",
        "tender_zip", "tender_invitation",
    }  # fmt: skip
