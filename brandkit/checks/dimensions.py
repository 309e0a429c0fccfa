"""Dimensions check: size, aspect ratio, format, bytes and print resolution against the preset.

Codes
-----
- ``dimensions.format_not_allowed`` (error): the file's format is not one of the preset's.
- ``dimensions.file_too_large_for_preset`` (error): more bytes than the preset's ``max_bytes``.
- ``dimensions.size_mismatch`` (error): ``match: exact`` and the pixel size differs (rasters);
  for print presets, a PDF page whose size is neither the trim size (±1 mm) nor the trim size
  with a bleed of up to 3 mm a side.
- ``dimensions.aspect_mismatch`` (error): the aspect ratio differs from the preset's by more
  than ``aspect_tolerance`` (relative), for ``match: aspect``, for print rasters and for SVG.
- ``dimensions.smaller_than_preset`` (warning): right aspect ratio (``match: aspect``) but fewer
  pixels than the preset's size, so the channel will upscale it.
- ``dimensions.low_resolution`` (error): a print raster that, printed at the preset's size,
  has fewer than ``min_dpi`` dots per inch (the effective dpi is reported).
- ``dimensions.page_scaled`` (warning): a PDF page of the preset's aspect ratio but another
  size (``match: aspect``): it will be scaled to print.
- ``dimensions.svg_scaled`` (info): an SVG of the preset's aspect ratio but another nominal
  size: vector graphics scale without loss.
- ``dimensions.unknown_size`` (warning): an SVG without width/height or viewBox.
- ``dimensions.size`` (info): no preset chosen; the size, for the record.

Print presets (``unit: mm``) accept either orientation (A4 portrait or landscape); web and
social presets do not.
"""

from __future__ import annotations

import math

from brandkit.checks._messages import each_lang, finding, listing, name_of, num, size_bytes
from brandkit.checks.report import Finding
from brandkit.checks.types import Decoded

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0
PAGE_TOLERANCE_MM = 1.0
MAX_BLEED_MM = 3.0
FORMAT_NAMES = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP", "svg": "SVG", "pdf": "PDF"}


def _fmt_name(fmt: str) -> str:
    return FORMAT_NAMES.get(fmt, fmt.upper())


# Larger than any real artwork (about 3.5 km at 300 dpi): such a declared size is nonsense, and
# arithmetic on it could overflow, so it is treated like a missing size.
MAX_SIDE = 1e7


def _usable(w, h) -> bool:
    try:
        return all(math.isfinite(float(v)) and 0 < float(v) <= MAX_SIDE for v in (w, h))
    except (TypeError, ValueError):
        return False


def _size_of(decoded: Decoded) -> tuple[float | None, float | None, str]:
    """(width, height, unit) of the file: px for rasters and SVG, pt for a PDF's first page;
    (None, None, unit) when it is unknown or not a usable size."""
    w = h = None
    unit = "px"
    if decoded.raster is not None:
        w, h = decoded.raster.width, decoded.raster.height
    elif decoded.svg is not None:
        w, h = decoded.svg.width, decoded.svg.height
    elif decoded.pdf is not None and decoded.pdf.page_sizes_pt:
        (w, h), unit = decoded.pdf.page_sizes_pt[0], "pt"
    if not _usable(w, h):
        return None, None, unit
    return (
        float(w) if not float(w).is_integer() else int(w),
        (float(h) if not float(h).is_integer() else int(h)),
        unit,
    )


def _dims(w: float, h: float, unit: str, lang: str) -> str:
    digits = 0 if float(w).is_integer() and float(h).is_integer() else 1
    if lang == "ru":
        unit = {"mm": "мм", "pt": "пт"}.get(unit, unit)
    return f"{num(w, lang, digits)} × {num(h, lang, digits)} {unit}"


def _ratio(value: float, lang: str) -> str:
    return num(value, lang, 3)


def check(decoded: Decoded, brandbook: dict, preset: dict | None) -> list[Finding]:
    if preset is None:
        return _no_preset(decoded)
    out: list[Finding] = []
    out += _format(decoded, preset)
    out += _bytes(decoded, preset)
    if preset.get("unit", "px") == "mm":
        out += _print(decoded, preset)
    else:
        out += _pixels(decoded, preset)
    return out


