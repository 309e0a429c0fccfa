"""What the decoders hand to the checks: plain data about one file, decoded once.

Decoding (with every safety limit) happens in `decode.py`; the checks in this package read
these objects and never touch the raw bytes, so hostile input is dealt with in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class RasterImage:
    """A decoded raster (PNG, JPEG, WebP or a rendered PDF page).

    `pixels` is an sRGB uint8 array (h, w, 3), possibly reduced in size for speed (see
    `scale`: pixels.shape[1] / width); `alpha` is the matching uint8 coverage mask or None.
    """

    width: int
    height: int
    pixels: np.ndarray
    alpha: np.ndarray | None = None
    scale: float = 1.0
    mode: str = "RGB"  # the file's own mode, e.g. "CMYK", "P", "RGBA"
    icc_profile_name: str | None = None  # None = no profile (assumed sRGB)
    dpi: tuple[float, float] | None = None
    exif: dict[str, Any] = field(default_factory=dict)  # tag name -> value
    xmp: str | None = None


@dataclass
class SvgText:
    text: str
    font_families: list[str]  # as declared, in order, unquoted
    font_size_px: float | None
    font_weight: int
    fill: tuple[int, int, int] | None  # resolved sRGB of the text, None if unknown
    background: tuple[int, int, int] | None  # resolved fill behind the text, None if unknown
    element_path: str  # e.g. "svg/g[2]/text[1]" for the report


@dataclass
class SvgColour:
    rgb: tuple[int, int, int]
    alpha: float
    where: str  # "fill", "stroke", "stop-color", "style", "css" ...
    element_path: str
    source: str  # the colour as written in the file


@dataclass
class SvgDocument:
    width: float | None  # in px, from width/height or viewBox
    height: float | None
    colours: list[SvgColour]
    texts: list[SvgText]
    font_families: list[str]  # every family declared anywhere, in order of appearance
    raster: RasterImage | None = None  # None: see `rasterise.rasterise` for the pixels


@dataclass
class PdfFont:
    name: str  # base font name with any subset prefix (ABCDEF+) stripped
    embedded: bool
    pages: list[int]


@dataclass
class PdfDocument:
    page_count: int
    page_sizes_pt: list[tuple[float, float]]
    fonts: list[PdfFont]
    pages: list[RasterImage]  # rendered pages (possibly only the first few)
    vector_colours: list[tuple[int, int, int]] = field(default_factory=list)
    output_intent: str | None = None
    external_links: list[str] = field(default_factory=list)  # targets of clicked links


@dataclass
class Decoded:
    """The result of decoding one file: its format and exactly one of the documents."""

    format: str  # png | jpeg | webp | svg | pdf
    size_bytes: int
    raster: RasterImage | None = None
    svg: SvgDocument | None = None
    pdf: PdfDocument | None = None
    # The validated file itself, so `rasterise` can render an SVG or a PDF page (or re-decode a
    # reduced raster) at the size that seeing text needs. Not part of the report.
    data: bytes | None = field(default=None, repr=False, compare=False)
    # What the vision checks computed once for the others (`rasterise` pixels, text read):
    # each check may reuse it instead of rendering or reading again.
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
