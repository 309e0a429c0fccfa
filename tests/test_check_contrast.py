"""The contrast check: WCAG ratios of SVG text, and dominant colour pairs of rasters."""

from __future__ import annotations

import numpy as np
import pytest

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import contrast
from brandkit.checks.types import Decoded, PdfDocument, RasterImage, SvgDocument, SvgText
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


# -- thresholds, the findings cap, and the exact messages ----------------------------------------


def test_thresholds_come_from_the_brandbook_or_the_wcag_defaults():
    custom = {
        "accessibility": {
            "text_contrast": 7,
            "large_text_contrast": 4.5,
            "large_text_px": 30,
            "large_bold_text_px": 20,
        }
    }
    assert contrast._thresholds(custom) == {
        "text": 7.0,
        "large": 4.5,
        "large_px": 30.0,
        "large_bold_px": 20.0,
    }
    assert contrast._thresholds({}) == {
        "text": 4.5,
        "large": 3.0,
        "large_px": 24.0,
        "large_bold_px": 18.66,
    }


def test_text_of_unknown_size_is_never_large():
    limits = contrast._thresholds({})
    assert not contrast.is_large(text(WHITE, BLUE, size=None, weight=900), limits)
    assert contrast.is_large(text(WHITE, BLUE, size=24, weight=None), limits)
    assert not contrast.is_large(text(WHITE, BLUE, size=20, weight=None), limits)


def test_a_ratio_exactly_at_the_requirement_passes():
    exact = float(contrast.contrast_ratio(GOLD, BLUE))
    book = {"accessibility": {"text_contrast": exact}}
    assert contrast.check(svg(text(GOLD, BLUE)), book, None) == []
    book = {"accessibility": {"text_contrast": exact + 1e-9}}
    assert len(contrast.check(svg(text(GOLD, BLUE)), book, None)) == 1


def test_custom_requirements_are_applied_and_reported():
    book = {"accessibility": {"text_contrast": 12, "large_text_contrast": 11, "large_text_px": 40}}
    [normal] = contrast.check(svg(text(WHITE, BLUE, size=30)), book, None)
    assert normal.details["required"] == 12.0 and normal.details["large_text"] is False
    [large] = contrast.check(svg(text(WHITE, BLUE, size=40)), book, None)
    assert large.details["required"] == 11.0 and large.details["large_text"] is True


def failing(n):
    return [text(GOLD, BLUE, content=f"Tekst {i}", path=f"svg/text[{i}]") for i in range(1, n + 1)]


@pytest.mark.parametrize("count", [1, 29, 30])
def test_every_failing_text_is_listed_up_to_the_cap(count):
    found = run(svg(*failing(count)))
    assert len(found) == count
    assert [f.details["element"] for f in found] == [f"svg/text[{i}]" for i in range(1, count + 1)]
    assert {f.details["texts_failing"] for f in found} == {count}


@pytest.mark.parametrize("count", [31, 45])
def test_past_the_cap_the_findings_stop_but_count_every_failing_text(count):
    found = run(svg(*failing(count), text(WHITE, None, content="Pildil", path="svg/text[99]")))
    assert [f.code for f in found] == ["contrast.insufficient"] * 30 + [
        "contrast.unknown_background"
    ]
    assert {f.details["texts_failing"] for f in found[:30]} == {count}
    assert found[-1].details["count"] == 1


def test_empty_passing_and_unknown_texts_do_not_stop_the_ones_after_them():
    found = run(
        svg(
            text(GOLD, BLUE, content="  \n ", path="svg/text[1]"),
            text(WHITE, BLUE, path="svg/text[2]"),
            text(WHITE, None, path="svg/text[3]"),
            text(GOLD, BLUE, path="svg/text[4]"),
        )
    )
    assert [(f.code, f.details.get("element")) for f in found] == [
        ("contrast.insufficient", "svg/text[4]"),
        ("contrast.unknown_background", None),
    ]
    assert found[0].details["texts_failing"] == 1


def test_the_insufficient_message_in_three_languages():
    [found] = run(svg(text(GOLD, BLUE, size=16)))
    assert found.messages == {
        "et": "Teksti „Pensionid ja toetused” (svg/text[1], 16 px) kontrast on 2,25:1 "
        "(tekst #85714D taustal #0033A0); teksti jaoks on vaja vähemalt 4,50:1.",
        "en": "Text “Pensionid ja toetused” (svg/text[1], 16 px) has contrast 2.25:1 "
        "(#85714D on #0033A0); text needs at least 4.50:1.",
        "ru": "Контраст текста «Pensionid ja toetused» (svg/text[1], 16 px) — 2,25:1 "
        "(#85714D на #0033A0); для текста нужно не менее 4,50:1.",
    }
    assert found.details == {
        "text": "Pensionid ja toetused",
        "element": "svg/text[1]",
        "ratio": 2.25,
        "required": 4.5,
        "large_text": False,
        "font_size_px": 16,
        "font_weight": 400,
        "foreground": "#85714D",
        "background": "#0033A0",
        "texts_failing": 1,
    }


