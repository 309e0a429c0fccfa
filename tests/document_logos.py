"""Is the brandbook's logo on the first page of a generated document?

The test gives every logo variant of the brandbook one marker drawing, a block of a colour used
nowhere else, stored through the variant's FileField (so on whatever storage media is on), and
counts that colour's pixels on page 1 rendered by PDFium. Neither the wording nor the layout of
the documents matters, only that the stored logo file reached the renderer.
"""

from __future__ import annotations

import numpy as np
import pypdfium2
from django.core.files.base import ContentFile

MARKER_RGB = (0x13, 0x57, 0x9B)
MARKER_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160" viewBox="0 0 480 160">'
    b'<rect width="480" height="160" fill="#13579B"/></svg>'
)
# At 72 dpi an 18 mm high logo of this shape covers about 7,800 pixels; a stray glyph edge in a
# near colour, a few dozen.
MIN_PIXELS = 1_500


def use_marker_logos(brandbook) -> int:
    """Replace the stored file of every logo variant with the marker; how many were replaced."""
    count = 0
    for logo in brandbook.logos.prefetch_related("variants"):
        for variant in logo.variants.all():
            variant.file.save(variant.file.name.rsplit("/", 1)[-1], ContentFile(MARKER_SVG))
            count += 1
    return count


def marker_pixels(pdf: bytes, page_index: int = 0) -> int:
    """Pixels of the marker colour (±3 per channel) on the page rendered at 72 dpi."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[page_index]
        image = page.render(scale=1).to_numpy()[:, :, :3].astype(int)
        page.close()
    finally:
        document.close()
    # PDFium renders BGR(x) by default
    target = np.array(MARKER_RGB[::-1])
    return int((np.abs(image - target) <= 3).all(axis=2).sum())
