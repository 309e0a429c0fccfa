"""SVG: safe parsing, the allow-list validator, and what is extracted for the checks."""

import base64
import io
import tracemalloc

import pytest
from fontTools.ttLib import TTFont

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import svg_css, svg_extract
from brandkit.checks.decode import Limits, decode
from brandkit.checks.registry import run
from brandkit.checks.svg_extract import parse_colour
from tests.corpus import build_corpus as corpus
from tests.corpus import build_realworld_corpus as realworld

NS = 'xmlns="http://www.w3.org/2000/svg"'
TINY_PNG = corpus.data_uri(corpus.good_png(4, 4), "image/png")
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg(body: str, attrs: str = 'width="200" height="100"', prolog: str = "") -> bytes:
    return f"{prolog}<svg {NS} {XLINK} {attrs}>{body}</svg>".encode()


def doc(data: bytes, **limits):
    result = decode(data, "svg", Limits(**limits))
    assert not isinstance(result, list), [f.message("en") for f in result]
    return result.svg


def unsafe(data: bytes, **limits):
    result = decode(data, "svg", Limits(**limits))
    assert isinstance(result, list) and result, "expected a rejection"
    assert all(f.rejects for f in result)
    return result


# -- rejections ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "where", "what"),
    [
        ("<script>alert(1)</script>", "svg/script[1]", "script"),
        ('<g><rect onclick="x()" width="1" height="1"/></g>', "svg/g[1]/rect[1]@onclick", "event"),
        ('<rect ONMOUSEOVER="x()" width="1" height="1"/>', "svg/rect[1]@ONMOUSEOVER", "event"),
        ("<foreignObject><p>hi</p></foreignObject>", "svg/foreignObject[1]", "foreignObject"),
        ('<image href="http://example.com/a.png"/>', "svg/image[1]@href", "external reference"),
        ('<image xlink:href="//example.com/a.png"/>', "svg/image[1]@xlink:href", "external"),
        ('<use href="other.svg#icon"/>', "svg/use[1]@href", "external reference"),
        ('<a href="javascript:alert(1)"><text>x</text></a>', "svg/a[1]@href", "javascript:"),
        ('<a href=" JaVaScRiPt:alert(1)"/>', "svg/a[1]@href", "javascript:"),
        ('<a href="vbscript:x"/>', "svg/a[1]@href", "vbscript:"),
        ('<image href="data:image/gif;base64,R0lGODlhAQABAAAAACw="/>', "svg/image[1]@href", "gif"),
        ('<image href="data:text/html,&lt;script&gt;"/>', "svg/image[1]@href", "data: URI"),
        ("<style>@import 'x.css';</style>", "svg/style[1]", "@import"),
        ("<style>@\\69mport 'x.css';</style>", "svg/style[1]", "@import"),
        ("<style>rect{fill:url(http://x/p#a)}</style>", "svg/style[1]", "url()"),
        ("<style>rect{fill:url( 'https://x/p' )}</style>", "svg/style[1]", "url()"),
        ("<style>rect{background:image-set('a.png' 1x)}</style>", "svg/style[1]", "image-set"),
        ("<style>rect{width:expression(alert(1))}</style>", "svg/style[1]", "expression"),
        ("<style>rect{-moz-binding:url(#x)}</style>", "svg/style[1]", "-moz-binding"),
        ('<style type="text/ecmascript">x</style>', "svg/style[1]", "text/ecmascript"),
        ('<rect style="fill:url(http://x/y)" width="1" height="1"/>', "svg/rect[1]@style", "url()"),
        ('<rect mask="url(http://x/m)" width="1" height="1"/>', "svg/rect[1]@mask", "url()"),
        ('<rect fill="url(x.svg#g)" width="1" height="1"/>', "svg/rect[1]@fill", "url()"),
        (
            '<rect fill="jav&#x0A;ascript:x" width="1" height="1"/>',
            "svg/rect[1]@fill",
            "javascript",
        ),
        ("<text>javascript:alert(1)</text>", "svg/text[1]", "javascript:"),
        ('<iframe xmlns="http://www.w3.org/1999/xhtml" src="x"/>', "svg/iframe[1]", "iframe"),
        ("<embed/>", "svg/embed[1]", "embed"),
        ("<object/>", "svg/object[1]", "object"),
        ('<h:div xmlns:h="http://www.w3.org/1999/xhtml"/>', "svg/div[1]", "HTML element"),
        ('<e:x xmlns:e="http://example.com/ns"/>', "svg/x[1]", "unknown namespace"),
        ("<handler>x</handler>", "svg/handler[1]", "handler"),
        ("<cursor/>", "svg/cursor[1]", "not allowed"),
        ('<set attributeName="xlink:href" to="#a"/>', "svg/set[1]@attributeName", "animation"),
        ('<animate attributeName="onclick" to="x"/>', "svg/animate[1]@attributeName", "animation"),
        ('<g xml:base="http://example.com/"/>', "svg/g[1]@xml:base", "xml:base"),
    ],
)
def test_unsafe_constructs_are_rejected_with_their_place(body, where, what):
    findings = unsafe(svg(body))
    assert {f.code for f in findings} == {"svg.unsafe"}
    places = [f.details["where"] for f in findings]
    assert where in places, places
    finding = findings[places.index(where)]
    assert what.lower() in finding.message("en").lower()
    assert where in finding.message("et") and where in finding.message("ru")


