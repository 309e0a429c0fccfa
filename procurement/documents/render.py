"""HTML to PDF/A-3b with WeasyPrint, through the allow-list fetcher only.

`render_pdf` is the one entry point for documents: bundled fonts (the HTML links
``static/css/fonts.css``; the document CSS names Roboto faces with no system fallback), PDF/A-3b,
tagged PDF (WeasyPrint 67 tags headings, lists, tables and images with ``pdf_tags=True``, which
it allows together with ``pdf/a-3b``), the title from ``<title>`` and the language set in the
catalogue. A refused resource fails the render with `ForbiddenResource`.
"""

from __future__ import annotations

from pathlib import Path

from procurement.documents.fetcher import ResourceFetcher
from procurement.documents.formatting import LANGUAGES
from procurement.documents.paths import STATIC_DIR, static_base_url
from procurement.documents.weasy import HTML

PDF_OPTIONS = {"pdf_variant": "pdf/a-3b", "pdf_tags": True}


class RenderError(Exception):
    """The HTML cannot make a valid document (e.g. it has no title)."""


def stable_table_header_ids(document, pdf) -> None:
    """WeasyPrint ``finisher``: make a tagged PDF byte-for-byte reproducible.

    WeasyPrint 67 names table header cells in the structure tree after ``id()`` of Python
    objects (``/ID (140053546911504)`` on each TH, and ``/Headers`` on each TD), so the same HTML
    gave different bytes, and a different file identifier, on every render. Renumber them in
    the order the objects were written (``th1``, ``th2`` …): the same order revision then gives
    the same PDF and the same SHA-256. Objects of any other shape are left alone."""
    names: dict[str, str] = {}

    def rename(value):
        if hasattr(value, "string"):  # a pydyf.String
            key = str(value.string)
            names.setdefault(key, f"th{len(names) + 1}")
            value.string = names[key]

    for obj in pdf.objects:
        if not isinstance(obj, dict):
            continue
        if obj.get("S") == "/TH" and "ID" in obj:
            rename(obj["ID"])
    for obj in pdf.objects:
        if not isinstance(obj, dict):
            continue
        attributes = obj.get("A")
        if isinstance(attributes, dict) and isinstance(attributes.get("Headers"), list):
            for header in attributes["Headers"]:
                rename(header)


def _fetcher(base_dir_for_assets: str | Path | None) -> ResourceFetcher:
    roots: list[str | Path] = [STATIC_DIR]
    if base_dir_for_assets is not None:
        roots.append(base_dir_for_assets)
    return ResourceFetcher(roots)


def render_pdf(
    html: str,
    *,
    base_dir_for_assets: str | Path | None = None,
    lang: str,
    fetcher: ResourceFetcher | None = None,
) -> bytes:
    """PDF/A-3b bytes of `html`. Raises `ForbiddenResource` if the document asked for anything
    outside ``static/``, `base_dir_for_assets` and ``data:`` URIs. `fetcher` replaces the
    default one (tests pass a recording one)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")
    fetcher = fetcher or _fetcher(base_dir_for_assets)
    document = HTML(string=html, base_url=static_base_url(), url_fetcher=fetcher).render(
        **PDF_OPTIONS
    )
    fetcher.raise_if_refused()
    if not document.metadata.title:
        raise RenderError("the document has no <title>; PDF/A and PDF/UA readers need one")
    document.metadata.lang = lang
    pdf = document.write_pdf(finisher=stable_table_header_ids, **PDF_OPTIONS)
    fetcher.raise_if_refused()
    return pdf


def render_html_only_pdf(html: str, *, base_dir_for_assets: str | Path | None = None) -> bytes:
    """WeasyPrint alone on finished HTML, with the same options and fetcher but none of
    `render_pdf`'s checks: the benchmark's baseline."""
    fetcher = _fetcher(base_dir_for_assets)
    return HTML(string=html, base_url=static_base_url(), url_fetcher=fetcher).write_pdf(
        finisher=stable_table_header_ids, **PDF_OPTIONS
    )
