"""Build the content corpus: files that are safe to open but do or do not follow the brand rules.

    .venv/bin/python tests/corpus/build_content_corpus.py [OUTPUT_DIR]

writes the files and `expected.json` (file -> preset, verdict, finding codes that must be in
the report, codes that must not) into tests/corpus/content/. Everything is generated from code
with fixed seeds, so the corpus can be rebuilt byte for byte on the same Pillow version. The
generators are also used by the tests and the benchmark (`banner`, `photo_block`,
`infographic`).

The colours are the SKA brandbook's: state blue #0033A0, state gold #85714D, black, white.
"""

from __future__ import annotations

import io
import json
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont, TiffImagePlugin

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "static" / "fonts"
OUT = Path(__file__).resolve().parent / "content"

BLUE = (0x00, 0x33, 0xA0)
GOLD = (0x85, 0x71, 0x4D)
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
RED = (0xE3, 0x06, 0x13)  # off-palette: far from every brand colour
NEAR_BLUE = (0x00, 0x35, 0xA5)  # ΔE00 ≈ 1 from state blue: within tolerance
OTHER_BLUE = (0x1F, 0x4F, 0xC0)  # ΔE00 ≈ 9 from state blue: off-palette


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "Roboto-Bold.ttf" if bold else "Roboto-Regular.ttf"
    path = FONTS / "roboto" / name
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def banner(
    width: int = 1920,
    height: int = 600,
    background: tuple[int, int, int] = BLUE,
    antialias: bool = True,
    title: str = "Sotsiaalkindlustusamet",
    subtitle: str = "Pensionid, toetused ja hüvitised – kõik ühest kohast",
) -> Image.Image:
    """A flat banner in brand colours: a background, a white title and subtitle, a gold accent
    block and a white call to action. Text is anti-aliased unless `antialias` is False (hard,
    1-bit edges). All text is white on the background: gold text on state blue (or blue on
    gold) is 2.4:1, below WCAG's 3:1 for large text, and the text check sees it."""
    img = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(img)
    if not antialias:
        draw.fontmode = "1"
    unit = height / 600
    draw.text((80 * unit, 110 * unit), title, font=font(int(84 * unit), True), fill=WHITE)
    draw.text((80 * unit, 250 * unit), subtitle, font=font(int(40 * unit)), fill=WHITE)
    draw.rectangle((80 * unit, 400 * unit, 560 * unit, 490 * unit), fill=GOLD)
    draw.text((600 * unit, 418 * unit), "Loe lähemalt", font=font(int(44 * unit), True), fill=WHITE)
    return img


