"""Typography check: the typefaces a file uses, whether a PDF embeds them, and SVG text size.

Codes
-----
- ``typography.disallowed_font`` (error): a family that is neither a brandbook typeface nor one
  of their fallbacks; or a generic family (``sans-serif``, ``serif`` …) that is not the last
  entry of its list, that the brandbook does not list as a fallback, or that stands without
  any named family before it.
- ``typography.not_embedded`` (error): a PDF font that is not embedded (it will print in
  whatever font the printer or viewer substitutes).
- ``typography.too_small`` (error): SVG text smaller than ``typography.min_text_px``.

SVG families come from text elements, CSS rules, SVG fonts (`<font-face font-family>`,
`<font-face-name name>`) and embedded web fonts (the @font-face family and the family name
inside the font data, read by `svg_embedded`): every one of them must be allowed.

Matching names. PDF fonts are named after their PostScript names ("RobotoCondensed-Bold",
"ArialMT", "TimesNewRomanPS-BoldMT", "Arial,Bold"), SVG and CSS after families. Names are
compared case- and space-insensitively, after removing a subset prefix ("ABCDEF+"), anything
after "-" or "," (the style), then trailing style words (Bold, Italic, Regular …) and the
"MT"/"PS"/"PSMT" vendor suffixes, one at a time; a name matches when any of these forms equals
an allowed family's. "Condensed" and "Roman" are part of family names and are never removed.
The PDF standard font "Times-Roman" counts as Times New Roman. Symbol fonts (Symbol,
ZapfDingbats, Wingdings) carry bullets and dingbats, not text, and are not checked.
"""

from __future__ import annotations

import re

from brandkit.checks._messages import MAX_LISTED, each_lang, finding, listing, num, snippet
from brandkit.checks.report import Finding
from brandkit.checks.types import Decoded

GENERIC_FAMILIES = {
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
    "ui-serif",
    "ui-sans-serif",
    "ui-monospace",
    "ui-rounded",
    "math",
    "emoji",
    "fangsong",
}
STYLE_WORDS = (
    "psmt",
    "mt",
    "ps",
    "regular",
    "bold",
    "italic",
    "oblique",
    "light",
    "medium",
    "black",
    "thin",
    "semibold",
    "demibold",
    "extrabold",
    "ultrabold",
    "heavy",
    "book",
    "normal",
)
ALIASES = {"timesroman": "timesnewroman", "times": "timesnewroman"}
SYMBOL_FONTS = {"symbol", "zapfdingbats", "wingdings", "webdings"}
CSS_KEYWORDS = {"inherit", "initial", "unset", "revert", "revert-layer"}  # not families
SUBSET = re.compile(r"^[A-Z]{6}\+")
MAX_FINDINGS = 20


def _squash(name: str) -> str:
    return re.sub(r"[\s_\-'\"]+", "", name).casefold()


def name_forms(name: str) -> list[str]:
    """Every form a font name is compared in, most literal first (see the module docstring)."""
    name = SUBSET.sub("", name.strip().strip("'\""))
    forms = [_squash(name)]
    base = re.split(r"[-,]", name, maxsplit=1)[0]
    squashed = _squash(base)
    if squashed and squashed not in forms:
        forms.append(squashed)
    changed = True
    while changed and squashed:
        changed = False
        for word in STYLE_WORDS:
            if squashed.endswith(word) and len(squashed) > len(word) + 1:
                squashed = squashed[: -len(word)]
                if squashed not in forms:
                    forms.append(squashed)
                changed = True
                break
    return forms + [ALIASES[f] for f in forms if f in ALIASES]


