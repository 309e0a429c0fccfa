"""Text seen in pixels: contrast, size, language and images of text, on generated banners."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import ocr, text
from brandkit.checks.registry import run
from tests import vision_banners as vb

BRANDBOOK = parse_file(SKA_BRANDBOOK)

pytestmark = pytest.mark.skipif(not ocr.available(), reason="Tesseract data not installed")


def codes(report, severity=None):
    return [f.code for f in report.findings if severity is None or f.severity == severity]


def only(report, code):
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, [(f.code, f.message("en")) for f in report.findings]
    return found[0]


def check(data: bytes, name="banner.png", languages=None, preset=None):
    return run(data, filename=name, brandbook=BRANDBOOK, preset=preset, languages=languages)


@pytest.mark.parametrize(("fmt", "name"), [("png", "b.png"), ("jpeg", "b.jpg")])
def test_compliant_banner_passes_with_its_text_read(fmt, name):
    report = check(vb.compliant(fmt), name, languages=["et"])
    assert report.verdict == "pass", [(f.code, f.message("en")) for f in report.findings]
    assert not [c for c in codes(report) if c.startswith(("contrast.insuff", "typography."))]
    read = only(report, "text.images_of_text")
    assert "Toetused ja pensionid" in read.details["text"]
    assert "Sotsiaalkindlustusamet" in read.details["text"]
    for x, y, w, h in read.details["boxes"]:
        assert all(isinstance(v, int) for v in (x, y, w, h))
    first = read.details["boxes"][0]
    assert 55 <= first[0] <= 65 and 105 <= first[1] <= 135  # where the headline was drawn


def test_white_text_on_gold_fails_with_its_box_and_colours():
    data = vb.banner(texts=[vb.Text("Taotle peretoetust kohe", 48, (60, 200))], colour=vb.GOLD)
    found = only(check(data), "contrast.insufficient")
    assert found.severity == "error"
    assert found.details["foreground"] == "#FFFFFF"
    assert found.details["background"] == "#C8A415"
    assert 2.0 < found.details["ratio"] < 2.5
    assert found.details["large_text"] is True and found.details["required"] == 3.0
    xs = [b[0] for b in found.details["boxes"]]
    assert min(xs) <= 65 and all(190 <= b[1] + b[3] / 2 <= 250 for b in found.details["boxes"])
    assert "2," in found.message("et") and "2." in found.message("en")


def test_small_text_needs_normal_text_contrast():
    # grey #8A8A8A on white is 3.45:1: enough for large text, not for 18 px regular text
    data = vb.banner(
        texts=[
            vb.Text("Pensionid ja toetused ühest kohast", 18, (60, 200), colour=(0x8A, 0x8A, 0x8A)),
        ],
        colour=(255, 255, 255),
        logo_width=None,
    )
    found = only(check(data), "contrast.insufficient")
    assert found.details["large_text"] is False and found.details["required"] == 4.5
    assert 3.0 < found.details["ratio"] < 4.0


def test_text_on_a_gradient_is_measured_against_its_own_background():
    data = vb.banner(
        texts=[vb.Text("Toetused ja pensionid ühest kohast", 48, (60, 200))],
        kind="gradient",
        colour=(0, 51, 160),
    )
    assert "contrast.insufficient" not in codes(check(data))


def test_eight_pixel_legal_text_is_too_small():
    data = vb.banner(
        texts=[
            vb.Text("Toetused ja pensionid ühest kohast", 56, (60, 110)),
            vb.Text("Tingimused kehtivad kuni 31.12.2026, vaata lisa veebist", 8, (60, 560)),
        ]
    )
    report = check(data)
    found = only(report, "typography.too_small")
    assert 6.5 <= found.details["font_size_px"] <= 9.5
    assert found.details["min_text_px"] == 14
    (x, y, w, h) = found.details["boxes"][0]
    assert 55 <= x <= 65 and 550 <= y <= 570 and h <= 20
    assert report.verdict == "fail"


@pytest.mark.parametrize("size", [14, 16, 24])
def test_text_at_or_above_the_minimum_is_not_too_small(size):
    data = vb.banner(
        texts=[
            vb.Text("Tingimused kehtivad kuni aasta lõpuni", size, (60, 300), font=vb.OTHER_FONT)
        ]
    )
    assert "typography.too_small" not in codes(check(data))


def test_font_size_is_measured_from_cap_or_x_height():
    for size in (12, 20, 40, 64):
        image = Image.new("RGB", (900, 200), (0, 51, 160))
        from PIL import ImageDraw, ImageFont

        ImageDraw.Draw(image).text(
            (20, 40), "Toetused kohe", font=ImageFont.truetype(str(vb.ROBOTO), size), fill="white"
        )
        pixels = np.asarray(image)
        lines = ocr.read(pixels)
        assert lines, size
        m = ocr.measure(pixels, lines[0].box, lines[0].text)
        assert abs(m.font_px - size) <= max(1.5, 0.1 * size), (size, m.font_px)
        # lower-case text without ascenders is measured from its x-height
        assert ocr.font_px(np.ones((5, 5), bool), "ooo") == pytest.approx(5 / ocr.X_HEIGHT_EM)


def test_language_not_declared_is_a_warning():
    data = vb.banner(texts=[vb.Text("Family benefits and pensions in one place", 48, (60, 200))])
    found = only(check(data, languages=["et"]), "text.language")
    assert found.severity == "warning" and found.details["language"] == "en"
    assert found.details["boxes"]
    assert "text.language" not in codes(check(data, languages=["et", "en"]))
    assert "text.language" not in codes(check(data))  # nothing declared: no opinion
    russian = vb.banner(texts=[vb.Text("Пособия и пенсии в одном месте", 48, (60, 200))])
    found = only(check(russian, languages=["et"]), "text.language")
    assert found.details["language"] == "ru"
    assert "Пособия и пенсии" in only(check(russian), "text.images_of_text").details["text"]


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("Toetused ja pensionid ühest kohast", "et"),
        ("Benefits and pensions in one place", "en"),
        ("Пособия и пенсии в одном месте", "ru"),
        ("Tõendid", None),  # too short to say
    ],
)
def test_identify_language(sample, expected):
    assert text.identify_language(sample)[0] == expected


def test_photo_noise_and_a_plain_logo_give_no_text_findings():
    data = vb.banner(kind="photo", colour=(90, 90, 90), fmt="jpeg", quality=70, seed=3)
    report = check(data, "p.jpg", languages=["et"])
    assert not [c for c in codes(report) if c.startswith(("text.", "typography.", "contrast.i"))]


def test_photo_with_text_reads_the_text_without_false_errors():
    data = vb.banner(
        texts=[vb.Text("Perehüvitised 2026", 64, (60, 100), font=vb.ROBOTO_BOLD)],
        kind="photo",
        colour=(30, 40, 90),
        fmt="jpeg",
        quality=75,
        seed=5,
    )
    report = check(data, "p.jpg")
    assert "Perehüvitised" in only(report, "text.images_of_text").details["text"]
    assert "contrast.insufficient" not in codes(report)


def test_outlined_text_in_svg_is_seen_like_raster_text():
    # text drawn as pixels inside the SVG: no <text> element, only an embedded image
    import base64

    raster = vb.banner(
        texts=[vb.Text("Taotle peretoetust kohe", 48, (60, 200))], colour=vb.GOLD, logo_width=None
    )
    b64 = base64.b64encode(raster).decode()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628">'
        f'<image width="1200" height="628" href="data:image/png;base64,{b64}"/></svg>'
    ).encode()
    report = check(svg, "outlined.svg")
    found = only(report, "contrast.insufficient")
    assert found.details["source"] == "pixels"


def test_pdf_page_text_is_read_in_points():
    raster = vb.banner(texts=[vb.Text("Taotle peretoetust kohe", 48, (60, 200))], colour=vb.GOLD)
    out = io.BytesIO()
    Image.open(io.BytesIO(raster)).save(out, format="PDF", resolution=144)  # 600 x 314 pt
    report = check(out.getvalue(), "page.pdf")
    found = only(report, "contrast.insufficient")
    x, y, w, h = found.details["boxes"][0]
    assert 25 <= x <= 35 and 95 <= y <= 115  # points: half the pixel position
    assert found.details["page"] == 1
    assert "typography.too_small" not in codes(report)


# -- never raises -------------------------------------------------------------------------------


BASE = vb.banner(
    600,
    314,
    texts=[
        vb.Text("Toetused ja pensionid", 40, (30, 60)),
        vb.Text("Tingimused kehtivad", 8, (30, 280)),
    ],
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    ops=st.lists(
        st.tuples(
            st.sampled_from(["rect", "noise", "resize", "invert", "flip", "crop"]),
            st.integers(0, 10_000),
            st.integers(0, 10_000),
        ),
        max_size=4,
    ),
    fmt=st.sampled_from(["PNG", "JPEG", "WEBP"]),
    flips=st.lists(st.integers(0, 10_000), max_size=3),
)
def test_run_never_raises_on_mutated_rasters_with_text(ops, fmt, flips):
    image = Image.open(io.BytesIO(BASE)).convert("RGB")
    for op, a, b in ops:
        w, h = image.size
        if op == "rect":
            arr = np.asarray(image).copy()
            x, y = a % w, b % h
            arr[y : y + 1 + b % 40, x : x + 1 + a % 200] = (a % 256, b % 256, (a + b) % 256)
            image = Image.fromarray(arr)
        elif op == "noise":
            rng = np.random.default_rng(a)
            arr = np.asarray(image).astype(np.int16) + rng.integers(
                -(b % 90), b % 90 + 1, (h, w, 3)
            )
            image = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        elif op == "resize":
            image = image.resize((max(1, (a % 900) + 1), max(1, (b % 500) + 1)))
        elif op == "invert":
            image = Image.fromarray(255 - np.asarray(image))
        elif op == "flip":
            image = image.transpose(Image.Transpose.ROTATE_90)
        elif op == "crop":
            image = image.crop((0, 0, max(1, a % w), max(1, b % h)))
    out = io.BytesIO()
    image.save(out, format=fmt)
    data = bytearray(out.getvalue())
    for position in flips:  # bit flips past the header
        if len(data) > 64:
            data[64 + position % (len(data) - 64)] ^= 0x10
    ext = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}[fmt]
    report = run(bytes(data), filename=f"m.{ext}", brandbook=BRANDBOOK, languages=["et"])
    assert report.verdict in ("pass", "fail", "rejected")
    assert not [f.code for f in report.findings if f.code.startswith("internal.")], [
        f.details for f in report.findings if f.code.startswith("internal.")
    ]
    for f in report.findings:
        for box in f.details.get("boxes", []):
            assert len(box) == 4 and all(isinstance(v, int) for v in box)


def test_warm_up_loads_the_language_model_and_the_reading_threads():
    text.warm_up()
    assert text._identifier is not None
    assert text._pool is not None
    for _ in range(4):
        engines = text._pool_executor().submit(lambda: bool(getattr(ocr._local, "apis", None)))
        assert engines.result() is True


# -- the command-line contract ------------------------------------------------------------------


def test_checkfile_contract_on_banners(tmp_path):
    import json

    from tests.test_checkfile_corpus import checkfile

    files = {
        "ok.png": vb.compliant(),
        "ok.jpg": vb.compliant("jpeg", quality=85),
        "gold.png": vb.banner(
            texts=[vb.Text("Taotle peretoetust kohe", 48, (60, 200))], colour=vb.GOLD
        ),
        "legal.png": vb.banner(
            texts=[
                vb.Text("Toetused ja pensionid ühest kohast", 56, (60, 110)),
                vb.Text("Tingimused kehtivad kuni 31.12.2026, vaata lisa veebist", 8, (60, 560)),
            ]
        ),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    expected = {
        "ok.png": (0, set()),
        "ok.jpg": (0, set()),
        "gold.png": (1, {"contrast.insufficient"}),  # (and colour.off_palette: #C8A415)
        "legal.png": (1, {"typography.too_small"}),
    }
    for name, (status, errors) in expected.items():
        code, out, _ = checkfile(
            str(tmp_path / name),
            *("--brandbook", str(SKA_BRANDBOOK), "--preset", "facebook-link", "--json"),
            *("--languages", "et,ru"),
        )
        report = json.loads(out)
        found = {f["code"] for f in report["findings"] if f["severity"] == "error"}
        assert code == status and errors <= found, (name, report["findings"])
        assert errors or not found, (name, report["findings"])  # the compliant ones: no error
        for f in report["findings"]:
            for box in f["details"].get("boxes", []):
                assert all(isinstance(v, int) for v in box)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="r2") as usage:
        checkfile(
            str(tmp_path / "ok.png"), "--brandbook", str(SKA_BRANDBOOK), "--languages", "et,r2"
        )
    assert usage.value.returncode == 2


def test_svg_text_on_a_gradient_is_measured_from_pixels_once():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400">'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#C8A415"/>'
        '<stop offset="1" stop-color="#D0AC20"/></linearGradient></defs>'
        '<rect width="1200" height="200" fill="url(#g)"/>'
        '<rect y="200" width="1200" height="200" fill="#C8A415"/>'
        '<text x="40" y="120" font-family="Roboto" font-size="48" fill="#FFFFFF">'
        "Taotle peretoetust kohe</text>"
        '<text x="40" y="320" font-family="Roboto" font-size="48" fill="#FFFFFF">'
        "Loe lähemalt veebist</text></svg>"
    ).encode()
    report = check(svg, "gradient.svg")
    found = [f for f in report.findings if f.code == "contrast.insufficient"]
    by_source = sorted((f.details.get("source") or "svg", f.details["text"]) for f in found)
    # the text on the flat rect is judged by the SVG check, the one on the gradient from pixels
    assert by_source == [("pixels", "Taotle peretoetust kohe"), ("svg", "Loe lähemalt veebist")]
