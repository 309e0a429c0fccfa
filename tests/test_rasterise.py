"""rasterise: every format becomes the pixels a person sees, with a scale back to the original."""

import base64
import io
import math

import numpy as np
from PIL import Image

from brandkit.checks.decode import Limits, decode
from brandkit.checks.rasterise import VISION_PIXELS, preview_png, rasterise, to_original

NS = 'xmlns="http://www.w3.org/2000/svg"'


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def decoded(data: bytes, fmt: str, **limits):
    result = decode(data, fmt, Limits(**limits))
    assert not isinstance(result, list), [f.message("en") for f in result]
    return result


def test_a_small_raster_is_reused_at_full_size():
    image = Image.new("RGB", (300, 200), (0, 87, 184))
    d = decoded(png(image), "png")
    seen = rasterise(d)
    assert seen.pixels is d.raster.pixels
    assert seen.scale == 1.0 and seen.pixels.shape == (200, 300, 3)


def test_a_raster_reduced_for_colour_is_decoded_again_at_full_size():
    image = Image.new("RGB", (2000, 1000), "white")
    image.paste((0, 0, 0), (0, 500, 2000, 501))  # a 1 px line nearest-neighbour may drop
    d = decoded(png(image), "png")
    assert d.raster.scale < 1.0
    seen = rasterise(d)
    assert seen.scale == 1.0 and seen.pixels.shape == (1000, 2000, 3)
    assert (seen.pixels[500] == 0).all()
    small = rasterise(d, max_pixels=500_000)
    assert small.pixels.shape[0] * small.pixels.shape[1] <= 500_000
    assert 0.49 < small.scale < 0.51
    # the line is kept as grey by the box filter, not lost
    assert small.pixels[:, 100].min() < 200


def test_transparency_is_seen_over_white():
    image = Image.new("RGBA", (40, 20), (255, 0, 0, 0))
    image.paste((0, 0, 0, 255), (0, 0, 20, 20))
    seen = rasterise(decoded(png(image), "png"))
    assert tuple(seen.pixels[10, 30]) == (255, 255, 255)
    assert tuple(seen.pixels[10, 5]) == (0, 0, 0)
    assert seen.alpha is not None


def test_svg_is_rendered_with_the_bundled_fonts():
    svg = (
        f'<svg {NS} width="400" height="100" viewBox="0 0 200 50">'
        '<rect width="200" height="50" fill="#0057b8"/>'
        '<text x="10" y="35" font-family="Roboto" font-size="30" fill="#ffffff">Tere</text>'
        "</svg>"
    ).encode()
    seen = rasterise(decoded(svg, "svg"))
    assert seen.pixels.shape == (100, 400, 3) and seen.scale == 1.0
    assert tuple(seen.pixels[5, 395]) == (0, 87, 184)
    text_area = seen.pixels[20:70, 20:160]
    assert (text_area.min(axis=2) > 240).sum() > 300  # white glyph pixels were drawn


def test_svg_larger_than_the_budget_is_reduced():
    svg = f'<svg {NS} width="4000" height="4000"><rect width="4000" height="4000"/></svg>'.encode()
    seen = rasterise(decoded(svg, "svg"), max_pixels=250_000)
    assert seen.width == 4000 and seen.pixels.shape == (500, 500, 3)
    assert seen.scale == 0.125
    assert to_original((10, 20, 5, 5), seen.scale) == [80, 160, 40, 40]


def test_svg_with_an_embedded_image_over_the_limit_is_not_rendered():
    # a complete PNG: the decoder now decodes embedded images and rejects a truncated one
    b64 = base64.b64encode(png(Image.new("RGB", (1100, 1000), "blue"))).decode()
    svg = (
        f'<svg {NS} width="100" height="100">'
        f'<image width="100" height="100" href="data:image/png;base64,{b64}"/></svg>'
    ).encode()
    d = decoded(svg, "svg")
    assert rasterise(d, embedded_max_pixels=1_000_000) is None


def test_pdf_page_is_rendered_in_points_scale():
    image = Image.new("RGB", (600, 300), (0, 87, 184))
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=72)
    d = decoded(out.getvalue(), "pdf")
    seen = rasterise(d)
    assert seen.width == 600 and seen.height == 300
    expected = min(300 / 72, math.sqrt(VISION_PIXELS / (600 * 300)))  # 300 dpi or the budget
    assert abs(seen.scale - expected) < 0.01
    assert abs(rasterise(d, max_pixels=10_000_000).scale - 300 / 72) < 0.01
    mid = seen.pixels[seen.pixels.shape[0] // 2, seen.pixels.shape[1] // 2]
    assert np.abs(mid.astype(int) - (0, 87, 184)).max() <= 3
    assert rasterise(d, page=5) is None


def test_preview_png_of_every_format():
    svg = f'<svg {NS} width="800" height="400"><rect width="800" height="400" fill="red"/></svg>'
    raster = png(Image.new("RGB", (1000, 500), "blue"))
    for data, fmt in ((svg.encode(), "svg"), (raster, "png")):
        preview = preview_png(decoded(data, fmt), 200)
        with Image.open(io.BytesIO(preview)) as im:
            assert im.format == "PNG" and im.size == (200, 100)
    tiny = preview_png(decoded(png(Image.new("RGB", (50, 20), "blue")), "png"), 200)
    with Image.open(io.BytesIO(tiny)) as im:
        assert im.size == (50, 20)  # never enlarged
