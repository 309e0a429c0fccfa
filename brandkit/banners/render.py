"""Render a brand template into a banner at a preset's exact size.

Engine: Pillow with libraqm (HarfBuzz shaping, FriBiDi) — measured against WeasyPrint+pypdfium2
and resvg in the README: it is the only one of the three that renders a screen banner well
inside the 300 ms budget, and text fitting needs many measurements per slot (Pillow measures a
line in microseconds; the others lay out a whole document per try). PDF for print is the same
pixels at the preset's dpi, so the file that was checked is the file that is printed.

The module is pure (no Django): it takes the parsed brandbook dict (`brandbooks.parse` or
`rules.serialise` give the same shape) and returns bytes.
"""

from __future__ import annotations

import io
import math
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from brandkit.brandbooks.parse import LOGO_FILES
from brandkit.colour import contrast_ratio, relative_luminance

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
BRANDBOOKS_DIR = Path(__file__).resolve().parents[1] / "brandbooks"
FORMATS = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "pdf": "application/pdf",
}
LANGS = ("et", "en", "ru")
HYPHEN_DICTS = {"et": "et_EE", "ru": "ru_RU", "en": "en_GB"}
DARK_LUMINANCE = 0.179
# Text is set this much above `min_text_px`: the text check estimates a size from pixels with
# about 10 % error, and a banner that was made compliant must be seen as compliant.
MIN_SIZE_MARGIN = 1.25
SIZE_STEP = 0.94
DEFAULT_DPI = 300
MAX_IMAGE_PIXELS = 60_000_000
MAX_TEXT_CHARS = 1000


class BannerError(ValueError):
    """A request the template cannot honour; `messages` says why in et, en and ru."""

    def __init__(self, code: str, messages: dict[str, str], **details):
        super().__init__(messages["en"])
        self.code = code
        self.messages = messages
        self.details = details


@dataclass
class Rendered:
    data: bytes
    format: str
    width: int
    height: int
    media_type: str
    alt_text: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, float] = field(default_factory=dict)


# -- lookups ----------------------------------------------------------------------------------


def _name(item: dict, lang: str) -> str:
    names = item.get("name") or {}
    return names.get(lang) or names.get("et") or item.get("slug", "")


def template_by_slug(brandbook: dict, slug: str) -> dict:
    for template in brandbook.get("templates") or []:
        if template["slug"] == slug:
            return template
    known = ", ".join(t["slug"] for t in brandbook.get("templates") or []) or "—"
    raise BannerError(
        "template.unknown",
        {
            "et": f"Malli „{slug}” ei ole. Mallid: {known}.",
            "en": f"There is no template “{slug}”. Templates: {known}.",
            "ru": f"Шаблона «{slug}» нет. Шаблоны: {known}.",
        },
        template=slug,
    )


def preset_by_slug(brandbook: dict, slug: str) -> dict:
    for preset in brandbook.get("presets") or []:
        if preset["slug"] == slug:
            return preset
    known = ", ".join(p["slug"] for p in brandbook.get("presets") or []) or "—"
    raise BannerError(
        "preset.unknown",
        {
            "et": f"Kanali suurust „{slug}” ei ole. Suurused: {known}.",
            "en": f"There is no preset “{slug}”. Presets: {known}.",
            "ru": f"Формата «{slug}» нет. Форматы: {known}.",
        },
        preset=slug,
    )


def pixel_size(preset: dict) -> tuple[int, int]:
    """Pixels of the preset: as given, or mm at the preset's minimum dpi (300 without one)."""
    if preset.get("unit") == "mm":
        dpi = float(preset.get("min_dpi") or DEFAULT_DPI)
        return (
            round(preset["width"] / 25.4 * dpi),
            round(preset["height"] / 25.4 * dpi),
        )
    return int(preset["width"]), int(preset["height"])


def layout_class(width: int, height: int) -> str:
    ratio = width / height
    if ratio >= 2.2:
        return "wide"
    if ratio >= 1.3:
        return "landscape"
    if ratio >= 0.9:
        return "square"
    return "tall"


