"""Throughput of the colour maths on image-sized inputs.

The brand checks convert every pixel of an uploaded asset to Lab and compare
it with the palette, so these two numbers bound how long a check can take.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from brandkit.colour import delta_e_2000, srgb8_to_lab

N = 1_000_000
REPEATS = 3


def _best_of(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def run() -> list[str]:
    rng = np.random.default_rng(0)
    rgb8 = rng.integers(0, 256, size=(N, 3), dtype=np.uint8)
    lab = srgb8_to_lab(rgb8)
    palette_colour = srgb8_to_lab(np.array([0, 114, 206], dtype=np.uint8))

    t_uint8 = _best_of(lambda: srgb8_to_lab(rgb8))
    rgb_float = rgb8.astype(np.float64)
    t_float = _best_of(lambda: srgb8_to_lab(rgb_float))
    t_de = _best_of(lambda: delta_e_2000(lab, palette_colour))

    def line(label: str, seconds: float) -> str:
        return f"{label:<44} {seconds * 1e3:8.1f} ms  ({N / seconds / 1e6:5.1f} M/s)"

    return [
        f"best of {REPEATS}, {N:,} random colours, numpy {np.__version__}",
        line("srgb8_to_lab, uint8 input (lookup table)", t_uint8),
        line("srgb8_to_lab, float64 input (formula)", t_float),
        line("delta_e_2000, 1,000,000 x 1 palette colour", t_de),
    ]


if __name__ == "__main__":
    print("\n".join(run()))