def test_every_problem_is_reported():
    findings = unsafe(
        svg('<script/><rect onload="x" width="1" height="1"/><image href="http://x/y.png"/>')
    )
    assert len(findings) == 3


def test_onload_on_the_root():
    (finding,) = unsafe(f'<svg {NS} onload="alert(1)"/>'.encode())
    assert finding.details["where"] == "svg@onload"
    assert finding.details["attribute"] == "onload"


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE svg [<!ENTITY a "b">]>',
        '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE svg SYSTEM "http://example.com/evil.dtd">',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/x.dtd">',
        "<!DOCTYPE svg [<!ELEMENT svg ANY>]>",
        corpus.BILLION_LAUGHS,
    ],
)
def test_dtds_and_entities_are_rejected(prolog):
    (finding,) = unsafe(svg("", prolog=prolog))
    assert finding.code == "svg.unsafe"
    assert finding.details["where"] == "prolog"
    assert "prolog" in finding.message("en")


def test_billion_laughs_stops_at_the_first_declaration():
    """The parse stops in the prolog: nothing is expanded and the body is never
    read (the junk after the root would be a parse error), in bounded memory. Its time is in
    `make bench BENCH=bench_svg_limits`."""
    data = svg("<text>&lol9;</text>", prolog=corpus.BILLION_LAUGHS) + b"<junk"
    tracemalloc.start()
    try:
        (finding,) = unsafe(data)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (finding.code, finding.details["where"]) == ("svg.unsafe", "prolog")
    # refused at the DOCTYPE or at its first entity declaration, before any is expanded
    assert finding.details.get("entity", "lol") == "lol"
    assert peak < 2 * 1024 * 1024  # one lol9 alone would be 3 GB


