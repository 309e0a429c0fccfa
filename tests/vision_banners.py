"""Generated banners for the vision checks: text in bundled fonts on flat colour, gradients and
photo-like noise, with an optional logo rendered from the brandbook's SVG, saved as PNG/JPEG.

Importable by tests and benchmarks (no pytest here)."""

from __future__ import annotations

import io
import pathlib
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = pathlib.Path(__file__).resolve().parents[1]
FONTS = ROOT / "static" / "fonts"
ROBOTO = FONTS / "roboto" / "Roboto-Regular.ttf"
ROBOTO_BOLD = FONTS / "roboto" / "Roboto-Bold.ttf"
DEJAVU = pathlib.Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
OTHER_FONT = DEJAVU if DEJAVU.is_file() else ROBOTO
LOGO = ROOT / "brandkit" / "brandbooks" / "ska" / "three-lions-negative.svg"

PRIMARY = (0, 51, 160)  # SKA blue #0033A0
GOLD = (0xC8, 0xA4, 0x15)  # white on it: about 2.2:1
WHITE = (255, 255, 255)


@dataclass
class Text:
    text: str
    size: int
    xy: tuple[int, int]
    colour: tuple[int, int, int] = WHITE
    font: pathlib.Path = ROBOTO


def background(width: int, height: int, kind: str, colour, seed: int = 1) -> Image.Image:
    if kind == "flat":
        return Image.new("RGB", (width, height), colour)
    if kind == "gradient":
        top = np.array(colour, float)
        bottom = top * 0.45
        t = np.linspace(0, 1, width)[None, :, None]
        arr = top * (1 - t) + bottom * t
        return Image.fromarray(np.repeat(arr, height, axis=0).astype(np.uint8), "RGB")
    if kind == "photo":
        rng = np.random.default_rng(seed)
        small = rng.integers(0, 255, (height // 40 + 2, width // 40 + 2, 3)).astype(np.uint8)
        base = Image.fromarray(small, "RGB").resize((width, height), Image.Resampling.BICUBIC)
        arr = np.asarray(base, float) * 0.35 + np.array(colour, float) * 0.65
        arr += rng.normal(0, 6, arr.shape)
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    raise ValueError(kind)


def logo(width_px: int) -> Image.Image:
    import resvg_py

    png = resvg_py.svg_to_bytes(svg_path=str(LOGO), width=width_px, skip_system_fonts=True)
    return Image.open(io.BytesIO(bytes(png))).convert("RGBA")


def banner(
    width: int = 1200,
    height: int = 628,
    texts: list[Text] | None = None,
    *,
    kind: str = "flat",
    colour=PRIMARY,
    logo_width: int | None = 160,
    fmt: str = "png",
    quality: int = 85,
    seed: int = 1,
) -> bytes:
    image = background(width, height, kind, colour, seed)
    draw = ImageDraw.Draw(image)
    for item in texts or []:
        draw.text(
            item.xy, item.text, font=ImageFont.truetype(str(item.font), item.size), fill=item.colour
        )
    if logo_width:
        mark = logo(logo_width)
        margin = int(mark.height * 0.5) + 20
        image.paste(mark, (width - mark.width - margin, height - mark.height - margin), mark)
    out = io.BytesIO()
    if fmt == "jpeg":
        image.save(out, format="JPEG", quality=quality)
    else:
        image.save(out, format=fmt.upper())
    return out.getvalue()


def compliant(fmt: str = "png", **kwargs) -> bytes:
    """White 36–64 px Roboto on the primary colour, logo at more than its minimum size."""
    return banner(
        texts=[
            Text("Toetused ja pensionid ühest kohast", 64, (60, 110), font=ROBOTO_BOLD),
            Text("Sotsiaalkindlustusamet aitab igas elujärgus", 36, (60, 220)),
        ],
        fmt=fmt,
        **kwargs,
    )
