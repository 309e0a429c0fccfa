"""Untrusted order text cannot become markup, read files or reach the network.

Two layers: autoescape turns order text into characters (it never becomes an element, so it
cannot ask for anything); the allow-list fetcher refuses everything but bundled static files,
the brandbook's assets and data: URIs, and a refusal fails the render. Each layer is tested on
its own, and the second one is proved to be wired into rendering.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from procurement.documents import ForbiddenResource, build_brief, render_pdf
from procurement.documents.context import build_context
from procurement.documents.coverage import printable
from procurement.documents.environment import make_environment
from procurement.documents.fetcher import ResourceFetcher
from procurement.documents.paths import STATIC_DIR, TEMPLATES_DIR
from tests.test_documents import all_text, assert_pdfa_3b, assert_roboto_only, sample_order

LOGO_DIR = SKA_BRANDBOOK.parent
SCRIPT = "<script>alert('x')</script>"
IMG = '<img src="file:///etc/passwd">'
LINK = '<link rel=stylesheet href="http://example.com/x.css">'
STYLE = '<p style="background: url(file:///etc/passwd)">styled</p>'
JINJA = "{{ 7*7 }} {% for x in range(3) %}{{ x }}{% endfor %} {{ ''.__class__.__mro__ }}"
FILE_LINK = "file:///etc/passwd"
PAYLOADS = (SCRIPT, IMG, LINK, STYLE, JINJA, FILE_LINK)


@pytest.fixture(scope="module")
def brandbook():
    return parse_file(SKA_BRANDBOOK)


def hostile_order() -> dict:
    order = sample_order()
    everything = " ".join(PAYLOADS)
    order["background"] = everything
    order["purpose"] = SCRIPT
    order["audience"] = IMG + " 😀 → "  # uncovered characters too: no system font may creep in
    order["title"]["et"] = LINK
    order["title"]["en"] = STYLE
    order["messages"]["en"] = JINJA
    order["number"] = 'SKA-1"><script>x</script>'
    order["deliverables"][0]["notes"] = STYLE
    order["deliverables"][0]["kind"] = "<b>bold</b>"
    order["reference_assets"] = [{"title": LINK, "url": FILE_LINK}]
    order["milestones"][0]["what"] = JINJA
    order["accessibility_needs"] = IMG
    order["contact"]["name"] = SCRIPT
    order["organisation"]["name"] = STYLE
    order["cpv"][0]["name"] = IMG
    order["procurement_route"]["legal_source"] = LINK
    return order


def recording_fetcher() -> ResourceFetcher:
    return ResourceFetcher([STATIC_DIR, LOGO_DIR])


def assert_only_allowed_requests(fetcher: ResourceFetcher) -> None:
    assert fetcher.requested, "the fetcher was not used"
    assert not fetcher.refused
    allowed = (STATIC_DIR.resolve().as_uri() + "/", LOGO_DIR.resolve().as_uri() + "/")
    for url in fetcher.requested:
        assert url.startswith(allowed) or url.startswith("data:"), url
        assert "passwd" not in url and "example.com" not in url


# ---- layer 1: autoescape -------------------------------------------------------------------------


class Elements(HTMLParser):
    """Every element of an HTML document, as (tag, attributes)."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize("lang", ["et", "en"])
def test_markup_in_an_order_is_text_in_the_html(brandbook, lang):
    html = build_brief(hostile_order(), brandbook, lang, logo_dir=LOGO_DIR)
    clean = build_brief(sample_order(), brandbook, lang, logo_dir=LOGO_DIR)
    hostile_tags = Elements(html).found
    # The same elements as for a harmless order: order text added no element or attribute.
    assert sorted({tag for tag, _ in hostile_tags}) == sorted({t for t, _ in Elements(clean).found})
    for tag, attrs in hostile_tags:
        assert tag not in ("script", "link", "object", "iframe", "b")
        if tag == "img":
            assert attrs["src"].startswith(LOGO_DIR.resolve().as_uri() + "/")
        if "style" in attrs:
            assert re.fullmatch(r"background-color: #[0-9A-F]{6}", attrs["style"])
        assert "href" not in attrs
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "{{ 7*7 }}" in html  # printed as typed: order text is never a template
    assert "__mro__" in html and "<class" not in html


@pytest.mark.parametrize("lang", ["en"])
def test_hostile_order_renders_shows_the_text_and_reads_nothing(brandbook, lang):
    fetcher = recording_fetcher()
    html = build_brief(hostile_order(), brandbook, lang, logo_dir=LOGO_DIR)
    pdf = render_pdf(html, lang=lang, fetcher=fetcher)
    assert_pdfa_3b(pdf)
    assert_roboto_only(pdf)  # the emoji and arrow became U+FFFD, not a DejaVu glyph
    # Line breaks may fall anywhere inside a long payload: compare without white space.
    text = "".join(all_text(pdf).split())
    for payload in PAYLOADS:
        assert "".join(payload.split()) in text, payload
    assert "root:x:0:0" not in text
    assert_only_allowed_requests(fetcher)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_any_order_text_is_printed_escaped(brandbook, text):
    order = sample_order()
    order["background"] = {"et": "Taust.", "en": text}  # the English brief prints its own
    html = build_brief(order, brandbook, "en")
    if text.strip():
        assert str(escape(printable(text))) in html