def test_standard_doctype_is_allowed():
    prolog = (
        '<?xml version="1.0" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    )
    assert doc(svg('<rect width="1" height="1"/>', prolog=prolog)).width == 200


def test_processing_instruction_is_rejected():
    (finding,) = unsafe(svg("", prolog='<?xml-stylesheet href="https://example.com/a.css"?>'))
    assert "processing instruction" in finding.message("en")


def test_limits_on_elements_and_depth():
    (finding,) = unsafe(svg("<g/>" * 101), svg_max_elements=100)
    assert "too many elements" in finding.message("en")
    assert finding.details["max_elements"] == 100
    (finding,) = unsafe(svg("<g>" * 11 + "</g>" * 11), svg_max_depth=10)
    assert "nested too deeply" in finding.message("en")


def test_malformed_xml_is_corrupt():
    result = decode(b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>", "svg")
    (finding,) = result
    assert finding.code == "file.corrupt"
    assert finding.details["line"] == 1


def test_undefined_entity_is_corrupt():
    (finding,) = decode(svg("<text>&nbsp;</text>"), "svg")
    assert finding.code == "file.corrupt"


def test_allowed_things_pass():
    body = (
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<cc:Work xmlns:cc="http://creativecommons.org/ns#"/></rdf:RDF></metadata>'
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/>'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#0033A0"/></linearGradient>'
        '<filter id="f"><feGaussianBlur stdDeviation="2"/></filter></defs>'
        '<rect width="10" height="10" fill="url(#g)" filter="url( \'#f\' )"/>'
        '<use href="#g"/><use xlink:href="#g"/>'
        f'<image href="{TINY_PNG}" width="1" height="1"/>'
        '<a href="#top"><text>see: the top</text></a>'
        '<animate attributeName="opacity" from="0" to="1" dur="1s"/>'
        "<style>/* url(http://in-a-comment) is ignored */ rect { fill: url(#g) }</style>"
    )
    assert doc(svg(body)).width == 200


# -- extraction ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attrs", "size"),
    [
        ('width="200" height="100"', (200, 100)),
        ('width="200px" height="100px"', (200, 100)),
        ('width="150pt" height="75pt"', (200, 100)),
        ('width="210mm" height="297mm"', (793.7, 1122.5)),
        ('width="2in" height="1in"', (192, 96)),
        ('width="10cm" height="5cm"', (377.95, 188.98)),
        ('viewBox="0 0 1920 600"', (1920, 600)),
        ('width="100%" height="100%" viewBox="0,0,300,150"', (300, 150)),
        ('width="960" viewBox="0 0 1920 600"', (960, 300)),
        ('height="300" viewBox="0 0 1920 600"', (960, 300)),
        ("", (None, None)),
    ],
)
def test_document_size(attrs, size):
    document = doc(svg("", attrs=attrs))
    if size[0] is None:
        assert (document.width, document.height) == (None, None)
    else:
        assert document.width == pytest.approx(size[0], abs=0.05)
        assert document.height == pytest.approx(size[1], abs=0.05)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#0033A0", ((0, 51, 160), 1.0)),
        ("#03a", ((0, 51, 170), 1.0)),
        ("#0033a080", ((0, 51, 160), 0.502)),
        ("navy", ((0, 0, 128), 1.0)),
        ("RED", ((255, 0, 0), 1.0)),
        ("rgb(0, 51, 160)", ((0, 51, 160), 1.0)),
        ("rgb(0 51 160 / 50%)", ((0, 51, 160), 0.5)),
        ("rgba(0,51,160,.25)", ((0, 51, 160), 0.25)),
        ("hsl(220 100% 31.4%)", ((0, 52, 160), 1.0)),
        ("hwb(220 0% 37%)", ((0, 54, 161), 1.0)),
        ("lab(50% 0 0)", ((119, 119, 119), 1.0)),
        ("lch(50 0 0)", ((119, 119, 119), 1.0)),
        ("oklch(1 0 0)", ((255, 255, 255), 1.0)),
        ("url(#g) #0033A0", ((0, 51, 160), 1.0)),
        ("#CD853F icc-color(acmecmyk, 0.11, 0.48, 0.83, 0.00)", ((205, 133, 63), 1.0)),
        ("currentColor", None),
        ("none", None),
        ("transparent", None),
        ("inherit", None),
        ("url(#g)", None),
        ("not-a-colour", None),
        ("", None),
    ],
)
def test_colour_syntaxes(text, expected):
    parsed = parse_colour(text)
    if expected is None:
        assert parsed is None
    else:
        rgb, alpha = parsed
        assert max(abs(a - b) for a, b in zip(rgb, expected[0], strict=True)) <= 1
        assert alpha == pytest.approx(expected[1], abs=0.01)


def test_colours_from_attributes_style_and_css():
    document = doc(
        svg(
            "<style>.a { fill: #85714D; stroke: rgb(0 0 0) } #b { color: white }</style>"
            '<rect class="a" width="1" height="1" fill="#0033A0" fill-opacity="0.5"/>'
            '<circle r="1" style="stroke: hsl(0 0% 100%); fill: currentColor"/>'
            '<linearGradient><stop stop-color="navy" stop-opacity=".25"/></linearGradient>'
            '<filter><feFlood flood-color="#ff0000"/></filter>'
        )
    )
    found = {(c.where, c.source, c.rgb, c.alpha, c.element_path) for c in document.colours}
    assert ("css", "#85714D", (133, 113, 77), 1.0, "svg/style[1]") in found
    assert ("css", "rgb(0 0 0)", (0, 0, 0), 1.0, "svg/style[1]") in found
    assert ("css", "white", (255, 255, 255), 1.0, "svg/style[1]") in found
    assert ("fill", "#0033A0", (0, 51, 160), 0.5, "svg/rect[1]") in found
    assert ("style", "hsl(0 0% 100%)", (255, 255, 255), 1.0, "svg/circle[1]") in found
    assert ("stop-color", "navy", (0, 0, 128), 0.25, "svg/linearGradient[1]/stop[1]") in found
    assert ("flood-color", "#ff0000", (255, 0, 0), 1.0, "svg/filter[1]/feFlood[1]") in found
    assert len(document.colours) == 7  # currentColor is not a colour


