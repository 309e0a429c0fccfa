"""Logos: `logo:` on presets and `channels:` on logos through the brandbook file, the models,
the export and the guide; and the logo check on generated banners (the SKA logo SVGs rendered
and composed with Pillow, see tests/logo_banners.py)."""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
from io import StringIO

import numpy as np
import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from brandkit.brandbooks import SKA_BRANDBOOK, BrandbookInvalid, parse_file, parse_text
from brandkit.brandbooks.parse import LOGO_FILES, content
from brandkit.checks import logo_match, logos, run
from tests import logo_banners as lb

BRANDBOOK = parse_file(SKA_BRANDBOOK)


def preset(slug: str) -> dict:
    return next(p for p in BRANDBOOK["presets"] if p["slug"] == slug)


def confirmed(data: dict = BRANDBOOK) -> dict:
    """The SKA brandbook as if its logo artwork were official (findings become errors)."""
    data = copy.deepcopy(data)
    for logo in data["logos"]:
        logo["confirmed"] = True
    return data


def logo_findings(report) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in report.findings:
        assert not f.code.startswith("internal."), f.details
        if f.code.startswith("logo."):
            found.setdefault(f.code, []).append(f)
    return found


def check(banner: lb.Banner, slug: str | None = "web-hero", fmt="png", quality=85, book=None):
    data = banner.encode(fmt, quality)
    name = "banner.jpg" if fmt == "jpeg" else "banner.png"
    book = book or BRANDBOOK
    chosen = next(p for p in book["presets"] if p["slug"] == slug) if slug else None
    return run(data, filename=name, brandbook=book, preset=chosen)


def close(box, truth, tolerance=3):
    return all(abs(a - b) <= tolerance for a, b in zip(box, truth, strict=True))


# -- the brandbook ----------------------------------------------------------------------------


def test_ska_presets_name_the_logo_the_identity_requires():
    required = {p["slug"]: p.get("logo") for p in BRANDBOOK["presets"]}
    assert required["web-hero"] == required["web-content"] == "coat-of-arms"
    assert all(required[s] is None for s in ("facebook-link", "instagram-square", "x-post"))
    channels = {logo["slug"]: logo["channels"] for logo in BRANDBOOK["logos"]}
    assert "social" not in channels["coat-of-arms"]  # not on social media (BRAND_FACTS)
    assert "social" in channels["three-lions"] and "web" not in channels["three-lions"]


def test_logo_files_are_found_next_to_the_yaml(tmp_path):
    folder = tmp_path / "book"
    shutil.copytree(SKA_BRANDBOOK.parent / "ska", folder / "ska")
    shutil.copy(SKA_BRANDBOOK, folder / "brand.yaml")
    data = parse_file(folder / "brand.yaml")
    for logo in data["logos"]:
        for variant in logo["variants"]:
            path = data[LOGO_FILES][variant["file"]]
            assert path.startswith(str(folder.resolve())) and path.endswith(variant["file"])
    assert len(logos.templates_for(data)) == 5


def test_a_preset_may_only_name_a_known_logo_of_its_channel():
    data = yaml.safe_load(SKA_BRANDBOOK.read_text(encoding="utf-8"))
    data["presets"][0]["logo"] = "no-such-logo"
    data["presets"][2]["logo"] = "coat-of-arms"  # facebook-link: social
    with pytest.raises(BrandbookInvalid) as info:
        parse_text(yaml.safe_dump(data, allow_unicode=True))
    errors = {(e.path, e.message) for e in info.value.errors}
    assert any(p == "presets[0].logo" and "no logo 'no-such-logo'" in m for p, m in errors)
    assert any(p == "presets[2].logo" and "'social'" in m for p, m in errors)


def test_schema_refuses_an_unknown_channel():
    data = yaml.safe_load(SKA_BRANDBOOK.read_text(encoding="utf-8"))
    data["logos"][0]["channels"] = ["web", "tv"]
    with pytest.raises(BrandbookInvalid) as info:
        parse_text(yaml.safe_dump(data, allow_unicode=True))
    assert any(e.path == "logos[0].channels[1]" for e in info.value.errors)


def test_channels_default_to_every_channel():
    data = yaml.safe_load(SKA_BRANDBOOK.read_text(encoding="utf-8"))
    del data["logos"][1]["channels"]
    parsed = parse_text(yaml.safe_dump(data, allow_unicode=True))
    assert parsed["logos"][1]["channels"] == ["web", "social", "print"]


