"""Parse an SVG safely and reject (never clean) anything active or external.

Parsing uses defusedxml's expat parser: entity declarations, external entities and DTD
declarations are refused before anything is expanded, so "billion laughs" and XXE cost nothing.
The one DOCTYPE allowed is the standard, harmless
``<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/…">`` that Illustrator and
older tools still write (the DTD is never fetched), with at most an internal subset of the
namespace entities Illustrator declares when it preserves its editing data
(``<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">``): general entities named
``ns_…`` whose value is exactly one of `KNOWN_NAMESPACE_ENTITIES`; no parameter, external or
unparsed entity, no ELEMENT/ATTLIST/NOTATION declaration. Such a value contains no "&", so an
expansion cannot nest. The tree is built by
``iterparse`` while elements and depth are counted, and parsing stops as soon as a limit is
passed, so an oversized document never reaches memory in full.

The validator is an allow-list:
- SVG elements must be on `SVG_ELEMENTS`; `script`, `foreignObject`, `iframe`, `embed`,
  `object`, `handler`, `listener` and every XHTML element are rejected wherever they are, with
  one exception: Illustrator's `<switch><foreignObject requiredExtensions="&ns_ai;"><i:pgfRef
  xlink:href="#…"/></foreignObject>…` (see `illustrator_pgf_switch`). Its `<i:pgf>` private
  data is an element of Illustrator's (inert) namespace and is never parsed.
- Elements of other namespaces are allowed only for known, inert editor and metadata
  vocabularies (Inkscape, Sodipodi, RDF, Dublin Core, Creative Commons, Adobe XMP …), or inside
  `<metadata>`; any other namespace is rejected (we cannot know it is harmless).
- Attributes: no `on*` event handlers; `href`/`xlink:href` only to a local `#fragment` or a
  base64 `data:image/png|jpeg|webp` URI; no `url()` other than `url(#fragment)` in any value;
  no `javascript:`/`vbscript:` anywhere (attributes, text, CSS, after removing whitespace and
  CSS escapes); animation elements may not animate `href` or event attributes.
- CSS in `style=""` and `<style>`: see `svg_css.css_problems`.
- Processing instructions (e.g. `<?xml-stylesheet href=…?>`) are rejected.
- Filter primitives whose drawing cost has no bound (a huge feMorphology radius, feTurbulence
  with many octaves, a large feConvolveMatrix) are rejected: see `COSTLY_FILTERS`.

Each problem is its own `svg.unsafe` finding naming the element path (``svg/g[2]/image[1]``)
and the attribute.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET  # noqa: S405 - only for types and ParseError, never parsing

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.common import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from defusedxml.ElementTree import iterparse as defused_iterparse

from brandkit.checks import rejections, svg_css, svg_embedded
from brandkit.checks.rejections import Text, number, t
from brandkit.checks.report import Finding
from brandkit.checks.svg_css import css_problems, is_fragment, scriptish, url_targets

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XHTML_NS = "http://www.w3.org/1999/xhtml"

MAX_FINDINGS = 50

SVG_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "desc",
        "title",
        "metadata",
        "symbol",
        "use",
        "a",
        "switch",
        "view",
        "style",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "pattern",
        "clipPath",
        "mask",
        "marker",
        "meshgradient",
        "meshrow",
        "meshpatch",
        "solidcolor",
        "hatch",
        "hatchpath",
        "image",
        "filter",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feDisplacementMap",
        "feDistantLight",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feImage",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "fePointLight",
        "feSpecularLighting",
        "feSpotLight",
        "feTile",
        "feTurbulence",
        "animate",
        "animateTransform",
        "animateMotion",
        "set",
        "mpath",
        # SVG 1.1 fonts (Illustrator's legacy "Fonts: SVG" subsets): outlines and metrics,
        # inert; a font-face-uri/glyphRef/altGlyph href is checked like any other href
        "font",
        "font-face",
        "glyph",
        "missing-glyph",
        "hkern",
        "vkern",
        "font-face-src",
        "font-face-name",
        "font-face-uri",
        "font-face-format",
        "altGlyph",
        "altGlyphDef",
        "altGlyphItem",
        "glyphRef",
    ]
)
ANIMATION_ELEMENTS = frozenset({"animate", "animateTransform", "animateMotion", "set"})

# Elements that are never acceptable, in any namespace, with what to call them.
FORBIDDEN_ELEMENTS = {
    "script": t("skript (<script>)", "a script (<script>)", "скрипт (<script>)"),
    "foreignobject": t(
        "<foreignObject> (võõras HTML-sisu)",
        "<foreignObject> (embedded HTML content)",
        "<foreignObject> (встроенное HTML-содержимое)",
    ),
    "iframe": t("<iframe>", "<iframe>", "<iframe>"),
    "embed": t("<embed>", "<embed>", "<embed>"),
    "object": t("<object>", "<object>", "<object>"),
    "applet": t("<applet>", "<applet>", "<applet>"),
    "frame": t("<frame>", "<frame>", "<frame>"),
    "handler": t(
        "sündmusekäsitleja (<handler>)", "an event handler (<handler>)", "обработчик (<handler>)"
    ),
    "listener": t(
        "sündmusekuulaja (<listener>)", "an event listener (<listener>)", "слушатель (<listener>)"
    ),
}

# Vocabularies of drawing programs and metadata: inert, allowed anywhere.
INERT_NAMESPACES = (
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://purl.org/dc/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "adobe:ns:meta/",
    "http://ns.adobe.com/",
    "http://iptc.org/std/",
    "http://www.bohemiancoding.com/sketch/ns",
    "http://www.serif.com/",
    "http://www.figma.com/figma/ns",
    "http://www.vectornator.io",
    "https://boxy-svg.com",
)

_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|jpg|webp);base64,[A-Za-z0-9+/=\s]*$", re.I)
_STANDARD_PUBIDS = ("-//W3C//DTD SVG",)
_STANDARD_SYSIDS = ("http://www.w3.org/", "https://www.w3.org/")


class _Oversize(Exception):
    def __init__(self, problem: Text, where: str, **details):
        super().__init__(problem["en"])
        self.problem = problem
        self.where = where
        self.details = details


class _Doctype(Exception):
    def __init__(self, name: str, sysid: str | None, pubid: str | None, internal: bool):
        super().__init__(name)
        self.name = name
        self.sysid = sysid
        self.pubid = pubid
        self.internal = internal


# Illustrator's "Save As SVG" with "Preserve Illustrator Editing Capabilities" declares the
# namespaces it uses as entities in an internal DTD subset (`<!ENTITY ns_ai "http://…">`,
# then `xmlns:i="&ns_ai;"`). These exact values, and nothing else, may be declared: none
# contains "&", "%" or "<", so an expansion can neither nest nor grow beyond its own length.
KNOWN_NAMESPACE_ENTITIES = frozenset(
    {
        "http://ns.adobe.com/Extensibility/1.0/",
        "http://ns.adobe.com/AdobeIllustrator/10.0/",
        "http://ns.adobe.com/Graphs/1.0/",
        "http://ns.adobe.com/Variables/1.0/",
        "http://ns.adobe.com/ImageReplacement/1.0/",
        "http://ns.adobe.com/SaveForWeb/1.0/",
        "http://ns.adobe.com/GenericCustomNamespace/1.0/",
        "http://ns.adobe.com/XPath/1.0/",
        "http://ns.adobe.com/Flows/1.0/",
        "http://ns.adobe.com/pdf/1.3/",
        "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
        "adobe:ns:meta/",
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
)
_ENTITY_NAME = re.compile(r"^ns_[A-Za-z0-9_]{1,40}$")
ILLUSTRATOR_NS = "http://ns.adobe.com/AdobeIllustrator/10.0/"


class _Declaration(Exception):
    """A markup declaration other than a known namespace entity in the internal subset."""

    def __init__(self, kind: str, name: str):
        super().__init__(f"{kind} {name}")
        self.kind = kind
        self.name = name


class SvgParser(DefusedXMLParser):
    """defusedxml's parser that lets the standard SVG DOCTYPE through, with at most an
    internal subset of Illustrator's namespace entities, and nothing else."""

    def __init__(self):
        super().__init__(
            target=ET.TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        expat = self.parser
        expat.ElementDeclHandler = self._element_decl
        expat.AttlistDeclHandler = self._attlist_decl
        expat.NotationDeclHandler = self._notation_decl

    def defused_start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        local = (name or "").rsplit(":", 1)[-1]
        standard = (
            local == "svg"
            and (pubid is None or pubid.startswith(_STANDARD_PUBIDS))
            and (sysid is None or sysid.startswith(_STANDARD_SYSIDS))
        )
        if not standard:
            raise _Doctype(name, sysid, pubid, bool(has_internal_subset))

    def defused_entity_decl(self, name, is_parameter_entity, value, base, sysid, pubid, notation):
        known = (
            not is_parameter_entity
            and sysid is None
            and pubid is None
            and notation is None
            and value in KNOWN_NAMESPACE_ENTITIES
            and bool(_ENTITY_NAME.match(name or ""))
        )
        if not known:
            raise EntitiesForbidden(name, value, base, sysid, pubid, notation)

    def _element_decl(self, name, model):
        raise _Declaration("ELEMENT", name)

    def _attlist_decl(self, elname, attname, type_, default, required):
        raise _Declaration("ATTLIST", f"{elname} {attname}")

    def _notation_decl(self, name, base, sysid, pubid):
        raise _Declaration("NOTATION", name)


def split_tag(tag) -> tuple[str | None, str]:
    if not isinstance(tag, str):
        return None, ""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return None, tag


def parse(
    data: bytes, *, max_elements: int = 50_000, max_depth: int = 100
) -> tuple[ET.Element | None, list[Finding]]:
    """(root, []) or (None, [rejections]). Safe on any input."""
    depth = 0
    count = 0
    root = None
    pis: list[Finding] = []
    path_stack: list[str] = []
    sibling_counts: list[dict[str, int]] = [{}]
    try:
        events = defused_iterparse(
            io.BytesIO(data), events=("start", "end", "pi"), parser=SvgParser()
        )
        for event, element in events:
            if event == "start":
                count += 1
                depth += 1
                _, local = split_tag(element.tag)
                counts = sibling_counts[-1]
                counts[local] = counts.get(local, 0) + 1
                path_stack.append(local if not path_stack else f"{local}[{counts[local]}]")
                sibling_counts.append({})
                if root is None:
                    root = element
                if count > max_elements:
                    raise _Oversize(
                        t(
                            f"liiga palju elemente (üle {number(max_elements, 'et', 0)})",
                            f"too many elements (more than {number(max_elements, 'en', 0)})",
                            f"слишком много элементов (более {number(max_elements, 'ru', 0)})",
                        ),
                        "/".join(path_stack),
                        max_elements=max_elements,
                    )
                if depth > max_depth:
                    raise _Oversize(
                        t(
                            f"elemendid on pesastatud liiga sügavale (üle {max_depth} taseme)",
                            f"elements nested too deeply (more than {max_depth} levels)",
                            f"слишком глубокая вложенность элементов (более {max_depth} уровней)",
                        ),
                        "/".join(path_stack),
                        max_depth=max_depth,
                    )
            elif event == "end":
                depth -= 1
                path_stack.pop()
                sibling_counts.pop()
            elif event == "pi" and len(pis) < 5:
                text = (element.text or "")[:80]
                where = "/".join(path_stack) or "prolog"
                pis.append(
                    rejections.svg_unsafe(
                        t(
                            f"töötlusjuhis <?{text}?> (nt väline stiilileht)",
                            f"processing instruction <?{text}?> (e.g. an external stylesheet)",
                            f"инструкция обработки <?{text}?> (например, внешняя таблица стилей)",
                        ),
                        where,
                    )
                )
    except _Oversize as exc:
        return None, [rejections.svg_unsafe(exc.problem, exc.where, **exc.details)]
    except _Doctype as exc:
        what = (
            t(
                "DOCTYPE sisemise alamhulgaga (DTD, olemid)",
                "a DOCTYPE with an internal subset (DTD, entities)",
                "DOCTYPE с внутренним подмножеством (DTD, сущности)",
            )
            if exc.internal
            else t(
                f"mittestandardne DOCTYPE „{exc.name}“",
                f"a non-standard DOCTYPE “{exc.name}”",
                f"нестандартный DOCTYPE «{exc.name}»",
            )
        )
        return None, [
            rejections.svg_unsafe(
                what, "prolog", doctype=exc.name, system_id=exc.sysid, public_id=exc.pubid
            )
        ]
    except _Declaration as exc:
        return None, [
            rejections.svg_unsafe(
                t(
                    f"DTD deklaratsioon <!{exc.kind} {exc.name}>",
                    f"a DTD declaration <!{exc.kind} {exc.name}>",
                    f"объявление DTD <!{exc.kind} {exc.name}>",
                ),
                "prolog",
                declaration=exc.kind,
            )
        ]
    except EntitiesForbidden as exc:
        return None, [
            rejections.svg_unsafe(
                t(
                    f"olemi deklaratsioon „{exc.name}“ (nt „billion laughs“ või XXE); lubatud "
                    "on ainult Illustratori nimeruumide olemid (ns_ai …)",
                    f"entity declaration “{exc.name}” (e.g. “billion laughs” or XXE); only "
                    "Illustrator's namespace entities (ns_ai …) are allowed",
                    f"объявление сущности «{exc.name}» (например, «billion laughs» или XXE); "
                    "разрешены только сущности пространств имён Illustrator (ns_ai …)",
                ),
                "prolog",
                entity=exc.name,
            )
        ]
    except (ExternalReferenceForbidden, DTDForbidden) as exc:
        return None, [
            rejections.svg_unsafe(
                t(
                    "väline olem või DTD (XXE)",
                    "an external entity or DTD (XXE)",
                    "внешняя сущность или DTD (XXE)",
                ),
                "prolog",
                system_id=getattr(exc, "sysid", None),
            )
        ]
    except DefusedXmlException as exc:
        return None, [
            rejections.svg_unsafe(
                t(
                    "keelatud XML-konstruktsioon",
                    "a forbidden XML construct",
                    "запрещённая XML-конструкция",
                ),
                "prolog",
                error=str(exc)[:200],
            )
        ]
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (None, None))
        return None, [
            rejections.corrupt(
                "svg",
                t(
                    f"XML ei ole korrektne (rida {line}, veerg {column})",
                    f"the XML is not well-formed (line {line}, column {column})",
                    f"XML некорректен (строка {line}, столбец {column})",
                ),
                line=line,
                column=column,
                error=str(exc)[:200],
            )
        ]
    except (ValueError, LookupError, UnicodeError) as exc:
        return None, [
            rejections.corrupt(
                "svg",
                t(
                    "XML-i ei saa lugeda (kodeering?)",
                    "the XML cannot be read (encoding?)",
                    "XML не читается (кодировка?)",
                ),
                error=f"{type(exc).__name__}: {str(exc)[:200]}",
            )
        ]
    if root is None:
        return None, [
            rejections.corrupt(
                "svg", t("juurelement puudub", "there is no root element", "нет корневого элемента")
            )
        ]
    if pis:
        return None, pis
    return root, []


