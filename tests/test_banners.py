"""Brand templates: rules as data, banners that pass their own checks, and honest refusals."""

from __future__ import annotations

import io
import itertools
import os
import re
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image
from pypdf import PdfReader

from brandkit.banners import BannerError, pixel_size, render_banner
from brandkit.banners.render import choose_variant, crop_to
from brandkit.brandbooks import SKA_BRANDBOOK, BrandbookInvalid, parse_file
from brandkit.brandbooks.parse import parse_text
from brandkit.checks.registry import run

BOOK = parse_file(SKA_BRANDBOOK)
TEXTS = {
    "et": {
        "headline": "Sotsiaalkindlustusamet maksab peretoetused välja kolmapäeval",
        "body": "Toetus laekub kontole hiljemalt järgmisel päeval.",
        "cta": "Loe lähemalt",
        "figure": "+12 %",
        "when": "12. märts kell 10, Tallinn",
    },
    "ru": {
        "headline": "Департамент выплатит семейные пособия уже в эту среду",
        "body": "Деньги поступят на счёт не позднее следующего дня.",
        "cta": "Подробнее",
        "figure": "+12 %",
        "when": "12 марта в 10:00, Таллинн",
    },
    "en": {
        "headline": "The Social Insurance Board pays family benefits on Wednesday",
        "body": "The money reaches your account by the next day.",
        "cta": "Read more",
        "figure": "+12 %",
        "when": "12 March at 10:00, Tallinn",
    },
}
LANGS = ("et", "ru", "en")


def texts_for(template: dict, lang: str) -> dict[str, str]:
    names = {slot["name"] for slot in template["slots"]}
    return {k: v for k, v in TEXTS[lang].items() if k in names}


def fmt_for(preset: dict) -> str:
    return "pdf" if preset.get("unit") == "mm" else "png"


def combos(full: bool):
    """Every template × preset; with `full` every language too, otherwise the language turns
    over so that each template and each preset meet all three languages (a third of the OCR
    time; BRANDKIT_TEMPLATE_MATRIX=full runs them all)."""
    turn = itertools.cycle(LANGS)
    for template in BOOK["templates"]:
        for preset in BOOK["presets"]:
            for lang in LANGS if full else (next(turn),):
                yield template, preset, lang


def test_ska_ships_three_templates_with_every_layout_class():
    slugs = [t["slug"] for t in BOOK["templates"]]
    assert {"announcement", "benefit-change", "event"} <= set(slugs)
    for template in BOOK["templates"]:
        assert set(template["layouts"]) == {"wide", "landscape", "square", "tall"}
        assert {"et", "en", "ru"} <= set(template["name"])


def with_template_change(change) -> str:
    data = yaml.safe_load(SKA_BRANDBOOK.read_text(encoding="utf-8"))
    change(data["templates"][0])
    return yaml.safe_dump(data, allow_unicode=True)


def test_a_colour_pair_below_the_text_contrast_is_refused_on_load():
    text = with_template_change(
        lambda t: t["colour_pairs"].append({"background": "state-blue", "text": "black"})
    )
    with pytest.raises(BrandbookInvalid) as caught:
        parse_text(text)
    assert any(
        "colour_pairs[3]" in e.path and "below accessibility.text_contrast" in e.message
        for e in caught.value.errors
    )


def test_a_typeface_outside_the_brand_and_a_box_off_the_canvas_are_refused():
    def change(template):
        template["styles"]["headline"]["family"] = "Comic Sans MS"
        template["layouts"]["wide"]["headline"] = [0.5, 0.4, 0.7, 0.3]

    with pytest.raises(BrandbookInvalid) as caught:
        parse_text(with_template_change(change))
    messages = {e.path: e.message for e in caught.value.errors}
    assert "not a brand typeface" in messages["templates[0].styles.headline"]
    assert "runs off the canvas" in messages["templates[0].layouts.wide.headline"]


