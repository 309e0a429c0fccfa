"""Speed of the full raster check against Pillow's decode and a per-pixel baseline.

On the same generated images in one run:
- a 4000 x 3000 banner (brand blue, anti-aliased white and gold text, a photo-like area on 30%
  of it), saved as PNG and as JPEG;
- a flat 2000 x 2000 infographic (PNG).

For each: Pillow decode alone (``Image.open`` + ``load`` + ``convert("RGB")``), our full
``brandkit.checks.run`` on the same bytes (sniff, safety, decode, every content check), and
their ratio (target: at most 1.5x). The baseline is what a colormath-style checker does: for
every pixel, pure-Python sRGB -> Lab and a CIEDE2000 against each palette colour. It is timed
on a random sample of 20,000 pixels and extrapolated to all pixels (target: at least 1000x
slower than ours). Timings are the best of 3.
"""

from __future__ import annotations

import io
import math
import random
import time
from collections.abc import Callable

from PIL import Image

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import run as run_checks
from tests.corpus.build_content_corpus import banner, infographic, with_photo

REPEATS = 3
SAMPLE = 20_000
DECODE_TARGET = 1.5
SPEEDUP_TARGET = 1000.0


def _best_of(fn: Callable[[], object], repeats: int = REPEATS) -> tuple[float, object]:
    best = float("inf")
    result = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


# --- the per-pixel baseline (pure Python, as colormath does it) --------------------------------


def _linear(c: float) -> float:
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    r, g, b = (_linear(v) for v in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _de2000(lab1, lab2) -> float:
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if (a1p or b1) else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if (a2p or b2) else 0.0
    dL, dC = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    elif h2p - h1p > 180:
        dh = h2p - h1p - 360
    else:
        dh = h2p - h1p + 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    Lm, Cm = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hm = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hm = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hm = (h1p + h2p + 360) / 2
    else:
        hm = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hm - 30))
        + 0.24 * math.cos(math.radians(2 * hm))
        + 0.32 * math.cos(math.radians(3 * hm + 6))
        - 0.20 * math.cos(math.radians(4 * hm - 63))
    )
    d_theta = 30 * math.exp(-(((hm - 275) / 25) ** 2))
    rc = 2 * math.sqrt(Cm**7 / (Cm**7 + 25**7))
    sl = 1 + 0.015 * (Lm - 50) ** 2 / math.sqrt(20 + (Lm - 50) ** 2)
    sc = 1 + 0.045 * Cm
    sh = 1 + 0.015 * Cm * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh))


def baseline_seconds_per_pixel(img: Image.Image, palette: list[tuple[int, int, int]]) -> float:
    """Pure-Python per-pixel check on a random sample, seconds per pixel."""
    rgb = img.convert("RGB")
    rng = random.Random(0)
    w, h = rgb.size
    sample = [rgb.getpixel((rng.randrange(w), rng.randrange(h))) for _ in range(SAMPLE)]
    palette_lab = [_lab(c) for c in palette]
    tolerance = 3.0
    started = time.perf_counter()
    off = 0
    for pixel in sample:
        lab = _lab(pixel)
        if min(_de2000(lab, p) for p in palette_lab) > tolerance:
            off += 1
    return (time.perf_counter() - started) / SAMPLE


# --- the run -----------------------------------------------------------------------------------


def _decode(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im.convert("RGB")


def _encode(img: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.save(buf, "JPEG", quality=90)
    else:
        img.save(buf, "PNG")
    return buf.getvalue()


def run() -> list[str]:
    brandbook = parse_file(SKA_BRANDBOOK)
    palette = [tuple(c["rgb"]) for c in brandbook["colour"]["colours"]]
    big = with_photo(banner(4000, 3000), 0.3)
    cases = [
        ("banner 4000x3000 PNG", _encode(big, "PNG"), "banner.png", big),
        ("banner 4000x3000 JPEG", _encode(big, "JPEG"), "banner.jpg", big),
    ]
    flat = infographic(2000)
    cases.append(("infographic 2000x2000 PNG", _encode(flat, "PNG"), "infographic.png", flat))

    lines = [
        f"best of {REPEATS}; baseline: pure-Python sRGB->Lab + CIEDE2000 vs {len(palette)} "
        f"palette colours per pixel, {SAMPLE:,} random pixels, extrapolated"
    ]
    all_ok = True
    for label, data, name, img in cases:
        t_decode, _ = _best_of(lambda data=data: _decode(data))
        t_check, report = _best_of(
            lambda data=data, name=name: run_checks(data, filename=name, brandbook=brandbook)
        )
        per_pixel = baseline_seconds_per_pixel(img, palette)
        pixels = img.width * img.height
        t_baseline = per_pixel * pixels
        ratio = t_check / t_decode
        speedup = t_baseline / t_check
        ok = ratio <= DECODE_TARGET and speedup >= SPEEDUP_TARGET
        all_ok &= ok
        codes = sorted({f.code for f in report.findings})
        lines += [
            f"{label} ({len(data) / 1e6:.1f} MB): verdict {report.verdict}, {', '.join(codes)}",
            f"  Pillow decode {t_decode * 1e3:7.1f} ms | full check {t_check * 1e3:7.1f} ms | "
            f"check/decode {ratio:4.2f}x (target <= {DECODE_TARGET}x)",
            f"  per-pixel baseline {per_pixel * 1e6:5.1f} us/px x {pixels / 1e6:.0f} MP = "
            f"{t_baseline:7.1f} s | speed-up {speedup:,.0f}x (target >= {SPEEDUP_TARGET:,.0f}x)"
            f" | {'OK' if ok else 'TARGET MISSED'}",
        ]
    lines.append("all targets met" if all_ok else "SOME TARGETS MISSED")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
