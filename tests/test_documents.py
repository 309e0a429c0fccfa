"""Design briefs and tender sets: content read back from the PDFs, PDF/A-3b, fonts, languages.

Pure document code (procurement/documents): no database. The PDFs are rendered once per
language (module-scoped fixtures) because WeasyPrint takes about a second per document.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile

import pypdf
import pytest
from defusedxml import ElementTree

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from procurement.documents import (
    OrderDataError,
    UnsupportedLanguage,
    build_brief,
    build_tender_set,
    render_brief,
    render_tender_set,
    zip_set,
)
from procurement.documents import formatting as fmt
from procurement.documents.coverage import REPLACEMENT, printable, uncovered
from procurement.documents.labels import EN, translated

NBSP = "\u00a0"
LOGO_DIR = SKA_BRANDBOOK.parent
CHECK_CODES = (
    "file.*",
    "svg.unsafe",
    "pdf.unsafe",
    "dimensions.size_mismatch",
    "dimensions.aspect_mismatch",
    "dimensions.format_not_allowed",
    "dimensions.file_too_large_for_preset",
    "dimensions.low_resolution",
    "colour.off_palette",
    "typography.disallowed_font",
    "typography.not_embedded",
    "typography.too_small",
    "contrast.insufficient",
    "metadata.location",
    "metadata.personal_data",
    "metadata.colour_space",
)


def sample_order() -> dict:
    """An order as procurement.models.VisualOrder.to_document_data() builds it (README.md)."""
    return copy.deepcopy(
        {
            "number": "SKA-2026-0007",
            "revision": 3,
            "title": {
                "et": "Pensionitõusu teavituskampaania",
                "en": "Pension increase campaign",
                "ru": "Кампания о повышении пенсий",
            },
            "purpose": "Teavitada pensionäre 2027. aasta pensionitõusust.",
            "background": "Aprillis tõusevad pensionid.\nInimesed küsivad, kui palju.",
            "audience": "Pensionärid ja nende lähedased, 60+",
            "messages": {
                "et": "Pension tõuseb aprillis.",
                "en": "Pensions rise in April.",
                "ru": "Пенсии повышаются в апреле.",
            },
            "deliverables": [
                {
                    "kind": "banner",
                    "preset": "web-hero",
                    "width": 1920,
                    "height": 600,
                    "unit": "px",
                    "formats": ["png", "jpeg"],
                    "languages": ["et", "ru"],
                    "quantity": 2,
                    "notes": "",
                },
                {
                    "kind": "banner",
                    "preset": "facebook-link",
                    "width": 1200,
                    "height": 628,
                    "unit": "px",
                    "formats": ["png"],
                    "languages": ["et", "ru", "en"],
                    "quantity": 1,
                    "notes": "Variant ilma tekstita",
                },
                {
                    "kind": "infographic",
                    "preset": "print-a4",
                    "width": 210,
                    "height": 297,
                    "unit": "mm",
                    "formats": ["pdf"],
                    "languages": ["et"],
                    "quantity": 1,
                    "notes": "",
                },
            ],
            "reference_assets": [
                {"title": "2026. aasta kampaania bänner", "url": "https://brandkit.example/a/12"}
            ],
            "deadline": "2026-12-15",
            "milestones": [
                {"date": "2026-12-01", "what": "Kavandid ülevaatamiseks"},
                {"date": "2026-11-20", "what": "Avakoosolek"},
            ],
            "estimated_value_eur": "12500.00",
            "procurement_route": {
                "slug": "simple",  # the four-document set; low-value: test_documents_issue11
                "name": "Lihthange",
                "threshold_eur": "30000.00",
                "legal_source": "RHS § 14 lg 1",
                "applies_from": "2017-09-01",
            },
            "cpv": [{"code": "79822500-7", "name": "Graafilise disaini teenused"}],
            "accessibility_needs": "Suur kiri ja lihtne keel.",
            "contact": {
                "name": "Mari Maasikas",
                "email": "mari.maasikas@example.ee",
                "phone": "+372 600 0000",
            },
            "owner": {"name": "Mari Maasikas", "unit": "Kommunikatsiooniosakond"},
            "organisation": {
                "name": "Sotsiaalkindlustusamet",
                "address": "Paldiski mnt 80, 15092 Tallinn",
                "registry_code": "70001975",
            },
            "created": "2026-11-25",
        }
    )


# ---- helpers: read a PDF back ------------------------------------------------------------------


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Text per page with every run of white space (line breaks in table cells, no-break
    spaces) as one space, so assertions read naturally."""
    return [" ".join(page.extract_text().split()) for page in reader(pdf).pages]


