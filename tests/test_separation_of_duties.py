"""Separation of duties: a web manager does not approve their own visual while another web
manager can (BRANDKIT_SELF_APPROVAL=second-manager, the default); a lone web manager may, with
a written reason that the version, the audit trail, the pages and the API show. `with-reason`
always allows that, `never` never does."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from brandkit.api.models import ApiToken
from brandkit.library.models import VersionState
from brandkit.review import workflow
from brandkit.review.models import AuditAction, AuditEvent
from brandkit.roles import WEB_MANAGER
from tests.factories import ERROR_REPORT, make_asset, make_version
from tests.library_helpers import make_user
from tests.test_settings import settings_in_subprocess

pytestmark = pytest.mark.django_db

REASON = "Puhkuste ajal on veebihaldur üksi; kiire teavitus."


@pytest.fixture(autouse=True)
def english(client):
    """English for pages and for the messages of direct calls (not left over from a request)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def own_version(web_manager):
    """A version the web manager uploaded for their own asset, waiting for a decision."""
    web_manager.email = "manager@example.ee"
    web_manager.save()
    asset = make_asset(web_manager)
    return make_version(asset, state=VersionState.SUBMITTED)


@pytest.fixture
def second_manager(django_user_model):
    return make_user(django_user_model, "manager2", WEB_MANAGER, is_staff=True)


def approve_page(client, version) -> str:
    return client.get(reverse("library:version", args=[version.pk])).content.decode()


def post_approve(client, version, **fields):
    data = {"revision": version.revision, **fields}
    return client.post(reverse("review:approve", args=[version.pk]), data, follow=True)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_default_a_second_web_manager_must_decide(client, own_version, web_manager, second_manager):
    assert settings.BRANDKIT_SELF_APPROVAL == "second-manager"
    client.force_login(web_manager)
    html = approve_page(client, own_version)
    assert "another web manager must approve it" in html
    assert reverse("review:approve", args=[own_version.pk]) not in html
    response = post_approve(client, own_version, self_approval_reason=REASON)
    assert any("another web manager must approve it" in m for m in messages_of(response))
    own_version.refresh_from_db()
    assert own_version.state == VersionState.SUBMITTED
    assert not AuditEvent.objects.filter(action__in=["approve", "self_approve"]).exists()

    client.force_login(second_manager)
    assert "self_approval_reason" not in approve_page(client, own_version)
    post_approve(client, own_version)
    own_version.refresh_from_db()
    assert own_version.state == VersionState.APPROVED
    assert own_version.decided_by == second_manager and not own_version.self_approved
    assert AuditEvent.objects.get(action=AuditAction.APPROVE).actor == second_manager


def test_an_asset_owned_by_the_manager_counts_as_their_own_whoever_uploaded_it(
    own_version, web_manager, second_manager, topic_owner
):
    version = make_version(make_asset(topic_owner), second_manager, state=VersionState.SUBMITTED)
    with pytest.raises(workflow.WorkflowError):
        workflow.approve(version, second_manager, self_approval_reason=REASON)
    workflow.approve(version, web_manager)  # neither uploader nor owner
    with pytest.raises(workflow.WorkflowError):
        workflow.approve(own_version, web_manager, self_approval_reason=REASON)


def test_default_a_lone_web_manager_self_approves_only_with_a_reason_shown_everywhere(
    client, own_version, web_manager, django_user_model, django_capture_on_commit_callbacks
):
    retired = make_user(django_user_model, "retired", WEB_MANAGER, is_staff=True)
    retired.is_active = False
    retired.save()  # an inactive web manager cannot decide, so does not count
    client.force_login(web_manager)
    html = approve_page(client, own_version)
    assert 'name="self_approval_reason"' in html and "Reason for approving your own" in html
    response = post_approve(client, own_version, self_approval_reason="   ")
    assert any("only with a written reason" in m for m in messages_of(response))
    own_version.refresh_from_db()
    assert own_version.state == VersionState.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        post_approve(client, own_version, self_approval_reason=REASON)
    own_version.refresh_from_db()
    assert own_version.state == VersionState.APPROVED
    assert own_version.self_approved and own_version.self_approval_reason == REASON
    [event] = AuditEvent.objects.filter(action=AuditAction.SELF_APPROVE)
    assert event.actor == web_manager and event.version == own_version
    assert event.details == {"self_approved": True, "self_approval_reason": REASON}
    assert not AuditEvent.objects.filter(action=AuditAction.APPROVE).exists()
    assert REASON in mail.outbox[-1].body

    version_html = approve_page(client, own_version)
    assert "Approved by its own uploader or owner" in version_html and REASON in version_html
    asset_html = client.get(
        reverse("library:asset", args=[own_version.asset.public_id])
    ).content.decode()
    assert "approved by its own uploader or owner" in asset_html
    audit_html = client.get(reverse("review:audit"), {"action": "self_approve"}).content.decode()
    assert REASON in audit_html

    _row, secret = ApiToken.objects.issue("cms", web_manager)
    body = client.get(
        f"/api/v1/assets/{own_version.asset.public_id}",
        headers={"Authorization": f"Bearer {secret}"},
    ).json()
    assert body["current_version"]["self_approved"] is True
    assert body["current_version"]["self_approval_reason"] == REASON


