"""Colour science for brand checks: sRGB/Lab conversion, CIEDE2000, WCAG contrast.

Pure NumPy with no Django imports, so it can be used from management
commands, background tasks, benchmarks and tests without a configured
project. Array functions accept any shape (..., 3); single colours as tuples
are fine too.
"""

from .ciede2000 import delta_e_2000, nearest
from .convert import lab_to_srgb, lab_to_srgb8, srgb8_to_lab, srgb_to_lab
from .hexcodes import parse_hex, to_hex
from .wcag import contrast_passes, contrast_ratio, relative_luminance

__all__ = [
    "contrast_passes",
    "contrast_ratio",
    "delta_e_2000",
    "lab_to_srgb",
    "lab_to_srgb8",
    "nearest",
    "parse_hex",
    "relative_luminance",
    "srgb8_to_lab",
    "srgb_to_lab",
    "to_hex",
]
