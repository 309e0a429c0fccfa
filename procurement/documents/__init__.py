"""Document assembly for procurement: design briefs and tender sets as PDF/A-3b.

Pure code (no Django): plain `order` data (see README.md) and brandbook data in, HTML and PDF
bytes out. Names are imported lazily so that importing the package does not load WeasyPrint.

- `build_brief` / `render_brief`                  the design brief (et, en, ru)
- `build_tender_set` / `render_tender_set`        the four tender documents (et, en)
- `zip_set`                                       a deterministic ZIP of a set
- `render_pdf` / `render_html_only_pdf`           HTML -> PDF/A-3b through the allow-list fetcher
- `ForbiddenResource`, `OrderDataError`, `UnsupportedLanguage`   the errors callers handle
"""

from importlib import import_module

_EXPORTS = {
    "build_brief": "brief",
    "render_brief": "brief",
    "build_tender_set": "tender",
    "render_tender_set": "tender",
    "tender_zip": "tender",
    "zip_set": "archive",
    "render_pdf": "render",
    "render_html_only_pdf": "render",
    "RenderError": "render",
    "ForbiddenResource": "fetcher",
    "ResourceFetcher": "fetcher",
    "OrderDataError": "context",
    "UnsupportedLanguage": "languages",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"procurement.documents.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
