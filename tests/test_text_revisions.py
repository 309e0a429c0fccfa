"""Texts of a published asset change only through a text revision the web manager approves.

The owner's edit of an approved asset leaves the published texts in the library, on the asset
page for everyone else, in search and in the API until a web manager approves it; required alt
texts can never become empty on a published asset; every text change is audited with its old
and new values. Drafts are still edited directly.
"""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from brandkit.api.models import ApiToken
from brandkit.library.models import Asset, TextRevision, TextRevisionState
from brandkit.review import text_revisions
from brandkit.review.models import AuditAction, AuditEvent
from brandkit.review.workflow import StaleDecision, WorkflowError
from tests.library_helpers import make_asset, other_owner, reuse_check_reports

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client, monkeypatch):
    reuse_check_reports(monkeypatch)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def published(ska, topic_owner, web_manager):
    topic_owner.email = "owner@example.ee"
    topic_owner.save()
    web_manager.email = "manager@example.ee"
    web_manager.save()
    asset, _version = make_asset(
        topic_owner, ska, state="approved", manager=web_manager, title_et="Pensionireform"
    )
    asset.set_tags(["pension"])
    mail.outbox.clear()
    return asset


def edit_data(client, asset, **changes) -> dict:
    """The edit form's current values with `changes`, as the browser would send them."""
    page = client.get(reverse("library:asset_edit", args=[asset.public_id]))
    assert page.status_code == 200
    form = page.context["form"]
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name in form.fields
    }
    data["topic"] = data.get("topic") or ""
    data["campaign"] = data.get("campaign") or ""
    data.update(changes)
    return data


def post_edit(client, asset, **changes):
    data = edit_data(client, asset, **changes)
    return client.post(reverse("library:asset_edit", args=[asset.public_id]), data)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def api_get(client, user, path):
    _row, secret = ApiToken.objects.issue(f"cms-{user.username}", user)
    return client.get(path, headers={"Authorization": f"Bearer {secret}"})


def library_titles(client, query) -> list[str]:
    page = client.get(reverse("library:list"), {"q": query})
    return [card["asset"].title_et for card in page.context["cards"]]


