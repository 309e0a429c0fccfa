"""A generated, labelled set of banners for the vision benchmark (bench_vision) and its tests.

Every banner is drawn from a seed, so the set is the same on every run. Each case says what a
reviewer would find in it (`expected`: the finding codes that must be reported) and where the
text that matters is (`text_boxes`, original pixels):

- sizes 1080×1080, 1200×628, 1200×400, 1600×900 and 1920×600, each with the SKA preset of that
  size and the logo that channel carries (coat of arms on web presets, three lions on social);
- text in Estonian, Russian or English, in Roboto, Roboto Condensed, Roboto Slab or DejaVu Sans,
  16–64 px (font size), on flat brand colour, on gradients and on photo-like texture (blurred
  shapes with sensor noise);
- PNG, or JPEG at quality 70–95;
- the logo at or above its minimum width with its clear space, or wrong in one way: too small
  (55–85% of its minimum width),
  distorted (aspect changed 8–20%), clear space violated, wrong variant (positive on dark,
  negative on light), or missing;
- text contrast above the limit, or clearly below it (at most 0.8 × the WCAG limit for its size,
  never invisible: at least 1.4:1).

`compliant` cases (flat brand background, contrast above the limit, logo right) must pass the
whole check; `clean_vision` cases (gradients and photos too) must get no vision finding.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from brandkit.colour import contrast_ratio

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "static" / "fonts"
LOGOS = ROOT / "brandkit" / "brandbooks" / "ska"

BLUE = (0x00, 0x33, 0xA0)
GOLD = (0x85, 0x71, 0x4D)
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)

SIZES = [
    ((1080, 1080), "instagram-square", "three-lions"),
    ((1200, 628), "facebook-link", "three-lions"),
    ((1200, 400), "web-content", "coat-of-arms"),
    ((1600, 900), "x-post", "three-lions"),
    ((1920, 600), "web-hero", "coat-of-arms"),
]
LOGO_MIN_WIDTH = {"coat-of-arms": 120, "three-lions": 80}
LOGO_VARIANTS = {  # tone -> file
    "coat-of-arms": {
        "positive": "coat-of-arms-et-positive.svg",
        "negative": "coat-of-arms-et-negative.svg",
    },
    "three-lions": {"positive": "three-lions-positive.svg", "negative": "three-lions-negative.svg"},
}
CLEAR_SPACE = 0.25  # of the logo's height, both SKA logos

TEXTS = {
    "et": [
        "Pension ja toetused ühest kohast",
        "Taotle peretoetust e-teeninduses",
        "Sotsiaalkindlustusamet aitab",
        "Töövõime hindamine ja hüvitised",
    ],
    "ru": [
        "Пенсии и пособия в одном месте",
        "Подайте заявление на пособие онлайн",
        "Департамент социального страхования",
        "Оценка трудоспособности и пособия",
    ],
    "en": [
        "Pensions and benefits in one place",
        "Apply for family benefits online",
        "The Social Insurance Board helps",
        "Work ability assessment and benefits",
    ],
}
FONT_FILES = {
    "Roboto": ("roboto/Roboto-Regular.ttf", "roboto/Roboto-Bold.ttf"),
    "Roboto Condensed": (
        "roboto-condensed/RobotoCondensed-Regular.ttf",
        "roboto-condensed/RobotoCondensed-Bold.ttf",
    ),
    "Roboto Slab": ("roboto-slab/RobotoSlab-Regular.ttf", "roboto-slab/RobotoSlab-Bold.ttf"),
    "DejaVu Sans": (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
}
LOGO_FAULTS = ("too_small", "distorted", "clear_space", "wrong_variant", "missing")
LOGO_CODES = {
    "too_small": "logo.too_small",
    "distorted": "logo.distorted",
    "clear_space": "logo.clear_space",
    "wrong_variant": "logo.wrong_variant",
    "missing": "logo.missing",
}


@dataclass
class Case:
    name: str
    width: int
    height: int
    preset: str
    logo_slug: str
    fmt: str  # png | jpeg
    quality: int | None
    background: str  # flat | gradient | photo
    lang: str
    font: str
    text_px: int  # the smallest text's font size
    contrast: float  # the lowest text contrast ratio (against the mean background under it)
    logo: str  # ok | too_small | distorted | clear_space | wrong_variant | missing
    logo_width: int | None
    expected: set[str] = field(default_factory=set)
    compliant: bool = False  # must pass the whole check
    clean_vision: bool = False  # must get no vision finding (contrast, typography, text, logo)
    text_boxes: list[list[int]] = field(default_factory=list)  # the low-contrast text
    logo_box: list[int] | None = None
    data: bytes = b""

    @property
    def filename(self) -> str:
        return f"{self.name}.{'jpg' if self.fmt == 'jpeg' else 'png'}"


def font(family: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    path = FONT_FILES[family][1 if bold else 0]
    full = Path(path) if path.startswith("/") else FONTS / path
    if not full.is_file():
        full = FONTS / FONT_FILES["Roboto"][1 if bold else 0]
    return ImageFont.truetype(str(full), size)


def logo_image(slug: str, tone: str, width: int, height: int) -> Image.Image:
    """The logo variant at exactly width x height: rendered at its own aspect (resvg keeps the
    SVG's aspect ratio) 4x larger, then resampled to the box, so a distorted box really
    stretches the artwork."""
    import resvg_py

    svg = (LOGOS / LOGO_VARIANTS[slug][tone]).read_text(encoding="utf-8")
    png = resvg_py.svg_to_bytes(
        svg_string=svg,
        width=max(width, height * 3) * 4,
        skip_system_fonts=True,
        font_dirs=[str(FONTS)],
    )
    art = Image.open(io.BytesIO(bytes(png))).convert("RGB")
    return art.resize((width, height), Image.Resampling.LANCZOS)


def photo(width: int, height: int, rng: np.random.Generator, dark: bool) -> Image.Image:
    """Photo-like texture: blurred shapes of random colours with fine sensor noise, kept dark
    (for white text) or light (for dark text)."""
    small = (max(8, width // 4), max(8, height // 4))
    img = Image.new("RGB", small, tuple(int(v) for v in rng.integers(40, 215, 3)))
    draw = ImageDraw.Draw(img)
    for _ in range(14):
        x, y = rng.integers(0, small[0]), rng.integers(0, small[1])
        r = int(rng.integers(small[1] // 8, small[1] // 2 + 2))
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=tuple(int(v) for v in rng.integers(0, 256, 3))
        )
    img = img.filter(ImageFilter.GaussianBlur(small[1] / 12)).resize(
        (width, height), Image.BILINEAR
    )
    arr = np.asarray(img).astype(np.float32)
    arr = 12 + arr * (80 / 255) if dark else 175 + arr * (80 / 255)
    arr += rng.normal(0, 5, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def gradient(width: int, height: int, a, b, vertical: bool) -> Image.Image:
    t = np.linspace(0, 1, height if vertical else width)[:, None]
    line = (1 - t) * np.array(a, float) + t * np.array(b, float)
    arr = (
        np.repeat(line[:, None, :], width, axis=1)
        if vertical
        else np.repeat(line[None, :, :], height, axis=0)
    )
    return Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8))


def _limit(px: int, bold: bool) -> float:
    """WCAG: large text is 24 px (18 pt) or 18.66 px (14 pt) bold and up: 3:1, else 4.5:1."""
    return 3.0 if px >= 24 or (bold and px >= 19) else 4.5


def _low_colour(bg_mean, limit: float, rng: np.random.Generator):
    """A text colour clearly below the limit against `bg_mean` (ratio 1.4 .. 0.8 x limit)."""
    target = float(rng.uniform(1.6, 0.8 * limit))
    bg = np.array(bg_mean, float)
    hue = rng.uniform(0.6, 1.0, 3)
    best, best_err = None, 1e9
    for k in np.linspace(0, 1, 256):
        for towards in (np.array([255.0, 255.0, 255.0]) * hue, np.zeros(3)):
            colour = np.clip(np.rint(bg + (towards - bg) * k), 0, 255)
            ratio = float(contrast_ratio(colour, bg))
            err = abs(ratio - target)
            if err < best_err:
                best, best_err = tuple(int(v) for v in colour), err
    return best


def _mean_under(img: Image.Image, box) -> tuple[float, float, float]:
    x0, y0, x1, y1 = (int(v) for v in box)
    arr = np.asarray(img.crop((max(0, x0), max(0, y0), min(img.width, x1), min(img.height, y1))))
    return tuple(arr.reshape(-1, 3).mean(axis=0)) if arr.size else (0.0, 0.0, 0.0)


def build_case(
    index: int, kind: str, logo_fault: str | None, rng: np.random.Generator, fmt: str | None = None
) -> Case:
    (width, height), preset, logo_slug = SIZES[index % len(SIZES)]
    lang = ("et", "ru", "en")[index % 3]
    family = list(FONT_FILES)[(index // 3) % len(FONT_FILES)]
    fmt = fmt or ("jpeg" if index % 2 else "png")
    quality = int(rng.integers(70, 96)) if fmt == "jpeg" else None
    background = {"compliant": "flat", "low_contrast": None, "logo": "flat"}[kind]
    if background is None or (kind == "compliant" and index % 4 == 3):
        background = ("flat", "gradient", "photo")[(index // 2) % 3]
    if kind == "logo" and index % 5 == 4:
        background = "photo"

    # background and the colours that go on it
    flat_bg = [BLUE, WHITE, BLACK][(index // 5) % 3]
    dark = flat_bg != WHITE
    if background == "flat":
        img = Image.new("RGB", (width, height), flat_bg)
    elif background == "gradient":
        dark = bool(index % 2)
        a, b = ((0, 40, 150), (0, 20, 70)) if dark else ((255, 255, 255), (215, 222, 235))
        img = gradient(width, height, a, b, vertical=bool(index % 4 < 2))
    else:
        dark = bool(index % 2 == 0)
        img = photo(width, height, rng, dark)
    text_colour = WHITE if dark else (BLUE if index % 2 else BLACK)

    # layout: a text column and a logo corner
    unit = min(width, height)
    margin = round(unit * 0.06)
    head_px = int(rng.integers(36, 65))
    body_px = int(rng.integers(16, 31))
    texts = TEXTS[lang]
    head_text = texts[index % len(texts)]
    body_text = texts[(index + 1) % len(texts)]
    draw = ImageDraw.Draw(img)
    head_font, body_font = font(family, head_px, True), font(family, body_px, False)
    square = width / height < 1.5
    text_x = margin
    head_y = round(height * (0.45 if square else 0.3))
    while draw.textlength(head_text, font=head_font) > width * 0.62 and head_px > 36:
        head_px -= 2
        head_font = font(family, head_px, True)
    if draw.textlength(head_text, font=head_font) > width * 0.62:
        head_text = head_text.rsplit(" ", 1)[0]
    body_y = head_y + round(head_px * 1.5)
    head_box = draw.textbbox((text_x, head_y), head_text, font=head_font)
    body_box = draw.textbbox((text_x, body_y), body_text, font=body_font)

    # which text is weak
    expected: set[str] = set()
    colours = {"head": text_colour, "body": text_colour}
    low_boxes: list[list[int]] = []
    if kind == "low_contrast":
        which = "head" if index % 2 else "body"
        box = head_box if which == "head" else body_box
        px, bold = (head_px, True) if which == "head" else (body_px, False)
        colours[which] = _low_colour(_mean_under(img, box), _limit(px, bold), rng)
        expected.add("contrast.insufficient")
        low_boxes.append([box[0], box[1], box[2] - box[0], box[3] - box[1]])
    draw.text((text_x, head_y), head_text, font=head_font, fill=colours["head"])
    draw.text((text_x, body_y), body_text, font=body_font, fill=colours["body"])
    ratio = min(
        float(contrast_ratio(np.array(colours[w]), np.array(_mean_under(img, b))))
        for w, b in (("head", head_box), ("body", body_box))
    )

    # the logo
    min_w = LOGO_MIN_WIDTH[logo_slug]
    logo = logo_fault or "ok"
    logo_box = None
    logo_width = None
    if logo != "missing":
        factor = (
            float(rng.uniform(1.0, 1.8)) if logo != "too_small" else float(rng.uniform(0.55, 0.85))
        )
        logo_w = max(24, round(min_w * factor * max(1.0, unit / 900)))
        if logo == "too_small":
            # 55–85% of the minimum: clearly too small, and above the half of the minimum
            # below which the detector no longer looks (a smaller logo counts as missing)
            logo_w = round(min_w * float(rng.uniform(0.55, 0.85)))
        logo_h = round(logo_w / 3)
        if logo == "distorted":
            stretch = float(rng.uniform(1.08, 1.2))
            if index % 2:
                logo_w = round(logo_w * stretch)
            else:
                logo_h = round(logo_h * stretch)
        tone = "negative" if dark else "positive"
        if logo == "wrong_variant":
            tone = "positive" if dark else "negative"
        art = logo_image(logo_slug, tone, logo_w, logo_h)
        space = math.ceil(CLEAR_SPACE * logo_h)
        lx = width - margin - logo_w if not square else margin
        ly = margin if not square or index % 2 else height - margin - logo_h
        lx, ly = max(lx, space + 2), max(ly, space + 2)
        img.paste(art, (lx, ly))
        logo_box = [lx, ly, logo_w, logo_h]
        logo_width = logo_w
        if logo == "clear_space":
            # a gold shape intruding into the clear space (at 10–40% of it from the edge)
            gap = max(1, round(space * float(rng.uniform(0.1, 0.4))))
            size = max(10, round(logo_h * 0.5))
            sx = lx - gap - size if lx - gap - size > 0 else lx + logo_w + gap
            ImageDraw.Draw(img).rectangle((sx, ly, sx + size, ly + size), fill=GOLD)
        if logo != "ok":
            expected.add(LOGO_CODES[logo])
    else:
        expected.add("logo.missing")

    buf = io.BytesIO()
    if fmt == "jpeg":
        img.save(buf, "JPEG", quality=quality)
    else:
        img.save(buf, "PNG")
    compliant = background == "flat" and kind != "low_contrast" and logo == "ok"
    clean = kind != "low_contrast" and logo == "ok"
    return Case(
        name=f"{index:03d}-{kind}-{background}-{logo}-{width}x{height}-{lang}",
        width=width,
        height=height,
        preset=preset,
        logo_slug=logo_slug,
        fmt=fmt,
        quality=quality,
        background=background,
        lang=lang,
        font=family,
        text_px=min(head_px, body_px),
        contrast=round(ratio, 2),
        logo=logo,
        logo_width=logo_width,
        expected=expected,
        compliant=compliant,
        clean_vision=clean,
        text_boxes=low_boxes,
        logo_box=logo_box,
        data=buf.getvalue(),
    )


def cases(
    seed: int = 2026, compliant: int = 60, low_contrast: int = 50, per_fault: int = 14
) -> list[Case]:
    rng = np.random.default_rng(seed)
    plan = [("compliant", None)] * compliant + [("low_contrast", None)] * low_contrast
    for fault in LOGO_FAULTS:
        plan += [("logo", fault)] * per_fault
    return [build_case(i, kind, fault, rng) for i, (kind, fault) in enumerate(plan)]


def speed_banner(width: int, height: int) -> bytes:
    """A compliant PNG with a headline, a body line and the logo (for the timings)."""
    rng = np.random.default_rng(7)
    index = next(i for i, (size, _, _) in enumerate(SIZES) if size == (width, height))
    return build_case(index, "compliant", None, rng, fmt="png").data
