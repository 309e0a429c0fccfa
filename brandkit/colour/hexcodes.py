"""Hex colour codes as written in brand books, CSS and design tools.

Parsing is strict on purpose: a brand rule built on a mistyped code (a stray
character, a 5-digit code, fullwidth digits pasted from a PDF) should fail
loudly at load time rather than quietly compare against the wrong colour.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import ArrayLike

# ASCII only: int(..., 16) on its own would also accept "_" separators,
# surrounding whitespace and non-ASCII digits.
_LONG = re.compile(r"#?([0-9A-Fa-f]{6})")
_SHORT = re.compile(r"#([0-9A-Fa-f]{3})")


def parse_hex(s: str) -> tuple[int, int, int]:
    """Parse "#RRGGBB", "RRGGBB" or "#RGB" (any case) into 8-bit (r, g, b).

    A bare 3-digit "RGB" is rejected: without the "#" it is too easily a
    truncated 6-digit code. Whitespace is not stripped, so callers decide
    whether their input is allowed to carry it.
    """
    if not isinstance(s, str):
        raise ValueError(f"hex colour must be a string; got {type(s).__name__}")
    if m := _LONG.fullmatch(s):
        digits = m.group(1)
    elif m := _SHORT.fullmatch(s):
        digits = "".join(ch * 2 for ch in m.group(1))
    else:
        raise ValueError(f'invalid hex colour {s!r}: expected "#RRGGBB", "RRGGBB" or "#RGB"')
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def to_hex(rgb: ArrayLike) -> str:
    """Format one 8-bit colour as upper-case "#RRGGBB".

    Float channels are rounded to the nearest code so values that came back
    from a conversion work directly; anything outside 0..255 after rounding is
    an error rather than being clipped, because clipping would hide a bug.
    """
    arr = np.asarray(rgb)
    if arr.shape != (3,):
        raise ValueError(f"rgb must be three channels; got shape {arr.shape}")
    if not np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.complexfloating):
        raise ValueError(f"rgb channels must be real numbers; got dtype {arr.dtype}")
    rounded = np.rint(arr.astype(np.float64))
    if not np.all(np.isfinite(rounded)) or np.any((rounded < 0) | (rounded > 255)):
        raise ValueError(f"rgb channels must be within 0..255; got {arr.tolist()}")
    r, g, b = (int(v) for v in rounded)
    return f"#{r:02X}{g:02X}{b:02X}"
