"""Turn an order and a brandbook (plain data) into the context every document template reads.

The order is the dict described in README.md; the brandbook is `brandkit.brandbooks.parse_file`
data. This module checks the order's shape, picks the document language's texts, formats every
number for that language, and writes the acceptance criteria from the brandbook's limits and
the limits of brandkit's own checks, so that the brief states exactly what will be checked.
Templates get ready-to-print strings; all of them are still escaped by autoescape.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from urllib.parse import urlsplit

from brandkit.checks.decode import Limits
from brandkit.checks.dimensions import MAX_BLEED_MM, PAGE_TOLERANCE_MM
from procurement.documents import formatting as fmt
from procurement.documents.labels import label, language_name

REQUIRED_KEYS = (
    "number",
    "revision",
    "title",
    "purpose",
    "background",
    "audience",
    "messages",
    "deliverables",
    "deadline",
    "milestones",
    "estimated_value_eur",
    "procurement_route",
    "contact",
    "owner",
    "organisation",
    "created",
)
ROUTES = ("low_value", "simple", "national", "international")
HEX_RE = re.compile(r"^#[0-9A-F]{6}$")
FORMAT_NAMES = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP", "svg": "SVG", "pdf": "PDF"}
INFOGRAPHIC_KINDS = {"infographic", "infograafika"}

# Working terms used by the brief and the tender set (days, counts). Template values for
# procurement staff to adjust per purchase: pass `terms=` to override any of them.
DEFAULT_TERMS = {
    "review_working_days": 5,
    "fix_working_days": 5,
    "payment_days": 21,
    "offer_validity_days": 60,
    "reference_works": 3,
    "experience_months": 36,
    "designer_years": 3,
    # Contract terms (issue 11, defect 7): figures, not "the legal team fills this in".
    "revision_rounds": 2,  # revision rounds included in the price
    "rfo_working_days": 5,  # request for offers: at least this many working days to answer
    "penalty_percent_per_day": "0.2",  # of the price of the late work, per day of delay
    "penalty_cap_percent": "10",  # of the contract price, all penalties together
    "liability_cap_percent": "100",  # of the contract price
}


class OrderDataError(ValueError):
    """The order dict does not follow the contract in procurement/documents/README.md."""


def check_order(order: dict) -> None:
    if not isinstance(order, dict):
        raise OrderDataError("the order must be a dict")
    missing = [key for key in REQUIRED_KEYS if key not in order]
    if missing:
        raise OrderDataError(f"order data is missing: {', '.join(missing)}")
    if not isinstance(order["deliverables"], list) or not order["deliverables"]:
        raise OrderDataError("order data needs at least one deliverable")
    route = order["procurement_route"]
    if not isinstance(route, dict) or route.get("slug") not in ROUTES:
        raise OrderDataError(f"procurement_route.slug must be one of {', '.join(ROUTES)}")
    for key in ("title", "messages"):
        if not isinstance(order[key], dict):
            raise OrderDataError(f"order[{key!r}] must be a dict by language")


def _content(value, lang: str, by_contractor: bool) -> dict:
    """A text typed per language (purpose, background, audience) for a document in `lang`.

    A plain string is the Estonian text. A brief in English or Russian never prints the
    Estonian text in place of a missing translation: it says who provides the translation
    ("note") instead, so the contractor is never handed a mixed-language brief."""
    texts = {"et": value} if isinstance(value, str) else dict(value or {})
    text = str(texts.get(lang) or "")
    if text.strip():
        return {"text": text, "note": ""}
    if lang == "et" or not any(str(v or "").strip() for v in texts.values()):
        return {"text": "", "note": ""}
    key = "content.by_contractor" if by_contractor else "content.in_estonian"
    return {"text": "", "note": label(lang, key)}


def pick(text, lang: str) -> str:
    """The `lang` text of a {et, en, ru} dict, falling back to Estonian, then to any."""
    if isinstance(text, str):
        return text
    if not isinstance(text, dict):
        return ""
    for key in (lang, "et", *text):
        if text.get(key):
            return str(text[key])
    return ""


def _join(items) -> str:
    return ", ".join(str(item) for item in items)


def _formats(formats) -> str:
    return ", ".join(FORMAT_NAMES.get(str(f).lower(), str(f).upper()) for f in formats)


def _safe_hex(value: str) -> str:
    """A colour is printed into a style attribute: only #RRGGBB may get there."""
    hex_code = str(value).upper()
    if not HEX_RE.match(hex_code):
        raise ValueError(f"brandbook colour {value!r} is not #RRGGBB")
    return hex_code