def test_owner_edit_of_a_published_asset_waits_and_changes_nothing_published(
    client,
    published,
    topic_owner,
    procurement_user,
    web_manager,
    django_capture_on_commit_callbacks,
):
    client.force_login(topic_owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_edit(
            client,
            published,
            title_et="Uus pealkiri",
            alt_text_et="Uus alternatiivtekst",
            tags="pension, muudetud",
            licence="CC BY 4.0",
        )
    revision = TextRevision.objects.get(asset=published)
    assert response.status_code == 302
    assert response["Location"] == reverse("review:text_revision", args=[revision.pk])
    assert revision.state == TextRevisionState.PENDING and revision.author == topic_owner
    assert revision.changes == {
        "title_et": "Uus pealkiri",
        "alt_text_et": "Uus alternatiivtekst",
        "tags": ["muudetud", "pension"],
        "licence": "CC BY 4.0",
    }

    stored = Asset.objects.get(pk=published.pk)
    assert stored.title_et == "Pensionireform" and stored.alt_text_et == published.alt_text_et
    assert [t.name for t in stored.tags.all()] == ["pension"] and stored.licence == ""

    # the asset page, the library and search for someone else: the published texts only
    client.force_login(procurement_user)
    html = client.get(reverse("library:asset", args=[published.public_id])).content.decode()
    assert "Pensionireform" in html and "Uus pealkiri" not in html
    assert "muudetud" not in html and "See the new texts" not in html
    assert library_titles(client, "pensionireform") == ["Pensionireform"]
    assert library_titles(client, "pealkiri") == []
    assert library_titles(client, "muudetud") == []
    revision_url = reverse("review:text_revision", args=[revision.pk])
    assert client.get(revision_url).status_code == 404

    # and the API
    body = api_get(client, procurement_user, f"/api/v1/assets/{published.public_id}").json()
    assert body["titles"]["et"] == "Pensionireform"
    assert body["alt_texts"]["et"] == published.alt_text_et
    assert body["tags"] == ["pension"] and body["rights"]["licence"] == ""
    listed = api_get(client, web_manager, "/api/v1/assets?q=pealkiri").json()
    assert listed["count"] == 0

    # the owner sees their pending texts, and the web managers were told
    client.force_login(topic_owner)
    html = client.get(reverse("library:asset", args=[published.public_id])).content.decode()
    assert "waiting for the web manager" in html and revision_url in html
    page = client.get(revision_url)
    assert page.status_code == 200
    rows = {row["field"]: (row["old"], row["new"]) for row in page.context["rows"]}
    assert rows["title_et"] == ("Pensionireform", "Uus pealkiri")
    assert rows["tags"] == ("pension", "muudetud, pension")
    assert [m.to for m in mail.outbox] == [["manager@example.ee"]]
    assert revision_url in mail.outbox[0].body
    assert web_manager.notifications.filter(url=revision_url).count() == 1
    assert not topic_owner.notifications.filter(url=revision_url).exists()

    [event] = AuditEvent.objects.filter(action=AuditAction.TEXT_PROPOSE)
    assert event.details["changes"]["title_et"] == {"old": "Pensionireform", "new": "Uus pealkiri"}
    assert event.details["changes"]["tags"] == {
        "old": ["pension"],
        "new": ["muudetud", "pension"],
    }


def test_another_owner_cannot_see_the_proposed_texts(
    client, published, topic_owner, django_user_model
):
    client.force_login(topic_owner)
    post_edit(client, published, title_et="Uus pealkiri")
    revision = TextRevision.objects.get()
    client.force_login(other_owner(django_user_model))
    assert client.get(reverse("review:text_revision", args=[revision.pk])).status_code == 404
    html = client.get(reverse("library:asset", args=[published.public_id])).content.decode()
    assert "Uus pealkiri" not in html
    assert client.get(reverse("library:asset_edit", args=[published.public_id])).status_code == 404
    for name in ("text_approve", "text_send_back", "text_withdraw"):
        response = client.post(reverse(f"review:{name}", args=[revision.pk]), {"revision": "1"})
        assert response.status_code == 404
    assert TextRevision.objects.get().state == TextRevisionState.PENDING


def test_blanking_a_required_alt_text_of_a_published_asset_is_refused(
    client, published, topic_owner, web_manager
):
    for user in (topic_owner, web_manager):
        client.force_login(user)
        response = post_edit(client, published, alt_text_et="   ")
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert "cannot be empty" in errors["alt_text_et"][0]
    assert not TextRevision.objects.exists()
    assert Asset.objects.get(pk=published.pk).alt_text_et == published.alt_text_et
    assert not AuditEvent.objects.filter(action__in=["edit", "text_propose"]).exists()

    # nor by making it an infographic (a long description is then required), or a new language
    client.force_login(topic_owner)
    response = post_edit(client, published, kind="infographic")
    assert "long_description_et" in response.context["form"].errors
    response = post_edit(client, published, languages=["et", "en"])
    assert "alt_text_en" in response.context["form"].errors

    # the service and the model refuse it too, whatever calls them
    with pytest.raises(WorkflowError):
        text_revisions.propose(published, topic_owner, {"alt_text_et": ""})
    published.alt_text_et = ""
    with pytest.raises(ValidationError) as refusal:
        published.full_clean()
    assert "alt_text_et" in refusal.value.message_dict


def test_web_manager_approves_and_the_texts_are_published_with_old_and_new_in_the_audit(
    client,
    published,
    topic_owner,
    web_manager,
    procurement_user,
    django_capture_on_commit_callbacks,
):
    client.force_login(topic_owner)
    post_edit(client, published, title_et="Uus pealkiri", tags="pension, muudetud")
    revision = TextRevision.objects.get()
    client.force_login(web_manager)
    queue = client.get(reverse("review:queue"))
    assert list(queue.context["texts"]) == [revision]
    assert reverse("review:text_revision", args=[revision.pk]) in queue.content.decode()
    home = client.get(reverse("home")).content.decode()
    assert reverse("review:text_revision", args=[revision.pk]) in home
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("review:text_approve", args=[revision.pk]), {"revision": revision.revision}
        )
    assert response.status_code == 302
    revision.refresh_from_db()
    assert revision.state == TextRevisionState.APPROVED and revision.decided_by == web_manager
    stored = Asset.objects.get(pk=published.pk)
    assert stored.title_et == "Uus pealkiri"
    assert sorted(t.name for t in stored.tags.all()) == ["muudetud", "pension"]

    [event] = AuditEvent.objects.filter(action=AuditAction.TEXT_APPROVE)
    assert event.actor == web_manager and event.asset_id == published.pk
    assert event.details["changes"] == {
        "title_et": {"old": "Pensionireform", "new": "Uus pealkiri"},
        "tags": {"old": ["pension"], "new": ["muudetud", "pension"]},
    }
    assert [m.to for m in mail.outbox] == [["owner@example.ee"]]
    history = client.get(reverse("library:asset", args=[published.public_id])).content.decode()
    assert "Title (Estonian): “Pensionireform” → “Uus pealkiri”" in history
    assert "waiting for approval → approved" in history

    client.force_login(procurement_user)
    assert library_titles(client, "pealkiri") == ["Uus pealkiri"]
    assert library_titles(client, "muudetud") == ["Uus pealkiri"]
    body = api_get(client, procurement_user, f"/api/v1/assets/{published.public_id}").json()
    assert body["titles"]["et"] == "Uus pealkiri"


