"""Raster colour analysis shared by the palette and contrast checks.

One pass over the (reduced) pixels gives a colour histogram with 5 bits per channel (32 768
bins), each non-empty bin carrying its pixel count, how many of those pixels are *flat*, and
its mean colour (sum / count, so a bin stands for the colours actually in it, not its centre).
Everything after that works on at most 32 768 bins instead of millions of pixels.

- Reduction: more than `MAX_ANALYSIS_PIXELS` pixels are subsampled with a stride (every k-th
  pixel of every k-th row). The decoder may already have reduced the image (JPEG draft mode);
  colour shares are ratios, so a uniform subsample estimates them without bias.
- Transparency: pixels with alpha < 128 are not part of the image's colour and are dropped.
- Flat pixels: a pixel whose every channel is within `FLAT_STEP` levels of both its right and
  its lower neighbour (in the analysed image). Areas of one colour are flat; anti-aliased edges,
  JPEG ringing, photographs and noise are not.
- Clusters: bins are merged greedily around the bin with the most flat pixels: every bin within
  the tolerance (CIEDE2000) of that seed joins it. A cluster is *significant* when its flat
  pixels cover at least `SIGNIFICANT_SHARE` (0.5%) of the opaque area: only an area of one
  colour can be significant, so edges and textures never form a colour of their own.

The result is cached for the last raster seen, so the palette and contrast checks share it.
"""

from __future__ import annotations

import math
import threading
import weakref
from dataclasses import dataclass, field

import numpy as np

from brandkit.colour import delta_e_2000, srgb8_to_lab

MAX_ANALYSIS_PIXELS = 480_000
FLAT_STEP = 12  # levels per channel (of 255)
BITS = 5
SHIFT = 8 - BITS
NBINS = 1 << (3 * BITS)
SIGNIFICANT_SHARE = 0.005  # a colour is significant from 0.5% of the opaque area (flat pixels)
SEED_SHARE = 0.0005  # bins below 0.05% of the area do not start a cluster
MAX_SEEDS = 256
MAX_CLUSTERS = 48
# Over the whole sRGB gamut, two colours within ΔE00 3 are at most ~7.5 ΔE76 apart (measured
# on 6 million random pairs); a Euclidean Lab distance above 8 x the tolerance therefore cannot
# be within the tolerance, and the costly CIEDE2000 is skipped for it.
PREFILTER_FACTOR = 8.0


@dataclass(frozen=True)
class Histogram:
    count: np.ndarray  # (K,) opaque pixels in each non-empty bin
    flat: np.ndarray  # (K,) of those, flat pixels
    rgb: np.ndarray  # (K, 3) mean sRGB of the bin, float 0..255
    lab: np.ndarray  # (K, 3) CIELAB D65 of the mean
    total: int  # opaque analysed pixels
    analysed: int  # analysed pixels, transparent ones included
    step: int  # subsampling stride (1 = every pixel)
    bins: np.ndarray | None = None  # (K,) the full bin number of each entry


@dataclass(frozen=True)
class Cluster:
    members: np.ndarray  # indices into the Histogram arrays
    rgb: np.ndarray  # (3,) flat-weighted mean sRGB, float 0..255
    lab: np.ndarray  # (3,)
    pixels: int  # every opaque pixel in the member bins
    flat: int  # flat pixels in the member bins


@dataclass(frozen=True)
class Clusters:
    significant: list[Cluster]  # most flat pixels first
    member_of: np.ndarray  # (K,) index into `significant`, -1 for none


@dataclass
class _Entry:
    pixels: weakref.ref
    alpha: weakref.ref | None
    histogram: Histogram
    clusters: dict[float, Clusters] = field(default_factory=dict)


_cache_lock = threading.Lock()
_cache: _Entry | None = None


def analysis_step(height: int, width: int) -> int:
    """The subsampling stride that brings height x width to at most MAX_ANALYSIS_PIXELS."""
    pixels = height * width
    if pixels <= MAX_ANALYSIS_PIXELS:
        return 1
    return math.ceil(math.sqrt(pixels / MAX_ANALYSIS_PIXELS))


def _as_rgb8(pixels: np.ndarray) -> np.ndarray:
    arr = np.asarray(pixels)
    if arr.ndim == 2:
        arr = arr[..., None]
    if arr.ndim != 3 or arr.shape[2] == 0:
        raise ValueError(f"pixels must have shape (h, w, 3); got {arr.shape}")
    if arr.shape[2] < 3:
        arr = arr[..., :1].repeat(3, axis=2)
    arr = arr[..., :3]
    if arr.dtype != np.uint8:
        arr = np.clip(np.nan_to_num(arr.astype(np.float64)), 0, 255).astype(np.uint8)
    return arr


