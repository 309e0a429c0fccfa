"""One ceiling on request bodies for every view, decided before a byte of the body is read
(brandkit.limits): signed-in users and API tokens up to BRANDKIT_MAX_UPLOAD_REQUEST_BYTES,
anyone else 64 KB; a larger body is 413 with a translated page (JSON for /api/ and scripts).

"Not read" is observed on the test client's request stream (FakePayload.read_started): a body
that is never read is never parsed, so never spooled to a temporary file."""

import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from brandkit.api.models import ApiToken
from brandkit.library.models import StagedUpload
from brandkit.limits import BodyOverCeiling, CeilingStream
from procurement.models import Delivery
from tests.library_helpers import png_bytes, uploaded
from tests.test_procurement_helpers import make_order

pytestmark = pytest.mark.django_db

BIG = 300 * 1024  # over the anonymous ceiling (64 KB)


def text(response) -> str:
    """The page or JSON detail with sizes' non-breaking spaces as plain ones."""
    return response.content.decode().replace("\xa0", " ")


def body_was_read(response) -> bool:
    return response.wsgi_request.environ["wsgi.input"].read_started


def big_file(size=BIG):
    return uploaded("big.png", b"\x89PNG\r\n\x1a\n" + bytes(size))


@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/library/upload/", "/procurement/", "/no/such/page/"]
)
def test_an_anonymous_big_body_is_refused_unread_even_with_a_csrf_cookie(url, settings):
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = "a" * 32
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(url, {"files": big_file(), "username": "x"})
    assert response.status_code == 413
    assert not body_was_read(response)
    html = text(response)
    assert "The request is too large" in html and "at most 64 KiB" in html
    assert 'role="alert"' in html


def test_a_refused_body_stays_unread_even_if_something_asks_for_it_later(client):
    """Django's error reporting reads request.POST to describe a failed request: were the
    refusal page itself to fail, that would spool the whole body after all."""
    response = client.post("/accounts/login/", {"file": big_file(), "username": "x"})
    assert response.status_code == 413
    request = response.wsgi_request
    assert not request.POST and not request.FILES
    with pytest.raises(BodyOverCeiling):
        request.read(1)
    assert not body_was_read(response)


def test_a_small_anonymous_post_still_reaches_the_login(client, topic_owner):
    response = client.post(
        reverse("login"), {"username": "owner", "password": "a-long-test-password"}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("lang", "text"),
    [("et", "Päring on liiga suur"), ("ru", "Запрос слишком велик")],
)
def test_the_refusal_is_translated(client, settings, lang, text):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = client.post("/accounts/login/", {"file": big_file()})
    assert response.status_code == 413
    html = response.content.decode()
    assert text in html and f'lang="{lang}"' in html


def test_a_signed_in_body_over_the_ceiling_is_refused_unread_on_the_deliveries_page(
    client, topic_owner, ska, settings, media_root
):
    """The deliveries view had no limit of its own on the whole request."""
    settings.BRANDKIT_MAX_UPLOAD_REQUEST_BYTES = 200_000
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    order = make_order(topic_owner)
    client.force_login(topic_owner)
    response = client.post(
        reverse("procurement:deliveries", args=[order.number]),
        {
            "deliverable": str(order.deliverables.get().pk),
            "languages": ["et"],
            "file": big_file(250_000),
        },
    )
    assert response.status_code == 413
    assert not body_was_read(response)
    assert re.search(
        r"This request is 24\d\.\d KiB in all; at most 195\.3 KiB can be sent", text(response)
    )
    assert not Delivery.objects.exists()


def test_the_upload_page_answers_its_script_with_json(client, topic_owner, ska, settings):
    settings.BRANDKIT_MAX_UPLOAD_REQUEST_BYTES = 2_000_000
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(topic_owner)
    response = client.post(
        reverse("library:upload"),
        {"files": [big_file(1_100_000), big_file(1_100_000)], "preset": ""},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert response.status_code == 413
    assert response.json()["detail"].replace("\xa0", " ") == (
        "This request is 2.1 MiB in all; at most 1.9 MiB can be sent at once. "
        "Send the files in smaller groups."
    )
    assert not body_was_read(response)
    assert not StagedUpload.objects.exists()


def test_a_signed_in_upload_under_the_ceiling_is_read(client, topic_owner, ska, settings):
    settings.BRANDKIT_MAX_UPLOAD_REQUEST_BYTES = 2_000_000
    client.force_login(topic_owner)
    response = client.post(
        reverse("library:upload"), {"files": [uploaded("b.png", png_bytes())], "preset": ""}
    )
    assert response.status_code == 302
    assert StagedUpload.objects.count() == 1


def test_the_api_counts_a_live_token_as_signed_in_and_answers_json(client, web_manager, settings):
    settings.BRANDKIT_MAX_UPLOAD_REQUEST_BYTES = 200_000
    _row, secret = ApiToken.objects.issue("cms", web_manager)
    url = reverse("api:check_file")
    # a bogus token counts as anonymous: 64 KB
    bogus = client.post(url, {"file": big_file()}, headers={"Authorization": "Bearer nope"})
    assert bogus.status_code == 413 and "64 KiB" in bogus.json()["detail"]
    assert not body_was_read(bogus)
    # a live token may send up to the upload ceiling; above it, 413 unread
    over = client.post(url, {"file": big_file()}, headers={"Authorization": f"Bearer {secret}"})
    assert over.status_code == 413 and "can be sent at once" in over.json()["detail"]
    assert not body_was_read(over)
    under = client.post(
        url, {"file": big_file(100_000)}, headers={"Authorization": f"Bearer {secret}"}
    )
    assert under.status_code != 413
    assert body_was_read(under)


def test_a_body_without_length_is_refused(client, topic_owner):
    client.force_login(topic_owner)
    response = client.post(
        reverse("library:upload"),
        data=b"x" * 1000,
        content_type="application/octet-stream",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
    )
    assert response.status_code == 411
    assert not body_was_read(response)


def test_reading_past_the_ceiling_is_stopped():
    """Should a server pass more bytes than a request declared, reading stops at the ceiling."""
    exceeded = []
    stream = CeilingStream(io.BytesIO(b"x" * 100), 64, lambda: exceeded.append(True))
    assert stream.read(60) == b"x" * 60
    with pytest.raises(BodyOverCeiling):
        stream.read(10)
    assert exceeded == [True]
    assert CeilingStream(io.BytesIO(b"ab\ncd"), 10).readline() == b"ab\n"
