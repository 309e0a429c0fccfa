"""The little CSS an SVG needs: declarations, simple selectors, and safety of CSS text.

This is not a CSS engine. It reads `style=""` attributes and `<style>` sheets well enough to
(1) reject anything that could load or run something (`@import`, `url()` other than
`url(#fragment)`, `image-set()`, `javascript:`, `expression()`, `-moz-binding`, `behavior`) and
(2) resolve the properties the checks need (colours, font family/size/weight) for selectors
made of compound selectors (`*`, `element`, `.class`, `#id` and combinations such as
`text.title`) joined by descendant or child combinators (`g.dark text`, `g > text`). Rules with
sibling combinators, attribute selectors or pseudo-classes still have their colours and font
families collected, but they are not applied to particular elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brandkit.checks.rejections import Text, t

_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.S)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\r\n\f]?|\\(.)", re.S)
_URL = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)]*?))\s*\)", re.I | re.S)
_COMPOUND = re.compile(r"^(\*|[A-Za-z][\w-]*)?((?:[.#][\w-]+)*)$")


def strip_comments(css: str) -> str:
    return _COMMENT.sub(" ", css)


def unescape(css: str) -> str:
    """Resolve CSS escapes (`\\6a` = "j") so that obfuscated keywords are seen."""

    def replace(match: re.Match) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return match.group(2)

    return _ESCAPE.sub(replace, css)


_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def squeeze(text: str) -> str:
    """Lower-case without whitespace or control characters, as a URL parser would see it."""
    return _CONTROL.sub("", text).lower()


def scriptish(text: str) -> str | None:
    """'javascript:' or 'vbscript:' if `text` contains such a URL scheme, else None."""
    if ":" not in text:
        return None
    flat = squeeze(text)
    for scheme in ("javascript:", "vbscript:", "livescript:"):
        if scheme in flat:
            return scheme
    return None


def font_face_sources(css: str) -> list[tuple[str | None, str]]:
    """(declared family, URL) of every `src` URL in the sheet's @font-face rules."""
    out = []
    for rule in parse_stylesheet(css):
        if not rule.selector_text.lower().startswith("@font-face"):
            continue
        family = None
        targets: list[str] = []
        for declaration in rule.declarations:
            if declaration.prop == "font-family":
                family = (font_families(declaration.value) or [None])[0]
            elif declaration.prop == "src":
                targets += url_targets(declaration.value)
        out += [(family, target) for target in targets]
    return out


def url_targets(text: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None).strip() for m in _URL.finditer(text)]


def is_fragment(target: str) -> bool:
    return target.startswith("#") and len(target) > 1 and not any(c in target for c in "()\"'")


def css_problems(css: str, *, allow_fonts: bool = False) -> list[Text]:
    """What is unsafe in a piece of CSS (a sheet or a style attribute), per language.
    `allow_fonts` lets `url(data:font/…)` through (a `<style>` sheet's @font-face; the font
    itself is checked by `svg_embedded.check_font`)."""
    from brandkit.checks.svg_embedded import is_font_uri

    text = unescape(strip_comments(css))
    problems: list[Text] = []
    flat = squeeze(text)
    if "@import" in flat:
        problems.append(t("CSS-i @import", "CSS @import", "CSS @import"))
    scheme = scriptish(text)
    if scheme:
        problems.append(t(f"CSS-is on „{scheme}“", f"“{scheme}” in CSS", f"«{scheme}» в CSS"))
    for target in url_targets(text):
        if not is_fragment(target) and not (allow_fonts and is_font_uri(target)):
            shown = target[:80]
            problems.append(
                t(
                    f"CSS-i url() viitab välisele ressursile „{shown}“",
                    f"CSS url() refers to an external resource “{shown}”",
                    f"CSS url() ссылается на внешний ресурс «{shown}»",
                )
            )
    if "url(" in flat and not url_targets(text):
        problems.append(t("vigane CSS url()", "malformed CSS url()", "неверный CSS url()"))
    for name in ("image-set(", "image(", "src(", "element(", "cross-fade("):
        if name in flat:
            problems.append(
                t(
                    f"CSS-i funktsioon {name[:-1]}() võib laadida väliseid faile",
                    f"the CSS function {name[:-1]}() can load external files",
                    f"CSS-функция {name[:-1]}() может загружать внешние файлы",
                )
            )
            break
    for name in ("expression(", "-moz-binding", "behavior:", "-ms-behavior"):
        if name in flat:
            problems.append(
                t(
                    f"CSS-is on käivitatav konstruktsioon „{name.rstrip('(:')}“",
                    f"executable CSS construct “{name.rstrip('(:')}”",
                    f"исполняемая конструкция CSS «{name.rstrip('(:')}»",
                )
            )
    return problems