def _colour(brandbook: dict, slug: str) -> tuple[int, int, int]:
    for colour in brandbook["colour"]["colours"]:
        if colour["slug"] == slug:
            hex_code = colour["hex"]
            return tuple(int(hex_code[i : i + 2], 16) for i in (1, 3, 5))
    raise BannerError(
        "colour.unknown",
        {
            "et": f"Värvi „{slug}” ei ole brändiraamatus.",
            "en": f"The colour “{slug}” is not in the brandbook.",
            "ru": f"Цвета «{slug}» нет в брендбуке.",
        },
    )


def _font_path(brandbook: dict, family: str, weight: int, static_dir: Path) -> Path:
    for face in brandbook["typography"]["typefaces"]:
        if face["family"] != family:
            continue
        files = [f for f in face.get("files", []) if f.lower().endswith((".ttf", ".otf"))]
        bold = weight >= 600
        for name in files:
            stem = Path(name).stem.lower()
            if ("bold" in stem) == bold and "italic" not in stem:
                return static_dir / name
        if files:
            return static_dir / files[0]
    raise BannerError(
        "font.missing",
        {
            "et": f"Kirjatüübil {family} pole brändiraamatus fondifaili.",
            "en": f"The typeface {family} has no font file in the brandbook.",
            "ru": f"У шрифта {family} нет файла в брендбуке.",
        },
    )


@lru_cache(maxsize=256)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    engine = (
        ImageFont.Layout.RAQM
        if ImageFont.core.HAVE_RAQM  # type: ignore[attr-defined]
        else ImageFont.Layout.BASIC
    )
    return ImageFont.truetype(path, size, layout_engine=engine)


_hyphen_lock = threading.Lock()


@lru_cache(maxsize=8)
def _hyphenator(lang: str):
    import pyphen

    with _hyphen_lock:
        return pyphen.Pyphen(lang=HYPHEN_DICTS.get(lang, "et_EE"))


# -- text fitting -----------------------------------------------------------------------------


def _split_word(word: str, font, width: float, lang: str) -> tuple[str, str] | None:
    """The longest dictionary hyphenation of `word` whose first part (with its hyphen) fits."""
    for head, tail in _hyphenator(lang).iterate(word):
        if font.getlength(head + "-") <= width:
            return head + "-", tail
    return None


