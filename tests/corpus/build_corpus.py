"""Build the check corpus: hostile, broken and unsupported files plus a few good ones.

    .venv/bin/python tests/corpus/build_corpus.py [--safety-only]

writes the safety files into tests/corpus/safety/ and their expectations into
tests/corpus/expected_safety.json (file -> preset, verdict, the finding code that must be in
the report), then runs the content corpus generator (build_content_corpus.py) unless
`--safety-only` is given. Everything is generated from code, without randomness, so the
output is the same on every run (Pillow and pypdf versions permitting); the files are
committed so the tests do not depend on the generators.

Nothing here is harmful: the "JavaScript" is `app.alert('x')`, the launch action names a text
file, external references point at example.com, and the bombs are headers that claim a huge
size (or a stream of zeros), not payloads.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import brotli
from PIL import Image, ImageDraw, ImageOps
from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

HERE = Path(__file__).resolve().parent
OUT = HERE / "safety"
EXPECTED = HERE / "expected_safety.json"

BLUE = (0x00, 0x33, 0xA0)
GOLD = (0x85, 0x71, 0x4D)
WHITE = (255, 255, 255)

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200">'
XLINK_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="400" height="200">'
)


# ---------------------------------------------------------------------------------------------
# building blocks (also used by the tests)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height and whose image data is a few zero rows."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def brand_image(width: int = 1200, height: int = 628) -> Image.Image:
    """A flat image in brand colours: blue field, white panel, gold bar."""
    image = Image.new("RGB", (width, height), BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((width // 12, height // 5, width // 2, height * 3 // 5), fill=WHITE)
    draw.rectangle((width // 12, height * 7 // 10, width * 5 // 12, height * 4 // 5), fill=GOLD)
    return image


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def good_png(width: int = 1200, height: int = 628) -> bytes:
    return encode(brand_image(width, height), "PNG", optimize=False)


def good_jpeg(width: int = 1200, height: int = 628) -> bytes:
    return encode(brand_image(width, height), "JPEG", quality=92, subsampling=0)


def good_webp(width: int = 1200, height: int = 628) -> bytes:
    return encode(brand_image(width, height), "WEBP", lossless=True)


def good_svg() -> bytes:
    """A 1920×600 web banner: state blue, white Roboto text, a gold accent."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="600" '
        'viewBox="0 0 1920 600">\n'
        "  <title>Sotsiaalkindlustusamet</title>\n"
        "  <style>.title { font-family: Roboto, Arial, sans-serif; font-weight: 700; }</style>\n"
        '  <rect width="1920" height="600" fill="#0033A0"/>\n'
        '  <rect x="120" y="430" width="360" height="8" fill="#85714D"/>\n'
        '  <text class="title" x="120" y="300" font-size="72" fill="#FFFFFF">'
        "Sotsiaalkindlustusamet</text>\n"
        '  <text x="120" y="380" font-family="Roboto" font-size="36" fill="white">'
        "Pensionid, toetused ja hüvitised</text>\n"
        "</svg>\n"
    ).encode()


def raw_pdf(objects: list[bytes], root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF from object bodies (object n is objects[n-1]) with a correct xref table."""
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R ".encode()
        + trailer
        + f">>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d " % len(data) + extra + b">>\nstream\n" + data + b"\nendstream"


A4 = b"[0 0 595.28 841.89]"
BRAND_CONTENT = (
    b"0 0.2 0.627 rg 0 0 595.28 841.89 re f\n1 1 1 rg 50 500 495 200 re f\n"
    b"0.522 0.443 0.302 rg 50 450 300 12 re f\n"
)


def pdf_page(
    catalog_extra: bytes = b"",
    page_extra: bytes = b"",
    extra_objects: tuple[bytes, ...] = (),
    content: bytes = BRAND_CONTENT,
    resources: bytes = b"<< >>",
    trailer: bytes = b"",
) -> bytes:
    """One A4 page in brand colours; objects 5… are `extra_objects`."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox "
        + A4
        + b" /Contents 4 0 R /Resources "
        + resources
        + b" "
        + page_extra
        + b">>",
        stream(content),
        *extra_objects,
    ]
    return raw_pdf(objects, trailer=trailer)


