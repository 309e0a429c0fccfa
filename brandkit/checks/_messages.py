"""Message helpers shared by the content checks (dimensions, palette, typography, contrast,
metadata): numbers written the way each language writes them, and the Finding constructor.

Estonian and Russian use a decimal comma and a (no-break) space between thousands; English a
decimal point and a comma. Russian puts a no-break space before "%" (GOST 8.417), Estonian and
English do not.
"""

from __future__ import annotations

from typing import Any

from brandkit.checks.report import Finding, Severity

LANGS = ("et", "en", "ru")
NBSP = "\u00a0"

# A list of more than this many places (elements, pages, fields) is cut short in a message;
# the details keep the full count.
MAX_LISTED = 5


def num(value: float, lang: str, digits: int = 1) -> str:
    """1 234,5 (et, ru) or 1,234.5 (en); `digits=0` gives a whole number."""
    if value != value or value in (float("inf"), float("-inf")):
        return {"nan": "?"}.get(str(value), "∞" if value > 0 else "-∞")
    text = f"{value:,.{digits}f}" if digits else f"{round(value):,}"
    if text in {"-0", "-0.0", "-0.00"}:
        text = text[1:]
    if lang == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def pct(share: float, lang: str, digits: int = 1) -> str:
    """A share (0..1) as a percentage: 12,4% (et), 12.4% (en), 12,4 % (ru)."""
    value = num(share * 100.0, lang, digits)
    return f"{value}{NBSP}%" if lang == "ru" else f"{value}%"


def size_bytes(size: int, lang: str) -> str:
    """Bytes exactly, with a friendlier KiB/MiB figure: "612 345 baiti (598,0 KiB)"."""
    word = {"et": "baiti", "en": "bytes", "ru": "байт"}[lang]
    if size >= 1024 * 1024:
        friendly = f"{num(size / (1024 * 1024), lang, 1)}{NBSP}MiB"
    else:
        friendly = f"{num(size / 1024, lang, 1)}{NBSP}KiB"
    return f"{num(size, lang, 0)} {word} ({friendly})"


def listing(items: list[str], lang: str, limit: int = MAX_LISTED) -> str:
    """ "a, b, c" or "a, b, c … (+4)" when there are more than `limit` items."""
    shown = ", ".join(items[:limit])
    rest = len(items) - limit
    if rest > 0:
        more = {"et": "veel", "en": "more", "ru": "ещё"}[lang]
        shown += f" … (+{rest} {more})"
    return shown


def name_of(item: dict, lang: str) -> str:
    """The item's name in `lang` (brandbook `name: {et, en, ru}`), falling back to English and
    then the slug."""
    names = item.get("name") or {}
    if isinstance(names, str):
        return names
    return names.get(lang) or names.get("en") or next(iter(names.values()), item.get("slug", ""))


def snippet(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def finding(
    code: str,
    severity: Severity,
    messages: dict[str, str],
    **details: Any,
) -> Finding:
    missing = [lang for lang in ("et", "en") if not messages.get(lang)]
    if missing:  # a programming error: every content finding speaks Estonian and English
        raise ValueError(f"{code}: missing messages for {missing}")
    return Finding(code=code, severity=severity, messages=messages, details=details)


def each_lang(build) -> dict[str, str]:
    """`{lang: build(lang)}` for every language: for templates that format numbers per
    language."""
    return {lang: build(lang) for lang in LANGS}