def _palette(brandbook: dict, lang: str) -> list[dict]:
    rows = []
    for colour in brandbook["colour"]["colours"]:
        hex_code = _safe_hex(colour["hex"])
        rgb = colour.get("rgb") or [int(hex_code[i : i + 2], 16) for i in (1, 3, 5)]
        cmyk = colour.get("cmyk")
        rows.append(
            {
                "name": pick(colour.get("name"), lang) or colour["slug"],
                "hex": hex_code,
                "rgb": ", ".join(str(int(v)) for v in rgb),
                "cmyk": ", ".join(fmt.plain_number(v, lang) for v in cmyk) if cmyk else "",
                "pantone": colour.get("pantone", ""),
                "roles": _join(label(lang, f"role.{r}", default=r) for r in colour["roles"]),
                "confirmed": bool(colour.get("confirmed", True)),
            }
        )
    return rows


def _typefaces(brandbook: dict, lang: str) -> list[dict]:
    return [
        {
            "family": face["family"],
            "roles": _join(label(lang, f"role.{r}", default=r) for r in face.get("roles", [])),
            "weights": ", ".join(str(w) for w in face.get("weights", [])),
            "fallbacks": ", ".join(face.get("fallbacks", [])),
            "licence": face.get("licence", ""),
            "confirmed": bool(face.get("confirmed", True)),
        }
        for face in brandbook["typography"]["typefaces"]
    ]


def _logo_variant_path(logo_dir: Path | None, variant: dict) -> Path | None:
    """The variant's file if it exists inside `logo_dir` (the fetcher checks again)."""
    if logo_dir is None:
        return None
    base = Path(logo_dir).resolve()
    path = (base / variant["file"]).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        return None
    return path


def _pick_variant(logo: dict, lang: str) -> dict:
    variants = logo["variants"]
    for wanted in (
        lambda v: v.get("language") == lang and v.get("tone", "positive") == "positive",
        lambda v: v.get("language") == "et" and v.get("tone", "positive") == "positive",
        lambda v: v.get("tone", "positive") == "positive",
    ):
        found = [v for v in variants if wanted(v)]
        if found:
            return found[0]
    return variants[0]


def _variant_name(variant: dict, lang: str) -> str:
    """A logo variant in words ("eesti, positiivne"), not its slug: vendors read this."""
    parts = []
    if variant.get("language"):
        parts.append(language_name(lang, variant["language"]))
    tone = variant.get("tone", "positive")
    parts.append(label(lang, f"logos.variant.{tone}", default=str(tone)))
    return ", ".join(parts)


def _logos(brandbook: dict, lang: str, logo_dir: Path | None) -> list[dict]:
    rows = []
    for logo in brandbook.get("logos", []):
        name = pick(logo.get("name"), lang) or logo["slug"]
        variant = _pick_variant(logo, lang)
        path = _logo_variant_path(logo_dir, variant)
        image = None
        if path is not None:
            image = {
                "src": path.as_uri(),
                "alt": label(lang, "logos.alt", name=name, variant=_variant_name(variant, lang)),
            }
        rows.append(
            {
                "name": name,
                "usage": pick(logo.get("usage"), lang) or "—",
                "clear_space": fmt.percent(logo.get("clear_space", 0), lang),
                "min_width_px": logo.get("min_width_px"),
                "min_height_mm": (
                    fmt.plain_number(logo["min_height_mm"], lang)
                    if logo.get("min_height_mm")
                    else None
                ),
                "variants": "; ".join(_variant_name(v, lang) for v in logo["variants"]),
                "confirmed": bool(logo.get("confirmed", True)),
                "image": image,
            }
        )
    return rows


