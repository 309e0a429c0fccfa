"""Keep document text inside the bundled fonts' character coverage.

WeasyPrint asks fontconfig for a system font when the document's font lacks a glyph, and that
font would be embedded in the PDF: the documents must use the bundled Roboto faces only. Every
value a template prints passes through `printable` (the Jinja `finalize` hook), which replaces a
character that the body face (Roboto Condensed) cannot draw with U+FFFD, a glyph it has. Line
breaks and tabs are kept; other control characters are replaced too (they are not text).
"""

from __future__ import annotations

from functools import cache

from markupsafe import Markup

from procurement.documents.paths import STATIC_DIR

BODY_FONTS = (
    "fonts/roboto-condensed/RobotoCondensed-Regular.ttf",
    "fonts/roboto-condensed/RobotoCondensed-Bold.ttf",
)
REPLACEMENT = "\ufffd"
KEEP = frozenset("\n\r\t")


@cache
def covered() -> frozenset[int]:
    """Code points that every bundled body face can draw."""
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency

    sets = []
    for relative in BODY_FONTS:
        with TTFont(STATIC_DIR / relative, lazy=True) as font:
            sets.append(set(font.getBestCmap()))
    return frozenset(set.intersection(*sets))


def uncovered(text: str) -> set[str]:
    """The characters of `text` that would fall back to a system font."""
    cmap = covered()
    return {ch for ch in text if ch not in KEEP and ord(ch) not in cmap}


def printable(value):
    """Jinja `finalize`: text with uncovered characters replaced; other values unchanged."""
    if not isinstance(value, str):
        return value
    cmap = covered()
    if all(ord(ch) in cmap or ch in KEEP for ch in value):
        return value
    text = "".join(ch if ord(ch) in cmap or ch in KEEP else REPLACEMENT for ch in value)
    # Only characters were swapped for U+FFFD: markup that was safe stays safe.
    return Markup(text) if isinstance(value, Markup) else text  # noqa: S704