def _no_preset(decoded: Decoded) -> list[Finding]:
    w, h, unit = _size_of(decoded)
    if w is None or h is None:
        return []
    extra = {}
    if decoded.pdf is not None:
        extra = {
            "pages": decoded.pdf.page_count,
            "width_mm": round(w / PT_PER_INCH * MM_PER_INCH, 1),
            "height_mm": round(h / PT_PER_INCH * MM_PER_INCH, 1),
        }

    def message(lang: str) -> str:
        size = _dims(w, h, unit, lang)
        if decoded.pdf is not None:
            mm = _dims(extra["width_mm"], extra["height_mm"], "mm", lang)
            size = f"{size} ({mm})"
        return {
            "et": f"Suurus {size}; mõõte ei kontrollitud, sest formaati (eelseadet) ei valitud.",
            "en": f"Size {size}; dimensions not checked because no preset was chosen.",
            "ru": f"Размер {size}; размеры не проверялись, так как формат (пресет) не выбран.",
        }[lang]

    return [
        finding(
            "dimensions.size",
            "info",
            each_lang(message),
            width=w,
            height=h,
            unit=unit,
            bytes=decoded.size_bytes,
            **extra,
        )
    ]


def _format(decoded: Decoded, preset: dict) -> list[Finding]:
    allowed = [str(f).lower() for f in preset.get("formats", [])]
    fmt = decoded.format.lower()
    if not allowed or fmt in allowed:
        return []
    names = [_fmt_name(f) for f in allowed]

    def message(lang: str) -> str:
        p = name_of(preset, lang)
        ok = ", ".join(names)
        return {
            "et": f"Vorming {_fmt_name(fmt)} ei sobi eelseadele „{p}”; lubatud: {ok}.",
            "en": f"Format {_fmt_name(fmt)} is not allowed for the preset “{p}”; allowed: {ok}.",
            "ru": f"Формат {_fmt_name(fmt)} не допускается для пресета «{p}»; допустимы: {ok}.",
        }[lang]

    return [
        finding(
            "dimensions.format_not_allowed",
            "error",
            each_lang(message),
            format=fmt,
            allowed=allowed,
            preset=preset.get("slug"),
        )
    ]


def _bytes(decoded: Decoded, preset: dict) -> list[Finding]:
    limit = preset.get("max_bytes")
    size = decoded.size_bytes
    if not limit or size <= limit:
        return []

    def message(lang: str) -> str:
        p = name_of(preset, lang)
        have = size_bytes(size, lang)
        ok = size_bytes(int(limit), lang)
        return {
            "et": f"Fail on eelseade „{p}” jaoks liiga suur: {have}; lubatud kuni {ok}. "
            "Vähendage kvaliteeti või kasutage tihedamat vormingut.",
            "en": f"The file is too large for the preset “{p}”: {have}; at most {ok} is "
            "allowed. Lower the quality or use a more compact format.",
            "ru": f"Файл слишком большой для пресета «{p}»: {have}; допускается не более "
            f"{ok}. Уменьшите качество или используйте более компактный формат.",
        }[lang]

    return [
        finding(
            "dimensions.file_too_large_for_preset",
            "error",
            each_lang(message),
            bytes=size,
            max_bytes=int(limit),
            preset=preset.get("slug"),
        )
    ]


def _aspect_ok(w: float, h: float, pw: float, ph: float, tolerance: float) -> tuple[bool, float]:
    if not (h > 0 and ph > 0 and pw > 0):  # a size that underflowed to 0 in a unit conversion
        return False, 0.0
    ratio = w / h
    target = pw / ph
    return abs(ratio / target - 1.0) <= tolerance + 1e-9, ratio


