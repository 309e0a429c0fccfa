"""Login throttling (django-axes): five wrong passwords in a row for one user name from one
address pause signing in as that user from that address — the right password included — until
the cool-off has passed; the page says why, in the reader's language."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def attempt(client, username, password, address="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def lock_out(client, username="owner", address="192.0.2.10"):
    responses = [attempt(client, username, f"wrong-{n}", address) for n in range(5)]
    return responses


@pytest.fixture
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_five_wrong_passwords_lock_out_and_the_right_one_is_refused_until_cool_off(
    client, english, topic_owner, settings
):
    responses = lock_out(client)
    for response in responses[:4]:
        assert response.status_code == 200
        assert "The user name or password is wrong" in response.content.decode()
    locked = responses[4]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Signing in is paused" in html
    assert "The password was wrong 5 times in a row" in html
    assert "paused for 15 minutes" in html
    assert 'role="alert"' in html

    right = attempt(client, "owner", PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302  # still signed out

    # once the cool-off has passed, the right password works again
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    signed_in = attempt(client, "owner", PASSWORD)
    assert signed_in.status_code == 302 and signed_in["Location"] == "/"
    assert client.get("/").status_code == 200


def test_the_lockout_is_per_user_name_and_address(client, english, topic_owner, web_manager):
    lock_out(client, "owner", "192.0.2.10")
    assert attempt(client, "owner", PASSWORD, "192.0.2.10").status_code == 429
    # the same user from another address, and another user from the same address, may sign in
    other_address = Client()
    assert attempt(other_address, "owner", PASSWORD, "198.51.100.7").status_code == 302
    other_user = Client()
    assert attempt(other_user, "manager", PASSWORD, "192.0.2.10").status_code == 302


def test_a_success_resets_the_count(client, english, topic_owner):
    for n in range(4):
        assert attempt(client, "owner", f"wrong-{n}").status_code == 200
    assert attempt(client, "owner", PASSWORD).status_code == 302
    client.logout()
    for n in range(4):
        assert attempt(client, "owner", f"wrong-again-{n}").status_code == 200
    assert attempt(client, "owner", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("lang", "title", "text"),
    [
        ("et", "Sisselogimine on peatatud", "15 minutiks"),
        ("ru", "Вход приостановлен", "15 минут"),
    ],
)
def test_the_lockout_page_is_translated(client, settings, topic_owner, lang, title, text):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    locked = lock_out(client)[-1]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert title in html and text in html
    assert f'lang="{lang}"' in html


def test_sessions_made_with_force_login_and_the_test_clients_login_are_unaffected(
    client, topic_owner
):
    lock_out(Client())
    client.force_login(topic_owner)
    assert client.get("/").status_code == 200
    other = Client()
    assert other.login(username="owner", password=PASSWORD)  # no request: not throttled
    assert other.get("/library/").status_code == 200


def test_behind_the_proxy_the_address_it_saw_is_counted(client, english, topic_owner, settings):
    """With one trusted proxy, the last X-Forwarded-For entry is the client; what the client
    itself put further left cannot move it to a fresh counter."""
    settings.BRANDKIT_PROXY_COUNT = 1
    for n in range(5):
        response = client.post(
            reverse("login"),
            {"username": "owner", "password": f"wrong-{n}"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 192.0.2.44",
        )
    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "192.0.2.44"
