"""Check-report details and audit-event details as people read them.

Reports and audit events keep their details as plain JSON for machines (the API, exports,
statistics). Shown to a person, the same data needs labels in their language, numbers in their
number format with units, colours with a swatch, and no Python or JSON syntax: "Contrast 2,25:1
(needed 4,5:1)", not "ratio 2.25 required 4.5". This module is that one translation from data to
text, used by the report page, the review page and the audit log, so they never drift apart.

Each item is a `Detail(label, text, swatches)`; `swatches` holds the hex codes to draw beside the
text (the template draws them; colour is never the only carrier: the hex code is in the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from brandkit.units import binary_size

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
MAX_TEXT = 600
MAX_ITEMS = 12


@dataclass(frozen=True)
class Detail:
    label: str
    text: str
    swatches: tuple[str, ...] = field(default=())


LABELS = {
    # check reports
    "ratio": gettext_lazy("Contrast"),
    "required": gettext_lazy("Contrast needed"),
    "text_contrast": gettext_lazy("Contrast needed for text"),
    "foreground": gettext_lazy("Text colour"),
    "background": gettext_lazy("Background colour"),
    "large_text": gettext_lazy("Large text"),
    "font_size_px": gettext_lazy("Text size"),
    "font_weight": gettext_lazy("Font weight"),
    "size_px": gettext_lazy("Text size"),
    "min_px": gettext_lazy("Smallest text size allowed"),
    "text": gettext_lazy("Text"),
    "texts_failing": gettext_lazy("Texts with too little contrast"),
    "texts_too_small": gettext_lazy("Texts that are too small"),
    "element": gettext_lazy("Where in the file"),
    "elements": gettext_lazy("Where in the file"),
    "boxes": gettext_lazy("Marked on the image"),
    "colour": gettext_lazy("Colour"),
    "hex": gettext_lazy("Colour"),
    "rgb": gettext_lazy("RGB"),
    "nearest": gettext_lazy("Nearest brand colour"),
    "suggested": gettext_lazy("Suggested brand colour"),
    "mix": gettext_lazy("Looks like a blend of"),
    "delta_e2000": gettext_lazy("Colour difference (ΔE00)"),
    "tolerance_de2000": gettext_lazy("Allowed colour difference (ΔE00)"),
    "coverage": gettext_lazy("Share of the image"),
    "coverage_percent": gettext_lazy("Share of the image"),
    "share": gettext_lazy("Share of the image"),
    "off_palette_share": gettext_lazy("Off-palette share"),
    "max_off_palette": gettext_lazy("Off-palette share allowed"),
    "in_palette": gettext_lazy("Share in brand colours"),
    "neutral_share": gettext_lazy("Share in white, black and greys"),
    "photo_share": gettext_lazy("Share of photos and textures"),
    "blend_share": gettext_lazy("Share of colour blends (edges)"),
    "colours": gettext_lazy("Brand colours found"),
    "dominant": gettext_lazy("Dominant colour"),
    "off_palette": gettext_lazy("Off-palette colours"),
    "off_palette_colours": gettext_lazy("Off-palette colours"),
    "declared_colours": gettext_lazy("Colours written in the file"),
    "uses": gettext_lazy("Times used"),
    "pairs": gettext_lazy("Colour pairs"),
    "analysed_pixels": gettext_lazy("Pixels analysed"),
    "subsample_step": gettext_lazy("Every nth pixel analysed"),
    "width": gettext_lazy("Width"),
    "height": gettext_lazy("Height"),
    "width_mm": gettext_lazy("Width"),
    "height_mm": gettext_lazy("Height"),
    "suggested_width": gettext_lazy("Suggested width"),
    "suggested_height": gettext_lazy("Suggested height"),
    "aspect": gettext_lazy("Aspect ratio"),
    "expected_aspect": gettext_lazy("Expected aspect ratio"),
    "aspect_tolerance": gettext_lazy("Aspect ratio tolerance"),
    "preset": gettext_lazy("Channel size"),
    "unit": gettext_lazy("Unit"),
    "pages": gettext_lazy("Pages"),
    "page": gettext_lazy("Page"),
    "bytes": gettext_lazy("File size"),
    "size_bytes": gettext_lazy("File size"),
    "max_bytes": gettext_lazy("Largest size allowed"),
    "max_pixels": gettext_lazy("Most pixels allowed"),
    "pixels": gettext_lazy("Pixels"),
    "format": gettext_lazy("Format"),
    "allowed": gettext_lazy("Allowed"),
    "font": gettext_lazy("Typeface"),
    "detected": gettext_lazy("Detected type"),
    "extension": gettext_lazy("File name extension"),
    "colour_space": gettext_lazy("Colour space"),
    "expected": gettext_lazy("Expected"),
    "fields": gettext_lazy("Fields"),
    "links": gettext_lazy("Links"),
    "action": gettext_lazy("Action"),
    "trigger": gettext_lazy("Started by"),
    "target": gettext_lazy("Target"),
    "entity": gettext_lazy("Entity"),
    "attribute": gettext_lazy("Attribute"),
    "value": gettext_lazy("Value"),
    "words": gettext_lazy("Words"),
    "languages": gettext_lazy("Languages"),
    "language": gettext_lazy("Language"),
    "error": gettext_lazy("Error"),
    "reason": gettext_lazy("Reason"),
    "limit": gettext_lazy("Limit"),
    "maximum": gettext_lazy("Maximum"),
    "count": gettext_lazy("Count"),
    "check": gettext_lazy("Check"),
    # audit events
    "comment": gettext_lazy("Comment"),
    "override_reason": gettext_lazy("Reason for the exception"),
    "errors": gettext_lazy("Failing checks"),
    "changes": gettext_lazy("Changes"),
    "sha256": gettext_lazy("SHA-256"),
    "file": gettext_lazy("File"),
    "verdict": gettext_lazy("Check verdict"),
    "via": gettext_lazy("Made in"),
    "change": gettext_lazy("Change"),
    "model": gettext_lazy("List"),
    "object_id": gettext_lazy("Id"),
    "created": gettext_lazy("New"),
    "slug": gettext_lazy("Short name"),
    "version": gettext_lazy("Version"),
    "lang": gettext_lazy("Language"),
    "kind": gettext_lazy("Kind"),
    "what": gettext_lazy("What"),
    "rendition": gettext_lazy("Rendition"),
    "number": gettext_lazy("Number"),
    "revision": gettext_lazy("Revision"),
    "self_approved": gettext_lazy("Approved by its own uploader"),
    "self_approval_reason": gettext_lazy("Reason for approving your own visual"),
    "text_revision": gettext_lazy("text revision"),
    "title_et": gettext_lazy("Title (Estonian)"),
    "title_en": gettext_lazy("Title (English)"),
    "title_ru": gettext_lazy("Title (Russian)"),
}

# Keys left out of what a person sees: internal book-keeping with no meaning for the reader.
HIDDEN = {"lines", "kind", "probability", "where", "problem"}
SHARES = {
    "coverage",
    "share",
    "off_palette_share",
    "max_off_palette",
    "in_palette",
    "neutral_share",
    "photo_share",
    "blend_share",
    "a_share",
    "b_share",
}
PIXELS = {
    "font_size_px",
    "size_px",
    "min_px",
    "width",
    "height",
    "suggested_width",
    "suggested_height",
    "min_width_px",
    "width_px",
    "required_px",
}
MILLIMETRES = {"width_mm", "height_mm"}
BYTES = {"bytes", "size_bytes", "max_bytes"}
RATIOS = {"ratio", "required", "text_contrast"}
VALUE_LABELS = {
    "admin": gettext_lazy("the admin"),
    "app": gettext_lazy("brandkit"),
    "added": gettext_lazy("added"),
    "changed": gettext_lazy("changed"),
    "deleted": gettext_lazy("deleted"),
    "pass": gettext_lazy("passes"),
    "fail": gettext_lazy("fails"),
    "rejected": gettext_lazy("not accepted"),
    "topicarea": gettext_lazy("topic areas"),
    "campaign": gettext_lazy("campaigns"),
    "tag": gettext_lazy("tags"),
}


def number(value: float, digits: int = 2) -> str:
    """A number in the reader's format, without trailing zeros (2,25; 4,5; 20)."""
    text = number_format(round(float(value), digits), digits)
    if any(sep in text for sep in ".,"):
        text = text.rstrip("0").rstrip(".,")
    return text


