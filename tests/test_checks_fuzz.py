"""Property tests: `checks.run` never raises and always gives a verdict, whatever the bytes.

Inputs: arbitrary bytes; valid PNG/JPEG/WebP/SVG/PDF files with bits flipped, bytes inserted or
the end cut off; SVG text with dangerous or odd fragments spliced in. The file name's extension
is varied independently of the content. Besides "no exception", every report must be
serialisable as JSON, a rejection must say why, and no `internal.*` finding may appear: those
mean a decoder or a check crashed on the input (run() turns that into a finding so that the
web app keeps working, which is exactly why the tests must look for it).
"""

from __future__ import annotations

import io
import json
import os
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import run
from brandkit.checks.registry import report_json_default
from tests.corpus import build_corpus as corpus

BRANDBOOK = parse_file(SKA_BRANDBOOK)
PRESETS = [None, *BRANDBOOK["presets"]]
EXTENSIONS = ["png", "jpg", "jpeg", "webp", "svg", "pdf", "gif", "txt", "svgz", ""]
# A deeper run: BRANDKIT_FUZZ_EXAMPLES=5000 pytest tests/test_checks_fuzz.py (random each run)
DEEP = int(os.environ.get("BRANDKIT_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=DEEP or 120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not DEEP,
)


def _small(fmt: str, **params) -> bytes:
    image = corpus.brand_image(96, 50).convert("RGBA" if fmt == "PNG" else "RGB")
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def _palette_png() -> bytes:
    buffer = io.BytesIO()
    corpus.brand_image(64, 32).convert("P", palette=Image.Palette.ADAPTIVE, colors=4).save(
        buffer, "PNG", transparency=0
    )
    return buffer.getvalue()


def _with_metadata(fmt: str) -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Mari Maasikas"
    exif[0x0112] = 6
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (59.0, 26.0, 12.5)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    params = {"exif": exif, "icc_profile": srgb, "dpi": (300, 300)}
    if fmt == "JPEG":
        params["xmp"] = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'
    corpus.brand_image(48, 24).save(buffer, fmt, **params)
    return buffer.getvalue()


RICH_SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="120mm" height="60mm" viewBox="0 0 240 120">
  <style>.a{fill:hsl(220 100% 31%);font:bold 12px/1.2 "Roboto Slab",serif} #t{fill:#fff}</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0033A0"/>
    <stop offset="1" stop-color="oklch(0.5 0.1 80)" stop-opacity=".5"/></linearGradient></defs>
  <g transform="translate(10 5) scale(2) rotate(5 20 20)">
    <rect class="a" width="100" height="50" rx="4"/>
    <circle cx="50" cy="25" r="10" fill="url(#g) red"/>
    <path d="M0 0 C10 10 20 10 30 0 S50 -10 60 0 Q70 10 80 0 T100 0 A10 10 0 0 1 100 20 z"
          fill="#85714D" fill-rule="evenodd"/>
    <text id="t" x="5" y="30" font-size="1.5em">Tere <tspan font-weight="bolder"
          fill="currentColor" style="color:rgb(0 0 0 / 50%)">maailm</tspan>!</text>
  </g>
  <use xlink:href="#g"/>
  <image href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4
    nGNgMF4AAAEKANQf9nmoAAAAAElFTkSuQmCC" width="10" height="10"/>
</svg>
"""

SEEDS = {
    "png": _small("PNG"),
    "png-palette": _palette_png(),
    "jpeg": _small("JPEG", quality=80),
    "jpeg-metadata": _with_metadata("JPEG"),
    "png-metadata": _with_metadata("PNG"),
    "webp": _small("WEBP", quality=80),
    "webp-lossless": _small("WEBP", lossless=True),
    "svg": corpus.good_svg(),
    "svg-rich": RICH_SVG,
    "pdf": corpus.good_pdf(),
    "pdf-raw": corpus.pdf_page(
        resources=b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>",
        content=corpus.BRAND_CONTENT + b"BT /F1 24 Tf 1 1 1 rg 60 600 Td (Tere) Tj ET",
    ),
}
NATURAL_EXTENSION = {
    "png": "png",
    "png-palette": "png",
    "jpeg": "jpg",
    "jpeg-metadata": "jpg",
    "png-metadata": "png",
    "webp": "webp",
    "webp-lossless": "webp",
    "svg": "svg",
    "svg-rich": "svg",
    "pdf": "pdf",
    "pdf-raw": "pdf",
}

SVG_FRAGMENTS = [
    b"<script>alert(1)</script>",
    b'<!DOCTYPE svg [<!ENTITY a "b">]>',
    b"&a;",
    b' onload="x()"',
    b' style="fill:url(http://x/y)"',
    b' href="javascript:x"',
    b"<foreignObject/>",
    b"<style>@import 'x';</style>",
    b"<![CDATA[ ]]>",
    b"<?pi x?>",
    b' font-size="1e999"',
    b' font-weight="1e400"',
    b' transform="matrix(1e308 0 0 1e308 0 0)"',
    b' d="M 0 0 A 1e308 1 0 1 1 5 5 z"',
    b' fill="color(display-p3 2 -1 0)"',
    b' viewBox="0 0 0 0"',
    b' width="-5"',
    b"<tspan>",
    b"</g>",
    b"\x00",
    b"\xff\xfe",
    b"<g>" * 5,
]


def _check(data: bytes, filename: str, preset: dict | None) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = run(data, filename=filename, brandbook=BRANDBOOK, preset=preset)
    leaked = [w for w in caught if "/PIL/" in w.filename or "/pypdf/" in w.filename]
    assert not leaked, [str(w.message) for w in leaked]  # would end up on checkfile's stderr
    assert report.verdict in ("pass", "fail", "rejected")
    codes = [finding.code for finding in report.findings]
    assert not [code for code in codes if code.startswith("internal.")], (
        codes,
        [f.details for f in report.findings],
    )
    if report.verdict == "rejected":
        assert any(
            f.rejects and f.severity == "error" and f.messages.get("en") for f in report.findings
        )
    json.dumps(report.as_dict("en"), default=report_json_default)
    for finding in report.findings:
        assert finding.messages.get("et") and finding.messages.get("en"), finding.code


def _name(extension: str) -> str:
    return f"upload.{extension}" if extension else "upload"


@FUZZ
@given(data=st.binary(max_size=2048), extension=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes(data, extension):
    _check(data, _name(extension), None)


@FUZZ
@given(
    prefix=st.sampled_from(
        [
            b"\x89PNG\r\n\x1a\n",
            b"\xff\xd8\xff",
            b"RIFF\x00\x01\x00\x00WEBPVP8 ",
            b"%PDF-1.7\n",
            b"<svg xmlns='http://www.w3.org/2000/svg'>",
            b"\xef\xbb\xbf<?xml version='1.0'?><svg",
        ]
    ),
    rest=st.binary(max_size=1024),
    extension=st.sampled_from(EXTENSIONS),
)
def test_magic_prefix_and_garbage(prefix, rest, extension):
    _check(prefix + rest, _name(extension), None)


@st.composite
def mutated(draw):
    seed = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[seed])
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] ^= 1 << draw(st.integers(0, 7))
    if draw(st.booleans()):
        position = draw(st.integers(0, len(data)))
        data[position:position] = draw(st.binary(min_size=1, max_size=16))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    extension = draw(
        st.sampled_from([NATURAL_EXTENSION[seed], NATURAL_EXTENSION[seed], *EXTENSIONS])
    )
    return bytes(data), extension


@FUZZ
@given(case=mutated(), preset=st.sampled_from(PRESETS))
def test_mutated_valid_files(case, preset):
    data, extension = case
    _check(data, _name(extension), preset)


@FUZZ
@given(
    seed=st.sampled_from([b"svg", b"svg-rich"]),
    splices=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(SVG_FRAGMENTS)), min_size=1, max_size=4
    ),
)
def test_svg_with_spliced_fragments(seed, splices):
    data = bytearray(SEEDS[seed.decode()])
    for where, fragment in splices:
        position = int(where * len(data))
        data[position:position] = fragment
    _check(bytes(data), "upload.svg", BRANDBOOK["presets"][0])


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seeds_are_usable(seed):
    """The seeds themselves decode (so the mutations start from valid files)."""
    report = run(
        SEEDS[seed], filename=_name(NATURAL_EXTENSION[seed]), brandbook=BRANDBOOK, preset=None
    )
    assert report.verdict != "rejected", [f.message("en") for f in report.findings]


@pytest.mark.parametrize("size", range(0, 64, 7))
def test_every_truncation_of_a_small_png(size):
    data = SEEDS["png"]
    for cut in range(size, len(data), 64):
        _check(data[:cut], "cut.png", None)
