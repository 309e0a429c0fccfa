"""File type detection from bytes, and the name/content comparison."""

import codecs
import gzip

import pytest

from brandkit.checks.sniff import HEAD_BYTES, check_type, extension_of, sniff
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


# -- every magic number, and the exact names in all three languages ------------------------------

GIF = ("GIF-pilt", "a GIF image", "изображение GIF")
ZIP = ("ZIP-arhiiv", "a ZIP archive", "архив ZIP")
TIFF = ("TIFF-pilt", "a TIFF image", "изображение TIFF")
JXL = ("JPEG XL pilt", "a JPEG XL image", "изображение JPEG XL")
AVIF = ("AVIF-pilt", "an AVIF image", "изображение AVIF")
HEIC = ("HEIC-pilt", "a HEIC image", "изображение HEIC")
MP4 = ("MP4/ISO-meediafail", "an MP4/ISO media file", "медиафайл MP4/ISO")
HTML_PAGE = ("HTML-leht", "an HTML page", "HTML-страница")
PLAIN = ("tavatekst", "plain text", "обычный текст")
BINARY = ("tundmatud binaarandmed", "unknown binary data", "неизвестные двоичные данные")
MARKUP = ("XML-/märgendtekst", "XML or markup text", "XML или текст с разметкой")
TAIL = b"\x00\x01\x02\x03" * 8  # binary after the magic, as in a real file


def named(data: bytes) -> tuple[str, str, str]:
    sniffed = sniff(data)
    assert sniffed.format is None
    return sniffed.description["et"], sniffed.description["en"], sniffed.description["ru"]


@pytest.mark.parametrize(
    ("magic", "expected"),
    [
        (b"GIF87a", GIF),
        (b"GIF89a", GIF),
        (b"PK\x03\x04", ZIP),
        (b"PK\x05\x06", ZIP),
        (
            b"\x1f\x8b",
            (
                "gzip-pakitud fail (nt .svgz); pakitud SVG-d ei toetata",
                "gzip-compressed data (e.g. .svgz); compressed SVG is not supported",
                "сжатые gzip данные (например .svgz); сжатый SVG не поддерживается",
            ),
        ),
        (b"II*\x00", TIFF),
        (b"MM\x00*", TIFF),
        (b"BM", ("BMP-pilt", "a BMP image", "изображение BMP")),
        (b"\x00\x00\x01\x00", ("ICO-ikoon", "an ICO icon", "значок ICO")),
        (b"8BPS", ("Photoshopi fail (PSD)", "a Photoshop file (PSD)", "файл Photoshop (PSD)")),
        (b"%!PS", ("PostScript/EPS-fail", "a PostScript/EPS file", "файл PostScript/EPS")),
        (b"\xc5\xd0\xd3\xc6", ("EPS-fail", "an EPS file", "файл EPS")),
        (b"\xff\x0a", JXL),
        (b"\x00\x00\x00\x0cJXL ", JXL),
        (b"\x00\x00\x00\x0cjP  ", ("JPEG 2000 pilt", "a JPEG 2000 image", "изображение JPEG 2000")),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            (
                "Microsoft Office'i dokument (vana vorming)",
                "a legacy Microsoft Office document",
                "документ Microsoft Office (старый формат)",
            ),
        ),
        (b"Rar!", ("RAR-arhiiv", "a RAR archive", "архив RAR")),
        (b"7z\xbc\xaf\x27\x1c", ("7z-arhiiv", "a 7z archive", "архив 7z")),
        (b"\x7fELF", ("programmifail (ELF)", "an executable (ELF)", "исполняемый файл (ELF)")),
        (b"MZ", ("Windowsi programmifail", "a Windows executable", "исполняемый файл Windows")),
        (b"wOFF", ("veebifont (WOFF)", "a web font (WOFF)", "веб-шрифт (WOFF)")),
        (b"wOF2", ("veebifont (WOFF2)", "a web font (WOFF2)", "веб-шрифт (WOFF2)")),
        (b"OTTO", ("OpenType-font", "an OpenType font", "шрифт OpenType")),
        (b"\x00\x01\x00\x00\x00", ("TrueType-font", "a TrueType font", "шрифт TrueType")),
        (b"OggS", ("Ogg-meediafail", "an Ogg media file", "медиафайл Ogg")),
        (b"ID3", ("MP3-helifail", "an MP3 audio file", "аудиофайл MP3")),
        (b"\x1aE\xdf\xa3", ("Matroska/WebM-video", "a Matroska/WebM video", "видео Matroska/WebM")),
        (b"\x00\x00\x00\x20ftypavif", AVIF),
        (b"\x00\x00\x00\x20ftypavis", AVIF),
        (b"\x00\x00\x00\x20ftypheic", HEIC),
        (b"\x00\x00\x00\x20ftypheix", HEIC),
        (b"\x00\x00\x00\x20ftypmif1", ("HEIF-pilt", "a HEIF image", "изображение HEIF")),
        (b"\x00\x00\x00\x14ftypqt  ", ("QuickTime-video", "a QuickTime video", "видео QuickTime")),
        (b"\x00\x00\x00\x20ftypisom", MP4),
        (b"RIFF\x24\x00\x00\x00WAVE", ("WAV-helifail", "a WAV audio file", "аудиофайл WAV")),
        (b"RIFF\x24\x00\x00\x00AVI ", ("AVI-video", "an AVI video", "видео AVI")),
    ],
)
def test_every_known_type_is_named_exactly(magic, expected):
    assert named(magic + TAIL) == expected