@pytest.mark.django_db
def test_templates_survive_the_database_and_the_export(ska):
    data = ska.to_data()
    assert data["templates"] == BOOK["templates"]
    again = parse_text(yaml.safe_dump({k: v for k, v in data.items() if k[0] != "_"}))
    assert again["templates"] == BOOK["templates"]


def test_every_template_preset_and_language_renders_at_the_exact_size():
    failures = []
    for template, preset, lang in combos(full=True):
        fmt = fmt_for(preset)
        out = render_banner(
            BOOK, template["slug"], preset["slug"], lang, texts_for(template, lang), fmt=fmt
        )
        if fmt == "pdf":
            box = PdfReader(io.BytesIO(out.data)).pages[0].mediabox
            size_mm = (float(box.width) / 72 * 25.4, float(box.height) / 72 * 25.4)
            if abs(size_mm[0] - preset["width"]) > 0.5 or abs(size_mm[1] - preset["height"]) > 0.5:
                failures.append((template["slug"], preset["slug"], lang, size_mm))
        else:
            with Image.open(io.BytesIO(out.data)) as image:
                if image.size != pixel_size(preset):
                    failures.append((template["slug"], preset["slug"], lang, image.size))
    assert failures == []


def test_every_template_preset_and_language_passes_its_checks():
    full = os.environ.get("BRANDKIT_TEMPLATE_MATRIX") == "full"
    failures = []
    for template, preset, lang in combos(full):
        fmt = fmt_for(preset)
        out = render_banner(
            BOOK, template["slug"], preset["slug"], lang, texts_for(template, lang), fmt=fmt
        )
        report = run(
            out.data, filename=f"banner.{fmt}", brandbook=BOOK, preset=preset, languages=[lang]
        )
        flagged = [f.code for f in report.findings if f.severity in ("error", "warning")]
        if report.verdict != "pass" or flagged:
            failures.append((template["slug"], preset["slug"], lang, report.verdict, flagged))
    assert failures == []


@pytest.mark.parametrize(
    ("lang", "headline"),
    [
        ("et", "Peretoetuste maksmise kuupäev muutub alates järgmisest kuust"),
        ("ru", "С марта семейные пособия будут выплачиваться раньше срока"),
    ],
)
def test_a_55_character_headline_is_read_back_whole(lang, headline):
    assert 50 <= len(headline) <= 60
    out = render_banner(BOOK, "announcement", "web-content", lang, {"headline": headline})
    report = run(out.data, filename="b.png", brandbook=BOOK, preset=BOOK["presets"][1])
    assert report.verdict == "pass"
    seen = next(f for f in report.findings if f.code == "text.images_of_text")
    assert seen.details["text"].split() == headline.split()


def test_one_long_word_is_hyphenated_by_the_dictionary():
    word = "Sotsiaalkindlustusametikorraldusmuudatus"
    out = render_banner(BOOK, "announcement", "instagram-portrait", "et", {"headline": word})
    assert out.sizes["headline"] >= 14


def test_two_hundred_characters_shrink_to_fit_or_are_refused_naming_the_slot():
    long = ("Toetus " * 40)[:200]
    out = render_banner(BOOK, "announcement", "web-content", "et", {"headline": long})
    assert out.sizes["headline"] < 48  # shrunk from the largest size
    with pytest.raises(BannerError) as caught:
        render_banner(BOOK, "announcement", "web-content", "et", {"headline": "Teade", "cta": long})
    error = caught.value
    assert error.code == "text.does_not_fit"
    assert error.details["slot"] == "cta"
    assert 0 < error.details["fits"] < 200
    assert "cta" in error.messages["en"] and str(error.details["fits"]) in error.messages["et"]


def test_empty_optional_slots_are_left_out_and_required_ones_are_asked_for():
    out = render_banner(
        BOOK,
        "event",
        "x-post",
        "en",
        {"headline": "Open day", "when": "Today", "body": "", "cta": ""},
    )
    assert set(out.sizes) == {"headline", "when"}
    with pytest.raises(BannerError) as caught:
        render_banner(BOOK, "event", "x-post", "en", {"headline": "Open day"})
    assert caught.value.code == "slot.required" and caught.value.details["slot"] == "when"