# ---------------------------------------------------------------------------------------------
# parsing for the cascade


@dataclass
class Declaration:
    prop: str
    value: str
    important: bool = False


Node = tuple[str, frozenset[str], str | None]  # (element name, classes, id)


@dataclass(frozen=True)
class Compound:
    """`rect.big#hero`: an element name (None or "*" = any), classes and an id."""

    tag: str | None
    classes: tuple[str, ...]
    id: str | None

    def matches(self, node: Node) -> bool:
        tag, classes, element_id = node
        if self.tag not in (None, "*") and self.tag != tag:
            return False
        if self.id is not None and self.id != element_id:
            return False
        return all(c in classes for c in self.classes)


@dataclass(frozen=True)
class Selector:
    """Compound selectors joined by descendant (" ") or child (">") combinators."""

    parts: tuple[Compound, ...]
    combinators: tuple[str, ...]  # between parts: " " or ">"

    @property
    def specificity(self) -> tuple[int, int, int]:
        ids = sum(1 for p in self.parts if p.id)
        classes = sum(len(p.classes) for p in self.parts)
        tags = sum(1 for p in self.parts if p.tag and p.tag != "*")
        return (ids, classes, tags)

    def matches(self, node: Node, ancestors: list[Node]) -> bool:
        """`ancestors` from the root down to the parent."""
        if not self.parts[-1].matches(node):
            return False
        return self._left(len(self.parts) - 2, ancestors, len(ancestors) - 1)

    def _left(self, index: int, ancestors: list[Node], top: int) -> bool:
        if index < 0:
            return True
        part = self.parts[index]
        if self.combinators[index] == ">":
            return (
                top >= 0
                and part.matches(ancestors[top])
                and self._left(index - 1, ancestors, top - 1)
            )
        return any(
            part.matches(ancestors[k]) and self._left(index - 1, ancestors, k - 1)
            for k in range(top, -1, -1)
        )


@dataclass
class Rule:
    selectors: list[Selector]  # only the selectors we can match
    declarations: list[Declaration]
    order: int
    selector_text: str = ""
    unmatched: list[str] = field(default_factory=list)  # selectors we cannot apply


