"""Does the alt text carry the words of the image? (WCAG 1.1.1 non-text content, 1.4.5 images
of text.) Pure functions over the stored check report and the alt texts, no models.

The words are those the text check read (`text.images_of_text`, its `lines`). OCR misreads a
letter now and then, and alt texts inflect words ("Sotsiaalkindlustusameti"), so a word counts
as carried when an alt-text word matches it ignoring case and diacritics, contains it or is
contained in it (4+ letters), or is at least `SIMILAR` alike (difflib). Words shorter than
3 letters are not asked for. A line is compared with the alt text in its own language when the
asset has one, else with all its alt texts together. A gap is reported when more than
`ALLOWED_MISSING` of the words (and at least one) are missing.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata

SIMILAR = 0.8
ALLOWED_MISSING = 0.2
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without diacritics: "Ühest Õppest" -> "uhest oppest"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _carried(word: str, alt_words: list[str]) -> bool:
    for candidate in alt_words:
        if candidate == word:
            return True
        if len(word) >= 4 and len(candidate) >= 4 and (word in candidate or candidate in word):
            return True
    return bool(difflib.get_close_matches(word, alt_words, n=1, cutoff=SIMILAR))


def read_lines(report: dict | None) -> list[dict]:
    """The lines the text check read, from a stored report."""
    for finding in (report or {}).get("findings", []):
        if finding.get("code") == "text.images_of_text":
            details = finding.get("details") or {}
            lines = details.get("lines")
            if lines:
                return [line for line in lines if isinstance(line, dict) and line.get("text")]
            if details.get("text"):
                return [{"text": details["text"]}]
    return []


def gaps(report: dict | None, alt_texts: dict[str, str]) -> list[dict]:
    """[{"language": code or None, "missing": [words as read], "total": n}] for each alt text
    that lacks the image's words; [] when they are carried, nothing was read, or there is no
    alt text at all (approval asks for one anyway)."""
    alts = {code: text for code, text in alt_texts.items() if text and text.strip()}
    lines = read_lines(report)
    if not alts or not lines:
        return []
    everything = [w for text in alts.values() for w in words(text)]
    groups: dict[str | None, list[str]] = {}
    for line in lines:
        code = line.get("language")
        key = code if code in alts else None
        groups.setdefault(key, []).append(line["text"])
    out = []
    for code, texts in groups.items():
        alt_words = words(alts[code]) if code else everything
        read = [w for text in texts for w in _WORD.findall(text)]
        missing = [w for w in read if not _carried(fold(w), alt_words)]
        if missing and len(missing) > max(0, math.floor(ALLOWED_MISSING * len(read))):
            unique = list(dict.fromkeys(missing))
            out.append({"language": code, "missing": unique, "total": len(read)})
    return out


def for_asset(asset, report: dict | None) -> list[dict]:
    """`gaps` for an object with alt_text_et/_en/_ru attributes (an Asset)."""
    alts = {code: getattr(asset, f"alt_text_{code}", "") or "" for code in ("et", "en", "ru")}
    return gaps(report, alts)


def describe(found: list[dict]) -> str:
    """ "et: Toetused, pensionid; en: …" for a message."""
    parts = []
    for gap in found:
        shown = ", ".join(gap["missing"][:8]) + (" …" if len(gap["missing"]) > 8 else "")
        parts.append(f"{gap['language']}: {shown}" if gap["language"] else shown)
    return "; ".join(parts)
