"""The contrast check: WCAG ratios of SVG text, and dominant colour pairs of rasters."""

from __future__ import annotations

import numpy as np
import pytest

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import contrast
from brandkit.checks.types import Decoded, RasterImage, SvgDocument, SvgText
from tests.corpus.build_content_corpus import BLUE, GOLD, WHITE, banner

BRANDBOOK = parse_file(SKA_BRANDBOOK)


def text(
    fill, background, size=16.0, weight=400, content="Pensionid ja toetused", path="svg/text[1]"
):
    return SvgText(
        text=content,
        font_families=["Roboto"],
        font_size_px=size,
        font_weight=weight,
        fill=fill,
        background=background,
        element_path=path,
    )


def svg(*texts) -> Decoded:
    return Decoded(
        format="svg",
        size_bytes=100,
        svg=SvgDocument(width=100, height=100, colours=[], texts=list(texts), font_families=[]),
    )


def run(decoded):
    return contrast.check(decoded, BRANDBOOK, None)


def test_white_on_state_blue_passes():
    assert run(svg(text(WHITE, BLUE))) == []


def test_gold_on_blue_fails_for_normal_text_with_ratio_and_requirement():
    [found] = run(svg(text(GOLD, BLUE, size=16, path="svg/g/text[2]")))
    assert found.code == "contrast.insufficient"
    assert found.severity == "error"
    assert found.details["ratio"] == pytest.approx(2.25, abs=0.01)
    assert found.details["required"] == 4.5
    assert found.details["large_text"] is False
    assert found.details["foreground"] == "#85714D" and found.details["background"] == "#0033A0"
    assert "2,25:1" in found.messages["et"] and "4,50:1" in found.messages["et"]
    assert "2.25:1" in found.messages["en"] and "svg/g/text[2]" in found.messages["en"]
    assert "Pensionid ja toetused" in found.messages["ru"]


def test_large_text_rules():
    limits = contrast._thresholds(BRANDBOOK)
    assert contrast.is_large(text(WHITE, BLUE, size=24), limits)
    assert not contrast.is_large(text(WHITE, BLUE, size=23.9), limits)
    assert contrast.is_large(text(WHITE, BLUE, size=18.66, weight=700), limits)
    assert not contrast.is_large(text(WHITE, BLUE, size=18.66, weight=600), limits)
    assert not contrast.is_large(text(WHITE, BLUE, size=18.0, weight=700), limits)


def test_ratio_between_the_two_thresholds_depends_on_size():
    grey = (0x76, 0x76, 0x76)  # 4.54:1 on white
    dim = (0x95, 0x95, 0x95)  # ~3.0:1 on white
    assert run(svg(text(grey, WHITE))) == []
    [small] = run(svg(text(dim, WHITE, size=16)))
    assert small.details["required"] == 4.5
    big = run(svg(text(dim, WHITE, size=32)))
    assert big == [] or big[0].details["required"] == 3.0


def test_ratio_is_compared_unrounded():
    # #777777 on white is 4.48:1: it fails although it is close to 4.5
    [found] = run(svg(text((0x77, 0x77, 0x77), WHITE)))
    assert found.details["ratio"] == pytest.approx(4.48, abs=0.01)


def test_unknown_background_is_information_not_a_verdict():
    findings = run(svg(text(WHITE, None, path="svg/text[4]"), text(None, WHITE)))
    [found] = findings
    assert found.code == "contrast.unknown_background"
    assert found.severity == "info"
    assert found.details["count"] == 2
    assert "svg/text[4]" in found.messages["et"]


def test_dominant_pairs_of_a_raster():
    img = banner()
    decoded = Decoded(
        format="png",
        size_bytes=1,
        raster=RasterImage(width=1920, height=600, pixels=np.asarray(img)),
    )
    [found] = run(decoded)
    assert found.code == "contrast.dominant_pairs"
    assert found.severity == "info"
    pairs = {(p["a"], p["b"]): p["ratio"] for p in found.details["pairs"]}
    assert pairs[("#0033A0", "#FFFFFF")] == pytest.approx(10.6, abs=0.05)
    assert pairs[("#0033A0", "#85714D")] == pytest.approx(2.25, abs=0.05)
    ratios = [p["ratio"] for p in found.details["pairs"]]
    assert ratios == sorted(ratios, reverse=True)
    assert "10,60:1" in found.messages["et"]


def test_a_single_colour_image_has_no_pairs():
    decoded = Decoded(
        format="png",
        size_bytes=1,
        raster=RasterImage(width=50, height=50, pixels=np.full((50, 50, 3), 200, np.uint8)),
    )
    assert run(decoded) == []