def all_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def pdfa_claim(pdf: bytes) -> tuple[str | None, str | None]:
    """(pdfaid:part, pdfaid:conformance) from the XMP metadata."""
    xmp = reader(pdf).xmp_metadata
    assert xmp is not None, "no XMP metadata"
    root = ElementTree.fromstring(xmp.stream.get_data().split(b"?>", 1)[1].rsplit(b"<?", 1)[0])
    ns = "{http://www.aiim.org/pdfa/ns/id/}"
    for element in root.iter():
        part = element.get(f"{ns}part") or element.findtext(f"{ns}part")
        if part:
            return part, element.get(f"{ns}conformance") or element.findtext(f"{ns}conformance")
    return None, None


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """{font name without subset prefix: embedded?} over pages and form XObjects (SVG logos)."""
    fonts: dict[str, bool] = {}
    seen: set[int] = set()

    def descriptor_embeds(font) -> bool:
        font = font.get_object()
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            return False
        descriptor = descriptor.get_object()
        return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))

    def walk(resources) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        if id(resources) in seen:
            return
        seen.add(id(resources))
        for font in (resources.get("/Font") or {}).values():
            name = str(font.get_object()["/BaseFont"]).lstrip("/")
            fonts[name.split("+", 1)[-1]] = descriptor_embeds(font)
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))
        for pattern in (resources.get("/Pattern") or {}).values():
            walk(pattern.get_object().get("/Resources"))

    for page in reader(pdf).pages:
        walk(page.get("/Resources"))
    return fonts


