"""Read what the checks need from a validated SVG tree: size, colours, texts and fonts.

Size: the root's width/height (px, pt, pc, mm, cm, in, Q; em = 16 px), or the viewBox when they
are missing or percentages; with only one of them, the other follows the viewBox's aspect.

Styles: presentation attributes < `<style>` rules (specificity, then order) < `style=""`, with
`!important` above all of those; properties inherit through ancestors as in CSS (fill, stroke,
color, font-*, opacities …). Selectors applied: `*`, element, `.class`, `#id`, their
compounds and descendant/child combinators (see `svg_css`). The `font` shorthand is expanded.

Colours: every fill, stroke, stop-color, flood-color, lighting-color, color (and CSS
background-color) written in an attribute, a `style=""` or a `<style>` sheet, parsed with
coloraide (every CSS colour syntax; currentColor, none, transparent, inherit and url(#…) are not
colours; `url(#g) red` gives its fallback red) and converted to sRGB (gamut-mapped). `alpha`
includes the matching fill-/stroke-/stop-/flood-opacity of the same element. Shapes that rely on
the default black fill are not listed (nothing is written), and colours inside embedded
`data:` images are not read.

Texts: one `SvgText` per text-bearing element (`text`, `tspan`, `textPath`) and its own
characters; `font_size_px` is the computed font-size times the scale of the element's full
transform, including the root viewBox-to-size scale, so it is the size in the SVG's own px.

Background behind a text (an approximation; None when unknown):
1. While walking the document in paint order, every painted shape (rect, circle, ellipse,
   polygon, polyline, path, image) outside defs/clipPath/mask/pattern/marker/symbol that is not
   `display:none`/hidden and has a fill is remembered with its transform.
2. A text's probe point is the middle of its estimated line box: the advance is estimated as
   0.55 em per character from x (shifted for text-anchor) and the middle height as 0.35 em above
   the baseline y.
3. The shapes painted before the text are tested from the top down (up to 2000 per text). The
   first that contains the point (rect and ellipse exactly; polygons and paths with curves
   flattened, winding rule honoured; the shape's own transform applied) decides: a solid fill
   gives the colour (a translucent fill is blended over what lies below it); a gradient,
   pattern or image gives None (unknown). If no shape covers the point, the root's CSS
   background colour is used if it has one, else None (the SVG is transparent there).
Clip paths, masks, filters, `<use>` references and the text's own bounding box are ignored.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET  # noqa: S405 - types only; parsing is in svg_safety
from dataclasses import dataclass, field
from functools import lru_cache

from coloraide import Color

from brandkit.checks import svg_css, svg_embedded, svg_geometry
from brandkit.checks.svg_safety import SVG_NS, split_tag
from brandkit.checks.types import SvgColour, SvgDocument, SvgText

COLOUR_PROPS = ("fill", "stroke", "stop-color", "flood-color", "lighting-color", "color")
CSS_ONLY_COLOUR_PROPS = ("background-color", "background")
OPACITY_OF = {
    "fill": "fill-opacity",
    "stroke": "stroke-opacity",
    "stop-color": "stop-opacity",
    "flood-color": "flood-opacity",
}
STYLE_PROPS = (
    *COLOUR_PROPS,
    "fill-opacity",
    "stroke-opacity",
    "stop-opacity",
    "flood-opacity",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "display",
    "visibility",
    "text-anchor",
    "fill-rule",
    "background-color",
)
INHERITED = frozenset(
    {
        "fill",
        "stroke",
        "color",
        "fill-opacity",
        "stroke-opacity",
        "font-family",
        "font-size",
        "font-weight",
        "visibility",
        "text-anchor",
        "fill-rule",
    }
)
NOT_RENDERED = frozenset(
    {
        "defs",
        "clipPath",
        "mask",
        "pattern",
        "marker",
        "symbol",
        "metadata",
        "linearGradient",
        "radialGradient",
        "meshgradient",
        "filter",
        "title",
        "desc",
        "style",
        "hatch",
        "font",
        "font-face",
    }
)
SHAPES = frozenset({"rect", "circle", "ellipse", "polygon", "polyline", "path", "image"})
TEXT_ELEMENTS = frozenset({"text", "tspan", "textPath"})
FONT_SIZE_KEYWORDS = {
    "xx-small": 9.0,
    "x-small": 10.0,
    "small": 13.0,
    "medium": 16.0,
    "large": 18.0,
    "x-large": 24.0,
    "xx-large": 32.0,
    "xxx-large": 48.0,
}
MAX_COLOURS = 100_000
MAX_TEXTS = 10_000
MAX_BACKGROUND_SHAPES = 2_000
CHAR_ADVANCE_EM = 0.55
MIDDLE_EM = 0.35
_NOT_COLOURS = frozenset({"none", "currentcolor", "transparent", "inherit", "initial", "unset"})


# ---------------------------------------------------------------------------------------------
# colours


@lru_cache(maxsize=4096)
def parse_colour(value: str) -> tuple[tuple[int, int, int], float] | None:
    """((r, g, b), alpha) in sRGB for a CSS colour, or None if it is not a colour."""
    text = value.strip()
    if text.lower().startswith("url("):
        close = text.find(")")
        text = text[close + 1 :].strip() if close >= 0 else ""
    if not text:
        return None
    # a trailing icc-color(...) is an SVG 1.1 addition to the sRGB fallback
    text = re.split(r"\s+icc-color\(", text, maxsplit=1, flags=re.I)[0].strip()
    if text.lower() in _NOT_COLOURS or len(text) > 200:
        return None
    try:
        colour = Color(text)
    except (ValueError, TypeError, KeyError, IndexError):
        try:
            colour = Color(text.lower())
        except (ValueError, TypeError, KeyError, IndexError):
            return None
    try:
        srgb = colour.convert("srgb").fit()
        coords = srgb.coords()
        alpha = float(srgb.alpha())
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
    if not all(math.isfinite(c) for c in coords) or not math.isfinite(alpha):
        return None
    rgb = tuple(max(0, min(255, round(c * 255))) for c in coords)
    return rgb, max(0.0, min(1.0, alpha))  # type: ignore[return-value]


def _opacity(value: str | None) -> float:
    if value is None:
        return 1.0
    value = value.strip()
    try:
        number = float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return 1.0
    return max(0.0, min(1.0, number)) if math.isfinite(number) else 1.0


# ---------------------------------------------------------------------------------------------
# the cascade


MATCH_BUDGET = 2_000_000  # selector tests per document (each costs up to its ancestors)


@dataclass
class Sheet:
    """The document's style rules, indexed by the key of each selector's last compound (id,
    first class, element name, or none), so an element is only tested against rules that could
    match it. The total work is capped by `budget`: past it, no further rule is applied (only
    a pathological document gets there)."""

    rules: list[svg_css.Rule] = field(default_factory=list)
    budget: int = MATCH_BUDGET
    _index: dict | None = None

    def _build(self) -> dict:
        index: dict = {"id": {}, "class": {}, "tag": {}, "any": []}
        for rule in self.rules:
            for selector in rule.selectors:
                last = selector.parts[-1]
                entry = (rule, selector)
                if last.id:
                    index["id"].setdefault(last.id, []).append(entry)
                elif last.classes:
                    index["class"].setdefault(last.classes[0], []).append(entry)
                elif last.tag and last.tag != "*":
                    index["tag"].setdefault(last.tag, []).append(entry)
                else:
                    index["any"].append(entry)
        return index

    def matching(self, node: svg_css.Node, ancestors: list[svg_css.Node]):
        """(important, specificity, order, declaration) for every matching declaration."""
        if self._index is None:
            self._index = self._build()
        index = self._index
        tag, classes, element_id = node
        candidates = list(index["any"])
        candidates += index["tag"].get(tag, [])
        for name in classes:
            candidates += index["class"].get(name, [])
        if element_id:
            candidates += index["id"].get(element_id, [])
        best: dict[int, tuple[tuple[int, int, int], svg_css.Rule]] = {}
        for rule, selector in candidates:
            if self.budget <= 0:
                break
            self.budget -= 1 + len(ancestors) * (len(selector.parts) - 1)
            if selector.matches(node, ancestors):
                spec = selector.specificity
                if rule.order not in best or spec > best[rule.order][0]:
                    best[rule.order] = (spec, rule)
        out = []
        for spec, rule in best.values():
            for declaration in rule.declarations:
                out.append((declaration.important, spec, rule.order, declaration))
        out.sort(key=lambda item: (item[0], item[1], item[2]))
        return out


def _expand(prop: str, value: str) -> list[tuple[str, str]]:
    if prop == "font":
        return list(svg_css.parse_font_shorthand(value).items())
    return [(prop, value)]


def node_of(element: ET.Element, local: str) -> svg_css.Node:
    return (local, frozenset((element.get("class") or "").split()), element.get("id"))


def specified_values(
    element: ET.Element, local: str, sheet: Sheet, ancestors: list[svg_css.Node] | None = None
) -> dict[str, str]:
    """The element's own declared values, cascade applied (not inheritance). `ancestors`:
    the element's ancestors as nodes, root first."""
    values: dict[str, str] = {}
    attrib = element.attrib
    if "font" in attrib:
        values.update(svg_css.parse_font_shorthand(attrib["font"]))
    for prop in STYLE_PROPS:
        if prop in attrib:
            values[prop] = attrib[prop].strip()
    matched = sheet.matching(node_of(element, local), ancestors or []) if sheet.rules else []
    style = svg_css.parse_declarations(attrib.get("style", "")) if "style" in attrib else []
    for important, _spec, _order, declaration in matched:
        if not important:
            values.update(_expand(declaration.prop, declaration.value))
    for declaration in style:
        if not declaration.important:
            values.update(_expand(declaration.prop, declaration.value))
    for important, _spec, _order, declaration in matched:
        if important:
            values.update(_expand(declaration.prop, declaration.value))
    for declaration in style:
        if declaration.important:
            values.update(_expand(declaration.prop, declaration.value))
    return values