# ---------------------------------------------------------------------------------------------
# the allow-list validator


def _attr_name(key: str) -> str:
    ns, local = split_tag(key)
    if ns == XLINK_NS:
        return f"xlink:{local}"
    if ns == XML_NS:
        return f"xml:{local}"
    if ns:
        return f"{{{ns}}}{local}"
    return local


def _href_problem(value: str) -> Text | None:
    target = value.strip()
    if not target or is_fragment(target):
        return None
    if _DATA_IMAGE.match(target):
        return None
    scheme = scriptish(target)
    if scheme:
        return t(f"{scheme}-viide", f"a {scheme} link", f"ссылка {scheme}")
    shown = target[:80]
    if squeeze_lower(target).startswith("data:"):
        kind = target[5:].split(";", 1)[0].split(",", 1)[0][:40] or "?"
        return t(
            f"data:-URI tüübiga „{kind}“ (lubatud on ainult base64 PNG, JPEG ja WebP)",
            f"a data: URI of type “{kind}” (only base64 PNG, JPEG and WebP are allowed)",
            f"data:-URI типа «{kind}» (разрешены только base64 PNG, JPEG и WebP)",
        )
    return t(
        f"väline viide „{shown}“",
        f"an external reference to “{shown}”",
        f"внешняя ссылка на «{shown}»",
    )


