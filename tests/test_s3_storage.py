"""Media on S3-compatible object storage (django-storages against moto's standalone server).

The storage configuration is the one brandkit.settings builds from BRANDKIT_MEDIA_STORAGE=s3
and the AWS_* variables; nothing is written under MEDIA_ROOT, and every file still leaves the
server only through the permission-checking views with their safe headers.
"""

import hashlib
import zipfile
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from brandkit.api.models import ApiToken
from brandkit.brandbooks import SKA_BRANDBOOK
from brandkit.library.models import AssetVersion, RenditionStatus, StagedUpload
from brandkit.library.uploads import commit_version
from brandkit.rules.models import LogoVariant
from tests.library_helpers import make_asset, make_staged, png_bytes, uploaded

pytestmark = pytest.mark.django_db


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def local_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture
def ska_s3(s3_media, db):
    """The SKA brandbook loaded while media is on S3 (its logo files go to the bucket)."""
    from brandkit.rules.loading import load_brandbook_file

    return load_brandbook_file(SKA_BRANDBOOK).brandbook


def test_settings_build_an_s3_storage_from_the_environment(s3_media):
    from storages.backends.s3 import S3Storage

    name = default_storage.save("probe/hello.txt", BytesIO(b"hello"))
    assert s3_media.read(name) == b"hello"
    storage = default_storage._wrapped
    assert isinstance(storage, S3Storage)
    assert storage.bucket_name == s3_media.bucket
    assert storage.endpoint_url == s3_media.endpoint_url
    # FileFields use the default storage, so model files follow the setting
    assert AssetVersion._meta.get_field("file").storage is default_storage
    # Media is streamed by our views, never linked: no public ACL, signed URLs only, and an
    # existing name is never overwritten.
    assert storage.default_acl is None and storage.querystring_auth
    assert storage.file_overwrite is False


