"""Pure image work for renditions: decode once, resize, re-encode without metadata.

Re-encoding from pixels drops EXIF, GPS, XMP and ICC data by construction: the new file holds
nothing but the image. Inputs have already passed the upload checks, but the same limits
apply here so a rendition job can never be made to decode a bomb.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps

MAX_PIXELS = 60_000_000
SVG_RENDER_PIXELS = 2560 * 2560
THUMBNAIL = "thumbnail"
RASTER_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}


@dataclass(frozen=True)
class RenditionSpec:
    name: str
    format: str  # jpeg | webp | png
    max_width: int
    max_height: int


@dataclass(frozen=True)
class RenditionImage:
    data: bytes
    width: int
    height: int


class NotRenderable(ValueError):
    """The file decoded for the checks but gives no picture (nothing to render)."""


def _seen(data: bytes, fmt: str) -> Image.Image:
    """An SVG as a person sees it, through the checks' one rasterising path (resvg, bundled
    fonts only, nothing fetched) and the same safety limits as the upload check."""
    import numpy as np

    from brandkit.checks.decode import decode
    from brandkit.checks.rasterise import rasterise

    decoded = decode(data, fmt)
    if isinstance(decoded, list):  # rejected: cannot happen for a file that passed its checks
        raise NotRenderable("; ".join(f.code for f in decoded))
    seen = rasterise(decoded, max_pixels=SVG_RENDER_PIXELS)
    if seen is None:
        raise NotRenderable(f"the {fmt.upper()} file could not be rendered")
    if seen.alpha is not None and seen.alpha.shape == seen.pixels.shape[:2]:
        return Image.fromarray(np.dstack([seen.pixels, seen.alpha]), "RGBA")
    return Image.fromarray(seen.pixels, "RGB")


def open_source(data: bytes, fmt: str) -> Image.Image:
    """Decode an upload (raster, SVG, or the first page of a PDF) to an RGB(A) Pillow image."""
    if fmt == "svg":
        return _seen(data, fmt)
    if fmt == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[0]
            width, height = page.get_size()
            scale = min(2.0, 2400 / max(width, height, 1))
            image = page.render(scale=scale).to_pil()
        finally:
            pdf.close()
        return image.convert("RGB")
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    image = Image.open(io.BytesIO(data), formats=[RASTER_FORMATS[fmt]])
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        return image.convert("RGBA")
    if image.mode == "CMYK":
        # Pillow's CMYK->RGB is a naive conversion; good enough for previews.
        return image.convert("RGB")
    return image.convert("RGB")


def render(image: Image.Image, spec: RenditionSpec) -> RenditionImage:
    copy = image.copy()
    copy.thumbnail((spec.max_width, spec.max_height), Image.Resampling.LANCZOS)
    if spec.format == "jpeg" and copy.mode == "RGBA":
        background = Image.new("RGB", copy.size, (255, 255, 255))
        background.paste(copy, mask=copy.getchannel("A"))
        copy = background
    out = io.BytesIO()
    options = {
        "jpeg": {"quality": 85, "optimize": True, "progressive": True},
        "webp": {"quality": 85, "method": 4},
        "png": {"optimize": True},
    }[spec.format]
    copy.save(out, format=RASTER_FORMATS[spec.format], **options)
    return RenditionImage(out.getvalue(), copy.width, copy.height)


def specs_for(fmt: str, preset: dict | None) -> list[RenditionSpec]:
    """Thumbnail always; web-ready files at the preset's pixel size (or ≤ 2560 px): JPEG and
    WebP, and for SVG a PNG (which keeps the transparency a vector graphic usually has) and a
    WebP instead of the JPEG."""
    if preset and preset.get("unit", "px") == "px":
        width, height = int(preset["width"]), int(preset["height"])
    else:
        width = height = 2560
    if fmt == "svg":
        return [
            RenditionSpec(THUMBNAIL, "webp", 480, 480),
            RenditionSpec("web-png", "png", width, height),
            RenditionSpec("web-webp", "webp", width, height),
        ]
    return [
        RenditionSpec(THUMBNAIL, "webp", 480, 480),
        RenditionSpec("web-jpeg", "jpeg", width, height),
        RenditionSpec("web-webp", "webp", width, height),
    ]
