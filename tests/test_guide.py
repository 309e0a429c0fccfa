"""The brand guide page: palette with all codes, contrast matrix, fonts, logos, presets."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_every_role_sees_the_palette_with_all_codes(client, ska, any_role_user):
    client.force_login(any_role_user)
    page = text_of(client.get(reverse("rules:guide")))
    for code in ("#0033A0", "0, 51, 160", "C100 M75 Y0 K0", "286 C", "#85714D", "872 C"):
        assert code in page
    assert "Riigisinine" in page and "Riigikuld" in page


def test_contrast_matrix_has_every_pair_with_verdicts(client, ska, topic_owner):
    client.force_login(topic_owner)
    response = client.get(reverse("rules:guide"))
    matrix = response.context["matrix"]
    # text colours: blue, gold (accent), black, white; backgrounds: the same four
    assert len(matrix) == 4 and all(len(row["cells"]) == 4 for row in matrix)
    cell = {(row["text"].slug, c["background"].slug): c for row in matrix for c in row["cells"]}
    white_on_blue = cell[("white", "state-blue")]
    assert round(white_on_blue["ratio"], 2) == 10.6
    assert white_on_blue["aa"] and white_on_blue["aaa"]
    blue_on_black = cell[("state-blue", "black")]
    assert round(blue_on_black["ratio"], 2) == 1.98
    assert not blue_on_black["aa"] and not blue_on_black["large_aa"]
    assert round(cell[("black", "white")]["ratio"], 2) == 21.0
    white_on_gold = cell[("white", "state-gold")]  # the gold accent is in the matrix
    assert round(white_on_gold["ratio"], 2) == 4.7 and white_on_gold["aa"]
    page = text_of(response)
    assert "10.60:1" in page or "10,60:1" in page
    assert "<caption" in page and 'scope="row"' in page


def test_typefaces_render_in_bundled_fonts(client, ska, topic_owner):
    client.force_login(topic_owner)
    page = text_of(client.get(reverse("rules:guide")))
    assert 'font-family: "Roboto Condensed", "Arial"' in page.replace("&quot;", '"')
    assert "/static/css/fonts.css" in page
    assert "fonts.googleapis" not in page and "//fonts." not in page


def test_bundled_font_css_points_only_at_local_files(settings):
    from pathlib import Path

    css = (Path(settings.BASE_DIR) / "static/css/fonts.css").read_text()
    urls = re.findall(r"url\(([^)]+)\)", css)
    assert urls and all(u.strip("'\"").startswith("../fonts/") for u in urls)
    for url in urls:
        assert (Path(settings.BASE_DIR) / "static/css" / url.strip("'\"")).resolve().is_file()


def test_logos_with_rules_and_files_served_safely(client, ska, procurement_user):
    client.force_login(procurement_user)
    page = text_of(client.get(reverse("rules:guide")))
    assert "Vapilogo" in page and "25 %" in page and "120 px" in page
    variant = ska.logos.get(slug="coat-of-arms").variants.get(slug="et-positive")
    assert reverse("rules:logo_file", args=[variant.pk]) in page
    response = client.get(reverse("rules:logo_file", args=[variant.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"<svg")
    assert client.get(reverse("rules:logo_file", args=[99999])).status_code == 404


def test_presets_table(client, ska, topic_owner):
    client.force_login(topic_owner)
    page = text_of(client.get(reverse("rules:guide")))
    for size in (
        "1200 × 628 px",
        "1080 × 1080 px",
        "1080 × 1350 px",
        "1600 × 900 px",
        "210 × 297 mm",
        "297 × 420 mm",
        "2480 × 3508 px",
    ):
        assert size in page


def test_unconfirmed_values_are_flagged_on_the_page(client, ska, topic_owner):
    client.force_login(topic_owner)
    response = client.get(reverse("rules:guide"))
    assert response.content.decode().count("badge--tbc") >= 5


def test_older_version_stays_viewable(client, ska, topic_owner):
    client.force_login(topic_owner)
    assert client.get(reverse("rules:guide_version", args=["ska", "2026.2"])).status_code == 200
    assert client.get(reverse("rules:guide_version", args=["ska", "1999.1"])).status_code == 404


def test_guide_without_a_brandbook_says_how_to_load_one(client, topic_owner):
    client.force_login(topic_owner)
    assert "loadbrandbook" in text_of(client.get(reverse("rules:guide")))


@pytest.mark.parametrize(
    ("lang", "heading", "colour_name"),
    [
        ("et", "Brändijuhend", "Riigisinine"),
        ("en", "Brand guide", "State blue"),
        ("ru", "Руководство по бренду", "Государственный синий"),
    ],
)
def test_page_follows_the_chosen_language(client, ska, topic_owner, lang, heading, colour_name):
    client.force_login(topic_owner)
    response = client.post(reverse("set_language"), {"language": lang, "next": "/brand/"})
    assert response.status_code == 302
    page = text_of(client.get(reverse("rules:guide")))
    assert f'<html lang="{lang}">' in page
    assert heading in page and colour_name in page


def test_estonian_is_the_default_language(client, ska, topic_owner):
    client.force_login(topic_owner)
    page = text_of(client.get(reverse("rules:guide")))
    assert '<html lang="et">' in page and "Brändijuhend" in page


def test_base_layout_is_accessible_without_javascript(client, ska, topic_owner):
    client.force_login(topic_owner)
    page = text_of(client.get("/"))
    assert 'class="skip-link" href="#main"' in page and '<main id="main"' in page
    assert "<header" in page and "<nav" in page and "<footer" in page
    assert '<label for="language-select">' in page
    assert "<script" not in page


def test_brandbook_notes_are_shown_in_the_readers_language_with_their_lang(
    client, ska, topic_owner
):
    client.force_login(topic_owner)
    et = client.get(reverse("rules:guide"), HTTP_ACCEPT_LANGUAGE="et").content.decode()
    assert 'lang="et">Kujunduspinnal võib olla sinine, must või valge taust.' in et
    ru = client.get(reverse("rules:guide"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Поле макета может иметь синий, чёрный или белый фон." in ru
    assert "Design fields may have" not in et and "Design fields may have" not in ru


def test_a_plain_string_note_is_still_accepted_and_exported_as_written(tmp_path):
    from brandkit.rules.notes import notes_from

    assert notes_from("Üks märkus") == {"note": "Üks märkus", "note_en": "", "note_ru": ""}
    assert notes_from({"et": "A", "ru": "Б"}) == {"note": "A", "note_en": "", "note_ru": "Б"}