def test_good_banner_texts():
    document = doc(corpus.good_svg())
    title, subtitle = document.texts
    assert title.text == "Sotsiaalkindlustusamet"
    assert title.font_families == ["Roboto", "Arial", "sans-serif"]
    assert title.font_size_px == 72
    assert title.font_weight == 700
    assert title.fill == (255, 255, 255)
    assert title.background == (0, 51, 160)
    assert title.element_path == "svg/text[1]"
    assert subtitle.font_families == ["Roboto"]
    assert subtitle.fill == (255, 255, 255)
    assert document.font_families == ["Roboto", "Arial", "sans-serif"]


def test_cascade_and_inheritance():
    document = doc(
        svg(
            "<style>"
            "text { font-family: Arial } "
            ".big { font-size: 10px !important } "
            "#hero { fill: #0033A0 } "
            "g.dark text { fill: white } "
            "g > text.x { fill: #85714D } "  # same specificity, later wins
            "text + text { fill: red }"  # sibling combinators are not applied
            "</style>"
            '<g class="dark" font-weight="bold" font-family="Georgia">'
            '<text class="big" style="font-size:3px" fill="black">A</text>'
            '<text id="hero" style="font: italic 700 8px/2 \'Roboto Slab\', serif">B</text>'
            '<text class="x">C<tspan font-size="200%" font-weight="bolder">D</tspan></text>'
            "</g>"
            '<g font-family="Roboto" fill="#0033A0" font-size="20"><text font-size="1.5em">E'
            '</text><text style="fill:inherit;font-weight:lighter">F</text></g>'
        )
    )
    texts = {t.text: t for t in document.texts}
    assert texts["A"].font_size_px == 10  # !important beats style=""
    assert texts["A"].fill == (255, 255, 255)  # CSS beats the presentation attribute
    assert texts["A"].font_families == ["Arial"]  # CSS on the element beats inheritance
    assert texts["A"].font_weight == 700  # inherited from the group
    assert texts["B"].fill == (0, 51, 160)
    assert texts["B"].font_families == ["Roboto Slab", "serif"]
    assert texts["B"].font_size_px == 8
    assert texts["C"].fill == (133, 113, 77)
    assert texts["D"].font_size_px == 32  # 200% of the inherited 16px
    assert texts["D"].font_weight == 900
    assert texts["D"].fill == (133, 113, 77)
    assert texts["D"].element_path == "svg/g[1]/text[3]/tspan[1]"
    assert texts["E"].font_size_px == 30
    assert texts["E"].font_families == ["Arial"]
    assert texts["F"].fill == (0, 51, 160)
    assert texts["F"].font_weight == 100


def test_font_size_includes_the_viewbox_and_transforms():
    document = doc(
        svg(
            '<text font-size="10">A</text>'
            '<g transform="scale(2)"><text font-size="10">B</text></g>'
            '<g transform="matrix(0 3 -3 0 5 5)"><text font-size="10">C</text></g>'
            '<text font-size="12pt">D</text>',
            attrs='width="1920" height="600" viewBox="0 0 960 300"',
        )
    )
    sizes = {t.text: t.font_size_px for t in document.texts}
    assert sizes == {"A": 20, "B": 40, "C": 60, "D": 32}


def test_text_default_fill_is_black_and_none_is_unknown():
    document = doc(svg('<text>A</text><text fill="none" stroke="red">B</text>'))
    fills = {t.text: t.fill for t in document.texts}
    assert fills == {"A": (0, 0, 0), "B": None}