def _font_size(value: str | None, parent: float) -> float:
    if value is None:
        return parent
    text = value.strip().lower()
    if text in FONT_SIZE_KEYWORDS:
        return FONT_SIZE_KEYWORDS[text]
    if text == "larger":
        return parent * 1.2
    if text == "smaller":
        return parent / 1.2
    size = svg_geometry.length(text, font_size=parent, percent_of=parent)
    if size is None or size < 0:
        return parent
    return size


def _font_weight(value: str | None, parent: int) -> int:
    if value is None:
        return parent
    text = value.strip().lower()
    if text == "normal":
        return 400
    if text == "bold":
        return 700
    if text == "bolder":
        return 400 if parent < 350 else 700 if parent < 550 else 900
    if text == "lighter":
        return 100 if parent < 550 else 400 if parent < 750 else 700
    try:
        weight = int(float(text))
    except (ValueError, OverflowError):
        return parent
    return weight if 1 <= weight <= 1000 else parent


@dataclass
class Computed:
    values: dict[str, str]
    font_size: float  # user units
    font_weight: int
    families: list[str]


ROOT_COMPUTED = Computed(
    values={"fill": "black", "color": "black", "visibility": "visible"},
    font_size=16.0,
    font_weight=400,
    families=[],
)


def compute(specified: dict[str, str], parent: Computed) -> Computed:
    values: dict[str, str] = {}
    for prop in INHERITED:
        if prop in parent.values:
            values[prop] = parent.values[prop]
    for prop, value in specified.items():
        if value.strip().lower() == "inherit":
            if prop in parent.values:
                values[prop] = parent.values[prop]
            continue
        values[prop] = value
    families = parent.families
    if "font-family" in specified and specified["font-family"].strip().lower() != "inherit":
        families = svg_css.font_families(specified["font-family"]) or parent.families
    return Computed(
        values=values,
        font_size=_font_size(specified.get("font-size"), parent.font_size),
        font_weight=_font_weight(specified.get("font-weight"), parent.font_weight),
        families=families,
    )


