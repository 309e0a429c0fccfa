"""Home = my work: each role sees what waits for it, and in-app notifications mirror e-mails."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from brandkit.inbox.models import Notification
from brandkit.library.models import Asset
from brandkit.review import workflow
from procurement.models import Document, DocumentKind, DocumentStatus
from tests.library_helpers import make_asset, make_user, png_bytes, reuse_check_reports
from tests.test_procurement_helpers import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_checks(monkeypatch):
    reuse_check_reports(monkeypatch)


def home(client, user, lang="en") -> str:
    client.force_login(user)
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return response.content.decode()


def test_topic_owner_sees_sent_back_drafts_submitted_and_orders(
    client, ska, topic_owner, web_manager
):
    make_asset(topic_owner, ska, title_et="Mustand", data=png_bytes(marker=1))
    make_asset(
        topic_owner,
        ska,
        state="changes_requested",
        manager=web_manager,
        title_et="Tagasi saadetud",
        data=png_bytes(marker=2),
    )
    make_asset(topic_owner, ska, state="submitted", title_et="Ootel", data=png_bytes(marker=3))
    order = make_order(topic_owner)
    html = home(client, topic_owner)
    assert 'href="/library/upload/"' in html and "Order a visual" in html
    for title in ("Mustand", "Tagasi saadetud", "Ootel"):
        assert title in html
    assert "Palun paranda." in html  # the reviewer's comment with the sent-back visual
    assert order.number in html and "no documents yet" in html
    assert "Waiting for your review" not in html  # not the web manager's work


def test_topic_owner_does_not_see_other_owners_work(client, ska, topic_owner, django_user_model):
    other = make_user(django_user_model, "other", "topic_owner")
    make_asset(other, ska, title_et="Teise mustand")
    make_order(other, title_et="Teise tellimus")
    html = home(client, topic_owner)
    assert "Teise mustand" not in html and "Teise tellimus" not in html


def test_web_manager_sees_queue_expiring_rights_unconfirmed_values_and_activity(
    client, ska, topic_owner, web_manager
):
    make_asset(
        topic_owner, ska, state="submitted", title_et="Ülevaatusel", data=png_bytes(marker=4)
    )
    expiring, _version = make_asset(
        topic_owner,
        ska,
        state="approved",
        manager=web_manager,
        title_et="Lõppevad õigused",
        data=png_bytes(marker=5),
    )
    Asset.objects.filter(pk=expiring.pk).update(
        usable_until=timezone.localdate() + datetime.timedelta(days=10)
    )
    html = home(client, web_manager)
    assert "1 version waits for a decision." in html
    assert "Ülevaatusel" in html
    assert "Lõppevad õigused" in html and "Rights ending within 30 days" in html
    assert "Brand-kit values still to confirm" in html
    unconfirmed = ska.colours.filter(confirmed=False).first()
    assert unconfirmed is not None and unconfirmed.name in html
    assert "Recent activity" in html and 'href="/review/audit/"' in html


def test_procurement_sees_orders_without_documents_and_new_documents(
    client, ska, topic_owner, procurement_user
):
    waiting = make_order(topic_owner, title_et="Dokumentideta")
    done = make_order(topic_owner, title_et="Dokumentidega")
    Document.objects.create(
        order=done,
        kind=DocumentKind.BRIEF,
        lang="et",
        version=1,
        status=DocumentStatus.READY,
        order_revision=done.revision,
        created_by=procurement_user,
    )
    html = home(client, procurement_user)
    assert waiting.number in html
    section = html.split('id="work-need-docs"')[1].split("</section>")[0]
    assert waiting.number in section and done.number not in section
    new = html.split('id="work-new-docs"')[1].split("</section>")[0]
    assert done.number in new and "design brief" in new
    assert "Upload a visual" not in html  # procurement does not upload


def test_user_without_role_is_told_to_ask_for_one(client, django_user_model):
    html = home(client, make_user(django_user_model, "nobody"))
    assert "has no role yet" in html


def test_decisions_reach_the_in_app_list_and_the_header_count(
    client, ska, topic_owner, web_manager
):
    asset, version = make_asset(topic_owner, ska, state="submitted")
    # the web manager was told of the submission in the app, as by e-mail
    assert Notification.objects.filter(recipient=web_manager).unread().count() == 1
    workflow.request_changes(version, web_manager, "Logo on liiga väike.")
    note = Notification.objects.get(recipient=topic_owner)
    assert "Logo on liiga väike." in note.body
    assert note.url == reverse("library:asset", args=[asset.public_id])
    html = home(client, topic_owner)
    assert "1 unread" in html
    listing = client.get(reverse("inbox:list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert note.subject in listing and "Logo on liiga väike." in listing
    response = client.post(reverse("inbox:read"), {"id": note.pk, "open": "1"})
    assert response.status_code == 302 and response["Location"] == note.url
    note.refresh_from_db()
    assert note.read_at is not None
    assert "1 unread" not in home(client, topic_owner)


def test_rolled_back_decision_leaves_no_notification(ska, topic_owner, web_manager):
    from django.db import transaction

    _asset, version = make_asset(topic_owner, ska, state="submitted")
    before = Notification.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.approve(version, web_manager)
        raise RuntimeError("rolled back")
    assert Notification.objects.count() == before
    assert not [m for m in mail.outbox if "approved" in m.subject.lower()]


def test_notifications_are_private_and_mark_all_read(client, ska, topic_owner, web_manager):
    make_asset(topic_owner, ska, state="submitted")
    theirs = Notification.objects.get(recipient=web_manager)
    client.force_login(topic_owner)
    client.post(reverse("inbox:read"), {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is None  # another user's notification is untouched
    assert theirs.subject not in client.get(reverse("inbox:list")).content.decode()
    client.force_login(web_manager)
    client.post(reverse("inbox:read"), {"id": "all"})
    assert not Notification.objects.filter(recipient=web_manager).unread().exists()


@pytest.mark.parametrize("bad", ["", "x", "99999999999999999999999", "-1"])
def test_odd_ids_are_no_error(client, topic_owner, bad):
    client.force_login(topic_owner)
    response = client.post(reverse("inbox:read"), {"id": bad})
    assert response.status_code == 302


def test_notification_list_needs_login(client):
    response = client.get(reverse("inbox:list"))
    assert response.status_code == 302 and "login" in response["Location"]
