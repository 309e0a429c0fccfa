"""Detect a file's type from its bytes, never from its name, and compare with the name.

`sniff(data)` looks only at the first few kilobytes. It recognises the five accepted formats
(PNG, JPEG, WebP, SVG, PDF) and names common other types so that a rejection can say what the
file really is ("GIF image", "ZIP archive", "HTML page" …).

SVG is XML whose root element is ``svg``: a UTF-8 (or UTF-16) byte-order mark, the XML
declaration, comments, processing instructions, whitespace and a DOCTYPE may come before it.
gzip-compressed SVG (.svgz) is not accepted: it would have to be inflated before any check and
is a classic decompression-bomb vehicle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from brandkit.checks import rejections
from brandkit.checks.rejections import Text, t
from brandkit.checks.report import Finding

ACCEPTED = ("png", "jpeg", "webp", "svg", "pdf")

EXTENSIONS = {
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "jpe": "jpeg",
    "jfif": "jpeg",
    "webp": "webp",
    "svg": "svg",
    "pdf": "pdf",
}

HEAD_BYTES = 64 * 1024  # how far to look for an XML root element

SVG_NS = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Sniffed:
    """`format` is one of ACCEPTED or None; `description` names what was found."""

    format: str | None
    description: Text


def _kind(et: str, en: str, ru: str) -> Sniffed:
    return Sniffed(None, t(et, en, ru))


def _accepted(fmt: str) -> Sniffed:
    name = rejections.FORMAT_NAMES[fmt]
    return Sniffed(fmt, t(f"{name}-fail", f"{name} file", f"файл {name}"))


# Magic numbers of types we do not accept, checked in order: (prefix, offset, description).
_OTHER_MAGIC: list[tuple[bytes, int, Sniffed]] = [
    (b"GIF87a", 0, _kind("GIF-pilt", "a GIF image", "изображение GIF")),
    (b"GIF89a", 0, _kind("GIF-pilt", "a GIF image", "изображение GIF")),
    (b"PK\x03\x04", 0, _kind("ZIP-arhiiv", "a ZIP archive", "архив ZIP")),
    (b"PK\x05\x06", 0, _kind("ZIP-arhiiv", "a ZIP archive", "архив ZIP")),
    (
        b"\x1f\x8b",
        0,
        _kind(
            "gzip-pakitud fail (nt .svgz); pakitud SVG-d ei toetata",
            "gzip-compressed data (e.g. .svgz); compressed SVG is not supported",
            "сжатые gzip данные (например .svgz); сжатый SVG не поддерживается",
        ),
    ),
    (b"II*\x00", 0, _kind("TIFF-pilt", "a TIFF image", "изображение TIFF")),
    (b"MM\x00*", 0, _kind("TIFF-pilt", "a TIFF image", "изображение TIFF")),
    (b"BM", 0, _kind("BMP-pilt", "a BMP image", "изображение BMP")),
    (b"\x00\x00\x01\x00", 0, _kind("ICO-ikoon", "an ICO icon", "значок ICO")),
    (b"8BPS", 0, _kind("Photoshopi fail (PSD)", "a Photoshop file (PSD)", "файл Photoshop (PSD)")),
    (b"%!PS", 0, _kind("PostScript/EPS-fail", "a PostScript/EPS file", "файл PostScript/EPS")),
    (b"\xc5\xd0\xd3\xc6", 0, _kind("EPS-fail", "an EPS file", "файл EPS")),
    (b"\xff\x0a", 0, _kind("JPEG XL pilt", "a JPEG XL image", "изображение JPEG XL")),
    (b"\x00\x00\x00\x0cJXL ", 0, _kind("JPEG XL pilt", "a JPEG XL image", "изображение JPEG XL")),
    (
        b"\x00\x00\x00\x0cjP  ",
        0,
        _kind("JPEG 2000 pilt", "a JPEG 2000 image", "изображение JPEG 2000"),
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        0,
        _kind(
            "Microsoft Office'i dokument (vana vorming)",
            "a legacy Microsoft Office document",
            "документ Microsoft Office (старый формат)",
        ),
    ),
    (b"Rar!", 0, _kind("RAR-arhiiv", "a RAR archive", "архив RAR")),
    (b"7z\xbc\xaf\x27\x1c", 0, _kind("7z-arhiiv", "a 7z archive", "архив 7z")),
    (b"\x7fELF", 0, _kind("programmifail (ELF)", "an executable (ELF)", "исполняемый файл (ELF)")),
    (b"MZ", 0, _kind("Windowsi programmifail", "a Windows executable", "исполняемый файл Windows")),
    (b"wOFF", 0, _kind("veebifont (WOFF)", "a web font (WOFF)", "веб-шрифт (WOFF)")),
    (b"wOF2", 0, _kind("veebifont (WOFF2)", "a web font (WOFF2)", "веб-шрифт (WOFF2)")),
    (b"OTTO", 0, _kind("OpenType-font", "an OpenType font", "шрифт OpenType")),
    (b"\x00\x01\x00\x00\x00", 0, _kind("TrueType-font", "a TrueType font", "шрифт TrueType")),
    (b"OggS", 0, _kind("Ogg-meediafail", "an Ogg media file", "медиафайл Ogg")),
    (b"ID3", 0, _kind("MP3-helifail", "an MP3 audio file", "аудиофайл MP3")),
    (
        b"\x1aE\xdf\xa3",
        0,
        _kind("Matroska/WebM-video", "a Matroska/WebM video", "видео Matroska/WebM"),
    ),
]

_FTYP_BRANDS = {
    b"avif": _kind("AVIF-pilt", "an AVIF image", "изображение AVIF"),
    b"avis": _kind("AVIF-pilt", "an AVIF image", "изображение AVIF"),
    b"heic": _kind("HEIC-pilt", "a HEIC image", "изображение HEIC"),
    b"heix": _kind("HEIC-pilt", "a HEIC image", "изображение HEIC"),
    b"mif1": _kind("HEIF-pilt", "a HEIF image", "изображение HEIF"),
    b"qt  ": _kind("QuickTime-video", "a QuickTime video", "видео QuickTime"),
}

_RIFF_KINDS = {
    b"WAVE": _kind("WAV-helifail", "a WAV audio file", "аудиофайл WAV"),
    b"AVI ": _kind("AVI-video", "an AVI video", "видео AVI"),
}

HTML = _kind("HTML-leht", "an HTML page", "HTML-страница")
TEXT = _kind("tavatekst", "plain text", "обычный текст")
BINARY = _kind("tundmatud binaarandmed", "unknown binary data", "неизвестные двоичные данные")
EMPTY = _kind("tühi fail", "an empty file", "пустой файл")

_XML_NAME = re.compile(r"([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|meta|script|div|p|title)[\s>/]", re.I)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _decode_head(head: bytes) -> str | None:
    """The beginning of a text file as str, honouring a BOM; None if it is not text."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, errors="ignore")
    if b"\x00" in head[:1024]:
        # UTF-16 without a BOM starts "<\0" or "\0<"
        if head.startswith(b"<\x00"):
            return head.decode("utf-16-le", errors="ignore")
        if head.startswith(b"\x00<"):
            return head.decode("utf-16-be", errors="ignore")
        return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # cut in the middle of a character at the end
            return head[: exc.start].decode("utf-8")
        return head.decode("latin-1") if _mostly_printable(head) else None