def _bin_numbers(planes: np.ndarray) -> np.ndarray:
    idx = (planes[0] >> SHIFT).astype(np.uint16) << (2 * BITS)
    idx |= (planes[1] >> SHIFT).astype(np.uint16) << BITS
    idx |= planes[2] >> SHIFT
    return idx


def _flat_mask(planes: np.ndarray) -> np.ndarray:
    """True where all channels are within FLAT_STEP of the right and the lower neighbour.

    Computed in uint8 with wrap-around: |a - b| <= s exactly when (a - b + s) mod 256 <= 2s,
    which avoids widening the planes to int16. The last row and column have no neighbour on
    one side and count as not flat.
    """
    _, h, w = planes.shape
    flat = np.zeros((h, w), dtype=bool)
    if h < 2 or w < 2:
        return flat
    inner = None
    for plane in planes:
        here = plane[:-1, :-1]
        ok = (plane[:-1, 1:] - here + FLAT_STEP) <= 2 * FLAT_STEP
        ok &= (plane[1:, :-1] - here + FLAT_STEP) <= 2 * FLAT_STEP
        inner = ok if inner is None else inner & ok
    flat[:-1, :-1] = inner
    return flat


def compute_histogram(pixels: np.ndarray, alpha: np.ndarray | None = None) -> Histogram:
    rgb8 = _as_rgb8(pixels)
    h, w = rgb8.shape[:2]
    step = analysis_step(h, w)
    sub = rgb8[::step, ::step]
    planes = np.ascontiguousarray(np.moveaxis(sub, 2, 0))  # (3, h', w') uint8
    flat = _flat_mask(planes)
    idx = _bin_numbers(planes).ravel()
    flat = flat.ravel()
    channels = [plane.ravel() for plane in planes]
    analysed = idx.size
    if alpha is not None:
        a = np.asarray(alpha)
        if a.shape[:2] == (h, w):
            opaque = (a[::step, ::step] >= 128).ravel()
            if not opaque.all():
                idx = idx[opaque]
                flat = flat[opaque]
                channels = [c[opaque] for c in channels]
    # One unweighted bincount gives both counts: key = bin * 2 + flat.
    bins = idx.astype(np.intp)
    key = bins << 1
    key |= flat
    both = np.bincount(key, minlength=2 * NBINS).reshape(NBINS, 2)
    count = both.sum(axis=1)
    nonzero = np.flatnonzero(count)
    flat_count = both[nonzero, 1]
    count = count[nonzero]
    # Mean colour = the bin's base + the mean of the low bits of each channel. The low-bit
    # sums stay below 7 * pixels < 2**23 (pixels <= MAX_ANALYSIS_PIXELS * ~1.01), so red and
    # green share one float64 weight exactly (red * 2**23 + green < 2**53): two weighted
    # bincounts instead of three.
    low = (1 << SHIFT) - 1
    red_green = (channels[0] & low).astype(np.float64)
    red_green *= float(1 << 23)
    red_green += channels[1] & low
    rg = np.bincount(bins, weights=red_green, minlength=NBINS)[nonzero]
    blue = np.bincount(bins, weights=(channels[2] & low).astype(np.float64), minlength=NBINS)
    red = np.floor(rg / float(1 << 23))
    low_sums = np.stack([red, rg - red * float(1 << 23), blue[nonzero]], axis=1)
    top = (1 << BITS) - 1
    base = np.stack([(nonzero >> (2 * BITS)) & top, (nonzero >> BITS) & top, nonzero & top], 1)
    mean = base * float(1 << SHIFT) + low_sums / np.maximum(count, 1)[:, None]
    # Lab of the mean rounded to 8 bits: the lookup-table path of srgb8_to_lab, ~2x faster than
    # the formula on tens of thousands of bins; half a level moves ΔE00 by < 0.3.
    rounded = np.clip(np.rint(mean), 0, 255).astype(np.uint8)
    lab = srgb8_to_lab(rounded) if nonzero.size else np.zeros((0, 3))
    return Histogram(
        count=count.astype(np.int64),
        flat=flat_count.astype(np.int64),
        rgb=mean,
        lab=lab,
        total=int(count.sum()),
        analysed=int(analysed),
        step=step,
        bins=nonzero,
    )


