"""Evidence on the image and better colour advice: regions as boxes, the suggested brand colour,
one finding per photo, the dominant colour, `checkfile --evidence` and the numbered boxes on the
report page."""

from __future__ import annotations

import io
import json
import re

import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFilter

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import evidence, palette, regions
from brandkit.checks.types import Decoded, RasterImage
from brandkit.library.uploads import _dominant_colour
from tests.corpus.build_content_corpus import BLUE, RED, WHITE, banner, font
from tests.library_helpers import make_staged

BRANDBOOK = parse_file(SKA_BRANDBOOK)


def raster(img: Image.Image) -> Decoded:
    pixels = np.asarray(img.convert("RGB"))
    return Decoded(
        format="png",
        size_bytes=0,
        raster=RasterImage(width=img.width, height=img.height, pixels=pixels),
    )


def jpeg(img: Image.Image, quality: int = 85) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def off(findings):
    return [f for f in findings if f.code == "colour.off_palette"]


def coverage(findings):
    [found] = [f for f in findings if f.code == "colour.palette_coverage"]
    return found


def red_banner(width=1200, height=628) -> Image.Image:
    """An off-brand banner: red background, white text."""
    img = Image.new("RGB", (width, height), RED)
    ImageDraw.Draw(img).text((60, 220), "Pension ja toetused", font=font(64, True), fill=WHITE)
    return img


def photo_like(width=1200, height=628, seed=3) -> Image.Image:
    """Out-of-focus scenery: blurred blobs of random colours with fine noise."""
    rng = np.random.default_rng(seed)
    img = Image.new("RGB", (width, height), (120, 140, 90))
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y, r = rng.integers(0, width), rng.integers(0, height), rng.integers(60, 260)
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=tuple(int(v) for v in rng.integers(30, 230, 3))
        )
    img = img.filter(ImageFilter.GaussianBlur(40))
    noisy = np.asarray(img).astype(np.int16) + rng.integers(-6, 7, (height, width, 3))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


# --- regions ---------------------------------------------------------------------------------


def test_regions_are_boxes_in_original_pixels_biggest_first():
    mask = np.zeros((100, 200), bool)
    mask[10:20, 10:30] = True  # 200 px
    mask[50:90, 100:180] = True  # 3200 px
    found = regions.regions(mask)
    assert [(r.x, r.y, r.w, r.h) for r in found] == [(100, 50, 80, 40), (10, 10, 20, 10)]
    # the analysed array was the original reduced 4x
    boxes = regions.to_original(found, analysed_shape=mask.shape, original_size=(800, 400))
    assert boxes == [[400, 200, 320, 160], [40, 40, 80, 40]]


def test_joined_regions_keep_the_extent_of_their_own_pixels():
    mask = np.zeros((50, 100), bool)
    mask[10:20, 10:20] = True
    mask[10:20, 22:32] = True  # 2 px apart: one word of two letters
    assert len(regions.regions(mask)) == 2
    [joined] = regions.regions(mask, join=2)
    assert (joined.x, joined.y, joined.w, joined.h, joined.pixels) == (10, 10, 22, 10, 200)


def test_mask_boxes_are_capped_and_leave_out_specks():
    mask = np.zeros((400, 400), bool)
    for i in range(12):
        mask[i * 30 : i * 30 + 20, 10 : 10 + 20 + i] = True
    mask[399, 399] = True  # a speck
    boxes = regions.mask_boxes(mask, (400, 400), join=1)
    assert len(boxes) == regions.MAX_BOXES
    assert [399, 399, 1, 1] not in boxes
    assert boxes[0] == [10, 330, 31, 20]  # the widest first


# --- off-palette findings: where, what instead, one per photo ------------------------------


def test_off_palette_area_is_boxed_where_it_is():
    img = banner(1200, 628)
    ImageDraw.Draw(img).rectangle((800, 50, 1099, 299), fill=RED)
    [red] = off(palette.check(raster(img), BRANDBOOK, None))
    x, y, w, h = red.details["boxes"][0]
    assert abs(x - 800) <= 4 and abs(y - 50) <= 4
    assert abs(w - 300) <= 8 and abs(h - 250) <= 8