# ---------------------------------------------------------------------------------------------
# the walk


@dataclass
class Painted:
    shape: tuple
    inverse: svg_geometry.Affine
    paint: tuple[tuple[int, int, int], float] | None  # None: not a solid colour (unknown)


@dataclass
class Extraction:
    sheet: Sheet
    viewport: tuple[float, float]  # viewBox size for percentages
    colours: list[SvgColour] = field(default_factory=list)
    texts: list[SvgText] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    painted: list[Painted] = field(default_factory=list)
    canvas: tuple[int, int, int] | None = None

    def family(self, names: list[str]) -> None:
        for name in names:
            if name not in self.families:
                self.families.append(name)

    def colour(self, value: str, where: str, path: str, alpha: float = 1.0) -> None:
        if len(self.colours) >= MAX_COLOURS:
            return
        parsed = parse_colour(value)
        if parsed is None:
            return
        rgb, colour_alpha = parsed
        self.colours.append(
            SvgColour(
                rgb=rgb,
                alpha=round(colour_alpha * alpha, 4),
                where=where,
                element_path=path,
                source=value.strip()[:200],
            )
        )


def document_size(root: ET.Element) -> tuple[float | None, float | None, tuple | None]:
    """(width px, height px, viewBox (x, y, w, h) or None)."""
    box = svg_geometry.numbers(root.get("viewBox"), 4)
    viewbox = tuple(box) if len(box) == 4 and box[2] > 0 and box[3] > 0 else None
    width = _root_length(root.get("width"))
    height = _root_length(root.get("height"))
    if viewbox:
        if width is None and height is None:
            width, height = viewbox[2], viewbox[3]
        elif width is None:
            width = height * viewbox[2] / viewbox[3]
        elif height is None:
            height = width * viewbox[3] / viewbox[2]
    if width is not None and width <= 0:
        width = None
    if height is not None and height <= 0:
        height = None
    return width, height, viewbox