def test_background_is_the_topmost_covering_fill():
    document = doc(
        svg(
            '<rect width="200" height="100" fill="#0033A0"/>'
            '<rect x="100" width="100" height="100" fill="white"/>'
            '<text x="10" y="50" font-size="10">left</text>'
            '<text x="190" y="50" font-size="10" text-anchor="end">right</text>'
            '<rect x="0" y="0" width="200" height="100" fill="red" opacity="0"/>'
            '<text x="150" y="200" font-size="10">outside</text>'
        )
    )
    backgrounds = {t.text: t.background for t in document.texts}
    assert backgrounds == {"left": (0, 51, 160), "right": (255, 255, 255), "outside": None}


def test_background_with_translucent_layer_and_transforms():
    document = doc(
        svg(
            '<rect width="200" height="100" fill="#000"/>'
            '<g transform="translate(100 0)"><rect width="100" height="100" fill="#fff" '
            'fill-opacity="0.5"/></g>'
            '<text x="130" y="50" font-size="10">grey</text>'
            '<circle cx="40" cy="50" r="30" fill="#0033A0"/>'
            '<text x="40" y="53" font-size="6" text-anchor="middle">circle</text>'
            '<path d="M0 90 L60 90 L60 100 L0 100 Z" fill="#85714D"/>'
            '<text x="2" y="99" font-size="4">path</text>'
        )
    )
    backgrounds = {t.text: t.background for t in document.texts}
    assert backgrounds == {
        "grey": (128, 128, 128),
        "circle": (0, 51, 160),
        "path": (133, 113, 77),
    }


def test_unknown_backgrounds():
    document = doc(
        svg(
            '<rect width="200" height="100" fill="url(#g)"/>'
            '<text x="10" y="50">gradient</text>'
            f'<image href="{TINY_PNG}" x="100" width="100" height="100"/>'
            '<text x="110" y="50" font-size="5">photo</text>'
        )
    )
    assert [t.background for t in document.texts] == [None, None]


def test_root_css_background_is_the_canvas():
    document = doc(svg('<text x="10" y="50">x</text>', attrs='style="background: #0033A0"'))
    assert document.texts[0].background == (0, 51, 160)


def test_hidden_and_defs_shapes_are_not_backgrounds():
    document = doc(
        svg(
            '<rect width="200" height="100" fill="white"/>'
            '<defs><rect width="200" height="100" fill="red"/></defs>'
            '<rect width="200" height="100" fill="blue" display="none"/>'
            '<rect width="200" height="100" fill="green" visibility="hidden"/>'
            '<text x="10" y="50">x</text>'
        )
    )
    assert document.texts[0].background == (255, 255, 255)


def test_font_families_are_collected_in_order():
    document = doc(
        svg(
            "<style>.a { font-family: 'Roboto Condensed', Arial } .b { font: 12px Georgia }</style>"
            '<text font-family="Comic Sans MS, cursive">x</text>'
        )
    )
    assert document.font_families == [
        "Roboto Condensed",
        "Arial",
        "Georgia",
        "Comic Sans MS",
        "cursive",
    ]


@pytest.fixture
def selector_tests(monkeypatch):
    """How many times a selector is tested against an element (the cascade's unit of work)."""
    calls = [0]
    original = svg_css.Selector.matches

    def counting(self, node, ancestors):
        calls[0] += 1
        return original(self, node, ancestors)

    monkeypatch.setattr(svg_css.Selector, "matches", counting)
    return calls


def test_each_element_is_tested_only_against_rules_that_could_match_it(selector_tests):
    """3,000 class rules and 5,000 elements: each element meets only its own class's rule (the
    index), not 3,000. Its time is in `make bench BENCH=bench_svg_limits`."""
    css = "".join(f"g g g g rect.c{i} {{fill:#{i % 4096:03x}}}\n" for i in range(3000))
    body = f"<style>{css}</style>" + "<g>" * 10 + '<rect class="c1" width="1" height="1"/>' * 5000
    body += "</g>" * 10
    document = doc(svg(body))
    assert len(document.colours) == 3000
    assert selector_tests[0] <= 5000


def test_the_cascade_stops_at_its_work_budget(selector_tests):
    """Rules that every element could match: the work stops at MATCH_BUDGET, and the document
    is still read (the shapes are there, some rules unapplied)."""
    css = "".join(f"svg g g rect {{fill:#{i % 4096:03x}}}\n" for i in range(1000))
    body = f"<style>{css}</style>" + "<g><g>" + '<rect width="1" height="1"/>' * 1000 + "</g></g>"
    document = doc(svg(body))
    assert len(document.colours) == 1000
    # 1,000,000 tests without the budget; each of these costs 1 + 3 ancestors × 3 left parts
    assert selector_tests[0] == svg_extract.MATCH_BUDGET // 10 < 1000 * 1000