def test_send_back_edit_again_and_withdraw(client, published, topic_owner, web_manager):
    client.force_login(topic_owner)
    post_edit(client, published, title_et="Esimene katse")
    revision = TextRevision.objects.get()
    client.force_login(web_manager)
    url = reverse("review:text_send_back", args=[revision.pk])
    response = client.post(url, {"revision": revision.revision, "text": " "}, follow=True)
    assert any("the comment is required" in m for m in messages_of(response))
    client.post(url, {"revision": revision.revision, "text": "Pealkiri on liiga pikk."})
    revision.refresh_from_db()
    assert revision.state == TextRevisionState.CHANGES_REQUESTED
    assert revision.comment == "Pealkiri on liiga pikk."
    assert AuditEvent.objects.get(action=AuditAction.TEXT_SEND_BACK).details["comment"] == (
        "Pealkiri on liiga pikk."
    )

    # the owner's form starts from what they proposed; saving again makes it pending again
    client.force_login(topic_owner)
    page = client.get(reverse("library:asset_edit", args=[published.public_id]))
    assert page.context["form"].initial["title_et"] == "Esimene katse"
    assert (
        "Pealkiri on liiga pikk."
        in client.get(reverse("review:text_revision", args=[revision.pk])).content.decode()
    )
    post_edit(client, published, title_et="Teine katse")
    revision.refresh_from_db()
    assert revision.state == TextRevisionState.PENDING
    assert revision.changes == {"title_et": "Teine katse"} and revision.comment == ""
    assert TextRevision.objects.count() == 1

    # a stale page is refused; the owner withdraws; the published texts never changed
    withdraw = reverse("review:text_withdraw", args=[revision.pk])
    response = client.post(withdraw, {"revision": revision.revision - 1}, follow=True)
    assert any("changed by someone else" in m for m in messages_of(response))
    client.post(withdraw, {"revision": revision.revision})
    revision.refresh_from_db()
    assert revision.state == TextRevisionState.WITHDRAWN
    assert Asset.objects.get(pk=published.pk).title_et == "Pensionireform"
    assert AuditEvent.objects.filter(action=AuditAction.TEXT_WITHDRAW).count() == 1
    with pytest.raises(WorkflowError):
        text_revisions.approve(revision, web_manager)


