"""Who may see what: anonymous users only the login page; every role reads the brand guide;
only the web manager edits the brand kit; demo passwords never work with DEBUG off."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from brandkit.demo import DEMO_USERS
from brandkit.roles import ROLE_PERMISSIONS, ROLES

pytestmark = pytest.mark.django_db


def test_role_groups_exist_with_their_permissions():
    for role in ROLES:
        group = Group.objects.get(name=role)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held == set(ROLE_PERMISSIONS[role])
    manager = Group.objects.get(name="web_manager")
    assert manager.permissions.filter(codename="change_colour").exists()
    assert (
        not Group.objects.get(name="topic_owner")
        .permissions.filter(codename="change_colour")
        .exists()
    )


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/brand/",
        "/brand/ska/2026.2/",
        "/brand/logo/1/",
        "/admin/",
        "/admin/rules/colour/",
    ],
)
def test_anonymous_users_are_sent_to_login(client, ska, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/") or response["Location"].startswith(
        "/admin/login/"
    )


def test_login_page_is_open_and_signing_in_works(client, topic_owner):
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert b'autocomplete="current-password"' in page.content
    bad = client.post(reverse("login"), {"username": "owner", "password": "wrong"})
    assert bad.status_code == 200 and b'role="alert"' in bad.content
    good = client.post(reverse("login"), {"username": "owner", "password": "a-long-test-password"})
    assert good.status_code == 302 and good["Location"] == "/"
    assert client.get("/").status_code == 200


def test_logout_needs_post(client, topic_owner):
    client.force_login(topic_owner)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get("/").status_code == 302


def test_seed_demo_is_refused_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refused when DEBUG is off"):
        call_command("seed_demo")


def test_demo_users_log_in_only_with_debug_on(client, settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    username, password, role, *_ = DEMO_USERS[1]
    assert client.login(username=username, password=password)
    client.logout()
    settings.DEBUG = False
    assert not client.login(username=username, password=password)
    response = client.post(reverse("login"), {"username": username, "password": password})
    assert response.status_code == 200 and b'role="alert"' in response.content


def test_seed_demo_gives_each_user_their_role(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(username__in=[u[0] for u in DEMO_USERS])
    assert users.count() == 3
    for username, _pw, role, *_rest in DEMO_USERS:
        user = users.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role]
    assert users.get(username="veeb").is_staff and not users.get(username="teema").is_staff


def test_only_the_web_manager_edits_the_brand_kit(
    client, ska, web_manager, topic_owner, procurement_user
):
    colour = ska.colours.get(slug="state-blue")
    url = reverse("admin:rules_colour_change", args=[colour.pk])
    client.force_login(web_manager)
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "brandbook": ska.pk,
        "slug": "state-blue",
        "name_et": "Riigisinine",
        "name_en": "",
        "name_ru": "",
        "hex": "#0034a1",
        "cmyk": "[100, 75, 0, 0]",
        "pantone": "286 C",
        "roles": '["primary"]',
        "confirmed": "on",
        "note": "",
        "position": 0,
    }
    assert client.post(url, data).status_code == 302
    colour.refresh_from_db()
    assert colour.hex == "#0034A1"
    for user in (topic_owner, procurement_user):
        client.force_login(user)
        assert client.get(url).status_code == 302  # not staff: back to the admin login
        user.is_staff = True
        user.save()
        assert client.get(url).status_code == 200  # view permission only: read-only form
        assert client.post(url, {**data, "hex": "#FF0000"}).status_code == 403
        colour.refresh_from_db()
        assert colour.hex == "#0034A1"
