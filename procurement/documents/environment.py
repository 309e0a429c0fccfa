"""The Jinja2 environment for documents: sandboxed, autoescaped, strict.

- `SandboxedEnvironment`: templates cannot reach Python internals (``__class__``, ``mro`` …).
- ``autoescape=True`` for every template: order text is untrusted and is always printed as
  text, so ``<script>`` or ``<img src="file:///…">`` in an order become visible characters,
  never elements. Order data is only ever a *value*: it is never compiled as a template, so
  ``{{ 7*7 }}`` typed by a user prints as itself.
- `StrictUndefined`: a missing key is an error, not an empty string.
- ``finalize=coverage.printable``: characters the bundled fonts cannot draw become U+FFFD
  instead of pulling a system font into the PDF.

Filters use the document's language (``lang`` in the context): ``money``, ``date``,
``number``, ``percent``, ``ratio``, ``tr`` (pick a {et, en, ru} text). The global ``t(key,
**values)`` returns a text (labels.py: msgctxt "document" in the gettext catalogues) in the
document's language.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, pass_context
from jinja2.sandbox import SandboxedEnvironment

from procurement.documents import formatting as fmt
from procurement.documents.context import pick
from procurement.documents.coverage import printable
from procurement.documents.labels import CONTEXT, catalogue, label
from procurement.documents.paths import TEMPLATES_DIR


@pass_context
def _t(context, key: str, **values) -> str:
    return label(context["lang"], key, **values)


def _lang_filter(function):
    @pass_context
    def bound(context, value, *args):
        return function(value, context["lang"], *args)

    bound.__name__ = function.__name__
    return bound


@pass_context
def _tr(context, value) -> str:
    return pick(value, context["lang"])


@pass_context
def _gettext(context, message: str) -> str:
    return catalogue(context["lang"]).gettext(message)


@pass_context
def _ngettext(context, singular: str, plural: str, n: int) -> str:
    return catalogue(context["lang"]).ngettext(singular, plural, n)


@pass_context
def _pgettext(context, message_context: str, message: str) -> str:
    return catalogue(context["lang"]).pgettext(message_context, message)


@pass_context
def _npgettext(context, message_context: str, singular: str, plural: str, n: int) -> str:
    return catalogue(context["lang"]).npgettext(message_context, singular, plural, n)


def make_environment(template_dirs: list[str | Path] | None = None) -> SandboxedEnvironment:
    """A new environment loading from `template_dirs` (default: templates/documents/).

    Jinja2's i18n extension is installed with the document language's gettext catalogue
    (``{% trans %}``, ``pgettext("document", …)``), the same one `t` reads."""
    env = SandboxedEnvironment(
        extensions=["jinja2.ext.i18n"],
        loader=FileSystemLoader([str(d) for d in (template_dirs or [TEMPLATES_DIR])]),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=printable,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(
        money=_lang_filter(fmt.money),
        date=_lang_filter(fmt.date),
        number=_lang_filter(fmt.number),
        percent=_lang_filter(fmt.percent),
        ratio=_lang_filter(fmt.ratio),
        tr=_tr,
    )
    env.globals["t"] = _t
    env.install_gettext_callables(  # type: ignore[attr-defined]
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
    )
    env.globals["DOCUMENT_CONTEXT"] = CONTEXT
    return env


@cache
def environment() -> SandboxedEnvironment:
    """The shared environment (templates are compiled once per process)."""
    return make_environment()