def assert_pdfa_3b(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-1.7")
    assert pdfa_claim(pdf) == ("3", "B")


def assert_roboto_only(pdf: bytes) -> None:
    fonts = embedded_fonts(pdf)
    assert fonts, "no fonts found"
    assert all(name.replace("-", "").startswith("Roboto") for name in fonts), fonts
    assert all(fonts.values()), f"not embedded: {[n for n, e in fonts.items() if not e]}"


# ---- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def brandbook():
    return parse_file(SKA_BRANDBOOK)


@pytest.fixture(scope="module")
def briefs(brandbook):
    return {
        lang: render_brief(sample_order(), brandbook, lang, logo_dir=LOGO_DIR)
        for lang in ("et", "en", "ru")
    }


@pytest.fixture(scope="module")
def tender_sets(brandbook):
    return {lang: render_tender_set(sample_order(), brandbook, lang) for lang in ("et", "en")}


# ---- the brief -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["et", "en", "ru"])
def test_brief_shows_the_palette_from_the_brandbook(briefs, brandbook, lang):
    text = all_text(briefs[lang])
    for colour in brandbook["colour"]["colours"]:
        assert colour["hex"] in text
        assert ", ".join(str(v) for v in colour["rgb"]) in text
        if colour.get("pantone"):
            assert colour["pantone"] in text
    assert "#0033A0" in text and "#85714D" in text
    assert "100, 75, 0, 0" in text  # CMYK of state blue
    to_confirm = {"et": "vajab kinnitamist", "en": "to be confirmed", "ru": "требует подтверждения"}
    assert to_confirm[lang] in text  # state blue and gold carry confirmed: false


@pytest.mark.parametrize("lang", ["et", "en", "ru"])
def test_brief_shows_the_deliverable_sizes(briefs, lang):
    text = all_text(briefs[lang])
    for size in ("1920 × 600 px", "1200 × 628 px", "210 × 297 mm"):
        assert size in text


@pytest.mark.parametrize(
    ("lang", "value", "deadline"),
    [
        ("et", "12 500,00 €", "15.12.2026"),
        ("en", "€12,500.00", "15 December 2026"),
        ("ru", "12 500,00 €", "15.12.2026"),
    ],
)
def test_brief_shows_value_and_dates_in_the_language(briefs, lang, value, deadline):
    text = all_text(briefs[lang])
    assert value in text
    assert deadline in text


@pytest.mark.parametrize(
    ("lang", "version", "page"), [("et", "versioon 3", "lk"), ("en", "version 3", "page")]
)
def test_every_page_has_number_version_and_page_x_of_y(briefs, lang, version, page):
    texts = page_texts(briefs[lang])
    count = len(texts)
    assert count > 1
    for number, text in enumerate(texts, start=1):
        assert "SKA-2026-0007" in text
        assert version in text
        assert f"{page} {number} / {count}" in text
    assert f"1 / {count}" in texts[0]


@pytest.mark.parametrize("lang", ["et", "en", "ru"])
def test_brief_acceptance_criteria_are_the_check_codes_with_brandbook_numbers(briefs, lang):
    text = all_text(briefs[lang])
    for code in CHECK_CODES:
        assert code in text, code
    decimal = "," if lang != "en" else "."
    assert f"4{decimal}5:1" in text  # text contrast
    assert "3:1" in text  # large text and non-text
    assert f"18{decimal}66 px" in text  # large bold text
    assert "ΔE00" in text
    assert "2%" in text or "2 %" in text  # max off-palette share
    assert "14 px" in text  # min text size
    assert "300 dpi" in text  # print A4 preset


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("et", ["Lähteülesanne", "Autoriõigused", "varalised õigused", "isiklikud õigused"]),
        ("en", ["Design brief", "economic rights", "moral (personal) rights"]),
        ("ru", ["Бриф на дизайн", "имущественные права", "Личные неимущественные права"]),
    ],
)
def test_brief_has_copyright_terms_marked_for_the_legal_team(briefs, lang, words):
    text = all_text(briefs[lang])
    for word in words:
        assert word in text
    legal = {
        "et": "õigusosakond vaatab",
        "en": "legal department reviews",
        "ru": "юридический отдел",
    }
    assert legal[lang] in text


@pytest.mark.parametrize("lang", ["et", "en", "ru"])
def test_brief_claims_pdfa_3b_is_tagged_and_has_title_and_language(briefs, lang):
    pdf = briefs[lang]
    assert_pdfa_3b(pdf)
    catalog = reader(pdf).trailer["/Root"]
    assert catalog["/Lang"] == lang
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    title = reader(pdf).metadata.title
    assert sample_order()["title"][lang] in title
    assert "SKA-2026-0007" in title


@pytest.mark.parametrize("lang", ["et", "en", "ru"])
def test_brief_embeds_only_bundled_roboto_fonts(briefs, lang):
    assert_roboto_only(briefs[lang])


def test_brief_without_logo_dir_has_no_images_and_still_renders(brandbook):
    html = build_brief(sample_order(), brandbook, "en")
    assert "<img" not in html
    with_logos = build_brief(sample_order(), brandbook, "en", logo_dir=LOGO_DIR)
    assert with_logos.count("<img") >= 2
    assert re.search(r'<img [^>]*alt="[^"]+"', with_logos)


def test_brief_html_is_accessible_structure(brandbook):
    html = build_brief(sample_order(), brandbook, "et", logo_dir=LOGO_DIR)
    assert '<html lang="et">' in html
    assert html.count("<h1>") == 1
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert "<caption>" in html
    assert all('alt="' in tag for tag in re.findall(r"<img [^>]*>", html))


def test_building_is_deterministic(brandbook, briefs):
    assert build_brief(sample_order(), brandbook, "et") == build_brief(
        sample_order(), brandbook, "et"
    )
    again = render_brief(sample_order(), brandbook, "et", logo_dir=LOGO_DIR)
    assert again == briefs["et"]  # same order revision -> same bytes (same sha256)