@lru_cache(maxsize=1)
def _field_labels() -> dict[str, object]:
    """Verbose names of the library's and orders' model fields: the keys of audited changes."""
    from django.apps import apps

    found: dict[str, object] = {}
    for model_label in ("library.Asset", "library.Campaign", "library.TopicArea", "library.Tag"):
        try:
            model = apps.get_model(model_label)
        except LookupError:
            continue
        for model_field in model._meta.concrete_fields:
            found.setdefault(model_field.attname, model_field.verbose_name)
            found.setdefault(model_field.name, model_field.verbose_name)
    return found


def label(key: str) -> str:
    found = LABELS.get(key)
    if found is None:
        found = _field_labels().get(key)
    if found is not None:
        text = str(found)
        return text[:1].upper() + text[1:]
    words = str(key).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _plain(value) -> str:
    """Any value as text without Python or JSON syntax."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str):
        return str(VALUE_LABELS.get(value, value))
    if isinstance(value, dict):
        return "; ".join(f"{label(k)}: {_plain(v)}" for k, v in value.items() if k not in HIDDEN)
    if isinstance(value, list | tuple):
        return ", ".join(_plain(item) for item in value)
    return str(value)


def _colour(value, names: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """A colour given as "#RRGGBB", a slug, or {slug, hex, …}: its name and code, and swatch."""
    if isinstance(value, dict):
        hex_ = str(value.get("hex", ""))
        name = names.get(str(value.get("slug", "")), str(value.get("slug", "")))
        text = f"{name} {hex_.upper()}".strip()
        return text, ((hex_,) if HEX.match(hex_) else ())
    text = str(value)
    if HEX.match(text):
        return text.upper(), (text,)
    return names.get(text, text), ()


def _format(key: str, value, names: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    if key in {"foreground", "background", "colour", "hex", "nearest", "suggested", "dominant"}:
        return _colour(value, names)
    if key == "boxes" and isinstance(value, list):
        return (
            _("%(count)s areas, numbered on the image") % {"count": len(value)}
            if len(value) != 1
            else _("1 area, numbered on the image")
        ), ()
    if key == "colours" and isinstance(value, dict):
        parts = [f"{names.get(k, k)} {number(v * 100, 1)} %" for k, v in value.items()]
        return ", ".join(parts), ()
    if key == "mix" and isinstance(value, dict):
        return " + ".join(names.get(str(s), str(s)) for s in value.get("of", [])), ()
    if key == "pairs" and isinstance(value, list):
        parts, swatches = [], []
        for pair in value[:6]:
            if isinstance(pair, dict):
                a, b = str(pair.get("a", "")), str(pair.get("b", "")).upper()
                parts.append(f"{a.upper()} / {b} {number(pair.get('ratio', 0))}:1")
                swatches += [c for c in (a, b) if HEX.match(c)]
        return "; ".join(parts), tuple(dict.fromkeys(swatches))
    if key == "elements" and isinstance(value, list):
        return ", ".join(
            f"{item.get('element', '')} ({item.get('where', '')})"
            if isinstance(item, dict)
            else str(item)
            for item in value
        ), ()
    if key == "rgb" and isinstance(value, list | tuple):
        return ", ".join(str(int(v)) for v in value), ()
    if key == "coverage_percent" and isinstance(value, int | float):
        return f"{number(value, 1)} %", ()
    if key in SHARES and isinstance(value, int | float):
        return f"{number(float(value) * 100, 1)} %", ()
    if key in RATIOS and isinstance(value, int | float):
        return f"{number(value)}:1", ()
    if key in PIXELS and isinstance(value, int | float) and not isinstance(value, bool):
        return f"{number(value, 1)} px", ()
    if key in MILLIMETRES and isinstance(value, int | float):
        return f"{number(value, 1)} mm", ()
    if key in BYTES and isinstance(value, int | float):
        return binary_size(value), ()
    if key in {"aspect", "expected_aspect"} and isinstance(value, int | float):
        return f"{number(value)}:1", ()
    if key == "changes" and isinstance(value, dict):
        return "; ".join(_change(name, change) for name, change in value.items()), ()
    return _plain(value), ()


def _change(name: str, change) -> str:
    if isinstance(change, dict) and set(change) == {"old", "new"}:
        return f"{label(name)}: {_side(change['old'])} → {_side(change['new'])}"
    return f"{label(name)}: {_plain(change)}"


def _side(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return f"“{value}”"
    return _plain(value)


def details(
    data, *, colour_names: dict[str, str] | None = None, skip: Iterable[str] = ()
) -> list[Detail]:
    """Readable items of a details mapping, in its order, empty values and internals left out."""
    if not isinstance(data, dict):
        return []
    names = colour_names or {}
    skipped = HIDDEN | set(skip)
    items = []
    for key, value in data.items():
        if key in skipped or value in (None, "", [], {}):
            continue
        text, swatches = _format(str(key), value, names)
        if len(text) > MAX_TEXT:
            text = text[:MAX_TEXT] + "…"
        items.append(Detail(label(str(key)), text, swatches))
        if len(items) >= MAX_ITEMS:
            break
    return items
