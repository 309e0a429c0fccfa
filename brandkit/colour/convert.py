"""sRGB <-> CIELAB conversion, D65 white, CIE 1931 2-degree observer.

Why Lab at D65 rather than the ICC's D50: brand colours are specified for and
viewed on sRGB displays, whose white is D65. Staying at D65 needs no chromatic
adaptation transform, so there is no Bradford-vs-CAT02 choice hiding inside
every number, and results match coloraide's ``lab-d65`` space.

White point: CIE D65 chromaticity x = 0.3127, y = 0.3290 (the 4-digit values
used by IEC 61966-2-1, CSS Color 4 and coloraide), i.e.
XYZ = (0.95045592705..., 1.0, 1.08905775076...). The often-quoted ASTM E308
tristimulus values (0.95047, 1.0, 1.08883) are *not* used: they differ by
~2e-4 relative and would move a*/b* by up to ~0.01 against coloraide.

Matrix: derived at import time from the sRGB (ITU-R BT.709) primaries and the
white above. It equals the matrix printed in IEC 61966-2-1 (0.4124, 0.3576,
...) to the 4 decimals printed there; the full-precision form is used because
the printed one does not map RGB (1, 1, 1) exactly onto the white, which would
give greys a spurious chroma of ~1e-4.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._arrays import as_triplets
from .transfer import srgb_decode, srgb_encode

# Chromaticities (x, y): sRGB/BT.709 primaries and D65.
_PRIMARIES_XY = np.array([[0.64, 0.33], [0.30, 0.60], [0.15, 0.06]])
D65_XY = (0.3127, 0.3290)


def _xy_to_xyz(xy: np.ndarray) -> np.ndarray:
    x, y = xy[..., 0], xy[..., 1]
    return np.stack([x / y, np.ones_like(x), (1.0 - x - y) / y], axis=-1)


def _rgb_to_xyz_matrix() -> np.ndarray:
    # Scale each primary's XYZ column so that R = G = B = 1 lands on the white.
    columns = _xy_to_xyz(_PRIMARIES_XY).T
    scale = np.linalg.solve(columns, D65_WHITE)
    return columns * scale


D65_WHITE = _xy_to_xyz(np.array(D65_XY))
SRGB_TO_XYZ = _rgb_to_xyz_matrix()
XYZ_TO_SRGB = np.linalg.inv(SRGB_TO_XYZ)

# CIE 15:2004 constants in their exact rational form. Using 0.008856 and
# 903.3 instead would make the two halves of f(t) fail to meet and differ
# from coloraide at the ~1e-4 level near black.
EPSILON = 216.0 / 24389.0
KAPPA = 24389.0 / 27.0
_F_KNEE = 6.0 / 29.0

# Linear-light relative XYZ divided by the white in one matrix: one fewer
# full-size temporary on million-pixel images.
_LINEAR_TO_XYZ_REL = (SRGB_TO_XYZ / D65_WHITE[:, None]).T
_XYZ_REL_TO_LINEAR = (XYZ_TO_SRGB * D65_WHITE[None, :]).T

# All 256 8-bit code values decoded once: indexing beats a power() per
# channel by a wide margin on image-sized inputs.
_LINEAR_FROM_8BIT = srgb_decode(np.arange(256, dtype=np.float64) / 255.0)


def _linear_to_lab(linear: np.ndarray) -> np.ndarray:
    t = linear @ _LINEAR_TO_XYZ_REL
    f = np.where(t > EPSILON, np.cbrt(t), (KAPPA * t + 16.0) / 116.0)
    lab = np.empty_like(f)
    lab[..., 0] = 116.0 * f[..., 1] - 16.0
    lab[..., 1] = 500.0 * (f[..., 0] - f[..., 1])
    lab[..., 2] = 200.0 * (f[..., 1] - f[..., 2])
    return lab


def srgb_to_lab(rgb01: ArrayLike) -> np.ndarray:
    """Gamma-encoded sRGB floats (nominally 0..1, shape (..., 3)) to Lab D65.

    Values outside 0..1 are accepted so that out-of-gamut colours from
    elsewhere in the pipeline can be measured rather than rejected.
    """
    return _linear_to_lab(srgb_decode(as_triplets(rgb01, "rgb01")))


def srgb8_to_lab(rgb: ArrayLike) -> np.ndarray:
    """8-bit sRGB (0..255, any int or float dtype, shape (..., 3)) to Lab D65.

    Integer input in range takes a lookup-table path; anything else (floats,
    or out-of-range integers) takes the formula path, and the two agree to
    the last few ulps so callers never need to care which one ran.
    """
    arr = as_triplets(rgb, "rgb", dtype=None)
    if arr.dtype.kind in "ui" and arr.size and arr.min() >= 0 and arr.max() <= 255:
        linear = _LINEAR_FROM_8BIT[arr]
    else:
        linear = srgb_decode(arr.astype(np.float64) / 255.0)
    return _linear_to_lab(linear)


def lab_to_srgb(lab: ArrayLike) -> np.ndarray:
    """Lab D65 to gamma-encoded sRGB floats, deliberately *not* clipped.

    Leaving out-of-gamut channels outside 0..1 lets callers detect and report
    an unprintable brand colour instead of silently getting its nearest clip.
    """
    arr = as_triplets(lab, "lab")
    fy = (arr[..., 0] + 16.0) / 116.0
    f = np.stack([fy + arr[..., 1] / 500.0, fy, fy - arr[..., 2] / 200.0], axis=-1)
    t = np.where(f > _F_KNEE, f**3, (116.0 * f - 16.0) / KAPPA)
    return srgb_encode(t @ _XYZ_REL_TO_LINEAR)


def lab_to_srgb8(lab: ArrayLike) -> np.ndarray:
    """Lab D65 to displayable 8-bit sRGB (uint8), clipped then rounded.

    For when a colour has to be shown or stored as pixels; use
    ``lab_to_srgb`` when knowing that it was out of gamut matters.
    """
    scaled = np.rint(lab_to_srgb(lab) * 255.0)
    return np.clip(scaled, 0.0, 255.0).astype(np.uint8)
