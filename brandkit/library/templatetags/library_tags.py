"""Template helpers for check reports and the library pages."""

from __future__ import annotations

import json
import re

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

register = template.Library()

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABELS = {"error": _("error"), "warning": _("warning"), "info": _("information")}
VERDICT_LABELS = {"pass": _("passes"), "fail": _("fails"), "rejected": _("not accepted")}
RENDITION_LABELS = {
    "thumbnail": _("Thumbnail"),
    "web-jpeg": _("For the web, JPEG"),
    "web-webp": _("For the web, WebP"),
    "web-png": _("For the web, PNG"),
}


@register.filter
def rendition_label(name: str) -> str:
    """A rendition's name as people say it, not its internal slug."""
    return str(RENDITION_LABELS.get(name, name))


@register.filter
def finding_message(finding: dict) -> str:
    """The finding's message in the reader's language (stored reports carry all three)."""
    lang = (get_language() or "et")[:2]
    messages = finding.get("messages") or {}
    return (
        messages.get(lang)
        or messages.get("en")
        or finding.get("message")
        or next(iter(messages.values()), "")
    )


@register.filter
def sorted_findings(report: dict) -> list[dict]:
    findings = (report or {}).get("findings") or []
    return sorted(
        findings, key=lambda f: (SEVERITY_ORDER.get(f.get("severity"), 9), f.get("code", ""))
    )


@register.filter
def severity_label(severity: str) -> str:
    return str(SEVERITY_LABELS.get(severity, severity))


@register.filter
def verdict_label(verdict: str) -> str:
    return str(VERDICT_LABELS.get(verdict, verdict))


@register.filter
def severity_counts(report: dict) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in (report or {}).get("findings") or []:
        if finding.get("severity") in counts:
            counts[finding["severity"]] += 1
    return counts


@register.filter
def detail_items(details) -> list[tuple[str, str]]:
    """A finding's details as (key, readable value) pairs; nested data as compact JSON."""
    if not isinstance(details, dict):
        return []
    items = []
    for key, value in details.items():
        if isinstance(value, dict | list | tuple):
            text = json.dumps(value, ensure_ascii=False, default=str)
            if len(text) > 2000:
                text = text[:2000] + "…"
        elif isinstance(value, float):
            text = f"{value:g}"
        else:
            text = str(value)
        items.append((str(key).replace("_", " "), text))
    return items


@register.filter
def event_value(value) -> str:
    """An audit event's detail as text: a list as "a, b" and a mapping as compact JSON, not
    as a Python repr."""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


@register.filter
def filesize(size) -> str:
    """Bytes in binary units (KiB, MiB), like the limits, in the reader's number format."""
    from brandkit.units import binary_size

    try:
        return binary_size(int(size))
    except (TypeError, ValueError):
        return ""


@register.filter
def lang_value(obj, field: str) -> list[tuple[str, str]]:
    """[(code, value)] of obj.<field>_et/_en/_ru that are not empty."""
    return [
        (code, value)
        for code in ("et", "en", "ru")
        if (value := getattr(obj, f"{field}_{code}", ""))
    ]


@register.filter
def state_label(value: str) -> str:
    """A version state, asset status or text revision state code as its translated label."""
    from brandkit.library.models import AssetStatus, TextRevisionState

    if not value:
        return ""
    for choices in (AssetStatus, TextRevisionState):
        try:
            return str(choices(value).label)
        except ValueError:
            continue
    return value


HEX_CODE = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _swatches(details) -> list[dict]:
    """The colours a finding names, for a swatch beside each hex code: its own colour(s), then
    the suggested brand colour. Only well-formed #RRGGBB codes reach a style attribute."""
    if not isinstance(details, dict):
        return []
    seen: set[str] = set()
    out: list[dict] = []

    def add(code, kind: str) -> None:
        if isinstance(code, str) and HEX_CODE.match(code) and code.upper() not in seen:
            seen.add(code.upper())
            out.append({"hex": code.upper(), "kind": kind})

    add(details.get("hex"), "found")
    colours = details.get("colours")  # a list of colours, or (coverage findings) a count
    for item in colours if isinstance(colours, list) else []:
        if isinstance(item, dict):
            add(item.get("hex"), "found")
    suggested = details.get("suggested")
    if isinstance(suggested, dict):
        add(suggested.get("hex"), "suggested")
    return out[:12]


@register.filter
def evidence(report: dict) -> dict:
    """The report's findings numbered for the evidence on the preview (see
    brandkit.checks.evidence): `items` [{finding, number, swatches}] in report order, and
    `marks` [{number, severity, code, left, top, width, height}] with the box in per cent of
    the image, as strings with a decimal point for the style attribute."""
    from brandkit.checks import evidence as ev

    report = report or {}
    width, height = report.get("width"), report.get("height")
    findings = report.get("findings") or []
    items, marks = [], []
    for finding, number, boxes in ev.numbered(findings, width, height):
        items.append(
            {
                "finding": finding,
                "number": number,
                "swatches": _swatches(finding.get("details")),
            }
        )
        for x, y, w, h in boxes if number is not None else []:
            marks.append(
                {
                    "number": number,
                    "severity": finding.get("severity", "info"),
                    "code": finding.get("code", ""),
                    "left": f"{100 * x / width:.3f}",
                    "top": f"{100 * y / height:.3f}",
                    "width": f"{100 * w / width:.3f}",
                    "height": f"{100 * h / height:.3f}",
                    "label_inside": y / height < 0.06,  # no room above the box
                }
            )
    return {"items": items, "marks": marks}


def _colour_names() -> dict[str, str]:
    """Slug → name (reader's language) of the current brandbook's colours, cached briefly:
    a report page asks for them once per finding."""
    from django.conf import settings
    from django.core.cache import cache

    from brandkit.rules.models import Brandbook

    lang = (get_language() or "et")[:2]
    key = f"brandkit:colour-names:{lang}"
    names = cache.get(key)
    if names is None:
        book = Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)
        names = {c.slug: c.name for c in book.colours.all()} if book else {}
        cache.set(key, names, 60)
    return names


@register.filter
def readable_details(details) -> list:
    """A finding's details for people: labels, units, swatches (brandkit.readable)."""
    from brandkit import readable

    return readable.details(details, colour_names=_colour_names(), skip=("text",))


@register.filter
def readable_event(details) -> list:
    """An audit event's details for people (brandkit.readable)."""
    from brandkit import readable

    return readable.details(details, colour_names=_colour_names())
