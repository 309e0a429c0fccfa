"""Password spraying: wrong passwords for many user names from one address add up
(brandkit.security.LoginThrottleHandler). At BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT failures in
the cool-off that address is paused for every user name; other addresses are not, and the
per-user-name limit works as before."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
SPRAYER = "192.0.2.66"
ROOT = Path(__file__).resolve().parent.parent


def attempt(client, username, password, address=SPRAYER):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def address_limit(settings):
    settings.BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT = 12
    return 12


def spray(client, names, per_name=4):
    """`per_name` wrong passwords for each name: under the per-user limit of 5 every time."""
    return [attempt(client, name, f"guess-{n}") for name in names for n in range(per_name)]


def test_spraying_from_one_address_is_paused_across_user_names(
    client, settings, address_limit, topic_owner, web_manager
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    responses = spray(client, ["alice", "bob", "carol"])  # 12 failures, never 5 for one name
    assert [r.status_code for r in responses[:11]] == [200] * 11
    locked = responses[11]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Signing in is paused" in html
    assert "Signing in failed 12 times from your address, for one or more user names." in html
    assert "paused for 15 minutes" in html

    # every user name from that address is paused, the right password included
    assert attempt(client, "owner", PASSWORD).status_code == 429
    assert attempt(Client(), "manager", PASSWORD).status_code == 429
    # another address signs in as usual
    assert attempt(Client(), "owner", PASSWORD, address="198.51.100.7").status_code == 302

    # after the cool-off the address may sign in again
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(minutes=16)
    )
    assert attempt(Client(), "owner", PASSWORD).status_code == 302


def test_without_the_address_limit_spraying_is_not_paused(client, settings, topic_owner):
    """What the handler adds: with the limit off, axes alone pauses no one here."""
    settings.BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT = 0
    responses = spray(client, ["alice", "bob", "carol", "dave"])
    assert {r.status_code for r in responses} == {200}
    assert attempt(client, "owner", PASSWORD).status_code == 302


def test_the_per_user_limit_still_comes_first(client, settings, address_limit, topic_owner):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    responses = [attempt(client, "owner", f"wrong-{n}") for n in range(5)]
    assert responses[-1].status_code == 429
    assert "The password was wrong 5 times in a row" in responses[-1].content.decode()
    # the address has 5 of its 12: other user names from it may still sign in
    assert attempt(Client(), "manager", "nope").status_code == 200


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("et", "Sinu aadressilt ebaõnnestus sisselogimine 12 korda"),
        ("ru", "С вашего адреса вход не удался 12 раз"),
    ],
)
def test_the_address_lockout_page_is_translated(client, settings, address_limit, lang, text):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    locked = spray(client, ["a", "b", "c"])[-1]
    assert locked.status_code == 429
    assert text in locked.content.decode()


def test_the_limit_comes_from_the_environment():
    code = "from django.conf import settings; print(settings.BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT": "7",
    }
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == "7"
