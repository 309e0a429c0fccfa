"""Evidence on the image: the findings that have a place, numbered and drawn as boxes.

One numbering for every consumer: the report page (boxes over the preview, the same numbers in
the list of findings) and ``checkfile --evidence`` (``NAME.evidence.png``) both number the
findings in the report's order (errors, warnings, information; then by code) and give a number
only to a finding with boxes on the first page. Boxes are ``details["boxes"]`` in the original
image's pixels.

Severity is told by the outline's pattern as well as its colour (solid for errors, dashed for
warnings, dotted for information), and every box carries its number on a dark label, so nothing
depends on telling colours apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
MAX_BOXES_PER_FINDING = 8
MAX_EVIDENCE_PIXELS = 40_000_000  # a larger original is drawn on a reduced copy
FONT = Path(__file__).resolve().parents[2] / "static" / "fonts" / "roboto" / "Roboto-Bold.ttf"
OUTLINE = {"error": (164, 0, 29), "warning": (122, 75, 0), "info": (0, 51, 160)}
LABEL_BG = (26, 26, 26)
HALO = (255, 255, 255)


@dataclass(frozen=True)
class Mark:
    number: int
    severity: str
    code: str
    box: tuple[int, int, int, int]  # x, y, w, h in the original's pixels


def ordered(findings: list[dict]) -> list[dict]:
    """The report's order: errors, warnings, information, then by code (stable)."""
    return sorted(
        findings, key=lambda f: (SEVERITY_ORDER.get(f.get("severity"), 9), f.get("code", ""))
    )


def boxes_of(
    finding: dict, width: int | None, height: int | None
) -> list[tuple[int, int, int, int]]:
    """The finding's boxes on the first page, clipped to the image; malformed ones dropped."""
    details = finding.get("details") or {}
    if not isinstance(details, dict) or details.get("page") not in (None, 1):
        return []
    raw = details.get("boxes")
    if not isinstance(raw, list):
        return []
    out = []
    for box in raw[:MAX_BOXES_PER_FINDING]:
        if not (isinstance(box, list | tuple) and len(box) == 4):
            continue
        try:
            x, y, w, h = (float(v) for v in box)
        except (TypeError, ValueError):
            continue
        if not all(np.isfinite((x, y, w, h))) or w <= 0 or h <= 0:
            continue
        if width and height:
            x0, y0 = max(0.0, x), max(0.0, y)
            x1, y1 = min(float(width), x + w), min(float(height), y + h)
            if x1 <= x0 or y1 <= y0:
                continue
            x, y, w, h = x0, y0, x1 - x0, y1 - y0
        out.append((round(x), round(y), max(1, round(w)), max(1, round(h))))
    return out