ILLUSTRATOR = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg"
     xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px" viewBox="0 0 1920 600"
     style="enable-background:new 0 0 1920 600;" xml:space="preserve">
<style type="text/css">
\t.st0{fill:#0033A0;}
\t.st1{fill:#FFFFFF;}
\t.st2{font-family:'Roboto-Bold';}
\t.st3{font-size:72px;}
</style>
<rect class="st0" width="1920" height="600"/>
<text transform="matrix(1 0 0 1 120 300)" class="st1 st2 st3">Sotsiaalkindlustusamet</text>
</svg>
"""

INKSCAPE = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="1920" height="600" viewBox="0 0 508 158.75" version="1.1" id="svg1"
   inkscape:version="1.3 (0e150ed6c4, 2023-07-21)" sodipodi:docname="banner.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:zoom="0.5"/>
  <defs id="defs1"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:creator><cc:Agent><dc:title>Mari</dc:title>
  </cc:Agent></dc:creator></cc:Work></rdf:RDF></metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1">
    <rect style="fill:#0033a0;fill-opacity:1;stroke:none" id="rect1" width="508" height="158.75"
       x="0" y="0"/>
    <text xml:space="preserve" style="font-size:9.87778px;font-family:Roboto;
       -inkscape-font-specification:Roboto;fill:#ffffff" x="31.75" y="79.375" id="text1">
      <tspan sodipodi:role="line" id="tspan1" x="31.75" y="79.375">Tere</tspan></text>
  </g>
</svg>
"""


def test_illustrator_export_is_accepted():
    document = doc(ILLUSTRATOR)
    (text,) = document.texts
    assert text.font_families == ["Roboto-Bold"]
    assert text.font_size_px == 72
    assert text.fill == (255, 255, 255)
    assert text.background == (0, 51, 160)
    assert (document.width, document.height) == (1920, 600)


def test_inkscape_file_is_accepted():
    document = doc(INKSCAPE)
    (text,) = document.texts
    assert text.text == "Tere"
    assert text.element_path == "svg/g[1]/text[1]/tspan[1]"
    assert text.font_families == ["Roboto"]
    assert text.font_size_px == pytest.approx(37.33, abs=0.01)  # 9.87778 user units × 3.7795
    assert text.fill == (255, 255, 255)
    assert text.background == (0, 51, 160)


# -- designers' tools (issue 12, items 12–14) ---------------------------------------------------

REALWORLD = corpus.HERE / "realworld"


def test_illustrator_preserve_editing_export_is_accepted():
    """Save As SVG with "Preserve Illustrator Editing Capabilities": the namespace entities are
    expanded, the <switch> draws its <g>, the private data is ignored."""
    document = doc((REALWORLD / "illustrator-preserve-editing.svg").read_bytes())
    (text,) = document.texts
    assert text.element_path == "svg/switch[1]/g[1]/text[1]"
    assert text.font_families == ["RobotoCondensed-Bold"]
    assert (text.fill, text.background) == ((255, 255, 255), (0, 51, 160))
    assert (document.width, document.height) == (1920, 600)


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("svg-illustrator-style-entity.svg", "entity declaration “st0”"),
        ("svg-entity-nested.svg", "entity declaration “ns_x”"),
        ("svg-parameter-entity.svg", "entity declaration “ns_p”"),
        ("svg-entity-external-adobe.svg", "entity declaration “ns_e”"),
        ("svg-entity-unknown-uri.svg", "entity declaration “ns_evil”"),
        ("svg-attlist-default.svg", "<!ATTLIST rect onclick>"),
    ],
)
def test_any_other_dtd_content_is_rejected(name, what):
    (finding,) = unsafe((corpus.OUT / name).read_bytes())
    assert finding.details["where"] == "prolog"
    assert what in finding.message("en")