def _header_logo(logos: list[dict]) -> dict | None:
    for logo in logos:
        if logo["image"]:
            return logo["image"]
    return None


def _preset_row(preset: dict, lang: str) -> dict:
    unit = preset.get("unit", "px")
    size = fmt.size(preset["width"], preset["height"], unit, lang)
    if preset.get("match", "exact") == "exact":
        match = label(lang, "presets.match_exact", size=size)
    else:
        ratio = fmt.number(
            fmt.to_decimal(preset["width"]) / fmt.to_decimal(preset["height"]), lang, 3
        )
        match = label(
            lang,
            "presets.match_aspect",
            ratio=ratio,
            tolerance=fmt.percent(preset.get("aspect_tolerance", 0.01), lang),
        )
    printing = []
    if preset.get("min_dpi"):
        printing.append(label(lang, "presets.min_dpi", dpi=preset["min_dpi"]))
    if unit == "mm":
        printing.append(
            label(
                lang,
                "presets.bleed",
                tolerance=fmt.plain_number(PAGE_TOLERANCE_MM, lang),
                bleed=fmt.plain_number(MAX_BLEED_MM, lang),
            )
        )
    printing.append(label(lang, f"presets.colour_space.{_colour_space(preset)}"))
    return {
        "slug": preset["slug"],
        "name": pick(preset.get("name"), lang) or preset["slug"],
        "size": size,
        "match": match,
        "formats": _formats(preset["formats"]),
        "max_bytes": fmt.file_size(preset["max_bytes"], lang) if preset.get("max_bytes") else "",
        "print": "; ".join(printing),
        "confirmed": bool(preset.get("confirmed", True)),
    }


def _colour_space(preset: dict) -> str:
    """What brandkit's metadata check expects: web and social presets are always sRGB."""
    if preset.get("channel") in ("web", "social"):
        return "srgb"
    return preset.get("colour_space", "srgb")


def _deliverables(order: dict, brandbook: dict, lang: str) -> tuple[list[dict], list[dict], bool]:
    presets = {p["slug"]: p for p in brandbook["presets"]}
    rows, used, custom = [], [], False
    for index, item in enumerate(order["deliverables"], start=1):
        slug = item.get("preset")
        preset = presets.get(slug) if slug else None
        if slug and preset is None:
            raise OrderDataError(f"deliverable {index}: preset {slug!r} is not in the brandbook")
        if preset is not None and preset not in used:
            used.append(preset)
        if preset is None:
            custom = True
        width = item.get("width") or (preset or {}).get("width")
        height = item.get("height") or (preset or {}).get("height")
        unit = item.get("unit") or (preset or {}).get("unit", "px")
        if not width or not height:
            raise OrderDataError(f"deliverable {index}: a size or a preset is required")
        languages = list(item.get("languages") or [])
        quantity = int(item.get("quantity", 1))
        kind = str(item.get("kind", ""))
        rows.append(
            {
                "index": index,
                "kind_slug": kind,
                "kind": label(lang, f"kind.{kind}", default=_humanise(kind)),
                "preset_slug": slug or "",
                "preset_name": pick(preset.get("name"), lang) if preset else "",
                "size": fmt.size(width, height, unit, lang),
                "formats": _formats(item.get("formats") or (preset or {}).get("formats", [])),
                "languages": ", ".join(language_name(lang, code) for code in languages) or "—",
                "language_codes": languages,
                "quantity": quantity,
                "files": quantity * max(1, len(languages)),
                "notes": pick(item.get("notes"), lang),
            }
        )
    return rows, [_preset_row(p, lang) for p in used], custom


def _humanise(slug: str) -> str:
    """An unknown slug printed as words ("social_post" -> "Social post"), never as a code."""
    words = re.sub(r"[_\-]+", " ", slug).strip()
    return words[:1].upper() + words[1:]


