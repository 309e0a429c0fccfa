"""Input coercion shared by the colour modules.

Every public function takes "anything array-like whose last axis is a colour",
so the check lives in one place and every caller gets the same error text.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def as_triplets(values: ArrayLike, name: str, dtype: type | None = np.float64) -> np.ndarray:
    """Coerce to an array of shape (..., 3).

    A wrong trailing axis would otherwise broadcast silently against the
    3x3 matrices and produce plausible garbage, so it is rejected up front.
    """
    arr = np.asarray(values, dtype=dtype)
    if arr.ndim == 0 or arr.shape[-1] != 3:
        raise ValueError(f"{name} must have shape (..., 3); got shape {arr.shape}")
    return arr