def test_the_large_text_message_with_a_fractional_size_and_a_long_text():
    content = "Suur   kuldne\ntekst, mis on nii pikk, et see lõigatakse lühemaks"
    [found] = run(svg(text(GOLD, BLUE, size=24.5, weight=700, content=content, path="svg/t")))
    quote = "Suur kuldne tekst, mis on nii pikk, et …"
    assert found.messages == {
        "et": f"Teksti „{quote}” (svg/t, 24,5 px) kontrast on 2,25:1 (tekst #85714D taustal "
        "#0033A0); suure teksti jaoks on vaja vähemalt 3,00:1.",
        "en": f"Text “{quote}” (svg/t, 24.5 px) has contrast 2.25:1 (#85714D on #0033A0); "
        "large text needs at least 3.00:1.",
        "ru": f"Контраст текста «{quote}» (svg/t, 24,5 px) — 2,25:1 (#85714D на #0033A0); "
        "для крупного текста нужно не менее 3,00:1.",
    }
    assert found.details["text"] == " ".join(content.split())  # up to 80 characters
    assert found.details["large_text"] is True and found.details["required"] == 3.0


def test_a_text_of_unknown_size_is_reported_without_one():
    [found] = run(svg(text(GOLD, BLUE, size=None)))
    assert "(svg/text[1]) has contrast" in found.messages["en"]
    assert "(svg/text[1]) kontrast on" in found.messages["et"]
    assert "(svg/text[1]) — 2,25:1" in found.messages["ru"]


def test_the_unknown_background_message_in_three_languages():
    [found] = run(
        svg(
            text(WHITE, None, path="svg/text[4]"),
            text(None, WHITE, content="Teine", path="svg/g/text[1]"),
        )
    )
    assert found.messages == {
        "et": "2 teksti kontrasti ei saanud kontrollida, sest nende taust või värv pole teada "
        "(pilt, üleminek või läbipaistev): „Pensionid ja toetused” svg/text[4], „Teine” "
        "svg/g/text[1]. Kontrollige need käsitsi.",
        "en": "The contrast of 2 text(s) could not be checked because the background or text "
        "colour is unknown (an image, a gradient or transparent): “Pensionid ja toetused” "
        "svg/text[4], “Teine” svg/g/text[1]. Check them by eye.",
        "ru": "Контраст текстов (2) не проверен: неизвестен фон или цвет текста (изображение, "
        "градиент или прозрачность): «Pensionid ja toetused» svg/text[4], «Teine» "
        "svg/g/text[1]. Проверьте их вручную.",
    }
    assert found.details == {
        "texts": [
            {"text": "Pensionid ja toetused", "element": "svg/text[4]"},
            {"text": "Teine", "element": "svg/g/text[1]"},
        ],
        "count": 2,
    }


def test_the_unknown_background_lists_five_places_and_keeps_twenty():
    texts = [text(WHITE, None, content=f"T{i}", path=f"p{i}") for i in range(1, 26)]
    [found] = run(svg(*texts))
    assert found.details["count"] == 25
    assert [t["element"] for t in found.details["texts"]] == [f"p{i}" for i in range(1, 21)]
    assert "“T5” p5 … (+20 more)." in found.messages["en"]
    assert "“T6”" not in found.messages["en"]


# -- dominant pairs: rasters and PDF pages -------------------------------------------------------


def raster(*stripes) -> RasterImage:
    """Vertical stripes of (colour, columns), 10 rows high."""
    width = sum(columns for _colour, columns in stripes)
    pixels = np.zeros((10, width, 3), np.uint8)
    x = 0
    for colour, columns in stripes:
        pixels[:, x : x + columns] = colour
        x += columns
    return RasterImage(width=width, height=10, pixels=pixels)


def png(image: RasterImage) -> Decoded:
    return Decoded(format="png", size_bytes=1, raster=image)


def test_pair_shares_and_ratios_are_exact():
    pairs = contrast.dominant_pairs(raster((GOLD, 6), (BLUE, 12), (WHITE, 9)), {})
    blue, white, gold = 0.4444, 0.3333, 0.2222  # of 27 columns
    assert pairs == [
        {"a": "#0033A0", "b": "#FFFFFF", "a_share": blue, "b_share": white, "ratio": 10.6},
        {"a": "#FFFFFF", "b": "#85714D", "a_share": white, "b_share": gold, "ratio": 4.7},
        {"a": "#0033A0", "b": "#85714D", "a_share": blue, "b_share": gold, "ratio": 2.25},
    ]


def test_the_largest_areas_come_first_with_their_shares():
    pairs = contrast.dominant_pairs(raster((WHITE, 25), (BLUE, 75)), {})
    assert pairs == [
        {"a": "#0033A0", "b": "#FFFFFF", "a_share": 0.75, "b_share": 0.25, "ratio": 10.6}
    ]


