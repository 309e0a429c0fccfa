"""File type detection from bytes, and the name/content comparison."""

import codecs
import gzip

import pytest

from brandkit.checks.sniff import check_type, extension_of, sniff
from tests.corpus import build_corpus as corpus

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (corpus.good_png(40, 20), "png"),
        (corpus.good_jpeg(40, 20), "jpeg"),
        (corpus.good_webp(40, 20), "webp"),
        (corpus.good_pdf(), "pdf"),
        (b"\n\n%PDF-1.4\n...", "pdf"),  # junk before the header, as Acrobat allows
        (SVG, "svg"),
        (b"   \n\t" + SVG, "svg"),
        (b'<?xml version="1.0" encoding="UTF-8"?>\n' + SVG, "svg"),
        (codecs.BOM_UTF8 + b'<?xml version="1.0"?>' + SVG, "svg"),
        (b"<!-- made by hand --><?pi x?>\n" + SVG, "svg"),
        (
            b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
            b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + SVG,
            "svg",
        ),
        (b'<!DOCTYPE svg [<!ENTITY a "b">]>' + SVG, "svg"),  # sniffed; the decoder rejects it
        (b'<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>', "svg"),
        (codecs.BOM_UTF16_LE + SVG.decode().encode("utf-16-le"), "svg"),
    ],
)
def test_accepted_formats_are_recognised(data, fmt):
    assert sniff(data).format == fmt


@pytest.mark.parametrize(
    ("data", "described"),
    [
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "HTML page"),
        (b"<html><head><title>x</title></head></html>", "HTML page"),
        (gzip.compress(SVG, mtime=0), "compressed SVG is not supported"),
        (b"II*\x00\x08\x00\x00\x00", "TIFF image"),
        (b"BM\x36\x00\x00\x00", "BMP image"),
        (b"\x00\x00\x00\x1cftypavif", "AVIF image"),
        (b"\x00\x00\x00\x18ftypheic", "HEIC image"),
        (b"%!PS-Adobe-3.0 EPSF-3.0", "PostScript/EPS"),
        (b"8BPS\x00\x01", "Photoshop"),
        (b"RIFF\x10\x00\x00\x00WAVEfmt ", "WAV audio"),
        (
            b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>",
            "root element <feed>",
        ),
        (b"Hello, this is a text file.\n", "plain text"),
        (bytes(range(256)) * 4, "unknown binary data"),
    ],
)
def test_other_types_are_named(data, described):
    sniffed = sniff(data)
    assert sniffed.format is None
    assert described in sniffed.description["en"]
    assert sniffed.description["et"] and sniffed.description["ru"]


def test_empty_file_is_rejected_as_empty():
    fmt, findings = check_type(b"", "banner.png")
    assert fmt is None
    assert [f.code for f in findings] == ["file.empty"]
    assert findings[0].rejects


def test_unsupported_says_what_was_found_and_the_name():
    fmt, findings = check_type(b"GIF89a\x01\x00\x01\x00", "banner.png")
    assert fmt is None
    (finding,) = findings
    assert finding.code == "file.unsupported"
    assert finding.rejects and finding.severity == "error"
    assert "GIF image" in finding.message("en") and ".png" in finding.message("en")
    assert "GIF-pilt" in finding.message("et")
    assert "GIF" in finding.message("ru")
    assert finding.details == {"detected": "a GIF image", "extension": "png"}


@pytest.mark.parametrize(
    ("name", "data", "detected"),
    [
        ("banner.jpg", corpus.good_png(40, 20), "png"),
        ("banner.png", corpus.good_jpeg(40, 20), "jpeg"),
        ("banner.svg", corpus.good_pdf(), "pdf"),
        ("banner.pdf", SVG, "svg"),
        ("banner.webp", corpus.good_png(40, 20), "png"),
        ("banner.gif", corpus.good_png(40, 20), "png"),
        ("banner.svgz", SVG, "svg"),
    ],
)
def test_extension_must_match_content(name, data, detected):
    fmt, findings = check_type(data, name)
    assert fmt is None
    (finding,) = findings
    assert finding.code == "file.type_mismatch"
    assert finding.details["detected"] == detected
    assert finding.details["extension"] == name.rsplit(".", 1)[1]
    for lang in ("et", "en", "ru"):
        assert f".{finding.details['extension']}" in finding.message(lang)


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("BANNER.PNG", corpus.good_png(40, 20), "png"),
        ("photo.jpeg", corpus.good_jpeg(40, 20), "jpeg"),
        ("photo.JPG", corpus.good_jpeg(40, 20), "jpeg"),
        ("a.b.webp", corpus.good_webp(40, 20), "webp"),
        ("no-extension", corpus.good_png(40, 20), "png"),
        (None, SVG, "svg"),
        ("dir.with.dots/file.pdf", corpus.good_pdf(), "pdf"),
    ],
)
def test_matching_or_missing_extension_passes(name, data, fmt):
    assert check_type(data, name) == (fmt, [])


def test_extension_of():
    assert extension_of("a/b/c.Svg") == "svg"
    assert extension_of("noext") is None
    assert extension_of("trailing.") is None
    assert extension_of(None) is None
    assert extension_of(".hidden") is None
