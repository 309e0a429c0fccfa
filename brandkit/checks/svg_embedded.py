"""What an SVG carries inside itself: embedded fonts and images in `data:` URIs.

An embedded resource is self-contained (nothing is fetched), so it is accepted, but it is
decoded and checked by the same rules as an uploaded file, within limits:

- Fonts in ``@font-face { src: url(data:font/woff2;base64,…) }`` (also woff, ttf, otf and the
  older ``application/font-woff``, ``application/x-font-ttf`` … types): at most
  `MAX_FONT_BYTES` each, decompressed sizes checked before anything is inflated (a WOFF2's
  Brotli stream and a WOFF's zlib tables are inflated with an output limit first), then opened
  with fontTools and the tables every renderer reads (head, name, maxp, cmap, hhea, hmtx, OS/2,
  post) decompiled. A font that fails is a clear ``file.corrupt`` finding naming it. The font's
  own family name is checked against the brand typefaces like a CSS family (see `font_family`).
- Images in ``href``: ``data:image/svg+xml`` (base64 or percent-encoded) is parsed and
  validated recursively by the same rules (`svg_safety`), at most `MAX_DEPTH` levels deep;
  ``data:image/png|jpeg|webp`` (base64) is decoded by `raster_decode` with the file's pixel
  limit, and the pixels of all embedded images together may not exceed it either.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import struct
import urllib.parse
import zlib

import brotli

from brandkit.checks import rejections
from brandkit.checks.rejections import Text, t
from brandkit.checks.report import Finding

MAX_DEPTH = 3  # an SVG image inside an SVG image inside an SVG image
MAX_FONT_BYTES = 5 * 1024 * 1024  # one embedded font file, as decoded from base64
MAX_FONT_SFNT_BYTES = 30 * 1024 * 1024  # the font's tables once inflated (WOFF, WOFF2)
MAX_IMAGE_BYTES = 20 * 1024 * 1024  # one embedded image, as decoded
FONT_TYPES = frozenset(
    {
        "font/woff2",
        "font/woff",
        "font/ttf",
        "font/otf",
        "font/sfnt",
        "font/collection",
        "application/font-woff",
        "application/font-woff2",
        "application/x-font-woff",
        "application/font-sfnt",
        "application/x-font-ttf",
        "application/x-font-truetype",
        "application/x-font-opentype",
        "application/font-ttf",
        "application/vnd.ms-opentype",
        "application/octet-stream",
    }
)
RASTER_TYPES = {"image/png": "png", "image/jpeg": "jpeg", "image/jpg": "jpeg", "image/webp": "webp"}
SFNT_TABLES = ("head", "name", "maxp", "cmap", "hhea", "hmtx", "OS/2", "post")
_DATA = re.compile(r"^data:([^,;]*)((?:;[^,;]*)*),(.*)$", re.S | re.I)


class DataUri:
    """A parsed ``data:`` URI: its media type (lower case) and payload (still encoded)."""

    def __init__(self, mime: str, is_base64: bool, payload: str):
        self.mime = mime
        self.is_base64 = is_base64
        self.payload = payload

    def decode(self, limit: int) -> bytes | None:
        """The bytes, or None when they are not valid or longer than `limit`."""
        if self.is_base64:
            text = "".join(self.payload.split())
            if len(text) * 3 // 4 > limit + 3:
                return None
            try:
                return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
            except (binascii.Error, ValueError):
                return None
        if len(self.payload) > limit * 3:
            return None
        data = urllib.parse.unquote_to_bytes(self.payload)
        return data if len(data) <= limit else None


def parse_data_uri(target: str) -> DataUri | None:
    match = _DATA.match(target.strip())
    if not match:
        return None
    params = [p.strip().lower() for p in match.group(2).split(";") if p.strip()]
    return DataUri(match.group(1).strip().lower(), "base64" in params, match.group(3))


def is_font_uri(target: str) -> bool:
    uri = parse_data_uri(target)
    return uri is not None and uri.mime in FONT_TYPES


# ---------------------------------------------------------------------------------------------
# fonts


class _FontProblem(Exception):
    def __init__(self, reason: Text, bomb: bool = False):
        super().__init__(reason["en"])
        self.reason = reason
        self.bomb = bomb


def _too_big() -> _FontProblem:
    mb = MAX_FONT_SFNT_BYTES // 1048576
    return _FontProblem(
        t(
            f"lahtipakituna oleks see üle {mb} MB",
            f"it would be over {mb} MB unpacked",
            f"в распакованном виде он превысил бы {mb} МБ",
        ),
        bomb=True,
    )


def _base128(data: bytes, pos: int) -> tuple[int, int]:
    value = 0
    for i in range(5):
        if pos >= len(data):
            raise _FontProblem(t("päis on poolik", "its header is cut off", "заголовок обрезан"))
        byte = data[pos]
        pos += 1
        if i == 0 and byte == 0x80:
            raise _FontProblem(t("päis on vigane", "its header is damaged", "заголовок повреждён"))
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, pos
    raise _FontProblem(t("päis on vigane", "its header is damaged", "заголовок повреждён"))


def _check_woff2(data: bytes) -> None:
    """Inflate the WOFF2 Brotli stream with an output limit before fontTools inflates it."""
    if len(data) < 48:
        raise _FontProblem(t("päis on poolik", "its header is cut off", "заголовок обрезан"))
    flavor = data[4:8]
    (num_tables,) = struct.unpack(">H", data[12:14])
    (total_sfnt,) = struct.unpack(">I", data[16:20])
    (compressed,) = struct.unpack(">I", data[20:24])
    if flavor == b"ttcf":
        raise _FontProblem(
            t("fondikogum (TTC)", "a font collection (TTC)", "коллекция шрифтов (TTC)")
        )
    if total_sfnt > MAX_FONT_SFNT_BYTES:
        raise _too_big()
    pos = 48
    for _ in range(num_tables):
        if pos >= len(data):
            raise _FontProblem(t("päis on poolik", "its header is cut off", "заголовок обрезан"))
        flags = data[pos]
        pos += 1
        if flags & 0x3F == 0x3F:
            pos += 4
        _orig, pos = _base128(data, pos)
        version = flags >> 6
        if ((flags & 0x3F) in (10, 11)) == (version == 0):  # glyf/loca: 0 = transformed
            _length, pos = _base128(data, pos)
    stream = data[pos : pos + compressed]
    decompressor = brotli.Decompressor()
    produced = 0
    try:
        chunk = decompressor.process(stream, output_buffer_limit=1024 * 1024)
        while True:
            produced += len(chunk)
            if produced > MAX_FONT_SFNT_BYTES:
                raise _too_big()
            if decompressor.is_finished():
                break
            if decompressor.can_accept_more_data():
                raise _FontProblem(
                    t(
                        "pakitud andmed on poolikud",
                        "its compressed data is cut off",
                        "сжатые данные обрезаны",
                    )
                )
            chunk = decompressor.process(b"", output_buffer_limit=1024 * 1024)
    except brotli.error as exc:
        raise _FontProblem(
            t(
                "pakitud andmed on vigased",
                "its compressed data is damaged",
                "сжатые данные повреждены",
            )
        ) from exc


def _check_woff(data: bytes) -> None:
    """Inflate each zlib table with an output limit (its declared length) first."""
    if len(data) < 44:
        raise _FontProblem(t("päis on poolik", "its header is cut off", "заголовок обрезан"))
    (num_tables,) = struct.unpack(">H", data[12:14])
    total = 0
    for index in range(num_tables):
        entry = data[44 + 20 * index : 64 + 20 * index]
        if len(entry) < 20:
            raise _FontProblem(t("päis on poolik", "its header is cut off", "заголовок обрезан"))
        _tag, offset, comp_length, orig_length, _checksum = struct.unpack(">4sIIII", entry)
        total += orig_length
        if total > MAX_FONT_SFNT_BYTES:
            raise _too_big()
        if comp_length < orig_length:
            inflater = zlib.decompressobj()
            try:
                out = inflater.decompress(data[offset : offset + comp_length], orig_length + 1)
            except zlib.error as exc:
                raise _FontProblem(
                    t(
                        "pakitud andmed on vigased",
                        "its compressed data is damaged",
                        "сжатые данные повреждены",
                    )
                ) from exc
            if len(out) > orig_length:
                raise _too_big()


def open_font(data: bytes):
    """A fontTools TTFont whose essential tables have been read, or _FontProblem."""
    from fontTools.ttLib import TTFont

    if data[:4] == b"wOF2":
        _check_woff2(data)
    elif data[:4] == b"wOFF":
        _check_woff(data)
    elif data[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        raise _FontProblem(
            t(
                "see ei ole TrueType-, OpenType-, WOFF- ega WOFF2-font",
                "it is not a TrueType, OpenType, WOFF or WOFF2 font",
                "это не шрифт TrueType, OpenType, WOFF или WOFF2",
            )
        )
    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        for tag in SFNT_TABLES:
            if tag in font:
                font[tag]  # noqa: B018 - reading the table decompiles and checks it
        for tag in ("head", "name", "cmap", "maxp"):
            if tag not in font:
                raise _FontProblem(
                    t(f"tabel {tag} puudub", f"its {tag} table is missing", f"нет таблицы {tag}")
                )
    except _FontProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - fontTools raises many kinds on damaged data
        raise _FontProblem(
            t(
                f"fontTools ei saa seda lugeda ({type(exc).__name__})",
                f"fontTools cannot read it ({type(exc).__name__})",
                f"fontTools не может его прочитать ({type(exc).__name__})",
            )
        ) from exc
    return font


def family_of(font) -> str | None:
    """The typographic family (name ID 16), else the family (name ID 1)."""
    names = font["name"]
    for name_id in (16, 1):
        record = names.getDebugName(name_id)
        if record and record.strip():
            return record.strip()[:200]
    return None


def font_family(target: str) -> str | None:
    """The family inside an embedded font (for the typography check); None if unreadable."""
    uri = parse_data_uri(target)
    if uri is None or uri.mime not in FONT_TYPES:
        return None
    data = uri.decode(MAX_FONT_BYTES)
    if not data:
        return None
    try:
        return family_of(open_font(data))
    except _FontProblem:
        return None


def check_font(target: str, declared: str | None, where: str) -> list[Finding]:
    """Rejections for one embedded font URI (empty when it is a sound font)."""
    uri = parse_data_uri(target)
    label = declared or "?"
    data = uri.decode(MAX_FONT_BYTES) if uri is not None else None
    try:
        if data is None:
            raise _FontProblem(
                t(
                    f"andmed pole korrektne base64 või on üle {MAX_FONT_BYTES // 1048576} MB",
                    f"its data is not valid base64 or is over {MAX_FONT_BYTES // 1048576} MB",
                    f"данные — не base64 или больше {MAX_FONT_BYTES // 1048576} МБ",
                )
            )
        open_font(data)
    except _FontProblem as problem:
        reason = problem.reason
        if problem.bomb:
            finding = rejections.decompression_bomb(
                None,
                None,
                0,
                t(
                    f"manustatud font „{label}“: {reason['et']}",
                    f"the embedded font “{label}”: {reason['en']}",
                    f"встроенный шрифт «{label}»: {reason['ru']}",
                ),
            )
            finding.details.update(where=where, font=label, max_bytes=MAX_FONT_SFNT_BYTES)
            return [finding]
        return [
            rejections.corrupt(
                "svg",
                t(
                    f"manustatud font „{label}“ on vigane: {reason['et']}",
                    f"the embedded font “{label}” is damaged: {reason['en']}",
                    f"встроенный шрифт «{label}» повреждён: {reason['ru']}",
                ),
                where=where,
                font=label,
            )
        ]
    return []


# ---------------------------------------------------------------------------------------------
# images


class ImageBudget:
    """The pixels of all embedded raster images of one upload, against the pixel limit."""

    def __init__(self, max_pixels: int):
        self.max_pixels = max_pixels
        self.pixels = 0


PLACED = {
    "et": "Manustatud pilt ({}): ",
    "en": "Embedded image ({}): ",
    "ru": "Встроенное изображение ({}): ",
}


def _placed(findings: list[Finding], where: str) -> list[Finding]:
    """Say where an embedded image's own rejection comes from: the chain of places from the
    outer document in, in `details["embedded_in"]` and at the start of the message."""
    for finding in findings:
        inner = finding.details.get("where")
        finding.details["where"] = f"{where} → {inner}" if inner else where
        old_chain = finding.details.get("embedded_in")
        chain = f"{where} → {old_chain}" if old_chain else where
        finding.details["embedded_in"] = chain
        messages = {}
        for lang, text in finding.messages.items():
            template = PLACED.get(lang, PLACED["en"])
            if old_chain and text.startswith(template.format(old_chain)):
                text = text[len(template.format(old_chain)) :]
            messages[lang] = template.format(chain) + text
        finding.messages = messages
    return findings


def check_image(uri: DataUri, where: str, depth: int, budget: ImageBudget) -> list[Finding]:
    """Rejections for one embedded image (empty when it is acceptable)."""
    from brandkit.checks import raster_decode, svg_safety

    if uri.mime == "image/svg+xml":
        if depth >= MAX_DEPTH:
            return [
                rejections.svg_unsafe(
                    t(
                        f"SVG-pildid on üksteise sees üle {MAX_DEPTH} taseme",
                        f"SVG images nested more than {MAX_DEPTH} levels deep",
                        f"SVG-изображения вложены глубже {MAX_DEPTH} уровней",
                    ),
                    where,
                    max_depth=MAX_DEPTH,
                )
            ]
        data = uri.decode(MAX_IMAGE_BYTES)
        if not data:
            return [_undecodable(where)]
        root, findings = svg_safety.parse(data)
        if not findings and root is not None:
            findings = svg_safety.validate(
                root, depth=depth + 1, max_pixels=budget.max_pixels, budget=budget
            )
        return _placed(findings, where)
    fmt = RASTER_TYPES.get(uri.mime)
    if fmt is None or not uri.is_base64:
        return []  # the caller reports the type
    data = uri.decode(MAX_IMAGE_BYTES)
    if not data:
        return [_undecodable(where)]
    width, height = raster_decode.header_size(data, fmt)
    if width and height:
        budget.pixels += width * height
        if budget.pixels > budget.max_pixels:
            return _placed(
                [
                    rejections.decompression_bomb(
                        None,
                        None,
                        budget.max_pixels,
                        t(
                            "manustatud pildid on kokku üle lubatud pikslite arvu",
                            "the embedded images together exceed the pixel limit",
                            "встроенные изображения вместе превышают предел пикселей",
                        ),
                    )
                ],
                where,
            )
    _image, findings = raster_decode.decode_raster(
        data, fmt, max_pixels=budget.max_pixels, analysis_pixels=64 * 64
    )
    return _placed(findings, where)


def _undecodable(where: str) -> Finding:
    return rejections.corrupt(
        "svg",
        t(
            "manustatud pildi andmed pole korrektsed või on liiga suured",
            "the data of an embedded image is not valid or too large",
            "данные встроенного изображения некорректны или слишком велики",
        ),
        where=where,
    )
