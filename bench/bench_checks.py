"""Speed of the full raster check against Pillow's decode and a per-pixel baseline.

On the same generated images in one run:
- a 4000 x 3000 banner (brand blue, anti-aliased white and gold text, a photo-like area on 30%
  of it), saved as PNG and as JPEG;
- a flat 2000 x 2000 infographic (PNG).

For each: Pillow decode alone (``Image.open`` + ``load`` + ``convert("RGB")``), our full
``brandkit.checks.run`` on the same bytes (sniff, safety, decode, every content check except
the vision checks "text" and "logos", which bench_text and bench_vision time against Tesseract),
and their ratio (target: at most 1.5x). The baseline is what a colormath-style checker does: for
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

import numpy as np
from PIL import Image

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import CHECKS
from brandkit.checks import run as run_checks
from tests.corpus.build_content_corpus import banner, infographic, with_photo

REPEATS = 3
# The decode-bound checks; reading text and finding logos are timed against Tesseract alone by
# bench_text / bench_vision (issue 10).
NON_VISION = tuple(name for name in CHECKS if name not in ("text", "logos"))
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


# --- the colormath 3.0 path, reproduced (colormath itself fails on NumPy 2) ----------------------
# colormath converts one colour object at a time (sRGBColor -> XYZColor -> LabColor, a NumPy dot
# per pixel) and computes delta_e_cie2000 by building a 1-row NumPy matrix per comparison and
# running its vectorised formula on it. This reproduces that call pattern without the package.

_SRGB_TO_XYZ = np.array(
    [
        [0.412424, 0.357579, 0.180464],
        [0.212656, 0.715158, 0.0721856],
        [0.0193324, 0.119193, 0.950444],
    ]
)
_WHITE = (0.95047, 1.0, 1.08883)


class _Colour:
    def __init__(self, *values):
        self.values = values


def _cm_convert(rgb):
    srgb = _Colour(*rgb)
    linear = np.array([_linear(c) for c in srgb.values])
    xyz = _Colour(*np.dot(_SRGB_TO_XYZ, linear))
    ratios = [v / w for v, w in zip(xyz.values, _WHITE, strict=True)]
    f = [r ** (1 / 3) if r > 0.008856 else 7.787 * r + 16 / 116 for r in ratios]
    return _Colour(116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2]))


def _cm_delta_e_2000(c1, c2):
    v = np.array(c1.values)
    m = np.array([c2.values])
    L, a, b = v
    avg_lp = (L + m[:, 0]) / 2.0
    c1_ = np.sqrt(np.sum(np.power(v[1:], 2)))
    c2_ = np.sqrt(np.sum(np.power(m[:, 1:], 2), axis=1))
    avg_c = (c1_ + c2_) / 2.0
    g = 0.5 * (1 - np.sqrt(np.power(avg_c, 7.0) / (np.power(avg_c, 7.0) + np.power(25.0, 7.0))))
    a1p = (1.0 + g) * a
    a2p = (1.0 + g) * m[:, 1]
    c1p = np.sqrt(np.power(a1p, 2) + np.power(b, 2))
    c2p = np.sqrt(np.power(a2p, 2) + np.power(m[:, 2], 2))
    avg_cp = (c1p + c2p) / 2.0
    h1p = np.degrees(np.arctan2(b, a1p))
    h1p += (h1p < 0) * 360
    h2p = np.degrees(np.arctan2(m[:, 2], a2p))
    h2p += (h2p < 0) * 360
    wrap = np.fabs(h1p - h2p) > 180
    avg_hp = (h1p + h2p + wrap * np.where(h1p + h2p < 360, 360, -360)) / 2.0
    t = (
        1
        - 0.17 * np.cos(np.radians(avg_hp - 30))
        + 0.24 * np.cos(np.radians(2 * avg_hp))
        + 0.32 * np.cos(np.radians(3 * avg_hp + 6))
        - 0.2 * np.cos(np.radians(4 * avg_hp - 63))
    )
    diff = h2p - h1p
    delta_hp = diff - (diff > 180) * 360 + (diff < -180) * 360
    delta_lp = m[:, 0] - L
    delta_cp = c2p - c1p
    delta_hhp = 2 * np.sqrt(c2p * c1p) * np.sin(np.radians(delta_hp) / 2.0)
    s_l = 1 + ((0.015 * np.power(avg_lp - 50, 2)) / np.sqrt(20 + np.power(avg_lp - 50, 2.0)))
    s_c = 1 + 0.045 * avg_cp
    s_h = 1 + 0.015 * avg_cp * t
    delta_ro = 30 * np.exp(-(np.power(((avg_hp - 275) / 25), 2.0)))
    r_c = np.sqrt((np.power(avg_cp, 7.0)) / (np.power(avg_cp, 7.0) + np.power(25.0, 7.0)))
    r_t = -2 * r_c * np.sin(2 * np.radians(delta_ro))
    result = np.sqrt(
        np.power(delta_lp / s_l, 2)
        + np.power(delta_cp / s_c, 2)
        + np.power(delta_hhp / s_h, 2)
        + r_t * (delta_cp / s_c) * (delta_hhp / s_h)
    )
    return result[0].item()  # colormath: numpy.asscalar(), removed in NumPy 2


def colormath_seconds_per_pixel(img: Image.Image, palette: list[tuple[int, int, int]]) -> float:
    rgb = img.convert("RGB")
    rng = random.Random(1)
    w, h = rgb.size
    n = SAMPLE // 4
    sample = [rgb.getpixel((rng.randrange(w), rng.randrange(h))) for _ in range(n)]
    palette_lab = [_cm_convert(c) for c in palette]
    started = time.perf_counter()
    for pixel in sample:
        lab = _cm_convert(pixel)
        min(_cm_delta_e_2000(lab, p) for p in palette_lab)
    return (time.perf_counter() - started) / n


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
        f"best of {REPEATS}; baselines: per pixel sRGB->Lab + CIEDE2000 against {len(palette)} "
        "palette colours on a random sample, extrapolated: colormath 3.0's call pattern "
        "(one NumPy conversion and one 1-row NumPy CIEDE2000 per comparison), and a lean "
        "pure-Python loop as a lower bound"
    ]
    all_ok = True
    for label, data, name, img in cases:
        t_decode, _ = _best_of(lambda data=data: _decode(data))
        t_check, report = _best_of(
            lambda data=data, name=name: run_checks(
                data, filename=name, brandbook=brandbook, checks=NON_VISION
            )
        )
        per_pixel = baseline_seconds_per_pixel(img, palette)
        cm_per_pixel = colormath_seconds_per_pixel(img, palette)
        pixels = img.width * img.height
        t_baseline = per_pixel * pixels
        t_colormath = cm_per_pixel * pixels
        ratio = t_check / t_decode
        speedup = t_baseline / t_check
        cm_speedup = t_colormath / t_check
        ok = ratio <= DECODE_TARGET and cm_speedup >= SPEEDUP_TARGET
        all_ok &= ok
        codes = sorted({f.code for f in report.findings})
        lines += [
            f"{label} ({len(data) / 1e6:.1f} MB): verdict {report.verdict}, {', '.join(codes)}",
            f"  Pillow decode {t_decode * 1e3:7.1f} ms | full check {t_check * 1e3:7.1f} ms | "
            f"check/decode {ratio:4.2f}x (target <= {DECODE_TARGET}x)",
            f"  colormath-style baseline {cm_per_pixel * 1e6:6.1f} us/px x {pixels / 1e6:.0f} MP = "
            f"{t_colormath:7.1f} s | speed-up {cm_speedup:,.0f}x (target >= "
            f"{SPEEDUP_TARGET:,.0f}x) | {'OK' if ok else 'TARGET MISSED'}",
            f"  lean pure-Python lower bound {per_pixel * 1e6:5.1f} us/px = {t_baseline:7.1f} s"
            f" | speed-up {speedup:,.0f}x",
        ]
    lines.append("all targets met" if all_ok else "SOME TARGETS MISSED")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
