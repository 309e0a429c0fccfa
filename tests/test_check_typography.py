"""The typography check: font names, generic families, embedding and minimum size."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import typography
from brandkit.checks.types import Decoded, PdfDocument, PdfFont, SvgDocument, SvgText

BRANDBOOK = parse_file(SKA_BRANDBOOK)
ALLOWED = typography.Allowed(BRANDBOOK)


def text(families, size=24.0, content="Sotsiaalkindlustusamet", path="svg/text[1]", weight=400):
    return SvgText(
        text=content,
        font_families=families,
        font_size_px=size,
        font_weight=weight,
        fill=(255, 255, 255),
        background=(0, 51, 160),
        element_path=path,
    )


def svg(*texts, declared=None) -> Decoded:
    families = declared if declared is not None else [f for t in texts for f in t.font_families]
    return Decoded(
        format="svg",
        size_bytes=100,
        svg=SvgDocument(
            width=100, height=100, colours=[], texts=list(texts), font_families=families
        ),
    )


def pdf(*fonts) -> Decoded:
    return Decoded(
        format="pdf",
        size_bytes=100,
        pdf=PdfDocument(page_count=1, page_sizes_pt=[(595, 842)], fonts=list(fonts), pages=[]),
    )


def run(decoded):
    return typography.check(decoded, BRANDBOOK, None)


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Roboto Condensed", "Roboto Condensed"),
        ("RobotoCondensed-Bold", "Roboto Condensed"),
        ("RobotoCondensed-BoldItalic", "Roboto Condensed"),
        ("ABCDEF+RobotoSlab-Regular", "Roboto Slab"),
        ("Roboto-Regular", "Roboto"),
        ("roboto", "Roboto"),
        ("ArialMT", "Arial"),
        ("Arial-BoldMT", "Arial"),
        ("Arial,Bold", "Arial"),
        ("Arial Bold", "Arial"),
        ("TimesNewRomanPSMT", "Times New Roman"),
        ("TimesNewRomanPS-BoldItalicMT", "Times New Roman"),
        ("Times-Roman", "Times New Roman"),
        ("Helvetica-Oblique", "Helvetica"),
        ("Georgia", "Georgia"),
        ("'Roboto Slab'", "Roboto Slab"),
    ],
)
def test_font_names_match_their_family(name, family):
    assert ALLOWED.match(name) == family


@pytest.mark.parametrize(
    "name", ["Comic Sans MS", "ComicSansMS-Bold", "Courier", "Roboto Mono", "Verdana", "Calibri"]
)
def test_other_fonts_do_not_match(name):
    assert ALLOWED.match(name) is None


def test_brand_family_with_fallbacks_passes():
    assert run(svg(text(["Roboto", "Arial", "sans-serif"]))) == []
    assert run(svg(text(["Roboto Slab", "Georgia", "serif"]))) == []


def test_disallowed_family_in_svg_is_an_error_naming_the_element():
    findings = run(svg(text(["Comic Sans MS", "cursive"], path="svg/g/text[2]")))
    assert codes(findings) == ["typography.disallowed_font", "typography.disallowed_font"]
    by_font = {f.details["font"]: f for f in findings}
    comic = by_font["Comic Sans MS"]
    assert comic.severity == "error"
    assert comic.details["reason"] == "unknown"
    assert comic.details["where"] == ["svg/g/text[2]"]
    assert "svg/g/text[2]" in comic.messages["et"]
    assert "Roboto Condensed" in comic.messages["en"]
    assert by_font["cursive"].details["reason"] == "generic_not_listed"


def test_generic_family_only_as_the_last_fallback():
    findings = run(svg(text(["Roboto", "sans-serif", "Arial"])))
    assert [(f.details["font"], f.details["reason"]) for f in findings] == [
        ("sans-serif", "generic_not_last")
    ]


def test_a_generic_family_alone_names_no_brand_typeface():
    findings = run(svg(text(["sans-serif"])))
    assert [(f.details["font"], f.details["reason"]) for f in findings] == [
        ("sans-serif", "generic_only")
    ]


def test_family_declared_in_css_only_is_checked():
    findings = run(svg(text(["Roboto"]), declared=["Roboto", "Papyrus", "serif"]))
    assert [f.details["font"] for f in findings] == ["Papyrus"]


def test_same_problem_in_many_elements_is_one_finding():
    texts = [text(["Verdana"], path=f"svg/text[{i}]") for i in range(1, 8)]
    [found] = run(svg(*texts))
    assert len(found.details["where"]) == 7
    assert "(+2 veel)" in found.messages["et"]


def test_text_smaller_than_the_minimum():
    findings = run(svg(text(["Roboto"], size=10.5, content="Väike kiri", path="svg/text[3]")))
    [small] = findings
    assert small.code == "typography.too_small"
    assert small.severity == "error"
    assert small.details["size_px"] == 10.5 and small.details["min_px"] == 14
    assert "10,5 px" in small.messages["et"] and "14 px" in small.messages["et"]
    assert "Väike kiri" in small.messages["en"]
    assert run(svg(text(["Roboto"], size=14))) == []
    assert run(svg(text(["Roboto"], size=None))) == []


def test_pdf_fonts_not_embedded_and_not_allowed():
    findings = run(
        pdf(
            PdfFont("RobotoCondensed-Bold", True, [1, 2]),
            PdfFont("ArialMT", False, [2]),
            PdfFont("ComicSansMS", True, [1]),
            PdfFont("ZapfDingbats", True, [1]),
        )
    )
    assert sorted(codes(findings)) == ["typography.disallowed_font", "typography.not_embedded"]
    by_code = {f.code: f for f in findings}
    assert by_code["typography.disallowed_font"].details["font"] == "ComicSansMS"
    assert by_code["typography.disallowed_font"].details["pages"] == [1]
    loose = by_code["typography.not_embedded"]
    assert loose.severity == "error"
    assert loose.details == {"font": "ArialMT", "pages": [2]}
    assert "ArialMT" in loose.messages["et"] and "lk 2" in loose.messages["et"]


def test_rasters_have_no_typography_findings():
    assert typography.check(Decoded(format="png", size_bytes=1), BRANDBOOK, None) == []


def test_name_forms_keep_condensed_and_roman():
    forms = typography.name_forms("RobotoCondensed-Bold")
    assert "robotocondensed" in forms and "roboto" not in forms
    assert "timesnewroman" in typography.name_forms("TimesNewRomanPSMT")


@settings(max_examples=200, deadline=None)
@given(name=st.text(max_size=60))
def test_any_font_name_is_handled(name):
    ALLOWED.match(name)  # must not raise
    findings = run(pdf(PdfFont(name, False, [1])))
    assert all(f.code.startswith("typography.") for f in findings)


def test_css_wide_keywords_are_not_families():
    assert run(svg(text(["inherit"]), declared=["initial", "Roboto"])) == []
