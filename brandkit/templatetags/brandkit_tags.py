from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _lazy

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


ROLE_LABELS = {
    "primary": _lazy("primary colour"),
    "accent": _lazy("accent"),
    "background": _lazy("background"),
    "text": _lazy("text"),
    "document": _lazy("documents"),
    "body": _lazy("body text"),
    "headline": _lazy("headlines"),
    "agency-name": _lazy("agency name"),
    "certificate": _lazy("certificates"),
    "web": _lazy("web"),
}


@register.filter
def role_labels(roles) -> str:
    """A brandbook's role slugs (primary, background …) as words in the reader's language;
    a role we have no word for is shown as written in the brandbook."""
    return ", ".join(str(ROLE_LABELS.get(role, role)) for role in roles or []) or "—"


@register.filter
def in_its_lang(obj, field: str):
    """obj.<field> as shown (reader's language or the Estonian fallback), wrapped in a span
    with its `lang`, for use inside a translated sentence (WCAG 3.1.2)."""
    from django.utils.html import format_html

    lang = shown_lang(obj, field)
    value = getattr(obj, f"{field}_{lang}", "") or getattr(obj, field, "")
    return format_html('<span lang="{}">{}</span>', lang, value)