def find_clusters(
    hist: Histogram,
    tolerance: float,
    weights: np.ndarray | None = None,
    subset: np.ndarray | None = None,
    significant_share: float = SIGNIFICANT_SHARE,
) -> Clusters:
    """Greedy merge of bins within `tolerance` (ΔE00) around the heaviest bins; see the module
    docstring. `weights` (default: flat pixels) decide the seeds and the significance; `subset`
    (default: all bins) limits which bins take part. Bins that joined an insignificant cluster
    cannot seed another one but stay free for a later significant cluster."""
    k = hist.count.size
    weights = hist.flat if weights is None else weights
    member_of = np.full(k, -1, dtype=np.intp)
    out: list[Cluster] = []
    if k == 0 or hist.total == 0:
        return Clusters(out, member_of)
    free_mask = np.ones(k, dtype=bool)
    if subset is not None:
        free_mask[:] = False
        free_mask[subset] = True
    tried = ~free_mask
    seed_min = max(1.0, SEED_SHARE * hist.total)
    significant_min = max(1.0, significant_share * hist.total)
    pool = np.flatnonzero(free_mask & (weights >= seed_min))
    order = pool[np.argsort(-weights[pool], kind="stable")][:MAX_SEEDS]
    radius2 = (PREFILTER_FACTOR * tolerance) ** 2
    lab_l, lab_a, lab_b = (np.ascontiguousarray(hist.lab[:, i]) for i in range(3))
    for seed in order:
        if not free_mask[seed] or tried[seed]:
            continue
        d2 = (lab_l - lab_l[seed]) ** 2
        d2 += (lab_a - lab_a[seed]) ** 2
        d2 += (lab_b - lab_b[seed]) ** 2
        candidates = np.flatnonzero((d2 <= radius2) & free_mask)
        de = delta_e_2000(hist.lab[candidates], hist.lab[seed])
        members = candidates[de <= tolerance]
        weight = float(weights[members].sum())
        if weight < significant_min:
            tried[members] = True
            continue
        member_of[members] = len(out)
        free_mask[members] = False
        w = weights[members].astype(np.float64)
        rgb = (hist.rgb[members] * w[:, None]).sum(axis=0) / w.sum()
        out.append(
            Cluster(
                members=members,
                rgb=rgb,
                lab=srgb8_to_lab(rgb),
                pixels=int(hist.count[members].sum()),
                flat=int(hist.flat[members].sum()),
            )
        )
        if len(out) >= MAX_CLUSTERS:
            break
    return Clusters(out, member_of)


def _entry(pixels: np.ndarray, alpha: np.ndarray | None) -> _Entry:
    global _cache
    entry = _cache
    if (
        entry is not None
        and entry.pixels() is pixels
        and ((entry.alpha is None and alpha is None) or (entry.alpha and entry.alpha() is alpha))
    ):
        return entry
    hist = compute_histogram(pixels, alpha)
    try:
        entry = _Entry(
            pixels=weakref.ref(pixels),
            alpha=weakref.ref(alpha) if alpha is not None else None,
            histogram=hist,
        )
    except TypeError:  # not weak-referenceable (not an ndarray): do not cache
        return _Entry(pixels=lambda: None, alpha=None, histogram=hist)
    with _cache_lock:
        _cache = entry
    return entry


def histogram(raster) -> Histogram:
    """The histogram of a RasterImage (cached for the last raster analysed)."""
    return _entry(raster.pixels, raster.alpha).histogram


def clusters(raster, tolerance: float) -> tuple[Histogram, Clusters]:
    entry = _entry(raster.pixels, raster.alpha)
    key = float(tolerance)
    found = entry.clusters.get(key)
    if found is None:
        found = find_clusters(entry.histogram, key)
        entry.clusters[key] = found
    return entry.histogram, found


def bin_map(raster, hist: Histogram) -> np.ndarray:
    """Which histogram entry each analysed pixel fell in: an (h', w') int32 array at the
    analysed (subsampled) size, -1 for transparent pixels. For finding *where* a colour is."""
    rgb8 = _as_rgb8(raster.pixels)
    h, w = rgb8.shape[:2]
    sub = rgb8[:: hist.step, :: hist.step]
    lut = np.full(NBINS, -1, dtype=np.int32)
    if hist.bins is not None and hist.bins.size:
        lut[hist.bins] = np.arange(hist.bins.size, dtype=np.int32)
    out = lut[_bin_numbers(np.moveaxis(sub, 2, 0))]
    alpha = raster.alpha
    if alpha is not None:
        a = np.asarray(alpha)
        if a.shape[:2] == (h, w):
            out[a[:: hist.step, :: hist.step] < 128] = -1
    return out