@pytest.mark.django_db
def test_loader_models_and_export_keep_logo_and_channels(tmp_path, ska):
    hero = ska.presets.get(slug="web-hero")
    assert hero.logo.slug == "coat-of-arms" and ska.presets.get(slug="x-post").logo is None
    assert ska.logos.get(slug="coat-of-arms").channels == ["web", "print"]
    data = ska.to_data()
    assert content(data) == content(BRANDBOOK)
    # the stored artwork is what the check reads for a brandbook from the database
    assert len(logos.templates_for(data)) == 5
    call_command("exportbrandbook", "ska", "--output", str(tmp_path), stdout=StringIO())
    exported = yaml.safe_load((tmp_path / "ska.yaml").read_text(encoding="utf-8"))
    assert LOGO_FILES not in exported
    assert exported["presets"][0]["logo"] == "coat-of-arms"
    assert exported["logos"][1]["channels"] == ["social", "print"]


@pytest.mark.django_db
def test_a_preset_cannot_take_a_logo_of_another_channel_or_brandbook(ska):
    from django.core.exceptions import ValidationError

    social = ska.presets.get(slug="facebook-link")
    social.logo = ska.logos.get(slug="coat-of-arms")
    with pytest.raises(ValidationError):
        social.full_clean()
    social.logo = ska.logos.get(slug="three-lions")
    social.full_clean()