def _root_length(value: str | None) -> float | None:
    if value is None or value.strip().endswith("%"):
        return None
    return svg_geometry.length(value)


def _viewbox_transform(width, height, viewbox, preserve: str | None) -> svg_geometry.Affine:
    if not viewbox or not width or not height:
        return svg_geometry.IDENTITY
    vx, vy, vw, vh = viewbox
    sx, sy = width / vw, height / vh
    if (preserve or "").strip().lower().startswith("none"):
        return (sx, 0.0, 0.0, sy, -vx * sx, -vy * sy)
    scale = min(sx, sy)
    return (scale, 0.0, 0.0, scale, -vx * scale, -vy * scale)


def extract(root: ET.Element) -> SvgDocument:
    sheet = Sheet()
    order = 0
    css_elements = []
    for element in root.iter():
        ns, local = split_tag(element.tag)
        if local == "style" and ns in (SVG_NS, None):
            css = "".join(element.itertext())
            rules = svg_css.parse_stylesheet(css, order)
            order += len(rules) + 1
            sheet.rules.extend(rules)
            css_elements.append((element, rules))

    width, height, viewbox = document_size(root)
    viewport = (viewbox[2], viewbox[3]) if viewbox else (width or 100.0, height or 100.0)
    state = Extraction(sheet=sheet, viewport=viewport)

    # colours and families written in style sheets, at the <style> element
    paths = _paths(root)
    for element, rules in css_elements:
        path = paths.get(id(element), "svg")
        for rule in rules:
            for declaration in rule.declarations:
                prop = declaration.prop
                if prop in COLOUR_PROPS or prop in CSS_ONLY_COLOUR_PROPS:
                    value = declaration.value
                    if prop == "background":
                        value = value.split()[-1] if value.split() else value
                    state.colour(value, "css", path)
                elif prop == "font-family":
                    state.family(svg_css.font_families(declaration.value))
                elif prop == "src" and rule.selector_text.lower().startswith("@font-face"):
                    for target in svg_css.url_targets(declaration.value):
                        family = svg_embedded.font_family(target)
                        if family:
                            state.family([family])  # the family inside the embedded font
                elif prop == "font":
                    family = svg_css.parse_font_shorthand(declaration.value).get("font-family")
                    if family:
                        state.family(svg_css.font_families(family))

    root_transform = _viewbox_transform(width, height, viewbox, root.get("preserveAspectRatio"))
    root_specified = specified_values(root, "svg", sheet)
    background = root_specified.get("background-color") or root_specified.get("background")
    if background:
        parsed = parse_colour(background.split()[-1] if background.split() else background)
        if parsed and parsed[1] >= 0.999:
            state.canvas = parsed[0]
    _walk(root, "svg", ROOT_COMPUTED, root_transform, 1.0, True, state, is_root=True)
    return SvgDocument(
        width=width,
        height=height,
        colours=state.colours,
        texts=state.texts,
        font_families=state.families,
    )


def _paths(root: ET.Element) -> dict[int, str]:
    out = {id(root): "svg"}
    stack = [(root, "svg")]
    while stack:
        element, path = stack.pop()
        counts: dict[str, int] = {}
        for child in element:
            _, local = split_tag(child.tag)
            counts[local] = counts.get(local, 0) + 1
            child_path = f"{path}/{local}[{counts[local]}]"
            out[id(child)] = child_path
            stack.append((child, child_path))
    return out