def _is_linked(value: str) -> bool:
    """A reference to a file or address (not a script, not a data: URI)."""
    flat = squeeze_lower(value)
    return not scriptish(value) and not flat.startswith("data:")


def _linked_image(value: str) -> Text:
    shown = value.strip()[:80]
    return t(
        f"lingitud (manustamata) pilt „{shown}“. Manusta pilt: Illustratoris paneelil Links "
        "(Lingid) käsk „Embed“ või Save As SVG → Images: Embed; Inkscape'is Extensions → "
        "Images → Embed Images või impordi valikuga „Embed“",
        f"a linked (not embedded) image “{shown}”. Embed the image: in Illustrator, “Embed” "
        "in the Links panel, or Save As SVG → Images: Embed; in Inkscape, Extensions → "
        "Images → Embed Images, or import it with “Embed”",
        f"связанное (не встроенное) изображение «{shown}». Встройте изображение: в "
        "Illustrator — «Embed» на панели Links или Save As SVG → Images: Embed; в Inkscape — "
        "Extensions → Images → Embed Images или импорт с параметром «Embed»",
    )


def squeeze_lower(text: str) -> str:
    return "".join(text.split()).lower()


def _inert_namespace(ns: str) -> bool:
    return ns.startswith(INERT_NAMESPACES)