@pytest.mark.parametrize(
    "name",
    [
        "svg-foreignobject-illustrator-html.svg",
        "svg-foreignobject-other-extension.svg",
        "svg-foreignobject-outside-switch.svg",
    ],
)
def test_any_other_foreign_object_is_rejected(name):
    findings = unsafe((corpus.OUT / name).read_bytes())
    assert any("foreignObject" in f.message("en") for f in findings)


def test_the_illustrator_switch_alone_is_accepted():
    data = corpus.svg_doc(
        corpus.illustrator_switch(), opening=corpus.AI_OPEN, prolog=corpus.adobe_doctype()
    )
    assert doc(data).width == 400


def svg_font(family: str, local_name: str | None = None) -> str:
    source = (
        f'<font-face-src><font-face-name name="{local_name}"/></font-face-src>'
        if local_name
        else ""
    )
    return (
        f'<defs><font horiz-adv-x="500"><font-face font-family="{family}" units-per-em="1000">'
        f'{source}</font-face><missing-glyph horiz-adv-x="500" d="M0,0h500v700H0z"/>'
        '<glyph unicode="T" glyph-name="T" horiz-adv-x="560" '
        'd="M20,700h520v-80H320V0H240v620H20z"/>'
        '<hkern u1="T" u2="e" k="60"/><vkern u1="T" u2="e" k="0"/></font></defs>'
    )


def test_svg_fonts_are_accepted_and_their_family_is_collected():
    document = doc(svg(svg_font("RobotoCondensed-Bold", "Roboto Condensed Bold")))
    assert "RobotoCondensed-Bold" in document.font_families
    assert "Roboto Condensed Bold" in document.font_families
    assert document.colours == [] and document.texts == []


def test_an_svg_font_of_another_family_is_a_disallowed_font():
    report = run(
        svg(svg_font("ComicSansMS") + '<text font-family="ComicSansMS" font-size="40">T</text>'),
        filename="x.svg",
        brandbook=parse_file(SKA_BRANDBOOK),
    )
    assert report.verdict == "fail"
    fonts = [f for f in report.findings if f.code == "typography.disallowed_font"]
    assert [f.details["font"] for f in fonts] == ["ComicSansMS"]
    # declared only, used by no text: still not a brand typeface
    report = run(
        svg(svg_font("ComicSansMS") + '<text font-family="Roboto" font-size="40">T</text>'),
        filename="x.svg",
        brandbook=parse_file(SKA_BRANDBOOK),
    )
    fonts = [f for f in report.findings if f.code == "typography.disallowed_font"]
    assert [f.details["font"] for f in fonts] == ["ComicSansMS"]


def test_an_svg_font_from_elsewhere_is_rejected():
    body = (
        '<defs><font><font-face font-family="X"><font-face-src>'
        '<font-face-uri xlink:href="https://example.com/fonts.svg#x"/></font-face-src>'
        "</font-face></font></defs>"
    )
    (finding,) = unsafe(svg(body))
    assert finding.details["where"].endswith("font-face-uri[1]@xlink:href")


def webfont(font: bytes, family: str = "Roboto Condensed") -> bytes:
    uri = "data:font/woff2;base64," + base64.b64encode(font).decode()
    return svg(
        f"<style>@font-face {{ font-family: '{family}'; src: url({uri}) format('woff2'); }}"
        f'</style><text font-family="\'{family}\'" font-size="40" y="50">Tere</text>'
    )


def renamed_font(family: str) -> bytes:
    """A WOFF2 subset of the bundled Roboto Condensed whose name table says `family`."""
    font = TTFont(
        io.BytesIO(
            realworld.woff2_subset(
                realworld.FONTS / "roboto-condensed" / "RobotoCondensed-Bold.ttf", "Tere"
            )
        )
    )
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = family
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def test_an_embedded_web_font_is_accepted_and_its_own_family_collected():
    document = doc((REALWORLD / "embedded-webfont.svg").read_bytes())
    assert document.font_families[0] == "Roboto Condensed"
    document = doc(webfont(renamed_font("Comic Neue")))
    assert document.font_families == ["Roboto Condensed", "Comic Neue"]


def test_an_embedded_font_of_another_family_is_a_disallowed_font():
    """The CSS calls it Roboto Condensed; the font data is another family: text renders in
    the font's own glyphs, so its own name is checked too."""
    report = run(
        webfont(renamed_font("Comic Neue")), filename="x.svg", brandbook=parse_file(SKA_BRANDBOOK)
    )
    fonts = [f.details["font"] for f in report.findings if f.code == "typography.disallowed_font"]
    assert fonts == ["Comic Neue"]