def test_proposing_the_published_texts_again_withdraws_the_proposal(client, published, topic_owner):
    client.force_login(topic_owner)
    post_edit(client, published, title_et="Uus pealkiri")
    response = post_edit(client, published, title_et="Pensionireform")
    assert response.status_code == 302
    assert TextRevision.objects.get().state == TextRevisionState.WITHDRAWN


def test_decisions_are_for_web_managers_and_refuse_stale_pages(
    client, published, topic_owner, web_manager
):
    client.force_login(topic_owner)
    post_edit(client, published, title_et="Uus pealkiri")
    revision = TextRevision.objects.get()
    response = client.post(
        reverse("review:text_approve", args=[revision.pk]),
        {"revision": revision.revision},
        follow=True,
    )
    assert any("Only the web manager" in m for m in messages_of(response))
    assert Asset.objects.get(pk=published.pk).title_et == "Pensionireform"
    with pytest.raises(StaleDecision):
        text_revisions.approve(revision, web_manager, seen_revision=revision.revision + 1)
    assert TextRevision.objects.get().state == TextRevisionState.PENDING


def test_topic_usable_until_and_campaign_are_saved_at_once_and_audited(
    client, published, topic_owner
):
    client.force_login(topic_owner)
    later = timezone.localdate() + datetime.timedelta(days=90)
    response = post_edit(client, published, usable_until=later.isoformat())
    assert response.status_code == 302
    assert Asset.objects.get(pk=published.pk).usable_until == later
    assert not TextRevision.objects.exists()
    [event] = AuditEvent.objects.filter(action=AuditAction.EDIT)
    assert event.details["changes"] == {"usable_until": {"old": None, "new": later.isoformat()}}
    past = timezone.localdate() - datetime.timedelta(days=1)
    response = post_edit(client, published, usable_until=past.isoformat())
    assert "in the past" in response.context["form"].errors["usable_until"][0]


def test_web_manager_edits_publish_directly_with_old_and_new_in_the_audit(
    client, published, web_manager
):
    client.force_login(web_manager)
    response = post_edit(client, published, title_et="Parandatud", description_et="Uus kirjeldus")
    assert response.status_code == 302
    assert Asset.objects.get(pk=published.pk).title_et == "Parandatud"
    assert not TextRevision.objects.exists()
    [event] = AuditEvent.objects.filter(action=AuditAction.EDIT)
    assert event.details["changes"] == {
        "title_et": {"old": "Pensionireform", "new": "Parandatud"},
        "description_et": {"old": "", "new": "Uus kirjeldus"},
    }
    assert event.details["via"] == "library"


def test_drafts_are_still_edited_directly_and_audited_with_values(client, ska, topic_owner):
    asset, _ = make_asset(topic_owner, ska, state="draft")
    client.force_login(topic_owner)
    response = post_edit(client, asset, title_et="Mustandi uus nimi", alt_text_et="")
    assert response.status_code == 302  # a draft may lack alt text until approval
    stored = Asset.objects.get(pk=asset.pk)
    assert stored.title_et == "Mustandi uus nimi" and stored.alt_text_et == ""
    assert not TextRevision.objects.exists()
    [event] = AuditEvent.objects.filter(action=AuditAction.EDIT)
    assert event.details["changes"]["title_et"] == {
        "old": "Pensionireform",
        "new": "Mustandi uus nimi",
    }
    assert event.details["changes"]["alt_text_et"]["new"] == ""


def test_after_archiving_the_owner_edits_directly_from_their_proposal(
    client, published, topic_owner, web_manager
):
    from brandkit.review import workflow

    client.force_login(topic_owner)
    post_edit(client, published, title_et="Ettepanek")
    workflow.archive(published, web_manager)
    page = client.get(reverse("library:asset_edit", args=[published.public_id]))
    assert page.context["form"].initial["title_et"] == "Ettepanek"
    assert not page.context["waits"]
    response = post_edit(client, published)
    assert response.status_code == 302
    assert Asset.objects.get(pk=published.pk).title_et == "Ettepanek"
    assert TextRevision.objects.get().state == TextRevisionState.WITHDRAWN