# Filter primitives whose drawing cost grows with a parameter (measured with resvg, which
# `rasterise` uses: feMorphology's cost grows with the square of the radius — 9999 took 21 s
# for a 200-unit drawing; feTurbulence with the number of octaves — 1000 took 23 s). Beyond
# these bounds nothing visible changes, so a file asking for more is refused.
COSTLY_FILTERS = frozenset({"feMorphology", "feTurbulence", "feConvolveMatrix"})
MAX_MORPHOLOGY_SHARE = 0.05  # radius as a share of the larger side of the drawing
MAX_OCTAVES = 10
MAX_KERNEL_ORDER = 9
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _numbers(value: str | None) -> list[float]:
    try:
        return [float(n) for n in _NUMBER.findall(value or "")[:8]]
    except ValueError:
        return []


def _viewport(root: ET.Element) -> float:
    """The larger side of the drawing in user units (viewBox, else width/height, else 100)."""
    box = _numbers(root.get("viewBox"))
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        return max(box[2], box[3])
    sides = _numbers(root.get("width")) + _numbers(root.get("height"))
    sides = [side for side in sides if side > 0]
    return max(sides) if sides else 100.0


def _costly_filter(element: ET.Element, local: str, viewport: float) -> Text | None:
    if local == "feMorphology":
        radius = max([abs(r) for r in _numbers(element.get("radius"))[:2]] or [0.0])
        if radius > MAX_MORPHOLOGY_SHARE * viewport:
            return t(
                f"feMorphology raadius {radius:g} on joonise suhtes liiga suur (selle "
                "joonistamine võtaks piiramatult aega)",
                f"an feMorphology radius of {radius:g}, too large for the drawing (drawing it "
                "would take unbounded time)",
                f"радиус feMorphology {radius:g} слишком велик для рисунка (его отрисовка "
                "заняла бы неограниченное время)",
            )
    elif local == "feTurbulence":
        octaves = max(_numbers(element.get("numOctaves")) or [1.0])
        if octaves > MAX_OCTAVES:
            return t(
                f"feTurbulence numOctaves {octaves:g} (lubatud kuni {MAX_OCTAVES})",
                f"feTurbulence numOctaves {octaves:g} (at most {MAX_OCTAVES})",
                f"feTurbulence numOctaves {octaves:g} (не более {MAX_OCTAVES})",
            )
    elif local == "feConvolveMatrix":
        order = _numbers(element.get("order"))[:2] or [3.0]
        cells = abs(order[0]) * abs(order[-1])
        if cells > MAX_KERNEL_ORDER**2:
            shown = " ".join(f"{o:g}" for o in order)
            limit = f"{MAX_KERNEL_ORDER}×{MAX_KERNEL_ORDER}"
            return t(
                f"feConvolveMatrix order {shown} (lubatud kuni {limit})",
                f"feConvolveMatrix order {shown} (at most {limit})",
                f"feConvolveMatrix order {shown} (не более {limit})",
            )
    return None


