"""Ids and return addresses from requests (brandkit.request_params): an id beyond 64 bits or
not a number at all is an unknown id — 404 or a message, never a 500 — wherever it comes
from (URL path, query string, form, API); `next` only ever leads to a page of this site."""

import pytest
from django.urls import reverse

from brandkit.api.models import ApiToken
from brandkit.library.models import VersionState
from brandkit.request_params import MAX_ID, parse_id, safe_return_url
from tests.library_helpers import make_asset

pytestmark = pytest.mark.django_db

HUGE = "9" * 25  # beyond 64 bits: OverflowError in SQLite's driver
BAD_IDS = [HUGE, str(2**63), "-1", "0", "1e3", " 1", "١", ""]


@pytest.fixture
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_parse_id_takes_only_ids_a_row_can_have():
    assert parse_id("1") == 1 and parse_id(str(MAX_ID)) == MAX_ID
    assert parse_id(7) == 7
    for bad in [*BAD_IDS, None, True, 2**64, "12a"]:
        assert parse_id(bad) is None, bad
    assert parse_id("0", minimum=0) == 0


@pytest.mark.parametrize("value", [HUGE, "-3", "x", "0"])
def test_zip_with_an_impossible_version_id_is_refused_with_a_message(
    client, english, topic_owner, web_manager, ska, value
):
    """The reported 500: `?version=` beyond 64 bits reached the database in an `__in`."""
    _asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    client.force_login(topic_owner)
    response = client.post(reverse("library:zip"), {"version": [str(version.pk), value]})
    assert response.status_code == 404
    assert "no ZIP was made" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        f"/library/versions/{HUGE}/",
        f"/library/versions/{HUGE}/file/",
        f"/library/renditions/{HUGE}/file/",
        f"/brand/logo/{HUGE}/",
        f"/procurement/documents/{HUGE}/download/",
        f"/procurement/deliveries/{HUGE}/file/",
        f"/library/versions/{2**63}/",
    ],
)
def test_an_impossible_id_in_a_url_path_is_404(client, web_manager, path):
    client.force_login(web_manager)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path", [f"/review/versions/{HUGE}/approve/", "/review/versions/0/submit/"]
)
def test_an_impossible_id_in_a_decision_url_is_404(client, web_manager, path):
    client.force_login(web_manager)
    assert client.post(path, {"revision": "1"}).status_code == 404


@pytest.mark.parametrize("query", [f"topic={HUGE}", f"campaign={HUGE}", f"page={HUGE}"])
def test_an_impossible_id_in_the_library_query_is_ignored(client, topic_owner, ska, query):
    make_asset(topic_owner, ska)
    client.force_login(topic_owner)
    response = client.get(f"/library/?{query}")
    assert response.status_code == 200


def test_an_impossible_user_in_the_audit_filter_is_a_form_error(client, english, web_manager):
    client.force_login(web_manager)
    response = client.get(f"/review/audit/?user={HUGE}")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("value", [HUGE, "-1", "seven"])
def test_an_impossible_revision_in_a_decision_is_the_stale_page_message(
    client, english, topic_owner, web_manager, ska, value
):
    _asset, version = make_asset(topic_owner, ska, state="submitted")
    client.force_login(web_manager)
    response = client.post(
        reverse("review:approve", args=[version.pk]), {"revision": value}, follow=True
    )
    assert response.status_code == 200
    assert "changed by someone else since you opened the page" in response.content.decode()
    version.refresh_from_db()
    assert version.state == VersionState.SUBMITTED


def test_api_ids_out_of_range_are_404_and_422(client, web_manager):
    _row, secret = ApiToken.objects.issue("cms", web_manager)
    auth = {"Authorization": f"Bearer {secret}"}
    assert client.get(f"/api/v1/renditions/{HUGE}/file", headers=auth).status_code == 404
    assert client.get(f"/api/v1/assets?limit={HUGE}", headers=auth).status_code == 422
    assert client.get(f"/api/v1/assets?offset={HUGE}", headers=auth).status_code in (200, 422)
    assert client.get(f"/api/v1/assets?topic={HUGE}", headers=auth).status_code == 200


# -- return addresses ---------------------------------------------------------------------------

HOSTILE_NEXT = [
    "/\\evil.example/",
    "\\\\evil.example",
    "//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\t/evil.example/",
    "http://testserver/library/",  # this host, but not over HTTPS when the request was
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_the_zip_refused_page_never_links_away(client, topic_owner, target):
    client.force_login(topic_owner)
    response = client.post(reverse("library:zip"), {"version": [HUGE], "next": target}, secure=True)
    assert response.status_code == 404
    html = response.content.decode()
    assert 'href="/library/">' in html
    assert "evil.example" not in html and "javascript:" not in html


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_a_review_step_never_redirects_away(client, topic_owner, ska, target):
    _asset, version = make_asset(topic_owner, ska)
    client.force_login(topic_owner)
    response = client.post(
        reverse("review:submit", args=[version.pk]),
        {"revision": str(version.revision), "next": target},
        secure=True,
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("library:version", args=[version.pk])


def test_a_return_address_on_this_site_is_kept(rf):
    request = rf.get("/", secure=True)
    assert safe_return_url(request, "/library/?q=x", "/") == "/library/?q=x"
    assert safe_return_url(request, "https://testserver/library/", "/") == (
        "https://testserver/library/"
    )
    assert safe_return_url(request, "/\\evil.example/", "/fallback/") == "/fallback/"
    assert safe_return_url(request, None, "/fallback/") == "/fallback/"