class Allowed:
    def __init__(self, brandbook: dict):
        typo = brandbook.get("typography", {})
        self.families: list[str] = []
        self.generic: set[str] = set()
        self._by_form: dict[str, str] = {}
        for face in typo.get("typefaces", []):
            for family in [face["family"], *face.get("fallbacks", [])]:
                if family.strip().casefold() in GENERIC_FAMILIES:
                    self.generic.add(family.strip().casefold())
                    continue
                if family not in self.families:
                    self.families.append(family)
                self._by_form.setdefault(_squash(family), family)
        self.min_text_px = float(typo.get("min_text_px", 14))

    def match(self, name: str) -> str | None:
        """The allowed family this font name stands for, or None."""
        for form in name_forms(name):
            if form in self._by_form:
                return self._by_form[form]
        return None

    def listed(self) -> str:
        return ", ".join(self.families + sorted(self.generic))


def _is_symbol(name: str) -> bool:
    return any(form in SYMBOL_FONTS for form in name_forms(name))


def _disallowed(
    name: str, reason: str, where: list[str], allowed: Allowed, pages: list[int] | None = None
) -> Finding:
    reasons = {
        "unknown": {
            "et": f"Kirjatüüp „{name}” ei ole brändi kirjatüüp ega lubatud asendusfont.",
            "en": f"Font “{name}” is neither a brand typeface nor an allowed fallback.",
            "ru": f"Шрифт «{name}» не является ни фирменным, ни допустимым запасным.",
        },
        "generic_not_last": {
            "et": f"Üldine perekond „{name}” on lubatud ainult loendi viimase asendusena.",
            "en": f"The generic family “{name}” is allowed only as the last fallback.",
            "ru": f"Общее семейство «{name}» допускается только последним запасным шрифтом.",
        },
        "generic_not_listed": {
            "et": f"Üldine perekond „{name}” ei ole brändiraamatus asendusena lubatud.",
            "en": f"The generic family “{name}” is not an allowed fallback in the brandbook.",
            "ru": f"Общее семейство «{name}» не указано в брендбуке как допустимый запасной.",
        },
        "generic_only": {
            "et": f"Ainult üldine perekond „{name}”: brändi kirjatüüp on määramata.",
            "en": f"Only the generic family “{name}”: no brand typeface is named.",
            "ru": f"Указано только общее семейство «{name}»: фирменный шрифт не задан.",
        },
    }[reason]

    def message(lang: str) -> str:
        places = listing(where, lang) if where else ""
        at = {"et": "Kus", "en": "Where", "ru": "Где"}[lang]
        ok = {"et": "Lubatud", "en": "Allowed", "ru": "Допустимы"}[lang]
        text = f"{reasons[lang]} {ok}: {allowed.listed()}."
        if pages:
            label = {"et": "Lk", "en": "Page", "ru": "Стр."}[lang]
            text += f" {label} {_pages(pages, lang)}."
        return text + (f" {at}: {places}." if places else "")

    return finding(
        "typography.disallowed_font",
        "error",
        each_lang(message),
        font=name,
        reason=reason,
        where=where[:20],
        allowed=allowed.families + sorted(allowed.generic),
        **({"pages": pages} if pages is not None else {}),
    )


def _svg(decoded: Decoded, allowed: Allowed) -> list[Finding]:
    svg = decoded.svg
    problems: dict[tuple[str, str], list[str]] = {}

    def note(name: str, reason: str, where: str) -> None:
        problems.setdefault((name, reason), [])
        if where and where not in problems[(name, reason)]:
            problems[(name, reason)].append(where)

    for text in svg.texts:
        families = [
            f.strip().strip("'\"")
            for f in text.font_families
            if f.strip() and f.strip().casefold() not in CSS_KEYWORDS
        ]
        named = False
        for position, family in enumerate(families):
            key = family.casefold()
            if key in GENERIC_FAMILIES:
                if position != len(families) - 1:
                    note(family, "generic_not_last", text.element_path)
                elif not named:
                    note(family, "generic_only", text.element_path)
                elif key not in allowed.generic:
                    note(family, "generic_not_listed", text.element_path)
                continue
            named = True
            if allowed.match(family) is None:
                note(family, "unknown", text.element_path)
    # families declared outside text elements (CSS rules, unused styles): named ones only, as
    # their list position is not known here
    seen = {name.casefold() for name, _ in problems}
    for family in svg.font_families:
        family = family.strip().strip("'\"")
        key = family.casefold()
        if not family or key in GENERIC_FAMILIES or key in CSS_KEYWORDS or key in seen:
            continue
        if allowed.match(family) is None:
            note(family, "unknown", "")
            seen.add(family.casefold())
    out = [
        _disallowed(name, reason, where, allowed)
        for (name, reason), where in list(problems.items())[:MAX_FINDINGS]
    ]

    small = [
        t for t in svg.texts if t.font_size_px is not None and t.font_size_px < allowed.min_text_px
    ]
    for text in small[:MAX_FINDINGS]:
        out.append(_too_small(text, allowed.min_text_px, len(small)))
    return out