_PGF_ATTRIBUTES = frozenset({"x", "y", "width", "height", "requiredExtensions", "overflow"})


def illustrator_pgf_switch(element: ET.Element, path: str) -> bool:
    """Whether a <foreignObject> is exactly the one Illustrator writes when it preserves its
    editing data: the first branch of a <switch>, asking for the Illustrator extension (which
    no viewer has, so the <switch> draws its next branch), holding only <i:pgfRef> pointers to
    a local fragment (the <i:pgf> element with the private data, which nothing parses)."""
    parent = path.rsplit("/", 2)
    if len(parent) < 2 or not parent[-2].startswith("switch"):
        return False
    if element.get("requiredExtensions") != ILLUSTRATOR_NS:
        return False
    if not set(element.attrib) <= _PGF_ATTRIBUTES or (element.text or "").strip():
        return False
    children = list(element)
    if not children:
        return False
    for child in children:
        ns, local = split_tag(child.tag)
        href = child.get(f"{{{XLINK_NS}}}href", child.get("href", ""))
        if (
            ns != ILLUSTRATOR_NS
            or local != "pgfRef"
            or len(child)
            or (child.text or "").strip()
            or set(child.attrib) - {f"{{{XLINK_NS}}}href", "href"}
            or not is_fragment(href)
        ):
            return False
    return True


