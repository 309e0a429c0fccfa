"""The CMS API: token authentication, only approved assets, filters, pages, files and logging,
read-only methods and the OpenAPI description."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from PIL import Image

from brandkit.api.models import ApiToken, hash_token
from brandkit.library.models import (
    Asset,
    AssetKind,
    AssetStatus,
    AssetVersion,
    Campaign,
    Download,
    Rendition,
    RenditionStatus,
    Tag,
    TopicArea,
    VersionState,
)
from brandkit.library.uploads import refresh_search_text
from brandkit.review.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/assets"
MS = timedelta(milliseconds=1)


def image_bytes(fmt="PNG", colour=(0, 94, 184), size=(4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


def add_version(asset, number, state, *, by=None) -> AssetVersion:
    data = image_bytes(colour=(number * 20 % 256, 94, 184))
    decided = state in (VersionState.APPROVED, VersionState.ARCHIVED, VersionState.EXPIRED)
    return AssetVersion.objects.create(
        asset=asset,
        number=number,
        file=ContentFile(data, name="upload.png"),
        original_name=f"banner-v{number}.png",
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        format="png",
        width=4,
        height=3,
        verdict="pass",
        state=state,
        uploaded_by=asset.owner,
        decided_by=by if decided else None,
        decided_at=timezone.now() if decided else None,
    )


def make_asset(owner, state=VersionState.APPROVED, *, tags=(), decided_by=None, **fields):
    """An asset with one version in `state`; approved ones get it as current version."""
    fields.setdefault("title_et", "Pensionireform")
    fields.setdefault("kind", AssetKind.BANNER)
    fields.setdefault("languages", "et")
    asset = Asset.objects.create(owner=owner, **fields)
    version = add_version(asset, 1, state, by=decided_by or owner)
    if state == VersionState.APPROVED:
        asset.current_version = version
    asset.status = state
    asset.save()
    for name in tags:
        asset.tags.add(Tag.objects.get_or_create(name=name)[0])
    refresh_search_text(asset)
    asset.refresh_from_db()
    return asset


def add_rendition(version, name="web-jpeg", status=RenditionStatus.READY) -> Rendition:
    data = image_bytes("JPEG")
    return Rendition.objects.create(
        version=version,
        name=name,
        format="jpeg",
        file=ContentFile(data, name=f"renditions/{version.pk}-{name}.jpg")
        if status == RenditionStatus.READY
        else "",
        width=4,
        height=3,
        size_bytes=len(data),
        status=status,
    )


@pytest.fixture
def token(web_manager):
    _row, secret = ApiToken.objects.issue("website-cms", web_manager)
    return secret


@pytest.fixture
def api(client, token):
    """A test client that sends the token with every request."""

    class Api:
        def get(self, url, **params):
            return client.get(url, params, headers={"Authorization": f"Bearer {token}"})

        def request(self, method, url):
            return getattr(client, method)(url, headers={"Authorization": f"Bearer {token}"})

    return Api()


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


# --- authentication -------------------------------------------------------------------------


def _protected_urls(topic_owner):
    asset = make_asset(topic_owner)
    rendition = add_rendition(asset.current_version)
    return [
        LIST_URL,
        f"/api/v1/assets/{asset.public_id}",
        f"/api/v1/assets/{asset.public_id}/original",
        f"/api/v1/renditions/{rendition.pk}/file",
    ]


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer not-a-token", "Basic d2ViOmFwaQ==", "bk_just-the-token"],
)
def test_requests_without_a_valid_token_are_401(client, topic_owner, token, header):
    headers = {"Authorization": header} if header else {}
    for url in _protected_urls(topic_owner):
        response = client.get(url, headers=headers)
        assert response.status_code == 401, url
        assert response["Content-Type"].startswith("application/json")
        assert "Bearer" in response.json()["detail"]
        assert response["WWW-Authenticate"].startswith("Bearer")
    assert not Download.objects.exists()


def test_revoked_token_is_401(client, topic_owner, token):
    urls = _protected_urls(topic_owner)
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(urls[0], headers=headers).status_code == 200
    call_command("revoke_api_token", "website-cms", stdout=io.StringIO())
    for url in urls:
        assert client.get(url, headers=headers).status_code == 401, url


def test_token_of_a_deactivated_user_is_401(client, web_manager, token):
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(LIST_URL, headers=headers).status_code == 200
    web_manager.is_active = False
    web_manager.save()
    assert client.get(LIST_URL, headers=headers).status_code == 401


def test_a_browser_session_is_not_enough(client, web_manager):
    client.force_login(web_manager)
    response = client.get(LIST_URL)
    assert response.status_code == 401  # not a redirect to the login page either


def test_token_is_stored_hashed_and_shown_once(client, web_manager):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", "cms", "--user", web_manager.username, stdout=out, stderr=err)
    secret = out.getvalue().strip()
    assert secret.startswith("bk_") and len(secret) > 40
    row = ApiToken.objects.get(name="cms")
    assert row.token_hash == hashlib.sha256(secret.encode()).hexdigest() == hash_token(secret)
    stored = [str(value) for value in ApiToken.objects.filter(pk=row.pk).values().get().values()]
    assert not any(secret in value for value in stored)
    assert row.created_by == web_manager and not row.revoked and row.last_used_at is None

    response = client.get(LIST_URL, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.last_used_at is not None


def test_token_commands_refuse_misuse(web_manager, topic_owner, django_user_model):
    call_command("create_api_token", "cms", "--user", "manager", stdout=io.StringIO())
    with pytest.raises(CommandError, match="exists already"):
        call_command("create_api_token", "cms", "--user", "manager", stdout=io.StringIO())
    with pytest.raises(CommandError, match="No active user"):
        call_command("create_api_token", "other", "--user", "nobody", stdout=io.StringIO())
    django_user_model.objects.create_user(username="norole", password="a-long-test-password")
    with pytest.raises(CommandError, match="no brandkit role"):
        call_command("create_api_token", "other", "--user", "norole", stdout=io.StringIO())
    with pytest.raises(CommandError, match="No API token"):
        call_command("revoke_api_token", "missing", stdout=io.StringIO())
    out = io.StringIO()
    call_command("revoke_api_token", "cms", stdout=out)
    assert "Revoked" in out.getvalue()
    call_command("revoke_api_token", "cms", stdout=out)
    assert "already revoked" in out.getvalue()
    assert ApiToken.objects.get(name="cms").revoked_at is not None


def test_admin_lists_and_revokes_tokens_without_showing_the_secret(
    client, django_user_model, token
):
    admin_user = django_user_model.objects.create_superuser("root", password="a-long-test-pw")
    client.force_login(admin_user)
    row = ApiToken.objects.get()
    page = client.get("/admin/api/apitoken/")
    assert page.status_code == 200
    assert b"website-cms" in page.content
    assert row.token_hash.encode() not in page.content and token.encode() not in page.content
    detail = client.get(f"/admin/api/apitoken/{row.pk}/change/")
    assert detail.status_code == 200 and row.token_hash.encode() not in detail.content
    assert client.get("/admin/api/apitoken/add/").status_code == 403
    response = client.post(
        "/admin/api/apitoken/",
        {"action": "revoke_tokens", "_selected_action": [row.pk]},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.revoked and row.revoked_at is not None


# --- what is listed ---------------------------------------------------------------------------


def test_list_shows_only_approved_assets(api, topic_owner, web_manager):
    approved = make_asset(topic_owner, title_et="Heakskiidetud")
    for state in (
        VersionState.DRAFT,
        VersionState.SUBMITTED,
        VersionState.CHANGES_REQUESTED,
        VersionState.ARCHIVED,
        VersionState.EXPIRED,
    ):
        make_asset(topic_owner, state, title_et=f"Olek {state}")
    # Approved once, but rights ran out before `expire_assets` ran: not published any more.
    make_asset(topic_owner, usable_until=timezone.localdate() - timedelta(days=1))
    # Approved version, but the asset was archived.
    archived = make_asset(topic_owner)
    Asset.objects.filter(pk=archived.pk).update(status=AssetStatus.ARCHIVED)
    # Approved status without a current version (inconsistent data) is not shown either.
    orphan = make_asset(topic_owner, VersionState.SUBMITTED)
    Asset.objects.filter(pk=orphan.pk).update(status=AssetStatus.APPROVED)
    # An approved asset whose newer version is still a draft shows the approved version.
    revised = make_asset(topic_owner, usable_until=timezone.localdate())
    add_version(revised, 2, VersionState.DRAFT)

    response = api.get(LIST_URL)
    body = response.json()
    assert sorted(ids(response)) == sorted([str(approved.public_id), str(revised.public_id)])
    assert body["count"] == 2
    item = next(i for i in body["items"] if i["id"] == str(revised.public_id))
    assert item["current_version"]["number"] == 1


def test_filters(api, topic_owner):
    pensions = TopicArea.objects.update_or_create(
        slug="pensions", defaults=dict(name_et="Pensionid")
    )[0]
    family = TopicArea.objects.update_or_create(
        slug="family", defaults=dict(name_et="Perehüvitised")
    )[0]
    spring = Campaign.objects.create(name="Kevad 2026")
    a = make_asset(
        topic_owner,
        title_et="Vanaduspension",
        title_ru="Пенсия по старости",
        kind=AssetKind.BANNER,
        topic=pensions,
        languages="et ru",
        preset_slug="web-hero",
        campaign=spring,
        tags=["Pension"],
    )
    b = make_asset(
        topic_owner,
        title_et="Lapsetoetus",
        alt_text_en="Child allowance explained",
        kind=AssetKind.INFOGRAPHIC,
        topic=family,
        languages="en",
        preset_slug="social-square",
        tags=["Pere"],
    )
    c = make_asset(topic_owner, title_et="Õnnelik pere", kind=AssetKind.PHOTO, languages="ets")

    def found(**params):
        return sorted(ids(api.get(LIST_URL, **params)))

    def expect(*assets):
        return sorted(str(x.public_id) for x in assets)

    assert found(q="ПЕНСИЯ") == expect(a)  # Russian, case-insensitive
    assert found(q="vanaduspension") == expect(a)
    assert found(q="õnnelik") == expect(c)
    assert found(q="onnelik") == expect(c)  # without the õ
    assert found(q="CHILD allowance") == expect(b)  # alt text, every word must match
    assert found(q="child pension") == []
    assert found(q="pere") == expect(b, c)  # tag and title
    assert found(kind="infographic") == expect(b)
    assert found(topic="pensions") == expect(a)
    assert found(language="ru") == expect(a)
    assert found(language="et") == expect(a)  # 'ets' is not 'et'
    assert found(language="en") == expect(b)
    assert found(preset="social-square") == expect(b)
    assert found(campaign="Kevad 2026") == expect(a)
    assert found(kind="banner", language="ru", topic="pensions") == expect(a)

    old = datetime(2025, 1, 1, 12, tzinfo=UTC)
    Asset.objects.filter(pk__in=[a.pk, b.pk]).update(updated_at=old)
    assert found(updated_since="2025-06-01T00:00:00Z") == expect(c)
    assert found(updated_since="2025-01-01T12:00:00") == expect(a, b, c)  # naive means UTC
    assert found(updated_since="2025-01-01T14:00:01+02:00") == expect(c)

    for bad in ({"kind": "poster"}, {"language": "de"}, {"updated_since": "yesterday"}):
        assert api.get(LIST_URL, **bad).status_code == 422, bad


def test_pagination_is_stable_and_counts_all(api, topic_owner):
    assets = [make_asset(topic_owner, title_et=f"Bänner {n}") for n in range(5)]
    same_time = timezone.now()
    Asset.objects.filter(pk__in=[x.pk for x in assets[:3]]).update(updated_at=same_time)
    Asset.objects.filter(pk=assets[3].pk).update(updated_at=same_time + timedelta(hours=1))
    Asset.objects.filter(pk=assets[4].pk).update(updated_at=same_time - timedelta(hours=1))

    pages = [api.get(LIST_URL, limit=2, offset=offset).json() for offset in (0, 2, 4)]
    assert [page["count"] for page in pages] == [5, 5, 5]
    assert [(page["limit"], page["offset"]) for page in pages] == [(2, 0), (2, 2), (2, 4)]
    seen = [item["id"] for page in pages for item in page["items"]]
    expected = [assets[i].public_id for i in (3, 2, 1, 0, 4)]  # newest first, then by id
    assert seen == [str(x) for x in expected]
    assert api.get(LIST_URL, limit=2, offset=10).json()["items"] == []
    assert api.get(LIST_URL).json()["limit"] == 50
    assert api.get(LIST_URL, limit=0).status_code == 422
    assert api.get(LIST_URL, limit=201).status_code == 422
    assert api.get(LIST_URL, offset=-1).status_code == 422


# --- one asset --------------------------------------------------------------------------------


def test_detail_has_every_field(api, topic_owner, web_manager):
    topic = TopicArea.objects.update_or_create(
        slug="pensions", defaults=dict(name_et="Pensionid", name_en="Pensions", name_ru="Пенсии")
    )[0]
    asset = make_asset(
        topic_owner,
        decided_by=web_manager,
        title_et="Pension",
        title_en="Pension",
        title_ru="Пенсия",
        description_et="Kirjeldus",
        description_en="Description",
        description_ru="Описание",
        alt_text_et="Eakas naine loeb kirja",
        alt_text_en="An older woman reads a letter",
        alt_text_ru="Пожилая женщина читает письмо",
        long_description_et="Pikk tekst",
        long_description_en="Long text",
        long_description_ru="Длинный текст",
        kind=AssetKind.INFOGRAPHIC,
        topic=topic,
        languages="et en ru",
        preset_slug="web-hero",
        campaign=Campaign.objects.create(name="Kevad"),
        licence="CC BY 4.0",
        rights_holder="Sotsiaalkindlustusamet",
        usable_until=timezone.localdate() + timedelta(days=30),
        tags=["pension", "eakad"],
    )
    version = asset.current_version
    ready = add_rendition(version, "web-jpeg")
    add_rendition(version, "thumbnail", status=RenditionStatus.PENDING)

    response = api.get(f"/api/v1/assets/{asset.public_id}")
    assert response.status_code == 200
    data = response.json()
    base = "http://testserver/api/v1"
    assert data["id"] == str(asset.public_id)
    assert data["url"] == f"{base}/assets/{asset.public_id}"
    assert data["titles"] == {"et": "Pension", "en": "Pension", "ru": "Пенсия"}
    assert data["descriptions"] == {"et": "Kirjeldus", "en": "Description", "ru": "Описание"}
    assert data["alt_texts"] == {
        "et": "Eakas naine loeb kirja",
        "en": "An older woman reads a letter",
        "ru": "Пожилая женщина читает письмо",
    }
    assert data["long_descriptions"] == {
        "et": "Pikk tekst",
        "en": "Long text",
        "ru": "Длинный текст",
    }
    assert data["kind"] == "infographic"
    assert data["topic"] == {
        "slug": "pensions",
        "names": {"et": "Pensionid", "en": "Pensions", "ru": "Пенсии"},
    }
    assert data["languages"] == ["et", "en", "ru"]
    assert data["preset"] == "web-hero"
    assert data["campaign"] == "Kevad"
    assert data["tags"] == ["eakad", "pension"]
    assert data["rights"] == {
        "licence": "CC BY 4.0",
        "rights_holder": "Sotsiaalkindlustusamet",
        "usable_until": asset.usable_until.isoformat(),
    }
    current = data["current_version"]
    assert current["number"] == 1 and current["format"] == "png"
    assert (current["width"], current["height"]) == (4, 3)
    assert current["sha256"] == version.sha256 and current["size_bytes"] == version.size_bytes
    # JSON times carry milliseconds, so `updated_since` with a time read here never skips one.
    assert abs(datetime.fromisoformat(current["approved_at"]) - version.decided_at) < MS
    assert current["url"] == f"{base}/assets/{asset.public_id}/original"
    assert data["renditions"] == [
        {
            "name": "thumbnail",
            "format": "jpeg",
            "width": 4,
            "height": 3,
            "size_bytes": ready.size_bytes,
            "status": "pending",
            "url": None,
        },
        {
            "name": "web-jpeg",
            "format": "jpeg",
            "width": 4,
            "height": 3,
            "size_bytes": ready.size_bytes,
            "status": "ready",
            "url": f"{base}/renditions/{ready.pk}/file",
        },
    ]
    assert abs(datetime.fromisoformat(data["updated_at"]) - asset.updated_at) < MS
    # The list carries the same objects.
    assert api.get(LIST_URL).json()["items"] == [data]


def test_optional_fields_are_null_when_empty(api, topic_owner):
    asset = make_asset(topic_owner, languages="")
    data = api.get(f"/api/v1/assets/{asset.public_id}").json()
    assert data["topic"] is None and data["campaign"] is None and data["preset"] is None
    assert data["languages"] == [] and data["tags"] == [] and data["renditions"] == []
    assert data["rights"] == {"licence": "", "rights_holder": "", "usable_until": None}
    assert data["titles"] == {"et": "Pensionireform", "en": "", "ru": ""}


def test_unpublished_and_unknown_ids_are_404(api, client, topic_owner):
    hidden = [
        make_asset(topic_owner, state)
        for state in (
            VersionState.DRAFT,
            VersionState.SUBMITTED,
            VersionState.CHANGES_REQUESTED,
            VersionState.ARCHIVED,
            VersionState.EXPIRED,
        )
    ]
    hidden.append(make_asset(topic_owner, usable_until=timezone.localdate() - timedelta(days=1)))
    for asset in hidden:
        for suffix in ("", "/original"):
            response = api.get(f"/api/v1/assets/{asset.public_id}{suffix}")
            assert response.status_code == 404, (asset.status, suffix)
            assert response.json() == {"detail": "Not found."}
    assert api.get(f"/api/v1/assets/{uuid.uuid4()}").status_code == 404
    assert api.get(f"/api/v1/assets/{uuid.uuid4()}/original").status_code == 404
    assert api.get("/api/v1/assets/not-a-uuid").status_code == 404
    assert api.get("/api/v1/renditions/999999/file").status_code == 404
    assert not Download.objects.exists()


# --- files ------------------------------------------------------------------------------------


def _assert_safe_file_headers(response, filename):
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_original_download_is_served_safely_and_logged(api, topic_owner, web_manager):
    asset = make_asset(topic_owner)
    version = asset.current_version
    response = api.get(f"/api/v1/assets/{asset.public_id}/original")
    _assert_safe_file_headers(response, f"{asset.public_id}-v1.png")
    assert response["Content-Type"] == "image/png"
    body = b"".join(response.streaming_content)
    version.file.open("rb")
    assert body == version.file.read()
    version.file.close()
    assert hashlib.sha256(body).hexdigest() == version.sha256

    download = Download.objects.get()
    assert (download.user, download.version, download.rendition, download.what) == (
        web_manager,
        version,
        None,
        "original",
    )
    event = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert event.actor == web_manager and event.version == version and event.asset == asset
    assert event.details == {"via": "api", "token": "website-cms", "what": "original"}


def test_rendition_download_is_served_safely_and_logged(api, topic_owner, web_manager):
    asset = make_asset(topic_owner)
    rendition = add_rendition(asset.current_version, "web-jpeg")
    url = api.get(f"/api/v1/assets/{asset.public_id}").json()["renditions"][0]["url"]
    response = api.get(url.removeprefix("http://testserver"))
    _assert_safe_file_headers(response, f"{asset.public_id}-v1-web-jpeg.jpg")
    assert response["Content-Type"] == "image/jpeg"
    rendition.file.open("rb")
    assert b"".join(response.streaming_content) == rendition.file.read()
    rendition.file.close()

    download = Download.objects.get()
    assert (download.user, download.rendition, download.what) == (
        web_manager,
        rendition,
        "rendition",
    )
    event = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert event.actor == web_manager and event.version == asset.current_version
    assert event.details == {
        "via": "api",
        "token": "website-cms",
        "what": "rendition",
        "rendition": "web-jpeg",
    }


def test_renditions_not_ready_or_not_current_are_404(api, topic_owner, web_manager):
    asset = make_asset(topic_owner)
    old_version = asset.current_version
    old = add_rendition(old_version, "web-jpeg")
    pending = add_rendition(old_version, "thumbnail", status=RenditionStatus.PENDING)
    failed = add_rendition(old_version, "web-webp", status=RenditionStatus.FAILED)
    assert api.get(f"/api/v1/renditions/{old.pk}/file").status_code == 200
    for rendition in (pending, failed):
        assert api.get(f"/api/v1/renditions/{rendition.pk}/file").status_code == 404

    # A newer version is approved: the old version's renditions are no longer served.
    new_version = add_version(asset, 2, VersionState.APPROVED, by=web_manager)
    AssetVersion.objects.filter(pk=old_version.pk).update(state=VersionState.ARCHIVED)
    asset.current_version = new_version
    asset.save()
    current = add_rendition(new_version, "web-jpeg")
    assert api.get(f"/api/v1/renditions/{old.pk}/file").status_code == 404
    assert api.get(f"/api/v1/renditions/{current.pk}/file").status_code == 200

    draft_asset = make_asset(topic_owner, VersionState.SUBMITTED)
    draft_rendition = add_rendition(draft_asset.versions.get(), "web-jpeg")
    assert api.get(f"/api/v1/renditions/{draft_rendition.pk}/file").status_code == 404
    assert Download.objects.count() == 2


def test_a_missing_stored_file_is_404_and_not_logged(api, topic_owner):
    asset = make_asset(topic_owner)
    asset.current_version.file.storage.delete(asset.current_version.file.name)
    assert api.get(f"/api/v1/assets/{asset.public_id}/original").status_code == 404
    assert not Download.objects.exists()


# --- read-only and OpenAPI --------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused(api, client, topic_owner, method):
    for url in _protected_urls(topic_owner):
        assert api.request(method, url).status_code == 405, url
        assert getattr(client, method)(url).status_code == 405, url
    assert Asset.objects.count() == 1
    assert getattr(client, method)("/api/openapi.json").status_code == 405


def test_openapi_description(client):
    response = client.get("/api/openapi.json")  # no token needed: it holds no data
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/assets",
        "/api/v1/assets/{public_id}",
        "/api/v1/assets/{public_id}/original",
        "/api/v1/renditions/{rendition_id}/file",
        "/api/v1/checks",
        "/api/v1/templates",
        "/api/v1/templates/{slug}/render",
    }
    posts = {"/api/v1/checks", "/api/v1/templates/{slug}/render"}  # they store nothing
    for path, path_item in schema["paths"].items():
        method = "post" if path in posts else "get"
        assert set(path_item) == {method}
        assert path_item[method]["security"] == [{"ApiTokenAuth": []}]
    assert schema["components"]["securitySchemes"]["ApiTokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    params = {p["name"] for p in schema["paths"]["/api/v1/assets"]["get"]["parameters"]}
    assert params == {
        "q",
        "kind",
        "topic",
        "language",
        "preset",
        "campaign",
        "updated_since",
        "limit",
        "offset",
    }
    asset_schema = schema["components"]["schemas"]["Asset"]
    assert {"alt_texts", "renditions", "current_version", "rights"} <= set(
        asset_schema["properties"]
    )
    # No interactive docs page (it would pull scripts from a CDN).
    assert client.get("/api/docs").status_code == 404