def split_top(text: str, sep: str) -> list[str]:
    """Split on `sep` outside quotes and parentheses."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def parse_declarations(text: str) -> list[Declaration]:
    out = []
    for part in split_top(unescape(strip_comments(text)), ";"):
        if ":" not in part:
            continue
        prop, _, value = part.partition(":")
        prop = prop.strip().lower()
        value = value.strip()
        important = False
        if value.lower().endswith("!important"):
            value = value[: -len("!important")].strip()
            important = True
        if prop and value:
            out.append(Declaration(prop, value, important))
    return out


MAX_SELECTOR_PARTS = 8


def parse_compound(text: str) -> Compound | None:
    match = _COMPOUND.match(text)
    if not match or not text:
        return None
    classes: list[str] = []
    element_id = None
    for part in re.findall(r"[.#][\w-]+", match.group(2) or ""):
        if part[0] == ".":
            classes.append(part[1:])
        elif element_id is None:
            element_id = part[1:]
        else:
            return None
    return Compound(match.group(1), tuple(classes), element_id)


def parse_selector(text: str) -> Selector | None:
    """A selector we can apply, or None (sibling combinators, attributes, pseudo-classes …)."""
    tokens = re.sub(r"\s*>\s*", " > ", text.strip()).split()
    if not tokens or tokens[0] == ">" or tokens[-1] == ">":
        return None
    parts: list[Compound] = []
    combinators: list[str] = []
    pending = " "
    for piece in tokens:
        if piece == ">":
            pending = ">"
            continue
        compound = parse_compound(piece)
        if compound is None:
            return None
        if parts:
            combinators.append(pending)
        parts.append(compound)
        pending = " "
    if len(parts) > MAX_SELECTOR_PARTS:
        return None
    return Selector(tuple(parts), tuple(combinators))


def parse_stylesheet(css: str, start_order: int = 0) -> list[Rule]:
    """Rules in source order. Blocks of @media/@supports are read as if they applied; other
    at-rules (@font-face, @keyframes, @page …) are read for their declarations only."""
    text = unescape(strip_comments(css))
    rules: list[Rule] = []
    _parse_block(text, rules, start_order, applies=True)
    return rules


def _parse_block(text: str, rules: list[Rule], order: int, applies: bool) -> int:
    pos = 0
    n = len(text)
    while pos < n and len(rules) < 10_000:
        brace = text.find("{", pos)
        if brace < 0:
            break
        semi = text.find(";", pos, brace)
        if 0 <= semi < brace and text[pos:semi].strip().startswith("@"):
            pos = semi + 1  # @charset/@import/@namespace statement
            continue
        prelude = text[pos:brace].strip()
        end = _matching_brace(text, brace)
        body = text[brace + 1 : end]
        pos = end + 1
        if prelude.startswith("@"):
            keyword = prelude[1:].split(None, 1)[0].lower() if len(prelude) > 1 else ""
            if keyword in ("media", "supports", "layer", "container", "document"):
                order = _parse_block(body, rules, order, applies)
            else:
                rules.append(Rule([], parse_declarations(body), order, prelude))
                order += 1
            continue
        selectors, unmatched = [], []
        for part in split_top(prelude, ","):
            selector = parse_selector(part) if applies else None
            if selector is None:
                unmatched.append(part.strip())
            else:
                selectors.append(selector)
        rules.append(Rule(selectors, parse_declarations(body), order, prelude, unmatched))
        order += 1
    return order


def _matching_brace(text: str, start: int) -> int:
    depth = 0
    quote = ""
    for i in range(start, len(text)):
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def font_families(value: str) -> list[str]:
    """`"Roboto Condensed", Arial, sans-serif` -> ["Roboto Condensed", "Arial", "sans-serif"]."""
    out = []
    for part in split_top(value, ","):
        name = part.strip()
        if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
            name = name[1:-1].strip()
        else:
            name = " ".join(name.split())
        if name and name.lower() not in ("inherit", "initial", "unset", "revert"):
            out.append(name)
    return out


_FONT_SIZE_TOKEN = re.compile(
    r"^(?:[\d.]+(?:px|pt|pc|mm|cm|in|em|rem|ex|%)|0|xx-small|x-small|small|medium|large|"
    r"x-large|xx-large|xxx-large|larger|smaller)(?:/\S+)?$",
    re.I,
)


def parse_font_shorthand(value: str) -> dict[str, str]:
    """`bold 16px/1.2 Roboto, sans-serif` -> {font-weight, font-size, font-family}."""
    tokens = value.strip().split()
    out: dict[str, str] = {}
    for index, token in enumerate(tokens):
        if _FONT_SIZE_TOKEN.match(token):
            out["font-size"] = token.split("/")[0]
            family = " ".join(tokens[index + 1 :])
            if family:
                out["font-family"] = family
            for before in tokens[:index]:
                low = before.lower()
                if (
                    low in ("bold", "bolder", "lighter", "normal")
                    or (low.isdigit() and len(low) <= 4 and 1 <= int(low) <= 1000)
                ) and low != "normal":
                    out["font-weight"] = low
            break
    return out