# ---- layer 2: the fetcher ------------------------------------------------------------------------


@pytest.fixture
def roots(tmp_path):
    """A static-like root with a font, a symlink out of it and a symlinked folder out of it."""
    root = tmp_path / "static"
    (root / "fonts").mkdir(parents=True)
    font = STATIC_DIR / "fonts/roboto-condensed/RobotoCondensed-Regular.ttf"
    (root / "fonts" / "a.ttf").write_bytes(font.read_bytes())
    (root / "js").mkdir()
    (root / "js" / "x.js").write_text("alert(1)")
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "secret.css").write_text("body { color: red }")
    (root / "escape.css").symlink_to(outside / "secret.css")
    (root / "dir-link").symlink_to(outside, target_is_directory=True)
    return root, outside


def forbidden(fetcher: ResourceFetcher, url: str) -> ForbiddenResource:
    with pytest.raises(ForbiddenResource) as info:
        fetcher(url)
    assert fetcher.refused[-1] is info.value
    return info.value


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://evil.example/etc/passwd",
        "http://example.com/x.css",
        "https://example.com/font.woff2",
        "ftp://example.com/x.css",
        "//example.com/x.css",
        "../../etc/passwd",
        "css/fonts.css",
        "javascript:alert(1)",
        "gopher://example.com/",
        "",
    ],
)
def test_fetcher_refuses_everything_outside_the_allow_list(url):
    fetcher = ResourceFetcher([STATIC_DIR])
    forbidden(fetcher, url)
    assert fetcher.served == []


def test_fetcher_refuses_dot_dot_and_encoded_escapes_from_static():
    fetcher = ResourceFetcher([STATIC_DIR])
    base = STATIC_DIR.resolve().as_uri()
    for url in (
        f"{base}/../../../../etc/passwd",
        f"{base}/css/../../../../../etc/passwd",
        f"{base}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        f"{base}/css/fonts.css%00.png",
        f"{base}/no-such-file.css",
        f"{base}/js/upload.js",  # inside static/, but not a document resource
        f"{base}/fonts",  # a folder
    ):
        forbidden(fetcher, url)


def test_fetcher_refuses_symlinks_out_of_its_roots(roots):
    root, outside = roots
    fetcher = ResourceFetcher([root])
    assert "outside" in forbidden(fetcher, (root / "escape.css").as_uri()).reason
    assert "outside" in forbidden(fetcher, (root / "dir-link" / "secret.css").as_uri()).reason
    forbidden(fetcher, (outside / "secret.css").as_uri())
    forbidden(fetcher, (root / "js" / "x.js").as_uri())


def test_fetcher_serves_bundled_fonts_css_logos_and_data_uris(roots):
    root, _ = roots
    fetcher = ResourceFetcher([root, STATIC_DIR, LOGO_DIR])
    font = fetcher((root / "fonts" / "a.ttf").as_uri())
    assert font["string"][:4] == b"\x00\x01\x00\x00" and font["mime_type"] == "font/ttf"
    css = fetcher(STATIC_DIR.resolve().as_uri() + "/css/fonts.css")
    assert b"@font-face" in css["string"] and css["mime_type"] == "text/css"
    logo = fetcher((LOGO_DIR / "ska" / "coat-of-arms-et-positive.svg").resolve().as_uri())
    assert logo["mime_type"] == "image/svg+xml"
    data = fetcher("data:text/css,body%7Bcolor%3Ared%7D")
    assert data["string"] == b"body{color:red}"
    png = fetcher(
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4"
        "DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
    )
    assert png["string"].startswith(b"\x89PNG")
    assert len(fetcher.served) == 5 and fetcher.refused == []


def test_refusals_are_recorded_and_raised_later():
    fetcher = ResourceFetcher([STATIC_DIR])
    for url in ("file:///etc/passwd", "http://example.com/"):
        with pytest.raises(ForbiddenResource):
            fetcher(url)
    with pytest.raises(ForbiddenResource, match="and 1 more refused"):
        fetcher.raise_if_refused()


def test_a_fetcher_needs_existing_roots(tmp_path):
    with pytest.raises(FileNotFoundError):
        ResourceFetcher([tmp_path / "missing"])
    with pytest.raises(ValueError):
        ResourceFetcher([])


# ---- the fetcher is wired into rendering --------------------------------------------------------