def _positive(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def numbered(
    findings: list[dict], width: int | None, height: int | None
) -> list[tuple[dict, int | None, list[tuple[int, int, int, int]]]]:
    """Each finding in report order with its number (None: nothing to draw) and boxes."""
    out = []
    number = 0
    placeable = _positive(width) and _positive(height)  # else there is no frame to draw in
    for finding in ordered(findings):
        boxes = boxes_of(finding, width, height) if placeable else []
        if boxes:
            number += 1
            out.append((finding, number, boxes))
        else:
            out.append((finding, None, []))
    return out


def marks(findings: list[dict], width: int | None, height: int | None) -> list[Mark]:
    return [
        Mark(number, finding.get("severity", "info"), finding.get("code", ""), box)
        for finding, number, boxes in numbered(findings, width, height)
        if number is not None
        for box in boxes
    ]


# --- drawing ---------------------------------------------------------------------------------


def image_of(raster) -> Image.Image:
    """A RasterImage as an RGB picture at the original's size (alpha over white); an original
    above MAX_EVIDENCE_PIXELS stays reduced (`draw` takes the scale)."""
    pixels = np.asarray(raster.pixels)
    if pixels.ndim == 2:
        pixels = np.repeat(pixels[..., None], 3, axis=2)
    rgb = pixels[..., :3].astype(np.float32)
    if raster.alpha is not None and raster.alpha.shape[:2] == rgb.shape[:2]:
        a = raster.alpha.astype(np.float32)[..., None] / 255.0
        rgb = rgb * a + 255.0 * (1.0 - a)
    img = Image.fromarray(np.clip(np.rint(rgb), 0, 255).astype(np.uint8), "RGB")
    width, height = int(raster.width), int(raster.height)
    if 0 < width * height <= MAX_EVIDENCE_PIXELS and img.size != (width, height):
        img = img.resize((width, height), Image.Resampling.BILINEAR)
    return img


def _font(size: int):
    try:
        return ImageFont.truetype(str(FONT), size)
    except OSError:
        return ImageFont.load_default(size)


def _dashed(draw: ImageDraw.ImageDraw, points, fill, width: int, on: int, off: int) -> None:
    (x0, y0), (x1, y1) = points
    length = max(abs(x1 - x0), abs(y1 - y0))
    if length == 0:
        return
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    pos = 0.0
    while pos < length:
        end = min(length, pos + on)
        draw.line(
            [(x0 + dx * pos, y0 + dy * pos), (x0 + dx * end, y0 + dy * end)], fill=fill, width=width
        )
        pos = end + off


def _outline(draw, box, severity: str, line: int) -> None:
    x0, y0, x1, y1 = box
    colour = OUTLINE.get(severity, OUTLINE["info"])
    draw.rectangle((x0 - line, y0 - line, x1 + line, y1 + line), outline=HALO, width=line * 3)
    edges = [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))]
    if severity == "error":
        draw.rectangle((x0, y0, x1, y1), outline=colour, width=line)
    elif severity == "warning":
        for edge in edges:
            _dashed(draw, edge, colour, line, on=line * 4, off=line * 2)
    else:
        for edge in edges:
            _dashed(draw, edge, colour, line, on=line, off=line)


def draw(image: Image.Image, found: list[Mark], scale: float = 1.0) -> Image.Image:
    """`image` with the marks drawn (boxes in original pixels times `scale`)."""
    out = image.convert("RGB").copy()
    draw_ = ImageDraw.Draw(out)
    short = min(out.size)
    line = max(2, round(short / 300))
    size = max(14, round(short / 28))
    font = _font(size)
    labelled: set[int] = set()
    for mark in found:
        x, y, w, h = (v * scale for v in mark.box)
        pad = line  # just outside the region, so the outline hides none of it
        box = (round(x) - pad, round(y) - pad, round(x + w) - 1 + pad, round(y + h) - 1 + pad)
        _outline(draw_, box, mark.severity, line)
    for mark in found:  # labels last, so no outline crosses a number
        if mark.number in labelled and len(found) > 40:
            continue
        labelled.add(mark.number)
        x, y = mark.box[0] * scale - line, mark.box[1] * scale - 2 * line
        text = str(mark.number)
        left, top, right, bottom = draw_.textbbox((0, 0), text, font=font)
        pad = max(3, size // 5)
        lw, lh = right - left + 2 * pad, bottom - top + 2 * pad
        lx = min(max(0, round(x)), out.width - lw)
        ly = round(y) - lh if y - lh >= 0 else round(y)
        ly = min(max(0, ly), out.height - lh)
        draw_.rectangle((lx - 1, ly - 1, lx + lw, ly + lh), fill=HALO)
        draw_.rectangle((lx, ly, lx + lw - 1, ly + lh - 1), fill=LABEL_BG)
        draw_.text((lx + pad - left, ly + pad - top), text, font=font, fill=(255, 255, 255))
    return out


def evidence_image(raster, findings: list[dict], width: int | None, height: int | None):
    """The evidence picture for a report: the image at the original's size with the marks."""
    base = image_of(raster)
    width = width or raster.width
    height = height or raster.height
    scale = base.width / width if width else 1.0
    return draw(base, marks(findings, width, height), scale)