def test_loading_the_brandbook_stores_logos_in_the_bucket_and_the_view_streams_them(
    ska_s3, s3_media, client, topic_owner, media_root
):
    variants = list(LogoVariant.objects.filter(logo__brandbook=ska_s3))
    assert variants
    keys = s3_media.object_keys()
    for variant in variants:
        assert variant.file.name in keys
        stored = s3_media.read(variant.file.name)
        assert sha256(stored) == variant.sha256
        source = SKA_BRANDBOOK.parent / variant.source_name
        assert stored == source.read_bytes()
    assert local_files(media_root) == []

    variant = variants[0]
    assert client.get(reverse("rules:logo_file", args=[variant.pk])).status_code == 302
    client.force_login(topic_owner)
    response = client.get(reverse("rules:logo_file", args=[variant.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == s3_media.read(variant.file.name)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    # and the guide page shows it
    assert reverse("rules:logo_file", args=[variant.pk]) in client.get("/brand/").content.decode()


def test_an_upload_is_stored_byte_for_byte_in_the_bucket(
    ska_s3, s3_media, topic_owner, media_root, django_capture_on_commit_callbacks
):
    data = png_bytes(marker=5)
    staged = make_staged(topic_owner, ska_s3, data)
    assert staged.file.name in s3_media.object_keys()
    assert s3_media.read(staged.file.name) == data

    from tests.factories import make_asset as bare_asset

    asset = bare_asset(topic_owner)
    with django_capture_on_commit_callbacks(execute=True):  # the staged copy goes on commit
        version = commit_version(staged, asset, topic_owner)
    stored = s3_media.read(version.file.name)
    assert sha256(stored) == sha256(data) == version.sha256
    assert len(stored) == version.size_bytes
    # the staged copy is gone from the bucket once it became a version
    assert not StagedUpload.objects.exists()
    assert [k for k in s3_media.object_keys() if not k.startswith("renditions/")] == sorted(
        [version.file.name, *(v.file.name for v in LogoVariant.objects.all())]
    )
    assert local_files(media_root) == []


def test_an_upload_through_the_web_form_lands_in_the_bucket(
    ska_s3, s3_media, client, topic_owner, media_root
):
    client.force_login(topic_owner)
    data = png_bytes(marker=2)
    response = client.post(
        reverse("library:upload"),
        {"files": [uploaded("kampaania.png", data)], "preset": "facebook-link"},
    )
    staged = StagedUpload.objects.get()
    assert response.status_code == 302
    preview = client.get(reverse("library:staged_file", args=[staged.token]) + "?inline=1")
    assert b"".join(preview.streaming_content) == data
    response = client.post(
        reverse("library:staged", args=[staged.token]),
        {
            "title_et": "Kampaania",
            "kind": "banner",
            "languages": ["et"],
            "alt_text_et": "Sinine bänner",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    version = AssetVersion.objects.get()
    assert sha256(s3_media.read(version.file.name)) == sha256(data)
    assert local_files(media_root) == []


def test_renditions_are_written_to_the_bucket_and_served_by_the_media_views(
    ska_s3,
    s3_media,
    client,
    topic_owner,
    web_manager,
    procurement_user,
    django_user_model,
    django_capture_on_commit_callbacks,
    media_root,
):
    data = png_bytes(size=(1200, 628))
    with django_capture_on_commit_callbacks(execute=True):
        asset, version = make_asset(
            topic_owner, ska_s3, state="approved", manager=web_manager, data=data
        )
    renditions = list(version.renditions.all())
    assert renditions and all(r.status == RenditionStatus.READY for r in renditions)
    keys = s3_media.object_keys()
    for rendition in renditions:
        assert rendition.file.name in keys
        stored = s3_media.read(rendition.file.name)
        assert len(stored) == rendition.size_bytes
        image = Image.open(BytesIO(stored))
        assert image.size == (rendition.width, rendition.height)
    assert local_files(media_root) == []

    # the original, through the permission-checked view, as a logged attachment
    original_url = reverse("library:version_file", args=[version.pk])
    assert client.get(original_url).status_code == 302  # anonymous: to the login page
    client.force_login(procurement_user)
    response = client.get(original_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "private, max-age=3600"
    assert sha256(b"".join(response.streaming_content)) == version.sha256

    # a rendition inline, for previews
    jpeg = version.renditions.get(name="web-jpeg")
    response = client.get(reverse("library:rendition_file", args=[jpeg.pk]) + "?inline=1")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == s3_media.read(jpeg.file.name)

    # a ZIP of a selection reads the originals from the bucket
    response = client.post(reverse("library:zip"), {"version": [version.pk]})
    assert response.status_code == 200
    with zipfile.ZipFile(BytesIO(b"".join(response.streaming_content))) as archive:
        [name] = archive.namelist()
        assert sha256(archive.read(name)) == version.sha256

    # the API streams the same bytes from the bucket
    _row, token = ApiToken.objects.issue("cms", procurement_user)
    response = client.get(
        f"/api/v1/assets/{asset.public_id}/original", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200
    assert sha256(b"".join(response.streaming_content)) == version.sha256


def test_a_draft_in_the_bucket_stays_hidden_from_those_who_may_not_see_it(
    ska_s3, s3_media, client, topic_owner, procurement_user
):
    _asset, version = make_asset(topic_owner, ska_s3, state="draft")
    assert version.file.name in s3_media.object_keys()
    url = reverse("library:version_file", args=[version.pk])
    client.force_login(procurement_user)
    assert client.get(url).status_code == 404
    client.force_login(topic_owner)
    response = client.get(url)
    assert response.status_code == 200
    assert sha256(b"".join(response.streaming_content)) == version.sha256


def test_a_generated_brief_is_stored_in_the_bucket_and_downloaded_through_its_view(
    ska_s3,
    s3_media,
    client,
    topic_owner,
    procurement_user,
    django_capture_on_commit_callbacks,
    media_root,
):
    """The real renderer: the logos it embeds are read back from the bucket."""
    from procurement.generation import request_brief
    from tests.document_logos import MIN_PIXELS, marker_pixels, use_marker_logos
    from tests.test_procurement_helpers import make_order

    assert use_marker_logos(ska_s3) >= 2  # only the bucket holds the marker logo files
    order = make_order(topic_owner)
    with django_capture_on_commit_callbacks(execute=True):
        (document,), created = request_brief(order, "et", topic_owner)
    assert created
    document.refresh_from_db()
    assert document.status == "ready", document.error
    stored = s3_media.read(document.file.name)
    assert stored.startswith(b"%PDF") and sha256(stored) == document.sha256
    assert marker_pixels(stored) >= MIN_PIXELS
    assert local_files(media_root) == []
    client.force_login(procurement_user)
    response = client.get(reverse("procurement:document", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == stored