@pytest.mark.parametrize(
    ("name", "code", "what"),
    [
        ("svg-webfont-broken.svg", "file.corrupt", "compressed data is cut off"),
        ("svg-webfont-not-a-font.svg", "file.corrupt", "not a TrueType, OpenType, WOFF"),
        ("svg-webfont-brotli-bomb.svg", "file.decompression_bomb", "over 30 MB unpacked"),
        ("svg-webfont-external.svg", "svg.unsafe", "https://example.com/x.woff2"),
        ("svg-data-svg-image.svg", "svg.unsafe", "a script (<script>)"),
        ("svg-data-svg-percent-onload.svg", "svg.unsafe", "onload"),
        ("svg-data-svg-too-deep.svg", "svg.unsafe", "nested more than 3 levels"),
        ("svg-data-png-bomb.svg", "file.decompression_bomb", "pixel limit"),
        ("svg-data-png-truncated.svg", "file.corrupt", "IDAT"),
    ],
)
def test_embedded_fonts_and_images_are_checked_by_the_same_rules(name, code, what):
    (finding,) = unsafe((corpus.OUT / name).read_bytes())
    assert finding.code == code
    assert what in finding.message("en")
    assert finding.message("et") != finding.message("en")


def test_an_embedded_image_finding_names_the_chain_of_places():
    (finding,) = unsafe((corpus.OUT / "svg-data-svg-too-deep.svg").read_bytes())
    chain = "svg/image[1]@href → svg/image[1]@href → svg/image[1]@href"
    assert finding.details["embedded_in"] == chain
    assert finding.message("en").startswith(f"Embedded image ({chain}): ")
    assert finding.message("et").startswith(f"Manustatud pilt ({chain}): ")


def test_embedded_svg_images_base64_and_percent_encoded_are_accepted():
    assert doc((REALWORLD / "embedded-svg-image.svg").read_bytes()).width == 1920


def test_the_embedded_images_share_one_pixel_budget():
    tile = corpus.data_uri(corpus.good_png(400, 250), "image/png")
    body = "".join(f'<image href="{tile}" width="10" height="10"/>' for _ in range(3))
    assert doc(svg(body), max_pixels=300_000).width == 200
    (finding,) = unsafe(svg(body), max_pixels=250_000)
    assert finding.code == "file.decompression_bomb"
    assert finding.details["where"] == "svg/image[3]@href"


def test_a_linked_image_says_how_to_embed_it():
    (finding,) = unsafe((corpus.OUT / "svg-external-image.svg").read_bytes())
    message = finding.message("en")
    assert "linked (not embedded) image" in message
    assert "Illustrator" in message and "Links panel" in message
    assert "Inkscape" in message and "Embed Images" in message
    assert "Illustratoris" in finding.message("et") and "Inkscape" in finding.message("ru")


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("svg-filter-morphology-huge.svg", "feMorphology radius of 9999"),
        ("svg-filter-turbulence-octaves.svg", "numOctaves 1000"),
    ],
)
def test_filters_of_unbounded_cost_are_rejected(name, what):
    (finding,) = unsafe((corpus.OUT / name).read_bytes())
    assert finding.code == "svg.unsafe"
    assert what in finding.message("en")


@pytest.mark.parametrize(
    ("primitive", "accepted"),
    [
        ('<feMorphology radius="10"/>', True),  # 5 % of the 200-unit drawing
        ('<feMorphology radius="10.5"/>', False),
        ('<feMorphology radius="1 12"/>', False),
        ('<feTurbulence numOctaves="10"/>', True),
        ('<feTurbulence numOctaves="11"/>', False),
        ('<feConvolveMatrix order="9" kernelMatrix="1"/>', True),
        ('<feConvolveMatrix order="3 28" kernelMatrix="1"/>', False),
        ('<feConvolveMatrix order="20 1" kernelMatrix="1"/>', True),  # 20 cells
    ],
)
def test_filter_cost_bounds(primitive, accepted):
    data = svg(f'<filter id="f">{primitive}</filter><rect width="9" height="9" filter="url(#f)"/>')
    result = decode(data, "svg")
    assert isinstance(result, list) != accepted