def _acceptance(brandbook: dict, lang: str, limits: Limits) -> list[dict]:
    """One row per check code brandkit runs on a delivered file, with the brandbook's numbers."""
    colour = brandbook["colour"]
    access = brandbook["accessibility"]
    faces = brandbook["typography"]["typefaces"]
    families = ", ".join(f["family"] for f in faces)
    fallbacks = ", ".join(dict.fromkeys(fb for f in faces for fb in f.get("fallbacks", [])))

    def row(code: str, severity: str, key: str, **values) -> dict:
        return {"code": code, "severity": severity, "text": label(lang, key, **values)}

    megapixels = fmt.plain_number(limits.max_pixels / 1_000_000, lang)
    return [
        row(
            "file.*",
            "rejected",
            "accept.file",
            max_bytes=fmt.file_size(limits.max_bytes, lang),
            megapixels=megapixels,
        ),
        row("svg.unsafe", "rejected", "accept.svg_unsafe"),
        row("pdf.unsafe", "rejected", "accept.pdf_unsafe"),
        row(
            "dimensions.size_mismatch",
            "error",
            "accept.size_mismatch",
            tolerance=fmt.plain_number(PAGE_TOLERANCE_MM, lang),
            bleed=fmt.plain_number(MAX_BLEED_MM, lang),
        ),
        row("dimensions.aspect_mismatch", "error", "accept.aspect_mismatch"),
        row("dimensions.format_not_allowed", "error", "accept.format_not_allowed"),
        row("dimensions.file_too_large_for_preset", "error", "accept.file_too_large"),
        row("dimensions.low_resolution", "error", "accept.low_resolution"),
        row(
            "colour.off_palette",
            "error",
            "accept.off_palette",
            tolerance=fmt.plain_number(colour["tolerance_de2000"], lang),
            share=fmt.percent(colour.get("max_off_palette", 0.02), lang),
            neutrals=(
                label(
                    lang,
                    "accept.neutrals_allowed",
                    chroma=fmt.plain_number(colour.get("neutral_chroma", 5.0), lang),
                )
                if colour.get("neutrals", True)
                else label(lang, "accept.neutrals_not_allowed")
            ),
        ),
        row(
            "typography.disallowed_font",
            "error",
            "accept.disallowed_font",
            families=families,
            fallbacks=fallbacks or "—",
        ),
        row("typography.not_embedded", "error", "accept.not_embedded"),
        row(
            "typography.too_small",
            "error",
            "accept.too_small",
            px=fmt.plain_number(brandbook["typography"].get("min_text_px", 14), lang),
        ),
        row(
            "contrast.insufficient",
            "error",
            "accept.contrast",
            text=fmt.ratio(access["text_contrast"], lang),
            large=fmt.ratio(access["large_text_contrast"], lang),
            px=fmt.plain_number(access.get("large_text_px", 24), lang),
            bold_px=fmt.plain_number(access.get("large_bold_text_px", 18.66), lang),
        ),
        row("metadata.location", "warning", "accept.location"),
        row("metadata.personal_data", "warning", "accept.personal_data"),
        row("metadata.colour_space", "warning", "accept.colour_space"),
    ]


def _timeline(order: dict, lang: str) -> list[dict]:
    items = []
    for milestone in order.get("milestones") or []:
        items.append((fmt.to_date(milestone["date"]), pick(milestone.get("what"), lang), False))
    items.append((fmt.to_date(order["deadline"]), label(lang, "timeline.deadline"), True))
    items.sort(key=lambda item: (item[0], item[2]))
    return [{"date": fmt.date(d, lang), "what": what, "final": final} for d, what, final in items]


