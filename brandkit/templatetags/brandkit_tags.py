from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value, digits=0):
    """0.02 -> "2 %" in the reader's number format."""
    try:
        return f"{number_format(float(value) * 100, int(digits))} %"
    except (TypeError, ValueError):
        return ""


@register.filter
def shown_lang(obj, field: str) -> str:
    """The language of the text shown for obj.<field>: the reader's language when that field is
    filled, else Estonian (the fallback) — for the `lang` attribute of text shown in another
    language than the page's (WCAG 3.1.2)."""
    from django.utils.translation import get_language

    lang = (get_language() or "et")[:2]
    if lang in ("en", "ru") and getattr(obj, f"{field}_{lang}", ""):
        return lang
    return "et"


@register.filter
def preview_alt(asset) -> str:
    """The preview image's text alternative: the asset's alt text, or — while it has none — a
    description of what the image is, so that it never disappears for screen readers."""
    from django.utils.translation import gettext

    text = getattr(asset, "alt_text", "") or ""
    if text:
        return text
    return gettext("Preview of “%(title)s”, no text alternative yet") % {
        "title": getattr(asset, "title", "")
    }