def _aspect_finding(
    w: float, h: float, unit: str, preset: dict, ratio: float, target: float, **extra
) -> Finding:
    tolerance = float(preset.get("aspect_tolerance", 0.01))
    # the nearest fix: keep the width, change the height (or the other way round)
    fix_h = w / target
    fix_w = h * target
    digits = 0 if unit == "px" else 1

    def message(lang: str) -> str:
        p = name_of(preset, lang)
        size = _dims(w, h, unit, lang)
        fh = num(fix_h, lang, digits)
        fw = num(fix_w, lang, digits)
        return {
            "et": f"Kuvasuhe {_ratio(ratio, lang)} ({size}) ei vasta eelseadele „{p}”: "
            f"vaja {_ratio(target, lang)} (lubatud kõrvalekalle {num(tolerance * 100, lang)}%). "
            f"Sama laiuse juures peaks kõrgus olema {fh} {unit} või sama kõrguse juures "
            f"laius {fw} {unit}.",
            "en": f"Aspect ratio {_ratio(ratio, lang)} ({size}) does not match the preset "
            f"“{p}”: {_ratio(target, lang)} is needed (tolerance "
            f"{num(tolerance * 100, lang)}%). At this width the height should be {fh} {unit}, "
            f"or at this height the width {fw} {unit}.",
            "ru": f"Соотношение сторон {_ratio(ratio, lang)} ({size}) не соответствует "
            f"пресету «{p}»: нужно {_ratio(target, lang)} (допуск "
            f"{num(tolerance * 100, lang)} %). При этой ширине высота должна быть {fh} "
            f"{unit}, или при этой высоте ширина — {fw} {unit}.",
        }[lang]

    return finding(
        "dimensions.aspect_mismatch",
        "error",
        each_lang(message),
        width=w,
        height=h,
        unit=unit,
        aspect=round(ratio, 4),
        expected_aspect=round(target, 4),
        aspect_tolerance=tolerance,
        suggested_height=round(fix_h, 1),
        suggested_width=round(fix_w, 1),
        preset=preset.get("slug"),
        **extra,
    )


def _pixels(decoded: Decoded, preset: dict) -> list[Finding]:
    pw, ph = float(preset["width"]), float(preset["height"])
    tolerance = float(preset.get("aspect_tolerance", 0.01))
    match = preset.get("match", "exact")
    if decoded.pdf is not None:
        w, h, _ = _size_of(decoded)
        if w is None:
            return []
        ok, ratio = _aspect_ok(w, h, pw, ph, tolerance)
        return [] if ok else [_aspect_finding(w, h, "pt", preset, ratio, pw / ph)]
    w, h, _ = _size_of(decoded)
    if decoded.svg is not None and (not w or not h):
        return [_unknown_size()]
    if not w or not h:
        return []
    exact = abs(w - pw) < 0.5 and abs(h - ph) < 0.5
    if exact:
        return []
    ok, ratio = _aspect_ok(w, h, pw, ph, tolerance)
    if decoded.svg is not None:
        if ok:
            return [_svg_scaled(w, h, pw, ph, preset)]
        return [_aspect_finding(w, h, "px", preset, ratio, pw / ph)]
    if match == "exact":
        return [_size_mismatch(w, h, pw, ph, preset, same_aspect=ok)]
    if not ok:
        return [_aspect_finding(w, h, "px", preset, ratio, pw / ph)]
    if w < pw - 0.5 or h < ph - 0.5:
        return [_smaller(w, h, pw, ph, preset)]
    return []


def _size_mismatch(w, h, pw, ph, preset, same_aspect: bool) -> Finding:
    def message(lang: str) -> str:
        p = name_of(preset, lang)
        have = _dims(w, h, "px", lang)
        need = _dims(pw, ph, "px", lang)
        hint = ""
        if same_aspect:
            hint = {
                "et": f" Kuvasuhe on õige: skaleerige pilt suurusele {need}.",
                "en": f" The aspect ratio is right: scale the image to {need}.",
                "ru": f" Соотношение сторон верное: масштабируйте изображение до {need}.",
            }[lang]
        return {
            "et": f"Suurus {have} ei vasta eelseadele „{p}”: vaja täpselt {need}.",
            "en": f"Size {have} does not match the preset “{p}”: exactly {need} is needed.",
            "ru": f"Размер {have} не соответствует пресету «{p}»: нужно ровно {need}.",
        }[lang] + hint

    return finding(
        "dimensions.size_mismatch",
        "error",
        each_lang(message),
        width=w,
        height=h,
        expected_width=pw,
        expected_height=ph,
        unit="px",
        same_aspect=same_aspect,
        preset=preset.get("slug"),
    )


def _smaller(w, h, pw, ph, preset) -> Finding:
    def message(lang: str) -> str:
        p = name_of(preset, lang)
        have = _dims(w, h, "px", lang)
        need = _dims(pw, ph, "px", lang)
        return {
            "et": f"Pilt {have} on väiksem kui eelseade „{p}” suurus {need}: kanal suurendab "
            "seda ja pilt võib jääda uduseks.",
            "en": f"The image ({have}) is smaller than the preset “{p}” size {need}: the "
            "channel will upscale it and it may look blurred.",
            "ru": f"Изображение ({have}) меньше размера пресета «{p}» {need}: площадка "
            "увеличит его, и оно может выглядеть размытым.",
        }[lang]

    return finding(
        "dimensions.smaller_than_preset",
        "warning",
        each_lang(message),
        width=w,
        height=h,
        expected_width=pw,
        expected_height=ph,
        preset=preset.get("slug"),
    )