def test_infographic_asks_for_a_long_text_alternative(brandbook):
    html = build_brief(sample_order(), brandbook, "en")
    assert "long text alternative is a required deliverable" in html
    order = sample_order()
    order["deliverables"] = order["deliverables"][:1]
    assert "required deliverable" not in build_brief(order, brandbook, "en")


def test_custom_size_deliverable(brandbook):
    order = sample_order()
    order["deliverables"].append(
        {
            "kind": "poster",
            "preset": None,
            "width": 500,
            "height": 700,
            "unit": "mm",
            "formats": ["pdf"],
            "languages": ["et"],
            "quantity": 1,
            "notes": "",
        }
    )
    html = build_brief(order, brandbook, "en")
    assert f"500{NBSP}×{NBSP}700{NBSP}mm" in html
    assert "outside the presets" in html


# ---- order data contract -------------------------------------------------------------------------


def test_missing_order_keys_are_a_clear_error(brandbook):
    order = sample_order()
    del order["deliverables"], order["contact"]
    with pytest.raises(OrderDataError, match="deliverables, contact|contact"):
        build_brief(order, brandbook, "et")


def test_unknown_preset_is_a_clear_error(brandbook):
    order = sample_order()
    order["deliverables"][0]["preset"] = "billboard"
    with pytest.raises(OrderDataError, match="billboard"):
        build_brief(order, brandbook, "et")


def test_unknown_route_is_a_clear_error(brandbook):
    order = sample_order()
    order["procurement_route"]["slug"] = "whatever"
    with pytest.raises(OrderDataError, match="procurement_route"):
        build_brief(order, brandbook, "et")


def test_unsupported_languages(brandbook):
    with pytest.raises(UnsupportedLanguage):
        build_brief(sample_order(), brandbook, "de")
    with pytest.raises(UnsupportedLanguage):
        build_tender_set(sample_order(), brandbook, "ru")


# ---- tender set ----------------------------------------------------------------------------------


TENDER_PARTS = {
    "et": ("tehniline-kirjeldus", "kvalifitseerimine-ja-hindamine", "pakkumuse-vorm", "lepingu"),
    "en": ("technical-specification", "qualification-and-evaluation", "offer-form", "contract"),
}


@pytest.mark.parametrize("lang", ["et", "en"])
def test_tender_set_has_each_document_as_its_own_pdfa(tender_sets, lang):
    files = tender_sets[lang]
    assert len(files) == 4
    names = list(files)
    for name, part in zip(names, TENDER_PARTS[lang], strict=True):
        assert name.startswith(f"SKA-2026-0007_v3_{lang}_")
        assert part in name and name.endswith(".pdf")
    for pdf in files.values():
        assert_pdfa_3b(pdf)
        assert_roboto_only(pdf)
        assert reader(pdf).trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", ["et", "en"])
def test_tender_set_content(tender_sets, lang):
    spec, criteria, offer, contract = (all_text(pdf) for pdf in tender_sets[lang].values())
    threshold = "30 000,00 €" if lang == "et" else "€30,000.00"
    assert "RHS § 14 lg 1" in spec and threshold in spec  # the route, from the order's data
    assert "79822500-7" in spec
    assert "#0033A0" in spec and "1920 × 600 px" in spec
    for code in CHECK_CODES:
        assert code in spec
    price = "Pakkumuse maksumus" if lang == "et" else "Price of the offer"
    assert price in criteria and "60" in criteria and "40" in criteria
    assert "100" in criteria
    bidder = "Pakkuja nimi" if lang == "et" else "Name of the tenderer"
    assert bidder in offer
    assert "Infographic" in offer or "Infograafika" in offer
    rights = "varalised õigused" if lang == "et" else "economic rights"
    assert rights in contract
    assert "SHA-256" in contract


