"""The app's own error pages: translated, with a way back, never Django's English defaults."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views import defaults


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, heading",
    [("et", "Lehte ei leitud"), ("en", "Page not found"), ("ru", "Страница не найдена")],
)
def test_404_is_ours_translated_with_navigation(client, topic_owner, language, heading):
    client.force_login(topic_owner)
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    html = response.content.decode()
    assert heading in html
    assert f'<html lang="{language}">' in html
    assert f'href="{reverse("home")}"' in html
    assert "The requested resource was not found" not in html


@pytest.mark.parametrize(
    "language, heading", [("et", "Serveri viga"), ("en", "Server error"), ("ru", "Ошибка сервера")]
)
def test_500_is_ours_translated(language, heading):
    request = RequestFactory().get("/")
    with translation.override(language):
        response = defaults.server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert heading in html
    assert 'href="/"' in html
    assert "Server Error (500)" not in html


@pytest.mark.django_db
def test_403_is_ours(topic_owner):
    request = RequestFactory().get("/")
    request.user = topic_owner
    with translation.override("en"):
        response = defaults.permission_denied(request, PermissionError())
    assert response.status_code == 403
    html = response.content.decode()
    assert "Access denied" in html and "403 Forbidden" not in html
    assert f'href="{reverse("home")}"' in html


@pytest.mark.django_db
def test_admin_carries_the_brandkit_header_in_the_interface_language(client, web_manager):
    web_manager.is_staff = True
    web_manager.save()
    client.force_login(web_manager)
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="et")
    html = response.content.decode()
    assert "Django administration" not in html and "Django administreerimine" not in html
    assert "brandkit · brändivahendite haldus" in html


@pytest.mark.django_db
def test_admin_field_labels_are_translated_and_point_at_fields(client, web_manager, ska):
    import re

    from brandkit.library.models import AssetVersion
    from tests.factories import make_asset

    with translation.override("et"):
        labels = {f.name: str(f.verbose_name) for f in AssetVersion._meta.concrete_fields}
    assert labels["uploaded_by"] == "üleslaadija" and labels["decided_by"] == "otsustaja"
    asset = make_asset(web_manager)
    client.force_login(web_manager)
    html = client.get(
        reverse("admin:library_asset_change", args=[asset.pk]), HTTP_ACCEPT_LANGUAGE="et"
    ).content.decode()
    assert "avalik tunnus" in html.lower() or "Avalik tunnus" in html
    for target in re.findall(r'<label[^>]* for="([^"]+)"', html):
        assert f'id="{target}"' in html, target
