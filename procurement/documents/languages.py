"""Which languages each document exists in."""

from __future__ import annotations

from procurement.documents.labels import DOCUMENT_LANGUAGES


class UnsupportedLanguage(ValueError):
    """The document has no template text in that language."""


def require(document: str, lang: str) -> None:
    available = DOCUMENT_LANGUAGES[document]
    if lang not in available:
        raise UnsupportedLanguage(
            f"the {document} is available in {', '.join(available)}, not {lang!r}"
        )
