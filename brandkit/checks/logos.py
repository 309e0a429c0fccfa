"""Logo check: is the brand's logo there, at its size, undistorted, with its clear space, in
the right variant and on a channel it is meant for?

The brandbook's logo variants are the templates (`logo_match` renders and caches them; this
module only applies the brand rules to what it finds). Every format is seen as pixels: rasters
as decoded, SVG and PDF pages through `rasterise` when that is available.

Codes
-----
- ``logo.missing``: the preset names a logo (``logo:``) and it is not found in the image.
- ``logo.too_small``: a found logo is narrower than the logo's ``min_width_px`` (for a print
  preset in mm: lower than ``min_height_mm`` at the preset's size).
- ``logo.clear_space``: other content lies inside ``clear_space`` × the logo's height around
  the logo (more than 2 % of that ring differs from the fitted background), or that zone runs
  off the edge of the image.
- ``logo.distorted``: the logo's aspect ratio differs from the artwork's by more than 2 %
  (and by more than one pixel of its height: a smaller change cannot be measured).
- ``logo.wrong_variant`` (always a warning): a positive (dark) variant on a dark background or
  a negative (light) variant on a light one.
- ``logo.forbidden``: a found logo whose ``channels`` do not include the preset's channel (the
  coat-of-arms logo on social media).

Severity: errors, except ``logo.wrong_variant``; every finding about a logo with
``confirmed: false`` (placeholder artwork) is a warning, so real files are never failed against
placeholder art.

Without a preset nothing is required and no channel is known: ``logo.missing`` and
``logo.forbidden`` need a preset. A logo that is found is still checked for its size, clear
space, distortion and variant, because those rules hold on every channel.

Every finding about a found logo carries ``details["boxes"]`` ([[x, y, w, h], …] in the
original image's pixels): the logo, or for a clear-space finding the intruding content (the
clear-space zone when the zone runs off the image).
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from brandkit.brandbooks.parse import LOGO_FILES
from brandkit.checks import logo_match
from brandkit.checks._messages import each_lang, finding, name_of, num, pct
from brandkit.checks.report import Finding
from brandkit.checks.types import Decoded, RasterImage
from brandkit.colour import relative_luminance, to_hex

log = logging.getLogger(__name__)

MAX_DISTORTION = 0.02  # aspect ratio change allowed
DARK_LUMINANCE = 0.179  # WCAG luminance where white and black text contrast equally
MAX_ARTWORK_BYTES = 5_000_000
SEARCH_BELOW_MINIMUM = 0.6  # logos down to this share of their minimum width are looked for
DEFAULT_SEARCH_WIDTH = 40.0  # px (original) when no logo has a minimum width

CHANNEL_NAMES = {
    "web": {"et": "veeb", "en": "web", "ru": "веб"},
    "social": {"et": "sotsiaalmeedia", "en": "social media", "ru": "социальные сети"},
    "print": {"et": "trükis", "en": "print", "ru": "печать"},
}
UNCONFIRMED = {
    "et": " (Logo kujundus on veel kinnitamata, seepärast on see hoiatus.)",
    "en": " (The logo artwork is not confirmed yet, so this is a warning.)",
    "ru": " (Логотип ещё не утверждён, поэтому это предупреждение.)",
}


def check(decoded: Decoded, brandbook: dict, preset: dict | None) -> list[Finding]:
    if not isinstance(brandbook, dict) or not isinstance(brandbook.get("logos"), list):
        return []
    logos = {
        logo["slug"]: logo
        for logo in brandbook["logos"]
        if isinstance(logo, dict) and isinstance(logo.get("slug"), str)
    }
    templates = templates_for(brandbook)
    if not templates:
        return []
    required = (preset or {}).get("logo") if isinstance(preset, dict) else None
    if required and (required not in logos or not any(t.logo == required for t in templates)):
        log.warning("logo %s has no readable artwork: not looked for", required)
        required = None
    raster = _raster(decoded)
    if raster is None or raster.pixels.ndim != 3 or min(raster.pixels.shape[:2]) < 16:
        return []
    scale = raster.scale if raster.scale and raster.scale > 0 else 1.0
    rgb = _opaque_rgb(raster)
    matches = _matches(decoded, brandbook, logos, templates, rgb, scale)
    out: list[Finding] = []
    for match in matches:
        logo = logos.get(match.logo)
        if logo is not None:
            out += _about(match, logo, rgb, raster, scale, preset)
    if required and not any(m.logo == required for m in matches):
        out.append(_missing(logos[required], preset))
    return out


def _matches(decoded, brandbook, logos, templates, rgb, scale) -> list[logo_match.Match]:
    """The logos found, once per decoded file (kept in `decoded.cache`: the text check asks
    first, through `found_boxes`)."""
    if "logos.matches" in decoded.cache:
        return decoded.cache["logos.matches"]
    lows = {slug: max(16.0, scale * _search_from(logo)) for slug, logo in logos.items()}
    matches = logo_match.find_logos(logo_match.to_gray(rgb), templates, min_width=lows)
    decoded.cache["logos.matches"] = matches
    return matches


def found_boxes(decoded: Decoded, brandbook: dict) -> list[list[int]]:
    """Boxes ([x, y, w, h], original pixels) of the brand logos found in the image: the text
    check leaves the lettering inside a logo alone (a wordmark is artwork, not body text)."""
    if not isinstance(brandbook, dict) or not isinstance(brandbook.get("logos"), list):
        return []
    logos = {
        logo["slug"]: logo
        for logo in brandbook["logos"]
        if isinstance(logo, dict) and isinstance(logo.get("slug"), str)
    }
    templates = templates_for(brandbook)
    raster = _raster(decoded)
    if not templates or raster is None or raster.pixels.ndim != 3:
        return []
    if min(raster.pixels.shape[:2]) < 16:
        return []
    scale = raster.scale if raster.scale and raster.scale > 0 else 1.0
    matches = _matches(decoded, brandbook, logos, templates, _opaque_rgb(raster), scale)
    return [_original_box(match.box, scale) for match in matches]


def _search_from(logo: dict) -> float:
    """The smallest width (original px) a logo is looked for at: well below its minimum, so
    a too small logo is found and reported rather than missed."""
    minimum = logo.get("min_width_px")
    if isinstance(minimum, int | float) and not isinstance(minimum, bool) and minimum > 0:
        return SEARCH_BELOW_MINIMUM * float(minimum)
    return DEFAULT_SEARCH_WIDTH


# -- inputs -----------------------------------------------------------------------------------


def _raster(decoded: Decoded) -> RasterImage | None:
    """The image as pixels: the shared rasteriser when there is one, else what decoding gave."""
    try:
        from brandkit.checks.rasterise import rasterise
    except ImportError:
        rasterise = None
    if rasterise is not None:
        try:
            image = rasterise(decoded)
        except Exception:  # a rasteriser bug must not hide the raster we already have
            log.exception("rasterise failed; using the decoded raster")
        else:
            if image is not None:
                return image
    if decoded.raster is not None:
        return decoded.raster
    if decoded.pdf is not None and decoded.pdf.pages:
        return decoded.pdf.pages[0]
    if decoded.svg is not None:
        return decoded.svg.raster
    return None


def _opaque_rgb(raster: RasterImage) -> np.ndarray:
    """Transparent areas are seen as white (how a viewer shows them on a page)."""
    rgb = np.ascontiguousarray(raster.pixels[..., :3], dtype=np.uint8)
    alpha = raster.alpha
    if alpha is None or alpha.shape != rgb.shape[:2]:
        return rgb
    a = alpha.astype(np.float32)[..., None] / 255.0
    return (rgb * a + 255.0 * (1.0 - a)).astype(np.uint8)


_artwork_cache: OrderedDict[tuple, bytes | None] = OrderedDict()
_artwork_lock = threading.Lock()


def _artwork(path: str) -> bytes | None:
    """A logo file's bytes, read again only when the file changes."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, stat.st_size)
    with _artwork_lock:
        if key in _artwork_cache:
            return _artwork_cache[key]
    data = None
    if stat.st_size <= MAX_ARTWORK_BYTES:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = None
    with _artwork_lock:
        _artwork_cache[key] = data
        while len(_artwork_cache) > 64:
            _artwork_cache.popitem(last=False)
    return data