def _route(order: dict, lang: str) -> dict:
    route = order["procurement_route"]
    threshold = route.get("threshold_eur")
    applies = route.get("applies_from")
    # The source is printed inside a sentence ("Alus: … (kehtib alates …).") so its own
    # closing full stop would double the punctuation.
    source = pick(route.get("legal_source"), lang).strip().rstrip(".;").strip()
    return {
        "slug": route["slug"],
        "name": pick(route.get("name"), lang) or route["slug"],
        "threshold": fmt.money(threshold, lang) if threshold not in (None, "") else "",
        "legal_source": source or "—",
        "applies_from": fmt.date(applies, lang) if applies else "—",
    }


def _messages(order: dict, lang: str) -> list[dict]:
    messages = order["messages"]
    ordered = [lang] + [code for code in ("et", "en", "ru") if code != lang]
    return [
        {"lang": code, "lang_name": language_name(lang, code), "text": messages[code]}
        for code in ordered
        if messages.get(code)
    ]


def _public_url(url) -> str:
    """The URL if a vendor can open it: http(s) on a public host name. Links into the
    authority's own app (127.0.0.1, localhost, intranet names, private addresses) are left out;
    the material is sent with the documents instead."""
    if not url:
        return ""
    parts = urlsplit(str(url))
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or "." not in host:
        return ""
    if host in ("localhost",) or host.endswith((".local", ".localhost", ".internal", ".lan")):
        return ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return str(url)
    return "" if not address.is_global else str(url)


def _references(items: list) -> list[dict]:
    return [
        {"title": item.get("title") or "", "url": _public_url(item.get("url"))}
        for item in items
        if isinstance(item, dict)
    ]


def _logo_for(preset: dict | None, logos: list[dict]) -> dict | None:
    """The logo a preset's channel uses: the preset's required logo, else the only logo allowed
    on its channel (brandbook ``logos[].channels``); None when the brandbook leaves it open."""
    if preset is None:
        return None
    by_slug = {logo["slug"]: logo for logo in logos}
    if preset.get("logo") in by_slug:
        return by_slug[preset["logo"]]
    channel = preset.get("channel")
    allowed = [logo for logo in logos if channel in (logo.get("channels") or [channel])]
    return allowed[0] if len(allowed) == 1 else None


def _variant_for(logo: dict, code: str) -> dict:
    for wanted in (
        lambda v: v.get("language") == code and v.get("tone", "positive") == "positive",
        lambda v: not v.get("language") and v.get("tone", "positive") == "positive",
        lambda v: v.get("language") == "et" and v.get("tone", "positive") == "positive",
    ):
        found = [v for v in logo["variants"] if wanted(v)]
        if found:
            return found[0]
    return logo["variants"][0]


def _logo_use(order: dict, brandbook: dict, deliverables: list[dict], lang: str) -> list[dict]:
    """Which logo and variant each ordered item carries: the order's own choice
    (``brief.logo_use``) or what the brandbook says for the item's channel."""
    logos = brandbook.get("logos", [])
    by_slug = {logo["slug"]: logo for logo in logos}
    presets = {p["slug"]: p for p in brandbook.get("presets", [])}
    chosen = (order.get("brief") or {}).get("logo_use") or []
    if chosen:
        rows = []
        for use in chosen:
            logo = by_slug.get(use.get("logo"))
            if logo is None:
                continue
            variants = [v for v in logo["variants"] if v["slug"] == use.get("variant")]
            rows.append(
                {
                    "item": pick(use.get("channel"), lang),
                    "logo": pick(logo.get("name"), lang) or logo["slug"],
                    "variant": _variant_name(variants[0], lang) if variants else "—",
                }
            )
        return rows
    rows = []
    for d in deliverables:
        preset = presets.get(d["preset_slug"])
        logo = _logo_for(preset, logos)
        item = f"{d['index']}. {d['kind']}" + (f", {d['preset_name']}" if d["preset_name"] else "")
        if logo is None:
            rows.append({"item": item, "logo": label(lang, "logo_use.open"), "variant": "—"})
            continue
        codes = d["language_codes"] or ["et"]
        variants = dict.fromkeys(_variant_name(_variant_for(logo, c), lang) for c in codes)
        rows.append(
            {
                "item": item,
                "logo": pick(logo.get("name"), lang) or logo["slug"],
                "variant": "; ".join(variants),
            }
        )
    return rows


