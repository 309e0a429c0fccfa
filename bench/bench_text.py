"""Speed of seeing text: the full check of a banner against Tesseract alone on the same image.

Targets (issue 10): the full check (`checks.run`: decode, every content check including the
text check) of a 1200×628 PNG banner with text and a logo has p95 ≤ 1.3 × the p95 of
Tesseract alone on the same image in the same run; a 1920×600 web hero ≤ 600 ms p95.

"Tesseract alone" is what a plain OCR of the file costs: Pillow decodes the PNG, it is
turned grey and given to the same tesserocr API (languages est+rus+eng, automatic page
segmentation, PSM 3), which recognises it and returns the text. The API object is built
before timing in both cases (one per worker process in the app as well). Wall-clock times
depend on what else runs on the machine, so the CPU time of the process (all threads) is
printed too, with the load average.

    make bench BENCH=bench_text     (or: python -m bench bench_text)

`measure(data, preset_slug)` is importable (bench_vision uses the same numbers).
"""

from __future__ import annotations

import io
import os
import time

import numpy as np
from PIL import Image

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import ocr
from brandkit.checks.registry import run as run_checks

REPEATS = 20
BRANDBOOK = parse_file(SKA_BRANDBOOK)


def _p(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values) * 1000.0, q))


def tesseract_alone(data: bytes) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process)."""
    started, cpu = time.perf_counter(), time.process_time()
    with Image.open(io.BytesIO(data)) as image:
        pixels = np.asarray(image.convert("RGB"))
    ocr.tesseract_alone(pixels)
    return time.perf_counter() - started, time.process_time() - cpu


def full_check(data: bytes, preset: dict | None) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    run_checks(data, filename="banner.png", brandbook=BRANDBOOK, preset=preset, languages=["et"])
    return time.perf_counter() - started, time.process_time() - cpu


def measure(data: bytes, preset_slug: str | None, repeats: int = REPEATS) -> dict:
    """p50/p95 in ms of the full check and of Tesseract alone, interleaved (so that load from
    other processes hits both alike), after one warm-up of each."""
    preset = next((p for p in BRANDBOOK["presets"] if p["slug"] == preset_slug), None)
    tesseract_alone(data)
    full_check(data, preset)
    alone, full = [], []
    for _ in range(repeats):
        alone.append(tesseract_alone(data))
        full.append(full_check(data, preset))
    wall_alone, cpu_alone = [a[0] for a in alone], [a[1] for a in alone]
    wall_full, cpu_full = [f[0] for f in full], [f[1] for f in full]
    return {
        "tesseract_p50": _p(wall_alone, 50),
        "tesseract_p95": _p(wall_alone, 95),
        "full_p50": _p(wall_full, 50),
        "full_p95": _p(wall_full, 95),
        "ratio_p95": _p(wall_full, 95) / _p(wall_alone, 95),
        "cpu_tesseract_p50": _p(cpu_alone, 50),
        "cpu_full_p50": _p(cpu_full, 50),
        "cpu_ratio_p50": _p(cpu_full, 50) / _p(cpu_alone, 50),
    }


def run():
    from tests import vision_banners as vb

    cases = [
        ("facebook-link 1200×628 PNG", vb.compliant(), "facebook-link"),
        (
            "web-hero 1920×600 PNG",
            vb.banner(
                1920,
                600,
                texts=[
                    vb.Text(
                        "Toetused ja pensionid ühest kohast", 64, (80, 150), font=vb.ROBOTO_BOLD
                    ),
                    vb.Text("Sotsiaalkindlustusamet aitab igas elujärgus", 40, (80, 260)),
                ],
            ),
            "web-hero",
        ),
    ]
    for label, data, preset in cases:
        m = measure(data, preset)
        yield (
            f"{label}: full check p50 {m['full_p50']:.0f} ms, p95 {m['full_p95']:.0f} ms; "
            f"Tesseract alone p50 {m['tesseract_p50']:.0f} ms, p95 {m['tesseract_p95']:.0f} ms; "
            f"ratio (p95) {m['ratio_p95']:.2f} (target ≤ 1.30); CPU time p50 "
            f"{m['cpu_full_p50']:.0f} ms vs {m['cpu_tesseract_p50']:.0f} ms, "
            f"ratio {m['cpu_ratio_p50']:.2f}"
        )
    yield f"   load average during the run: {os.getloadavg()[0]:.1f} (2 cores)"
