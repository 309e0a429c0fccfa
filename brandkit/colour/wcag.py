"""WCAG 2.x contrast: relative luminance, contrast ratio and pass/fail levels.

Kept separate from the Lab code because WCAG defines its own luminance (a
rounded Y row and no white-point scaling) and its own thresholds, and brand
checks must reproduce the numbers accessibility auditors' tools show.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._arrays import as_triplets
from .transfer import srgb_decode

# WCAG 2.x's coefficients: the Y row of the sRGB matrix rounded to 4 places.
LUMINANCE_WEIGHTS = np.array([0.2126, 0.7152, 0.0722])

# Minimum ratios from WCAG 2.x success criteria 1.4.3 (AA) and 1.4.6 (AAA),
# keyed by (level, large text).
THRESHOLDS = {
    ("AA", False): 4.5,
    ("AA", True): 3.0,
    ("AAA", False): 7.0,
    ("AAA", True): 4.5,
}


def relative_luminance(rgb8: ArrayLike) -> np.ndarray:
    """WCAG 2.x relative luminance (0 for black .. 1 for white) of 8-bit sRGB.

    The WCAG 2.x text linearises with a 0.03928 threshold (copied from an
    early sRGB draft); this uses the 0.04045 of IEC 61966-2-1. The two differ
    only for encoded values strictly between 0.03928 and 0.04045, and no 8-bit
    code falls there (10/255 = 0.0392, 11/255 = 0.0431), so at 8 bits the
    results are identical and the difference is immaterial.
    """
    linear = srgb_decode(as_triplets(rgb8, "rgb8") / 255.0)
    return np.asarray(linear @ LUMINANCE_WEIGHTS)


def contrast_ratio(rgb8_a: ArrayLike, rgb8_b: ArrayLike) -> np.ndarray:
    """WCAG contrast ratio, 1.0 .. 21.0, broadcasting over leading axes.

    Order independent, because which colour is text and which is background
    does not change legibility as WCAG measures it.
    """
    ya = relative_luminance(rgb8_a)
    yb = relative_luminance(rgb8_b)
    return np.asarray((np.maximum(ya, yb) + 0.05) / (np.minimum(ya, yb) + 0.05))


def contrast_passes(ratio: ArrayLike, large: bool = False, level: str = "AA") -> bool | np.ndarray:
    """Whether a contrast ratio meets WCAG level "AA" or "AAA".

    ``large`` means WCAG "large scale" text (at least 18 pt, or 14 pt bold).
    The ratio is compared unrounded, as WCAG requires: 4.499 fails AA even
    though it would display as 4.50. Returns a plain bool for a scalar ratio
    and a bool array otherwise.
    """
    try:
        threshold = THRESHOLDS[(level, bool(large))]
    except KeyError:
        raise ValueError(f'level must be "AA" or "AAA"; got {level!r}') from None
    passes = np.asarray(ratio, dtype=np.float64) >= threshold
    return bool(passes) if passes.ndim == 0 else passes
