"""Contrast check: WCAG 2.x contrast of text against what is behind it.

Codes
-----
- ``contrast.insufficient`` (error): SVG text whose contrast ratio with the fill behind it is
  below ``accessibility.text_contrast`` (normal text) or ``large_text_contrast`` (large text:
  at least ``large_text_px``, or bold (weight ≥ 700) and at least ``large_bold_text_px``).
  The ratio is compared unrounded, as WCAG requires (4.499 fails 4.5), and reported to 2 dp.
- ``contrast.unknown_background`` (info): SVG text whose background (or own colour) could not
  be resolved (an image, a gradient, or nothing painted behind it), so it was not checked.
- ``contrast.dominant_pairs`` (info): rasters and rendered PDF pages: the contrast ratio of
  every pair among the (up to) four largest colour areas. There is no verdict: which pair is
  text on background cannot be known from pixels alone.
"""

from __future__ import annotations

from itertools import combinations

from brandkit.checks import _raster
from brandkit.checks._messages import MAX_LISTED, each_lang, finding, listing, num, pct, snippet
from brandkit.checks.report import Finding
from brandkit.checks.types import Decoded, RasterImage, SvgText
from brandkit.colour import contrast_ratio, to_hex

DOMINANT_COLOURS = 4
MAX_FINDINGS = 30


def _thresholds(brandbook: dict) -> dict:
    access = brandbook.get("accessibility", {})
    return {
        "text": float(access.get("text_contrast", 4.5)),
        "large": float(access.get("large_text_contrast", 3.0)),
        "large_px": float(access.get("large_text_px", 24)),
        "large_bold_px": float(access.get("large_bold_text_px", 18.66)),
    }


def is_large(text: SvgText, limits: dict) -> bool:
    size = text.font_size_px
    if size is None:
        return False
    return size >= limits["large_px"] or (
        (text.font_weight or 400) >= 700 and size >= limits["large_bold_px"]
    )


def _ratio(value: float, lang: str) -> str:
    return f"{num(value, lang, 2)}:1"


def _svg(decoded: Decoded, brandbook: dict) -> list[Finding]:
    limits = _thresholds(brandbook)
    out: list[Finding] = []
    unknown: list[SvgText] = []
    failing = 0
    for text in decoded.svg.texts:
        if not text.text.strip():
            continue
        if text.fill is None or text.background is None:
            unknown.append(text)
            continue
        ratio = float(contrast_ratio(text.fill, text.background))
        large = is_large(text, limits)
        required = limits["large"] if large else limits["text"]
        if ratio >= required:
            continue
        failing += 1
        if failing > MAX_FINDINGS:
            continue
        out.append(_insufficient(text, ratio, required, large, limits))
    for found in out:
        found.details["texts_failing"] = failing
    if unknown:
        out.append(_unknown(unknown))
    return out


def _insufficient(text: SvgText, ratio: float, required: float, large: bool, limits) -> Finding:
    fg = to_hex(text.fill)
    bg = to_hex(text.background)
    size = text.font_size_px

    def message(lang: str) -> str:
        quote = snippet(text.text)
        kind = {
            "et": "suure teksti" if large else "teksti",
            "en": "large text" if large else "text",
            "ru": "крупного текста" if large else "текста",
        }[lang]
        size_part = ""
        if size is not None:
            px = num(size, lang, 0 if float(size).is_integer() else 1)
            size_part = f", {px} px"
        return {
            "et": f"Teksti „{quote}” ({text.element_path}{size_part}) kontrast on "
            f"{_ratio(ratio, lang)} (tekst {fg} taustal {bg}); {kind} jaoks on vaja vähemalt "
            f"{_ratio(required, lang)}.",
            "en": f"Text “{quote}” ({text.element_path}{size_part}) has contrast "
            f"{_ratio(ratio, lang)} ({fg} on {bg}); {kind} needs at least "
            f"{_ratio(required, lang)}.",
            "ru": f"Контраст текста «{quote}» ({text.element_path}{size_part}) — "
            f"{_ratio(ratio, lang)} ({fg} на {bg}); для {kind} нужно не менее "
            f"{_ratio(required, lang)}.",
        }[lang]

    return finding(
        "contrast.insufficient",
        "error",
        each_lang(message),
        text=snippet(text.text, 80),
        element=text.element_path,
        ratio=round(ratio, 2),
        required=required,
        large_text=large,
        font_size_px=size,
        font_weight=text.font_weight,
        foreground=fg,
        background=bg,
    )


