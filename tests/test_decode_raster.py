"""Decoding PNG, JPEG and WebP: limits, truncation, reduction, colour, alpha and metadata."""

import io
import struct
import warnings
import zlib
from fractions import Fraction

import numpy as np
import pytest
from PIL import Image, ImageCms, TiffImagePlugin

from brandkit.checks.decode import Limits, decode
from tests.corpus import build_corpus as corpus

BLUE = corpus.BLUE


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def decoded_raster(data: bytes, fmt: str, **limits):
    result = decode(data, fmt, Limits(**limits))
    assert not isinstance(result, list), [f.message("en") for f in result]
    assert result.format == fmt
    assert result.size_bytes == len(data)
    return result.raster


def rejected(data: bytes, fmt: str, **limits):
    result = decode(data, fmt, Limits(**limits))
    assert isinstance(result, list) and result, result
    assert all(f.rejects and f.severity == "error" for f in result)
    return result


# -- good files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp"])
def test_small_image_is_decoded_whole(fmt):
    data = {"png": corpus.good_png, "jpeg": corpus.good_jpeg, "webp": corpus.good_webp}[fmt](
        600, 314
    )
    raster = decoded_raster(data, fmt)
    assert (raster.width, raster.height) == (600, 314)
    assert raster.pixels.shape == (314, 600, 3)
    assert raster.pixels.dtype == np.uint8
    assert raster.scale == 1.0
    assert raster.alpha is None
    assert raster.mode == "RGB"
    corner = raster.pixels[2, 2].astype(int)
    assert np.abs(corner - BLUE).max() <= 3


def test_large_png_is_subsampled_to_real_colours():
    image = corpus.brand_image(3000, 2000)
    raster = decoded_raster(encode(image, "PNG"), "png", analysis_pixels=1_000_000)
    assert (raster.width, raster.height) == (3000, 2000)
    h, w, _ = raster.pixels.shape
    assert h * w <= 1_000_000
    assert raster.scale == pytest.approx(w / 3000)
    assert w / h == pytest.approx(1.5, rel=0.01)
    # nearest-neighbour: no blended colours appear along the edges
    colours = {tuple(c) for c in raster.pixels.reshape(-1, 3)}
    assert colours <= {corpus.BLUE, corpus.WHITE, corpus.GOLD}


def test_large_jpeg_is_draft_decoded():
    data = encode(corpus.brand_image(4000, 3000), "JPEG", quality=90)
    raster = decoded_raster(data, "jpeg", analysis_pixels=1_500_000)
    assert (raster.width, raster.height) == (4000, 3000)
    h, w, _ = raster.pixels.shape
    assert h * w <= 1_500_000
    assert raster.scale == pytest.approx(w / 4000)
    assert np.abs(raster.pixels[5, 5].astype(int) - BLUE).max() <= 4


def test_rgba_alpha_becomes_a_mask_and_opaque_alpha_is_dropped():
    image = corpus.brand_image(80, 40).convert("RGBA")
    image.putpixel((0, 0), (0, 0, 0, 0))
    raster = decoded_raster(encode(image, "PNG"), "png")
    assert raster.mode == "RGBA"
    assert raster.alpha is not None and raster.alpha.shape == (40, 80)
    assert raster.alpha[0, 0] == 0 and raster.alpha[10, 10] == 255
    opaque = decoded_raster(encode(corpus.brand_image(80, 40).convert("RGBA"), "PNG"), "png")
    assert opaque.alpha is None


def test_palette_image_with_transparency():
    image = corpus.brand_image(64, 32).convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    index = image.getpixel((0, 0))
    raster = decoded_raster(encode(image, "PNG", transparency=index), "png")
    assert raster.mode == "P"
    assert raster.alpha is not None and raster.alpha[0, 0] == 0
    assert raster.pixels.shape == (32, 64, 3)


def test_16_bit_greyscale_is_scaled_down():
    array = np.full((20, 30), 65535, dtype=np.uint16)
    array[:, :10] = 0x8080
    image = Image.fromarray(array)
    raster = decoded_raster(encode(image, "PNG"), "png")
    assert raster.mode.startswith("I")
    assert raster.pixels[0, 0].tolist() == [128, 128, 128]
    assert raster.pixels[0, 20].tolist() == [255, 255, 255]