def _walk(
    element: ET.Element,
    path: str,
    parent: Computed,
    parent_ctm: svg_geometry.Affine,
    group_opacity: float,
    rendered: bool,
    state: Extraction,
    origin: tuple[float, float] = (0.0, 0.0),
    is_root: bool = False,
    ancestors: list[svg_css.Node] | None = None,
) -> None:
    ns, local = split_tag(element.tag)
    if ns not in (SVG_NS, None):
        return  # editor metadata etc.
    ancestors = ancestors if ancestors is not None else []
    specified = specified_values(element, local, state.sheet, ancestors)
    computed = compute(specified, parent)

    for prop in COLOUR_PROPS:
        if prop in element.attrib:
            opacity = _opacity(specified.get(OPACITY_OF.get(prop, ""), None))
            state.colour(element.attrib[prop], prop, path, opacity)
    if "style" in element.attrib:
        for declaration in svg_css.parse_declarations(element.attrib["style"]):
            if declaration.prop in COLOUR_PROPS or declaration.prop in CSS_ONLY_COLOUR_PROPS:
                opacity = _opacity(specified.get(OPACITY_OF.get(declaration.prop, ""), None))
                state.colour(declaration.value, "style", path, opacity)
    if "font-family" in specified:
        state.family(svg_css.font_families(specified["font-family"]))
    if local == "font-face-name" and element.get("name"):
        state.family([element.get("name", "").strip()])  # a local font the face stands for

    ctm = parent_ctm
    if not is_root:
        ctm = svg_geometry.multiply(
            parent_ctm, svg_geometry.parse_transform(element.get("transform"))
        )
        if local == "svg":  # nested viewport
            vw, vh = state.viewport
            x = svg_geometry.length(element.get("x"), percent_of=vw) or 0.0
            y = svg_geometry.length(element.get("y"), percent_of=vh) or 0.0
            ctm = svg_geometry.multiply(ctm, (1.0, 0.0, 0.0, 1.0, x, y))
            width, height, viewbox = document_size(element)
            ctm = svg_geometry.multiply(
                ctm,
                _viewbox_transform(width, height, viewbox, element.get("preserveAspectRatio")),
            )

    hidden = (computed.values.get("display", "").strip().lower() == "none") or (
        local in NOT_RENDERED
    )
    now_rendered = rendered and not hidden
    opacity = group_opacity * _opacity(specified.get("opacity"))
    visible = now_rendered and computed.values.get("visibility", "visible").strip().lower() not in (
        "hidden",
        "collapse",
    )

    if local in SHAPES and visible:
        _remember_shape(element, local, computed, ctm, opacity, state)
    if local in TEXT_ELEMENTS:
        # a tspan without its own x/y is placed at its text's position (approximation)
        x = _first(element.get("x"))
        y = _first(element.get("y"))
        origin = (origin[0] if x is None else x, origin[1] if y is None else y)
        _text_runs(element, path, computed, ctm, origin, now_rendered and visible, state)

    counts: dict[str, int] = {}
    ancestors.append(node_of(element, local))
    for child in element:
        _, child_local = split_tag(child.tag)
        counts[child_local] = counts.get(child_local, 0) + 1
        _walk(
            child,
            f"{path}/{child_local}[{counts[child_local]}]",
            computed,
            ctm,
            opacity,
            now_rendered,
            state,
            origin,
            ancestors=ancestors,
        )
    ancestors.pop()


