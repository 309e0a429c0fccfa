"""The library pages: upload (one or many files, hostile files, limits), the staged upload's
report and duplicates, saving and editing assets, media responses, downloads and the ZIP,
search with facets, sort and pagination."""

import io
import zipfile

import pytest
from django.conf import settings
from django.urls import reverse

from brandkit.library.models import (
    Asset,
    AssetVersion,
    Campaign,
    Download,
    StagedUpload,
    Tag,
    TopicArea,
)
from brandkit.review.models import AuditAction, AuditEvent
from tests.library_helpers import (
    BLUE,
    SCRIPT_SVG,
    bomb_png,
    make_asset,
    make_staged,
    media_files,
    other_owner,
    png_bytes,
    red_png,
    reuse_check_reports,
    uploaded,
    zip_bytes,
)

pytestmark = pytest.mark.django_db


def post_upload(client, files, preset="facebook-link", url=None, **extra):
    return client.post(
        url or reverse("library:upload"), {"files": files, "preset": preset}, **extra
    )


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# -- upload ------------------------------------------------------------------------------------


def test_upload_page_offers_multiple_files_presets_and_progress(client, ska, topic_owner):
    client.force_login(topic_owner)
    page = client.get(reverse("library:upload"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'type="file"' in html and " multiple" in html
    assert 'accept=".png,.jpg,.jpeg,.webp,.svg,.pdf' in html
    assert 'value="facebook-link"' in html
    assert "<progress" in html and "js/upload.js" in html
    assert 'enctype="multipart/form-data"' in html


def test_one_good_file_goes_straight_to_its_report(client, ska, topic_owner):
    client.force_login(topic_owner)
    response = post_upload(client, [uploaded("banner.png", png_bytes())])
    staged = StagedUpload.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("library:staged", args=[staged.token])
    assert staged.user == topic_owner and staged.preset_slug == "facebook-link"
    assert staged.verdict == "pass"


@pytest.mark.parametrize(
    ("name", "data", "content_type", "expected"),
    [
        ("empty.png", b"", "image/png", "file.empty"),
        ("banner.png", zip_bytes(), "image/png", "zip"),
        ("bomb.png", bomb_png(), "image/png", "20000"),
        ("logo.svg", SCRIPT_SVG, "image/svg+xml", "script"),
    ],
    ids=["empty", "renamed-zip", "bomb-png", "svg-with-script"],
)
def test_hostile_files_are_refused_clearly_and_leave_nothing(
    client, ska, topic_owner, media_root, name, data, content_type, expected
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(topic_owner)
    response = post_upload(client, [uploaded(name, data, content_type)], follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "was not accepted" in html or "not accepted" in html
    assert name in html
    rejected = response.context["rejected"]
    assert [r["name"] for r in rejected] == [name]
    message = rejected[0]["message"]
    if expected != "file.empty":
        assert expected.lower() in message.lower().replace("\u202f", "").replace(" ", ""), message
    assert not StagedUpload.objects.exists()
    assert not AssetVersion.objects.exists()
    assert media_files(media_root) == []


def test_good_and_bad_files_together(client, ska, topic_owner, media_root):
    client.force_login(topic_owner)
    response = post_upload(
        client,
        [
            uploaded("good.png", png_bytes()),
            uploaded("bad.png", zip_bytes()),
            uploaded("also-good.png", png_bytes(marker=3)),
        ],
        follow=True,
    )
    assert response.status_code == 200
    assert [r["name"] for r in response.context["rejected"]] == ["bad.png"]
    assert StagedUpload.objects.count() == 2
    html = response.content.decode()
    for staged in StagedUpload.objects.all():
        assert reverse("library:staged", args=[staged.token]) in html
    assert len(media_files(media_root)) == 2  # only the two accepted files are kept


def test_a_file_over_the_ceiling_is_not_even_read_to_the_end(
    client, ska, topic_owner, settings, media_root
):
    settings.BRANDKIT_MAX_UPLOAD_BYTES = 2_000_000
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(topic_owner)
    big = b"\x89PNG\r\n\x1a\n" + bytes(2_100_000)
    response = post_upload(client, [uploaded("huge.png", big)], follow=True)
    assert response.status_code == 200
    assert response.context["rejected"][0]["message"] == (
        "huge.png is larger than 1.9 MiB, the largest file accepted."
    )
    assert not StagedUpload.objects.exists()
    assert media_files(media_root) == []


def test_too_many_files_in_one_request_is_a_clear_message(client, ska, topic_owner, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(topic_owner)
    files = [uploaded(f"b{i}.png", png_bytes(marker=i)) for i in range(3)]
    response = post_upload(client, files, follow=True)
    assert response.status_code == 200
    assert any("at most 2 files" in m for m in messages_of(response))
    assert not StagedUpload.objects.exists()


def test_too_large_request_is_a_clear_message(client, ska, topic_owner, settings):
    settings.BRANDKIT_MAX_UPLOAD_REQUEST_BYTES = 10_000
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(topic_owner)
    response = post_upload(client, [uploaded("b.png", png_bytes() + bytes(20_000))])
    assert response.status_code == 413  # refused before reading it (brandkit.limits)
    assert "at most 9.8 KiB can be sent at once" in response.content.decode()
    assert not StagedUpload.objects.exists()


def test_no_file_chosen_is_a_clear_message(client, ska, topic_owner):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(topic_owner)
    response = client.post(reverse("library:upload"), {"preset": ""}, follow=True)
    assert response.status_code == 200
    assert "Choose at least one file." in messages_of(response)


def test_upload_needs_the_csrf_token(ska, topic_owner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(topic_owner)
    response = post_upload(client, [uploaded("b.png", png_bytes())])
    assert response.status_code == 403
    assert not StagedUpload.objects.exists()


def test_progress_script_gets_the_next_address_as_json(client, ska, topic_owner):
    client.force_login(topic_owner)
    response = post_upload(
        client,
        [uploaded("banner.png", png_bytes())],
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    staged = StagedUpload.objects.get()
    assert response.status_code == 200
    assert response.json() == {"location": reverse("library:staged", args=[staged.token])}


# -- the staged upload: report, duplicates, save, discard -------------------------------------


def test_staged_page_shows_the_report_in_the_readers_language(client, ska, topic_owner):
    staged = make_staged(topic_owner, ska, red_png(), "punane.png")
    client.force_login(topic_owner)
    url = reverse("library:staged", args=[staged.token])
    for lang, word in (("et", "paletiväli"), ("en", "off-palette"), ("ru", "вне палитры")):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        html = client.get(url).content.decode()
        assert "verdict--fail" in html
        assert "colour.off_palette" in html
        assert word in html.lower(), lang
    assert 'name="title_et"' in html and 'name="alt_text_ru"' in html
    assert 'name="long_description_en"' in html and 'name="usable_until"' in html
    assert f'src="{reverse("library:staged_file", args=[staged.token])}?inline=1"' in html


def test_exact_and_near_duplicates_are_pointed_out_before_saving(
    client, ska, topic_owner, web_manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        approved, _ = make_asset(
            topic_owner, ska, state="approved", manager=web_manager, data=png_bytes()
        )
    client.force_login(topic_owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    exact = make_staged(topic_owner, ska, png_bytes(), "again.png")
    html = client.get(reverse("library:staged", args=[exact.token])).content.decode()
    assert "Exact duplicate" in html
    assert reverse("library:asset", args=[approved.public_id]) in html
    thumb = approved.current_version.renditions.get(name="thumbnail")
    assert reverse("library:rendition_file", args=[thumb.pk]) in html
    near = make_staged(topic_owner, ska, png_bytes(marker=5), "similar.png")
    html = client.get(reverse("library:staged", args=[near.token])).content.decode()
    assert "Near duplicate" in html and "Exact duplicate" not in html
    fresh = make_staged(topic_owner, ska, red_png(), "other.png")
    html = client.get(reverse("library:staged", args=[fresh.token])).content.decode()
    assert "duplicate" not in html.lower()


def test_duplicates_in_assets_the_user_cannot_see_are_not_revealed(
    client, ska, topic_owner, django_user_model
):
    make_asset(topic_owner, ska, state="draft", data=png_bytes(), title_et="Salajane")
    stranger = other_owner(django_user_model)
    staged = make_staged(stranger, ska, png_bytes())
    client.force_login(stranger)
    html = client.get(reverse("library:staged", args=[staged.token])).content.decode()
    assert "Salajane" not in html and "duplicate" not in html.lower()


def test_saving_describes_the_asset_and_makes_a_draft_version(
    client, ska, topic_owner, media_root, django_capture_on_commit_callbacks
):
    TopicArea.objects.update_or_create(slug="pensions", defaults=dict(name_et="Pensionid"))[0]
    campaign = Campaign.objects.create(name="Sügis 2026")
    Tag.objects.create(name="Pension")
    staged = make_staged(topic_owner, ska, png_bytes(), "sügis.png")
    client.force_login(topic_owner)
    with django_capture_on_commit_callbacks(execute=True):  # the staged file goes on commit
        response = client.post(
            reverse("library:staged", args=[staged.token]),
            {
                "title_et": "Sügiskampaania",
                "title_ru": "Осенняя кампания",
                "kind": "infographic",
                "topic": TopicArea.objects.get(slug="pensions").pk,
                "campaign": campaign.pk,
                "languages": ["et", "ru"],
                "tags": "pension,  uus silt , UUS SILT",
                "alt_text_et": "Tekst",
                "usable_until": "2099-12-31",
            },
        )
    asset = Asset.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("library:asset", args=[asset.public_id])
    assert asset.owner == topic_owner and asset.preset_slug == "facebook-link"
    assert asset.languages == "et ru"
    assert sorted(t.name for t in asset.tags.all()) == ["Pension", "uus silt"]
    assert Tag.objects.count() == 2
    assert asset.dominant_colour in {"state-blue", "white"}
    version = asset.versions.get()
    assert (version.number, version.state, version.original_name) == (1, "draft", "sügis.png")
    with version.file.open("rb") as handle:
        assert handle.read() == png_bytes()
    assert not StagedUpload.objects.exists()
    assert "sügiskampaania" in asset.search_text and "uus silt" in asset.search_text
    assert "осенняя" in asset.search_text and "sügis 2026" in asset.search_text
    assert AuditEvent.objects.filter(action=AuditAction.UPLOAD, version=version).exists()
    files = media_files(media_root)
    assert not [p for p in files if "staging" in p.parts]  # the staged copy is gone
    assert [p for p in files if "assets" in p.parts] and len(files) == 2  # + the thumbnail


def test_saving_without_a_title_shows_the_errors(client, ska, topic_owner):
    staged = make_staged(topic_owner, ska)
    client.force_login(topic_owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        reverse("library:staged", args=[staged.token]),
        {"title_et": "", "kind": "banner", "usable_until": "2001-01-01"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"title_et", "usable_until"}
    assert 'aria-invalid="true"' in response.content.decode()
    assert StagedUpload.objects.filter(pk=staged.pk).exists()
    assert not Asset.objects.exists()


def test_discard_removes_the_staged_upload_and_its_file(client, ska, topic_owner, media_root):
    staged = make_staged(topic_owner, ska)
    client.force_login(topic_owner)
    response = client.post(reverse("library:staged_discard", args=[staged.token]))
    assert response.status_code == 302
    assert not StagedUpload.objects.exists()
    assert media_files(media_root) == []


def test_a_new_version_is_just_confirmed(client, ska, topic_owner):
    asset, first = make_asset(topic_owner, ska, state="draft")
    client.force_login(topic_owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    upload_url = reverse("library:upload") + f"?asset={asset.public_id}"
    page = client.get(upload_url)
    assert " multiple" not in page.content.decode()
    two = post_upload(
        client,
        [uploaded("a.png", png_bytes()), uploaded("b.png", red_png())],
        url=upload_url,
        follow=True,
    )
    assert "A new version is one file: choose only one." in [
        str(m) for m in two.context["messages"]
    ]
    response = post_upload(client, [uploaded("v2.png", red_png())], url=upload_url)
    staged = StagedUpload.objects.get()
    assert staged.target_asset == asset
    page = client.get(response["Location"])
    assert page.context["form"] is None
    assert 'name="title_et"' not in page.content.decode()
    saved = client.post(response["Location"])
    assert saved["Location"] == reverse("library:asset", args=[asset.public_id])
    assert [v.number for v in asset.versions.order_by("number")] == [1, 2]
    assert asset.versions.get(number=2).verdict == "fail"


# -- asset page and edit ----------------------------------------------------------------------


def test_asset_page_shows_metadata_versions_and_owner_actions(client, ska, topic_owner):
    asset, version = make_asset(
        topic_owner, ska, state="draft", title_en="Pension reform", description_et="Kirjeldus"
    )
    client.force_login(topic_owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("library:asset", args=[asset.public_id])).content.decode()
    assert '<h1 lang="en">Pension reform</h1>' in html
    assert 'lang="ru"' in html and "Пенсионная реформа" in html  # the other languages
    assert reverse("library:asset_edit", args=[asset.public_id]) in html
    assert f"?asset={asset.public_id}" in html
    assert reverse("review:submit", args=[version.pk]) in html
    assert f'name="revision" value="{version.revision}"' in html
    assert reverse("review:approve", args=[version.pk]) not in html  # not a web manager
    assert reverse("library:version", args=[version.pk]) in html
    assert "uploaded" in html  # the history


def test_asset_page_of_an_approved_asset_for_procurement(
    client, ska, topic_owner, web_manager, procurement_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    client.force_login(procurement_user)
    html = client.get(reverse("library:asset", args=[asset.public_id])).content.decode()
    for rendition in version.renditions.all():
        assert reverse("library:rendition_file", args=[rendition.pk]) in html
    assert reverse("library:version_file", args=[version.pk]) in html
    assert reverse("library:asset_edit", args=[asset.public_id]) not in html
    assert reverse("review:archive", args=[asset.public_id]) not in html
    assert 'name="text"' not in html  # no comment form
    assert '<table class="events"' not in html  # the history is for the owner and managers


def test_pending_renditions_are_labelled(client, ska, topic_owner, web_manager):
    asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    from brandkit.library.renditions import plan_renditions

    plan_renditions(version)  # rows exist, the background job has not run
    client.force_login(topic_owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("library:asset", args=[asset.public_id])).content.decode()
    assert "status--pending" in html
    # while the thumbnail is being made, the original itself is the preview
    assert reverse("library:version_file", args=[version.pk]) + "?inline=1" in html


def test_edit_saves_records_and_refreshes_search_text(client, ska, topic_owner):
    asset, _ = make_asset(topic_owner, ska, state="draft")
    client.force_login(topic_owner)
    url = reverse("library:asset_edit", args=[asset.public_id])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name in form.fields
    }
    data.update(
        {
            "title_en": "Family benefits",
            "tags": "lapsed, pere",
            "languages": ["et"],
            "topic": "",
            "campaign": "",
            "usable_until": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    asset.refresh_from_db()
    assert asset.title_en == "Family benefits"
    assert "family benefits" in asset.search_text and "pere" in asset.search_text
    event = AuditEvent.objects.get(action=AuditAction.EDIT)
    assert set(event.details["fields"]) == {"title_en", "tags"}
    Tag.objects.filter(name="pere").update(name="perekond")  # no signal: update()
    tag = Tag.objects.get(name="lapsed")
    tag.name = "lapsed ja noored"
    tag.save()
    asset.refresh_from_db()
    assert "lapsed ja noored" in asset.search_text


def test_topic_owner_cannot_edit_while_a_version_waits_for_review(client, ska, topic_owner):
    asset, _ = make_asset(topic_owner, ska, state="submitted")
    client.force_login(topic_owner)
    assert client.get(reverse("library:asset_edit", args=[asset.public_id])).status_code == 404


# -- media ------------------------------------------------------------------------------------


def test_original_is_sent_byte_for_byte_as_a_logged_attachment(client, ska, topic_owner):
    data = png_bytes()
    asset, version = make_asset(topic_owner, ska, data=data, name="Bänner 1.png")
    client.force_login(topic_owner)
    response = client.get(reverse("library:version_file", args=[version.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    download = Download.objects.get()
    assert (download.user, download.version, download.what) == (topic_owner, version, "original")
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, version=version).count() == 1


def test_inline_previews_are_not_logged(client, ska, topic_owner):
    asset, version = make_asset(topic_owner, ska)
    client.force_login(topic_owner)
    response = client.get(reverse("library:version_file", args=[version.pk]) + "?inline=1")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert not Download.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_svg_is_never_inline(client, ska, topic_owner):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628">'
        b'<rect width="1200" height="628" fill="#0033A0"/></svg>'
    )
    staged = make_staged(topic_owner, ska, svg, "logo.svg", preset="")
    client.force_login(topic_owner)
    preview = client.get(reverse("library:staged_file", args=[staged.token]) + "?inline=1")
    assert preview["Content-Disposition"].startswith("attachment")
    asset, version = make_asset(topic_owner, ska, data=svg, name="logo.svg")
    response = client.get(reverse("library:version_file", args=[version.pk]) + "?inline=1")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]


def test_rendition_download_is_logged(
    client, ska, topic_owner, web_manager, procurement_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    rendition = version.renditions.get(name="web-jpeg")
    client.force_login(procurement_user)
    inline = client.get(reverse("library:rendition_file", args=[rendition.pk]) + "?inline=1")
    assert inline["Content-Disposition"].startswith("inline")
    assert not Download.objects.exists()
    response = client.get(reverse("library:rendition_file", args=[rendition.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "image/jpeg"
    body = b"".join(response.streaming_content)
    assert body[:3] == b"\xff\xd8\xff"
    download = Download.objects.get()
    assert (download.what, download.rendition) == ("rendition", rendition)
    event = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert event.details["rendition"] == "web-jpeg" and event.actor == procurement_user


def test_zip_of_a_selection_holds_the_originals_and_is_logged(
    client, ska, topic_owner, web_manager, procurement_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, v1 = make_asset(
            topic_owner,
            ska,
            state="approved",
            manager=web_manager,
            data=png_bytes(),
            name="sama.png",
        )
        second, v2 = make_asset(
            topic_owner,
            ska,
            state="approved",
            manager=web_manager,
            data=red_png(),
            name="sama.png",
            override_reason="Kokku lepitud",
        )
    client.force_login(procurement_user)
    response = client.post(reverse("library:zip"), {"version": [v1.pk, v2.pk]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == ["sama-v1.png", "sama-v1-2.png"]
    assert archive.read("sama-v1.png") == png_bytes()
    assert archive.read("sama-v1-2.png") == red_png()
    assert Download.objects.filter(what="zip").count() == 2
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).count() == 2


def test_zip_is_refused_whole_when_an_id_is_not_visible(
    client, ska, topic_owner, web_manager, procurement_user
):
    approved, v1 = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    draft, v2 = make_asset(topic_owner, ska, state="draft")
    client.force_login(procurement_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for ids in ([v1.pk, v2.pk], [v1.pk, 999999], [v1.pk, "x"]):
        response = client.post(reverse("library:zip"), {"version": ids})
        assert response.status_code == 404
        assert "no ZIP was made" in response.content.decode()
    assert not Download.objects.exists()
    empty = client.post(reverse("library:zip"), {}, follow=True)
    assert "Choose at least one file for the ZIP." in messages_of(empty)


def test_zip_has_a_size_bound(client, ska, topic_owner, web_manager, settings):
    asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    settings.BRANDKIT_MAX_ZIP_BYTES = 100
    client.force_login(web_manager)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(reverse("library:zip"), {"version": [version.pk]}, follow=True)
    assert response.status_code == 200
    assert any("too large for one ZIP" in m for m in messages_of(response))
    assert not Download.objects.exists()


# -- the library list: search, facets, sort, pagination ---------------------------------------


@pytest.fixture
def catalogue(ska, topic_owner, web_manager, monkeypatch):
    """Approved assets with different kinds, topics, languages and words."""
    reuse_check_reports(monkeypatch)
    pensions = TopicArea.objects.update_or_create(
        slug="pensions", defaults=dict(name_et="Pensionid", name_en="Pensions")
    )[0]
    family = TopicArea.objects.update_or_create(
        slug="family", defaults=dict(name_et="Perehüvitised")
    )[0]
    autumn = Campaign.objects.create(name="Sügis")
    made = {}
    for key, fields in {
        "pension": dict(
            title_et="Vanaduspension",
            title_ru="Пенсия по старости",
            kind="banner",
            topic=pensions,
            languages="et ru",
            alt_text_ru="Синий баннер",
            campaign=autumn,
        ),
        "family": dict(
            title_et="Lapsetoetus",
            title_en="Child allowance",
            kind="infographic",
            topic=family,
            languages="et en",
            alt_text_en="Chart",
            long_description_et="Pikk tekst",
            long_description_en="Long text",
        ),
        "icon": dict(
            title_et="Ikoon", kind="icon", languages="et", description_et="Väike pensioni ikoon"
        ),
    }.items():
        made[key], _ = make_asset(
            topic_owner,
            ska,
            state="approved",
            manager=web_manager,
            data=png_bytes(marker=len(made)),
            **fields,
        )
    made["pension"].tags.add(Tag.objects.create(name="eakad"))
    return made


def result_titles(response) -> list[str]:
    return [c["asset"].title_et for c in response.context["cards"]]


def test_text_search_in_all_languages_fields_and_tags(client, procurement_user, catalogue):
    client.force_login(procurement_user)
    url = reverse("library:list")
    assert result_titles(client.get(url, {"q": "vanaduspension"})) == ["Vanaduspension"]
    assert result_titles(client.get(url, {"q": "ПЕНСИЯ"})) == ["Vanaduspension"]
    assert result_titles(client.get(url, {"q": "child"})) == ["Lapsetoetus"]
    assert result_titles(client.get(url, {"q": "синий"})) == ["Vanaduspension"]  # alt text
    assert result_titles(client.get(url, {"q": "eakad"})) == ["Vanaduspension"]  # tag
    assert result_titles(client.get(url, {"q": "pikk tekst"})) == ["Lapsetoetus"]
    assert sorted(result_titles(client.get(url, {"q": "pension"}))) == ["Ikoon", "Vanaduspension"]
    assert result_titles(client.get(url, {"q": "kaamel"})) == []


def test_facets_count_and_filter(client, procurement_user, catalogue):
    client.force_login(procurement_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("library:list"))
    facets = {
        f.name: {v.value: v.count for v in f.values} for f in response.context["result"].facets
    }
    assert facets["kind"] == {"banner": 1, "infographic": 1, "icon": 1}
    topics = {str(t.pk): t.slug for t in TopicArea.objects.all()}
    assert {topics[k]: n for k, n in facets["topic"].items()} == {"pensions": 1, "family": 1}
    assert facets["language"] == {"et": 3, "en": 1, "ru": 1}
    assert facets["preset"] == {"facebook-link": 3}
    assert list(facets["campaign"].values()) == [1]
    assert sum(facets["colour"].values()) == 3
    assert "status" not in facets  # procurement sees only approved assets
    filtered = client.get(reverse("library:list"), {"language": "ru"})
    assert result_titles(filtered) == ["Vanaduspension"]
    kinds = {
        f.name: {v.value: v.count for v in f.values} for f in filtered.context["result"].facets
    }["kind"]
    assert kinds == {"banner": 1}
    both = client.get(reverse("library:list"), {"kind": "icon", "language": "ru"})
    assert result_titles(both) == []
    colour = client.get(reverse("library:list"), {"colour": "state-blue"})
    assert len(result_titles(colour)) == sum(
        1 for a in Asset.objects.all() if a.dominant_colour == "state-blue"
    )
    bad = client.get(reverse("library:list"), {"kind": "nonsense", "topic": "x"})
    assert len(result_titles(bad)) == 3


def test_hidden_statuses_only_for_web_managers(
    client, ska, topic_owner, web_manager, procurement_user, monkeypatch
):
    reuse_check_reports(monkeypatch)
    make_asset(topic_owner, ska, state="expired", manager=web_manager, title_et="Aegunud")
    make_asset(topic_owner, ska, state="archived", manager=web_manager, title_et="Arhiveeritud")
    make_asset(topic_owner, ska, state="draft", title_et="Mustand")
    make_asset(topic_owner, ska, state="approved", manager=web_manager, title_et="Kinnitatud")
    url = reverse("library:list")
    client.force_login(web_manager)
    assert sorted(result_titles(client.get(url))) == ["Kinnitatud", "Mustand"]
    assert result_titles(client.get(url, {"status": "expired"})) == ["Aegunud"]
    assert result_titles(client.get(url, {"status": "archived"})) == ["Arhiveeritud"]
    statuses = next(f for f in client.get(url).context["result"].facets if f.name == "status")
    assert {v.value: v.count for v in statuses.values} == {
        "draft": 1,
        "approved": 1,
        "expired": 1,
        "archived": 1,
    }
    client.force_login(topic_owner)
    assert sorted(result_titles(client.get(url))) == ["Kinnitatud", "Mustand"]
    assert sorted(result_titles(client.get(url, {"status": "expired"}))) == [
        "Kinnitatud",
        "Mustand",
    ]  # the filter is ignored
    statuses = next(f for f in client.get(url).context["result"].facets if f.name == "status")
    assert {v.value for v in statuses.values} == {"draft", "approved"}
    client.force_login(procurement_user)
    assert result_titles(client.get(url)) == ["Kinnitatud"]
    assert result_titles(client.get(url, {"status": "draft"})) == ["Kinnitatud"]


def test_sort_and_pagination(client, web_manager, topic_owner):
    for i in range(30):
        Asset.objects.create(
            owner=topic_owner,
            title_et=f"Pilt {i:02d}",
            kind="photo",
            title_en=f"Picture {29 - i:02d}",
        )
    client.force_login(web_manager)
    url = reverse("library:list")
    first = client.get(url)
    assert first.context["page"].paginator.count == 30
    assert len(first.context["cards"]) == 24
    assert result_titles(first)[0] == "Pilt 29"  # newest first
    second = client.get(url, {"page": 2})
    assert len(second.context["cards"]) == 6
    assert client.get(url, {"page": 99}).context["page"].number == 2
    by_title = client.get(url, {"sort": "title"})
    assert result_titles(by_title)[:2] == ["Pilt 00", "Pilt 01"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    by_english_title = client.get(url, {"sort": "title"})
    assert [c["asset"].title_en for c in by_english_title.context["cards"][:2]] == [
        "Picture 00",
        "Picture 01",
    ]
    html = client.get(url, {"sort": "title", "kind": "photo"}).content.decode()
    assert "page=2" in html and "sort=title" in html and "kind=photo" in html


def test_list_cards_offer_the_zip_and_thumbnails(
    client, ska, topic_owner, web_manager, procurement_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    client.force_login(procurement_user)
    html = client.get(reverse("library:list")).content.decode()
    assert f'name="version" value="{version.pk}"' in html and 'form="zip-form"' in html
    thumb = version.renditions.get(name="thumbnail")
    assert f"{reverse('library:rendition_file', args=[thumb.pk])}?inline=1" in html


def test_no_role_user_sees_an_empty_library(
    client, django_user_model, ska, topic_owner, web_manager
):
    make_asset(topic_owner, ska, state="approved", manager=web_manager)
    nobody = django_user_model.objects.create_user("nobody", password="a-long-test-password")
    client.force_login(nobody)
    response = client.get(reverse("library:list"))
    assert response.status_code == 200 and result_titles(response) == []


def test_brand_colour_is_recorded_for_the_colour_facet(ska, topic_owner):
    asset, _ = make_asset(topic_owner, ska, data=png_bytes(colour=BLUE, second=BLUE))
    assert asset.dominant_colour == "state-blue"


def test_the_list_page_makes_the_same_number_of_queries_for_2_or_12_assets(
    client, ska, topic_owner, web_manager, procurement_user
):
    """No query per card: the permission check of each card's version must not fetch its
    asset again (at 100,000 assets that N+1 was half the page's time)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.library_helpers import make_asset as make_library_asset

    def queries() -> int:
        client.get(reverse("library:list"))  # the search index is built on the first request
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("library:list"))
        assert response.status_code == 200
        return len(captured.captured_queries)

    client.force_login(procurement_user)
    for _ in range(2):
        make_library_asset(topic_owner, ska, state="approved", manager=web_manager)
    few = queries()
    for _ in range(10):
        make_library_asset(topic_owner, ska, state="approved", manager=web_manager)
    many = queries()
    assert len(client.get(reverse("library:list")).context["cards"]) == 12
    assert many == few


def test_search_ignores_estonian_and_russian_diacritics_exact_first(
    client, ska, topic_owner, web_manager, procurement_user, monkeypatch
):
    reuse_check_reports(monkeypatch)
    for marker, fields in enumerate(
        (
            dict(title_et="Pensionide tõus", description_et="Töövõimetoetus ja ёлка"),
            dict(title_et="Tous kampaania"),  # the word without õ, as typed here
        )
    ):
        make_asset(
            topic_owner,
            ska,
            state="approved",
            manager=web_manager,
            data=png_bytes(marker=marker),
            languages="et",
            **fields,
        )
    client.force_login(procurement_user)
    url = reverse("library:list")
    assert result_titles(client.get(url, {"q": "tõus"})) == ["Pensionide tõus", "Tous kampaania"]
    assert result_titles(client.get(url, {"q": "tous"})) == ["Tous kampaania", "Pensionide tõus"]
    assert result_titles(client.get(url, {"q": "toovoimetoetus"})) == ["Pensionide tõus"]
    assert result_titles(client.get(url, {"q": "елка"})) == ["Pensionide tõus"]


def test_renditions_are_listed_by_human_names(client, ska, topic_owner, web_manager):
    from brandkit.library.models import Rendition

    asset, version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    Rendition.objects.get_or_create(version=version, name="web-jpeg", defaults={"format": "jpeg"})
    client.force_login(topic_owner)
    html = client.get(reverse("library:asset", args=[asset.public_id]), HTTP_ACCEPT_LANGUAGE="en")
    text = html.content.decode()
    assert "For the web, JPEG" in text and "web-jpeg:" not in text


def test_text_in_another_language_than_the_page_carries_its_lang(
    client, ska, topic_owner, web_manager
):
    asset, _version = make_asset(
        topic_owner,
        ska,
        state="approved",
        manager=web_manager,
        title_et="Ainult eesti pealkiri",
        title_ru="",
        alt_text_et="Sinine bänner",
    )
    client.force_login(topic_owner)
    html = client.get(
        reverse("library:asset", args=[asset.public_id]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert '<html lang="en">' in html
    assert '<h1 lang="et">Ainult eesti pealkiri</h1>' in html
    listing = client.get(reverse("library:list"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'lang="et">Ainult eesti pealkiri</a>' in listing
    asset.title_ru = "Только по-русски"
    asset.save()
    listing = client.get(reverse("library:list"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'lang="ru">Только по-русски</a>' in listing


def test_a_preview_without_alt_text_still_has_a_text_alternative(client, ska, topic_owner):
    asset, _version = make_asset(topic_owner, ska, title_et="Alt-tekstita", alt_text_et="")
    client.force_login(topic_owner)
    html = client.get(
        reverse("library:asset", args=[asset.public_id]), HTTP_ACCEPT_LANGUAGE="et"
    ).content.decode()
    assert 'alt=""' not in html
    assert "Kujunduse „Alt-tekstita“ eelvaade, tekstilist alternatiivi veel ei ole" in html


def test_approved_over_failing_checks_is_a_badge_and_a_facet(
    client, ska, topic_owner, web_manager, procurement_user
):
    make_asset(
        topic_owner,
        ska,
        state="approved",
        manager=web_manager,
        data=red_png(),
        override_reason="Kampaania erand",
        title_et="Punane erand",
    )
    make_asset(
        topic_owner, ska, state="approved", manager=web_manager, title_et="Korras", data=png_bytes()
    )
    client.force_login(procurement_user)
    url = reverse("library:list")
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert html.count("status--override") == 1
    facet = {f.name: f for f in page.context["result"].facets}["approval"]
    assert [(v.value, v.count) for v in facet.values] == [("override", 1)]
    assert result_titles(client.get(url, {"approval": "override"})) == ["Punane erand"]
    assert len(result_titles(client.get(url, {"approval": "bogus"}))) == 2  # ignored


def test_page_title_says_what_was_searched(client, procurement_user, catalogue):
    client.force_login(procurement_user)
    html = client.get(
        reverse("library:list"), {"q": "pension"}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "“pension”: 2 assets" in title and "Asset library" in title