def test_cmyk_jpeg_is_converted_and_mode_kept():
    image = Image.new("CMYK", (64, 32), (255, 200, 0, 0))
    raster = decoded_raster(encode(image, "JPEG", quality=95), "jpeg")
    assert raster.mode == "CMYK"
    r, g, b = raster.pixels[16, 16].tolist()
    assert b > 200 and r < 40


def test_icc_profile_is_named():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(corpus.brand_image(40, 20), "PNG", icc_profile=srgb)
    raster = decoded_raster(data, "png")
    assert "sRGB" in raster.icc_profile_name
    assert decoded_raster(corpus.good_png(40, 20), "png").icc_profile_name is None


def test_non_srgb_profile_is_applied():
    """A Lab-profile image's pixels are converted to sRGB through LittleCMS."""
    lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    image = Image.new("RGB", (8, 8), (128, 128, 128))
    raster = decoded_raster(encode(image, "JPEG", icc_profile=lab), "jpeg")
    assert raster.icc_profile_name and "sRGB" not in raster.icc_profile_name


def test_unreadable_icc_profile_does_not_reject():
    data = encode(corpus.brand_image(40, 20), "PNG", icc_profile=b"not a profile" * 10)
    raster = decoded_raster(data, "png")
    assert raster.icc_profile_name == "(unreadable ICC profile)"


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = "Mari Maasikas"  # Artist
    exif[0x0110] = "Camera 1"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (
        TiffImagePlugin.IFDRational(Fraction(59)),
        TiffImagePlugin.IFDRational(Fraction(26)),
        TiffImagePlugin.IFDRational(Fraction(1234, 100)),
    )
    gps[3] = "E"
    gps[4] = (
        TiffImagePlugin.IFDRational(Fraction(24)),
        TiffImagePlugin.IFDRational(Fraction(45)),
        TiffImagePlugin.IFDRational(Fraction(0)),
    )
    return exif


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_exif_names_and_gps(fmt):
    data = encode(corpus.brand_image(40, 20), fmt, exif=gps_exif())
    raster = decoded_raster(data, fmt.lower())
    assert raster.exif["Artist"] == "Mari Maasikas"
    assert raster.exif["Model"] == "Camera 1"
    gps = raster.exif["GPSInfo"]
    assert gps["GPSLatitudeRef"] == "N"
    assert gps["GPSLatitude"] == [59.0, 26.0, 12.34]
    assert gps["GPSLongitudeRef"] == "E"


def test_xmp_and_dpi():
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Mari</dc:creator></x:xmpmeta>'
    raster = decoded_raster(
        encode(corpus.brand_image(40, 20), "JPEG", xmp=xmp, dpi=(300, 300)), "jpeg"
    )
    assert "dc:creator" in raster.xmp
    assert raster.dpi == (300.0, 300.0)
    assert decoded_raster(encode(corpus.brand_image(40, 20), "PNG", dpi=(72, 72)), "png").dpi
    assert decoded_raster(corpus.good_png(40, 20), "png").dpi is None


# -- bombs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "height"),
    [(20_000, 20_000), (10_000, 9_000), (10_000, 7_000), (1, 70_000_000)],
)
def test_png_bomb_headers_are_rejected_before_decoding(width, height):
    (finding,) = rejected(corpus.png_header_only(width, height), "png")
    assert finding.code == "file.decompression_bomb"
    assert (finding.details["width"], finding.details["height"]) == (width, height)
    assert finding.details["max_pixels"] == 60_000_000
    assert f"{width}×{height}" in finding.message("en")


def test_jpeg_bomb_header():
    path = corpus.OUT / "bomb-dimensions.jpg"
    (finding,) = rejected(path.read_bytes(), "jpeg")
    assert finding.code == "file.decompression_bomb"
    assert finding.details["pixels"] == 65_000 * 65_000


def test_own_pixel_limit_is_configurable():
    (finding,) = rejected(corpus.good_png(200, 100), "png", max_pixels=10_000)
    assert finding.code == "file.decompression_bomb"
    assert finding.details["pixels"] == 20_000


def test_compressed_text_chunk_bomb():
    png = corpus.good_png(40, 20)
    at = png.index(b"IDAT") - 4
    bomb = corpus.png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(bytes(20 << 20), 9))
    (finding,) = rejected(png[:at] + bomb + png[at:], "png")
    assert finding.code == "file.decompression_bomb"


def test_pillow_global_state_is_untouched():
    limit = Image.MAX_IMAGE_PIXELS
    filters = list(warnings.filters)
    rejected(corpus.png_header_only(20_000, 20_000), "png")
    rejected(corpus.png_header_only(10_000, 9_000), "png")
    assert limit == Image.MAX_IMAGE_PIXELS
    assert warnings.filters == filters
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