@pytest.mark.django_db
def test_guide_shows_the_logo_each_preset_needs(client, ska, topic_owner):
    client.force_login(topic_owner)
    page = re.sub(
        r"\s+", " ", client.get(reverse("rules:guide"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    row = re.search(r"Veebi päisebänner.*?</tr>|Website hero banner.*?</tr>", page).group(0)
    assert 'href="#logo-coat-of-arms"' in row
    facebook = re.search(r"(Facebooki lingipilt|Facebook link image).*?</tr>", page).group(0)
    assert "#logo-" not in facebook
    assert 'id="logo-coat-of-arms"' in page and 'id="logo-three-lions"' in page


# -- the check --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_a_compliant_banner_has_no_logo_findings(fmt):
    banner = lb.banner(width=240)
    report = check(banner, fmt=fmt, book=confirmed())
    assert logo_findings(report) == {}
    assert report.verdict == "pass"


def test_logo_at_its_minimum_size_passes_as_jpeg_85():
    banner = lb.banner(width=120)
    report = check(banner, fmt="jpeg", quality=85, book=confirmed())
    assert logo_findings(report) == {}


def test_missing_logo_is_reported_only_where_a_preset_needs_one():
    banner = lb.banner(logo=None)
    [missing] = logo_findings(check(banner, book=confirmed()))["logo.missing"]
    assert missing.severity == "error" and missing.details["logo"] == "coat-of-arms"
    assert "Coat-of-arms logo" in missing.message("en") and missing.messages["ru"]
    assert logo_findings(check(banner, slug="facebook-link", book=confirmed())) == {}
    assert logo_findings(check(banner, slug=None, book=confirmed())) == {}


def test_placeholder_logos_give_warnings_never_errors():
    report = check(lb.banner(logo=None))  # the SKA logos are confirmed: false
    [missing] = logo_findings(report)["logo.missing"]
    assert missing.severity == "warning" and report.verdict == "pass"
    assert "not confirmed" in missing.message("en")


def test_too_small_logo_with_its_width_and_place():
    banner = lb.banner(width=90)
    [small] = logo_findings(check(banner, book=confirmed()))["logo.too_small"]
    assert small.severity == "error"
    assert abs(small.details["width_px"] - 90) <= 2 and small.details["required_px"] == 120
    assert close(small.details["boxes"][0], banner.box)


def test_distorted_logo_with_its_aspect_change():
    banner = lb.banner(width=240, stretch=1.1)
    [bent] = logo_findings(check(banner, book=confirmed()))["logo.distorted"]
    assert -10.5 < bent.details["aspect_change_pct"] < -8.0  # 1/1.1 - 1 = -9.1 %
    assert close(bent.details["boxes"][0], banner.box)
    assert "narrower" in bent.message("en")


def test_a_slight_stretch_within_two_percent_is_not_distortion():
    report = check(lb.banner(width=240, stretch=1.01), book=confirmed())
    assert "logo.distorted" not in logo_findings(report)


def test_content_inside_the_clear_space_is_marked():
    banner = lb.banner(width=240, intrude=True)
    [space] = logo_findings(check(banner, book=confirmed()))["logo.clear_space"]
    x, y, w, h = banner.box
    assert space.details["needed_px"] == round(0.25 * h)
    # the box marks the intruding block, right of the logo
    bx, by, bw, bh = space.details["boxes"][0]
    assert x + w <= bx <= x + w + space.details["needed_px"]
    assert space.details["content_share"] > 0.02 and space.details["edges"] == []


def test_a_logo_against_the_edge_lacks_its_clear_space():
    banner = lb.banner(width=240, at=(4, 4))
    [space] = logo_findings(check(banner, book=confirmed()))["logo.clear_space"]
    assert set(space.details["edges"]) == {"left", "top"}
    assert "edge" in space.message("en")


def test_positive_variant_on_a_dark_background_is_a_warning():
    banner = lb.banner(variant="et-positive")
    [wrong] = logo_findings(check(banner, book=confirmed()))["logo.wrong_variant"]
    assert wrong.severity == "warning" and wrong.details["background_is_dark"] is True
    light = lb.banner(variant="et-negative", background=lb.flat((1920, 600), lb.WHITE))
    [wrong] = logo_findings(check(light, book=confirmed()))["logo.wrong_variant"]
    assert wrong.details["tone"] == "negative" and wrong.details["background_is_dark"] is False


def test_coat_of_arms_is_forbidden_on_social_media():
    banner = lb.banner((1200, 628), width=200)
    [forbidden] = logo_findings(check(banner, slug="facebook-link", book=confirmed()))[
        "logo.forbidden"
    ]
    assert forbidden.details["channel"] == "social"
    assert forbidden.details["allowed_channels"] == ["web", "print"]
    assert close(forbidden.details["boxes"][0], banner.box)
    lions = lb.banner((1200, 628), logo="three-lions", variant="negative", width=200)
    assert logo_findings(check(lions, slug="facebook-link", book=confirmed())) == {}


def test_boxes_are_in_the_original_pixels_of_a_reduced_image():
    # 3000 x 1500 is more than the analysis size: the decoder reduces it, boxes must not be
    big = lb.banner((3000, 1500), width=450, at=(300, 200), intrude=True)
    report = check(big, slug=None, book=confirmed())
    [space] = logo_findings(report)["logo.clear_space"]
    assert close(space.details["logo_box"], big.box, tolerance=6)


@pytest.mark.parametrize(
    "background",
    [lb.gradient((1920, 600)), lb.photo((1920, 600), seed=3)],
    ids=["gradient", "photo"],
)
def test_logo_found_on_gradients_and_photos(background):
    banner = lb.banner(background=background, width=200, intrude=False)
    report = check(banner, slug="web-hero", fmt="jpeg", quality=80, book=confirmed())
    assert "logo.missing" not in logo_findings(report)


def test_logo_in_an_svg_or_pdf_does_not_break_the_check():
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="600">'
        b'<rect width="1920" height="600" fill="#0033A0"/></svg>'
    )
    report = run(svg, filename="a.svg", brandbook=BRANDBOOK, preset=preset("web-hero"))
    assert not any(f.code.startswith("internal.") for f in report.findings)


@pytest.mark.parametrize(
    "pixels",
    [
        np.zeros((1, 1, 3), np.uint8),
        np.zeros((20, 3000, 3), np.uint8),
        np.full((600, 1920, 3), 255, np.uint8),
        np.random.default_rng(1).integers(0, 256, (400, 700, 3), dtype=np.uint8),
    ],
    ids=["1x1", "sliver", "white", "noise"],
)
def test_odd_images_never_raise(pixels):
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "PNG")
    for book in (BRANDBOOK, confirmed()):
        report = run(buffer.getvalue(), filename="x.png", brandbook=book, preset=preset("web-hero"))
        found = logo_findings(report)
        assert set(found) <= {"logo.missing"}


def test_transparent_image_is_seen_on_white():
    banner = lb.banner(variant="et-positive", background=lb.flat((1920, 600), lb.WHITE))
    rgba = banner.image.convert("RGBA")
    rgba.putalpha(255)
    buffer = io.BytesIO()
    rgba.save(buffer, "PNG")
    report = run(
        buffer.getvalue(), filename="x.png", brandbook=confirmed(), preset=preset("web-hero")
    )
    assert logo_findings(report) == {}


def test_broken_or_missing_artwork_is_skipped_not_failed(tmp_path):
    book = confirmed()
    bad = tmp_path / "bad.svg"
    bad.write_text("<svg this is not svg")
    files = dict(book[LOGO_FILES])
    files["ska/coat-of-arms-et-positive.svg"] = str(bad)
    files["ska/coat-of-arms-et-negative.svg"] = str(tmp_path / "gone.svg")
    files["ska/coat-of-arms-en-positive.svg"] = "/dev/null"
    book[LOGO_FILES] = files
    report = check(lb.banner(), book=book)
    # the required logo cannot be looked for: no false "missing"
    assert "logo.missing" not in logo_findings(report)
    odd_books = (
        content(confirmed()),  # no run-time file list: nothing to look for
        {},
        None,
        {"logos": "nonsense", LOGO_FILES: 5},
        {"logos": [{"slug": "x"}, 3], LOGO_FILES: {"a": 1}},
    )
    for data in odd_books:
        report = run(
            lb.banner().encode(),
            filename="b.png",
            brandbook=data,
            preset=preset("web-hero"),
            checks=("logos",),
        )
        assert report.findings == []


def test_templates_are_rendered_once_per_file():
    logo_match._cache.clear()
    first = logos.templates_for(BRANDBOOK)
    second = logos.templates_for(BRANDBOOK)
    assert [a is b for a, b in zip(first, second, strict=True)] == [True] * 5


def test_checkfile_with_a_brandbook_path_finds_logos_next_to_it(tmp_path):
    folder = tmp_path / "book"
    shutil.copytree(SKA_BRANDBOOK.parent / "ska", folder / "art")
    data = yaml.safe_load(SKA_BRANDBOOK.read_text(encoding="utf-8"))
    for logo in data["logos"]:
        logo["confirmed"] = True
        for variant in logo["variants"]:
            variant["file"] = variant["file"].replace("ska/", "art/")
    (folder / "brand.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    banner = tmp_path / "stretched.png"
    banner.write_bytes(lb.banner(stretch=1.15).encode())
    out = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "checkfile",
            str(banner),
            "--preset",
            "web-hero",
            "--brandbook",
            str(folder / "brand.yaml"),
            "--json",
            stdout=out,
        )
    assert exit_info.value.code == 1
    report = json.loads(out.getvalue().splitlines()[0])
    codes = {f["code"]: f for f in report["findings"]}
    assert codes["logo.distorted"]["severity"] == "error"
    assert len(codes["logo.distorted"]["details"]["boxes"][0]) == 4


def test_print_preset_judges_the_printed_height_in_mm():
    book = confirmed()
    coat = next(logo for logo in book["logos"] if logo["slug"] == "coat-of-arms")
    coat["min_height_mm"] = 18
    page = lb.flat((1240, 1754), lb.WHITE)  # A4 at 150 dpi
    small = lb.banner((1240, 1754), background=page, variant="et-positive", width=240)
    [found] = logo_findings(check(small, slug="print-a4", book=book))["logo.too_small"]
    # 80 px of 1754 px on a 297 mm page: 13.5 mm
    assert found.details["required_mm"] == 18 and 13.0 < found.details["height_mm"] < 14.0
    assert "mm" in found.message("en")
    large = lb.banner((1240, 1754), background=page, variant="et-positive", width=360)
    assert logo_findings(check(large, slug="print-a4", book=book)) == {}  # 120 px = 20.3 mm


@pytest.mark.django_db
def test_admin_offers_only_this_brandbooks_logos_for_a_preset(admin_client, ska, tmp_path):
    other = SKA_BRANDBOOK.read_text(encoding="utf-8").replace('version: "2026.2"', 'version: "9"')
    other = other.replace("slug: ska\n", "slug: other\n", 1)
    (tmp_path / "ska").mkdir()
    for svg in (SKA_BRANDBOOK.parent / "ska").iterdir():
        shutil.copy(svg, tmp_path / "ska" / svg.name)
    (tmp_path / "other.yaml").write_text(other, encoding="utf-8")
    call_command("loadbrandbook", str(tmp_path / "other.yaml"), stdout=StringIO())
    page = admin_client.get(reverse("admin:rules_brandbook_change", args=[ska.pk]))
    assert page.status_code == 200
    form = page.context["inline_admin_formsets"][-1].formset.forms[0]
    offered = set(form.fields["logo"].queryset.values_list("brandbook__slug", flat=True))
    assert offered == {"ska"}


@pytest.mark.django_db
def test_admin_pages_for_a_preset_and_a_logo_render(admin_client, ska):
    hero = ska.presets.get(slug="web-hero")
    page = admin_client.get(reverse("admin:rules_channelpreset_change", args=[hero.pk]))
    assert page.status_code == 200
    offered = set(
        page.context["adminform"].form.fields["logo"].queryset.values_list("slug", flat=True)
    )
    assert offered == {"coat-of-arms", "three-lions"}
    coat = ska.logos.get(slug="coat-of-arms")
    page = admin_client.get(reverse("admin:rules_logo_change", args=[coat.pk]))
    assert page.status_code == 200 and "channels" in page.content.decode()