def validate(
    root: ET.Element,
    *,
    depth: int = 0,
    max_pixels: int = 60_000_000,
    budget: svg_embedded.ImageBudget | None = None,
) -> list[Finding]:
    """Every problem in the tree as an svg.unsafe finding (at most MAX_FINDINGS), and the
    rejections of embedded fonts and images (`svg_embedded`). `depth` counts the SVG images
    this document is embedded in; `budget` the pixels of embedded images so far."""
    findings: list[Finding] = []
    budget = budget or svg_embedded.ImageBudget(max_pixels)

    def report(problem: Text, where: str, **details) -> None:
        if len(findings) < MAX_FINDINGS:
            findings.append(rejections.svg_unsafe(problem, where, **details))

    def add(found: list[Finding]) -> None:
        findings.extend(found[: max(0, MAX_FINDINGS - len(findings))])

    report.add = add  # type: ignore[attr-defined]
    report.depth = depth  # type: ignore[attr-defined]
    report.budget = budget  # type: ignore[attr-defined]

    root_ns, root_local = split_tag(root.tag)
    if root_local != "svg" or root_ns not in (SVG_NS, None):
        report(
            t(
                f"juurelement ei ole SVG ({root.tag})",
                f"the root element is not SVG ({root.tag})",
                f"корневой элемент не SVG ({root.tag})",
            ),
            "/",
        )

    viewport = _viewport(root)
    # (element, path, inside <metadata>)
    stack: list[tuple[ET.Element, str, bool]] = [(root, "svg", False)]
    while stack:
        element, path, in_metadata = stack.pop()
        ns, local = split_tag(element.tag)
        lower = local.lower()
        if lower == "foreignobject" and illustrator_pgf_switch(element, path):
            pass  # Illustrator's inert pointer to its private data (see the function)
        elif lower in FORBIDDEN_ELEMENTS:
            report(FORBIDDEN_ELEMENTS[lower], path, element=local)
        elif ns == XHTML_NS:
            report(
                t(
                    f"HTML-element <{local}>",
                    f"an HTML element <{local}>",
                    f"HTML-элемент <{local}>",
                ),
                path,
                element=local,
            )
        elif ns in (SVG_NS, None):
            if local not in SVG_ELEMENTS and not in_metadata:
                report(
                    t(
                        f"element <{local}> ei ole lubatud",
                        f"the element <{local}> is not allowed",
                        f"элемент <{local}> не разрешён",
                    ),
                    path,
                    element=local,
                )
        elif not (_inert_namespace(ns) or in_metadata):
            report(
                t(
                    f"tundmatu nimeruumi element <{local}> ({ns})",
                    f"an element <{local}> of an unknown namespace ({ns})",
                    f"элемент <{local}> неизвестного пространства имён ({ns})",
                ),
                path,
                element=local,
                namespace=ns,
            )

        for key, value in element.attrib.items():
            _check_attribute(element, local, key, value, path, report)
        if local in COSTLY_FILTERS and ns in (SVG_NS, None):
            problem = _costly_filter(element, local, viewport)
            if problem:
                report(problem, path, element=local)

        if local == "style" and ns in (SVG_NS, None):
            kind = element.get("type", "text/css").strip().lower()
            if kind not in ("", "text/css"):
                report(
                    t(
                        f"stiil tüübiga „{kind}“",
                        f"a style sheet of type “{kind}”",
                        f"таблица стилей типа «{kind}»",
                    ),
                    path,
                )
            css = "".join(element.itertext())
            for problem in css_problems(css, allow_fonts=True):
                report(problem, path, element="style")
            for family, target in svg_css.font_face_sources(css):
                if svg_embedded.is_font_uri(target):
                    add(svg_embedded.check_font(target, family, path))
        else:
            for text in (element.text, element.tail):
                if text and scriptish(text):
                    report(
                        t(
                            f"tekstis on „{scriptish(text)}“",
                            f"“{scriptish(text)}” in the text",
                            f"«{scriptish(text)}» в тексте",
                        ),
                        path,
                    )
                    break

        counts: dict[str, int] = {}
        children = []
        for child in element:
            _, child_local = split_tag(child.tag)
            counts[child_local] = counts.get(child_local, 0) + 1
            children.append(
                (
                    child,
                    f"{path}/{child_local}[{counts[child_local]}]",
                    in_metadata or (local == "metadata"),
                )
            )
        stack.extend(reversed(children))
        if len(findings) >= MAX_FINDINGS:
            break
    return findings