def photo_block(width: int, height: int, seed: int = 1) -> Image.Image:
    """Photo-like content: a smooth random colour field (like out-of-focus scenery) with fine
    sensor-like noise on top. No colour in it forms a flat area."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, (max(2, height // 40), max(2, width // 40), 3), dtype=np.uint8)
    field = np.asarray(Image.fromarray(coarse).resize((width, height), Image.Resampling.BICUBIC))
    noise = rng.integers(-24, 25, (height, width, 3))
    return Image.fromarray(np.clip(field.astype(np.int16) + noise, 0, 255).astype(np.uint8))


def with_photo(img: Image.Image, share: float = 0.3, seed: int = 1) -> Image.Image:
    """`img` with a photo rectangle covering `share` of it, at the right edge."""
    img = img.copy()
    w = round(img.width * share)
    img.paste(photo_block(w, img.height, seed), (img.width - w, 0))
    return img


def with_rect(img: Image.Image, box: tuple[int, int, int, int], colour) -> Image.Image:
    img = img.copy()
    ImageDraw.Draw(img).rectangle(box, fill=colour)
    return img


def infographic(size: int = 2000) -> Image.Image:
    """A flat infographic on white: blue and gold bars, black labels, a blue header."""
    img = Image.new("RGB", (size, size), WHITE)
    draw = ImageDraw.Draw(img)
    u = size / 2000
    draw.rectangle((0, 0, size, 260 * u), fill=BLUE)
    draw.text((80 * u, 70 * u), "Toetused 2026", font=font(int(110 * u), True), fill=WHITE)
    values = [0.35, 0.6, 0.8, 0.5, 0.95, 0.7]
    for i, value in enumerate(values):
        x0 = (140 + i * 300) * u
        top = (1800 - 1300 * value) * u
        draw.rectangle((x0, top, x0 + 200 * u, 1800 * u), fill=BLUE if i % 2 == 0 else GOLD)
        draw.text((x0, 1830 * u), f"{2021 + i}", font=font(int(60 * u)), fill=BLACK)
        draw.text(
            (x0 + 20 * u, top - 80 * u),
            f"{int(value * 100)}%",
            font=font(int(56 * u), True),
            fill=BLACK,
        )
    draw.line((100 * u, 1800 * u, 1900 * u, 1800 * u), fill=BLACK, width=max(1, int(6 * u)))
    return img


def _png(img: Image.Image, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True, **params)
    return buf.getvalue()


def _jpeg(img: Image.Image, quality: int = 90, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, **params)
    return buf.getvalue()


def _webp(img: Image.Image, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "WEBP", lossless=True, **params)
    return buf.getvalue()


def gps_exif() -> Image.Exif:
    """EXIF with a GPS position (Tallinn) and an Artist name."""
    exif = Image.Exif()
    exif[0x013B] = "Mari Maasikas"  # Artist
    exif[0x010F] = "Example Camera Co"  # Make
    gps = exif.get_ifd(0x8825)
    rational = TiffImagePlugin.IFDRational
    gps[1] = "N"
    gps[2] = (rational(59), rational(26), rational(Fraction(1234, 100)))
    gps[3] = "E"
    gps[4] = (rational(24), rational(45), rational(Fraction(321, 100)))
    return exif


XMP_WITH_CREATOR = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    photoshop:AuthorsPosition="Fotograaf">
   <dc:creator><rdf:Seq><rdf:li>Jaan Tamm</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def svg(body: str, width: int = 1920, height: int = 600, style: str = "") -> bytes:
    style_el = f"<style>{style}</style>" if style else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{style_el}{body}</svg>\n'
    ).encode()


def _svg_banner(
    text_font: str = "Roboto, Arial, sans-serif",
    text_size: int = 72,
    text_fill: str = "#FFFFFF",
    background: str = "#0033A0",
    extra: str = "",
) -> bytes:
    return svg(
        f'<rect width="1920" height="600" fill="{background}"/>'
        f'<text x="80" y="200" font-family="{text_font}" font-size="{text_size}" '
        f'font-weight="700" fill="{text_fill}">Sotsiaalkindlustusamet</text>'
        f'<text x="80" y="300" font-family="{text_font}" font-size="40" '
        f'fill="#FFFFFF">Pensionid ja toetused</text>'
        f'<rect x="80" y="400" width="480" height="90" fill="#85714D"/>' + extra
    )


def pdf_with_font(base_font: str, text: str = "Sotsiaalkindlustusamet") -> bytes:
    """A one-page A4 PDF written by hand: a blue header band and a line of text in the given
    standard font, which is *not embedded* (no FontFile in a FontDescriptor)."""
    content = (
        "0 0.2 0.627 rg 0 741.89 595.28 100 re f\n"
        f"BT /F1 28 Tf 1 1 1 rg 56 780 Td ({text}) Tj ET\n"
        f"BT /F1 14 Tf 0 0 0 rg 56 700 Td ({text}: pensionid ja toetused) Tj ET\n"
    ).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        f"<< /Type /Font /Subtype /Type1 /BaseFont /{base_font} "
        f"/Encoding /WinAnsiEncoding >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def pdf_from_image(img: Image.Image, dpi: float) -> bytes:
    """An image-only PDF page (Pillow); fixed dates so the file is the same on every build."""
    fixed = time.gmtime(1_767_225_600)  # 2026-01-01T00:00:00Z
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=dpi, creationDate=fixed, modDate=fixed)
    return buf.getvalue()


def build() -> dict[str, tuple[bytes, dict]]:
    """file name -> (bytes, expectation)."""
    files: dict[str, tuple[bytes, dict]] = {}

    def add(name, data, preset, verdict, codes=(), absent=(), why=""):
        files[name] = (
            data,
            {
                "preset": preset,
                "verdict": verdict,
                "codes": list(codes),
                "absent_codes": list(absent),
                "why": why,
            },
        )

    hero = banner()
    add(
        "web-hero-compliant.png",
        _png(hero),
        "web-hero",
        "pass",
        ["colour.palette_coverage"],
        ["colour.off_palette", "dimensions.size_mismatch"],
        "brand colours, anti-aliased text, exact size",
    )
    add(
        "web-hero-hard-edges.png",
        _png(banner(antialias=False)),
        "web-hero",
        "pass",
        ["colour.palette_coverage"],
        ["colour.off_palette"],
        "brand colours, 1-bit text edges",
    )
    add(
        "web-hero-compliant.jpg",
        _jpeg(hero, quality=88),
        "web-hero",
        "pass",
        ["colour.palette_coverage"],
        ["colour.off_palette"],
        "JPEG artefacts around text must not count as colours",
    )
    add(
        "web-content-compliant.webp",
        _webp(banner(1200, 400)),
        "web-content",
        "pass",
        ["colour.palette_coverage"],
        ["colour.off_palette", "dimensions.format_not_allowed"],
        "WebP at the web-content size",
    )
    add(
        "web-hero-near-miss-blue.png",
        _png(banner(background=NEAR_BLUE)),
        "web-hero",
        "pass",
        ["colour.palette_coverage"],
        ["colour.off_palette"],
        "#0035A5 is within ΔE00 3 of #0033A0",
    )
    add(
        "web-hero-off-palette-blue.png",
        _png(banner(background=OTHER_BLUE)),
        "web-hero",
        "fail",
        ["colour.off_palette"],
        why="#1F4FC0 is ΔE00 ≈ 9 from #0033A0",
    )
    add(
        "web-hero-red-area.png",
        _png(with_rect(hero, (1100, 0, 1919, 599), RED)),
        "web-hero",
        "fail",
        ["colour.off_palette"],
        why="a #E30613 block covers ~43% of the banner",
    )
    add(
        "facebook-photo.jpg",
        _jpeg(with_photo(banner(1200, 628), 0.3), quality=88),
        "facebook-link",
        "pass",
        ["colour.photo_area"],
        ["colour.off_palette"],
        "a photo on 30% of the image is reported, not failed",
    )
    add(
        "web-hero-wrong-size.png",
        _png(banner(1600, 500)),
        "web-hero",
        "fail",
        ["dimensions.size_mismatch"],
        why="1600x500 for an exact 1920x600 preset",
    )
    add(
        "facebook-wrong-aspect.png",
        _png(banner(1200, 800)),
        "facebook-link",
        "fail",
        ["dimensions.aspect_mismatch"],
        why="3:2 for a 1200x628 preset",
    )
    add(
        "facebook-wrong-format.webp",
        _webp(banner(1200, 628)),
        "facebook-link",
        "fail",
        ["dimensions.format_not_allowed"],
        why="WebP is not a format of the facebook-link preset",
    )
    noisy = Image.fromarray(
        np.random.default_rng(7).integers(0, 256, (600, 1920, 3), dtype=np.uint8)
    )
    add(
        "web-hero-too-many-bytes.png",
        _png(noisy),
        "web-hero",
        "fail",
        ["dimensions.file_too_large_for_preset", "colour.photo_area"],
        why="noise does not compress: ~3.4 MB for a 500 KiB preset",
    )
    add(
        "instagram-cmyk.jpg",
        _jpeg(banner(1080, 1080).convert("CMYK")),
        "instagram-square",
        "pass",
        ["metadata.colour_space"],
        ["colour.off_palette"],
        "CMYK JPEG for a social preset: a warning",
    )
    add(
        "instagram-gps.jpg",
        _jpeg(banner(1080, 1080), exif=gps_exif(), xmp=XMP_WITH_CREATOR.encode()),
        "instagram-square",
        "pass",
        ["metadata.location", "metadata.personal_data"],
        why="GPS and author in EXIF/XMP: warnings",
    )
    a4_low = banner(1000, 1414)
    add(
        "print-a4-low-dpi.png",
        _png(a4_low, dpi=(300, 300)),
        "print-a4",
        "fail",
        ["dimensions.low_resolution"],
        why="1000x1414 px on A4 is 121 dpi",
    )
    add(
        "print-a4-300dpi.png",
        _png(banner(2480, 3508), dpi=(300, 300)),
        "print-a4",
        "pass",
        [],
        ["dimensions.low_resolution", "dimensions.aspect_mismatch"],
        why="2480x3508 px is A4 at 300 dpi",
    )
    add(
        "print-a4-compliant.pdf",
        pdf_from_image(banner(1240, 1754), 150),
        "print-a4",
        "pass",
        [],
        ["dimensions.size_mismatch", "typography.not_embedded"],
        why="image-only A4 PDF (Pillow), no fonts",
    )
    add(
        "print-a4-font-not-embedded.pdf",
        pdf_with_font("Helvetica"),
        "print-a4",
        "fail",
        ["typography.not_embedded"],
        ["typography.disallowed_font"],
        why="Helvetica is an allowed fallback but is not embedded",
    )
    add(
        "print-a4-courier.pdf",
        pdf_with_font("Courier"),
        "print-a4",
        "fail",
        ["typography.not_embedded", "typography.disallowed_font"],
        why="Courier is not a brand typeface and is not embedded",
    )
    add(
        "web-hero-compliant.svg",
        _svg_banner(),
        "web-hero",
        "pass",
        [],
        ["colour.off_palette", "typography.disallowed_font", "contrast.insufficient"],
        why="brand colours, Roboto with fallbacks, white on blue",
    )
    add(
        "web-hero-disallowed-font.svg",
        _svg_banner(text_font="'Comic Sans MS', cursive"),
        "web-hero",
        "fail",
        ["typography.disallowed_font"],
        why="Comic Sans MS is not a brand typeface",
    )
    add(
        "web-hero-small-text.svg",
        _svg_banner(
            extra='<text x="80" y="560" font-family="Roboto, sans-serif" font-size="10" '
            'fill="#FFFFFF">Väike kiri</text>'
        ),
        "web-hero",
        "fail",
        ["typography.too_small"],
        why="10 px text, the minimum is 14 px",
    )
    add(
        "web-hero-low-contrast.svg",
        _svg_banner(text_fill="#85714D", text_size=20),
        "web-hero",
        "fail",
        ["contrast.insufficient"],
        why="gold #85714D on blue #0033A0 is ~2.3:1",
    )
    add(
        "web-hero-off-palette.svg",
        _svg_banner(extra='<circle cx="1600" cy="300" r="200" fill="#E30613"/>'),
        "web-hero",
        "fail",
        ["colour.off_palette"],
        why="a #E30613 circle",
    )
    add(
        "web-hero-half-size.svg",
        svg(
            '<rect width="960" height="300" fill="#0033A0"/>'
            '<text x="40" y="100" font-family="Roboto Condensed, Arial, sans-serif" '
            'font-size="36" fill="#FFFFFF">Sotsiaalkindlustusamet</text>',
            960,
            300,
        ),
        "web-hero",
        "pass",
        ["dimensions.svg_scaled"],
        ["dimensions.size_mismatch"],
        why="an SVG of the right aspect scales without loss",
    )
    add(
        "infographic-flat.png",
        _png(infographic(1000)),
        None,
        "pass",
        ["dimensions.size", "colour.palette_coverage"],
        ["colour.off_palette"],
        why="flat infographic in brand colours, no preset",
    )
    return files


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    files = build()
    expected = {}
    for name, (data, expectation) in files.items():
        (out / name).write_bytes(data)
        expected[name] = expectation
    (out / "expected.json").write_text(
        json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(files)} files and expected.json to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