def _svg_scaled(w, h, pw, ph, preset) -> Finding:
    def message(lang: str) -> str:
        have = _dims(w, h, "px", lang)
        need = _dims(pw, ph, "px", lang)
        return {
            "et": f"SVG nominaalsuurus on {have}; kuvasuhe on õige ja vektorgraafika "
            f"skaleeritakse kadudeta suurusele {need}.",
            "en": f"The SVG's nominal size is {have}; the aspect ratio is right and vector "
            f"graphics scale to {need} without loss.",
            "ru": f"Номинальный размер SVG {have}; соотношение сторон верное, векторная "
            f"графика масштабируется до {need} без потерь.",
        }[lang]

    return finding(
        "dimensions.svg_scaled",
        "info",
        each_lang(message),
        width=w,
        height=h,
        expected_width=pw,
        expected_height=ph,
        preset=preset.get("slug"),
    )


def _unknown_size() -> Finding:
    return finding(
        "dimensions.unknown_size",
        "warning",
        {
            "et": "SVG-l puuduvad width/height ja viewBox: suurust ja kuvasuhet ei saa "
            "kontrollida.",
            "en": "The SVG has no width/height and no viewBox: its size and aspect ratio cannot "
            "be checked.",
            "ru": "У SVG нет атрибутов width/height и viewBox: размер и соотношение сторон "
            "проверить нельзя.",
        },
    )


# --- print ------------------------------------------------------------------------------------


def _orient(w: float, h: float, pw: float, ph: float) -> tuple[float, float, bool]:
    """The preset's size in the file's orientation: (width, height, rotated)."""
    if (w >= h) != (pw >= ph) and pw != ph:
        return ph, pw, True
    return pw, ph, False


def _print(decoded: Decoded, preset: dict) -> list[Finding]:
    pw_mm, ph_mm = float(preset["width"]), float(preset["height"])
    tolerance = float(preset.get("aspect_tolerance", 0.01))
    if decoded.pdf is not None:
        return _pdf_pages(decoded, preset, pw_mm, ph_mm, tolerance)
    w, h, _ = _size_of(decoded)
    if decoded.svg is not None and (not w or not h):
        return [_unknown_size()]
    if not w or not h:
        return []
    tw, th, rotated = _orient(w, h, pw_mm, ph_mm)
    ok, ratio = _aspect_ok(w, h, tw, th, tolerance)
    out: list[Finding] = []
    if not ok:
        out.append(_aspect_finding(w, h, "px", preset, ratio, tw / th, rotated=rotated))
    if decoded.raster is not None and preset.get("min_dpi"):
        out += _resolution(decoded, preset, w, h, tw, th, rotated)
    return out


def _resolution(decoded, preset, w, h, tw, th, rotated) -> list[Finding]:
    min_dpi = float(preset["min_dpi"])
    dpi = min(w / (tw / MM_PER_INCH), h / (th / MM_PER_INCH))
    need_w = tw / MM_PER_INCH * min_dpi
    need_h = th / MM_PER_INCH * min_dpi
    # whole pixels: A4 at 300 dpi is 2480 x 3508 px (2480.3 x 3507.9 exactly)
    if w >= math.floor(need_w + 1e-9) and h >= math.floor(need_h + 1e-9):
        return []
    declared = decoded.raster.dpi

    def message(lang: str) -> str:
        p = name_of(preset, lang)
        have = _dims(w, h, "px", lang)
        mm = _dims(tw, th, "mm", lang)
        need = _dims(round(need_w), round(need_h), "px", lang)
        return {
            "et": f"Eraldusvõime on trükiks liiga väike: {have} suurusel {mm} („{p}”) annab "
            f"{num(dpi, lang, 0)} dpi, vaja vähemalt {num(min_dpi, lang, 0)} dpi, s.t "
            f"vähemalt {need}.",
            "en": f"Resolution too low for print: {have} at {mm} (“{p}”) gives "
            f"{num(dpi, lang, 0)} dpi; at least {num(min_dpi, lang, 0)} dpi is needed, i.e. at "
            f"least {need}.",
            "ru": f"Разрешение недостаточно для печати: {have} при размере {mm} («{p}») "
            f"даёт {num(dpi, lang, 0)} dpi; нужно не менее {num(min_dpi, lang, 0)} dpi, то "
            f"есть не менее {need}.",
        }[lang]

    return [
        finding(
            "dimensions.low_resolution",
            "error",
            each_lang(message),
            width=w,
            height=h,
            effective_dpi=round(dpi, 1),
            min_dpi=min_dpi,
            required_width=round(need_w),
            required_height=round(need_h),
            declared_dpi=list(declared) if declared else None,
            rotated=rotated,
            preset=preset.get("slug"),
        )
    ]


