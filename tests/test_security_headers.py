"""Security headers on our pages, in-process: the Content-Security-Policy middleware and its
switch, and stored files keeping their stricter policy."""

import pytest
from django.urls import reverse

from brandkit.security import PAGE_CSP, client_ip

pytestmark = pytest.mark.django_db


def test_pages_have_the_policy_and_the_other_headers(client, ska, topic_owner):
    for url in (reverse("login"),):
        response = client.get(url)
        assert response["Content-Security-Policy"] == PAGE_CSP
    client.force_login(topic_owner)
    for url in ("/", "/brand/", "/library/", "/library/upload/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Security-Policy"] == PAGE_CSP
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
    assert (
        "script-src 'self'" in PAGE_CSP
        and "'unsafe-inline'" not in PAGE_CSP.split("script-src")[1].split(";")[0]
    )


def test_stored_files_keep_their_sandboxing_policy(client, ska, topic_owner):
    from brandkit.rules.models import LogoVariant

    client.force_login(topic_owner)
    variant = LogoVariant.objects.first()
    response = client.get(reverse("rules:logo_file", args=[variant.pk]))
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert "sandbox" in response["Content-Security-Policy"]
    assert "Content-Security-Policy-Report-Only" not in response


def test_the_policy_can_be_report_only_or_off(client, settings):
    settings.BRANDKIT_CSP = "report-only"
    response = client.get(reverse("login"))
    assert "Content-Security-Policy" not in response
    assert response["Content-Security-Policy-Report-Only"] == PAGE_CSP
    settings.BRANDKIT_CSP = "off"
    response = client.get(reverse("login"))
    assert "Content-Security-Policy" not in response
    assert "Content-Security-Policy-Report-Only" not in response


def test_session_cookie_is_http_only(client, topic_owner, settings):
    assert settings.SESSION_COOKIE_HTTPONLY
    response = client.post(
        reverse("login"), {"username": "owner", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["httponly"]


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "127.0.0.1"),  # no proxy: the header is ignored
        (1, "", "127.0.0.1"),  # a proxy that sent nothing
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own entry is ignored
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
    ],
)
def test_client_address_for_throttling(rf, settings, count, forwarded, expected):
    settings.BRANDKIT_PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
