"""Turn sniffed bytes into a `Decoded`, or into rejection findings.

One entry point, `decode(data, fmt, limits)`, for the five formats. Every safety limit lives in
`Limits` so that callers (the web upload, `checkfile`, tests) can tighten them. The format
modules do the work:

- `raster_decode`  PNG, JPEG, WebP (pixel limit, bomb warnings as errors, truncation, ICC)
- `svg_safety`     defused parse with element/depth limits and the allow-list validator
- `svg_extract`    size, colours, texts, fonts and text backgrounds from a validated SVG
- `pdf_decode`     pypdf (encryption, `pdf_safety` scan, fonts) and pdfium (page renders)
"""

from __future__ import annotations

from dataclasses import dataclass

from brandkit.checks import pdf_decode, raster_decode, svg_extract, svg_safety
from brandkit.checks.report import Finding
from brandkit.checks.types import Decoded

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES  # the file itself
    max_pixels: int = 60_000_000  # a raster's (or a PDF image's) width × height
    analysis_pixels: int = 1_500_000  # pixels handed to the colour checks per image/page
    svg_max_elements: int = 50_000
    svg_max_depth: int = 100
    pdf_max_pages: int = 20  # pages examined for sizes, fonts and images
    pdf_render_pages: int = 3  # pages rendered for the colour checks
    pdf_max_objects: int = 50_000  # objects walked in the safety scan
    pdf_max_annotations: int = 2_000  # annotations on one page (safety scan)


def decode(data: bytes, fmt: str, limits: Limits | None = None) -> Decoded | list[Finding]:
    """A `Decoded` for a usable file, else a non-empty list of rejection findings."""
    limits = limits or Limits()
    size = len(data)
    if fmt in raster_decode.PIL_FORMATS:
        raster, findings = raster_decode.decode_raster(
            data, fmt, max_pixels=limits.max_pixels, analysis_pixels=limits.analysis_pixels
        )
        if findings or raster is None:
            return findings
        return Decoded(format=fmt, size_bytes=size, raster=raster, data=data)
    if fmt == "svg":
        root, findings = svg_safety.parse(
            data, max_elements=limits.svg_max_elements, max_depth=limits.svg_max_depth
        )
        if findings or root is None:
            return findings
        findings = svg_safety.validate(root, max_pixels=limits.max_pixels)
        if findings:
            return findings
        return Decoded(format="svg", size_bytes=size, svg=svg_extract.extract(root), data=data)
    if fmt == "pdf":
        document, findings = pdf_decode.decode_pdf(
            data,
            max_pixels=limits.max_pixels,
            analysis_pixels=limits.analysis_pixels,
            max_pages=limits.pdf_max_pages,
            render_count=limits.pdf_render_pages,
            max_objects=limits.pdf_max_objects,
            max_annotations=limits.pdf_max_annotations,
        )
        if findings or document is None:
            return findings
        return Decoded(format="pdf", size_bytes=size, pdf=document, data=data)
    raise ValueError(f"not a decodable format: {fmt!r}")