def test_red_banner_gets_the_primary_background_colour_not_gold():
    for img in (red_banner(), jpeg(red_banner())):
        [red] = off(palette.check(raster(img), BRANDBOOK, None))
        advice = red.details["suggested"]
        assert red.details["nearest"]["slug"] == "state-gold"  # the smallest ΔE00 …
        assert advice["slug"] == "state-blue"  # … is not what a designer would pick
        assert advice["role"] == "background" and advice["role_match"]
        # the white text on it keeps (here: gains) its contrast
        assert advice["next_to"] == "#FFFFFF"
        assert advice["contrast_after"] >= advice["contrast_before"]
        assert "State blue #0033A0" in red.messages["en"]
        assert "Riigisinine #0033A0" in red.messages["et"]


def test_red_text_on_white_gets_a_text_colour_that_keeps_its_contrast():
    img = Image.new("RGB", (1200, 628), WHITE)
    ImageDraw.Draw(img).text((60, 200), "Pension ja toetused", font=font(64, True), fill=RED)
    [red] = off(palette.check(raster(img), BRANDBOOK, None))
    advice = red.details["suggested"]
    assert advice["role"] == "text"
    assert advice["slug"] == "state-blue"
    assert advice["contrast_after"] >= 4.5


def test_advice_never_picks_the_colour_the_text_on_it_is_in():
    # yellow text-like accent on blue: blue would make it vanish
    img = banner(1200, 628)
    draw = ImageDraw.Draw(img)
    draw.text((620, 400), "Tähtis teade", font=font(90, True), fill=(250, 200, 0))
    [yellow] = off(palette.check(raster(img), BRANDBOOK, None))
    assert yellow.details["suggested"]["slug"] != "state-blue"


def test_a_photo_gives_one_aggregated_finding():
    for img in (photo_like(), jpeg(photo_like(), 80)):
        found = off(palette.check(raster(img), BRANDBOOK, None))
        assert len(found) == 1, [f.details["hex"] for f in found]
        [photo] = found
        assert photo.details["kind"] == "texture"
        assert len(photo.details["colours"]) > 1
        assert photo.details["boxes"]


def test_a_landscape_photo_with_a_smooth_sky_is_one_finding_too():
    width, height = 1200, 628
    t = np.linspace(0, 1, 300)[:, None, None]
    sky = ((1 - t) * np.array([90, 150, 220]) + t * np.array([190, 215, 240])) * np.ones(
        (1, width, 1)
    )
    ground = np.asarray(photo_like(width, height - 300, seed=5)).astype(float)
    img = Image.fromarray(np.clip(np.concatenate([sky, ground]), 0, 255).astype(np.uint8))
    for picture in (img, jpeg(img, 80)):
        [photo] = off(palette.check(raster(picture), BRANDBOOK, None))
        assert photo.details["kind"] == "texture"
        assert photo.details["coverage"] > 0.7


def test_a_photo_next_to_an_off_palette_area_keeps_the_area_its_own_finding():
    img = red_banner()
    img.paste(photo_like(500, 628), (700, 0))
    found = off(palette.check(raster(img), BRANDBOOK, None))
    kinds = sorted(f.details["kind"] for f in found)
    assert "colour" in kinds
    [red] = [f for f in found if f.details["kind"] == "colour"]
    assert red.details["hex"] == "#E30613"


def test_distinct_off_palette_colours_stay_separate_findings():
    img = Image.new("RGB", (1200, 400), BLUE)
    draw = ImageDraw.Draw(img)
    for i, colour in enumerate([(227, 6, 19), (0, 150, 60), (250, 200, 0)]):
        draw.rectangle((50 + i * 400, 50, 300 + i * 400, 350), fill=colour)
    found = off(palette.check(raster(img), BRANDBOOK, None))
    assert len(found) == 3 and all(f.details["kind"] == "colour" for f in found)


# --- the dominant colour ---------------------------------------------------------------------


def test_dominant_colour_is_what_a_person_would_name():
    findings = palette.check(raster(red_banner()), BRANDBOOK, None)
    assert coverage(findings).details["dominant"] == "off-palette"
    findings = palette.check(raster(banner(1200, 628)), BRANDBOOK, None)
    assert coverage(findings).details["dominant"] == "state-blue"


