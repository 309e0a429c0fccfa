"""File sizes in the units our limits are set in: binary (KiB, MiB, GiB), so that a limit of
50 MiB reads "50 MiB" everywhere, not "52 MB" in one place and "50.0 MB" in another."""

from __future__ import annotations

from django.utils.formats import number_format

UNITS = ((1024**3, "GiB"), (1024**2, "MiB"), (1024, "KiB"))


def binary_size(size: int | float | None) -> str:
    """12 345 678 → "11,8 MiB" (in the reader's number format); whole numbers without decimals."""
    if size is None:
        return ""
    size = float(size)
    for factor, unit in UNITS:
        if size >= factor:
            value = size / factor
            digits = 0 if value == int(value) else 1
            return f"{number_format(round(value, digits), digits)} {unit}"
    return f"{int(size)} B"
