"""See every format the same way: one sRGB pixel array per file (or PDF page) for the vision checks.

`rasterise(decoded)` gives a `RasterImage` whose `pixels` are what a person sees (transparent
areas composited over white, as the library and most web pages show them) at up to
`VISION_PIXELS` pixels, and whose `scale` is analysis px / original px, so a box found in the
pixels maps back to the original with ``round(v / scale)`` (`to_original`).

- PNG/JPEG/WebP: the decoder's pixels are reused when they are the full image. The decoder
  reduces anything above `Limits.analysis_pixels` (1.5 MP) with nearest-neighbour for the colour
  checks, which breaks thin strokes; such an image is decoded once more from the kept bytes
  with a box filter at up to `VISION_PIXELS`. 2.2 MP covers every screen preset (the largest,
  1920×1080, is 2.1 MP) and A4 at 150 dpi at full resolution, so 14 px text keeps its 14 px; an
  A4 page at 300 dpi (8.7 MP) is read at 0.5×, where 8 pt text (33 px) is still 16 px, and
  reading it costs a fifth of what the full page would (measured: 1.75 s of CPU at 4 MP). A
  24 MP photograph is read at 0.3×. Memory: 2.2 MP × 3 bytes = 6.6 MB for the array plus
  Pillow's decode buffer of the original (at most `Limits.max_pixels`, already allowed by the
  decoder).
- SVG: rendered by resvg (`resvg-py`), which runs no scripts and fetches nothing: only the
  bundled fonts (static/fonts) and Debian's DejaVu/Liberation as fallbacks are loaded, no
  system font scan, and relative references are not resolved. The SVG was validated by the
  allow-list before (`svg_safety`), so the only external data are `data:` images, whose pixel
  counts are checked against `Limits.max_pixels` first. Rendered at the SVG's own px size
  (scale 1), reduced to fit `VISION_PIXELS`.
- PDF: page `page` rendered by pdfium at up to 300 dpi (scale 300/72 px per pt) within
  `VISION_PIXELS`; `width`/`height` are in points, like the decoder's pages.

None means the file cannot be seen (no data kept, a render failure or an embedded image over the
limit): the vision checks then say nothing rather than guess. `preview_png` makes a PNG preview
of any supported file from the same path.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
import math
import pathlib
import re
import threading

import numpy as np
from PIL import Image

from brandkit.checks import raster_decode
from brandkit.checks.types import Decoded, RasterImage

log = logging.getLogger(__name__)

VISION_PIXELS = 2_200_000
PDF_MAX_SCALE = 300 / 72  # 300 dpi
DEFAULT_EMBEDDED_PIXELS = 60_000_000  # = Limits.max_pixels; decode.py imports this module

FONT_DIRS = [
    str(pathlib.Path(__file__).resolve().parents[2] / "static" / "fonts"),
    *(
        path
        for path in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation")
        if pathlib.Path(path).is_dir()
    ),
]
_DATA_URI = re.compile(rb"data:image/(?:png|jpeg|jpg|webp);base64,([A-Za-z0-9+/=\s]*)", re.I)


def to_original(box: tuple[float, float, float, float], scale: float) -> list[int]:
    """A box [x, y, w, h] in analysis pixels as ints in the original's pixels (or points)."""
    x, y, w, h = box
    if not scale or scale <= 0:
        scale = 1.0
    x0, y0 = math.floor(x / scale), math.floor(y / scale)
    x1, y1 = math.ceil((x + w) / scale), math.ceil((y + h) / scale)
    return [int(x0), int(y0), int(max(1, x1 - x0)), int(max(1, y1 - y0))]


def _over_white(rgb: np.ndarray, alpha: np.ndarray | None) -> np.ndarray:
    if alpha is None:
        return rgb
    a = alpha.astype(np.float32)[..., None] / 255.0
    return np.ascontiguousarray(
        np.rint(rgb.astype(np.float32) * a + 255.0 * (1.0 - a)).astype(np.uint8)
    )


def _seen(raster: RasterImage) -> RasterImage:
    """The same image, composited over white (a copy only when it has transparency)."""
    if raster.alpha is None:
        return raster
    return RasterImage(
        width=raster.width,
        height=raster.height,
        pixels=_over_white(raster.pixels, raster.alpha),
        alpha=raster.alpha,
        scale=raster.scale,
        mode=raster.mode,
        icc_profile_name=raster.icc_profile_name,
        dpi=raster.dpi,
    )


def _raster(decoded: Decoded, budget: int) -> RasterImage | None:
    raster = decoded.raster
    assert raster is not None
    full = raster.pixels.shape[0] >= raster.height and raster.pixels.shape[1] >= raster.width
    if full and raster.width * raster.height <= budget:
        return _seen(raster)
    have = raster.pixels.shape[0] * raster.pixels.shape[1]
    if decoded.data is None or budget * 0.9 <= have <= budget:
        return _seen(raster)
    again, findings = raster_decode.decode_raster(
        decoded.data,
        decoded.format,
        max_pixels=max(1, raster.width * raster.height),
        analysis_pixels=budget,
        resample=Image.Resampling.BOX,
    )
    if again is None or findings:
        return _seen(raster)
    again.exif, again.xmp = {}, None
    return _seen(again)


def _embedded_ok(data: bytes, max_pixels: int) -> bool:
    """Every base64 `data:` image in the SVG is a size pdfium/resvg may decode."""
    total = 0
    for match in _DATA_URI.finditer(data):
        try:
            raw = base64.b64decode(re.sub(rb"\s+", b"", match.group(1)), validate=False)
            with Image.open(io.BytesIO(raw), formats=["PNG", "JPEG", "WEBP"]) as im:
                width, height = im.size
        except (OSError, ValueError, binascii.Error, SyntaxError):
            return False  # its size is unknown: not handed to another decoder
        total += width * height
        if total > max_pixels:
            return False
    return True