def test_dominant_colour_of_a_stored_report_without_the_field_counts_off_palette():
    old = {
        "findings": [
            {
                "code": "colour.palette_coverage",
                "details": {"colours": {"white": 0.02}, "off_palette_share": 0.97},
            }
        ]
    }
    assert _dominant_colour(old) == "off-palette"
    old["findings"][0]["details"] = {"colours": {"state-blue": 0.8, "white": 0.2}}
    assert _dominant_colour(old) == "state-blue"
    new = {"findings": [{"code": "colour.palette_coverage", "details": {"dominant": "white"}}]}
    assert _dominant_colour(new) == "white"


# --- evidence numbering and drawing ----------------------------------------------------------


def test_numbering_follows_the_report_order_and_skips_findings_without_a_place():
    findings = [
        {"code": "b.info", "severity": "info", "details": {"boxes": [[0, 0, 5, 5]]}},
        {"code": "a.warn", "severity": "warning", "details": {"boxes": [[1, 1, 5, 5]]}},
        {"code": "z.err", "severity": "error", "details": {}},
        {"code": "y.err", "severity": "error", "details": {"boxes": [[2, 2, 5, 5]], "page": 2}},
        {"code": "c.err", "severity": "error", "details": {"boxes": [[3, 3, 500, 5], "bad"]}},
    ]
    marks = evidence.marks(findings, 100, 50)
    assert [(m.number, m.code, m.box) for m in marks] == [
        (1, "c.err", (3, 3, 97, 5)),  # clipped to the image
        (2, "a.warn", (1, 1, 5, 5)),
        (3, "b.info", (0, 0, 5, 5)),
    ]


def test_no_numbers_without_the_image_size():
    findings = [{"code": "a", "severity": "error", "details": {"boxes": [[0, 0, 5, 5]]}}]
    assert evidence.marks(findings, None, None) == []
    assert evidence.marks(findings, 0, 10) == []
    assert [n for _, n, _ in evidence.numbered(findings, "100", 50)] == [None]