@pytest.mark.parametrize("magic", [b"GIF89a", b"PK\x03\x04", b"8BPS", b"\x7fELF", b"OggS"])
def test_a_magic_number_counts_only_at_the_start(magic):
    assert named(b"\x01" + magic + TAIL) == BINARY


def test_an_unknown_riff_form_is_unknown_binary():
    assert named(b"RIFF\x24\x00\x00\x00XYZW" + TAIL) == BINARY


@pytest.mark.parametrize(
    ("data", "fmt", "expected"),
    [
        (corpus.good_png(4, 4), "png", ("PNG-fail", "PNG file", "файл PNG")),
        (corpus.good_jpeg(4, 4), "jpeg", ("JPEG-fail", "JPEG file", "файл JPEG")),
        (corpus.good_webp(4, 4), "webp", ("WebP-fail", "WebP file", "файл WebP")),
        (SVG, "svg", ("SVG-fail", "SVG file", "файл SVG")),
        (corpus.good_pdf(), "pdf", ("PDF-fail", "PDF file", "файл PDF")),
    ],
)
def test_accepted_formats_are_named_too(data, fmt, expected):
    sniffed = sniff(data)
    assert sniffed.format == fmt
    assert (sniffed.description["et"], sniffed.description["en"], sniffed.description["ru"]) == (
        expected
    )


# -- text encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        SVG.decode().encode("utf-16-le"),  # UTF-16 without a BOM, as some exporters write it
        SVG.decode().encode("utf-16-be"),
        codecs.BOM_UTF16_BE + SVG.decode().encode("utf-16-be"),
        codecs.BOM_UTF16_LE + SVG.decode().encode("utf-16-le") + b"\x00",  # odd length
        SVG.decode().encode("utf-16-le") + b"<",  # odd length, no BOM
        SVG.decode().encode("utf-16-be") + b"\x00",
        codecs.BOM_UTF8 + SVG + b"\xff\xfe\xfd",  # bad bytes after the root are not looked at
    ],
)
def test_utf16_and_bom_svgs_are_svg(data):
    assert sniff(data).format == "svg"


def test_a_nul_byte_in_the_first_kilobyte_means_binary_and_after_it_does_not():
    assert named(b"a" * 1023 + b"\x00" + b"a" * 100) == BINARY
    assert named(b"a" * 1024 + b"\x00" + b"a" * 100) == PLAIN


def test_a_character_cut_at_the_end_of_the_head_is_dropped():
    """The head is the first 64 KiB: a two-byte character cut there is not a sign of binary
    data, even when the rest, read as Latin-1, would not look like text (Ā is C4 80)."""
    data = SVG[:-2] + b">" + ("<text>" + "Ā" * 40_000 + "</text></svg>").encode()
    head = data[:HEAD_BYTES]
    assert head.decode("utf-8", errors="replace").endswith("\ufffd")  # the cut is there
    assert sniff(data).format == "svg"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # invalid UTF-8: judged by how much of it is printable (95 % of the sample)
        (b"\xff" + b"a" * 94 + b"\x01" * 5, PLAIN),
        (b"\xff" + b"a" * 93 + b"\x01" * 6, BINARY),
        (b"\xff" + b"\t\n\r" * 31 + b"a" + b"\x01" * 5, PLAIN),
        (b"\xff" + b"a" * 93 + b"\x7f" * 6, BINARY),  # DEL is not printable
        (b"\xff" + b"a" * 93 + b"\x9f" * 6, BINARY),  # nor are C1 controls
        (b"\xff" + b"a" * 93 + b"\xa0" * 6, PLAIN),  # from U+00A0 on it is Latin-1 text
        (b"\xff" + b"a" * 93 + b"~" * 6, PLAIN),
        (b"Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e.\n" * 4, PLAIN),
    ],
)
def test_latin1_text_is_told_from_binary_by_its_printable_share(data, expected):
    assert named(data) == expected


