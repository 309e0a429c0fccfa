"""Generated banners with a brand logo placed in a known way, for the logo tests and benchmarks.

Every banner comes with its truth (where the logo is, how wide, how stretched, whether its
clear space is kept), so a test or the accuracy benchmark can score the logo check. The logo
artwork is the brandbook's own SVG rendered with resvg (the same renderer the check uses for
its templates, but at the banner's size, then composed with Pillow), backgrounds are flat,
gradients or a synthetic "photo" (smooth coloured noise with shapes), and the result can be
saved as PNG or JPEG at any quality.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import resvg_py
from PIL import Image, ImageDraw, ImageFont

from brandkit.brandbooks import SKA_BRANDBOOK

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "static" / "fonts"
LOGO_DIR = SKA_BRANDBOOK.parent
BLUE = (0, 51, 160)
WHITE = (255, 255, 255)
GOLD = (133, 113, 77)


def logo_file(logo: str = "coat-of-arms", variant: str = "et-negative") -> Path:
    names = {
        ("coat-of-arms", "et-positive"): "ska/coat-of-arms-et-positive.svg",
        ("coat-of-arms", "et-negative"): "ska/coat-of-arms-et-negative.svg",
        ("coat-of-arms", "en-positive"): "ska/coat-of-arms-en-positive.svg",
        ("three-lions", "positive"): "ska/three-lions-positive.svg",
        ("three-lions", "negative"): "ska/three-lions-negative.svg",
    }
    return LOGO_DIR / names[(logo, variant)]


def render_logo(path: Path, width: int, height: int | None = None) -> Image.Image:
    """The SVG at `width` px (its own aspect), then resized to `height` if given (stretch)."""
    png = resvg_py.svg_to_bytes(
        svg_string=path.read_text(encoding="utf-8"),
        width=int(width),
        skip_system_fonts=True,
        font_dirs=[str(FONTS)],
    )
    image = Image.open(io.BytesIO(bytes(png))).convert("RGBA")
    if height is not None and height != image.height:
        image = image.resize((int(width), int(height)), Image.Resampling.LANCZOS)
    return image


def logo_aspect(path: Path) -> float:
    image = render_logo(path, 480)
    return image.width / image.height


def flat(size: tuple[int, int], colour=BLUE) -> Image.Image:
    return Image.new("RGB", size, colour)


def gradient(size: tuple[int, int], start=BLUE, end=(0, 20, 70)) -> Image.Image:
    w, h = size
    t = np.linspace(0.0, 1.0, w, dtype=np.float32)[None, :, None]
    a = np.array(start, dtype=np.float32)[None, None, :]
    b = np.array(end, dtype=np.float32)[None, None, :]
    row = a + (b - a) * t
    return Image.fromarray(np.repeat(row, h, axis=0).clip(0, 255).astype(np.uint8))


def photo(size: tuple[int, int], seed: int = 0, dark: bool = True) -> Image.Image:
    """A photo-like background: smooth multi-scale coloured noise with a few soft shapes."""
    rng = np.random.default_rng(seed)
    w, h = size
    out = np.zeros((h, w, 3), dtype=np.float32)
    for cells, weight in ((4, 0.55), (16, 0.3), (64, 0.15)):
        small = rng.random((max(2, cells * h // w), cells, 3)).astype(np.float32)
        out += weight * np.asarray(
            Image.fromarray((small * 255).astype(np.uint8)).resize(
                (w, h), Image.Resampling.BICUBIC
            ),
            dtype=np.float32,
        )
    image = Image.fromarray(out.clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        r = int(rng.integers(h // 10, h // 3))
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    image = image.filter(__import__("PIL.ImageFilter", fromlist=["GaussianBlur"]).GaussianBlur(3))
    if dark:
        image = Image.fromarray((np.asarray(image, dtype=np.float32) * 0.45).astype(np.uint8))
    return image


@dataclass
class Banner:
    image: Image.Image
    logo: str | None  # logo slug placed, None for no logo
    variant: str | None
    box: tuple[int, int, int, int] | None  # x, y, w, h of the placed logo
    stretch: float = 1.0  # height factor applied (1.0 = not distorted)
    clear_space_kept: bool = True
    notes: dict = field(default_factory=dict)

    def encode(self, fmt: str = "png", quality: int = 85) -> bytes:
        buffer = io.BytesIO()
        if fmt == "jpeg":
            self.image.convert("RGB").save(buffer, "JPEG", quality=quality)
        else:
            self.image.save(buffer, fmt.upper())
        return buffer.getvalue()


def headline(image: Image.Image, text: str, xy: tuple[int, int], size: int = 48, fill=WHITE):
    font = ImageFont.truetype(str(FONTS / "roboto" / "Roboto-Bold.ttf"), size)
    ImageDraw.Draw(image).text(xy, text, font=font, fill=fill)
    return image


def banner(
    size: tuple[int, int] = (1920, 600),
    *,
    background: Image.Image | None = None,
    logo: str | None = "coat-of-arms",
    variant: str = "et-negative",
    width: int = 240,
    stretch: float = 1.0,
    at: tuple[int, int] | None = None,
    clear_space: float = 0.25,
    text: str | None = "Sotsiaalkindlustusamet aitab",
    intrude: bool = False,
) -> Banner:
    """A banner with one logo `width` px wide at `at` (default: top-left, clear space kept
    from the edges), its height multiplied by `stretch`, and a headline placed outside the
    logo's clear space — or, with `intrude`, a block of text inside it."""
    image = (background or flat(size)).copy().convert("RGB")
    if logo is None:
        if text:
            headline(image, text, (size[0] // 10, size[1] // 2 - 30))
        return Banner(image, None, None, None)
    path = logo_file(logo, variant)
    natural = render_logo(path, width)
    height = round(natural.height * stretch)
    art = render_logo(path, width, height) if stretch != 1.0 else natural
    margin = round(clear_space * height)
    if at is None:
        at = (margin + 16, margin + 16)
    x, y = at
    image.paste(art, (x, y), art)
    text_x = x + width + margin + 24
    if text:
        headline(image, text, (text_x, y + height // 4), size=max(36, min(64, height // 2)))
    kept = True
    if intrude:
        # a block of text starting inside the clear space, right of the logo
        block_x = x + width + max(2, margin // 3)
        ground = image.getpixel((min(size[0] - 1, block_x + 2), y + height // 2))
        light = sum(ground[:3]) > 3 * 128
        ImageDraw.Draw(image).rectangle(
            (block_x, y + height // 4, block_x + max(12, margin), y + 3 * height // 4),
            fill=BLUE if light else WHITE,
        )
        kept = False
    return Banner(image, logo, variant, (x, y, width, height), stretch, kept)
