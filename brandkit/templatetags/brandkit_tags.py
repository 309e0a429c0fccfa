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
