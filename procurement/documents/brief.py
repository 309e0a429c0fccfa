"""The design brief (lähteülesanne): order + brandbook -> HTML -> PDF/A-3b."""

from __future__ import annotations

from pathlib import Path

from procurement.documents.context import build_context
from procurement.documents.environment import environment
from procurement.documents.labels import label
from procurement.documents.languages import require
from procurement.documents.render import render_pdf

TEMPLATE = "brief.html.j2"


def build_brief(
    order: dict,
    brandbook: dict,
    lang: str,
    *,
    logo_dir: str | Path | None = None,
    terms: dict | None = None,
) -> str:
    """The brief as HTML (et, en or ru). `logo_dir` (the brandbook's folder) adds the logos."""
    require("brief", lang)
    context = build_context(
        order,
        brandbook,
        lang,
        doc_title=label(lang, "doc.brief"),
        logo_dir=logo_dir,
        terms=terms,
    )
    return environment().get_template(TEMPLATE).render(context)


def render_brief(
    order: dict,
    brandbook: dict,
    lang: str,
    *,
    logo_dir: str | Path | None = None,
    terms: dict | None = None,
) -> bytes:
    """The brief as PDF/A-3b bytes. Logo files are served only from inside `logo_dir`."""
    html = build_brief(order, brandbook, lang, logo_dir=logo_dir, terms=terms)
    return render_pdf(html, base_dir_for_assets=logo_dir, lang=lang)