def _remember_shape(element, local, computed: Computed, ctm, opacity, state: Extraction) -> None:
    vw, vh = state.viewport
    get = element.get
    shape = None
    if local in ("rect", "image"):
        x = svg_geometry.length(get("x"), percent_of=vw) or 0.0
        y = svg_geometry.length(get("y"), percent_of=vh) or 0.0
        w = svg_geometry.length(get("width"), percent_of=vw)
        h = svg_geometry.length(get("height"), percent_of=vh)
        if w and h and w > 0 and h > 0:
            shape = ("rect", x, y, w, h)
    elif local == "circle":
        r = svg_geometry.length(get("r"), percent_of=math.hypot(vw, vh) / math.sqrt(2))
        if r:
            shape = (
                "ellipse",
                svg_geometry.length(get("cx"), percent_of=vw) or 0.0,
                svg_geometry.length(get("cy"), percent_of=vh) or 0.0,
                r,
                r,
            )
    elif local == "ellipse":
        rx = svg_geometry.length(get("rx"), percent_of=vw)
        ry = svg_geometry.length(get("ry"), percent_of=vh)
        if rx and ry:
            shape = (
                "ellipse",
                svg_geometry.length(get("cx"), percent_of=vw) or 0.0,
                svg_geometry.length(get("cy"), percent_of=vh) or 0.0,
                rx,
                ry,
            )
    elif local in ("polygon", "polyline"):
        shape = svg_geometry.polygon(get("points"))
    elif local == "path":
        rule = computed.values.get("fill-rule", "nonzero").strip().lower()
        shape = svg_geometry.path(get("d"), rule)
    if shape is None:
        return
    inverse = svg_geometry.invert(ctm)
    if inverse is None:
        return
    if local == "image":
        state.painted.append(Painted(shape, inverse, None))
        return
    fill = computed.values.get("fill", "black").strip()
    if fill.lower() == "none":
        return
    if fill.lower() == "currentcolor":
        fill = computed.values.get("color", "black")
    if fill.lower().startswith("url("):
        state.painted.append(Painted(shape, inverse, None))
        return
    parsed = parse_colour(fill)
    if parsed is None:
        return
    rgb, alpha = parsed
    alpha *= _opacity(computed.values.get("fill-opacity")) * opacity
    if alpha <= 0.001:
        return
    state.painted.append(Painted(shape, inverse, (rgb, alpha)))


def _text_fill(computed: Computed) -> tuple[int, int, int] | None:
    fill = computed.values.get("fill", "black").strip()
    if fill.lower() == "currentcolor":
        fill = computed.values.get("color", "black")
    parsed = parse_colour(fill)
    return parsed[0] if parsed else None


def _text_runs(
    element, path, computed: Computed, ctm, origin, rendered: bool, state: Extraction
) -> None:
    if len(state.texts) >= MAX_TEXTS:
        return
    pieces = [element.text or ""]
    pieces += [child.tail or "" for child in element]
    text = " ".join(" ".join(pieces).split())
    if not text:
        return
    scale = svg_geometry.scale_of(ctm)
    size_user = computed.font_size
    background = None
    if rendered:
        background = _background(text, size_user, computed, ctm, origin, state)
    state.texts.append(
        SvgText(
            text=text[:500],
            font_families=list(computed.families),
            font_size_px=round(size_user * scale, 2) if math.isfinite(size_user * scale) else None,
            font_weight=computed.font_weight,
            fill=_text_fill(computed),
            background=background,
            element_path=path,
        )
    )


def _first(value: str | None) -> float | None:
    nums = svg_geometry.numbers(value, 1)
    return nums[0] if nums else None


def _background(text, size, computed: Computed, ctm, origin, state: Extraction):
    x, y = origin
    advance = CHAR_ADVANCE_EM * size * len(text)
    anchor = computed.values.get("text-anchor", "start").strip().lower()
    middle_x = x + advance / 2 if anchor == "start" else x - advance / 2 if anchor == "end" else x
    middle_y = y - MIDDLE_EM * size
    px, py = svg_geometry.apply(ctm, middle_x, middle_y)
    return paint_at(state, px, py)


def paint_at(state: Extraction, px: float, py: float) -> tuple[int, int, int] | None:
    """The colour painted at (px, py) in root coordinates by the shapes remembered so far."""
    layers: list[tuple[tuple[int, int, int], float]] = []  # translucent fills, top first
    base = None
    index = len(state.painted) - 1
    budget = MAX_BACKGROUND_SHAPES
    while index >= 0 and budget > 0:
        painted = state.painted[index]
        index -= 1
        budget -= 1
        lx, ly = svg_geometry.apply(painted.inverse, px, py)
        if not svg_geometry.contains(painted.shape, lx, ly):
            continue
        if painted.paint is None:
            return None
        rgb, alpha = painted.paint
        if alpha >= 0.999:
            base = rgb
            break
        layers.append((rgb, alpha))
    else:
        if index >= 0:
            return None  # ran out of budget before reaching the bottom
        base = state.canvas
    if base is None:
        return None
    colour = tuple(float(c) for c in base)
    for rgb, alpha in reversed(layers):
        colour = tuple(alpha * c + (1 - alpha) * b for c, b in zip(rgb, colour, strict=True))
    return tuple(round(c) for c in colour)  # type: ignore[return-value]