def templates_for(brandbook: dict) -> list[logo_match.Template]:
    """Every logo variant of the brandbook whose artwork can be read and rendered. Files come
    from the brandbook's run-time `_logo_files` (see `brandkit.brandbooks.parse`)."""
    files = brandbook.get(LOGO_FILES)
    logos = brandbook.get("logos")
    if not isinstance(files, dict) or not isinstance(logos, list):
        return []
    out: list[logo_match.Template] = []
    for logo in logos:
        if not isinstance(logo, dict) or not isinstance(logo.get("variants"), list):
            continue
        for variant in logo["variants"]:
            if not isinstance(variant, dict) or not isinstance(variant.get("file"), str):
                continue
            path = files.get(variant["file"])
            data = _artwork(path) if isinstance(path, str) else None
            if not data:
                continue
            template = logo_match.cached_template(
                data,
                path,
                logo=str(logo.get("slug", "")),
                variant=str(variant.get("slug", "")),
                tone=variant.get("tone"),
            )
            if template is not None:
                out.append(template)
    return out


# -- findings ---------------------------------------------------------------------------------


def _severity(logo: dict, normal: str = "error") -> str:
    return normal if logo.get("confirmed", True) else "warning"


def _messages(logo: dict, build) -> dict[str, str]:
    messages = each_lang(build)
    if not logo.get("confirmed", True):
        messages = {lang: text + UNCONFIRMED[lang] for lang, text in messages.items()}
    return messages


