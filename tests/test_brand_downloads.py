"""The brand guide's downloads: the palette for design tools and the logo pack."""

import io
import zipfile

import pytest
from django.urls import reverse

from brandkit.rules import palette_files
from brandkit.rules.palette_files import Swatch

BLUE = Swatch("state-blue", "Riigisinine", "#0033A0", (100, 80, 0, 0), "Pantone 286 C")
WHITE = Swatch("white", "Valge", "#FFFFFF")


def test_ase_round_trips_rgb_and_cmyk_spot_swatches():
    found = palette_files.read_ase(palette_files.ase([BLUE, WHITE]))
    names = [f[0] for f in found]
    assert names == ["Riigisinine RGB", "Riigisinine Pantone 286 C CMYK", "Valge RGB"]
    _name, model, values, kind = found[0]
    assert model == "RGB" and kind == 0
    assert [round(v * 255) for v in values] == [0, 51, 160]
    _name, model, values, kind = found[1]
    assert model == "CMYK" and kind == 1  # a Pantone ink is a spot colour
    assert [round(v * 100) for v in values] == [100, 80, 0, 0]


def test_gpl_and_css_list_every_colour():
    gpl = palette_files.gpl([BLUE, WHITE], "SKA 2026.1")
    assert gpl.startswith("GIMP Palette\nName: SKA 2026.1\n")
    assert "  0  51 160\tRiigisinine (#0033A0)" in gpl
    css = palette_files.css([BLUE, WHITE], "ska")
    assert "--ska-state-blue: #0033A0;" in css and "--ska-white: #FFFFFF;" in css


def test_css_names_and_comments_cannot_break_out():
    css = palette_files.css([Swatch("a b*/{", "x */ y", "#000000")], "s k")
    assert "*/ y" not in css and "{" not in css.split(":root {", 1)[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fmt, start", [("ase", b"ASEF"), ("gpl", b"GIMP Palette"), ("css", b":root")]
)
def test_palette_downloads(client, ska, topic_owner, fmt, start):
    client.force_login(topic_owner)
    response = client.get(reverse("rules:palette", args=[fmt]))
    assert response.status_code == 200
    assert response.content.startswith(start)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_unknown_palette_format_is_404(client, ska, topic_owner):
    client.force_login(topic_owner)
    assert client.get(reverse("rules:palette", args=["exe"])).status_code == 404


@pytest.mark.django_db
def test_logo_pack_holds_every_variant_and_the_rules(client, ska, topic_owner):
    client.force_login(topic_owner)
    response = client.get(reverse("rules:logo_pack"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    variants = [v for logo in ska.logos.all() for v in logo.variants.all()]
    assert len(names) == len(variants) + 1
    assert all(archive.read(n).lstrip().startswith(b"<") for n in names if n.endswith(".svg"))
    readme = archive.read("README.txt").decode()
    assert "Clear space" in readme and "Placeholder artwork" in readme


@pytest.mark.django_db
def test_downloads_need_sign_in(client, ska):
    response = client.get(reverse("rules:logo_pack"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
def test_guide_offers_downloads_and_gold_in_the_contrast_matrix(client, ska, topic_owner):
    client.force_login(topic_owner)
    html = client.get(reverse("rules:guide"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert reverse("rules:palette", args=["ase"]) in html
    assert reverse("rules:logo_pack") in html
    rows = ska.contrast_matrix()
    gold = ska.colours.get(slug="state-gold")
    assert gold in [row["text"] for row in rows]
    assert gold in [cell["background"] for cell in rows[0]["cells"]]


@pytest.mark.django_db
def test_guide_names_roles_in_the_readers_language(client, ska, topic_owner):
    client.force_login(topic_owner)
    html = client.get(reverse("rules:guide"), HTTP_ACCEPT_LANGUAGE="et").content.decode()
    assert "põhivärv, taust, tekst" in html
    assert "primary, background" not in html