def test_text_is_never_set_below_the_minimum_size():
    for preset in BOOK["presets"]:
        if preset.get("unit") == "mm":
            continue
        out = render_banner(
            BOOK, "announcement", preset["slug"], "ru", texts_for(BOOK["templates"][0], "ru")
        )
        assert min(out.sizes.values()) >= BOOK["typography"]["min_text_px"]


def test_the_logo_variant_follows_the_background():
    coat = next(logo for logo in BOOK["logos"] if logo["slug"] == "coat-of-arms")
    assert choose_variant(coat, True, "et")["tone"] == "negative"
    assert choose_variant(coat, False, "en")["slug"] == "en-positive"
    assert choose_variant(coat, True, "ru")["tone"] == "negative"  # no Russian artwork yet
    for pair in (0, 1):  # white on blue, blue on white
        out = render_banner(
            BOOK, "announcement", "web-hero", "et", {"headline": "Teade"}, pair=pair
        )
        report = run(out.data, filename="b.png", brandbook=BOOK, preset=BOOK["presets"][0])
        assert report.verdict == "pass"
        assert [f.code for f in report.findings if f.code.startswith("logo.")] == []


def test_a_photo_is_cropped_around_its_focal_point():
    photo = Image.new("RGB", (1000, 500), (200, 200, 200))
    photo.paste((255, 0, 0), (850, 200, 900, 250))  # the focal area near the right edge
    cropped = crop_to(photo, 300, 400, focal=(0.875, 0.45))
    assert cropped.size == (300, 400)
    red = [
        (x, y)
        for x in range(300)
        for y in range(0, 400, 4)
        if cropped.getpixel((x, y))[0] > 240 and cropped.getpixel((x, y))[1] < 30
    ]
    assert red, "the focal area was cut off"
    buf = io.BytesIO()
    photo.save(buf, "JPEG")
    out = render_banner(
        BOOK,
        "announcement",
        "facebook-link",
        "et",
        {"headline": "Teade"},
        image=buf.getvalue(),
        focal=(0.875, 0.45),
    )
    report = run(out.data, filename="b.png", brandbook=BOOK, preset=BOOK["presets"][2])
    assert report.verdict == "pass"


# -- the command ------------------------------------------------------------------------------


def call(*args) -> str:
    out = io.StringIO()
    call_command("renderbanner", *args, "--brandbook", str(SKA_BRANDBOOK), stdout=out)
    return out.getvalue()


def test_list_prints_one_template_per_line_slug_first():
    lines = call("--list").splitlines()
    assert [line.split()[0] for line in lines] == [t["slug"] for t in BOOK["templates"]]


@pytest.mark.parametrize("suffix", ["png", "jpg", "webp", "pdf"])
def test_the_command_writes_a_banner_that_checkfile_passes(tmp_path, suffix):
    target = tmp_path / f"out.{suffix}"
    preset = "print-a4" if suffix == "pdf" else "web-hero"
    if suffix == "pdf":
        preset = "print-a4"
    elif suffix == "jpg":
        preset = "facebook-link"
    call(
        "benefit-change",
        "--preset",
        preset,
        "--lang",
        "ru",
        "--text",
        "figure=+12 %",
        "--text",
        "headline=Семейные пособия станут больше с 1 марта",
        "--output",
        str(target),
    )
    out = io.StringIO()
    try:
        call_command(
            "checkfile",
            str(target),
            "--preset",
            preset,
            "--brandbook",
            str(SKA_BRANDBOOK),
            "--lang",
            "en",
            stdout=out,
        )
    except SystemExit as exited:  # checkfile exits only when a file does not pass
        pytest.fail(f"checkfile exit {exited.code}: {out.getvalue()}")
    assert ": PASS" in out.getvalue()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["nope", "--preset", "web-hero"], "no template"),
        (["announcement", "--preset", "billboard"], "no preset"),
        (["announcement", "--preset", "web-hero", "--text", "subtitle=x"], "no text slot"),
        (
            ["announcement", "--preset", "web-content", "--text", "headline=" + "Sõna " * 60],
            "does not fit",
        ),
    ],
)
def test_refusals_exit_2_and_leave_nothing(tmp_path, args, needle):
    target = tmp_path / "out.png"
    args = list(args)
    if not any(a.startswith("headline=") or a.startswith("subtitle=") for a in args):
        args += ["--text", "headline=Teade"]
    with pytest.raises(CommandError) as caught:
        call(*args, "--output", str(target))
    assert caught.value.returncode == 2
    assert needle in str(caught.value)
    assert list(Path(tmp_path).iterdir()) == []