def _original_box(box, scale: float) -> list[int]:
    x, y, w, h = box
    return [round(x / scale), round(y / scale), max(1, round(w / scale)), max(1, round(h / scale))]


def _about(
    match: logo_match.Match,
    logo: dict,
    rgb: np.ndarray,
    raster: RasterImage,
    scale: float,
    preset: dict | None,
) -> list[Finding]:
    out: list[Finding] = []
    box = _original_box(match.box, scale)
    common = {
        "logo": logo["slug"],
        "variant": match.variant,
        "confirmed": bool(logo.get("confirmed", True)),
        "score": round(match.score, 3),
        "logo_box": box,
    }

    def name(lang: str) -> str:
        return name_of(logo, lang)

    # forbidden on this channel
    channel = (preset or {}).get("channel")
    allowed = logo.get("channels") or list(CHANNEL_NAMES)
    if preset is not None and channel and channel not in allowed:
        usage = logo.get("usage") or {}

        def forbidden(lang: str) -> str:
            where = CHANNEL_NAMES.get(channel, {}).get(lang, channel)
            said = usage.get(lang) or usage.get("en") or ""
            text = {
                "et": f"Logo „{name(lang)}” ei kasutata kanalis „{where}” "
                f"(eelseade „{name_of(preset, lang)}”).",
                "en": f"The {name(lang)} is not used on the {where} channel "
                f"(preset “{name_of(preset, lang)}”).",
                "ru": f"Логотип «{name(lang)}» не используется в канале «{where}» "
                f"(шаблон «{name_of(preset, lang)}»).",
            }[lang]
            return f"{text} {said}".strip()

        out.append(
            finding(
                "logo.forbidden",
                _severity(logo),
                _messages(logo, forbidden),
                boxes=[box],
                channel=channel,
                allowed_channels=list(allowed),
                preset=preset.get("slug"),
                **common,
            )
        )

    # size
    small = _too_small(match, logo, raster, scale, preset)
    if small is not None:
        measured, required, unit = small

        def too_small(lang: str) -> str:
            m, r = num(measured, lang, 0 if unit == "px" else 1), num(required, lang, 0)
            if unit == "mm":
                r = num(required, lang, 1)
                return {
                    "et": f"Logo „{name(lang)}” on {m} mm kõrge; väikseim lubatud kõrgus on "
                    f"{r} mm.",
                    "en": f"The {name(lang)} is {m} mm high; it must be at least {r} mm high.",
                    "ru": f"Высота логотипа «{name(lang)}» {m} мм; минимально допустимая — {r} мм.",
                }[lang]
            return {
                "et": f"Logo „{name(lang)}” on {m} px lai; väikseim lubatud laius on {r} px.",
                "en": f"The {name(lang)} is {m} px wide; it must be at least {r} px wide.",
                "ru": f"Ширина логотипа «{name(lang)}» {m} пикс.; минимально допустимая — "
                f"{r} пикс.",
            }[lang]

        sizes = (
            {"width_px": box[2], "required_px": required}
            if unit == "px"
            else {"height_mm": round(measured, 2), "required_mm": required}
        )
        out.append(
            finding(
                "logo.too_small",
                _severity(logo),
                _messages(logo, too_small),
                boxes=[box],
                **sizes,
                **common,
            )
        )

    # distortion (x and y scale measured separately by the matcher)
    change = match.aspect_change
    measurable = 1.0 / max(1.0, min(match.width, match.height))
    if abs(change) > max(MAX_DISTORTION, measurable):
        direction = {
            True: {"et": "laiemaks", "en": "wider", "ru": "шире"},
            False: {"et": "kitsamaks", "en": "narrower", "ru": "уже"},
        }[change > 0]

        def distorted(lang: str) -> str:
            amount = pct(abs(change), lang)
            limit = pct(MAX_DISTORTION, lang, 0)
            return {
                "et": f"Logo „{name(lang)}” on moonutatud: see on venitatud {amount} "
                f"{direction['et']} (lubatud kuni {limit}). Skaleeri logo ühtlaselt "
                "(lukusta kuvasuhe).",
                "en": f"The {name(lang)} is distorted: it is stretched {amount} "
                f"{direction['en']} (at most {limit} allowed). Scale the logo proportionally "
                "(lock its aspect ratio).",
                "ru": f"Логотип «{name(lang)}» искажён: он растянут на {amount} "
                f"({direction['ru']} оригинала; допустимо до {limit}). Масштабируйте логотип "
                "пропорционально (зафиксируйте соотношение сторон).",
            }[lang]

        out.append(
            finding(
                "logo.distorted",
                _severity(logo),
                _messages(logo, distorted),
                boxes=[box],
                aspect_change_pct=round(change * 100.0, 2),
                allowed_pct=MAX_DISTORTION * 100.0,
                width_px=box[2],
                height_px=box[3],
                **common,
            )
        )

    # clear space and background
    share = float(logo.get("clear_space") or 0.0)
    margin = share * match.height
    around = logo_match.surroundings(rgb, match.box, max(margin, 2.0))
    if share > 0 and (around.content_share > logo_match.CLEAR_SHARE or around.edges):
        needed = round(margin / scale)
        edge_words = {
            "left": {"et": "vasakule", "en": "left", "ru": "левому"},
            "top": {"et": "üles", "en": "top", "ru": "верхнему"},
            "right": {"et": "paremale", "en": "right", "ru": "правому"},
            "bottom": {"et": "alla", "en": "bottom", "ru": "нижнему"},
        }

        def clear(lang: str) -> str:
            parts = []
            if around.content_share > logo_match.CLEAR_SHARE:
                parts.append(
                    {
                        "et": "kaitsealal on muud sisu",
                        "en": "other content is inside it",
                        "ru": "в охранное поле попадает другое содержимое",
                    }[lang]
                )
            if around.edges:
                sides = ", ".join(edge_words[side][lang] for side in around.edges)
                parts.append(
                    {
                        "et": f"logo on pildi servale liiga lähedal ({sides})",
                        "en": f"the logo is too close to the {sides} edge of the image",
                        "ru": f"логотип слишком близко к краю изображения ({sides})",
                    }[lang]
                )
            what = "; ".join(parts)
            n, s = num(needed, lang, 0), pct(share, lang, 0)
            return {
                "et": f"Logo „{name(lang)}” kaitseala on rikutud: ümber logo peab jääma {n} px "
                f"({s} logo kõrgusest) tühja ruumi; {what}.",
                "en": f"The {name(lang)} lacks its clear space: {n} px ({s} of the logo's "
                f"height) must stay free around it; {what}.",
                "ru": f"Нарушено охранное поле логотипа «{name(lang)}»: вокруг логотипа должно "
                f"оставаться {n} пикс. ({s} его высоты) свободного места; {what}.",
            }[lang]

        places = [_original_box(b, scale) for b in around.intrusions]
        if not places:
            places = [_original_box(around.zone, scale)]
        out.append(
            finding(
                "logo.clear_space",
                _severity(logo),
                _messages(logo, clear),
                boxes=places,
                clear_space=share,
                needed_px=needed,
                content_share=round(around.content_share, 4),
                edges=list(around.edges),
                zone_box=_original_box(around.zone, scale),
                **common,
            )
        )

    background = around.background
    dark = float(relative_luminance(background)) < DARK_LUMINANCE
    wrong = (match.tone == "positive" and dark) or (match.tone == "negative" and not dark)
    if wrong:

        def variant(lang: str) -> str:
            if dark:
                return {
                    "et": f"Logo „{name(lang)}” positiivne (tume) variant on tumedal taustal; "
                    "tumedal taustal kasuta negatiivset (heledat) varianti.",
                    "en": f"The positive (dark) version of the {name(lang)} is on a dark "
                    "background; use the negative (light) version on dark backgrounds.",
                    "ru": f"Позитивная (тёмная) версия логотипа «{name(lang)}» стоит на тёмном "
                    "фоне; на тёмном фоне используйте негативную (светлую) версию.",
                }[lang]
            return {
                "et": f"Logo „{name(lang)}” negatiivne (hele) variant on heledal taustal; "
                "heledal taustal kasuta positiivset (tumedat) varianti.",
                "en": f"The negative (light) version of the {name(lang)} is on a light "
                "background; use the positive (dark) version on light backgrounds.",
                "ru": f"Негативная (светлая) версия логотипа «{name(lang)}» стоит на светлом "
                "фоне; на светлом фоне используйте позитивную (тёмную) версию.",
            }[lang]

        out.append(
            finding(
                "logo.wrong_variant",
                "warning",
                _messages(logo, variant),
                boxes=[box],
                tone=match.tone,
                background=to_hex(background),
                background_is_dark=dark,
                **common,
            )
        )
    return out