def test_tender_zip_lists_every_pdf_and_is_deterministic(tender_sets):
    files = tender_sets["et"]
    archive = zip_set(files)
    assert archive == zip_set(dict(reversed(list(files.items()))))
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        assert zf.namelist() == sorted(files)
        for info in zf.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert zf.read(info) == files[info.filename]
        assert zf.testzip() is None


def test_zip_refuses_paths():
    with pytest.raises(ValueError):
        zip_set({"../evil.pdf": b"x"})
    with pytest.raises(ValueError):
        zip_set({"dir/evil.pdf": b"x"})


def test_evaluation_weights_are_data_and_are_checked(brandbook):
    custom = {
        "price_weight": 70,
        "quality_weight": 30,
        "quality": [{"name": {"et": "Idee", "en": "Idea"}, "weight": 30}],
    }
    htmls = build_tender_set(sample_order(), brandbook, "en", evaluation=custom)
    criteria = list(htmls.values())[1]
    assert ">70<" in criteria and ">30<" in criteria and "Idea" in criteria
    with pytest.raises(ValueError, match="add up"):
        build_tender_set(
            sample_order(),
            brandbook,
            "en",
            evaluation={**custom, "quality": [{"key": "concept", "weight": 10}]},
        )


def test_thresholds_are_not_hard_coded_in_templates(brandbook):
    order = sample_order()
    order["procurement_route"].update(
        slug="simple", name="Lihthange", threshold_eur="50000.00", applies_from="2026-07-01"
    )
    spec = next(iter(build_tender_set(order, brandbook, "et").values()))
    assert f"50{NBSP}000,00{NBSP}€" in spec and "01.07.2026" in spec
    assert "30 000" not in spec and f"30{NBSP}000" not in spec


# ---- formatting, labels, font coverage --------------------------------------------------------


def test_money():
    assert fmt.money("12500.00", "et") == f"12{NBSP}500,00{NBSP}€"
    assert fmt.money("12500", "en") == "€12,500.00"
    assert fmt.money("1234567.891", "ru") == f"1{NBSP}234{NBSP}567,89{NBSP}€"
    assert fmt.money("-5", "en") == "-€5.00"
    assert fmt.money("0.005", "en") == "€0.01"  # half up, not banker's rounding
    with pytest.raises(ValueError):
        fmt.money("12 500", "et")
    with pytest.raises(ValueError):
        fmt.money("NaN", "et")


def test_dates_and_numbers():
    assert fmt.date("2026-12-15", "et") == "15.12.2026"
    assert fmt.date("2026-12-15", "en") == "15 December 2026"
    assert fmt.date("2026-01-05", "ru") == "05.01.2026"
    with pytest.raises(ValueError):
        fmt.date("15.12.2026", "et")
    assert fmt.percent(0.02, "et") == "2%"
    assert fmt.percent(0.025, "ru") == f"2,5{NBSP}%"
    assert fmt.ratio(4.5, "et") == "4,5:1" and fmt.ratio(4.5, "en") == "4.5:1"
    assert fmt.size(1920, 600, "px", "en") == f"1920{NBSP}×{NBSP}600{NBSP}px"
    assert fmt.byte_size(512000, "en") == f"512,000 bytes (500.0{NBSP}KiB)"
    with pytest.raises(ValueError):
        fmt.number(1, "de")


def test_label_sets_are_complete():
    # Every document text has its Estonian translation in the gettext catalogue (msgctxt
    # "document"); Russian covers the brief (rendering the Russian brief proves it).
    missing = [key for key, text in EN.items() if not translated("et", text)]
    assert not missing
    assert sum(1 for text in EN.values() if translated("ru", text)) > 200


def test_every_label_is_drawable_with_the_bundled_fonts():
    for lang in ("et", "en", "ru"):
        for key, text in EN.items():
            found = translated(lang, text) or ""
            assert not uncovered(found), (lang, key, uncovered(found))


def test_uncovered_characters_become_a_replacement_glyph():
    assert printable("Tere 😀 → ok") == f"Tere {REPLACEMENT} {REPLACEMENT} ok"
    assert printable("õäöüšž Привет €\n") == "õäöüšž Привет €\n"
    assert printable(42) == 42