def test_only_the_four_largest_areas_are_paired():
    image = raster((BLUE, 40), (WHITE, 30), (GOLD, 20), ((0, 0, 0), 15), ((200, 0, 0), 10))
    pairs = contrast.dominant_pairs(image, {})
    assert len(pairs) == 6
    assert "#C80000" not in {p["a"] for p in pairs} | {p["b"] for p in pairs}


def test_colours_closer_than_the_brandbook_tolerance_are_one_area():
    near_blue = (0, 51, 184)
    image = raster((BLUE, 50), (near_blue, 50))
    assert len(contrast.dominant_pairs(image, {})) == 1  # the default tolerance, 3, parts them
    assert contrast.dominant_pairs(image, {"colour": {"tolerance_de2000": 4}}) == []


def test_the_dominant_pairs_message_in_three_languages():
    [found] = contrast.check(png(raster((WHITE, 25), (BLUE, 75))), {}, None)
    assert found.messages == {
        "et": "Suuremate värvipindade kontrastid: #0033A0 (75%) / #FFFFFF (25%) 10,60:1. "
        "Teksti jaoks on vaja vähemalt 4,50:1 (suur tekst 3,00:1).",
        "en": "Contrast between the largest colour areas: #0033A0 (75%) / #FFFFFF (25%) "
        "10.60:1. Text needs at least 4.50:1 (large text 3.00:1).",
        "ru": "Контраст между крупнейшими цветовыми областями: #0033A0 (75\u00a0%) / #FFFFFF "
        "(25\u00a0%) 10,60:1. Для текста нужно не менее 4,50:1 (крупный текст 3,00:1).",
    }
    assert found.details == {
        "pairs": [
            {"a": "#0033A0", "b": "#FFFFFF", "a_share": 0.75, "b_share": 0.25, "ratio": 10.6}
        ],
        "text_contrast": 4.5,
    }


def test_all_six_pairs_of_four_colours_are_in_the_message():
    image = raster((BLUE, 40), (WHITE, 30), (GOLD, 20), ((0, 0, 0), 10))
    [found] = contrast.check(png(image), {"accessibility": {"text_contrast": 7}}, None)
    for lang in ("et", "en", "ru"):
        assert found.messages[lang].count(":1") == 6 + 2
        assert "(+" not in found.messages[lang]
    assert "7,00:1" in found.messages["et"] and found.details["text_contrast"] == 7.0


def pdf(*pages, page_count=None) -> Decoded:
    return Decoded(
        format="pdf",
        size_bytes=1,
        pdf=PdfDocument(
            page_count=page_count or len(pages),
            page_sizes_pt=[(595.0, 842.0)] * (page_count or len(pages)),
            fonts=[],
            pages=list(pages),
        ),
    )


def test_each_rendered_pdf_page_gets_its_pairs_with_its_number():
    two = raster((WHITE, 25), (BLUE, 75))
    one = raster((GOLD, 10))
    found = contrast.check(pdf(two, one, raster((BLUE, 50), (GOLD, 50)), page_count=5), {}, None)
    assert [f.details["page"] for f in found] == [1, 3]
    assert found[0].messages["et"].startswith("Lk 1: Suuremate värvipindade kontrastid: ")
    assert found[0].messages["en"].startswith("Page 1: Contrast between the largest")
    assert found[0].messages["ru"].startswith("Стр. 1: Контраст между крупнейшими")
    assert found[1].messages["en"].startswith("Page 3: ")
    assert found[1].details["pairs"][0]["ratio"] == 2.25


def test_a_one_page_pdf_has_no_page_numbers():
    [found] = contrast.check(pdf(raster((WHITE, 25), (BLUE, 75))), {}, None)
    assert "page" not in found.details
    assert found.messages["en"].startswith("Contrast between the largest")


def test_a_two_page_pdf_numbers_its_pages():
    found = contrast.check(pdf(raster((GOLD, 10)), raster((WHITE, 25), (BLUE, 75))), {}, None)
    assert [f.details["page"] for f in found] == [2]


def test_a_document_of_no_kind_has_no_findings():
    assert contrast.check(Decoded(format="png", size_bytes=1), {}, None) == []


def test_long_texts_are_cut_to_24_characters_in_messages_and_80_in_details():
    long = "Pensionid ja toetused kõigile, kes neid vajavad " * 3  # 147 characters
    [found] = run(svg(text(WHITE, None, content=long, path="p")))
    quote = "Pensionid ja toetused k…"
    assert f"„{quote}” p" in found.messages["et"]
    assert f"“{quote}” p" in found.messages["en"]
    assert f"«{quote}» p" in found.messages["ru"]
    assert found.details["texts"] == [{"text": " ".join(long.split())[:79] + "…", "element": "p"}]
    [failed] = run(svg(text(GOLD, BLUE, content=long)))
    assert failed.details["text"] == " ".join(long.split())[:79] + "…"
