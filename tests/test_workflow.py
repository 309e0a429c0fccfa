"""The review state machine, its audit events and e-mails, and rights expiry."""

import datetime
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import translation

from brandkit.library.models import AssetStatus, RenditionStatus, VersionState
from brandkit.library.permissions import visible_assets
from brandkit.review import workflow
from brandkit.review.models import AuditAction, AuditEvent, Comment
from tests.factories import ERROR_REPORT, make_asset, make_version

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The messages asserted below are the English ones, whatever language a previous test
    left active in this thread."""
    with translation.override("en"):
        yield


@pytest.fixture
def mailboxes(topic_owner, web_manager):
    topic_owner.email = "owner@example.ee"
    topic_owner.save()
    web_manager.email = "manager@example.ee"
    web_manager.save()


def events(action):
    return list(AuditEvent.objects.filter(action=action))


def test_owner_submits_and_web_managers_are_told(
    topic_owner, web_manager, mailboxes, django_capture_on_commit_callbacks
):
    version = make_version(make_asset(topic_owner))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(version, topic_owner)
    version.refresh_from_db()
    assert version.state == VersionState.SUBMITTED and version.revision == 1
    assert version.asset.status == AssetStatus.SUBMITTED
    [event] = events(AuditAction.SUBMIT)
    assert (event.actor, event.from_state, event.to_state) == (topic_owner, "draft", "submitted")
    assert [m.to for m in mail.outbox] == [["manager@example.ee"]]
    assert "Pension kolmes sambas" in mail.outbox[0].subject


def test_someone_elses_asset_cannot_be_submitted(topic_owner, django_user_model):
    other = django_user_model.objects.create_user("other")
    version = make_version(make_asset(topic_owner))
    with pytest.raises(workflow.WorkflowError, match="owner"):
        workflow.submit(version, other)
    version.refresh_from_db()
    assert version.state == VersionState.DRAFT and not events(AuditAction.SUBMIT)


def test_only_web_managers_decide(topic_owner, procurement_user):
    version = make_version(make_asset(topic_owner), state=VersionState.SUBMITTED)
    for user in (topic_owner, procurement_user):
        with pytest.raises(workflow.WorkflowError):
            workflow.approve(version, user)
        with pytest.raises(workflow.WorkflowError):
            workflow.request_changes(version, user, "no")
    version.refresh_from_db()
    assert version.state == VersionState.SUBMITTED


def test_approval_makes_the_version_current_and_builds_renditions(
    ska, topic_owner, web_manager, mailboxes, django_capture_on_commit_callbacks
):
    asset = make_asset(topic_owner)
    version = make_version(asset, state=VersionState.SUBMITTED, brandbook=ska)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(version, web_manager, seen_revision=0)
    asset.refresh_from_db()
    assert asset.current_version == version and asset.status == AssetStatus.APPROVED
    version.refresh_from_db()
    assert version.decided_by == web_manager and version.override_reason == ""
    assert [e.to_state for e in events(AuditAction.APPROVE)] == ["approved"]
    assert mail.outbox[-1].to == ["owner@example.ee"]
    renditions = {r.name: r for r in version.renditions.all()}
    assert set(renditions) == {"thumbnail", "web-jpeg", "web-webp"}
    assert all(r.status == RenditionStatus.READY for r in renditions.values())
    assert (renditions["web-jpeg"].width, renditions["web-jpeg"].height) == (1200, 628)
    assert renditions["thumbnail"].width == 480


def test_missing_alt_text_blocks_approval(topic_owner, web_manager):
    asset = make_asset(topic_owner, alt_text_ru="")
    version = make_version(asset, state=VersionState.SUBMITTED)
    with pytest.raises(workflow.WorkflowError, match=r"alt text \(Russian\)"):
        workflow.approve(version, web_manager)


def test_infographic_needs_a_long_text_alternative(topic_owner, web_manager):
    asset = make_asset(topic_owner, kind="infographic", languages="et")
    version = make_version(asset, state=VersionState.SUBMITTED)
    with pytest.raises(workflow.WorkflowError, match=r"long text alternative \(Estonian\)"):
        workflow.approve(version, web_manager)
    asset.long_description_et = "Joonis näitab kolme sammast."
    asset.save()
    workflow.approve(version, web_manager)


def test_failing_version_needs_a_written_override_reason(topic_owner, web_manager):
    version = make_version(
        make_asset(topic_owner), report=ERROR_REPORT, state=VersionState.SUBMITTED
    )
    with pytest.raises(workflow.WorkflowError, match="1 error finding"):
        workflow.approve(version, web_manager)
    with pytest.raises(workflow.WorkflowError):
        workflow.approve(version, web_manager, override_reason="   ")
    workflow.approve(version, web_manager, override_reason="Campaign partner's own red logo.")
    version.refresh_from_db()
    assert version.override_reason == "Campaign partner's own red logo."
    [event] = events(AuditAction.OVERRIDE)
    assert event.details == {
        "reason": "Campaign partner's own red logo.",
        "errors": ["colour.off_palette"],
    }
    assert not events(AuditAction.APPROVE)


def test_request_changes_needs_a_comment_and_tells_the_owner(
    topic_owner, web_manager, mailboxes, django_capture_on_commit_callbacks
):
    version = make_version(make_asset(topic_owner), state=VersionState.SUBMITTED)
    with pytest.raises(workflow.WorkflowError, match="comment is required"):
        workflow.request_changes(version, web_manager, " ")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(version, web_manager, "Logo clear space is too small.")
    version.refresh_from_db()
    assert version.state == VersionState.CHANGES_REQUESTED
    assert Comment.objects.get().text == "Logo clear space is too small."
    assert "Logo clear space is too small." in mail.outbox[-1].body
    # the same file goes back only with an answer to the reviewer
    with pytest.raises(workflow.WorkflowError, match="reply to the web manager"):
        workflow.submit(version, topic_owner)
    workflow.submit(version, topic_owner, reply="  The clear space follows the new guide.  ")
    version.refresh_from_db()
    assert version.state == VersionState.SUBMITTED
    reply = Comment.objects.filter(author=topic_owner).get()
    assert reply.text == "The clear space follows the new guide."


def test_a_comment_made_after_the_request_counts_as_the_answer(topic_owner, web_manager):
    version = make_version(make_asset(topic_owner), state=VersionState.SUBMITTED)
    workflow.request_changes(version, web_manager, "Too small.")
    version.refresh_from_db()
    Comment.objects.create(version=version, author=topic_owner, text="It is the minimum size.")
    workflow.submit(version, topic_owner)
    version.refresh_from_db()
    assert version.state == VersionState.SUBMITTED


def test_alt_texts_completed_on_the_review_page_are_saved_with_the_approval_and_audited(
    topic_owner, web_manager
):
    asset = make_asset(topic_owner, alt_text_et="")
    version = make_version(asset, state=VersionState.SUBMITTED)
    with pytest.raises(workflow.WorkflowError):
        workflow.approve(version, web_manager, texts={"alt_text_et": "  "})
    asset.refresh_from_db()
    assert asset.alt_text_et == ""  # refused: nothing saved
    workflow.approve(version, web_manager, texts={"alt_text_et": "Sinine bänner", "title_et": "X"})
    asset.refresh_from_db()
    assert asset.alt_text_et == "Sinine bänner"
    assert asset.title_et != "X"  # only text alternatives are edited here
    event = AuditEvent.objects.filter(asset=asset, details__via="review").get()
    assert event.details["changes"]["alt_text_et"] == {"old": "", "new": "Sinine bänner"}


def test_stale_decision_is_refused(topic_owner, web_manager):
    version = make_version(make_asset(topic_owner), state=VersionState.SUBMITTED)
    seen = version.revision
    workflow.request_changes(version, web_manager, "Fix the size.", seen_revision=seen)
    with pytest.raises(workflow.StaleDecision, match="Reload the page"):
        workflow.approve(version, web_manager, seen_revision=seen)
    version.refresh_from_db()
    assert version.state == VersionState.CHANGES_REQUESTED
    assert not events(AuditAction.APPROVE)


@pytest.mark.parametrize(
    ("state", "step"),
    [
        (VersionState.DRAFT, "approve"),
        (VersionState.APPROVED, "approve"),
        (VersionState.APPROVED, "submit"),
        (VersionState.ARCHIVED, "submit"),
        (VersionState.DRAFT, "request_changes"),
    ],
)
def test_impossible_transitions_are_refused(topic_owner, web_manager, state, step):
    version = make_version(make_asset(topic_owner), state=state)
    call = {
        "approve": lambda: workflow.approve(version, web_manager),
        "submit": lambda: workflow.submit(version, topic_owner),
        "request_changes": lambda: workflow.request_changes(version, web_manager, "x"),
    }[step]
    with pytest.raises(workflow.WorkflowError, match="cannot become"):
        call()
    version.refresh_from_db()
    assert version.state == state


def test_new_approved_version_archives_the_old_one(topic_owner, web_manager):
    asset = make_asset(topic_owner)
    first = make_version(asset, state=VersionState.SUBMITTED)
    workflow.approve(first, web_manager)
    second = make_version(asset)
    asset.refresh_from_db()
    assert asset.status == AssetStatus.APPROVED  # the draft does not hide the approved one
    workflow.submit(second, topic_owner)
    workflow.approve(second, web_manager)
    first.refresh_from_db()
    asset.refresh_from_db()
    assert first.state == VersionState.ARCHIVED and asset.current_version == second


def test_archive(topic_owner, web_manager, procurement_user):
    asset = make_asset(topic_owner)
    workflow.approve(make_version(asset, state=VersionState.SUBMITTED), web_manager)
    assert visible_assets(procurement_user).filter(pk=asset.pk).exists()
    workflow.archive(asset, web_manager)
    asset.refresh_from_db()
    assert asset.status == AssetStatus.ARCHIVED and asset.current_version is None
    assert not visible_assets(procurement_user).filter(pk=asset.pk).exists()
    assert events(AuditAction.ARCHIVE)[0].from_state == "approved"


def test_expire_assets_hides_expired_and_warns_owners_once(
    topic_owner, web_manager, procurement_user, mailboxes, django_capture_on_commit_callbacks
):
    today = datetime.date(2026, 11, 25)
    gone = make_asset(topic_owner, usable_until=today - datetime.timedelta(days=1))
    soon = make_asset(
        topic_owner, title_et="Peretoetused", usable_until=today + datetime.timedelta(days=30)
    )
    later = make_asset(topic_owner, usable_until=today + datetime.timedelta(days=31))
    for asset in (gone, soon, later):
        workflow.approve(make_version(asset, state=VersionState.SUBMITTED), web_manager)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_assets", "--today", today.isoformat(), stdout=StringIO())
    gone.refresh_from_db()
    assert gone.status == AssetStatus.EXPIRED and gone.current_version is None
    assert gone.versions.get().state == VersionState.EXPIRED
    visible = visible_assets(procurement_user)
    assert not visible.filter(pk=gone.pk).exists() and visible.filter(pk=soon.pk).exists()
    assert [m.subject for m in mail.outbox] == [
        mail.outbox[0].subject
    ] and "Peretoetused" in mail.outbox[0].subject
    assert "30" in mail.outbox[0].body
    [event] = events(AuditAction.EXPIRE)
    assert event.asset == gone and event.to_state == "expired"
    # the next day: no second notice, nothing more expires
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_assets", "--today", "2026-11-26", stdout=StringIO())
    assert mail.outbox == [] or all("Peretoetused" not in m.subject for m in mail.outbox)
    # extending the rights resets the notice
    soon.refresh_from_db()
    soon.usable_until = today + datetime.timedelta(days=60)
    soon.save()
    assert soon.expiry_notice_sent_on is None


def test_brand_kit_admin_edits_reach_the_audit_trail(client, ska, web_manager):
    from django.urls import reverse

    client.force_login(web_manager)
    colour = ska.colours.get(slug="black")
    url = reverse("admin:rules_colour_change", args=[colour.pk])
    data = {
        "brandbook": ska.pk,
        "slug": "black",
        "name_et": "Must",
        "name_en": "Black",
        "name_ru": "",
        "hex": "#111111",
        "cmyk": "null",
        "pantone": "",
        "roles": "[]",
        "confirmed": "on",
        "note": "",
        "position": 2,
    }
    assert client.post(url, data).status_code == 302
    [event] = events(AuditAction.BRANDKIT_CHANGE)
    assert event.actor == web_manager and event.details["change"] == "changed"
    assert event.details["model"] == "colour"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_decisions_at_once_give_one_result_and_one_event(topic_owner, web_manager):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite locks the whole database)")
    version = make_version(make_asset(topic_owner), state=VersionState.SUBMITTED)
    barrier = threading.Barrier(2)
    outcomes = []

    def decide(step):
        try:
            barrier.wait()
            if step == "approve":
                workflow.approve(version, web_manager, seen_revision=0)
            else:
                workflow.request_changes(version, web_manager, "No.", seen_revision=0)
            outcomes.append("ok")
        except workflow.WorkflowError as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(s,)) for s in ("approve", "changes")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["StaleDecision", "ok"]
    version.refresh_from_db()
    assert version.revision == 1
    decisions = AuditEvent.objects.filter(
        action__in=[AuditAction.APPROVE, AuditAction.REQUEST_CHANGES]
    )
    assert decisions.count() == 1


def test_expire_assets_prunes_the_search_change_log_after_a_week(topic_owner):
    from django.utils import timezone

    from brandkit.library.models import AssetChange

    asset = make_asset(topic_owner)
    logged = AssetChange.objects.filter(asset_id=asset.pk)
    assert logged.exists()  # the database trigger wrote it
    week_old = timezone.now() - datetime.timedelta(days=7, minutes=1)
    logged.update(changed_at=week_old)
    asset.title_et = "Uus pealkiri"
    asset.save()
    out = StringIO()
    call_command("expire_assets", stdout=out)
    assert list(AssetChange.objects.values_list("changed_at", flat=True)) != []
    assert not AssetChange.objects.filter(changed_at__lte=week_old).exists()
    assert AssetChange.objects.filter(asset_id=asset.pk).count() >= 1
    assert "old search change(s) pruned" in out.getvalue()
