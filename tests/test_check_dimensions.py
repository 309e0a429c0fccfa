"""The dimensions check against the SKA presets, on Decoded objects built by hand."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import dimensions
from brandkit.checks.types import Decoded, PdfDocument, RasterImage, SvgDocument

BRANDBOOK = parse_file(SKA_BRANDBOOK)
PRESETS = {p["slug"]: p for p in BRANDBOOK["presets"]}
MM = 72 / 25.4  # points per mm


def raster(width, height, fmt="png", size=10_000, dpi=None) -> Decoded:
    pixels = np.zeros((min(height, 8), min(width, 8), 3), np.uint8)
    return Decoded(
        format=fmt,
        size_bytes=size,
        raster=RasterImage(width=width, height=height, pixels=pixels, dpi=dpi),
    )


def svg(width, height) -> Decoded:
    return Decoded(
        format="svg",
        size_bytes=500,
        svg=SvgDocument(width=width, height=height, colours=[], texts=[], font_families=[]),
    )


def pdf(*sizes_mm) -> Decoded:
    return Decoded(
        format="pdf",
        size_bytes=5_000,
        pdf=PdfDocument(
            page_count=len(sizes_mm),
            page_sizes_pt=[(w * MM, h * MM) for w, h in sizes_mm],
            fonts=[],
            pages=[],
        ),
    )


def check(decoded, slug):
    return dimensions.check(decoded, BRANDBOOK, PRESETS[slug] if slug else None)


def codes(findings):
    return sorted(f.code for f in findings)


def only(findings, code):
    assert codes(findings) == [code], codes(findings)
    return findings[0]


def test_exact_size_passes():
    assert check(raster(1920, 600), "web-hero") == []


def test_exact_preset_with_another_size_is_a_size_mismatch():
    found = only(check(raster(1600, 500), "web-hero"), "dimensions.size_mismatch")
    assert found.severity == "error"
    assert found.details["width"] == 1600 and found.details["expected_width"] == 1920
    assert found.details["same_aspect"] is True
    et = found.messages["et"]
    assert "1\u00a0600 × 500 px" in et and "1\u00a0920 × 600 px" in et
    assert "1,920 × 600 px" in found.messages["en"]


def test_exact_preset_wrong_aspect_says_so():
    found = only(check(raster(1920, 700), "web-hero"), "dimensions.size_mismatch")
    assert found.details["same_aspect"] is False
    assert "aspect" not in found.messages["en"]


def test_aspect_preset_accepts_any_size_within_tolerance():
    assert check(raster(2400, 1256), "facebook-link") == []  # exactly 2x
    assert check(raster(1200, 630), "facebook-link") == []  # 0.3% off


def test_aspect_preset_outside_tolerance_is_an_aspect_mismatch():
    found = only(check(raster(1200, 800), "facebook-link"), "dimensions.aspect_mismatch")
    assert found.severity == "error"
    assert found.details["aspect"] == pytest.approx(1.5)
    assert found.details["expected_aspect"] == pytest.approx(1200 / 628, abs=1e-4)
    assert found.details["suggested_height"] == pytest.approx(628.0, abs=0.1)
    assert "1,500" in found.messages["et"] and "1,911" in found.messages["et"]
    assert "628 px" in found.messages["en"]


def test_aspect_preset_smaller_than_the_size_is_a_warning():
    found = only(check(raster(600, 314), "facebook-link"), "dimensions.smaller_than_preset")
    assert found.severity == "warning"


def test_format_not_allowed():
    found = only(
        check(raster(1200, 628, fmt="webp"), "facebook-link"), "dimensions.format_not_allowed"
    )
    assert found.severity == "error"
    assert found.details["allowed"] == ["png", "jpeg"]
    assert "WebP" in found.messages["et"] and "PNG, JPEG" in found.messages["et"]


def test_too_many_bytes():
    found = only(
        check(raster(1920, 600, size=612_345), "web-hero"), "dimensions.file_too_large_for_preset"
    )
    assert found.details == {"bytes": 612_345, "max_bytes": 512_000, "preset": "web-hero"}
    assert "612\u00a0345 baiti" in found.messages["et"]
    assert "512\u00a0000 baiti (500,0\u00a0KiB)" in found.messages["et"]
    assert "612,345 bytes" in found.messages["en"]
    assert check(raster(1920, 600, size=512_000), "web-hero") == []


def test_print_raster_at_300_dpi_passes_in_either_orientation():
    assert check(raster(2480, 3508), "print-a4") == []
    assert check(raster(3508, 2480), "print-a4") == []


def test_print_raster_below_min_dpi_reports_the_effective_dpi():
    found = only(check(raster(1000, 1414, dpi=(300, 300)), "print-a4"), "dimensions.low_resolution")
    assert found.severity == "error"
    assert found.details["effective_dpi"] == pytest.approx(1000 / (210 / 25.4), abs=0.1)
    assert found.details["required_width"] == 2480
    assert found.details["declared_dpi"] == [300, 300]
    assert "121 dpi" in found.messages["et"] and "300 dpi" in found.messages["et"]


def test_print_raster_with_wrong_aspect():
    found = check(raster(4000, 4000), "print-a4")  # enough pixels, square
    assert codes(found) == ["dimensions.aspect_mismatch"]
    found = check(raster(3000, 3000), "print-a4")  # and 3000 px is too few for 297 mm
    assert codes(found) == ["dimensions.aspect_mismatch", "dimensions.low_resolution"]


def test_pdf_page_at_trim_size_passes():
    assert check(pdf((210, 297)), "print-a4") == []
    assert check(pdf((210.8, 296.4)), "print-a4") == []  # within 1 mm
    assert check(pdf((297, 210)), "print-a4") == []  # landscape


def test_pdf_page_with_bleed_up_to_3_mm_passes():
    assert check(pdf((216, 303)), "print-a4") == []


def test_pdf_page_with_more_bleed_or_other_size_fails():
    found = only(check(pdf((226, 313)), "print-a4"), "dimensions.size_mismatch")
    assert found.details["pages"][0]["width_mm"] == pytest.approx(226, abs=0.1)
    found = only(check(pdf((210, 297), (216, 279)), "print-a4"), "dimensions.size_mismatch")
    assert [p["page"] for p in found.details["pages"]] == [2]
    assert "(lk 2: 216 × 279 mm)" in found.messages["et"]


def test_pdf_page_of_the_same_aspect_is_scaled_with_a_warning():
    found = only(check(pdf((148, 210)), "print-a4"), "dimensions.page_scaled")  # A5
    assert found.severity == "warning"


def test_svg_uses_its_size_and_scales_at_the_right_aspect():
    assert check(svg(1920, 600), "web-hero") == []
    found = only(check(svg(960, 300), "web-hero"), "dimensions.svg_scaled")
    assert found.severity == "info"
    found = only(check(svg(1000, 1000), "web-hero"), "dimensions.aspect_mismatch")
    assert found.severity == "error"


def test_svg_without_size():
    found = only(check(svg(None, None), "web-hero"), "dimensions.unknown_size")
    assert found.severity == "warning"


def test_no_preset_gives_only_the_size():
    found = only(check(raster(1920, 600), None), "dimensions.size")
    assert found.severity == "info"
    assert found.details["width"] == 1920 and found.details["unit"] == "px"
    found = only(check(pdf((210, 297)), None), "dimensions.size")
    assert found.details["width_mm"] == pytest.approx(210.0)
    assert "210 × 297 mm" in found.messages["en"]
    assert "мм" in found.messages["ru"]


def test_every_message_has_three_languages():
    for decoded, slug in [
        (raster(1600, 500, size=10**7), "web-hero"),
        (raster(1200, 800, fmt="webp"), "facebook-link"),
        (raster(1000, 1414), "print-a4"),
        (pdf((226, 313)), "print-a4"),
    ]:
        for found in check(decoded, slug):
            assert set(found.messages) == {"et", "en", "ru"}
            assert all(found.messages.values())


SIZES = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10, 100_000),
)


@settings(max_examples=200, deadline=None)
@given(w=SIZES, h=SIZES, slug=st.sampled_from([None, *PRESETS]))
@example(w=1.0, h=5.617791046444737e307, slug="web-hero")  # overflowed to inf in a message
@example(w=1.0, h=5e-324, slug="print-a4")  # underflowed to 0 when converted to mm
def test_any_svg_or_pdf_size_is_handled(w, h, slug):
    for found in check(svg(w, h), slug):
        assert found.code.startswith("dimensions.")
    decoded = Decoded(
        format="pdf",
        size_bytes=1,
        pdf=PdfDocument(page_count=1, page_sizes_pt=[(w, h)], fonts=[], pages=[]),
    )
    for found in check(decoded, slug):
        assert found.code.startswith("dimensions.")