MINIMAL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<style>{style} @font-face {{ font-family: "Roboto Condensed";
  src: url("fonts/roboto-condensed/RobotoCondensed-Regular.ttf"); }}
html {{ font-family: "Roboto Condensed"; }}</style>{head}</head>
<body><p>text</p>{body}</body></html>"""


def minimal(style: str = "", head: str = "", body: str = "") -> str:
    return MINIMAL.format(style=style, head=head, body=body)


@pytest.mark.parametrize(
    ("style", "head", "body"),
    [
        ("", "", '<img src="file:///etc/passwd" alt="x">'),
        ("", '<link rel="stylesheet" href="http://example.com/x.css">', ""),
        ('@import url("file:///etc/passwd");', "", ""),
        ("", "", '<p style="background: url(file:///etc/passwd)">x</p>'),
        ("", "", '<img src="../../../../../etc/passwd" alt="x">'),
        ("", "", '<object data="file:///etc/passwd"></object>'),
        (
            '@font-face { font-family: X; src: url("https://example.com/f.ttf"); }'
            "p { font-family: X; }",
            "",
            "",
        ),
    ],
)
def test_a_forbidden_reference_fails_the_render(style, head, body):
    with pytest.raises(ForbiddenResource):
        render_pdf(minimal(style, head, body), lang="en")


def test_a_system_font_through_local_fails_the_render():
    html = minimal(
        '@font-face { font-family: Sys; src: local("DejaVu Sans"); } p { font-family: Sys; }'
    )
    fetcher = ResourceFetcher([STATIC_DIR])
    try:
        render_pdf(html, lang="en", fetcher=fetcher)
    except ForbiddenResource:
        assert any(url.startswith("file:///usr/") for url in fetcher.requested)
    else:
        assert not fetcher.requested or all(
            not url.startswith("file:///usr/") for url in fetcher.requested
        )
        pytest.skip("fontconfig found no DejaVu Sans here, so local() asked for nothing")


def test_allowed_resources_render(tmp_path):
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4"
        "DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
    )
    pdf = render_pdf(minimal(body=f'<img src="{pixel}" alt="a pixel">'), lang="en")
    assert_pdfa_3b(pdf)


def test_a_template_referencing_a_forbidden_url_fails_the_render(tmp_path, brandbook):
    (tmp_path / "evil.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block content %}'
        '<img src="file:///etc/passwd" alt="x">{% endblock %}',
        encoding="utf-8",
    )
    env = make_environment([tmp_path, TEMPLATES_DIR])
    context = build_context(sample_order(), brandbook, "en", doc_title="Evil")
    html = env.get_template("evil.html.j2").render(context)
    fetcher = recording_fetcher()
    with pytest.raises(ForbiddenResource, match="outside the allowed folders"):
        render_pdf(html, lang="en", fetcher=fetcher)
    assert fetcher.requested[-1] == "file:///etc/passwd"
    assert fetcher.served and all("passwd" not in url for url in fetcher.served)


def test_logo_files_are_served_only_from_the_logo_dir(brandbook, tmp_path):
    html = build_brief(sample_order(), brandbook, "en", logo_dir=LOGO_DIR)
    with pytest.raises(ForbiddenResource, match="coat-of-arms"):
        render_pdf(html, lang="en")  # no base_dir_for_assets: the logo folder is not allowed
    # (with base_dir_for_assets the same HTML renders: the `briefs` fixture of test_documents)


def test_logo_outside_the_logo_dir_is_not_referenced(brandbook, tmp_path):
    data = parse_file(SKA_BRANDBOOK)
    data["logos"][0]["variants"][0]["file"] = "../../../../etc/passwd"
    html = build_brief(sample_order(), data, "et", logo_dir=LOGO_DIR)
    assert "passwd" not in html


def test_sandbox_blocks_python_internals_in_templates(tmp_path):
    from jinja2.exceptions import SecurityError

    (tmp_path / "t.j2").write_text("{{ lang.__class__.__mro__[1].__subclasses__() }}")
    env = make_environment([tmp_path])
    with pytest.raises(SecurityError):
        env.get_template("t.j2").render(lang="en")


def test_user_symlink_race_is_resolved_at_fetch_time(roots):
    root, outside = roots
    target = root / "late.css"
    target.write_text("p {}")
    fetcher = ResourceFetcher([root])
    assert fetcher(target.as_uri())["string"] == b"p {}"
    target.unlink()
    os.symlink(outside / "secret.css", target)
    forbidden(fetcher, target.as_uri())


def test_paths_module_points_at_the_repository():
    assert (STATIC_DIR / "css" / "fonts.css").is_file()
    assert (TEMPLATES_DIR / "brief.html.j2").is_file()
    assert Path(TEMPLATES_DIR).is_relative_to(STATIC_DIR.parent)
