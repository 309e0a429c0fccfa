"""Control characters have no place in text people type into our forms.

In a single-line field (a title, a name, a tag list) a CR/LF ends up in an e-mail subject,
where Django refuses it (BadHeaderError), and in headers of generated documents; other
control characters (NUL, ESC, C1 codes, the Unicode line and paragraph separators) are never
typed on purpose. Multi-line fields (textareas) keep line breaks and tabs and refuse the rest.

`PlainTextFormMixin` applies the rule to every CharField of a form, so a field added later is
covered too; `SINGLE_LINE_PATTERN` is the same rule for the API's query schemas.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SINGLE_LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MULTI_LINE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
# For pydantic/JSON Schema: a string without any of SINGLE_LINE_CONTROL.
SINGLE_LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$"


def refuse_line_breaks_and_controls(value) -> None:
    if isinstance(value, str) and SINGLE_LINE_CONTROL.search(value):
        raise ValidationError(
            _("Write this on one line, without line breaks, tabs or other control characters."),
            code="control_characters",
        )


def refuse_controls(value) -> None:
    if isinstance(value, str) and MULTI_LINE_CONTROL.search(value):
        raise ValidationError(
            _("The text holds control characters that cannot be stored; remove them."),
            code="control_characters",
        )


def one_line(text: str, limit: int = 200) -> str:
    """`text` as one line (control characters and runs of white space become one space), cut
    to `limit` characters: for e-mail subjects built from stored titles."""
    flat = " ".join(SINGLE_LINE_CONTROL.sub(" ", str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class PlainTextFormMixin:
    """Put first in a form's bases: every CharField refuses control characters — single-line
    inputs also line breaks and tabs, textareas keep those."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField):
                continue
            if isinstance(field.widget, forms.Textarea):
                field.validators.append(refuse_controls)
            else:
                field.validators.append(refuse_line_breaks_and_controls)


class PlainTextModelForm(PlainTextFormMixin, forms.ModelForm):
    """For ModelAdmin.form: the admin's text fields follow the same rule."""