def _svg(decoded: Decoded, budget: int, max_pixels: int) -> RasterImage | None:
    import resvg_py  # a Rust extension: loaded only when an SVG is seen

    svg = decoded.svg
    assert svg is not None
    if decoded.data is None or not _embedded_ok(decoded.data, max_pixels):
        return None
    width = svg.width if svg.width and math.isfinite(svg.width) and svg.width > 0 else 300.0
    height = svg.height if svg.height and math.isfinite(svg.height) and svg.height > 0 else 150.0
    scale = min(1.0, math.sqrt(budget / (width * height)))
    out_w = max(1, round(width * scale))
    out_h = max(1, round(height * scale))
    if out_w * out_h > budget * 1.05:  # an extreme aspect ratio: one side rounds up to 1
        return None
    try:
        png = resvg_py.svg_to_bytes(
            svg_string=decoded.data.decode("utf-8", errors="replace"),
            width=out_w,
            height=out_h,
            skip_system_fonts=True,
            font_dirs=FONT_DIRS,
        )
        with Image.open(io.BytesIO(bytes(png)), formats=["PNG"]) as im:
            im = im.convert("RGBA")
            rgba = np.asarray(im, dtype=np.uint8)
    except (ValueError, OSError, RuntimeError) as exc:
        log.info("SVG could not be rendered: %s", exc)
        return None
    alpha = np.ascontiguousarray(rgba[..., 3])
    alpha_or_none = None if alpha.min(initial=255) == 255 else alpha
    rgb = np.ascontiguousarray(rgba[..., :3])
    return RasterImage(
        width=max(1, round(width)),
        height=max(1, round(height)),
        pixels=_over_white(rgb, alpha_or_none),
        alpha=alpha_or_none,
        scale=rgb.shape[1] / max(1, round(width)),
        mode="RGBA",
    )


def _pdf(decoded: Decoded, budget: int, page: int) -> RasterImage | None:
    import pypdfium2 as pdfium

    from brandkit.checks.pdf_decode import PDFIUM_LOCK

    if decoded.data is None:
        pages = decoded.pdf.pages if decoded.pdf else []
        return pages[page] if page < len(pages) else None
    try:
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(decoded.data)
            try:
                if page >= len(document):
                    return None
                handle = document[page]
                try:
                    width, height = handle.get_size()
                    if not (width > 0 and height > 0):
                        return None
                    scale = min(PDF_MAX_SCALE, math.sqrt(budget / (width * height)))
                    bitmap = handle.render(scale=max(0.01, scale), may_draw_forms=True)
                    try:
                        image = bitmap.to_pil().convert("RGB")
                    finally:
                        bitmap.close()
                finally:
                    handle.close()
            finally:
                document.close()
    except (pdfium.PdfiumError, OSError, ValueError, MemoryError) as exc:
        log.info("PDF page could not be rendered: %s", exc)
        return None
    pixels = np.ascontiguousarray(np.asarray(image, dtype=np.uint8))
    width_pt = max(1, round(width))
    return RasterImage(
        width=width_pt,
        height=max(1, round(height)),
        pixels=pixels,
        scale=pixels.shape[1] / width_pt,
        mode="RGB",
    )


def rasterise(
    decoded: Decoded,
    *,
    max_pixels: int | None = None,
    page: int = 0,
    embedded_max_pixels: int = DEFAULT_EMBEDDED_PIXELS,
) -> RasterImage | None:
    """What a person sees of `decoded` as sRGB pixels (at most `max_pixels`, default
    `VISION_PIXELS`), or None when it cannot be seen. `page` picks a PDF page (0-based).
    Never raises on a file that decoded: a render failure is logged and gives None. The result
    is kept in `decoded.cache`, so every vision check shares one render; treat it as
    read-only."""
    budget = max(1, int(max_pixels or VISION_PIXELS))
    key = ("rasterise", budget, page, embedded_max_pixels)
    # the text thread and the logo search ask at the same time: one renders, the other waits
    with decoded.cache.setdefault("rasterise.lock", threading.Lock()):
        if key not in decoded.cache:
            decoded.cache[key] = _render(decoded, budget, page, embedded_max_pixels)
    return decoded.cache[key]


def _render(decoded: Decoded, budget: int, page: int, embedded_max_pixels: int):
    seen = None
    try:
        if decoded.raster is not None:
            seen = _raster(decoded, budget)
        elif decoded.svg is not None:
            seen = _svg(decoded, budget, embedded_max_pixels)
        elif decoded.pdf is not None:
            seen = _pdf(decoded, budget, page)
    except (MemoryError, OSError, ValueError) as exc:
        log.warning("rasterising a %s failed: %s", decoded.format, exc)
    return seen


def preview_png(decoded: Decoded, max_side: int, *, page: int = 0) -> bytes | None:
    """A PNG of `decoded` whose longer side is at most `max_side` (never enlarged), with its
    transparency kept; None when the file cannot be seen."""
    max_side = max(1, int(max_side))
    seen = rasterise(decoded, max_pixels=max_side * max_side, page=page)
    if seen is None:
        return None
    rgb = seen.pixels
    if seen.alpha is not None and seen.alpha.shape == rgb.shape[:2]:
        image = Image.fromarray(np.dstack([rgb, seen.alpha]), "RGBA")
    else:
        image = Image.fromarray(rgb, "RGB")
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()