# -- the XML prolog ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prolog",
    [
        b"\t\r\n ",
        b"<??>",  # the shortest processing instruction
        b"<?a?><?b?>",
        b"<!---->",  # the shortest comment
        b"<!-- a --><!-- b -->",
        b"<!DOCTYPE>",
        b"<!DOCTYPE foo>",  # the name does not matter when the root is seen
        b'<!DOCTYPE foo [<!ENTITY a "b">]>',  # ">" inside the internal subset
        b'<!DOCTYPE foo [<!ENTITY a "[b]">]>',
        b"<!doctype foo>",
    ],
)
def test_the_prolog_is_skipped_to_the_svg_root(prolog):
    assert sniff(prolog + SVG).format == "svg"


def test_a_processing_instruction_or_comment_later_in_the_file_does_not_hide_the_root():
    assert sniff(SVG[:-2] + b"><?pi x?><!-- c --></svg>").format == "svg"
    assert sniff(b"<?a?>" + SVG[:-2] + b"><?b?></svg>").format == "svg"
    assert sniff(b"<!--a-->" + SVG[:-2] + b"><!--b--></svg>").format == "svg"


@pytest.mark.parametrize(
    "data",
    [
        b"<?>" + SVG,  # "<?" then ">" is no processing instruction end
        b"<!-->" + SVG,  # nor is "<!--" then ">" a comment
        b"<?xml version='1.0'",  # unterminated
        b"<!-- never ends",
        b"<!DOCTYPE foo [",
        b"  <!DOCTYPE foo [ <!ENTITY a 'b'>",
        b"< svg/>",
        b"  <?xml unterminated",
    ],
)
def test_a_broken_prolog_is_markup_not_svg(data):
    assert named(data) == MARKUP


@pytest.mark.parametrize(
    "doctype",
    [b"<!DOCTYPE svg [", b"<!doctype svg [", b"<!DOCTYPE SVG [", b"<!DOCTYPE svg:svg ["],
)
def test_a_doctype_too_long_to_see_past_is_svg_when_it_names_svg(doctype):
    """The decoder then rejects its internal subset with a clear message."""
    data = doctype + b'<!ENTITY a "' + b"x" * HEAD_BYTES + b'">]>' + SVG
    assert sniff(data).format == "svg"


def test_a_doctype_too_long_to_see_past_naming_something_else_is_markup():
    data = b'<!DOCTYPE foo [<!ENTITY a "' + b"x" * HEAD_BYTES + b'">]><foo/>'
    assert named(data) == MARKUP


@pytest.mark.parametrize("root", [b"<html/>", b"<HTML/>", b"<head/>", b"<body/>", b"<Body/>"])
def test_html_roots_are_html(root):
    assert named(root) == HTML_PAGE


def test_html_tags_in_the_first_2_kib_of_text_make_it_html():
    assert named(b"x" * 2043 + b"<div>") == HTML_PAGE
    assert named(b"x" * 2044 + b"<div>") == PLAIN


def test_an_xml_root_is_named():
    assert named(b"<feed/>") == (
        "XML-dokument juurelemendiga <feed>",
        "an XML document with root element <feed>",
        "XML-документ с корневым элементом <feed>",
    )


def test_whitespace_only_or_text_before_the_root_is_plain_text():
    assert named(b" \t\r\n ") == PLAIN
    assert named(b"X" + SVG) == PLAIN


# -- PDF headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"junk line\n%PDF-1.7\n", "pdf"),  # junk before the header, within the first KiB
        (b"x" * 1019 + b"%PDF-1.7\n", "pdf"),  # the header ends on byte 1,024
        (b" " * 2000 + b"%PDF-1.7\n", "pdf"),  # only whitespace before it, however much
        (b"%pdf-1.7\n", None),
        (b" %pdf-1.7\n", None),
    ],
)
def test_the_pdf_header_may_follow_some_junk(data, fmt):
    assert sniff(data).format == fmt


def test_a_pdf_header_after_a_kilobyte_of_junk_is_not_pdf():
    assert named(b"x" * 1020 + b"%PDF-1.7\n") == PLAIN
    assert named(b"x" * 2000 + b"%PDF-1.7\n") == PLAIN


def test_an_ftyp_brand_is_read_from_its_four_bytes():
    assert named(b"\x00\x00\x00\x20ftypavif\x00\x00\x00\x00mif1miaf") == AVIF


def test_a_one_letter_extension_is_an_extension():
    assert extension_of("logo.x") == "x"


def test_the_root_name_is_read_whole():
    assert named("<svgé/>".encode()) == (
        "XML-dokument juurelemendiga <svgé>",
        "an XML document with root element <svgé>",
        "XML-документ с корневым элементом <svgé>",
    )
