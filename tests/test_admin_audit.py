"""The admin shares the library's validation (Asset.clean) and audit path: edits of assets,
topic areas, campaigns and tags reach the audit trail with old and new values, and the admin
refuses what the library form refuses (a past usable-until date, an empty required alt text on
a published asset). A web manager's admin edit of a published asset's texts is published at
once: the web manager is the approver of texts."""

import datetime

import pytest
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from brandkit.api.models import ApiToken
from brandkit.library.models import Asset, Campaign, Tag, TopicArea
from brandkit.review.models import AuditAction, AuditEvent
from brandkit.roles import TOPIC_OWNER
from tests.library_helpers import make_asset, make_user, reuse_check_reports

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client, monkeypatch):
    reuse_check_reports(monkeypatch)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def form_data(page) -> dict:
    """What the browser would send back from an admin change page, unchanged."""
    data = {}
    form = page.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif value is None:
            data[name] = ""
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        for sub in formset.forms:
            for name in sub.fields:
                value = sub[name].value()
                data[f"{sub.prefix}-{name}"] = "" if value is None else str(value)
    return data


def admin_edit(client, asset, **changes):
    url = reverse("admin:library_asset_change", args=[asset.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page)
    data.update(changes)
    return client.post(url, data)


@pytest.fixture
def published(ska, topic_owner, web_manager):
    asset, _version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    return asset


def test_admin_edit_of_a_published_asset_is_published_and_audited_with_old_and_new(
    client, published, web_manager
):
    Tag.objects.create(name="pension")
    tag = Tag.objects.get(name="pension")
    client.force_login(web_manager)
    response = admin_edit(
        client, published, title_et="Admini pealkiri", alt_text_et="Parem tekst", tags=[tag.pk]
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    stored = Asset.objects.get(pk=published.pk)
    assert stored.title_et == "Admini pealkiri" and stored.alt_text_et == "Parem tekst"

    [event] = AuditEvent.objects.filter(action=AuditAction.EDIT)
    assert event.actor == web_manager and event.asset_id == published.pk
    assert event.details["via"] == "admin"
    assert event.details["changes"] == {
        "title_et": {"old": "Pensionireform", "new": "Admini pealkiri"},
        "alt_text_et": {"old": "Sinine ja valge bänner", "new": "Parem tekst"},
        "tags": {"old": [], "new": ["pension"]},
    }
    _row, secret = ApiToken.objects.issue("cms", web_manager)
    body = client.get(
        f"/api/v1/assets/{published.public_id}", headers={"Authorization": f"Bearer {secret}"}
    ).json()
    assert body["titles"]["et"] == "Admini pealkiri" and body["tags"] == ["pension"]


def test_admin_refuses_a_past_usable_until_like_the_form(client, published, web_manager):
    client.force_login(web_manager)
    past = timezone.localdate() - datetime.timedelta(days=3)
    response = admin_edit(client, published, usable_until=past.isoformat())
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "in the past" in errors["usable_until"][0]
    assert Asset.objects.get(pk=published.pk).usable_until is None
    assert not AuditEvent.objects.filter(action=AuditAction.EDIT).exists()
    # a past date already stored can stay while something else is corrected
    Asset.objects.filter(pk=published.pk).update(usable_until=past)
    response = admin_edit(client, published, title_en="Pension reform")
    assert response.status_code == 302
    assert Asset.objects.get(pk=published.pk).usable_until == past


def test_admin_refuses_an_empty_alt_text_on_a_published_asset(client, published, web_manager):
    client.force_login(web_manager)
    response = admin_edit(client, published, alt_text_et="")
    assert response.status_code == 200
    assert "cannot be empty" in response.context["adminform"].form.errors["alt_text_et"][0]
    assert Asset.objects.get(pk=published.pk).alt_text_et == "Sinine ja valge bänner"


def test_topic_owners_cannot_change_assets_in_the_admin(
    client, published, topic_owner, django_user_model
):
    staff_owner = make_user(django_user_model, "staff-owner", TOPIC_OWNER, is_staff=True)
    client.force_login(staff_owner)
    url = reverse("admin:library_asset_change", args=[published.pk])
    response = client.post(url, {"title_et": "Kaaperdatud"})
    assert response.status_code == 403
    assert Asset.objects.get(pk=published.pk).title_et == "Pensionireform"


def test_admin_changes_to_topic_areas_campaigns_and_tags_are_audited(client, web_manager):
    client.force_login(web_manager)
    response = client.post(
        reverse("admin:library_topicarea_add"),
        {"slug": "labour", "name_et": "Tööturg", "name_en": "", "name_ru": "", "position": 1},
    )
    assert response.status_code == 302
    topic = TopicArea.objects.get(slug="labour")
    response = client.post(
        reverse("admin:library_topicarea_change", args=[topic.pk]),
        {
            "slug": "labour",
            "name_et": "Töö",
            "name_en": "Labour",
            "name_ru": "",
            "position": 1,
        },
    )
    assert response.status_code == 302
    campaign = Campaign.objects.create(name="Sügis 2026")
    response = client.post(
        reverse("admin:library_campaign_change", args=[campaign.pk]),
        {"name": "Sügis 2026", "starts_on": "2026-09-01", "ends_on": "", "status": "active"},
    )
    assert response.status_code == 302
    tag = Tag.objects.create(name="pere")
    response = client.post(reverse("admin:library_tag_delete", args=[tag.pk]), {"post": "yes"})
    assert response.status_code == 302

    events = list(AuditEvent.objects.filter(action=AuditAction.LIST_CHANGE).order_by("pk"))
    assert [(e.details["model"], e.details["change"]) for e in events] == [
        ("topicarea", "added"),
        ("topicarea", "changed"),
        ("campaign", "changed"),
        ("tag", "deleted"),
    ]
    assert all(e.actor == web_manager and e.details["via"] == "admin" for e in events)
    assert events[0].details["changes"]["name_et"] == {"old": None, "new": "Tööturg"}
    assert events[1].details["changes"] == {
        "name_et": {"old": "Tööturg", "new": "Töö"},
        "name_en": {"old": "", "new": "Labour"},
    }
    assert events[2].details["changes"] == {"starts_on": {"old": None, "new": "2026-09-01"}}
    assert events[3].details["changes"]["name"] == {"old": "pere", "new": None}
    assert events[3].details["object_id"] == tag.pk