def _mostly_printable(head: bytes) -> bool:
    sample = head[:4096]
    printable = sum(1 for b in sample if b in (9, 10, 13) or 32 <= b < 127 or b >= 160)
    return printable >= 0.95 * len(sample)


def _xml_root(text: str) -> tuple[str | None, bool]:
    """Skip the XML prolog and return the local name of the root element (None when no element
    start was found in `text`), and whether a DOCTYPE names it svg."""
    pos = 0
    doctype_svg = False
    n = len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            if end < 0:
                return None, doctype_svg
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return None, doctype_svg
            pos = end + 3
        elif text[pos : pos + 9].upper() == "<!DOCTYPE":
            name = re.match(r"<!DOCTYPE\s+([^\s\[>]+)", text[pos:], re.I)
            if name and name.group(1).split(":")[-1].lower() == "svg":
                doctype_svg = True
            depth = 0
            i = pos + 9
            while i < n:
                ch = text[i]
                if ch == "[":
                    depth += 1
                elif ch == "]":
                    depth -= 1
                elif ch == ">" and depth <= 0:
                    break
                i += 1
            if i >= n:
                return None, doctype_svg
            pos = i + 1
        elif text.startswith("<", pos):
            match = _XML_NAME.match(text, pos + 1)
            if not match:
                return None, doctype_svg
            return match.group(2), doctype_svg
        else:
            return None, doctype_svg
    return None, doctype_svg


def _sniff_text(head: bytes) -> Sniffed:
    text = _decode_head(head)
    if text is None:
        return BINARY
    if text.lstrip().startswith("%PDF-"):
        return _accepted("pdf")
    local, doctype_svg = _xml_root(text)
    if local is not None:
        if local == "svg":
            return _accepted("svg")
        if local.lower() in {"html", "head", "body"}:
            return HTML
        return _kind(
            f"XML-dokument juurelemendiga <{local}>",
            f"an XML document with root element <{local}>",
            f"XML-документ с корневым элементом <{local}>",
        )
    if doctype_svg:
        return _accepted("svg")  # a DOCTYPE too long to see past: the decoder rejects it
    if _HTML_START.search(head[:2048]):
        return HTML
    if text.lstrip().startswith("<"):
        return _kind("XML-/märgendtekst", "XML or markup text", "XML или текст с разметкой")
    return TEXT


def sniff(data: bytes) -> Sniffed:
    if not data:
        return EMPTY
    head = data[:HEAD_BYTES]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _accepted("png")
    if head.startswith(b"\xff\xd8\xff"):
        return _accepted("jpeg")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _accepted("webp")
    if head[:4] == b"RIFF" and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if b"%PDF-" in head[:1024]:  # junk before the header is allowed, as Acrobat does
        return _accepted("pdf")
    if head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(
            head[8:12], _kind("MP4/ISO-meediafail", "an MP4/ISO media file", "медиафайл MP4/ISO")
        )
    for magic, offset, kind in _OTHER_MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return kind
    return _sniff_text(head)


def extension_of(filename: str | None) -> str | None:
    if not filename:
        return None
    suffix = PurePath(filename).suffix
    return suffix[1:].lower() if len(suffix) > 1 else None


def check_type(data: bytes, filename: str | None) -> tuple[str | None, list[Finding]]:
    """Sniff `data` and compare with `filename`'s extension.

    Returns (format, rejections): the accepted format, or None with at least one finding.
    A file without an extension is judged on its content alone.
    """
    extension = extension_of(filename)
    if not data:
        return None, [rejections.empty()]
    sniffed = sniff(data)
    if sniffed.format is None:
        return None, [rejections.unsupported(sniffed.description, extension)]
    if extension is not None and EXTENSIONS.get(extension) != sniffed.format:
        return None, [rejections.type_mismatch(sniffed.format, extension)]
    return sniffed.format, []
