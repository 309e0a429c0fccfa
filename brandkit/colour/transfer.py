"""The sRGB transfer function (IEC 61966-2-1), in both directions.

Kept apart from the Lab maths because WCAG luminance needs exactly the same
linearisation, and two copies of these constants would eventually drift.

Negative inputs are mirrored through the origin (as coloraide and CSS Color 4
do) so that out-of-gamut values produced by Lab -> sRGB survive a round trip
instead of turning into NaN from a fractional power of a negative number.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

# IEC 61966-2-1:1999 constants. The standard's two halves do not meet exactly:
# at the 0.04045 knee the line and the curve differ by ~2.3e-9 in linear
# light, so a value sitting right on the knee round-trips with an error of
# ~3e-8 (1e-5 of an 8-bit step). Kept as published so results match coloraide
# and every other sRGB implementation.
DECODE_THRESHOLD = 0.04045
ENCODE_THRESHOLD = 0.0031308
LINEAR_SLOPE = 12.92
OFFSET = 0.055
SCALE = 1.055
GAMMA = 2.4


def srgb_decode(encoded: ArrayLike) -> np.ndarray:
    """Gamma-encoded sRGB (nominally 0..1) to linear light."""
    v = np.asarray(encoded, dtype=np.float64)
    mag = np.abs(v)
    curve = ((mag + OFFSET) / SCALE) ** GAMMA
    return np.copysign(np.where(mag > DECODE_THRESHOLD, curve, mag / LINEAR_SLOPE), v)


def srgb_encode(linear: ArrayLike) -> np.ndarray:
    """Linear light to gamma-encoded sRGB; not clipped, see module docstring."""
    v = np.asarray(linear, dtype=np.float64)
    mag = np.abs(v)
    curve = SCALE * mag ** (1.0 / GAMMA) - OFFSET
    return np.copysign(np.where(mag > ENCODE_THRESHOLD, curve, mag * LINEAR_SLOPE), v)