def _brief_extra(order: dict, brandbook: dict, deliverables: list[dict], lang: str) -> dict:
    brief = order.get("brief") or {}
    by_contractor = order.get("translation_by_contractor", False)
    return {
        "tone": _content(brief.get("tone_of_voice"), lang, by_contractor),
        "cta": _content(brief.get("call_to_action"), lang, by_contractor),
        "delivery_format": _content(brief.get("delivery_format"), lang, by_contractor),
        "logo_use": _logo_use(order, brandbook, deliverables, lang),
        "translation_by": brief.get("translation_by") or "authority",
        "proofreading_by": brief.get("proofreading_by") or "authority",
        "text_languages": ", ".join(
            language_name(lang, c)
            for c in dict.fromkeys(c for d in deliverables for c in d["language_codes"])
            if c != "et"
        ),
    }


def _unconfirmed(palette, typefaces, logos, presets, lang: str) -> list[str]:
    """What the document states from brandbook values marked ``confirmed: false``: while this
    list is not empty the document is a draft ("KAVAND / DRAFT" on every page) and says what
    must be confirmed, instead of pretending to be final."""
    items = [label(lang, "draft.colour", name=c["name"]) for c in palette if not c["confirmed"]]
    items += [
        label(lang, "draft.typeface", name=f["family"]) for f in typefaces if not f["confirmed"]
    ]
    items += [
        label(lang, "draft.logo", name=logo["name"]) for logo in logos if not logo["confirmed"]
    ]
    items += [label(lang, "draft.preset", name=p["name"]) for p in presets if not p["confirmed"]]
    return items


def _price_lines(deliverables: list[dict], lang: str) -> list[dict]:
    """The offer form's rows: each design in its first language, and each adaptation of it to
    a further language, priced apart so that offers are comparable (issue 11)."""
    lines = []
    for d in deliverables:
        codes = d["language_codes"] or ["et"]
        lines.append(
            {
                "number": f"{d['index']}.1",
                "deliverable": d,
                "what": label(lang, "offer.design", language=language_name(lang, codes[0])),
                "quantity": d["quantity"],
            }
        )
        if len(codes) > 1:
            lines.append(
                {
                    "number": f"{d['index']}.2",
                    "deliverable": d,
                    "what": label(
                        lang,
                        "offer.adaptation",
                        languages=", ".join(language_name(lang, c) for c in codes[1:]),
                    ),
                    "quantity": d["quantity"] * (len(codes) - 1),
                }
            )
    return lines


def _register(order: dict, lang: str) -> dict:
    register = order.get("register") or {}
    deadline = register.get("offer_deadline")
    return {
        "reference_number": str(register.get("reference_number") or ""),
        "offer_deadline": fmt.moment(deadline, lang) if deadline else "",
        "lots_reason": pick(register.get("lots_reason"), lang)
        or label(lang, "register.lots_default", default=""),
    }


def _file_name_example(order: dict, deliverables: list[dict]) -> str:
    first = deliverables[0]
    number = re.sub(r"[^A-Za-z0-9._-]+", "-", str(order["number"])) or "ORDER"
    code = (first["language_codes"] or ["et"])[0]
    preset = first["preset_slug"] or "custom"
    return f"{number}_01_{code}_{preset}.png"