def _check_attribute(element, local, key, value, path, report) -> None:
    ns, attr = split_tag(key)
    name = _attr_name(key)
    lower = attr.lower()
    if lower.startswith("on"):
        report(
            t(
                f"sündmusekäsitleja atribuut {name}",
                f"an event handler attribute {name}",
                f"атрибут-обработчик события {name}",
            ),
            f"{path}@{name}",
            attribute=name,
        )
        return
    if lower == "href" and ns in (None, XLINK_NS, SVG_NS):
        uri = svg_embedded.parse_data_uri(value) if value.lstrip()[:5].lower() == "data:" else None
        if uri is not None and (
            uri.mime == "image/svg+xml" or (uri.mime in svg_embedded.RASTER_TYPES and uri.is_base64)
        ):
            report.add(svg_embedded.check_image(uri, f"{path}@{name}", report.depth, report.budget))
            return
        problem = _href_problem(value)
        if problem and local in ("image", "feImage") and _is_linked(value):
            problem = _linked_image(value)
        if problem:
            report(problem, f"{path}@{name}", attribute=name, value=value[:200])
        return
    scheme = scriptish(value)
    if scheme:
        report(
            t(
                f"atribuudis {name} on „{scheme}“",
                f"“{scheme}” in the attribute {name}",
                f"«{scheme}» в атрибуте {name}",
            ),
            f"{path}@{name}",
            attribute=name,
        )
        return
    if lower == "style":
        for problem in css_problems(value):
            report(problem, f"{path}@style", attribute="style")
        return
    if "url(" in squeeze_lower(value):
        targets = url_targets(value)
        bad = [target for target in targets if not is_fragment(target)]
        if bad or not targets:
            shown = (bad[0] if bad else value)[:80]
            report(
                t(
                    f"url() viitab välisele ressursile „{shown}“",
                    f"url() refers to an external resource “{shown}”",
                    f"url() ссылается на внешний ресурс «{shown}»",
                ),
                f"{path}@{name}",
                attribute=name,
            )
        return
    if local in ANIMATION_ELEMENTS and lower == "attributename":
        target = squeeze_lower(value).rsplit(":", 1)[-1]
        if target == "href" or target.startswith("on"):
            report(
                t(
                    f"animatsioon muudab atribuuti {value}",
                    f"an animation changes the attribute {value}",
                    f"анимация изменяет атрибут {value}",
                ),
                f"{path}@{name}",
                attribute=name,
            )
    if lower in ("xml:base", "base") and ns == XML_NS:
        report(
            t("atribuut xml:base", "the attribute xml:base", "атрибут xml:base"),
            f"{path}@{name}",
            attribute=name,
        )
