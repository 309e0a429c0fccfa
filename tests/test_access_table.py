"""Every role against every library and review view and media URL: who gets what.

Codes: 200 the page or file; 302 a redirect (anonymous users to the login page; a POST that
ran, or that was refused with a message for someone who may see the version); 404 for
anything the user may not see (never 403, so ids reveal nothing); 405 the wrong method.
"""

from functools import cached_property

import pytest
from django.urls import reverse

from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER
from tests.library_helpers import make_asset, make_staged, make_user, reuse_check_reports

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "no_role", "owner", "other_owner", "manager", "procurement")


class World:
    """The users, and assets owned by `owner` in each state, made on first use so that each
    case builds only what it needs."""

    def __init__(self, ska, django_user_model, on_commit):
        self.ska = ska
        self.on_commit = on_commit
        self.users = {
            "anonymous": None,
            "no_role": make_user(django_user_model, "nobody"),
            "owner": make_user(django_user_model, "owner1", TOPIC_OWNER),
            "other_owner": make_user(django_user_model, "owner2", TOPIC_OWNER),
            "manager": make_user(django_user_model, "manager1", WEB_MANAGER, is_staff=True),
            "procurement": make_user(django_user_model, "buyer1", PROCUREMENT),
        }

    def _asset(self, state, title):
        with self.on_commit(execute=True):  # renditions of approved versions
            asset, _version = make_asset(
                self.users["owner"],
                self.ska,
                state=state,
                manager=self.users["manager"],
                title_et=title,
            )
        return asset

    @cached_property
    def draft(self):
        return self._asset("draft", "Mustand")

    @cached_property
    def submitted(self):
        return self._asset("submitted", "Esitatud")

    @cached_property
    def approved(self):
        return self._asset("approved", "Kinnitatud")

    @cached_property
    def expired(self):
        return self._asset("expired", "Aegunud")

    @cached_property
    def staged(self):
        return make_staged(self.users["owner"], self.ska)

    def version(self, name):
        return getattr(self, name).versions.get()

    @cached_property
    def texts(self):
        """New texts the owner proposed for the approved asset: not published."""
        from brandkit.review import text_revisions

        return text_revisions.propose(self.approved, self.users["owner"], {"title_et": "Ettepanek"})


@pytest.fixture
def world(ska, django_user_model, django_capture_on_commit_callbacks, monkeypatch):
    reuse_check_reports(monkeypatch)
    return World(ska, django_user_model, django_capture_on_commit_callbacks)


def _rendition(world):
    return world.approved.current_version.renditions.get(name="thumbnail")