def build_context(
    order: dict,
    brandbook: dict,
    lang: str,
    *,
    doc_title: str,
    logo_dir: str | Path | None = None,
    terms: dict | None = None,
    limits: Limits | None = None,
) -> dict:
    """Everything a document template reads. Raises OrderDataError for a malformed order."""
    check_order(order)
    logo_path = Path(logo_dir) if logo_dir is not None else None
    deliverables, presets, custom = _deliverables(order, brandbook, lang)
    palette = _palette(brandbook, lang)
    typefaces = _typefaces(brandbook, lang)
    logos = _logos(brandbook, lang, logo_path)
    access = brandbook["accessibility"]
    alt_codes = list(dict.fromkeys(c for d in deliverables for c in d["language_codes"]))
    created = fmt.to_date(order["created"])
    colour = brandbook["colour"]
    merged_terms = {**DEFAULT_TERMS, **(order.get("terms") or {}), **(terms or {})}
    return {
        "lang": lang,
        "doc_title": doc_title,
        "order": order,
        "title": pick(order["title"], lang) or str(order["number"]),
        "organisation": order["organisation"],
        "owner": order["owner"],
        "contact": order["contact"],
        "created": fmt.date(created, lang),
        "created_iso": created.isoformat(),
        "deadline": fmt.date(order["deadline"], lang),
        "value": fmt.money(order["estimated_value_eur"], lang),
        "route": _route(order, lang),
        "cpv": [
            {"code": item.get("code", ""), "name": pick(item.get("name"), lang)}
            for item in order.get("cpv") or []
        ],
        "content": {
            key: _content(order.get(key), lang, order.get("translation_by_contractor", False))
            for key in ("purpose", "background", "audience")
        },
        "messages": _messages(order, lang),
        "deliverables": deliverables,
        "total_files": sum(d["files"] for d in deliverables),
        "reference_assets": _references(order.get("reference_assets") or []),
        "presets": presets,
        "custom_sizes": custom,
        "palette": palette,
        "palette_unconfirmed": any(not c["confirmed"] for c in palette),
        "colour": {
            "tolerance": fmt.plain_number(colour["tolerance_de2000"], lang),
            "max_off_palette": fmt.percent(colour.get("max_off_palette", 0.02), lang),
            "neutrals": bool(colour.get("neutrals", True)),
            "neutral_chroma": fmt.plain_number(colour.get("neutral_chroma", 5.0), lang),
        },
        "typefaces": typefaces,
        "min_text_px": fmt.plain_number(brandbook["typography"].get("min_text_px", 14), lang),
        "logos": logos,
        "logo": _header_logo(logos),
        "access": {
            "text": fmt.ratio(access["text_contrast"], lang),
            "large": fmt.ratio(access["large_text_contrast"], lang),
            "non_text": fmt.ratio(access["non_text_contrast"], lang),
            "large_px": fmt.plain_number(access.get("large_text_px", 24), lang),
            "large_bold_px": fmt.plain_number(access.get("large_bold_text_px", 18.66), lang),
            "alt_text_required": bool(access.get("alt_text_required", True)),
            "long_description": bool(access.get("long_description_for_infographics", True)),
        },
        "alt_languages": ", ".join(language_name(lang, c) for c in alt_codes) or "—",
        "has_infographic": any(d["kind_slug"] in INFOGRAPHIC_KINDS for d in deliverables),
        "acceptance": _acceptance(brandbook, lang, limits or Limits()),
        "timeline": _timeline(order, lang),
        "terms": merged_terms,
        "terms_text": {
            "penalty_per_day": fmt.percent(
                fmt.to_decimal(merged_terms["penalty_percent_per_day"]) / 100, lang
            ),
            "penalty_cap": fmt.percent(
                fmt.to_decimal(merged_terms["penalty_cap_percent"]) / 100, lang
            ),
            "liability_cap": fmt.percent(
                fmt.to_decimal(merged_terms["liability_cap_percent"]) / 100, lang
            ),
        },
        "file_name_example": _file_name_example(order, deliverables),
        "brandbook": {"name": brandbook["name"], "version": brandbook.get("version", "")},
        "price_lines": _price_lines(deliverables, lang),
        "unconfirmed": _unconfirmed(palette, typefaces, logos, presets, lang),
        "brief_extra": _brief_extra(order, brandbook, deliverables, lang),
        "invited_firms": [f for f in order.get("invited_firms") or [] if isinstance(f, dict)],
        "register": _register(order, lang),
        "procurement": {
            "rules_reference": str((order.get("procurement") or {}).get("rules_reference") or ""),
            "plan_entry": str((order.get("procurement") or {}).get("plan_entry") or ""),
        },
    }
