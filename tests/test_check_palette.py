"""The colour check on generated images and declared SVG/PDF colours (no decoder involved)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image, ImageDraw

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import palette
from brandkit.checks.types import Decoded, PdfDocument, RasterImage, SvgColour, SvgDocument
from brandkit.colour import delta_e_2000, srgb8_to_lab
from tests.corpus.build_content_corpus import (
    BLUE,
    GOLD,
    NEAR_BLUE,
    OTHER_BLUE,
    RED,
    WHITE,
    banner,
    font,
    with_photo,
    with_rect,
)

BRANDBOOK = parse_file(SKA_BRANDBOOK)


def raster(img: Image.Image, alpha: np.ndarray | None = None) -> Decoded:
    pixels = np.asarray(img.convert("RGB"))
    return Decoded(
        format="png",
        size_bytes=0,
        raster=RasterImage(width=img.width, height=img.height, pixels=pixels, alpha=alpha),
    )


def jpeg(img: Image.Image, quality: int = 85) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def run(decoded: Decoded, brandbook: dict = BRANDBOOK):
    return palette.check(decoded, brandbook, None)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def one(findings, code: str):
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, f"{code}: {codes(findings)}"
    return matching[0]


def off(findings):
    return [f for f in findings if f.code == "colour.off_palette"]


def de00(a, b) -> float:
    return float(
        delta_e_2000(srgb8_to_lab(np.array(a, np.uint8)), srgb8_to_lab(np.array(b, np.uint8)))
    )


# --- rasters: the required cases -----------------------------------------------------------


def test_hard_edged_flat_banner_in_brand_colours_passes():
    findings = run(raster(banner(antialias=False)))
    assert off(findings) == []
    coverage = one(findings, "colour.palette_coverage")
    assert coverage.severity == "info"
    assert coverage.details["in_palette"] == 1.0
    assert coverage.details["colours"]["state-blue"] > 0.8
    assert coverage.details["colours"]["state-gold"] > 0.02
    assert coverage.details["colours"]["white"] > 0.005
    assert coverage.details["photo_share"] < 0.01
    assert "colour.photo_area" not in codes(findings)


def test_anti_aliased_text_still_passes_and_edges_count_as_blends():
    img = banner()
    pixels = np.asarray(img).reshape(-1, 3)
    brand = np.array([BLUE, GOLD, WHITE])
    exact = (pixels[:, None, :] == brand[None]).all(axis=2).any(axis=1)
    assert (~exact).mean() > 0.005  # the text really is anti-aliased: many in-between pixels
    findings = run(raster(img))
    assert off(findings) == []
    coverage = one(findings, "colour.palette_coverage")
    assert coverage.details["in_palette"] == 1.0
    assert coverage.details["blend_share"] > 0.003
    assert coverage.details["photo_share"] < 0.01


def test_anti_aliased_text_in_a_jpeg_still_passes():
    findings = run(raster(jpeg(banner())))
    assert off(findings) == []
    assert "colour.photo_area" not in codes(findings)


def test_large_red_area_fails_with_coverage_nearest_colour_and_delta_e():
    img = with_rect(banner(), (1100, 0, 1919, 599), RED)
    findings = run(raster(img))
    [red] = off(findings)
    assert red.severity == "error"
    assert red.details["hex"] == "#E30613"
    assert red.details["coverage"] == pytest.approx(820 / 1920, abs=0.01)
    # the nearest brand colour and its distance, computed independently
    distances = {c["slug"]: de00(RED, c["rgb"]) for c in BRANDBOOK["colour"]["colours"]}
    nearest = min(distances, key=distances.get)
    assert red.details["nearest"]["slug"] == nearest
    assert red.details["delta_e2000"] == pytest.approx(round(distances[nearest], 2), abs=0.01)
    assert red.details["off_palette_share"] > 0.4
    assert "#E30613" in red.messages["et"] and "42,7%" in red.messages["et"]
    assert "42.7%" in red.messages["en"] and "42,7\u00a0%" in red.messages["ru"]
    coverage = one(findings, "colour.palette_coverage")
    assert coverage.details["in_palette"] == pytest.approx(1 - red.details["off_palette_share"])


def test_near_miss_blue_within_tolerance_passes():
    assert de00(NEAR_BLUE, BLUE) < 3.0
    findings = run(raster(banner(background=NEAR_BLUE)))
    assert off(findings) == []
    assert one(findings, "colour.palette_coverage").details["colours"]["state-blue"] > 0.8


def test_other_blue_well_beyond_tolerance_fails():
    distance = de00(OTHER_BLUE, BLUE)
    assert distance > 3.0
    findings = run(raster(banner(background=OTHER_BLUE)))
    [blue] = off(findings)
    assert blue.severity == "error"
    assert blue.details["hex"] == "#1F4FC0"
    assert blue.details["nearest"] == {"slug": "state-blue", "hex": "#0033A0"}
    assert blue.details["delta_e2000"] == pytest.approx(distance, abs=0.01)
    assert blue.details["coverage"] > 0.8


def test_photo_covering_30_percent_is_reported_not_failed():
    findings = run(raster(with_photo(banner(), 0.3)))
    assert off(findings) == []
    photo = one(findings, "colour.photo_area")
    assert photo.severity == "info"
    assert photo.details["share"] == pytest.approx(0.3, abs=0.03)
    assert "30%" in photo.messages["et"] or "29%" in photo.messages["et"]


def test_photo_in_a_jpeg_is_reported_not_failed():
    findings = run(raster(jpeg(with_photo(banner(1200, 628), 0.3))))
    assert off(findings) == []
    assert one(findings, "colour.photo_area").details["share"] == pytest.approx(0.3, abs=0.04)


def test_photo_does_not_hide_an_off_palette_area_next_to_it():
    img = with_rect(with_photo(banner(), 0.3), (700, 0, 1000, 599), RED)  # ~15.6%
    [red] = off(run(raster(img)))
    assert red.severity == "error"
    assert red.details["coverage"] == pytest.approx(300 / 1920, abs=0.01)
    # the share is of the checked (non-photo) area
    assert red.details["off_palette_share"] == pytest.approx((300 / 1920) / 0.7, abs=0.02)


# --- the rules in detail ---------------------------------------------------------------------


def test_small_off_palette_area_within_max_off_palette_is_a_warning():
    img = with_rect(banner(), (1500, 100, 1500 + 191, 100 + 59), RED)  # 191*60 = 1.0%
    [red] = off(run(raster(img)))
    assert red.severity == "warning"
    assert red.details["coverage"] == pytest.approx(0.01, abs=0.002)
    assert red.details["max_off_palette"] == 0.02


def test_off_palette_area_just_over_max_off_palette_is_an_error():
    img = with_rect(banner(), (1500, 100, 1500 + 191, 100 + 179), RED)  # 3.0%
    [red] = off(run(raster(img)))
    assert red.severity == "error"
    assert red.details["off_palette_share"] == pytest.approx(0.03, abs=0.003)


def test_a_speck_below_the_significance_threshold_is_not_reported():
    img = with_rect(banner(), (1500, 100, 1500 + 59, 100 + 59), RED)  # 0.3%
    assert off(run(raster(img))) == []


def test_thin_lines_of_an_off_palette_colour_still_count():
    img = banner()
    draw = ImageDraw.Draw(img)
    for y in range(0, 600, 13):  # 1-px lines: no pixel is flat; 1/13 = 7.7% of the image
        draw.line((0, y, 1919, y), fill=RED)
    [red] = off(run(raster(img)))
    assert red.details["hex"] == "#E30613"
    assert red.details["coverage"] == pytest.approx(1 / 13, abs=0.01)
    assert red.severity == "error"


def test_a_flat_tint_large_enough_to_be_an_area_is_judged_as_its_own_colour():
    tint = tuple(round((b + w) / 2) for b, w in zip(BLUE, WHITE, strict=True))
    img = with_rect(banner(), (1300, 0, 1919, 599), tint)
    [found] = off(run(raster(img)))
    assert found.severity == "error"
    assert found.details["rgb"] == list(tint)
    assert found.details["mix"]["of"] == ["state-blue", "white"] or found.details["mix"]["of"] == [
        "white",
        "state-blue",
    ]
    assert "toon" in found.messages["et"] and "tint" in found.messages["en"]


def gradient(width: int, height: int, a, b) -> Image.Image:
    ramp = np.linspace(0, 1, width)[None, :, None]
    row = (1 - ramp) * np.array(a) + ramp * np.array(b)
    return Image.fromarray(np.repeat(row, height, axis=0).round().astype(np.uint8))


def test_a_narrow_gradient_between_brand_colours_is_blends_not_off_palette():
    img = banner()
    img.paste(gradient(24, 600, BLUE, WHITE), (1500, 0))  # 1.25% of the image
    findings = run(raster(img))
    assert off(findings) == []
    assert one(findings, "colour.palette_coverage").details["blend_share"] > 0.01


def test_a_large_gradient_is_a_run_of_areas_and_fails_like_them():
    img = banner()
    img.paste(gradient(600, 600, BLUE, WHITE), (1320, 0))  # 31% of the image
    found = off(run(raster(img)))
    assert found and all(f.severity == "error" for f in found)
    assert all(f.details["mix"] is not None for f in found)


def test_edges_blended_in_linear_light_are_blends_too():
    """Text rendered at 4x and reduced with a box filter in linear light (as some renderers
    anti-alias) gives edge colours off the sRGB line between the two colours."""
    big = banner(1920 * 2, 600 * 2)
    from brandkit.colour.transfer import srgb_decode, srgb_encode

    linear = srgb_decode(np.asarray(big) / 255.0)
    reduced = linear.reshape(600, 2, 1920, 2, 3).mean(axis=(1, 3))
    pixels = np.clip(np.rint(srgb_encode(reduced) * 255), 0, 255).astype(np.uint8)
    findings = run(raster(Image.fromarray(pixels)))
    assert off(findings) == []
    coverage = one(findings, "colour.palette_coverage")
    assert coverage.details["blend_share"] > 0.005
    assert coverage.details["photo_share"] < 0.01


def test_neutrals_pass_when_allowed_and_fail_when_not():
    grey = (128, 128, 128)
    img = with_rect(banner(), (1300, 0, 1919, 599), grey)
    findings = run(raster(img))
    assert off(findings) == []
    assert one(findings, "colour.palette_coverage").details["neutral_share"] > 0.3
    strict = {**BRANDBOOK, "colour": {**BRANDBOOK["colour"], "neutrals": False}}
    [found] = off(run(raster(img), strict))
    assert found.details["hex"] == "#808080"
    assert found.severity == "error"


def test_a_tighter_tolerance_turns_the_near_miss_into_a_failure():
    tight = {**BRANDBOOK, "colour": {**BRANDBOOK["colour"], "tolerance_de2000": 0.5}}
    [found] = off(run(raster(banner(background=NEAR_BLUE)), tight))
    assert found.details["hex"] == "#0035A5"
    assert found.details["delta_e2000"] == pytest.approx(de00(NEAR_BLUE, BLUE), abs=0.01)
    assert found.details["tolerance_de2000"] == 0.5


def test_transparent_pixels_are_ignored():
    img = with_rect(banner(), (1100, 0, 1919, 599), RED)
    alpha = np.full((600, 1920), 255, np.uint8)
    alpha[:, 1100:] = 0  # the red part is fully transparent
    assert off(run(raster(img, alpha))) == []
    alpha[:, 1100:] = 200  # now it is visible
    assert off(run(raster(img, alpha)))[0].details["hex"] == "#E30613"


def test_fully_transparent_image():
    img = Image.new("RGB", (100, 100), RED)
    findings = run(raster(img, np.zeros((100, 100), np.uint8)))
    assert codes(findings) == ["colour.no_opaque_pixels"]


def test_at_most_ten_off_palette_colours_largest_first():
    img = Image.new("RGB", (1200, 400), BLUE)
    draw = ImageDraw.Draw(img)
    colours = [(200, 40 + 15 * i, 20) for i in range(12)]  # 12 distinct oranges/reds
    for i, colour in enumerate(colours):
        width = 40 + i * 4
        x = 20 + sum(40 + j * 4 + 10 for j in range(i))
        draw.rectangle((x, 0, x + width - 1, 399), fill=colour)
    found = off(run(raster(img)))
    assert len(found) == 10
    shares = [f.details["coverage"] for f in found]
    assert shares == sorted(shares, reverse=True)
    assert found[0].details["rgb"] == list(colours[-1])  # the widest stripe first


def test_large_images_are_subsampled_with_the_same_verdict():
    img = with_rect(banner(4000, 1250), (2290, 0, 3999, 1249), RED)
    findings = run(raster(img))
    coverage = one(findings, "colour.palette_coverage")
    assert coverage.details["subsample_step"] > 1
    [red] = off(findings)
    assert red.details["coverage"] == pytest.approx(1710 / 4000, abs=0.01)


def test_messages_in_three_languages_with_local_number_format():
    img = with_rect(banner(), (1100, 0, 1919, 599), RED)
    [red] = off(run(raster(img)))
    assert set(red.messages) == {"et", "en", "ru"}
    assert "Lähim brändivärv ΔE00 järgi on" in red.messages["et"]
    assert "lubatud ≤ 3,0" in red.messages["et"]
    assert "allowed ≤ 3.0" in red.messages["en"]
    assert "допустимо ≤ 3,0" in red.messages["ru"]


# --- SVG and PDF ---------------------------------------------------------------------------


def svg_doc(colours: list[SvgColour]) -> Decoded:
    return Decoded(
        format="svg",
        size_bytes=0,
        svg=SvgDocument(width=100, height=100, colours=colours, texts=[], font_families=[]),
    )


def test_svg_declared_colours_off_palette_name_the_element_and_the_colour_as_written():
    colours = [
        SvgColour((0, 51, 160), 1.0, "fill", "svg/rect[1]", "#0033a0"),
        SvgColour((255, 255, 255), 1.0, "fill", "svg/text[1]", "white"),
        SvgColour((128, 128, 128), 1.0, "stroke", "svg/line[1]", "grey"),
        SvgColour((0, 53, 165), 1.0, "stop-color", "svg/defs/linearGradient/stop[1]", "#0035A5"),
        SvgColour((227, 6, 19), 1.0, "fill", "svg/circle[1]", "rgb(227, 6, 19)"),
        SvgColour((227, 6, 19), 1.0, "css", "svg/g/path[2]", "rgb(227, 6, 19)"),
        SvgColour((31, 79, 192), 0.0, "fill", "svg/rect[2]", "#1F4FC0"),  # invisible
    ]
    findings = palette.check(svg_doc(colours), BRANDBOOK, None)
    [red] = off(findings)
    assert red.severity == "error"
    assert red.details["colour"] == "rgb(227, 6, 19)"
    assert red.details["hex"] == "#E30613"
    assert red.details["uses"] == 2
    assert [e["element"] for e in red.details["elements"]] == ["svg/circle[1]", "svg/g/path[2]"]
    assert "rgb(227, 6, 19) (#E30613)" in red.messages["en"]
    assert "svg/circle[1]" in red.messages["et"]
    coverage = one(findings, "colour.palette_coverage")
    assert coverage.details == {"declared_colours": 5, "in_palette": 4, "off_palette": 1}


def test_svg_with_only_brand_colours_has_no_off_palette_finding():
    colours = [SvgColour((0, 51, 160), 1.0, "fill", "svg/rect[1]", "#0033A0")]
    assert off(palette.check(svg_doc(colours), BRANDBOOK, None)) == []


def test_pdf_pages_are_checked_as_rasters_and_vector_colours_listed():
    good = np.asarray(banner(600, 848))
    bad = np.asarray(with_rect(banner(600, 848), (0, 0, 599, 400), RED))
    pdf = PdfDocument(
        page_count=2,
        page_sizes_pt=[(595.28, 841.89)] * 2,
        fonts=[],
        pages=[RasterImage(600, 848, good), RasterImage(600, 848, bad)],
        vector_colours=[(0, 51, 160), (227, 6, 19)],
    )
    findings = palette.check(Decoded(format="pdf", size_bytes=0, pdf=pdf), BRANDBOOK, None)
    [red] = off(findings)
    assert red.details["page"] == 2
    assert red.messages["en"].startswith("Page 2: ")
    vector = one(findings, "colour.vector_colours")
    assert vector.severity == "info"
    assert [c["hex"] for c in vector.details["off_palette"]] == ["#E30613"]


def test_the_reduction_rules_are_documented():
    doc = palette.__doc__
    for words in ("flat", "0.5%", "blend", "linear light", "photo_area", "max_off_palette"):
        assert words in doc


def test_glyph_font_is_available_for_anti_aliasing():
    # the generators draw with the bundled Roboto; without FreeType they fall back silently
    assert font(40).getbbox("A")[2] > 10


# --- never raises -----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pixels=st.integers(1, 40).flatmap(
        lambda h: st.integers(1, 40).flatmap(
            lambda w: arrays(np.uint8, (h, w, 3), elements=st.integers(0, 255))
        )
    ),
    alpha_value=st.one_of(st.none(), st.integers(0, 255)),
)
def test_any_small_raster_gives_a_coverage_or_no_opaque_finding(pixels, alpha_value):
    alpha = None if alpha_value is None else np.full(pixels.shape[:2], alpha_value, np.uint8)
    decoded = Decoded(
        format="png",
        size_bytes=1,
        raster=RasterImage(pixels.shape[1], pixels.shape[0], pixels, alpha=alpha),
    )
    findings = run(decoded)
    found = set(codes(findings))
    assert "colour.palette_coverage" in found or found == {"colour.no_opaque_pixels"}
    for f in off(findings):
        assert f.details["delta_e2000"] > BRANDBOOK["colour"]["tolerance_de2000"]
        assert 0 < f.details["coverage"] <= 1
