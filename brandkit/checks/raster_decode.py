"""Decode PNG, JPEG and WebP safely and quickly into a `RasterImage`.

Safety:
- Pillow opens the bytes with ``formats=[the sniffed format]`` only, so no other plugin parses
  them.
- The pixel count is checked against our own limit (`Limits.max_pixels`, 60 MP by default)
  right after the header is read and before any pixel is decoded; Pillow's own
  ``DecompressionBombWarning`` is turned into an error as well, and ``DecompressionBombError``
  and Pillow's text-chunk limits ("Decompressed Data Too Large") are reported as
  ``file.decompression_bomb``.
- (``warnings.catch_warnings`` is process-global: a concurrent thread may briefly see the
  filter. It only ever makes the bomb warning stricter, and our own pixel limit, which is lower
  than Pillow's, is checked first in any case.)
- A PNG's chunk structure is walked first (lengths, CRCs, IEND): Pillow accepts a PNG cut off
  after its image data, we do not. A WebP's RIFF length must match the file. JPEG truncation is
  caught by ``load()`` (``ImageFile.LOAD_TRUNCATED_IMAGES`` stays False).

Speed: a JPEG is decoded with ``draft()`` (DCT scaling in libjpeg, 1/2, 1/4 or 1/8) to about the
analysis size; other images are decoded fully and then subsampled with nearest-neighbour to at
most `Limits.analysis_pixels`. Nearest-neighbour keeps every analysed pixel a colour that is
really in the file and keeps each colour's share of the area (a box filter would invent blended
colours along every edge and so inflate the "off-palette" share). `width`/`height` stay the
original size as displayed (an EXIF Orientation that turns the image a quarter is applied to
both the size and the pixels); `scale` says how much the pixel array was reduced.

Colour: everything becomes sRGB uint8. An embedded ICC profile that is not sRGB is applied with
ImageCms (LittleCMS) when available; otherwise, and for CMYK without a profile, Pillow's own
conversion is used. 16-bit greyscale is scaled down, palette images are expanded, and alpha is
kept as a separate mask (None when the image is fully opaque).
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import struct
import warnings
import zlib
from typing import Any

import numpy as np
from PIL import ExifTags, Image, ImageFile, TiffImagePlugin, UnidentifiedImageError

from brandkit.checks import rejections
from brandkit.checks.rejections import t
from brandkit.checks.report import Finding
from brandkit.checks.types import RasterImage

try:  # LittleCMS is optional in Pillow builds
    from PIL import ImageCms
except ImportError:  # pragma: no cover - depends on the Pillow build
    ImageCms = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

PIL_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}
MAX_PNG_CHUNKS = 200_000
MAX_XMP_BYTES = 1_000_000
MAX_EXIF_ENTRIES = 500
MAX_TEXT_VALUE = 1_000

# What Pillow raises on damaged data. Anything else escapes to the caller: it is a bug, not a
# property of the file.
PIL_DECODE_ERRORS = (
    OSError,
    SyntaxError,
    EOFError,
    ValueError,
    IndexError,
    TypeError,
    KeyError,
    struct.error,
    zlib.error,
    UnidentifiedImageError,
)


def _refuse_truncated_images() -> None:
    """Truncated images must fail to load. The flag is process-global and WeasyPrint sets it to
    True when imported (weasyprint/images.py), so it is enforced before every decode rather
    than trusted from import time."""
    ImageFile.LOAD_TRUNCATED_IMAGES = False


class RasterRejected(Exception):
    def __init__(self, finding: Finding):
        super().__init__(finding.code)
        self.finding = finding


# ---------------------------------------------------------------------------------------------
# structure checks done on the bytes before Pillow sees them


def png_structure_problem(data: bytes) -> Finding | None:
    """Walk the PNG chunks: every chunk complete, every CRC right, IEND present."""
    pos = 8
    size = len(data)
    for _count in range(MAX_PNG_CHUNKS):
        if pos + 8 > size:
            return rejections.corrupt(
                "png",
                t(
                    f"fail lõpeb baidil {size} enne lõpuplokki IEND (fail on poolik)",
                    f"the file ends at byte {size} before the IEND chunk (it is truncated)",
                    f"файл заканчивается на байте {size} до блока IEND (файл обрезан)",
                ),
                offset=size,
            )
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        name = ctype.decode("latin-1")
        if not ctype.isalpha() or length > 0x7FFFFFFF:
            return rejections.corrupt(
                "png",
                t(
                    f"vigane plokk baidil {pos}",
                    f"invalid chunk header at byte {pos}",
                    f"неверный заголовок блока на байте {pos}",
                ),
                offset=pos,
            )
        end = pos + 12 + length
        if end > size:
            missing = end - size
            return rejections.corrupt(
                "png",
                t(
                    f"fail lõpeb ploki {name} sees (baidil {size}, puudu {missing} baiti)",
                    f"the file ends inside the {name} chunk (at byte {size}, {missing} bytes "
                    "missing)",
                    f"файл обрывается внутри блока {name} (на байте {size}, не хватает "
                    f"{missing} байт)",
                ),
                offset=size,
                chunk=name,
                missing_bytes=missing,
            )
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(data[pos + 4 : end - 4]) != crc:
            return rejections.corrupt(
                "png",
                t(
                    f"ploki {name} kontrollsumma on vale (bait {pos})",
                    f"checksum error in the {name} chunk (at byte {pos})",
                    f"ошибка контрольной суммы в блоке {name} (байт {pos})",
                ),
                offset=pos,
                chunk=name,
            )
        if ctype == b"IEND":
            return None
        pos = end
    return rejections.corrupt(
        "png",
        t(
            f"liiga palju plokke (üle {MAX_PNG_CHUNKS})",
            f"too many chunks (over {MAX_PNG_CHUNKS})",
            f"слишком много блоков (более {MAX_PNG_CHUNKS})",
        ),
    )


def header_size(data: bytes, fmt: str) -> tuple[int | None, int | None]:
    """Width and height from a PNG IHDR or a JPEG SOF header, for messages; (None, None) when
    they cannot be found."""
    if fmt == "png" and len(data) >= 24 and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if fmt == "jpeg":
        pos = 2
        for _segment in range(1000):
            if pos + 4 > len(data) or data[pos] != 0xFF:
                break
            marker = data[pos + 1]
            if marker == 0xFF:
                pos += 1
                continue
            (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
            if marker in _JPEG_SOF and pos + 9 <= len(data):
                height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
                return width, height
            pos += 2 + length
    return None, None


_JPEG_SOF = frozenset(
    {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
)


def webp_structure_problem(data: bytes) -> Finding | None:
    if len(data) < 20:
        return rejections.corrupt(
            "webp",
            t("fail on liiga lühike", "the file is too short", "файл слишком короткий"),
        )
    (riff_size,) = struct.unpack("<I", data[4:8])
    if riff_size + 8 > len(data):
        missing = riff_size + 8 - len(data)
        return rejections.corrupt(
            "webp",
            t(
                f"fail on poolik (puudu {missing} baiti)",
                f"the file is truncated ({missing} bytes missing)",
                f"файл обрезан (не хватает {missing} байт)",
            ),
            missing_bytes=missing,
        )
    return None


# ---------------------------------------------------------------------------------------------
# metadata


def _plain(value: Any, depth: int = 0) -> Any:
    """EXIF values as JSON-friendly plain data (floats, ints, str, lists, dicts)."""
    if depth > 4:
        return None
    if isinstance(value, TiffImagePlugin.IFDRational):
        if value.denominator == 0:
            return None
        return float(value)
    if isinstance(value, bytes):
        if len(value) > 256:
            return f"<{len(value)} bytes>"
        text = value.rstrip(b"\x00")
        try:
            return text.decode("utf-8")
        except UnicodeDecodeError:
            return text.decode("latin-1")
    if isinstance(value, str):
        return value.replace("\x00", "")[:MAX_TEXT_VALUE]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, bool | int):
        return value
    if isinstance(value, tuple | list):
        return [_plain(item, depth + 1) for item in list(value)[:64]]
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in list(value.items())[:64]}
    return str(value)[:MAX_TEXT_VALUE]


_SKIP_TAGS = {
    ExifTags.Base.ExifOffset.value,
    ExifTags.Base.GPSInfo.value,
    ExifTags.IFD.Interop.value,
    ExifTags.Base.MakerNote.value,
    0x02BC,  # XMLPacket (XMP inside TIFF/EXIF, reported as xmp)
}


def read_exif(im: Image.Image) -> dict[str, Any]:
    """EXIF tag name -> value, IFD0 and the Exif IFD merged; GPS tags as a dict under
    "GPSInfo" (GPS tag name -> value), e.g. {"GPSLatitudeRef": "N", "GPSLatitude": [59.0, ...]}.
    A damaged EXIF block is ignored (it is not a reason to reject an image)."""
    try:
        exif = im.getexif()
        out: dict[str, Any] = {}
        entries = list(exif.items())
        with contextlib.suppress(PIL_DECODE_ERRORS):
            entries += list(exif.get_ifd(ExifTags.IFD.Exif).items())
        for tag, value in entries[:MAX_EXIF_ENTRIES]:
            if tag in _SKIP_TAGS:
                continue
            out[ExifTags.TAGS.get(tag, f"Tag0x{tag:04X}")] = _plain(value)
        try:
            gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        except PIL_DECODE_ERRORS:
            gps = {}
        if gps:
            out["GPSInfo"] = {
                ExifTags.GPSTAGS.get(tag, f"Tag0x{tag:04X}"): _plain(value)
                for tag, value in list(gps.items())[:MAX_EXIF_ENTRIES]
            }
        return out
    except PIL_DECODE_ERRORS as exc:
        log.debug("ignoring unreadable EXIF: %s", exc)
        return {}


def read_xmp(im: Image.Image) -> str | None:
    raw = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if not raw:
        return None
    if isinstance(raw, str):
        return raw[:MAX_XMP_BYTES]
    if isinstance(raw, bytes):
        return raw[:MAX_XMP_BYTES].decode("utf-8", errors="replace")
    return None


def _dpi(im: Image.Image) -> tuple[float, float] | None:
    dpi = im.info.get("dpi")
    try:
        x, y = (float(v) for v in dpi)
    except (TypeError, ValueError):
        return None
    if all(math.isfinite(v) and 1 <= v <= 100_000 for v in (x, y)):
        return (round(x, 2), round(y, 2))
    return None


def icc_description(icc: bytes | None) -> tuple[str | None, Any]:
    """(description, ImageCms profile or None). A profile we cannot read is "(unreadable)"."""
    if not icc:
        return None, None
    if ImageCms is None:
        return "(ICC profile; LittleCMS not available)", None
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        description = ImageCms.getProfileDescription(profile).strip()
        return (description or "(unnamed ICC profile)")[:200], profile
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as exc:
        log.debug("unreadable ICC profile: %s", exc)
        return "(unreadable ICC profile)", None


def _is_srgb(description: str | None) -> bool:
    return description is None or "srgb" in description.lower().replace(" ", "")


_SRGB_PROFILE = None


def _srgb_profile():
    global _SRGB_PROFILE
    if _SRGB_PROFILE is None and ImageCms is not None:
        _SRGB_PROFILE = ImageCms.createProfile("sRGB")
    return _SRGB_PROFILE


# ---------------------------------------------------------------------------------------------
# pixels


def _analysis_size(width: int, height: int, target: int) -> tuple[int, int]:
    if width * height <= target:
        return width, height
    factor = math.sqrt(width * height / target)
    return max(1, int(width / factor)), max(1, int(height / factor))


def _to_srgb(im: Image.Image, profile: Any, description: str | None):
    """(pixels uint8 (h, w, 3), alpha uint8 (h, w) or None)."""
    mode = im.mode
    alpha = None
    if mode == "1":
        im = im.convert("L")
    elif mode in ("P", "PA"):
        im = im.convert("RGBA")
    elif mode in ("La", "RGBa"):
        im = im.convert("LA" if mode == "La" else "RGBA")
    elif mode.startswith("I;16") or mode in ("I", "F"):
        array = np.asarray(im)
        if mode.startswith("I;16") or array.max(initial=0) > 255:
            array = array.astype(np.float64) / 257.0
        array = np.clip(np.rint(array), 0, 255).astype(np.uint8)
        im = Image.fromarray(array, "L")
    elif mode in ("L", "RGB") and "transparency" in im.info:  # a tRNS colour key
        im = im.convert("LA" if mode == "L" else "RGBA")
    elif mode not in ("L", "LA", "RGB", "RGBA", "CMYK"):
        im = im.convert("RGBA" if "A" in mode else "RGB")

    if im.mode in ("LA", "RGBA"):
        alpha = np.asarray(im.getchannel("A"))
        im = im.convert("L" if im.mode == "LA" else "RGB")
        if alpha.min(initial=255) == 255:
            alpha = None

    converted = None
    if profile is not None and not _is_srgb(description):
        try:
            converted = ImageCms.profileToProfile(im, profile, _srgb_profile(), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as exc:
            log.debug("ICC conversion failed (%s); using Pillow's conversion", exc)
    if converted is None:
        converted = im if im.mode == "RGB" else im.convert("RGB")
    pixels = np.ascontiguousarray(np.asarray(converted, dtype=np.uint8))
    return pixels, (np.ascontiguousarray(alpha) if alpha is not None else None)


def decode_raster(
    data: bytes,
    fmt: str,
    *,
    max_pixels: int,
    analysis_pixels: int,
    resample: Image.Resampling = Image.Resampling.NEAREST,
) -> tuple[RasterImage | None, list[Finding]]:
    """Decode `data` (already sniffed as `fmt`): (image, []) or (None, [rejection]).

    `resample` reduces an image above `analysis_pixels`: nearest-neighbour for the colour
    checks (see the module docstring); `rasterise` asks for a box filter, since text read from
    a nearest-neighbour reduction loses strokes."""
    if fmt == "png":
        problem = png_structure_problem(data)
        if problem:
            return None, [problem]
    elif fmt == "webp":
        problem = webp_structure_problem(data)
        if problem:
            return None, [problem]
    try:
        with warnings.catch_warnings():
            # Pillow warns about damaged metadata ("Corrupt EXIF data"): we read what we can.
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _decode(data, fmt, max_pixels, analysis_pixels, resample), []
    except RasterRejected as rejected:
        return None, [rejected.finding]
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        width, height = header_size(data, fmt)
        finding = rejections.decompression_bomb(
            width,
            height,
            max_pixels,
            t(
                "Pillow' kaitse dekompressioonipommide vastu rakendus",
                "Pillow's decompression bomb protection was triggered",
                "сработала защита Pillow от декомпрессионных бомб",
            ),
        )
        finding.details["error"] = str(exc)[:300]
        return None, [finding]
    except MemoryError:
        return None, [rejections.out_of_memory(max_pixels)]
    except PIL_DECODE_ERRORS as exc:
        text = str(exc)
        if "decompressed data too large" in text.lower() or "too much memory" in text.lower():
            return None, [
                rejections.decompression_bomb(
                    None,
                    None,
                    max_pixels,
                    t(
                        "metaandmete plokk paisub liiga suureks",
                        "a metadata chunk decompresses to too much data",
                        "блок метаданных распаковывается в слишком большой объём",
                    ),
                )
            ]
        if isinstance(exc, UnidentifiedImageError):
            reason = t("päist ei saa lugeda", "the header cannot be read", "заголовок не читается")
        elif "truncated" in text.lower() or isinstance(exc, EOFError):
            reason = t(
                "fail on poolik (lõpp puudub)",
                "the file is truncated (its end is missing)",
                "файл обрезан (нет окончания)",
            )
        else:
            reason = t(
                "pildiandmed on vigased",
                "the image data is damaged",
                "данные изображения повреждены",
            )
        return None, [rejections.corrupt(fmt, reason, error=f"{type(exc).__name__}: {text[:300]}")]


# EXIF Orientation -> the transposition that shows the image upright
ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _decode(
    data: bytes,
    fmt: str,
    max_pixels: int,
    analysis_pixels: int,
    resample: Image.Resampling = Image.Resampling.NEAREST,
) -> RasterImage:
    _refuse_truncated_images()
    im = Image.open(io.BytesIO(data), formats=[PIL_FORMATS[fmt]])
    try:
        width, height = im.size
        if width <= 0 or height <= 0:
            raise RasterRejected(
                rejections.corrupt(
                    fmt, t("pildi mõõdud on 0", "the image has zero size", "нулевой размер")
                )
            )
        if width * height > max_pixels:
            raise RasterRejected(rejections.decompression_bomb(width, height, max_pixels))
        mode = im.mode
        icc = im.info.get("icc_profile")
        dpi = _dpi(im)
        if fmt == "jpeg":
            im.draft(im.mode, _analysis_size(width, height, analysis_pixels))
        im.load()
        exif = read_exif(im)
        xmp = read_xmp(im)
        target = _analysis_size(im.width, im.height, analysis_pixels)
        reduced = im.resize(target, resample) if target != im.size else im
        orientation = exif.get("Orientation")
        if isinstance(orientation, int) and orientation in ORIENTATION:
            reduced = reduced.transpose(ORIENTATION[orientation])
            if orientation >= 5:  # a quarter turn: the image is shown the other way round
                width, height = height, width
                dpi = (dpi[1], dpi[0]) if dpi else None
        description, profile = icc_description(icc)
        pixels, alpha = _to_srgb(reduced, profile, description)
    finally:
        im.close()
    return RasterImage(
        width=width,
        height=height,
        pixels=pixels,
        alpha=alpha,
        scale=pixels.shape[1] / width,
        mode=mode,
        icc_profile_name=description,
        dpi=dpi,
        exif=exif,
        xmp=xmp,
    )