def good_pdf() -> bytes:
    """An A4 page of vector fills in brand colours, written by pypdf (no fonts)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595.28, 841.89)
    content = StreamObject()
    content.set_data(BRAND_CONTENT)
    page[NameObject("/Contents")] = writer._add_object(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595.28, 841.89)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def svg_doc(body: str, opening: str = SVG_OPEN, prolog: str = "") -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}{opening}\n{body}\n</svg>\n'.encode()


BILLION_LAUGHS = (
    '<!DOCTYPE svg [\n  <!ENTITY lol "lol">\n'
    + "".join(
        f'  <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
)


NESTED_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.domain)</script></svg>"
)


def data_uri(data: bytes, mime: str = "image/svg+xml") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode()


def nested_svg_images(levels: int) -> str:
    """An <image> whose data: SVG holds an <image> whose data: SVG holds … `levels` deep."""
    inner = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
    for _ in range(levels - 1):
        inner = (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><image href="'
            + data_uri(inner).encode()
            + b'" width="1" height="1"/></svg>'
        )
    return f'<image href="{data_uri(inner)}" width="10" height="10"/>'


def webfont_svg(font: bytes, mime: str = "font/woff2") -> bytes:
    return svg_doc(
        f"<style>@font-face {{ font-family: 'Roboto Condensed'; "
        f"src: url({data_uri(font, mime)}) format('woff2'); }}</style>"
        '<text font-family="Roboto Condensed" font-size="40" y="50">Tere</text>'
    )


def damaged_woff2() -> bytes:
    """Our bundled Roboto Condensed (OFL) as WOFF2, its compressed tables cut short."""
    font = HERE.parent.parent / "static/fonts/roboto-condensed/RobotoCondensed-Bold.woff2"
    data = font.read_bytes()
    return data[:2000]


def woff2_bomb() -> bytes:
    """A WOFF2 header for an empty font whose Brotli stream inflates to 64 MB of zeros."""
    payload = brotli.compress(b"\x00" * (64 * 1024 * 1024), quality=5)
    header = struct.pack(
        ">4s4sIHHIIHHIIIII",
        b"wOF2",
        b"\x00\x01\x00\x00",
        48 + len(payload),
        0,
        0,
        1024,
        len(payload),
        1,
        0,
        0,
        0,
        0,
        0,
        0,
    )
    return header + payload


AI_OPEN = (
    '<svg xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" xmlns:i="&ns_ai;" width="400" height="200">'
)


def adobe_doctype(extra: str = "") -> str:
    """The DOCTYPE Illustrator writes with "Preserve Illustrator Editing Capabilities"."""
    return (
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n'
        '\t<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">\n'
        '\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n'
        '\t<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">\n'
        + (f"\t{extra}\n" if extra else "")
        + "]>\n"
    )


def illustrator_switch(inside: str = "", extension: str = "&ns_ai;") -> str:
    return (
        f'<switch><foreignObject requiredExtensions="{extension}" x="0" y="0" width="1" '
        f'height="1"><i:pgfRef xlink:href="#adobe_illustrator_pgf"/>{inside}</foreignObject>'
        '<g i:extraneous="self"><rect width="10" height="10"/></g></switch>'
        '<i:pgf id="adobe_illustrator_pgf"><![CDATA[eJzs1DEBAAAAwqD1T20ND6AAAAAAAAAA]]></i:pgf>'
    )


# ---------------------------------------------------------------------------------------------
# the corpus


def build() -> dict[str, tuple[bytes, dict]]:
    """file name -> (bytes, expectation {preset, verdict, code})."""
    files: dict[str, tuple[bytes, dict]] = {}

    def add(name: str, data: bytes, verdict: str, code: str | None, preset: str | None = None):
        files[name] = (data, {"preset": preset, "verdict": verdict, "code": code})

    png = good_png()
    jpeg = good_jpeg()
    pdf = good_pdf()

    # good files
    add("good-banner.svg", good_svg(), "pass", None, "web-hero")
    add("good-facebook.png", png, "pass", None, "facebook-link")
    add("good-facebook.jpg", jpeg, "pass", None, "facebook-link")
    add("good-x-post.webp", good_webp(1600, 900), "pass", None, "x-post")
    add("good-a4.pdf", pdf, "pass", None, "print-a4")

    # empty, truncated, corrupt
    add("empty.png", b"", "rejected", "file.empty")
    add("empty.svg", b"", "rejected", "file.empty")
    idat = png.index(b"IDAT")
    add("truncated.png", png[: idat + 200], "rejected", "file.corrupt")
    add("truncated-no-iend.png", png[:-12], "rejected", "file.corrupt")
    add("truncated.jpg", jpeg[: len(jpeg) // 2], "rejected", "file.corrupt")
    webp = good_webp(1600, 900)
    add("truncated.webp", webp[: len(webp) // 2], "rejected", "file.corrupt")
    flipped = bytearray(png)
    flipped[idat + 100] ^= 0xFF
    add("corrupt-crc.png", bytes(flipped), "rejected", "file.corrupt")
    garbage = bytes((i * 73 + 41) % 256 for i in range(4000))
    add("corrupt.jpg", jpeg[:20] + garbage, "rejected", "file.corrupt")
    add("corrupt.pdf", b"%PDF-1.7\n" + garbage, "rejected", "file.corrupt")
    add(
        "not-xml.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>",
        "rejected",
        "file.corrupt",
    )

    # wrong name
    add("png-named.jpg", png, "rejected", "file.type_mismatch")
    add("jpeg-named.png", jpeg, "rejected", "file.type_mismatch")
    add("svg-named.png", good_svg(), "rejected", "file.type_mismatch")
    add("pdf-named.svg", pdf, "rejected", "file.type_mismatch")

    # unsupported
    add("gif-renamed.png", encode(brand_image(60, 30), "GIF"), "rejected", "file.unsupported")
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        info = zipfile.ZipInfo("banner.txt", date_time=(2026, 1, 1, 0, 0, 0))
        archive.writestr(info, "not a PDF")
    add("zip-renamed.pdf", zipped.getvalue(), "rejected", "file.unsupported")
    add(
        "html-renamed.svg",
        b"<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n",
        "rejected",
        "file.unsupported",
    )
    add(
        "compressed.svgz",
        gzip.compress(good_svg(), mtime=0),
        "rejected",
        "file.unsupported",
    )
    add("text-renamed.png", b"just some text, not an image\n", "rejected", "file.unsupported")
    add("tiff-renamed.jpg", encode(brand_image(60, 30), "TIFF"), "rejected", "file.unsupported")

    # decompression bombs: tiny files that claim a huge image
    add("bomb-400mp.png", png_header_only(20_000, 20_000), "rejected", "file.decompression_bomb")
    add("bomb-90mp.png", png_header_only(10_000, 9_000), "rejected", "file.decompression_bomb")
    add("bomb-70mp.png", png_header_only(10_000, 7_000), "rejected", "file.decompression_bomb")
    small = bytearray(encode(Image.new("RGB", (8, 8), BLUE), "JPEG"))
    sof = small.index(b"\xff\xc0")
    small[sof + 5 : sof + 9] = struct.pack(">HH", 65_000, 65_000)
    add("bomb-dimensions.jpg", bytes(small), "rejected", "file.decompression_bomb")
    zeros = zlib.compress(b"\x00" * (100 * 1024 * 1024), 9)
    add(
        "bomb-stream.pdf",
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" /Contents 4 0 R >>",
                stream(zeros, b"/Filter /FlateDecode "),
            ]
        ),
        "rejected",
        "file.decompression_bomb",
    )
    add(
        "bomb-image.pdf",
        pdf_page(
            resources=b"<< /XObject << /Im1 5 0 R >> >>",
            content=b"q 595 0 0 842 0 0 cm /Im1 Do Q",
            extra_objects=(
                stream(
                    zlib.compress(b"\x00" * 1000),
                    b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000 "
                    b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode ",
                ),
            ),
        ),
        "rejected",
        "file.decompression_bomb",
    )

    # unsafe SVG
    unsafe_svgs = {
        "svg-billion-laughs.svg": svg_doc("<text>&lol9;</text>", prolog=BILLION_LAUGHS),
        "svg-xxe.svg": svg_doc(
            "<text>&xxe;</text>",
            prolog='<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
        ),
        "svg-script.svg": svg_doc('<script type="text/javascript">alert(1)</script>'),
        "svg-script-cdata.svg": svg_doc("<script><![CDATA[ alert(document.domain) ]]></script>"),
        "svg-onload.svg": svg_doc("", opening=SVG_OPEN.replace("<svg ", '<svg onload="alert(1)" ')),
        "svg-onclick-rect.svg": svg_doc('<rect width="10" height="10" onclick="alert(1)"/>'),
        "svg-foreignobject.svg": svg_doc(
            '<foreignObject width="100" height="50"><div xmlns="http://www.w3.org/1999/xhtml">'
            "hi</div></foreignObject>"
        ),
        "svg-external-image.svg": svg_doc(
            '<image href="https://example.com/tracker.png" width="10" height="10"/>'
        ),
        "svg-external-xlink.svg": svg_doc(
            '<use xlink:href="https://example.com/sprite.svg#icon"/>', opening=XLINK_OPEN
        ),
        "svg-javascript-href.svg": svg_doc(
            '<a href="javascript:alert(1)"><rect width="10" height="10"/></a>'
        ),
        "svg-javascript-obfuscated.svg": svg_doc(
            '<a xlink:href="  java&#x09;script:alert(1)"><text>x</text></a>', opening=XLINK_OPEN
        ),
        "svg-data-svg-image.svg": svg_doc(
            f'<image href="{data_uri(NESTED_SCRIPT)}" width="10" height="10"/>'
        ),
        "svg-data-svg-percent-onload.svg": svg_doc(
            '<image width="10" height="10" href="data:image/svg+xml,'
            "%3Csvg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/%3E\"/>"
        ),
        "svg-data-svg-too-deep.svg": svg_doc(nested_svg_images(5)),
        "svg-webfont-external.svg": svg_doc(
            "<style>@font-face { font-family: X; src: url(https://example.com/x.woff2); }</style>"
        ),
        "svg-font-face-uri-external.svg": svg_doc(
            '<defs><font><font-face font-family="X"><font-face-src><font-face-uri '
            'xlink:href="https://example.com/fonts.svg#x"/></font-face-src></font-face></font>'
            "</defs>",
            opening=XLINK_OPEN,
        ),
        "svg-css-import.svg": svg_doc('<style>@import url("https://example.com/a.css");</style>'),
        "svg-css-url.svg": svg_doc(
            "<style>rect { fill: url(http://example.com/paint.svg#p) }</style>"
            '<rect width="10" height="10"/>'
        ),
        "svg-style-attr-url.svg": svg_doc(
            '<rect width="10" height="10" style="fill: url(\'https://example.com/x\')"/>'
        ),
        "svg-css-escaped-javascript.svg": svg_doc(
            "<style>rect { background: u\\72l(\\6a avascript:alert(1)) }</style>"
        ),
        "svg-filter-url.svg": svg_doc(
            '<rect width="10" height="10" filter="url(https://example.com/f.svg#blur)"/>'
        ),
        "svg-iframe.svg": svg_doc(
            '<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://example.com/"/>'
        ),
        "svg-embed.svg": svg_doc('<embed src="https://example.com/x.swf"/>'),
        "svg-object.svg": svg_doc('<object data="https://example.com/x.html"/>'),
        "svg-unknown-namespace.svg": svg_doc(
            '<x:run xmlns:x="urn:example:active">payload()</x:run>'
        ),
        "svg-set-href.svg": svg_doc(
            '<a><set attributeName="href" to="https://example.com/"/><text>x</text></a>'
        ),
        "svg-xml-stylesheet.svg": svg_doc(
            "", prolog='<?xml-stylesheet type="text/css" href="https://example.com/a.css"?>\n'
        ),
        "svg-deep.svg": svg_doc("<g>" * 150 + "</g>" * 150),
        # filters whose drawing time has no bound (resvg's test huge-radius.svg took 12–21 s)
        "svg-filter-morphology-huge.svg": svg_doc(
            '<filter id="f"><feMorphology radius="9999"/></filter>'
            '<rect width="400" height="200" fill="#0033A0" filter="url(#f)"/>'
        ),
        "svg-filter-turbulence-octaves.svg": svg_doc(
            '<filter id="f"><feTurbulence baseFrequency="0.05" numOctaves="1000"/></filter>'
            '<rect width="400" height="200" filter="url(#f)"/>'
        ),
        # Illustrator's namespace entities are accepted; nothing else in a DTD is (issue 12)
        "svg-illustrator-style-entity.svg": svg_doc(
            '<rect style="&st0;" width="10" height="10"/>',
            prolog=adobe_doctype('<!ENTITY st0 "fill:#0033A0;">'),
        ),
        "svg-entity-nested.svg": svg_doc(
            '<g xmlns:x="&ns_x;"/>', prolog=adobe_doctype('<!ENTITY ns_x "&ns_ai;">')
        ),
        "svg-parameter-entity.svg": svg_doc(
            "",
            prolog=adobe_doctype('<!ENTITY % ns_p "http://ns.adobe.com/Variables/1.0/"> %ns_p;'),
        ),
        "svg-entity-external-adobe.svg": svg_doc(
            '<g xmlns:x="&ns_e;"/>',
            prolog=adobe_doctype('<!ENTITY ns_e SYSTEM "http://ns.adobe.com/Flows/1.0/">'),
        ),
        "svg-entity-unknown-uri.svg": svg_doc(
            '<g xmlns:x="&ns_evil;"/>',
            prolog=adobe_doctype('<!ENTITY ns_evil "https://example.com/ns/">'),
        ),
        "svg-attlist-default.svg": svg_doc(
            '<rect width="10" height="10"/>',
            prolog=adobe_doctype('<!ATTLIST rect onclick CDATA "alert(1)">'),
        ),
        "svg-foreignobject-illustrator-html.svg": svg_doc(
            illustrator_switch('<div xmlns="http://www.w3.org/1999/xhtml">hi</div>'),
            opening=AI_OPEN,
            prolog=adobe_doctype(),
        ),
        "svg-foreignobject-other-extension.svg": svg_doc(
            illustrator_switch(extension="http://example.com/extension"),
            opening=AI_OPEN,
            prolog=adobe_doctype(),
        ),
        "svg-foreignobject-outside-switch.svg": svg_doc(
            illustrator_switch().replace("<switch>", "<g>").replace("</switch>", "</g>"),
            opening=AI_OPEN,
            prolog=adobe_doctype(),
        ),
        "svg-many-elements.svg": svg_doc("<g/>" * 50_001),
    }
    for name, data in unsafe_svgs.items():
        add(name, data, "rejected", "svg.unsafe")
    # embedded fonts and images are decoded and checked (issue 12, item 14)
    add(
        "svg-webfont-broken.svg",
        webfont_svg(damaged_woff2()),
        "rejected",
        "file.corrupt",
    )
    add("svg-webfont-not-a-font.svg", webfont_svg(png, "font/ttf"), "rejected", "file.corrupt")
    add(
        "svg-webfont-brotli-bomb.svg",
        webfont_svg(woff2_bomb()),
        "rejected",
        "file.decompression_bomb",
    )
    add(
        "svg-data-png-bomb.svg",
        svg_doc(f'<image href="{data_uri(png_header_only(20_000, 20_000), "image/png")}"/>'),
        "rejected",
        "file.decompression_bomb",
    )
    add(
        "svg-data-png-truncated.svg",
        svg_doc(f'<image href="{data_uri(png[: idat + 200], "image/png")}"/>'),
        "rejected",
        "file.corrupt",
    )

    # unsafe and encrypted PDF
    add(
        "pdf-javascript-openaction.pdf",
        pdf_page(
            catalog_extra=b"/OpenAction 5 0 R ",
            extra_objects=(b"<< /Type /Action /S /JavaScript /JS (app.alert\\('x'\\);) >>",),
        ),
        "rejected",
        "pdf.unsafe",
    )
    add(
        "pdf-javascript-names.pdf",
        pdf_page(
            catalog_extra=b"/Names << /JavaScript 5 0 R >> ",
            extra_objects=(b"<< /Names [(init) << /S /JavaScript /JS (app.alert\\(1\\)) >>] >>",),
        ),
        "rejected",
        "pdf.unsafe",
    )
    add(
        "pdf-javascript-hex-name.pdf",
        pdf_page(
            page_extra=b"/AA << /O << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> >> ",
        ),
        "rejected",
        "pdf.unsafe",
    )
    add(
        "pdf-acroform-js.pdf",
        pdf_page(
            catalog_extra=b"/AcroForm << /Fields [5 0 R] >> ",
            extra_objects=(
                b"<< /FT /Tx /T (name) /Rect [0 0 10 10] /AA << /K << /S /JavaScript "
                b"/JS (event.value = 1) >> >> >>",
            ),
        ),
        "rejected",
        "pdf.unsafe",
    )
    add(
        "pdf-launch.pdf",
        pdf_page(catalog_extra=b"/OpenAction << /S /Launch /F (readme.txt) >> "),
        "rejected",
        "pdf.unsafe",
    )
    add(
        "pdf-link-launch.pdf",
        pdf_page(
            page_extra=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
            b"/A << /S /Launch /F (readme.txt) >> >>] "
        ),
        "rejected",
        "pdf.unsafe",
    )
    add(
        "pdf-embedded-file.pdf",
        pdf_page(
            catalog_extra=b"/Names << /EmbeddedFiles << /Names [(notes.txt) 5 0 R] >> >> ",
            extra_objects=(
                b"<< /Type /Filespec /F (notes.txt) /EF << /F 6 0 R >> >>",
                stream(b"hello", b"/Type /EmbeddedFile "),
            ),
        ),
        "rejected",
        "pdf.unsafe",
    )
    add(
        "pdf-file-attachment.pdf",
        pdf_page(
            page_extra=b"/Annots [5 0 R] ",
            extra_objects=(
                b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] "
                b"/FS << /Type /Filespec /F (notes.txt) >> >>",
            ),
        ),
        "rejected",
        "pdf.unsafe",
    )
    add("pdf-encrypted.pdf", encrypted_pdf(), "rejected", "pdf.encrypted")
    for name, data in pdf_action_cases().items():
        add(name, data, "rejected", "pdf.unsafe")
    add("good-a4-links.pdf", links_pdf(), "pass", "pdf.external_links", "print-a4")
    add(
        "good-a4-open-fit.pdf",
        pdf_page(catalog_extra=b"/OpenAction [3 0 R /Fit] /PageMode /UseNone "),
        "pass",
        None,
        "print-a4",
    )
    add("good-a4-jbig2.pdf", jbig2_image_pdf(), "pass", None, "print-a4")
    add("good-a4-jbig2-content.pdf", jbig2_content_pdf(), "pass", None, "print-a4")
    add("pdf-many-annotations.pdf", many_annotations_pdf(), "rejected", "pdf.too_complex")
    add(
        "pdf-certificate-encrypted.pdf",
        pdf_page(
            extra_objects=(
                b"<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /Recipients [<3082>] >>",
            ),
            trailer=b"/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> "
            b"<0123456789abcdef0123456789abcdef>] ",
        ),
        "rejected",
        "pdf.encrypted",
    )
    add(
        "pdf-array-over-parser-limit.pdf",
        pdf_page(page_extra=b"/Junk [" + b"0 " * 100_001 + b"] "),
        "rejected",
        "pdf.too_complex",
    )
    return files


def jbig2_generic_region(image: Image.Image) -> bytes:
    """An embedded JBIG2 stream (as in a PDF: no file header) of one page holding one
    immediate lossless generic region, MMR-coded. Pillow writes the CCITT G4 (T.6) data that
    JBIG2's MMR mode uses; in JBIG2 a 1 bit is black, so the image is inverted first."""
    bilevel = ImageOps.invert(image.convert("L")).convert("1")
    width, height = bilevel.size
    tiff = io.BytesIO()
    bilevel.save(tiff, "TIFF", compression="group4")
    parsed = Image.open(io.BytesIO(tiff.getvalue()))
    (offset,), (length,) = parsed.tag_v2[273], parsed.tag_v2[279]
    g4 = tiff.getvalue()[offset : offset + length]

    def segment(number: int, kind: int, data: bytes) -> bytes:
        return struct.pack(">IBBBI", number, kind, 0, 1, len(data)) + data

    page_info = struct.pack(">IIIIBH", width, height, 0, 0, 0, 0)
    region = struct.pack(">IIIIB", width, height, 0, 0, 0) + b"\x01" + g4  # flags: MMR
    return segment(0, 48, page_info) + segment(1, 39, region) + segment(2, 49, b"")


