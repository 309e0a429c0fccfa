"""Topic areas and campaigns in the app: SKA's service areas are there from the start, the web
manager keeps the lists, topic owners propose campaigns, and every change is audited."""

import pytest
from django.urls import reverse

from brandkit.inbox.models import Notification
from brandkit.library.forms import AssetForm
from brandkit.library.models import Campaign, CampaignStatus, TopicArea
from brandkit.review.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_ska_service_areas_are_seeded():
    slugs = set(TopicArea.objects.values_list("slug", flat=True))
    assert {
        "pensions",
        "family-benefits",
        "disability-work-ability",
        "victim-support",
        "child-protection",
        "social-services",
    } <= slugs
    pensions = TopicArea.objects.get(slug="pensions")
    assert (pensions.name_et, pensions.name_en, pensions.name_ru) == (
        "Pensionid",
        "Pensions",
        "Пенсии",
    )


def test_web_manager_adds_and_renames_a_topic_audited(client, web_manager):
    client.force_login(web_manager)
    response = client.post(
        reverse("library:topics"),
        {
            "form": "topic",
            "topic-name_et": "Tööturg",
            "topic-name_en": "Labour market",
            "topic-name_ru": "",
            "topic-slug": "labour-market",
            "topic-position": "200",
        },
    )
    assert response.status_code == 302
    topic = TopicArea.objects.get(slug="labour-market")
    response = client.post(
        reverse("library:topic_edit", args=[topic.pk]),
        {
            "name_et": "Tööturg ja töö",
            "name_en": "Labour market",
            "slug": "labour-market",
            "position": "200",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(details__model="topicarea").latest("pk")
    assert event.details["changes"]["name_et"] == {"old": "Tööturg", "new": "Tööturg ja töö"}
    assert event.details["via"] == "app"


def test_topic_owner_proposes_and_the_web_manager_accepts(client, topic_owner, web_manager):
    client.force_login(topic_owner)
    response = client.post(
        reverse("library:topics"),
        {
            "form": "campaign",
            "campaign-name": "Sügisene pensioniteavitus",
            "campaign-purpose": "Pensioni teise samba teavitus",
        },
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get(name="Sügisene pensioniteavitus")
    assert campaign.status == CampaignStatus.PROPOSED and campaign.proposed_by == topic_owner
    # not choosable for assets until accepted
    assert campaign not in AssetForm().fields["campaign"].queryset
    assert Notification.objects.filter(recipient=web_manager, subject__contains="Sügisene").exists()
    # a topic owner cannot decide
    response = client.post(
        reverse("library:campaign_decide", args=[campaign.pk]), {"decision": "accept"}
    )
    assert response.status_code == 404
    client.force_login(web_manager)
    page = client.get(reverse("library:topics"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Accept Sügisene pensioniteavitus" in page
    client.post(reverse("library:campaign_decide", args=[campaign.pk]), {"decision": "accept"})
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.ACTIVE
    assert campaign in AssetForm().fields["campaign"].queryset
    told = Notification.objects.filter(recipient=topic_owner, subject__contains="kasutusele")
    assert told.exists()
    assert AuditEvent.objects.filter(details__model="campaign").count() == 2


def test_a_decided_campaign_is_not_decided_again(client, web_manager):
    campaign = Campaign.objects.create(name="Vana", status=CampaignStatus.DECLINED)
    client.force_login(web_manager)
    client.post(reverse("library:campaign_decide", args=[campaign.pk]), {"decision": "accept"})
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DECLINED


def test_bad_campaign_input_is_a_clear_error_and_saves_nothing(client, topic_owner):
    client.force_login(topic_owner)
    before = Campaign.objects.count()
    response = client.post(
        reverse("library:topics"),
        {
            "form": "campaign",
            "campaign-name": "Rida\r\nkaks",
            "campaign-starts_on": "2027-05-01",
            "campaign-ends_on": "2027-04-01",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_campaign-name"' in html
    assert "cannot end before it starts" in html
    assert Campaign.objects.count() == before


def test_topic_owner_cannot_edit_lists(client, topic_owner):
    client.force_login(topic_owner)
    topic = TopicArea.objects.first()
    assert client.get(reverse("library:topic_edit", args=[topic.pk])).status_code == 404
    response = client.post(
        reverse("library:topics"),
        {"form": "topic", "topic-name_et": "X", "topic-slug": "x", "topic-position": "1"},
    )
    assert response.status_code == 404
    assert not TopicArea.objects.filter(slug="x").exists()


def test_users_without_a_role_see_nothing(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="a-long-test-password")
    client.force_login(user)
    assert client.get(reverse("library:topics")).status_code == 404
