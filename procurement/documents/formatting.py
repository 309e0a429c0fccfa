"""Numbers, money, dates and sizes written the way each document language writes them.

Estonian and Russian group thousands with a no-break space and use a decimal comma
("12 500,00 €"); English uses commas and a point ("€12,500.00"). Every function takes the
language explicitly: the Jinja filters in `environment` pass the document's language.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\u00a0"
LANGUAGES = ("et", "en", "ru")

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")
    return lang


def to_decimal(value) -> Decimal:
    """A Decimal from a decimal string, int, float or Decimal; ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return number


def number(value, lang: str, digits: int = 0, *, group: bool = True) -> str:
    """1 234,5 (et, ru) or 1,234.5 (en), rounded half up to `digits` decimals; `group=False`
    leaves out the thousands separator (1920 × 600 px)."""
    _lang(lang)
    quantum = Decimal(1).scaleb(-digits)
    rounded = to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0,00"
    text = f"{rounded:,.{digits}f}" if group else f"{rounded:.{digits}f}"
    if lang == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def plain_number(value, lang: str, *, group: bool = True) -> str:
    """A number with as many decimals as it needs (3.0 -> "3", 18.66 -> "18,66")."""
    decimal = to_decimal(value).normalize()
    digits = max(0, -decimal.as_tuple().exponent)
    return number(decimal, lang, digits, group=group)


def money(value, lang: str) -> str:
    """EUR with two decimals: "12 500,00 €" (et, ru) or "€12,500.00" (en)."""
    text = number(value, lang, 2)
    if lang == "en":
        return f"-€{text[1:]}" if text.startswith("-") else f"€{text}"
    return f"{text}{NBSP}€"


def to_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def date(value, lang: str) -> str:
    """15.12.2026 (et, ru) or 15 December 2026 (en)."""
    _lang(lang)
    day = to_date(value)
    if lang == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def percent(share, lang: str) -> str:
    """A share (0..1) as a percentage: 2% (et, en), 2 % (ru), as brandkit's check reports do."""
    text = plain_number(to_decimal(share) * 100, lang)
    return f"{text}{NBSP}%" if lang == "ru" else f"{text}%"


def ratio(value, lang: str) -> str:
    """A contrast ratio: 4,5:1 (et, ru) or 4.5:1 (en)."""
    return f"{plain_number(value, lang)}:1"


def size(width, height, unit: str, lang: str) -> str:
    """1200 × 628 px, 210 × 297 mm (no thousands separator: sizes are read as codes)."""
    w, h = plain_number(width, lang, group=False), plain_number(height, lang, group=False)
    return f"{w}{NBSP}×{NBSP}{h}{NBSP}{unit}"


BYTES_WORD = {"et": "baiti", "en": "bytes", "ru": "байт"}


def byte_size(value: int, lang: str) -> str:
    """Exact bytes with a friendlier figure, as the check reports write it:
    "512 000 baiti (500,0 KiB)"."""
    _lang(lang)
    count = int(value)
    if count >= 1024 * 1024:
        friendly = f"{number(Decimal(count) / (1024 * 1024), lang, 1)}{NBSP}MiB"
    else:
        friendly = f"{number(Decimal(count) / 1024, lang, 1)}{NBSP}KiB"
    return f"{number(count, lang)} {BYTES_WORD[lang]} ({friendly})"


SIZE_UNITS = {"et": ("kB", "MB"), "en": ("kB", "MB"), "ru": ("КБ", "МБ")}


def file_size(value: int, lang: str) -> str:
    """A file size as people read it, in decimal units: "8 MB", "512 kB" (vendor-facing text;
    the exact byte count stays in the check reports)."""
    _lang(lang)
    count = int(value)
    kb, mb = SIZE_UNITS[lang]
    amount, unit = (
        (Decimal(count) / 1_000_000, mb) if count >= 1_000_000 else (Decimal(count) / 1000, kb)
    )
    text = number(amount, lang, 1)
    if text.endswith((",0", ".0")):
        text = text[:-2]
    return f"{text}{NBSP}{unit}"


AT_WORD = {"et": "kell", "en": "at", "ru": "в"}


def moment(value, lang: str) -> str:
    """A deadline with its time: "10.12.2026 kell 12:00", "10 December 2026 at 12:00"; a bare
    date prints as `date`."""
    _lang(lang)
    text = str(value)
    if "T" not in text:
        return date(text, lang)
    when = dt.datetime.fromisoformat(text)
    return f"{date(when.date(), lang)} {AT_WORD[lang]} {when:%H:%M}"
