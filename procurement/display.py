"""The order's brief and register fields as the order page shows them: the same groups as the
order form, each field with its label and its value as people read it (choices by their label,
dates in the reader's format), empty fields left out."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format

from procurement.forms import VisualOrderForm

SHOWN_ELSEWHERE = {
    "title_et",
    "title_en",
    "title_ru",
    "unit",
    "purpose",
    "background",
    "audience",
    "message_et",
    "message_en",
    "message_ru",
    "deadline",
    "estimated_value_eur",
    "cpv_codes",
    "reference_assets",
    "accessibility_needs",
    "contact_name",
    "contact_email",
    "contact_phone",
}


def _value(order, name: str) -> str:
    field = order._meta.get_field(name)
    value = getattr(order, name)
    if value in (None, "", [], {}):
        return ""
    if field.choices:
        return str(getattr(order, f"get_{name}_display")())
    if hasattr(value, "hour"):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if hasattr(value, "isoformat"):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def detail_groups(order) -> list[dict]:
    """[{legend, items: [{label, value, lang}]}] for the groups with something to show."""
    groups = []
    for legend, names in VisualOrderForm.GROUPS:
        items = []
        for name in names:
            if name in SHOWN_ELSEWHERE:
                continue
            try:
                field = order._meta.get_field(name)
            except FieldDoesNotExist:  # a form-only field
                continue
            text = _value(order, name)
            if text:
                lang = name.rsplit("_", 1)[1] if name.endswith(("_en", "_ru", "_et")) else ""
                items.append({"label": str(field.verbose_name), "value": text, "lang": lang})
        if items:
            groups.append({"legend": str(legend), "items": items})
    return groups