def _wrap(text: str, font, width: float, lang: str, hyphenate: bool) -> list[str] | None:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        words = paragraph.split()
        queue = list(reversed(words))
        while queue:
            word = queue.pop()
            candidate = f"{line} {word}" if line else word
            if font.getlength(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
                line = ""
                queue.append(word)
                continue
            # a word alone wider than the box
            if not hyphenate:
                return None
            split = _split_word(word, font, width, lang)
            if split is None:
                return None
            lines.append(split[0])
            queue.append(split[1])
        if line:
            lines.append(line)
    return lines


@dataclass
class Fitted:
    lines: list[str]
    size: int
    line_px: float
    font: ImageFont.FreeTypeFont


def _size_range(style: dict, cls: str, short: int, min_text_px: float) -> tuple[int, int]:
    low_share, high_share = style["sizes"][cls]
    floor = min_text_px * MIN_SIZE_MARGIN
    low = max(low_share * short, floor)
    high = max(high_share * short, low)
    return math.ceil(low), math.floor(high) if high >= math.ceil(low) else math.ceil(low)


def _sizes(low: int, high: int) -> list[int]:
    sizes, size = [], float(high)
    while size > low:
        sizes.append(int(size))
        size *= SIZE_STEP
    sizes.append(low)
    return sorted(set(sizes), reverse=True)


def _fit(text, path, low, high, box_w, box_h, line_height, lang, pad=0.0) -> Fitted | None:
    sizes = _sizes(low, high)
    for hyphenate in (False, True):
        for size in sizes:
            font = _font(str(path), size)
            inner_w = box_w - 2 * pad * size
            lines = _wrap(text, font, inner_w, lang, hyphenate)
            if lines is None:
                continue
            line_px = size * line_height
            if len(lines) * line_px + 2 * pad * size <= box_h:
                return Fitted(lines, size, line_px, font)
    return None


def _chars_that_fit(text, path, size, box_w, box_h, line_height, lang, pad) -> int:
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if _fit(text[:mid].rstrip(), path, size, size, box_w, box_h, line_height, lang, pad):
            low = mid
        else:
            high = mid - 1
    return low


def _slot_names(slot: str) -> dict[str, str]:
    known = {
        "headline": {"et": "pealkiri", "en": "headline", "ru": "заголовок"},
        "body": {"et": "sisutekst", "en": "body text", "ru": "основной текст"},
        "cta": {"et": "üleskutse", "en": "call to action", "ru": "призыв к действию"},
        "figure": {"et": "arv", "en": "figure", "ru": "число"},
        "when": {"et": "aeg ja koht", "en": "time and place", "ru": "время и место"},
    }
    return known.get(slot, {lang: slot for lang in LANGS})


def _does_not_fit(slot: str, template: dict, preset: dict, size: int, fits: int, total: int):
    names = _slot_names(slot)
    return BannerError(
        "text.does_not_fit",
        {
            "et": f"Tekst „{slot}” ({names['et']}) ei mahu mallis „{template['slug']}” suurusel "
            f"„{preset['slug']}”: väikseimas lubatud kirjasuuruses ({size} px) mahub umbes "
            f"{fits} märki {total}-st. Lühenda teksti.",
            "en": f"The text “{slot}” ({names['en']}) does not fit template "
            f"“{template['slug']}” on preset “{preset['slug']}”: at the smallest allowed size "
            f"({size} px) about {fits} of its {total} characters fit. Shorten the text.",
            "ru": f"Текст «{slot}» ({names['ru']}) не помещается в шаблон «{template['slug']}» "
            f"формата «{preset['slug']}»: при наименьшем допустимом размере ({size} px) "
            f"помещается около {fits} из {total} знаков. Сократите текст.",
        },
        slot=slot,
        fits=fits,
        characters=total,
    )


# -- logo and image ---------------------------------------------------------------------------


def choose_logo(brandbook: dict, preset: dict) -> dict | None:
    """The preset's required logo, else the first logo meant for the preset's channel."""
    logos = brandbook.get("logos") or []
    if preset.get("logo"):
        return next((logo for logo in logos if logo["slug"] == preset["logo"]), None)
    channel = preset.get("channel", "web")
    return next((logo for logo in logos if channel in logo.get("channels", [channel])), None)


def choose_variant(logo: dict, dark_background: bool, lang: str) -> dict | None:
    """Negative (light) artwork on a dark background, positive on a light one; the banner's
    language first, then a variant without a language, then any of that tone."""
    tone = "negative" if dark_background else "positive"
    variants = logo.get("variants") or []
    same_tone = [v for v in variants if v.get("tone") == tone] or variants
    for wanted in (lang, None):
        for variant in same_tone:
            if variant.get("language") == wanted:
                return variant
    return same_tone[0] if same_tone else None


def _artwork_path(brandbook: dict, file: str) -> Path:
    mapped = (brandbook.get(LOGO_FILES) or {}).get(file)
    return Path(mapped) if mapped else BRANDBOOKS_DIR / file


@lru_cache(maxsize=64)
def _logo_image(path: str, width: int, font_dir: str) -> Image.Image:
    data = Path(path).read_bytes()
    if path.lower().endswith(".svg"):
        import resvg_py

        png = resvg_py.svg_to_bytes(
            svg_string=data.decode("utf-8"),
            width=width,
            skip_system_fonts=True,
            font_dirs=[font_dir],
        )
        image = Image.open(io.BytesIO(bytes(png)))
    else:
        image = Image.open(io.BytesIO(data))
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    image.load()
    return image.convert("RGBA")


def _open_image(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise ValueError("too many pixels")
        image = ImageOps.exif_transpose(image)
        return image.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise BannerError(
            "image.unreadable",
            {
                "et": "Pilti ei saa lugeda (PNG, JPEG või WebP, kuni 60 megapikslit).",
                "en": "The image cannot be read (PNG, JPEG or WebP, up to 60 megapixels).",
                "ru": "Изображение не читается (PNG, JPEG или WebP, до 60 мегапикселей).",
            },
        ) from exc


def crop_to(image: Image.Image, width: int, height: int, focal=(0.5, 0.5)) -> Image.Image:
    """Cover a width×height box, cropping around the focal point: the crop window is centred on
    it and moved only as far as the image's edges force, so the focal point stays inside."""
    fx, fy = (min(max(float(v), 0.0), 1.0) for v in focal[:2])
    scale = max(width / image.width, height / image.height)
    win_w, win_h = width / scale, height / scale
    left = min(max(fx * image.width - win_w / 2, 0), image.width - win_w)
    top = min(max(fy * image.height - win_h / 2, 0), image.height - win_h)
    return image.resize((width, height), Image.LANCZOS, box=(left, top, left + win_w, top + win_h))


# -- rendering --------------------------------------------------------------------------------


def _box(layout: list[float], width: int, height: int) -> tuple[int, int, int, int]:
    x, y, w, h = layout
    return round(x * width), round(y * height), round(w * width), round(h * height)


def render_banner(
    brandbook: dict,
    template_slug: str,
    preset_slug: str,
    lang: str,
    texts: dict[str, str],
    *,
    fmt: str = "png",
    image: bytes | None = None,
    focal: tuple[float, float] = (0.5, 0.5),
    pair: int = 0,
    static_dir: Path = STATIC_DIR,
) -> Rendered:
    template = template_by_slug(brandbook, template_slug)
    preset = preset_by_slug(brandbook, preset_slug)
    fmt = "jpeg" if fmt == "jpg" else fmt
    if fmt not in FORMATS:
        raise BannerError(
            "format.unknown",
            {
                "et": f"Vormingut „{fmt}” ei saa teha (PNG, JPEG, WebP, PDF).",
                "en": f"Cannot make the format “{fmt}” (PNG, JPEG, WebP, PDF).",
                "ru": f"Формат «{fmt}» не поддерживается (PNG, JPEG, WebP, PDF).",
            },
        )
    if lang not in LANGS:
        raise BannerError(
            "lang.unknown",
            {
                "et": f"Keel „{lang}” ei ole toetatud (et, en, ru).",
                "en": f"The language “{lang}” is not supported (et, en, ru).",
                "ru": f"Язык «{lang}» не поддерживается (et, en, ru).",
            },
        )
    slots = {slot["name"]: slot for slot in template["slots"]}
    text_slots = [s for s in template["slots"] if s["kind"] == "text"]
    for name in texts:
        if name not in slots or slots[name]["kind"] != "text":
            known = ", ".join(s["name"] for s in text_slots)
            raise BannerError(
                "slot.unknown",
                {
                    "et": f"Mallis „{template['slug']}” pole tekstivälja „{name}”. "
                    f"Väljad: {known}.",
                    "en": f"Template “{template['slug']}” has no text slot “{name}”. "
                    f"Slots: {known}.",
                    "ru": f"В шаблоне «{template['slug']}» нет текстового поля «{name}». "
                    f"Поля: {known}.",
                },
                slot=name,
            )
    texts = {k: " ".join(v.replace("\r", "").split(" ")).strip() for k, v in texts.items()}
    for slot in text_slots:
        text = texts.get(slot["name"], "")
        if slot.get("required", True) and not text:
            names = _slot_names(slot["name"])
            raise BannerError(
                "slot.required",
                {
                    "et": f"Mall „{template['slug']}” vajab teksti „{slot['name']}” "
                    f"({names['et']}).",
                    "en": f"Template “{template['slug']}” needs the text “{slot['name']}” "
                    f"({names['en']}).",
                    "ru": f"Шаблону «{template['slug']}» нужен текст «{slot['name']}» "
                    f"({names['ru']}).",
                },
                slot=slot["name"],
            )
        if len(text) > MAX_TEXT_CHARS:
            raise _does_not_fit(slot["name"], template, preset, 0, MAX_TEXT_CHARS, len(text))
    if image is not None and "image" not in slots:
        raise BannerError(
            "slot.unknown",
            {
                "et": f"Mallis „{template['slug']}” pole pildivälja.",
                "en": f"Template “{template['slug']}” has no image slot.",
                "ru": f"В шаблоне «{template['slug']}» нет поля для изображения.",
            },
            slot="image",
        )
    pairs = template["colour_pairs"]
    colours = pairs[pair] if 0 <= pair < len(pairs) else pairs[0]
    background = _colour(brandbook, colours["background"])
    ink = _colour(brandbook, colours["text"])
    accent = _colour(brandbook, colours["accent"]) if colours.get("accent") else None
    if float(contrast_ratio(ink, background)) < float(
        brandbook["accessibility"].get("text_contrast", 4.5)
    ):
        raise BannerError(
            "colour.contrast",
            {
                "et": "Malli värvipaari kontrast on liiga väike.",
                "en": "The template's colour pair has too little contrast.",
                "ru": "У цветовой пары шаблона недостаточный контраст.",
            },
        )

    width, height = pixel_size(preset)
    cls = layout_class(width, height)
    layout = template["layouts"][cls]
    short = min(width, height)
    min_px = float(brandbook["typography"].get("min_text_px") or 0)
    if preset.get("unit") == "mm":
        min_px = 0.0  # print sizes are points on paper, judged at print size, not pixels

    canvas = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(canvas)

    if "image" in slots and "image" in layout:
        x, y, w, h = _box(layout["image"], width, height)
        if image is not None:
            canvas.paste(crop_to(_open_image(image), w, h, focal), (x, y))
        elif accent is not None:
            draw.rectangle((x, y, x + w - 1, y + h - 1), fill=accent)

    sizes: dict[str, float] = {}
    for slot in text_slots:
        text = texts.get(slot["name"], "")
        if not text:
            continue
        style = template["styles"][slot["style"]]
        path = _font_path(brandbook, style["family"], style["weight"], static_dir)
        low, high = _size_range(style, cls, short, min_px)
        x, y, w, h = _box(layout[slot["name"]], width, height)
        button = slot["name"] == "cta"
        pad = 0.5 if button else 0.0
        fitted = _fit(text, path, low, high, w, h, style["line_height"], slot_lang(lang), pad)
        if fitted is None:
            fits = _chars_that_fit(text, path, low, w, h, style["line_height"], lang, pad)
            raise _does_not_fit(slot["name"], template, preset, low, fits, len(text))
        sizes[slot["name"]] = fitted.size
        fill = ink
        if button:
            text_w = max(fitted.font.getlength(line) for line in fitted.lines)
            pad_px = pad * fitted.size
            block_h = len(fitted.lines) * fitted.line_px + 2 * pad_px
            draw.rounded_rectangle(
                (x, y, x + text_w + 2 * pad_px, y + block_h),
                radius=fitted.size * 0.2,
                fill=ink,
            )
            fill = background
            x, y = round(x + pad_px), round(y + pad_px)
        ascent, descent = fitted.font.getmetrics()
        # centre the glyphs (ascender to descender) in each line's box
        lead = (fitted.line_px - (ascent + descent)) / 2
        for index, line in enumerate(fitted.lines):
            top = y + index * fitted.line_px + lead
            draw.text((x, top), line, font=fitted.font, fill=fill, anchor="la")

    logo = choose_logo(brandbook, preset) if "logo" in slots else None
    if logo is not None and "logo" in layout:
        dark = float(relative_luminance(background)) < DARK_LUMINANCE
        variant = choose_variant(logo, dark, lang)
        if variant is not None:
            lx, ly, lw = layout["logo"]
            logo_w = round(max(lw * width, float(logo.get("min_width_px") or 0) * 1.15))
            artwork = _logo_image(
                str(_artwork_path(brandbook, variant["file"])), logo_w, str(static_dir / "fonts")
            )
            canvas.paste(artwork, (round(lx * width), round(ly * height)), artwork)

    if accent is not None and "image" not in slots:
        bar = max(4, round(0.02 * short))
        draw.rectangle((0, height - bar, width, height), fill=accent)

    alt = " ".join(
        t if t.endswith((".", "!", "?")) else f"{t}."
        for slot in text_slots
        if (t := texts.get(slot["name"], ""))
    )
    return Rendered(
        data=_encode(canvas, fmt, preset),
        format=fmt,
        width=width,
        height=height,
        media_type=FORMATS[fmt],
        alt_text={lang: alt},
        sizes=sizes,
    )


def slot_lang(lang: str) -> str:
    return lang if lang in HYPHEN_DICTS else "et"


def _encode(canvas: Image.Image, fmt: str, preset: dict) -> bytes:
    out = io.BytesIO()
    dpi = float(preset.get("min_dpi") or DEFAULT_DPI) if preset.get("unit") == "mm" else 72.0
    if fmt == "png":
        canvas.save(out, "PNG", dpi=(dpi, dpi), compress_level=6)
    elif fmt == "jpeg":
        canvas.save(out, "JPEG", quality=92, subsampling=0, dpi=(round(dpi), round(dpi)))
    elif fmt == "webp":
        canvas.save(out, "WEBP", lossless=True, method=2)
    else:
        canvas.save(out, "PDF", resolution=dpi, quality=92, subsampling=0)
    return out.getvalue()