def _pdf_pages(decoded, preset, pw_mm, ph_mm, tolerance) -> list[Finding]:
    wrong: list[dict] = []
    scaled: list[dict] = []
    for number, (w_pt, h_pt) in enumerate(decoded.pdf.page_sizes_pt, start=1):
        if not _usable(w_pt, h_pt):
            continue
        w = w_pt / PT_PER_INCH * MM_PER_INCH
        h = h_pt / PT_PER_INCH * MM_PER_INCH
        tw, th, rotated = _orient(w, h, pw_mm, ph_mm)
        dw, dh = w - tw, h - th
        page = {
            "page": number,
            "width_mm": round(w, 1),
            "height_mm": round(h, 1),
            "rotated": rotated,
        }
        if abs(dw) <= PAGE_TOLERANCE_MM and abs(dh) <= PAGE_TOLERANCE_MM:
            continue
        bleed_max = 2 * MAX_BLEED_MM + PAGE_TOLERANCE_MM
        if -PAGE_TOLERANCE_MM <= dw <= bleed_max and -PAGE_TOLERANCE_MM <= dh <= bleed_max:
            continue  # trim size plus a bleed of up to 3 mm a side
        ok, _ = _aspect_ok(w, h, tw, th, tolerance)
        (scaled if ok and preset.get("match") == "aspect" else wrong).append(page)
    out: list[Finding] = []
    for pages, code, severity in (
        (wrong, "dimensions.size_mismatch", "error"),
        (scaled, "dimensions.page_scaled", "warning"),
    ):
        if not pages:
            continue

        def message(lang: str, pages=pages, code=code) -> str:
            p = name_of(preset, lang)
            need = _dims(pw_mm, ph_mm, "mm", lang)
            bleed = num(MAX_BLEED_MM, lang, 0)
            tol = num(PAGE_TOLERANCE_MM, lang, 0)
            listed = listing(
                [f"{x['page']}: {_dims(x['width_mm'], x['height_mm'], 'mm', lang)}" for x in pages],
                lang,
            )
            if code == "dimensions.page_scaled":
                return {
                    "et": f"Lehe suurus ei ole eelseade „{p}” {need}, kuid kuvasuhe on sama: "
                    f"trükkimisel skaleeritakse (lk {listed}).",
                    "en": f"The page size is not the preset “{p}” {need} but has the same "
                    f"aspect ratio: it will be scaled to print (page {listed}).",
                    "ru": f"Размер страницы не соответствует пресету «{p}» {need}, но "
                    f"соотношение сторон то же: при печати будет масштабирование (стр. "
                    f"{listed}).",
                }[lang]
            return {
                "et": f"Lehe suurus ei vasta eelseadele „{p}”: vaja {need} (±{tol} mm) või "
                f"sama koos kuni {bleed} mm lõikevaruga igast servast (lk {listed}).",
                "en": f"The page size does not match the preset “{p}”: {need} (±{tol} mm) is "
                f"needed, or the same with a bleed of up to {bleed} mm on each side (page "
                f"{listed}).",
                "ru": f"Размер страницы не соответствует пресету «{p}»: нужно {need} (±{tol} "
                f"мм) или то же с вылетом под обрез до {bleed} мм с каждой стороны (стр. "
                f"{listed}).",
            }[lang]

        out.append(
            finding(
                code,
                severity,
                each_lang(message),
                pages=pages[:50],
                expected_width_mm=pw_mm,
                expected_height_mm=ph_mm,
                tolerance_mm=PAGE_TOLERANCE_MM,
                max_bleed_mm=MAX_BLEED_MM,
                preset=preset.get("slug"),
            )
        )
    return out
