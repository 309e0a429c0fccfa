"""The review pages and decision forms: queue, approve (and override with a reason), request
changes, stale forms, comments, archive, the audit log with its filters, and the admin."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from brandkit.library.models import Asset, AssetVersion
from brandkit.review.models import AuditAction, AuditEvent, Comment
from tests.library_helpers import make_asset, other_owner, red_png, reuse_check_reports

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client, monkeypatch):
    reuse_check_reports(monkeypatch)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_queue_lists_submitted_versions_oldest_first(client, ska, topic_owner, web_manager):
    first, v1 = make_asset(topic_owner, ska, state="submitted", title_et="Esimene")
    make_asset(topic_owner, ska, state="draft", title_et="Mustand")
    second, v2 = make_asset(topic_owner, ska, state="submitted", title_et="Teine")
    AuditEvent.objects.filter(version=v1, action="submit").update(
        at=timezone.now() + datetime.timedelta(hours=1)
    )
    client.force_login(web_manager)
    response = client.get(reverse("review:queue"))
    assert [v.pk for v in response.context["versions"]] == [v2.pk, v1.pk]
    html = response.content.decode()
    assert "Mustand" not in html
    assert reverse("library:version", args=[v1.pk]) in html


def test_version_page_shows_the_full_report_and_decision_forms(
    client, ska, topic_owner, web_manager
):
    asset, version = make_asset(topic_owner, ska, state="submitted", data=red_png())
    client.force_login(web_manager)
    html = client.get(reverse("library:version", args=[version.pk])).content.decode()
    assert "colour.off_palette" in html and "verdict--fail" in html
    assert reverse("review:approve", args=[version.pk]) in html
    assert 'name="override_reason"' in html and "required" in html
    assert reverse("review:request_changes", args=[version.pk]) in html
    assert f'name="revision" value="{version.revision}"' in html
    assert "Details" in html  # the findings' details


def test_approve_a_passing_version_makes_renditions(
    client, ska, topic_owner, web_manager, django_capture_on_commit_callbacks
):
    asset, version = make_asset(topic_owner, ska, state="submitted")
    client.force_login(web_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("review:approve", args=[version.pk]),
            {"revision": version.revision},
            follow=True,
        )
    assert response.status_code == 200
    assert "The version was approved. Its renditions are being made." in messages_of(response)
    version.refresh_from_db()
    assert version.state == "approved" and version.decided_by == web_manager
    assert {r.status for r in version.renditions.all()} == {"ready"}
    html = client.get(reverse("library:asset", args=[asset.public_id])).content.decode()
    thumb = version.renditions.get(name="thumbnail")
    assert f"{reverse('library:rendition_file', args=[thumb.pk])}?inline=1" in html


def test_override_needs_a_written_reason(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="submitted", data=red_png())
    client.force_login(web_manager)
    url = reverse("review:approve", args=[version.pk])
    refused = client.post(url, {"revision": version.revision, "override_reason": "  "}, follow=True)
    assert any("written reason" in m for m in messages_of(refused))
    version.refresh_from_db()
    assert version.state == "submitted"
    assert not AuditEvent.objects.filter(action__in=["approve", "override"]).exists()
    client.post(url, {"revision": version.revision, "override_reason": "Agreed exception"})
    version.refresh_from_db()
    assert version.state == "approved" and version.override_reason == "Agreed exception"
    event = AuditEvent.objects.get(action=AuditAction.OVERRIDE)
    assert event.details["reason"] == "Agreed exception"
    assert "colour.off_palette" in event.details["errors"]
    page = client.get(reverse("library:version", args=[version.pk])).content.decode()
    assert "Agreed exception" in page


def test_missing_alt_text_refuses_approval_with_a_message(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="submitted", languages="et ru")
    client.force_login(web_manager)
    response = client.post(
        reverse("review:approve", args=[version.pk]), {"revision": version.revision}, follow=True
    )
    assert any("text alternatives" in m for m in messages_of(response))
    version.refresh_from_db()
    assert version.state == "submitted"


def test_request_changes_needs_a_comment(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="submitted")
    client.force_login(web_manager)
    url = reverse("review:request_changes", args=[version.pk])
    refused = client.post(url, {"revision": version.revision, "text": ""}, follow=True)
    assert any("comment is required" in m for m in messages_of(refused))
    client.post(url, {"revision": version.revision, "text": "Make the logo bigger."})
    version.refresh_from_db()
    assert version.state == "changes_requested"
    assert Comment.objects.get().text == "Make the logo bigger."
    client.force_login(topic_owner)
    html = client.get(reverse("library:asset", args=[asset.public_id])).content.decode()
    assert "Make the logo bigger." in html
    assert reverse("review:submit", args=[version.pk]) in html  # it can be sent again


def test_a_stale_form_is_refused_with_a_clear_message(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="submitted")
    seen = version.revision
    client.force_login(web_manager)
    client.post(
        reverse("review:request_changes", args=[version.pk]), {"revision": seen, "text": "Fix it"}
    )
    response = client.post(
        reverse("review:approve", args=[version.pk]), {"revision": seen}, follow=True
    )
    assert response.status_code == 200
    assert any("changed by someone else" in m for m in messages_of(response))
    version.refresh_from_db()
    assert version.state == "changes_requested"
    assert AuditEvent.objects.filter(version=version, action="request_changes").count() == 1
    assert not AuditEvent.objects.filter(version=version, action="approve").exists()
    missing = client.post(reverse("review:approve", args=[version.pk]), {}, follow=True)
    assert any("incomplete" in m for m in messages_of(missing))


def test_decisions_redirect_back_only_to_our_own_pages(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="draft")
    client.force_login(topic_owner)
    response = client.post(
        reverse("review:submit", args=[version.pk]),
        {"revision": version.revision, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("library:version", args=[version.pk])
    response = client.post(
        reverse("review:comment", args=[version.pk]),
        {"text": "ok", "next": reverse("library:asset", args=[asset.public_id])},
    )
    assert response["Location"] == reverse("library:asset", args=[asset.public_id])


def test_comments_are_recorded(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="draft")
    client.force_login(topic_owner)
    client.post(reverse("review:comment", args=[version.pk]), {"text": "Ready soon"})
    empty = client.post(reverse("review:comment", args=[version.pk]), {"text": ""}, follow=True)
    assert any("at most 5000" in m for m in messages_of(empty))
    comment = Comment.objects.get()
    assert (comment.author, comment.text) == (topic_owner, "Ready soon")
    event = AuditEvent.objects.get(action=AuditAction.COMMENT)
    assert event.details["comment"] == "Ready soon" and event.version == version
    client.force_login(web_manager)
    html = client.get(reverse("library:version", args=[version.pk])).content.decode()
    assert "Ready soon" in html


def test_archive_hides_the_asset(client, ska, topic_owner, web_manager, procurement_user):
    asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    client.force_login(web_manager)
    response = client.post(reverse("review:archive", args=[asset.public_id]), follow=True)
    assert any("archived" in m for m in messages_of(response))
    asset.refresh_from_db()
    assert asset.status == "archived" and asset.current_version is None
    client.force_login(procurement_user)
    assert client.get(reverse("library:asset", args=[asset.public_id])).status_code == 404
    assert client.get(reverse("library:version_file", args=[version.pk])).status_code == 404
    again = client.post(reverse("review:archive", args=[asset.public_id]))
    assert again.status_code == 404


def test_workflow_errors_become_messages(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="draft")
    client.force_login(web_manager)
    response = client.post(
        reverse("review:approve", args=[version.pk]), {"revision": version.revision}, follow=True
    )
    assert response.status_code == 200
    assert any("cannot become" in m for m in messages_of(response))
    archive = client.post(reverse("review:archive", args=[asset.public_id]), follow=True)
    assert any("Only an approved asset" in m for m in messages_of(archive))


# -- the audit log ----------------------------------------------------------------------------


@pytest.fixture
def history(ska, topic_owner, web_manager, django_user_model):
    first, v1 = make_asset(
        topic_owner, ska, state="approved", manager=web_manager, title_et="Esimene"
    )
    stranger = other_owner(django_user_model)
    second, v2 = make_asset(stranger, ska, state="submitted", title_et="Teine")
    old = AuditEvent.objects.filter(asset=first)
    old.update(at=timezone.make_aware(datetime.datetime(2026, 1, 15, 12)))
    return {"first": first, "second": second, "stranger": stranger}


def events_of(response) -> list[AuditEvent]:
    return list(response.context["page"].object_list)


def test_audit_log_filters(client, web_manager, topic_owner, history):
    client.force_login(web_manager)
    url = reverse("review:audit")
    everything = events_of(client.get(url))
    assert len(everything) == AuditEvent.objects.count() >= 5
    approvals = events_of(client.get(url, {"action": "approve"}))
    assert {e.action for e in approvals} == {"approve"} and len(approvals) == 1
    by_user = events_of(client.get(url, {"user": history["stranger"].pk}))
    assert by_user and {e.actor for e in by_user} == {history["stranger"]}
    by_id = events_of(client.get(url, {"asset": str(history["first"].public_id)}))
    assert by_id and {e.asset for e in by_id} == {history["first"]}
    by_title = events_of(client.get(url, {"asset": "teine"}))
    assert by_title and {e.asset for e in by_title} == {history["second"]}
    january = events_of(client.get(url, {"date_from": "2026-01-01", "date_to": "2026-01-31"}))
    assert january and {e.asset for e in january} == {history["first"]}
    reversed_dates = client.get(url, {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    assert "The start date is after the end date." in reversed_dates.content.decode()
    nonsense = client.get(url, {"action": "nonsense", "user": "x"})
    assert nonsense.status_code == 200


def test_audit_log_is_paginated(client, web_manager, topic_owner):
    for i in range(60):
        AuditEvent.objects.create(
            actor=topic_owner, action=AuditAction.DOWNLOAD, object_repr=f"file {i}"
        )
    client.force_login(web_manager)
    first = client.get(reverse("review:audit"), {"action": "download"})
    assert len(events_of(first)) == 50
    html = first.content.decode()
    assert "action=download&amp;page=2" in html
    second = client.get(reverse("review:audit"), {"action": "download", "page": 2})
    assert len(events_of(second)) == 10


def test_asset_page_shows_its_history_to_owner_and_manager(
    client, ska, topic_owner, web_manager, procurement_user
):
    asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    for user, shown in ((topic_owner, True), (web_manager, True), (procurement_user, False)):
        client.force_login(user)
        response = client.get(reverse("library:asset", args=[asset.public_id]))
        assert bool(response.context["events"]) is shown
    client.force_login(web_manager)
    html = client.get(reverse("library:asset", args=[asset.public_id])).content.decode()
    assert f"{reverse('review:audit')}?asset={asset.public_id}" in html


# -- the admin --------------------------------------------------------------------------------


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "root", "root@example.ee", "a-long-test-password"
    )


def test_audit_events_are_read_only_in_the_admin_even_for_superusers(
    client, superuser, ska, topic_owner
):
    asset, version = make_asset(topic_owner, ska)
    event = AuditEvent.objects.first()
    client.force_login(superuser)
    changelist = client.get(reverse("admin:review_auditevent_changelist"))
    assert changelist.status_code == 200
    assert client.get(reverse("admin:review_auditevent_add")).status_code == 403
    change = client.get(reverse("admin:review_auditevent_change", args=[event.pk]))
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    posted = client.post(
        reverse("admin:review_auditevent_change", args=[event.pk]), {"action": "approve"}
    )
    assert posted.status_code == 403
    assert client.get(reverse("admin:review_auditevent_delete", args=[event.pk])).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == event.action


def test_library_models_in_the_admin(client, superuser, ska, topic_owner):
    asset, version = make_asset(topic_owner, ska)
    client.force_login(superuser)
    for name in (
        "library_asset",
        "library_assetversion",
        "library_rendition",
        "library_download",
        "library_topicarea",
        "library_campaign",
        "library_tag",
        "library_stagedupload",
        "review_comment",
    ):
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name
    assert client.get(reverse("admin:library_asset_add")).status_code == 403
    assert (
        client.get(reverse("admin:library_assetversion_change", args=[version.pk])).status_code
        == 200
    )
    assert (
        client.post(
            reverse("admin:library_assetversion_change", args=[version.pk]), {"state": "approved"}
        ).status_code
        == 403
    )
    assert AssetVersion.objects.get(pk=version.pk).state == "draft"
    page = client.get(reverse("admin:library_asset_change", args=[asset.pk]))
    assert page.status_code == 200 and 'name="title_et"' in page.content.decode()
    assert Asset.objects.count() == 1


def test_review_page_completes_alt_texts_and_keeps_the_typed_reason_on_refusal(
    client, ska, topic_owner, web_manager
):
    asset, version = make_asset(
        topic_owner, ska, state="submitted", data=red_png(), languages="et ru", alt_text_ru=""
    )
    client.force_login(web_manager)
    page_url = reverse("library:version", args=[version.pk])
    page = client.get(page_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # the missing alt text is explained before Approve is pressed, with a field to fill in
    assert "Before you approve:" in page
    assert 'name="alt_text_ru"' in page and 'lang="ru"' in page
    url = reverse("review:approve", args=[version.pk])
    # the Russian alt text is typed but the override reason is forgotten: refused ...
    refused = client.post(
        url,
        {"revision": version.revision, "alt_text_ru": "Красный баннер", "override_reason": ""},
        follow=True,
    )
    assert any("written reason" in m for m in messages_of(refused))
    asset.refresh_from_db()
    assert asset.alt_text_ru == ""  # nothing is half-saved
    # ... and what was typed is still in the form
    assert "Красный баннер" in refused.content.decode()
    # the reason typed in a refused attempt comes back too
    client.post(
        url,
        {"revision": version.revision, "alt_text_ru": "", "override_reason": "Kampaania erand"},
    )
    page = client.get(page_url).content.decode()
    assert "Kampaania erand" in page
    client.post(
        url,
        {
            "revision": version.revision,
            "alt_text_ru": "Красный баннер",
            "override_reason": "Kampaania erand",
        },
    )
    version.refresh_from_db()
    asset.refresh_from_db()
    assert version.state == "approved" and asset.alt_text_ru == "Красный баннер"
    edit = AuditEvent.objects.get(asset=asset, action=AuditAction.EDIT, details__via="review")
    assert edit.details["changes"]["alt_text_ru"]["new"] == "Красный баннер"


def test_resubmitting_a_sent_back_version_needs_a_reply(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="changes_requested", manager=web_manager)
    client.force_login(topic_owner)
    url = reverse("review:submit", args=[version.pk])
    page = client.get(reverse("library:version", args=[version.pk])).content.decode()
    assert 'name="reply"' in page
    refused = client.post(url, {"revision": version.revision}, follow=True)
    assert any("new version" in m or "uue versioonina" in m for m in messages_of(refused))
    version.refresh_from_db()
    assert version.state == "changes_requested"
    client.post(url, {"revision": version.revision, "reply": "Logo vastab juhendile."})
    version.refresh_from_db()
    assert version.state == "submitted"
    assert Comment.objects.filter(version=version, author=topic_owner).get().text == (
        "Logo vastab juhendile."
    )


def test_audit_log_exports_the_filtered_events_as_csv(client, ska, topic_owner, web_manager):
    import csv
    import io

    make_asset(topic_owner, ska, state="submitted", title_et='=HYPERLINK("x")')
    client.force_login(web_manager)
    page = client.get(reverse("review:audit"), {"action": "submit"}).content.decode()
    assert "export=csv" in page
    response = client.get(
        reverse("review:audit"), {"action": "submit", "export": "csv"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["When", "Who", "Action"]
    assert len(rows) == 2 and rows[1][1] == "owner" and rows[1][2] == "submitted"
    assert all(not cell.startswith("=") for row in rows for cell in row)  # no formulas


def test_audit_csv_is_for_web_managers_only(client, topic_owner):
    client.force_login(topic_owner)
    assert client.get(reverse("review:audit"), {"export": "csv"}).status_code == 404