def _too_small(
    match: logo_match.Match,
    logo: dict,
    raster: RasterImage,
    scale: float,
    preset: dict | None,
) -> tuple[float, float, str] | None:
    """(measured, required, unit) when the logo is below its minimum, else None. A print
    preset in mm is judged by the logo's printed height; everything else by its pixel width
    (one pixel of slack for the measurement)."""
    if preset and preset.get("unit") == "mm" and logo.get("min_height_mm"):
        try:
            page_mm = float(preset["height"])
        except (KeyError, TypeError, ValueError):
            return None
        rows = raster.pixels.shape[0]
        height_mm = match.height / rows * page_mm if rows else 0.0
        required = float(logo["min_height_mm"])
        return (height_mm, required, "mm") if height_mm < required * 0.98 else None
    if logo.get("min_width_px"):
        width = match.width / scale
        required = float(logo["min_width_px"])
        return (width, required, "px") if width + 1.0 < required else None
    return None


def _missing(logo: dict, preset: dict) -> Finding:
    minimum = logo.get("min_width_px")

    def missing(lang: str) -> str:
        preset_name, name = name_of(preset, lang), name_of(logo, lang)
        size = {
            "et": f" vähemalt {num(minimum, lang, 0)} px laiusena" if minimum else "",
            "en": f" at least {num(minimum, lang, 0)} px wide" if minimum else "",
            "ru": f" шириной не менее {num(minimum, lang, 0)} пикс." if minimum else "",
        }[lang]
        return {
            "et": f"Eelseade „{preset_name}” nõuab logo „{name}”, kuid seda ei leitud. Lisa "
            f"logo{size} koos kaitsealaga.",
            "en": f"The “{preset_name}” preset needs the {name}, but it was not found. Add the "
            f"logo{size} with its clear space.",
            "ru": f"Для шаблона «{preset_name}» нужен логотип «{name}», но он не найден. "
            f"Добавьте логотип{size} с охранным полем.",
        }[lang]

    return finding(
        "logo.missing",
        _severity(logo),
        _messages(logo, missing),
        logo=logo["slug"],
        preset=preset.get("slug"),
        min_width_px=minimum,
        confirmed=bool(logo.get("confirmed", True)),
    )