def test_checkfile_writes_the_evidence_png_with_boxes_where_the_findings_are(tmp_path, capsys):
    img = banner(1200, 628)
    ImageDraw.Draw(img).rectangle((800, 50, 1099, 299), fill=RED)
    path = tmp_path / "punane.png"
    img.save(path)
    out = tmp_path / "evidence"
    with pytest.raises(SystemExit) as exit_:
        call_command(
            "checkfile",
            str(path),
            "--json",
            "--evidence",
            str(out),
            "--brandbook",
            str(SKA_BRANDBOOK),
        )
    assert exit_.value.code == 1
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    [red] = [f for f in report["findings"] if f["code"] == "colour.off_palette"]
    written = out / "punane.evidence.png"
    assert written.is_file()
    drawn = Image.open(written).convert("RGB")
    assert drawn.size == img.size
    x, y, w, h = red["details"]["boxes"][0]
    before, after = np.asarray(img).astype(int), np.asarray(drawn).astype(int)
    # the outline runs along the box's edge; far from every box nothing changed
    assert np.abs(after[y + h // 2, x - 3 : x + 3] - before[y + h // 2, x - 3 : x + 3]).sum() > 0
    assert (after[600:, 700:] == before[600:, 700:]).all()
    # the number is on a dark label just above the box
    label = after[max(0, y - 20) : y - 4, x : x + 12]
    assert (label.sum(axis=2) < 120).any()


def test_checkfile_evidence_without_places_is_the_image_itself(tmp_path):
    img = Image.new("RGB", (600, 314), BLUE)  # no text, no off-palette colour: nothing to mark
    path = tmp_path / "ok.png"
    img.save(path)
    call_command(
        "checkfile", str(path), "--evidence", str(tmp_path), "--brandbook", str(SKA_BRANDBOOK)
    )
    drawn = Image.open(tmp_path / "ok.evidence.png").convert("RGB")
    assert (np.asarray(drawn) == np.asarray(img)).all()


# --- the report page -------------------------------------------------------------------------


@pytest.mark.django_db
def test_report_page_draws_numbered_boxes_matching_the_list(client, ska, topic_owner, settings):
    img = Image.new("RGB", (1200, 628), BLUE)
    ImageDraw.Draw(img).rectangle((600, 0, 1199, 627), fill=RED)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    staged = make_staged(topic_owner, ska, buf.getvalue(), "pool.png")
    client.force_login(topic_owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("library:staged", args=[staged.token])).content.decode()
    boxes = re.findall(
        r'<a class="evidence__box evidence__box--(\w+)[^"]*" href="#report-mark-(\d+)" '
        r'style="left: ([\d.]+)%; top: ([\d.]+)%; width: ([\d.]+)%; height: ([\d.]+)%"',
        html,
    )
    assert boxes, html
    severity, number, left, top, width, height = boxes[0]
    assert severity == "error" and number == "1"
    assert float(left) == pytest.approx(50, abs=1) and float(width) == pytest.approx(50, abs=1)
    assert float(top) == pytest.approx(0, abs=1) and float(height) == pytest.approx(100, abs=1)
    # the list names the same number, and the box links to that finding
    assert 'id="report-mark-1"' in html
    item = html[html.index('id="report-mark-1"') :]
    item = item[: item.index("</details>")]
    assert "colour.off_palette" in item
    assert "Marked on the image as" in item
    assert re.search(r'evidence-number">.*?</span>1</span>', item)
    # a swatch beside the hex code and beside the suggestion
    assert 'style="background-color: #E30613"' in item
    assert "Suggested" in item
    assert "Numbered boxes mark where the findings are" in html


@pytest.mark.django_db
def test_report_page_without_places_has_no_boxes(client, ska, topic_owner):
    staged = make_staged(topic_owner, ska)
    client.force_login(topic_owner)
    html = client.get(reverse("library:staged", args=[staged.token])).content.decode()
    assert "evidence__box" not in html
    assert "evidence-number" not in html


BLUE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628">'
    b'<rect width="1200" height="628" fill="#0033A0"/>'
    b'<rect x="600" width="600" height="628" fill="#E30613"/></svg>'
)


@pytest.mark.django_db
def test_svg_is_previewed_as_a_png_drawn_by_us(client, ska, topic_owner):
    staged = make_staged(topic_owner, ska, BLUE_SVG, "banner.svg")
    client.force_login(topic_owner)
    html = client.get(reverse("library:staged", args=[staged.token])).content.decode()
    url = f"{reverse('library:staged_file', args=[staged.token])}?preview=1"
    assert f'src="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    preview = Image.open(io.BytesIO(response.content)).convert("RGB")
    assert preview.width / preview.height == pytest.approx(1200 / 628, abs=0.01)
    assert preview.getpixel((preview.width - 5, 5)) == RED
    # another user's staged file stays private
    other = make_staged(topic_owner, ska, BLUE_SVG, "other.svg")
    client.logout()
    assert client.get(
        f"{reverse('library:staged_file', args=[other.token])}?preview=1"
    ).status_code in (302, 404)


def test_checkfile_evidence_of_an_svg(tmp_path):
    path = tmp_path / "banner.svg"
    path.write_bytes(BLUE_SVG)
    with pytest.raises(SystemExit):
        call_command(
            "checkfile", str(path), "--evidence", str(tmp_path), "--brandbook", str(SKA_BRANDBOOK)
        )
    drawn = Image.open(tmp_path / "banner.evidence.png").convert("RGB")
    assert drawn.size == (1200, 628)
    assert drawn.getpixel((900, 314)) == RED  # inside the box: the image itself
    assert drawn.getpixel((600, 314)) != RED  # its left edge: the outline


@pytest.mark.django_db
def test_pdf_version_page_previews_its_first_page_and_rasters_need_no_drawing(
    client, ska, topic_owner
):
    from tests.corpus.build_content_corpus import pdf_from_image
    from tests.library_helpers import make_asset

    page = Image.new("RGB", (600, 314), BLUE)
    ImageDraw.Draw(page).rectangle((300, 0, 599, 313), fill=RED)
    _, version = make_asset(topic_owner, ska, data=pdf_from_image(page, 72), name="leht.pdf")
    client.force_login(topic_owner)
    html = client.get(reverse("library:version", args=[version.pk])).content.decode()
    url = f"{reverse('library:version_file', args=[version.pk])}?preview=1"
    assert f'src="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    preview = Image.open(io.BytesIO(response.content)).convert("RGB")
    right = preview.getpixel((preview.width - 3, preview.height // 2))
    assert max(abs(a - b) for a, b in zip(right, RED, strict=True)) <= 3  # the PDF's own JPEG
    _, png_version = make_asset(topic_owner, ska)
    raster_url = f"{reverse('library:version_file', args=[png_version.pk])}?preview=1"
    assert client.get(raster_url).status_code == 404  # shown as it is, with ?inline=1
