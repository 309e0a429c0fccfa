"""Hostile and imperfect files end to end: every file of tests/corpus/ uploaded through the web
form and through the API's check (POST /api/v1/checks) gives a clear answer (never a server
error); a rejected file leaves no row and no file behind; an accepted one is staged with its
report (web) or only reported (API). The API's asset URLs are read-only: writing to them is
refused and stores nothing."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from brandkit.api.models import ApiToken
from brandkit.library.models import Asset, AssetVersion, StagedUpload
from tests.library_helpers import make_asset, media_files

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).parent / "corpus"
SAFETY = json.loads((CORPUS / "expected_safety.json").read_text(encoding="utf-8"))
CONTENT = json.loads((CORPUS / "content" / "expected.json").read_text(encoding="utf-8"))
CASES = [("safety", name, SAFETY[name]) for name in sorted(SAFETY)] + [
    ("content", name, CONTENT[name]) for name in sorted(CONTENT)
]
CONTENT_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".svgz": "image/svg+xml",
    ".pdf": "application/pdf",
}


def test_every_corpus_file_is_covered():
    on_disk = {p.name for p in (CORPUS / "safety").iterdir() if p.is_file()}
    assert on_disk == set(SAFETY)
    content = {p.name for p in (CORPUS / "content").iterdir() if p.suffix != ".json"}
    assert content == set(CONTENT)


def post(client, name: str, data: bytes, preset: str | None):
    upload = SimpleUploadedFile(
        name, data, content_type=CONTENT_TYPES.get(Path(name).suffix, "application/octet-stream")
    )
    return client.post(
        reverse("library:upload"), {"files": [upload], "preset": preset or ""}, follow=True
    )


@pytest.mark.parametrize(
    ("folder", "name", "expected"), CASES, ids=[f"{f}/{n}" for f, n, _ in CASES]
)
def test_a_corpus_file_through_the_upload_form(
    client, ska, topic_owner, media_root, folder, name, expected
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(topic_owner)
    data = (CORPUS / folder / name).read_bytes()
    response = post(client, name, data, expected["preset"])
    assert response.status_code == 200
    html = response.content.decode()

    if expected["verdict"] == "rejected":
        [refusal] = response.context["rejected"]
        assert refusal["name"] == name
        assert refusal["message"].startswith(f"{name} was not accepted: ")
        assert len(refusal["message"]) > len(f"{name} was not accepted: ") + 10
        assert name in html
        assert not StagedUpload.objects.exists()
        assert not AssetVersion.objects.exists() and not Asset.objects.exists()
        assert media_files(media_root) == []
        return

    # accepted: straight to its report, which states the verdict
    staged = StagedUpload.objects.get()
    assert response.redirect_chain[-1][0] == reverse("library:staged", args=[staged.token])
    assert staged.verdict == expected["verdict"]
    codes = {f["code"] for f in staged.report["findings"]}
    wanted = expected.get("codes") or ([expected["code"]] if expected.get("code") else [])
    assert set(wanted) <= codes
    assert response.context["report"]["verdict"] == expected["verdict"]
    assert len(media_files(media_root)) == 1
    # the uploader can throw it away again, and nothing is left
    discarded = client.post(reverse("library:staged_discard", args=[staged.token]))
    assert discarded.status_code == 302
    assert not StagedUpload.objects.exists()
    assert media_files(media_root) == []


def test_all_hostile_files_at_once_are_each_refused_with_a_reason(
    client, ska, topic_owner, media_root
):
    """One request with many bad files (up to the per-request file limit)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(topic_owner)
    names = [n for n in sorted(SAFETY) if SAFETY[n]["verdict"] == "rejected"]
    names = names[: settings.DATA_UPLOAD_MAX_NUMBER_FILES]
    files = [
        SimpleUploadedFile(n, (CORPUS / "safety" / n).read_bytes(), "application/octet-stream")
        for n in names
    ]
    response = client.post(reverse("library:upload"), {"files": files, "preset": ""}, follow=True)
    assert response.status_code == 200
    assert [r["name"] for r in response.context["rejected"]] == names
    assert not StagedUpload.objects.exists()
    assert media_files(media_root) == []


@pytest.fixture
def token(procurement_user):
    _row, secret = ApiToken.objects.issue("cms", procurement_user)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.mark.parametrize("name", ["svg-script.svg", "bomb-400mp.png", "good-facebook.png"])
def test_the_api_refuses_to_take_files(client, ska, token, media_root, name):
    data = (CORPUS / "safety" / name).read_bytes()
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    response = client.post("/api/v1/assets", {"file": upload, "title": "x"}, **token)
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert not Asset.objects.exists() and not StagedUpload.objects.exists()
    assert media_files(media_root) == []