# url builder, method, data builder, expected per role (anonymous, no_role, owner, other_owner,
# manager, procurement)
CASES = {
    "list": (lambda w: reverse("library:list"), "get", None, (302, 200, 200, 200, 200, 200)),
    "list-expired-filter": (
        lambda w: reverse("library:list") + "?status=expired",
        "get",
        None,
        (302, 200, 200, 200, 200, 200),
    ),
    "asset-draft": (
        lambda w: reverse("library:asset", args=[w.draft.public_id]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "asset-submitted": (
        lambda w: reverse("library:asset", args=[w.submitted.public_id]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "asset-approved": (
        lambda w: reverse("library:asset", args=[w.approved.public_id]),
        "get",
        None,
        (302, 404, 200, 200, 200, 200),
    ),
    "asset-expired": (
        lambda w: reverse("library:asset", args=[w.expired.public_id]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "asset-unknown": (
        lambda w: "/library/assets/00000000-0000-4000-8000-000000000000/",
        "get",
        None,
        (302, 404, 404, 404, 404, 404),
    ),
    "edit-draft": (
        lambda w: reverse("library:asset_edit", args=[w.draft.public_id]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "edit-submitted": (
        lambda w: reverse("library:asset_edit", args=[w.submitted.public_id]),
        "get",
        None,
        (302, 404, 404, 404, 200, 404),
    ),
    "edit-approved": (
        lambda w: reverse("library:asset_edit", args=[w.approved.public_id]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "version-draft": (
        lambda w: reverse("library:version", args=[w.version("draft").pk]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "version-approved": (
        lambda w: reverse("library:version", args=[w.version("approved").pk]),
        "get",
        None,
        (302, 404, 200, 200, 200, 200),
    ),
    "version-expired": (
        lambda w: reverse("library:version", args=[w.version("expired").pk]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "original-draft": (
        lambda w: reverse("library:version_file", args=[w.version("draft").pk]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "original-submitted": (
        lambda w: reverse("library:version_file", args=[w.version("submitted").pk]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "original-approved": (
        lambda w: reverse("library:version_file", args=[w.version("approved").pk]),
        "get",
        None,
        (302, 404, 200, 200, 200, 200),
    ),
    "original-approved-inline": (
        lambda w: reverse("library:version_file", args=[w.version("approved").pk]) + "?inline=1",
        "get",
        None,
        (302, 404, 200, 200, 200, 200),
    ),
    "original-expired": (
        lambda w: reverse("library:version_file", args=[w.version("expired").pk]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "original-unknown": (
        lambda w: reverse("library:version_file", args=[999999]),
        "get",
        None,
        (302, 404, 404, 404, 404, 404),
    ),
    "rendition-approved": (
        lambda w: reverse("library:rendition_file", args=[_rendition(w).pk]),
        "get",
        None,
        (302, 404, 200, 200, 200, 200),
    ),
    "rendition-unknown": (
        lambda w: reverse("library:rendition_file", args=[999999]),
        "get",
        None,
        (302, 404, 404, 404, 404, 404),
    ),
    "zip-approved": (
        lambda w: reverse("library:zip"),
        "post",
        lambda w: {"version": [w.version("approved").pk]},
        (302, 404, 200, 200, 200, 200),
    ),
    "zip-draft": (
        lambda w: reverse("library:zip"),
        "post",
        lambda w: {"version": [w.version("draft").pk]},
        (302, 404, 200, 404, 200, 404),
    ),
    "zip-get": (lambda w: reverse("library:zip"), "get", None, (302, 405, 405, 405, 405, 405)),
    "upload": (lambda w: reverse("library:upload"), "get", None, (302, 404, 200, 200, 200, 404)),
    "upload-new-version": (
        lambda w: reverse("library:upload") + f"?asset={w.approved.public_id}",
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "staged-of-owner": (
        lambda w: reverse("library:staged", args=[w.staged.token]),
        "get",
        None,
        (302, 404, 200, 404, 404, 404),
    ),
    "staged-file-of-owner": (
        lambda w: reverse("library:staged_file", args=[w.staged.token]),
        "get",
        None,
        (302, 404, 200, 404, 404, 404),
    ),
    "staged-discard-of-owner": (
        lambda w: reverse("library:staged_discard", args=[w.staged.token]),
        "post",
        lambda w: {},
        (302, 404, 302, 404, 404, 404),
    ),
    "queue": (lambda w: reverse("review:queue"), "get", None, (302, 404, 404, 404, 200, 404)),
    "audit": (lambda w: reverse("review:audit"), "get", None, (302, 404, 404, 404, 200, 404)),
    "submit-draft": (
        lambda w: reverse("review:submit", args=[w.version("draft").pk]),
        "post",
        lambda w: {"revision": w.version("draft").revision},
        (302, 404, 302, 404, 302, 404),
    ),
    "approve-submitted": (
        lambda w: reverse("review:approve", args=[w.version("submitted").pk]),
        "post",
        lambda w: {"revision": w.version("submitted").revision},
        (302, 404, 302, 404, 302, 404),
    ),
    "approve-get": (
        lambda w: reverse("review:approve", args=[w.version("submitted").pk]),
        "get",
        None,
        (302, 405, 405, 405, 405, 405),
    ),
    "approve-approved": (
        lambda w: reverse("review:approve", args=[w.version("approved").pk]),
        "post",
        lambda w: {"revision": w.version("approved").revision},
        (302, 404, 302, 302, 302, 302),
    ),
    "request-changes-submitted": (
        lambda w: reverse("review:request_changes", args=[w.version("submitted").pk]),
        "post",
        lambda w: {"revision": w.version("submitted").revision, "text": "Paranda."},
        (302, 404, 302, 404, 302, 404),
    ),
    "comment-draft": (
        lambda w: reverse("review:comment", args=[w.version("draft").pk]),
        "post",
        lambda w: {"text": "Kommentaar"},
        (302, 404, 302, 404, 302, 404),
    ),
    "comment-approved": (
        lambda w: reverse("review:comment", args=[w.version("approved").pk]),
        "post",
        lambda w: {"text": "Kommentaar"},
        (302, 404, 302, 302, 302, 302),
    ),
    "archive-approved": (
        lambda w: reverse("review:archive", args=[w.approved.public_id]),
        "post",
        lambda w: {},
        (302, 404, 302, 302, 302, 302),
    ),
    "archive-draft": (
        lambda w: reverse("review:archive", args=[w.draft.public_id]),
        "post",
        lambda w: {},
        (302, 404, 302, 404, 302, 404),
    ),
    "texts": (
        lambda w: reverse("review:text_revision", args=[w.texts.pk]),
        "get",
        None,
        (302, 404, 200, 404, 200, 404),
    ),
    "texts-approve": (
        lambda w: reverse("review:text_approve", args=[w.texts.pk]),
        "post",
        lambda w: {"revision": w.texts.revision},
        (302, 404, 302, 404, 302, 404),
    ),
    "texts-send-back": (
        lambda w: reverse("review:text_send_back", args=[w.texts.pk]),
        "post",
        lambda w: {"revision": w.texts.revision, "text": "Paranda."},
        (302, 404, 302, 404, 302, 404),
    ),
    "texts-withdraw": (
        lambda w: reverse("review:text_withdraw", args=[w.texts.pk]),
        "post",
        lambda w: {"revision": w.texts.revision},
        (302, 404, 302, 404, 302, 404),
    ),
    "asset-approved-with-new-texts": (
        lambda w: w.texts and reverse("library:asset", args=[w.approved.public_id]),
        "get",
        None,
        (302, 404, 200, 200, 200, 200),
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", list(CASES))
def test_access(client, world, case, role):
    url_for, method, data_for, expected = CASES[case]
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = url_for(world)
    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, data_for(world) if data_for else {})
    wanted = expected[ROLES.index(role)]
    assert response.status_code == wanted, (case, role, response.status_code)
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    if wanted == 404:
        # Nothing about the object leaks into the refusal.
        body = b"".join(response.streaming_content) if response.streaming else response.content
        for title in ("Mustand", "Esitatud", "Aegunud", "Ettepanek"):
            assert title.encode() not in body
    if role not in ("owner", "manager") and response.status_code == 200:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Ettepanek" not in body  # proposed texts are not published


REFUSED_STEPS = [
    # (case, role): the POST was answered with a redirect but must not have changed anything
    ("approve-submitted", "owner"),
    ("request-changes-submitted", "owner"),
    ("approve-approved", "procurement"),
    ("archive-approved", "procurement"),
    ("archive-approved", "other_owner"),
    ("comment-approved", "procurement"),
    ("texts-approve", "owner"),
    ("texts-send-back", "owner"),
]


@pytest.mark.parametrize(("case", "role"), REFUSED_STEPS)
def test_refused_steps_change_nothing_and_say_why(client, world, case, role):
    from brandkit.library.models import AssetVersion, TextRevision
    from brandkit.review.models import AuditEvent, Comment

    url_for, _method, data_for, _expected = CASES[case]
    url, data = url_for(world), data_for(world)  # builds the objects the case needs
    states = dict(AssetVersion.objects.values_list("pk", "state"))
    events, comments = AuditEvent.objects.count(), Comment.objects.count()
    client.force_login(world.users[role])
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert dict(AssetVersion.objects.values_list("pk", "state")) == states
    assert not TextRevision.objects.exclude(state="pending").exists()
    assert AuditEvent.objects.count() == events
    assert Comment.objects.count() == comments