# -- truncated and corrupt ----------------------------------------------------------------------


def test_png_truncated_inside_image_data():
    png = corpus.good_png()
    cut = png.index(b"IDAT") + 100
    (finding,) = rejected(png[:cut], "png")
    assert finding.code == "file.corrupt"
    assert finding.details["chunk"] == "IDAT"
    assert finding.details["missing_bytes"] > 0


def test_png_without_iend_is_truncated():
    (finding,) = rejected(corpus.good_png()[:-12], "png")
    assert finding.code == "file.corrupt"
    assert "IEND" in finding.message("en")


def test_png_checksum_error():
    png = bytearray(corpus.good_png())
    png[png.index(b"IDAT") + 50] ^= 0x01
    (finding,) = rejected(bytes(png), "png")
    assert finding.code == "file.corrupt"
    assert finding.details["chunk"] == "IDAT"
    assert "checksum" in finding.message("en")


def test_png_with_valid_structure_but_broken_data():
    ihdr = struct.pack(">IIBBBBB", 10, 10, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + corpus.png_chunk(b"IHDR", ihdr)
        + corpus.png_chunk(b"IDAT", b"this is not zlib data")
        + corpus.png_chunk(b"IEND", b"")
    )
    (finding,) = rejected(data, "png")
    assert finding.code == "file.corrupt"
    assert "error" in finding.details


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.999])
def test_truncated_jpeg(fraction):
    jpeg = corpus.good_jpeg()
    (finding,) = rejected(jpeg[: int(len(jpeg) * fraction)], "jpeg")
    assert finding.code == "file.corrupt"


@pytest.mark.parametrize("fraction", [0.2, 0.6, 0.95])
def test_truncated_webp(fraction):
    webp = corpus.good_webp(1600, 900)
    (finding,) = rejected(webp[: int(len(webp) * fraction)], "webp")
    assert finding.code == "file.corrupt"


def test_corrupt_messages_in_three_languages():
    (finding,) = rejected(corpus.good_png()[:-12], "png")
    for lang in ("et", "en", "ru"):
        assert "PNG" in finding.message(lang)
    assert "IEND" in finding.message("et") and "IEND" in finding.message("ru")


@pytest.mark.parametrize(("orientation", "size"), [(1, (80, 40)), (3, (80, 40)), (6, (40, 80))])
def test_exif_orientation_gives_the_displayed_size(orientation, size):
    image = Image.new("RGB", (80, 40), corpus.WHITE)
    image.paste(BLUE, (0, 0, 10, 10))  # a blue corner, top left as stored
    exif = Image.Exif()
    exif[0x0112] = orientation
    raster = decoded_raster(encode(image, "PNG", exif=exif), "png")
    assert (raster.width, raster.height) == size
    assert raster.pixels.shape[:2] == (size[1], size[0])
    assert raster.exif["Orientation"] == orientation
    corner = {1: (0, 0), 3: (-1, -1), 6: (0, -1)}[orientation]
    assert raster.pixels[corner].tolist() == list(BLUE)


def test_colour_key_transparency():
    image = Image.new("RGB", (20, 10), corpus.WHITE)
    image.paste(BLUE, (0, 0, 5, 10))
    raster = decoded_raster(encode(image, "PNG", transparency=corpus.WHITE), "png")
    assert raster.alpha is not None
    assert raster.alpha[0, 0] == 255 and raster.alpha[0, 19] == 0


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_truncated_image_is_rejected_even_after_weasyprint_was_imported(fmt):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES to True on import; the check engine
    must still reject truncated files in a process that renders PDFs too."""
    import io as _io

    from PIL import Image as _Image
    from PIL import ImageFile

    from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
    from brandkit.checks import run

    buf = _io.BytesIO()
    noise = _Image.effect_noise((400, 300), 60).convert("RGB")
    noise.save(buf, format=fmt)
    truncated = buf.getvalue()[: len(buf.getvalue()) * 2 // 3]
    ImageFile.LOAD_TRUNCATED_IMAGES = True  # what `import weasyprint` does
    try:
        report = run(truncated, filename=f"x.{fmt.lower()}", brandbook=parse_file(SKA_BRANDBOOK))
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = False
    assert report.verdict == "rejected"
    assert "file.corrupt" in {f.code for f in report.findings}