def test_the_api_refuses_every_write_method(
    client, ska, token, topic_owner, web_manager, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    before = sorted(p.name for p in media_files(media_root))
    url = f"/api/v1/assets/{asset.public_id}"
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(
            url, data=b"{}", content_type="application/json", **token
        )
        assert response.status_code == 405, method
        original = getattr(client, method)(
            f"{url}/original", data=b"x", content_type="image/png", **token
        )
        assert original.status_code == 405, method
    asset.refresh_from_db()
    assert asset.current_version == version and AssetVersion.objects.count() == 1
    assert sorted(p.name for p in media_files(media_root)) == before


def api_check(client, token, name: str, data: bytes, preset: str | None, lang: str = "en"):
    upload = SimpleUploadedFile(
        name, data, content_type=CONTENT_TYPES.get(Path(name).suffix, "application/octet-stream")
    )
    fields = {"file": upload}
    if preset:
        fields["preset"] = preset
    return client.post(f"/api/v1/checks?lang={lang}", fields, **token)


def stored_nothing(media_root) -> bool:
    return (
        not Asset.objects.exists()
        and not AssetVersion.objects.exists()
        and not StagedUpload.objects.exists()
        and media_files(media_root) == []
    )


@pytest.mark.parametrize(
    ("folder", "name", "expected"), CASES, ids=[f"{f}/{n}" for f, n, _ in CASES]
)
def test_a_corpus_file_through_the_api_check(
    client, ska, token, media_root, folder, name, expected
):
    data = (CORPUS / folder / name).read_bytes()
    response = api_check(client, token, name, data, expected["preset"])
    assert response.status_code == 200, response.content[:500]
    report = response.json()
    assert report["file"] == name
    assert report["verdict"] == expected["verdict"]
    codes = {f["code"] for f in report["findings"]}
    wanted = expected.get("codes") or ([expected["code"]] if expected.get("code") else [])
    assert set(wanted) <= codes
    assert not set(expected.get("absent_codes", [])) & codes
    if expected["verdict"] == "rejected":
        reasons = [f for f in report["findings"] if f["severity"] == "error"]
        assert reasons and all(len(f["message"]) > 10 for f in reasons)
    assert not any(code.startswith("internal.") for code in codes)
    assert stored_nothing(media_root)


def test_the_api_check_answers_in_the_language_asked(client, ska, token, media_root):
    data = (CORPUS / "content" / "web-hero-red-area.png").read_bytes()
    english = api_check(client, token, "x.png", data, "web-hero", "en").json()
    estonian = api_check(client, token, "x.png", data, "web-hero", "et").json()
    [en_finding] = [f for f in english["findings"] if f["code"] == "colour.off_palette"]
    [et_finding] = [f for f in estonian["findings"] if f["code"] == "colour.off_palette"]
    assert en_finding["message"] != et_finding["message"]
    assert english["verdict"] == estonian["verdict"] == "fail"


def test_the_api_check_refuses_what_it_cannot_check_with_a_reason(
    client, ska, token, media_root, settings
):
    good = (CORPUS / "safety" / "good-facebook.png").read_bytes()
    no_file = client.post("/api/v1/checks", {"preset": "web-hero"}, **token)
    assert no_file.status_code == 400 and "field named 'file'" in no_file.json()["detail"]
    two = client.post(
        "/api/v1/checks",
        {"file": [SimpleUploadedFile("a.png", good), SimpleUploadedFile("b.png", good)]},
        **token,
    )
    assert two.status_code == 400 and "exactly one file" in two.json()["detail"]
    not_multipart = client.post("/api/v1/checks", data=good, content_type="image/png", **token)
    assert not_multipart.status_code == 400 and "multipart" in not_multipart.json()["detail"]
    preset = api_check(client, token, "a.png", good, "no-such-preset")
    assert preset.status_code == 400 and "no-such-preset" in preset.json()["detail"]
    settings.BRANDKIT_MAX_UPLOAD_BYTES = len(good) - 1
    too_large = api_check(client, token, "a.png", good, None)
    assert too_large.status_code == 413 and "KiB" in too_large.json()["detail"]
    settings.BRANDKIT_MAX_UPLOAD_BYTES = 1000
    huge = api_check(client, token, "big.png", b"x" * 200_000, None)
    assert huge.status_code == 413  # refused from Content-Length, before reading the body
    anonymous = client.post("/api/v1/checks", {"file": SimpleUploadedFile("a.png", good)})
    assert anonymous.status_code == 401
    assert stored_nothing(media_root)


def test_the_api_check_is_in_the_openapi_document(client, token):
    document = client.get("/api/openapi.json").json()
    operation = document["paths"]["/api/v1/checks"]["post"]
    assert operation["operationId"] == "checkFile"
    body = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert body["required"] == ["file"]


def test_the_api_check_needs_no_csrf_token_as_a_real_client_sends_none(ska, token, media_root):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    data = (CORPUS / "safety" / "good-facebook.png").read_bytes()
    response = api_check(strict, token, "good-facebook.png", data, "facebook-link")
    assert response.status_code == 200 and response.json()["verdict"] == "pass"