def _too_small(text, minimum: float, count: int) -> Finding:
    size = float(text.font_size_px)

    def message(lang: str) -> str:
        s = num(size, lang, 1 if not size.is_integer() else 0)
        m = num(minimum, lang, 1 if not float(minimum).is_integer() else 0)
        quote = snippet(text.text)
        return {
            "et": f"Tekst „{quote}” ({text.element_path}) on {s} px, brändi miinimum on {m} px.",
            "en": f"Text “{quote}” ({text.element_path}) is {s} px; the brand minimum is {m} px.",
            "ru": f"Текст «{quote}» ({text.element_path}) размером {s} px; минимум по "
            f"брендбуку — {m} px.",
        }[lang]

    return finding(
        "typography.too_small",
        "error",
        each_lang(message),
        text=snippet(text.text, 80),
        element=text.element_path,
        size_px=round(size, 2),
        min_px=minimum,
        texts_too_small=count,
    )


def _pdf(decoded: Decoded, allowed: Allowed) -> list[Finding]:
    out: list[Finding] = []
    bad: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    for font in decoded.pdf.fonts:
        name = SUBSET.sub("", font.name or "").strip()
        if not name:
            continue
        if not font.embedded:
            loose.setdefault(name, [])
            loose[name] += [p for p in font.pages if p not in loose[name]]
        if _is_symbol(name):
            continue
        if allowed.match(name) is None:
            bad.setdefault(name, [])
            bad[name] += [p for p in font.pages if p not in bad[name]]
    for name, pages in list(bad.items())[:MAX_FINDINGS]:
        out.append(_disallowed(name, "unknown", [], allowed, pages=sorted(pages)))
    for name, pages in list(loose.items())[:MAX_FINDINGS]:
        out.append(_not_embedded(name, sorted(pages)))
    return out


def _pages(pages: list[int], lang: str) -> str:
    return listing([str(p) for p in pages], lang, limit=MAX_LISTED * 2)


def _not_embedded(name: str, pages: list[int]) -> Finding:
    def message(lang: str) -> str:
        where = ""
        if pages:
            label = {"et": "lk", "en": "page", "ru": "стр."}[lang]
            where = f" ({label} {_pages(pages, lang)})"
        return {
            "et": f"Kirjatüüp „{name}” ei ole PDF-i manustatud{where}: trükikoda või vaataja "
            "asendab selle. Eksportige PDF nii, et kõik kirjatüübid oleksid manustatud.",
            "en": f"Font “{name}” is not embedded in the PDF{where}: the printer or viewer will "
            "substitute it. Export the PDF with all fonts embedded.",
            "ru": f"Шрифт «{name}» не встроен в PDF{where}: типография или программа просмотра "
            "заменит его. Экспортируйте PDF со всеми встроенными шрифтами.",
        }[lang]

    return finding("typography.not_embedded", "error", each_lang(message), font=name, pages=pages)


def check(decoded: Decoded, brandbook: dict, preset: dict | None) -> list[Finding]:
    allowed = Allowed(brandbook)
    if decoded.svg is not None:
        return _svg(decoded, allowed)
    if decoded.pdf is not None:
        return _pdf(decoded, allowed)
    return []
