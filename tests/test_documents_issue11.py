"""Issue 11: the defects a procurement specialist and a lawyer found, each read back from the
rendered PDF text, and the `renderdocument` command checked from outside.

The route of the order comes from the thresholds in the database (as the app and the command
build it), so the legal sources printed are the migrated ones.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from procurement.documents import render_brief, render_tender_set
from procurement.documents.organisation import DEFAULT_ORGANISATION
from procurement.documents.sample import sample_order
from procurement.thresholds import route_data, route_for

ROOT = Path(__file__).resolve().parents[1]
LOGO_DIR = SKA_BRANDBOOK.parent


def text_of(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    )


@pytest.fixture(scope="module")
def brandbook():
    return parse_file(SKA_BRANDBOOK)


def order_for(value: str, **changes) -> dict:
    order = sample_order()
    order["estimated_value_eur"] = value
    order.update(changes)
    return order


@pytest.fixture(scope="module")
def db_routes(django_db_setup, django_db_blocker):
    """The route data per language for a simple, national and international value, from the
    migrated thresholds (2026 rows)."""
    import datetime

    with django_db_blocker.unblock():
        day = datetime.date(2026, 6, 1)
        return {
            (value, lang): route_data(route_for(value, day).threshold, lang)
            for value in ("12500", "45000", "90000", "200000")
            for lang in ("et", "en")
        }


@pytest.fixture(scope="module")
def sets(brandbook, db_routes):
    out = {}
    for value, slug in (("45000", "simple"), ("90000", "national"), ("200000", "international")):
        for lang in ("et", "en"):
            order = order_for(value, procurement_route=db_routes[(value, lang)])
            assert order["procurement_route"]["slug"] == slug
            out[(slug, lang)] = [
                text_of(pdf) for pdf in render_tender_set(order, brandbook, lang).values()
            ]
    return out


@pytest.fixture(scope="module")
def briefs(brandbook):
    return {
        lang: text_of(render_brief(sample_order(), brandbook, lang, logo_dir=LOGO_DIR))
        for lang in ("et", "en", "ru")
    }


# 1. special services 60 000, social services 300 000 (RHS § 14 (2))
def test_1_national_threshold_names_special_and_social_services_apart(sets):
    spec = sets[("national", "et")][0]
    assert "eriteenustele on 60 000 eurot" in spec
    assert "sotsiaalteenustel 300 000 eurot" in spec
    assert "sotsiaal- ja eriteenustel" not in spec
    spec_en = sets[("national", "en")][0]
    assert "special services is EUR 60,000" in spec_en and "social services EUR 300,000" in spec_en


# 2. the EU threshold 2026–2027 names its regulation, without "vajab kinnitamist"
def test_2_eu_threshold_names_regulation_2025_2152(sets):
    spec = sets[("international", "et")][0]
    assert "(EL) 2025/2152" in spec and "140 000 eurot" in spec and "216 000 eurot" in spec
    route_part = spec.split("Hanke liik ja eeldatav maksumus", 1)[1].split("Taust", 1)[0]
    assert "vajab kinnitamist" not in route_part


# 3. simple procurement rules (RHS § 125) and open-procedure deadlines (§ 93)
def test_3_simple_procurement_states_the_rules_of_section_125(sets):
    spec = sets[("simple", "et")][0]
    for part in ("§ 125 lg 2", "vähemalt 5 tööpäeva", "§ 125 lg 4", "§ 95 lg 1", "§ 125 lg 7"):
        assert part in spec
    assert "ooteaeg, § 125 lg 9" in spec
    assert "§ 93 lg 1 p 1" in sets[("national", "et")][0]
    assert "vähemalt 15 päeva" in sets[("national", "et")][0]
    assert "vähemalt 30 päeva" in sets[("international", "et")][0]
    assert "at least 5 working days" in sets[("simple", "en")][0]


# 4. award criteria score the concept and the assigned designer, not the tenderer's past work
def test_4_award_criteria_do_not_score_the_tenderers_past_work(sets):
    criteria = sets[("simple", "et")][1]
    assert "Varasemate tööde kvaliteet" not in criteria
    assert "testkujundus" in criteria
    assert "Lepingut täitma määratud kujundaja kogemus" in criteria
    assert "art 67 lg 2 p b" in criteria
    qualification = criteria.split("Pakkumuste hindamine", 1)[0]
    assert "kirjeldab, kuidas ta ligipääsetavuse tagab" not in qualification
    spec = sets[("simple", "et")][0]
    assert "kuidas ta ligipääsetavuse tagab" in spec


# 5. "või sellega samaväärne" on standards and named products; Roboto required by the identity
def test_5_standards_and_products_carry_or_equivalent(sets, briefs):
    spec = sets[("simple", "et")][0]
    assert "(EN 301 549) või sellega samaväärsele" in spec
    assert "AFDESIGN või SVG või muu sellega samaväärne" in spec
    assert "sellega samaväärne värvisüsteem" in spec
    assert "Roboto kirjatüübid on nõutud riigi ühtse visuaalse identiteedi" in spec
    assert "or an equivalent requirement" in sets[("simple", "en")][0]
    assert "равноценному требованию" in briefs["ru"]


# 6. e-invoice
def test_6_payment_is_by_e_invoice(sets):
    assert "e-arve alusel" in sets[("simple", "et")][3]
    assert "arve alusel" not in sets[("simple", "et")][3].replace("e-arve alusel", "")
    assert "by e-invoice" in sets[("simple", "en")][3]


# 7. penalties, liability cap, § 123 changes, termination, both contact persons, revision rounds
def test_7_contract_terms_are_complete(sets, brandbook):
    contract = sets[("simple", "et")][3]
    assert "leppetrahvi 0,2% hilinenud töö maksumusest" in contract
    assert "kuni 10% lepingu hinnast" in contract
    assert "piiratud 100% lepingu hinnast" in contract
    assert "§ 123" in contract
    assert "Lepingu lõpetamine" in contract
    assert "Hankija kontaktisik Mari Maasikas" in contract and "Töövõtja kontaktisik" in contract
    assert "Hinnas sisaldub 2 parandusringi" in contract
    assert "õigusosakond täiendab" not in contract
    order = sample_order()
    order["terms"] = {"penalty_percent_per_day": "0.5", "revision_rounds": 3}
    contract = text_of(list(render_tender_set(order, brandbook, "et").values())[3])
    assert "leppetrahvi 0,5%" in contract and "Hinnas sisaldub 3 parandusringi" in contract


# 8. licences for third-party material: non-exclusive, own uses incl. editing, no sublicensing
def test_8_third_party_licences_are_what_stock_licences_give(sets, briefs):
    contract = sets[("simple", "et")][3]
    assert "lihtlitsentsist" in contract and "all-litsentsi andmise õigust ei nõuta" in contract
    assert "litsentse või õigusi edasi anda" not in contract
    assert "kihilised lähtefailid" in contract
    assert "no right to sublicense is required" in briefs["en"]


# 9. plain language: labels for every kind, no slugs, no byte counts, no app name, no local links
def test_9_vendor_text_is_plain_language(brandbook):
    order = sample_order()
    order["deliverables"][0]["kind"] = "social_post"
    order["deliverables"][1]["kind"] = "print"
    order["deliverables"][2]["kind"] = "other"
    order["reference_assets"] = [
        {"title": "Eelmine bänner", "url": "http://127.0.0.1:8000/library/a/12"},
        {"title": "Avalik näide", "url": "https://www.sotsiaalkindlustusamet.ee/et"},
    ]
    text = text_of(render_brief(order, brandbook, "et", logo_dir=LOGO_DIR))
    assert "Sotsiaalmeedia pilt" in text and "Trükis" in text and "Muu töö" in text
    for raw in ("social_post", "web-hero", "facebook-link", "et-positive", "baiti", "brandkit"):
        assert raw not in text, raw
    assert "127.0.0.1" not in text and "www.sotsiaalkindlustusamet.ee" in text
    assert "8 MB" in text and "512 kB" in text
    assert "eesti, positiivne" in text
    # the rule comes first; the check code follows in small print
    assert text.index("Värvid on brändi paletist") < text.index("colour.off_palette")


# 10. punctuation, the English legal source, no empty phone row, rows kept whole
def test_10_punctuation_language_and_empty_rows(sets, brandbook):
    for (_slug, _lang), texts in sets.items():
        assert ".," not in texts[0] and "). ," not in texts[0] and ".)." not in texts[0]
    spec_en = sets[("national", "en")][0]
    assert "Legal basis: Public Procurement Act (RHS)" in spec_en
    assert "riigihanke piirmäär" not in spec_en and "eurot" not in spec_en
    order = sample_order()
    order["contact"]["phone"] = ""
    text = text_of(render_brief(order, brandbook, "et"))
    assert "Telefon" not in text
    css = (ROOT / "templates/documents/documents.css").read_text()
    assert "tr { break-inside: avoid; }" in css


# 11. 18 mm is the letterhead height, not a minimum
def test_11_no_18_mm_minimum_logo_height(briefs, brandbook):
    coat = next(logo for logo in brandbook["logos"] if logo["slug"] == "coat-of-arms")
    assert "min_height_mm" not in coat or coat["min_height_mm"] is None
    assert "letterhead" in coat["note"]["en"] and "kirjablangil" in coat["note"]["et"]
    assert "Väikseim kõrgus trükis: 18 mm" not in briefs["et"]
    assert "Minimum height in print: to be confirmed" in briefs["en"]


# 12. one organisation setting, used by the app and the sample
@pytest.mark.django_db
def test_12_one_organisation_address(briefs, settings):
    from procurement.models import organisation

    settings.BRANDKIT_ORGANISATION = {}
    assert sample_order()["organisation"] == DEFAULT_ORGANISATION == organisation()
    assert DEFAULT_ORGANISATION["address"] in briefs["et"]
    assert "Endla 8" not in briefs["et"]


# ---- renderdocument: checked from outside, in a separate process -------------------------------


def run(tmp_path, order, *args, env_db=None):
    path = tmp_path / "order.json"
    if isinstance(order, (bytes, str)):
        path.write_bytes(order if isinstance(order, bytes) else order.encode())
    else:
        path.write_text(json.dumps(order, ensure_ascii=False), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "renderdocument", str(path), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**__import__("os").environ, **(env_db or {})},
    )


@pytest.fixture(scope="module")
def migrated_db(tmp_path_factory):
    """A real migrated SQLite database for the command (thresholds come from migrations)."""
    folder = tmp_path_factory.mktemp("db")
    env = {"DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}", "DJANGO_DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, **env},
    )
    assert done.returncode == 0, done.stderr
    return env


def test_command_renders_a_brief_pdf_with_the_route_from_the_database(tmp_path, migrated_db):
    order = sample_order()
    del order["procurement_route"]
    order["estimated_value_eur"] = "45000"
    out = tmp_path / "brief.pdf"
    done = run(
        tmp_path,
        order,
        "--document",
        "brief",
        "--lang",
        "en",
        "--output",
        str(out),
        env_db=migrated_db,
    )
    assert done.returncode == 0, done.stderr
    text = text_of(out.read_bytes())
    assert "Simple procurement" in text and "DESIGN BRIEF" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_command_renders_a_tender_zip_of_pdfs(tmp_path, migrated_db):
    order = sample_order()
    del order["procurement_route"]
    order["estimated_value_eur"] = "90000"
    out = tmp_path / "set.zip"
    done = run(
        tmp_path,
        order,
        "--document",
        "tender",
        "--lang",
        "et",
        "--output",
        str(out),
        env_db=migrated_db,
    )
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert names and all(name.endswith(".pdf") for name in names)
        spec = text_of(archive.read(next(n for n in names if "tehniline-kirjeldus" in n)))
    assert "§ 93 lg 1 p 1" in spec


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"{not json", ("--document", "brief", "--lang", "et"), "invalid JSON"),
        (b"\xff\xfe\x00", ("--document", "brief", "--lang", "et"), "not UTF-8"),
        (b"[1, 2]", ("--document", "brief", "--lang", "et"), "must be a JSON object"),
        (b"{}", ("--document", "brief", "--lang", "et"), "number: is required"),
        (None, ("--document", "poster", "--lang", "et"), "--document must be one of"),
        (None, ("--document", "brief", "--lang", "fi"), "--lang must be one of"),
        (None, ("--document", "tender", "--lang", "ru"), "tender set is made in"),
    ],
)
def test_command_exits_2_with_a_clear_message(tmp_path, migrated_db, content, args, message):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    done = run(
        tmp_path,
        content if content is not None else sample_order(),
        *args,
        "--output",
        str(out),
        env_db=migrated_db,
    )
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == b"old"  # nothing half-written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["order.json", "out.pdf"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"estimated_value_eur": "-5"}, "estimated_value_eur: must be between"),
        ({"estimated_value_eur": "NaN"}, "estimated_value_eur"),
        ({"estimated_value_eur": True}, "estimated_value_eur"),
        ({"deadline": "15.12.2026"}, "deadline: is not a date"),
        ({"deliverables": []}, "deliverables: needs at least one"),
        ({"revision": "three"}, "revision: must be a whole number"),
        ({"title": {"en": "Only English"}}, "title.et: the Estonian text is required"),
        ({"messages": {"et": "x", "fi": "y"}}, "messages.fi: unknown language"),
        ({"contact": {"name": "A", "email": "not-an-address"}}, "contact.email"),
        ({"cpv": [{"code": "123", "name": "x"}]}, "cpv[0].code"),
        ({"unexpected": 1}, "unexpected: unknown field"),
        ({"procurement_route": {"slug": "cheap"}}, "procurement_route.slug"),
        ({"invited_firms": [{"name": "A"}]}, "at least three firms"),
    ],
)
def test_command_validates_every_field(tmp_path, migrated_db, change, message):
    order = sample_order()
    order.update(change)
    out = tmp_path / "out.pdf"
    done = run(
        tmp_path,
        order,
        "--document",
        "brief",
        "--lang",
        "et",
        "--output",
        str(out),
        env_db=migrated_db,
    )
    assert done.returncode == 2, done.stderr
    assert message in done.stderr
    assert not out.exists()


def test_command_reports_deliverable_problems_by_path(tmp_path, migrated_db):
    order = sample_order()
    order["deliverables"][1].update(
        {"kind": "hologram", "preset": "no-such", "quantity": 0, "languages": ["de"]}
    )
    done = run(
        tmp_path,
        order,
        "--document",
        "brief",
        "--lang",
        "et",
        "--output",
        str(tmp_path / "x.pdf"),
        env_db=migrated_db,
    )
    assert done.returncode == 2
    for part in (
        "deliverables[1].kind",
        "deliverables[1].preset",
        "deliverables[1].quantity",
        "deliverables[1].languages[0]",
    ):
        assert part in done.stderr


def test_command_refuses_a_missing_output_folder(tmp_path, migrated_db):
    done = run(
        tmp_path,
        sample_order(),
        "--document",
        "brief",
        "--lang",
        "et",
        "--output",
        str(tmp_path / "missing" / "x.pdf"),
        env_db=migrated_db,
    )
    assert done.returncode == 2 and "does not exist" in done.stderr


# ---- low-value purchase: the request for offers -----------------------------------------------


def test_low_value_set_is_a_request_for_offers_with_spec_offer_form_and_terms(brandbook):
    order = sample_order()  # a low-value purchase
    order["invited_firms"] = [
        {"name": "Disain OÜ", "email": "info@disain.example", "registry_code": "12345678"},
        {"name": "Kujundus AS", "email": "info@kujundus.example", "registry_code": ""},
        {"name": "Pilt ja Sõna OÜ", "email": "", "registry_code": ""},
    ]
    order["register"] = {"offer_deadline": "2026-12-04T12:00"}
    files = render_tender_set(order, brandbook, "et")
    names = list(files)
    assert [n.split("_", 3)[3] for n in names] == [
        "1_pakkumuskutse.pdf",
        "2_tehniline-kirjeldus.pdf",
        "3_pakkumuse-vorm.pdf",
        "4_lepingu-tingimused.pdf",
    ]
    invitation, spec, offer, contract = (text_of(pdf) for pdf in files.values())
    assert "PAKKUMUSKUTSE" in invitation
    assert "vähemalt kolmele ettevõtjale" in invitation
    for firm in ("Disain OÜ", "Kujundus AS", "Pilt ja Sõna OÜ"):
        assert firm in invitation
    assert "04.12.2026 kell 12:00" in invitation
    assert "RHS § 3" in invitation and "madalaima kogumaksumusega" in invitation
    assert "TEHNILINE KIRJELDUS" in spec and "PAKKUMUSE VORM" in offer
    # the offer form prices each design and each language version apart
    assert "kujundus (eesti)" in offer and "keeleversioon: vene, inglise" in offer
    assert "e-arve" in contract


def test_low_value_request_without_firms_or_deadline_leaves_them_to_fill(brandbook):
    order = sample_order()
    order["register"]["offer_deadline"] = None
    files = render_tender_set(order, brandbook, "en")
    invitation = text_of(next(iter(files.values())))
    assert "REQUEST FOR OFFERS" in invitation
    assert "at least three firms" in invitation
    assert "at least 5 working days" in invitation


def test_command_low_value_tender_is_the_request_for_offers(tmp_path, migrated_db):
    order = sample_order()
    del order["procurement_route"]
    out = tmp_path / "rfo.zip"
    done = run(
        tmp_path,
        order,
        "--document",
        "tender",
        "--lang",
        "en",
        "--output",
        str(out),
        env_db=migrated_db,
    )
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    assert any(name.endswith("request-for-offers.pdf") for name in names)
    assert len(names) == 4


# ---- draft until confirmed ----------------------------------------------------------------------


def test_unconfirmed_brandbook_values_make_a_marked_draft_with_what_to_confirm(brandbook):
    pdf = render_brief(sample_order(), brandbook, "en", logo_dir=LOGO_DIR)
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert all("KAVAND / DRAFT" in page for page in pages)
    text = " ".join(" ".join(page.split()) for page in pages)
    assert "not yet confirmed" in text
    assert "colour State blue: its HEX, CMYK and Pantone values" in text
    assert "logo “Coat-of-arms logo”: the official files" in text
    assert "preset “Website hero banner”" in text  # a preset the order uses
    assert "Instagram" not in text.split("not yet confirmed", 1)[1].split("1. Background", 1)[0]


def test_a_fully_confirmed_brandbook_gives_a_final_document(brandbook):
    import copy

    book = copy.deepcopy(brandbook)
    for group in (book["colour"]["colours"], book["typography"]["typefaces"], book["logos"]):
        for item in group:
            item["confirmed"] = True
    for preset in book["presets"]:
        preset["confirmed"] = True
    for pdf in [render_brief(sample_order(), book, "et")] + list(
        render_tender_set(sample_order(), book, "et").values()
    ):
        assert "KAVAND" not in text_of(pdf)


# ---- per-language content, brief sections, register data -----------------------------------------

ESTONIAN_PARAGRAPHS = (
    "Teavitada pensionäre",
    "Aprillis tõusevad pensionid",
    "Pensionärid ja nende lähedased",
    "Rahulik, selge ja lugupidav",
    "Failid ühe ZIP-failina",
)


def test_english_and_russian_briefs_have_no_estonian_paragraphs(briefs):
    for lang in ("en", "ru"):
        for paragraph in ESTONIAN_PARAGRAPHS:
            assert paragraph not in briefs[lang], (lang, paragraph)
    assert "Tell pensioners about the 2027 pension increase" in briefs["en"]
    assert "Calm, clear and respectful" in briefs["en"]
    # the Russian texts are left to the contractor, and the brief says so
    assert "Перевод выполняет исполнитель" in briefs["ru"]
    assert "Узнайте размер новой пенсии в э-услуге" in briefs["ru"]  # the Russian call to action
    for paragraph in ESTONIAN_PARAGRAPHS:
        assert paragraph in briefs["et"]


def test_without_a_translation_the_brief_refers_to_the_estonian_one(brandbook):
    order = sample_order()
    order["translation_by_contractor"] = False
    text = text_of(render_brief(order, brandbook, "ru"))
    assert "Этот раздел дан только в эстонской версии задания" in text
    assert "Teavitada pensionäre" not in text


def test_brief_has_the_sections_a_designer_expects(briefs):
    et = briefs["et"]
    for heading in (
        "Sõnastuse toon",
        "Üleskutse (mida lugeja peab tegema)",
        "Logo ja variant tööde kaupa",
        "Tekstid, tõlge ja keeletoimetus",
        "Üleandmise vorm",
    ):
        assert heading in et, heading
    assert "Vaata oma uut pensioni e-teenusest." in et
    assert "Vapilogo eesti, positiivne" in et  # the web banner carries the coat-of-arms logo
    assert "Tõlked (vene, inglise) annab hankija" in et
    assert "Hinnas sisaldub 2 parandusringi" in et
    assert "Failinimi koosneb tellimuse numbrist" in et
    assert "teisendatakse tekst kõverateks" in et  # fonts outlined or licensed


def test_tender_set_carries_register_data_rules_and_plan(sets, brandbook, db_routes):
    spec = sets[("simple", "et")][0]
    assert "Viitenumber riigihangete registris Antakse registris" in spec
    assert "Pakkumuste esitamise tähtaeg 30.11.2026 kell 12:00" in spec
    assert "Osadeks jaotamata jätmise põhjus (RHS § 36 lg 4)" in spec
    assert "riigihangete registri kaudu" in spec
    assert "Hankija hankekord Sotsiaalkindlustusameti hankekord" in spec
    assert "Hankeplaani kanne" in spec
    order = order_for("45000", procurement_route=db_routes[("45000", "en")])
    order["register"] = {
        "reference_number": "301234",
        "offer_deadline": "2026-12-10T10:00",
        "lots_reason": {"et": "Üks kampaania.", "en": "One campaign, one look."},
    }
    order["procurement"] = {"rules_reference": "Hankekord 2025", "plan_entry": "Rida 14"}
    spec_en = text_of(next(iter(render_tender_set(order, brandbook, "en").values())))
    assert "Reference number in the public procurement register 301234" in spec_en
    assert "10 December 2026 at 10:00" in spec_en
    assert "One campaign, one look." in spec_en and "Üks kampaania" not in spec_en
    assert "Hankekord 2025" in spec_en and "Rida 14" in spec_en


def test_exclusion_and_qualification_evidence_below_and_above_the_eu_threshold(sets):
    national = sets[("national", "et")][1]
    international = sets[("international", "et")][1]
    assert "Alla rahvusvahelise piirmäära kinnitab pakkuja" in national
    assert "ESPD" not in national
    assert "Euroopa ühtse hankedokumendi (ESPD)" in international
    assert "European Single Procurement Document (ESPD)" in sets[("international", "en")][1]


def test_offer_form_prices_each_design_and_each_language_version(sets):
    offer = sets[("simple", "en")][2]
    assert "design (Estonian)" in offer
    assert "language version: Russian, English" in offer
    assert "The price includes 2 revision rounds" in offer


# ---- the order form takes the new fields ------------------------------------------------------


@pytest.mark.django_db
def test_order_form_saves_translations_brief_and_register_fields(client, topic_owner, ska):
    from django.urls import reverse

    from procurement.models import VisualOrder
    from tests.test_procurement_helpers import order_post

    client.force_login(topic_owner)
    post = order_post(
        content_translation="typed",
        purpose_en="Explain family benefits.",
        audience_en="Parents",
        purpose_ru="",
        audience_ru="",
        tone_of_voice="Sõbralik",
        call_to_action_et="Vaata lisa",
        call_to_action_ru="Подробнее",
        translation_by="contractor",
        proofreading_by="contractor",
        revision_rounds="3",
        delivery_format="ZIP",
        register_reference="301234",
        offer_deadline="2026-12-10T10:00",
        lots_reason="Üks kampaania.",
        procurement_rules="Hankekord 2025",
        plan_entry="Rida 14",
    )
    response = client.post(reverse("procurement:create"), post)
    assert response.status_code == 302, response.content.decode()[:2000]
    order = VisualOrder.objects.get()
    data = order.to_document_data("en")
    assert data["purpose"] == {
        "et": "Selgitada perehüvitiste liike.",
        "en": "Explain family benefits.",
    }
    assert data["brief"]["call_to_action"] == {"et": "Vaata lisa", "ru": "Подробнее"}
    assert data["brief"]["translation_by"] == "contractor" and data["terms"]["revision_rounds"] == 3
    assert data["register"]["reference_number"] == "301234"
    assert data["register"]["offer_deadline"] == "2026-12-10T10:00"
    assert data["procurement"] == {"rules_reference": "Hankekord 2025", "plan_entry": "Rida 14"}
    # and the order page shows what was entered, with labels and the language of each text
    page = client.get(
        reverse("procurement:order", args=[order.number]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    section = page.split('id="brief-details-heading"', 1)[1].split("</section>", 1)[0]
    for shown in ("301234", "Hankekord 2025", "Rida 14", "Sõbralik", "Üks kampaania."):
        assert shown in section, shown
    assert '<dd lang="ru">Подробнее</dd>' in section
    assert '<dd lang="en">Explain family benefits.</dd>' in section


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"content_translation": "typed"}, "content_translation"),
        ({"content_translation": "typed", "purpose_ru": "Цель"}, "audience_ru"),
        ({"revision_rounds": "11"}, "revision_rounds"),
        ({"offer_deadline": "next week"}, "offer_deadline"),
        ({"translation_by": "someone"}, "translation_by"),
    ],
)
def test_order_form_rejects_incomplete_translations_and_bad_values(
    client, topic_owner, ska, fields, error_field
):
    from django.urls import reverse

    from procurement.models import VisualOrder
    from tests.test_procurement_helpers import order_post

    client.force_login(topic_owner)
    response = client.post(reverse("procurement:create"), order_post(**fields))
    assert response.status_code == 200
    assert error_field in response.context["forms"].order.errors
    assert not VisualOrder.objects.exists()


# ---- wording in gettext, one glossary ------------------------------------------------------------

CATALOGUES = {
    lang: ROOT / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in ("et", "en", "ru")
}


def msgstrs(lang: str) -> str:
    """Every translation of a catalogue, joined (msgids are English source strings)."""
    import re

    text = CATALOGUES[lang].read_text(encoding="utf-8")
    return "\n".join(re.findall(r'^msgstr(?:\[\d\])? (".*")$', text, re.MULTILINE))


def test_document_wording_lives_in_the_catalogues_with_the_document_context():
    from procurement.documents import labels

    assert not hasattr(labels, "ET") and not hasattr(labels, "RU")
    po = CATALOGUES["et"].read_text(encoding="utf-8")
    assert 'msgctxt "document"\nmsgid "Background"\nmsgstr "Taust"' in po
    ru = CATALOGUES["ru"].read_text(encoding="utf-8")
    assert 'msgctxt "document"\nmsgid "Design brief"\nmsgstr "Бриф на дизайн"' in ru


def test_makemessages_finds_the_document_msgids(tmp_path):
    import shutil

    from procurement.documents.labels import EN

    if shutil.which("xgettext") is None:
        pytest.skip("xgettext (GNU gettext) is not installed")
    pot = tmp_path / "x.pot"
    subprocess.run(
        ["xgettext", "--language=Python", "--keyword=pgettext:1c,2", "--from-code=UTF-8",
         "-o", str(pot), str(ROOT / "procurement/documents/labels.py")],
        check=True, timeout=60,
    )  # fmt: skip
    assert pot.read_text(encoding="utf-8").count('msgctxt "document"') == len(set(EN.values()))


@pytest.mark.parametrize(
    ("lang", "banned"),
    [
        ("et", ("kaitseala", "Kaitseala", "kroomsus", "taotleja", "Tellija", "tekstialternatiiv")),
        ("ru", ("НДС", "простая закупка")),
    ],
)
def test_interface_and_documents_use_the_glossary_terms(lang, banned):
    text = msgstrs(lang)
    for word in banned:
        assert word not in text, word
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for term in ("hankija", "pakkuja", "lähteülesanne", "riigihanke alusdokumendid",
                 "tekstiline alternatiiv", "turvaala", "налог с оборота"):  # fmt: skip
        assert term in glossary


def test_documents_use_tenderer_not_bidder(sets):
    assert "bidder" not in " ".join(sets[("simple", "en")]).lower()


@pytest.mark.django_db
def test_order_background_is_not_the_colour_background_in_russian(client, topic_owner, ska):
    from django.urls import reverse

    from tests.test_procurement_helpers import make_order

    order = make_order(topic_owner, background="Почему нужен заказ")
    client.force_login(topic_owner)
    html = client.get(
        reverse("procurement:order", args=[order.number]), HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    assert "Предыстория" in html


# ---- odd ORDER.json values: a clear error or a document, never a crash ---------------------------

ODD_VALUES = (
    None, True, 0, -1, 1.5, 10**30, "", " ", "x", "NaN", "Infinity", "1e400", "2026-02-30",
    "<script>alert(1)</script>", [], [None], {}, {"et": ""}, {"fi": "x"}, {"et": 5},
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(
        sorted(
            {
                "number", "revision", "title", "purpose", "background", "audience", "messages",
                "deliverables", "reference_assets", "deadline", "milestones",
                "estimated_value_eur", "procurement_route", "cpv", "accessibility_needs",
                "contact", "owner", "organisation", "created", "translation_by_contractor",
                "register", "brief", "procurement", "invited_firms", "terms",
            }
        )
    ),
    value=st.sampled_from(ODD_VALUES),
    item_field=st.sampled_from(
        ["kind", "preset", "width", "height", "unit", "formats", "languages", "quantity", "notes"]
    ),
    item_value=st.sampled_from(ODD_VALUES),
    lang=st.sampled_from(["et", "en", "ru"]),
)  # fmt: skip
def test_odd_values_give_a_clear_error_or_a_document(
    brandbook, field, value, item_field, item_value, lang
):
    from procurement.documents import OrderDataError, build_brief, build_tender_set
    from procurement.documents.validation import validate_order

    order = sample_order()
    order[field] = value
    deliverables = order.get("deliverables")
    if isinstance(deliverables, list) and deliverables and isinstance(deliverables[0], dict):
        deliverables[0][item_field] = item_value
    try:
        valid = validate_order(order, brandbook)
    except OrderDataError as exc:
        assert str(exc).startswith("invalid order") or "JSON object" in str(exc)
        return
    if valid["procurement_route"] is None:
        valid["procurement_route"] = {"slug": "simple", "name": "Lihthange"}
    assert "<!DOCTYPE html>" in build_brief(valid, brandbook, lang)
    if lang != "ru":
        assert build_tender_set(valid, brandbook, lang)
