"""Template helpers of the procurement pages."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template
from django.utils import numberformat
from django.utils.formats import get_format

register = template.Library()


@register.filter
def euros(value) -> str:
    """An amount with two decimals and thousands grouped the reader's way: 30 000,00 in
    Estonian and Russian, 30,000.00 in English (whatever USE_THOUSAND_SEPARATOR says)."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return ""
    return numberformat.format(
        amount,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=2,
        grouping=get_format("NUMBER_GROUPING") or 3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