def jbig2_logo() -> Image.Image:
    """A black bar and block on white, 64 × 32 (a scanned stamp, say)."""
    image = Image.new("L", (64, 32), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, 40, 20), fill=0)
    return image


def jbig2_image_pdf() -> bytes:
    """An A4 page whose only content is a JBIG2 image (scanners write these)."""
    return pdf_page(
        resources=b"<< /XObject << /Im1 5 0 R >> >>",
        content=b"q 595.28 0 0 841.89 0 0 cm /Im1 Do Q",
        extra_objects=(
            stream(
                jbig2_generic_region(jbig2_logo()),
                b"/Type /XObject /Subtype /Image /Width 64 /Height 32 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 1 /Filter /JBIG2Decode ",
            ),
        ),
    )


def jbig2_content_pdf() -> bytes:
    """A page whose content stream itself is JBIG2-coded (pdf.js's bomb_giant.pdf does this):
    pypdf, not pdfium, must decode it, through jbig2dec."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" /Contents [4 0 R 5 0 R] >>",
        stream(BRAND_CONTENT),
        stream(jbig2_generic_region(jbig2_logo()), b"/Filter /JBIG2Decode "),
    ]
    return raw_pdf(objects)


UNC = rb"(\\\\attacker.example\\share\\brochure.pdf)"


def pdf_action_cases() -> dict[str, bytes]:
    """Actions that run without a click (issue 12, item 2), and clicked links that are not
    ordinary links. Every address is example.com / attacker.example (reserved names)."""
    return {
        "pdf-openaction-uri.pdf": pdf_page(
            catalog_extra=b"/OpenAction << /S /URI /URI (https://example.com/opened?id=1) >> "
        ),
        "pdf-openaction-javascript-uri.pdf": pdf_page(
            catalog_extra=b"/OpenAction << /S /URI /URI (javascript:app.alert\\(1\\)) >> "
        ),
        "pdf-openaction-importdata.pdf": pdf_page(
            catalog_extra=b"/OpenAction 5 0 R ",
            extra_objects=(b"<< /Type /Action /S /ImportData /F (answers.fdf) >>",),
        ),
        "pdf-openaction-next-uri.pdf": pdf_page(
            catalog_extra=b"/OpenAction << /S /GoTo /D [3 0 R /Fit] "
            b"/Next [<< /S /Named /N /FirstPage >> << /S /URI /URI (https://example.com/) >>] >> "
        ),
        "pdf-catalog-aa-submitform.pdf": pdf_page(
            catalog_extra=b"/AA << /WC << /S /SubmitForm /F << /FS /URL "
            b"/F (https://example.com/collect) >> /Flags 4 >> >> "
        ),
        "pdf-page-aa-gotor-unc.pdf": pdf_page(
            page_extra=b"/AA << /O << /S /GoToR /F " + UNC + b" /D [0 /Fit] >> >> "
        ),
        "pdf-annotation-aa-uri.pdf": pdf_page(
            page_extra=b"/Annots [5 0 R] ",
            extra_objects=(
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /Border [0 0 0] "
                b"/AA << /E << /S /URI /URI (https://example.com/hover) >> >> >>",
            ),
        ),
        "pdf-field-aa-gotor.pdf": pdf_page(
            catalog_extra=b"/AcroForm << /Fields [5 0 R] >> ",
            extra_objects=(
                b"<< /FT /Tx /T (name) /Rect [0 0 10 10] "
                b"/AA << /Fo << /S /GoToR /F (other.pdf) /D [0 /Fit] >> >> >>",
            ),
        ),
        "pdf-link-javascript-uri.pdf": pdf_page(
            page_extra=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
            b"/A << /S /URI /URI (java\tscript:app.alert\\(1\\)) >> >>] "
        ),
        "pdf-link-gotor-unc.pdf": pdf_page(
            page_extra=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
            b"/A << /S /GoToR /F " + UNC + b" /D [0 /Fit] >> >>] "
        ),
        "pdf-link-submitform.pdf": pdf_page(
            page_extra=b"/Annots [<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [0 0 100 100] "
            b"/A << /S /SubmitForm /F << /FS /URL /F (https://example.com/collect) >> >> >>] "
        ),
    }


def links_pdf() -> bytes:
    """An A4 page with two ordinary clicked links and a link to a local file: allowed."""
    link = (
        b"<< /Type /Annot /Subtype /Link /Rect [%d 700 %d 720] /Border [0 0 0] "
        b"/A << /S /URI /URI (%s) >> >>"
    )
    return pdf_page(
        page_extra=b"/Annots ["
        + link % (50, 250, b"https://www.sotsiaalkindlustusamet.ee/")
        + link % (300, 500, b"mailto:info@sotsiaalkindlustusamet.ee")
        + b"<< /Type /Annot /Subtype /Link /Rect [50 650 250 670] "
        b"/A << /S /GoToR /F (hinnakiri.pdf) /D [0 /Fit] >> >>" + b"] "
    )


def many_annotations_pdf(count: int = 32_768) -> bytes:
    """One page with `count` annotations, each its own object (count + 6 objects in all), kept
    small on disk the way PDF 1.5 writers do it: the annotations and the /Annots array sit in
    one compressed object stream, found through a compressed cross-reference stream."""
    first = 6  # object 5 is the object stream; 6 the /Annots array; 7… the annotations
    inner = [b"[" + b" ".join(b"%d 0 R" % (first + 1 + i) for i in range(count)) + b"]"]
    inner += [b"<< /Type /Annot /Subtype /Square /Rect [0 0 10 10] /C [0 0.2 0.627] >>"] * count
    header, body = [], b""
    for index, item in enumerate(inner):
        header.append(b"%d %d" % (first + index, len(body)))
        body += item + b"\n"
    head = b" ".join(header) + b"\n"
    objstm = stream(
        zlib.compress(head + body, 9),
        b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode " % (len(inner), len(head)),
    )
    plain = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" /Contents 4 0 R /Resources << >> "
        b"/Annots %d 0 R >>" % first,
        stream(BRAND_CONTENT),
        objstm,
    ]
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, item in enumerate(plain, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + item + b"\nendobj\n"
    xref_number = first + len(inner)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 1, offset, 0) for offset in offsets]
    rows += [struct.pack(">BIH", 2, 5, index) for index in range(len(inner))]
    rows.append(struct.pack(">BIH", 1, len(out), 0))
    xref_offset = len(out)
    out += (
        b"%d 0 obj\n" % xref_number
        + stream(
            zlib.compress(b"".join(rows), 9),
            b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode "
            % (xref_number + 1),
        )
        + b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_offset
    )
    return out


def write(out: Path = OUT, expected: Path = EXPECTED) -> dict[str, dict]:
    out.mkdir(parents=True, exist_ok=True)
    files = build()
    for old in out.iterdir():
        if old.is_file() and old.name not in files:
            old.unlink()
    for name, (data, _) in files.items():
        (out / name).write_bytes(data)
    table = {name: meta for name, (_, meta) in sorted(files.items())}
    expected.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return table


def main(argv: list[str]) -> int:
    table = write()
    print(f"wrote {len(table)} files to {OUT.relative_to(HERE.parent.parent)}")
    if "--safety-only" not in argv:
        sys.path.insert(0, str(HERE))
        import build_content_corpus

        build_content_corpus.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