def test_a_version_someone_else_approved_shows_as_not_self_approved_in_the_api(
    client, topic_owner, web_manager
):
    version = make_version(make_asset(topic_owner), state=VersionState.SUBMITTED)
    workflow.approve(version, web_manager, self_approval_reason="ignored: not their own")
    version.refresh_from_db()
    assert not version.self_approved and version.self_approval_reason == ""
    _row, secret = ApiToken.objects.issue("cms", web_manager)
    body = client.get(
        f"/api/v1/assets/{version.asset.public_id}", headers={"Authorization": f"Bearer {secret}"}
    ).json()
    assert body["current_version"]["self_approved"] is False
    assert body["current_version"]["self_approval_reason"] is None
    assert body["current_version"]["approved_over_failing_checks"] is False
    assert body["current_version"]["override_reason"] is None


def test_approval_over_failing_checks_is_an_api_field(client, topic_owner, web_manager):
    version = make_version(make_asset(topic_owner), report=ERROR_REPORT, state="submitted")
    workflow.approve(version, web_manager, override_reason="Kampaania erand")
    _row, secret = ApiToken.objects.issue("cms", web_manager)
    body = client.get(
        f"/api/v1/assets/{version.asset.public_id}", headers={"Authorization": f"Bearer {secret}"}
    ).json()
    assert body["current_version"]["approved_over_failing_checks"] is True
    assert body["current_version"]["override_reason"] == "Kampaania erand"


def test_self_approval_over_failing_checks_needs_both_reasons(web_manager):
    version = make_version(make_asset(web_manager), report=ERROR_REPORT, state="submitted")
    with pytest.raises(workflow.WorkflowError, match="error finding"):
        workflow.approve(version, web_manager, self_approval_reason=REASON)
    with pytest.raises(workflow.WorkflowError, match="written reason"):
        workflow.approve(version, web_manager, override_reason="Partneri logo.")
    workflow.approve(
        version, web_manager, override_reason="Partneri logo.", self_approval_reason=REASON
    )
    [event] = AuditEvent.objects.filter(action=AuditAction.SELF_APPROVE)
    assert event.details == {
        "reason": "Partneri logo.",
        "errors": ["colour.off_palette"],
        "self_approved": True,
        "self_approval_reason": REASON,
    }


def test_with_reason_mode_allows_self_approval_even_with_a_second_manager(
    settings, own_version, web_manager, second_manager
):
    settings.BRANDKIT_SELF_APPROVAL = "with-reason"
    with pytest.raises(workflow.WorkflowError, match="written reason"):
        workflow.approve(own_version, web_manager)
    workflow.approve(own_version, web_manager, self_approval_reason=REASON)
    own_version.refresh_from_db()
    assert own_version.self_approved and own_version.state == VersionState.APPROVED


def test_never_mode_refuses_self_approval_even_for_a_lone_manager(
    client, settings, own_version, web_manager
):
    settings.BRANDKIT_SELF_APPROVAL = "never"
    with pytest.raises(workflow.WorkflowError, match="another web manager"):
        workflow.approve(own_version, web_manager, self_approval_reason=REASON)
    client.force_login(web_manager)
    assert 'name="self_approval_reason"' not in approve_page(client, own_version)
    own_version.refresh_from_db()
    assert own_version.state == VersionState.SUBMITTED


def test_sending_ones_own_version_back_is_still_allowed(own_version, web_manager, second_manager):
    workflow.request_changes(own_version, web_manager, "Vale suurus.")
    own_version.refresh_from_db()
    assert own_version.state == VersionState.CHANGES_REQUESTED


def test_the_setting_is_read_from_the_environment_and_checked():
    base = {"DJANGO_DEBUG": "1"}
    result = settings_in_subprocess(base, "s.BRANDKIT_SELF_APPROVAL")
    assert result.stdout.strip() == "'second-manager'", result.stderr
    result = settings_in_subprocess(
        {**base, "BRANDKIT_SELF_APPROVAL": "With-Reason"}, "s.BRANDKIT_SELF_APPROVAL"
    )
    assert result.stdout.strip() == "'with-reason'", result.stderr
    result = settings_in_subprocess({**base, "BRANDKIT_SELF_APPROVAL": "always"}, "1")
    assert result.returncode != 0 and "BRANDKIT_SELF_APPROVAL must be" in result.stderr