def _unknown(texts: list[SvgText]) -> Finding:
    places = [f"„{snippet(t.text, 24)}” {t.element_path}" for t in texts]
    places_en = [f"“{snippet(t.text, 24)}” {t.element_path}" for t in texts]
    places_ru = [f"«{snippet(t.text, 24)}» {t.element_path}" for t in texts]
    count = len(texts)
    return finding(
        "contrast.unknown_background",
        "info",
        {
            "et": f"{count} teksti kontrasti ei saanud kontrollida, sest nende taust või värv "
            f"pole teada (pilt, üleminek või läbipaistev): {listing(places, 'et')}. "
            "Kontrollige need käsitsi.",
            "en": f"The contrast of {count} text(s) could not be checked because the background "
            f"or text colour is unknown (an image, a gradient or transparent): "
            f"{listing(places_en, 'en')}. Check them by eye.",
            "ru": f"Контраст текстов ({count}) не проверен: неизвестен фон или цвет текста "
            f"(изображение, градиент или прозрачность): {listing(places_ru, 'ru')}. "
            "Проверьте их вручную.",
        },
        texts=[{"text": snippet(t.text, 80), "element": t.element_path} for t in texts[:20]],
        count=count,
    )


def dominant_pairs(raster: RasterImage, brandbook: dict) -> list[dict]:
    tolerance = float(brandbook.get("colour", {}).get("tolerance_de2000", 3.0))
    hist, found = _raster.clusters(raster, tolerance)
    if not hist.total:
        return []
    top = sorted(found.significant, key=lambda c: -c.pixels)[:DOMINANT_COLOURS]
    colours = [
        (to_hex(c.rgb.clip(0, 255)), tuple(int(round(v)) for v in c.rgb.clip(0, 255)), c)
        for c in top
    ]
    pairs = []
    for (hex_a, rgb_a, a), (hex_b, rgb_b, b) in combinations(colours, 2):
        pairs.append(
            {
                "a": hex_a,
                "b": hex_b,
                "a_share": round(a.pixels / hist.total, 4),
                "b_share": round(b.pixels / hist.total, 4),
                "ratio": round(float(contrast_ratio(rgb_a, rgb_b)), 2),
            }
        )
    pairs.sort(key=lambda p: -p["ratio"])
    return pairs


def _raster_finding(raster: RasterImage, brandbook: dict, page: int | None) -> list[Finding]:
    pairs = dominant_pairs(raster, brandbook)
    if not pairs:
        return []
    limits = _thresholds(brandbook)

    def message(lang: str) -> str:
        listed = listing(
            [
                f"{p['a']} ({pct(p['a_share'], lang, 0)}) / {p['b']} ({pct(p['b_share'], lang, 0)})"
                f" {_ratio(p['ratio'], lang)}"
                for p in pairs
            ],
            lang,
            limit=MAX_LISTED + 1,
        )
        prefix = ""
        if page is not None:
            prefix = {"et": f"Lk {page}: ", "en": f"Page {page}: ", "ru": f"Стр. {page}: "}[lang]
        return (
            prefix
            + {
                "et": f"Suuremate värvipindade kontrastid: {listed}. Teksti jaoks on vaja vähemalt "
                f"{_ratio(limits['text'], lang)} (suur tekst {_ratio(limits['large'], lang)}).",
                "en": f"Contrast between the largest colour areas: {listed}. Text needs at least "
                f"{_ratio(limits['text'], lang)} (large text {_ratio(limits['large'], lang)}).",
                "ru": f"Контраст между крупнейшими цветовыми областями: {listed}. Для текста нужно "
                f"не менее {_ratio(limits['text'], lang)} (крупный текст "
                f"{_ratio(limits['large'], lang)}).",
            }[lang]
        )

    details = {"pairs": pairs, "text_contrast": limits["text"]}
    if page is not None:
        details["page"] = page
    return [finding("contrast.dominant_pairs", "info", each_lang(message), **details)]


def check(decoded: Decoded, brandbook: dict, preset: dict | None) -> list[Finding]:
    if decoded.svg is not None:
        return _svg(decoded, brandbook)
    if decoded.raster is not None:
        return _raster_finding(decoded.raster, brandbook, None)
    if decoded.pdf is not None:
        out: list[Finding] = []
        many = decoded.pdf.page_count > 1
        for number, page in enumerate(decoded.pdf.pages, start=1):
            out += _raster_finding(page, brandbook, number if many else None)
        return out
    return []