# -- the guide --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_guide_lists_the_templates_with_previews(client, ska, topic_owner):
    client.force_login(topic_owner)
    page = client.get("/brand/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'id="templates"' in page
    for template in BOOK["templates"]:
        assert f'id="template-{template["slug"]}"' in page
    preview = client.get(f"/brand/template/{ska.pk}/event/instagram-square.png")
    assert preview.status_code == 200 and preview["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(preview.content)) as image:
        assert image.size == (1080, 1080)
    assert client.get(f"/brand/template/{ska.pk}/nope/instagram-square.png").status_code == 404
    assert client.get(f"/brand/template/{ska.pk}/event/billboard.png").status_code == 404


# -- the API ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_lists_templates_and_renders_one(client, ska, web_manager):
    from brandkit.api.models import ApiToken

    _row, secret = ApiToken.objects.issue("website-cms", web_manager)
    auth = {"Authorization": f"Bearer {secret}"}
    listed = client.get("/api/v1/templates", headers=auth).json()
    assert [t["slug"] for t in listed] == [t["slug"] for t in BOOK["templates"]]
    assert "headline" in listed[0]["required_slots"]
    body = {
        "preset": "facebook-link",
        "lang": "ru",
        "texts": {"headline": "Семейные пособия выплатят в среду"},
        "format": "jpeg",
    }
    answer = client.post(
        "/api/v1/templates/announcement/render", body, content_type="application/json", headers=auth
    )
    assert answer.status_code == 200 and answer["Content-Type"] == "image/jpeg"
    report = run(answer.content, filename="b.jpg", brandbook=BOOK, preset=BOOK["presets"][2])
    assert report.verdict == "pass"
    body["texts"] = {"headline": "x", "cta": "Слово " * 60}
    refused = client.post(
        "/api/v1/templates/announcement/render", body, content_type="application/json", headers=auth
    )
    assert refused.status_code == 400 and "cta" in refused.json()["detail"]
    anonymous = client.post(
        "/api/v1/templates/announcement/render", body, content_type="application/json"
    )
    assert anonymous.status_code == 401


# -- in the app -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_topic_owner_previews_and_saves_banners_as_one_draft_asset(client, ska, topic_owner):
    from brandkit.library.models import Asset

    client.force_login(topic_owner)
    url = "/library/banners/new/?template=event"
    page = client.get(url)
    assert page.status_code == 200 and 'name="when_ru"' in page.content.decode()
    form = {
        "template": "event",
        "presets": ["facebook-link", "instagram-square"],
        "headline_et": "Avatud uste päev Tallinnas",
        "when_et": "12. märts kell 10",
        "headline_ru": "День открытых дверей в Таллинне",
        "when_ru": "12 марта в 10:00",
        "action": "preview",
    }
    preview = client.post(url, form).content.decode()
    assert preview.count('src="data:image/png;base64,') == 4  # 2 sizes × 2 languages
    assert 'alt="День открытых дверей в Таллинне. 12 марта в 10:00."' in preview
    captions = re.findall(r"<figcaption>([^<]*)</figcaption>", preview)
    assert captions and not [c for c in captions if "-link" in c or "web-" in c]  # names
    assert Asset.objects.count() == 0
    saved = client.post(url, form | {"action": "save"})
    assert saved.status_code == 302
    asset = Asset.objects.get()
    assert asset.languages == "et ru" and asset.title_et == "Avatud uste päev Tallinnas"
    assert asset.alt_text_ru == "День открытых дверей в Таллинне. 12 марта в 10:00."
    versions = list(asset.versions.order_by("number"))
    assert len(versions) == 4
    assert {(v.width, v.height) for v in versions} == {(1200, 628), (1080, 1080)}
    assert all(v.state == "draft" and v.verdict == "pass" for v in versions)


@pytest.mark.django_db
def test_text_that_cannot_fit_is_shown_and_nothing_is_saved(client, ska, topic_owner):
    from brandkit.library.models import Asset, StagedUpload

    client.force_login(topic_owner)
    form = {
        "template": "announcement",
        "presets": ["web-content"],
        "headline_et": "Teade",
        "cta_et": "Loe " * 50,
        "action": "save",
    }
    answer = client.post("/library/banners/new/", form)
    assert answer.status_code == 200
    assert "cta" in answer.content.decode()
    assert Asset.objects.count() == 0 and StagedUpload.objects.count() == 0


@pytest.mark.django_db
def test_an_approved_library_photo_fills_the_image_slot_around_its_focal_point(
    client, ska, topic_owner, web_manager
):
    from tests.library_helpers import make_asset

    photo = Image.new("RGB", (1600, 900), (90, 120, 90))
    photo.paste((250, 250, 250), (1300, 300, 1400, 400))  # the focal area, near the right
    buf = io.BytesIO()
    photo.save(buf, "JPEG", quality=90)
    asset, _version = make_asset(
        topic_owner,
        ska,
        state="approved",
        manager=web_manager,
        data=buf.getvalue(),
        name="foto.jpg",
        kind="photo",
        title_et="Foto",
        preset_slug="",
        override_reason="Foto, mitte bänner",
    )
    client.force_login(topic_owner)
    url = "/library/banners/new/?template=announcement"
    page = client.get(url).content.decode()
    assert f'<option value="{asset.pk}">Foto</option>' in page
    form = {
        "template": "announcement",
        "presets": ["instagram-square"],
        "headline_et": "Teade",
        "photo": asset.pk,
        "focal_x": 84,
        "focal_y": 39,
        "action": "preview",
    }
    answer = client.post(url, form).content.decode()
    src = answer.split('src="data:image/png;base64,')[1].split('"')[0]
    import base64

    banner = Image.open(io.BytesIO(base64.b64decode(src))).convert("RGB")
    # the square layout's image box is the top 40 %: the light focal square is inside it
    box = banner.crop((0, 0, 1080, 432))
    import numpy as np

    assert np.asarray(box).astype(int).sum(axis=2).max() > 690


@pytest.mark.django_db
def test_the_api_takes_a_photo_and_refuses_bad_base64(client, ska, web_manager):
    import base64

    from brandkit.api.models import ApiToken

    _row, secret = ApiToken.objects.issue("website-cms", web_manager)
    auth = {"Authorization": f"Bearer {secret}"}
    photo = io.BytesIO()
    Image.new("RGB", (800, 600), (90, 120, 90)).save(photo, "JPEG")
    body = {
        "preset": "x-post",
        "texts": {"headline": "Avatud uste päev"},
        "image_base64": base64.b64encode(photo.getvalue()).decode(),
        "focal": [0.3, 0.6],
    }
    url = "/api/v1/templates/announcement/render"
    answer = client.post(url, body, content_type="application/json", headers=auth)
    assert answer.status_code == 200 and answer["X-Banner-Size"] == "1600x900"
    bad = client.post(
        url, body | {"image_base64": "not base64!"}, content_type="application/json", headers=auth
    )
    assert bad.status_code == 400 and "base64" in bad.json()["detail"]
    junk = client.post(
        url,
        body | {"image_base64": base64.b64encode(b"PK\x03\x04").decode()},
        content_type="application/json",
        headers=auth,
    )
    assert junk.status_code == 400 and "Pilti ei saa lugeda" in junk.json()["detail"]
