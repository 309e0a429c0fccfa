"""Where on the image: connected regions of a pixel mask, as boxes in the original's pixels.

The checks analyse a reduced copy of the image (the decoder may shrink it, the colour analysis
subsamples it); a reviewer needs the place in the file they uploaded. Every finding with a
place carries ``details["boxes"] = [[x, y, w, h], …]`` in the original image's pixels, the
biggest region first, so the report page and ``checkfile --evidence`` can draw them.

Regions are the 8-connected components of the mask after joining pixels closer than `join`
analysed pixels (so the letters of a word, or the pieces of a colour area cut by text, make one
region); each box is the extent of the mask's own pixels in that region, not of the joined area.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_BOXES = 8


@dataclass(frozen=True)
class Region:
    pixels: int  # mask pixels in the region (analysed pixels)
    x: int
    y: int
    w: int
    h: int


def regions(mask: np.ndarray, *, join: int = 0, min_pixels: int = 1) -> list[Region]:
    """The connected regions of `mask` (2-D bool), biggest (most mask pixels) first."""
    import cv2

    mask = np.asarray(mask, dtype=bool)
    if mask.ndim != 2 or not mask.any():
        return []
    grown = mask.astype(np.uint8)
    if join > 0:
        kernel = np.ones((2 * join + 1, 2 * join + 1), np.uint8)
        grown = cv2.dilate(grown, kernel)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    if count <= 1:
        return []
    if join <= 0:
        found = [
            Region(int(s[4]), int(s[0]), int(s[1]), int(s[2]), int(s[3]))
            for s in stats[1:]
            if s[4] >= min_pixels
        ]
    else:
        ys, xs = np.nonzero(mask)
        owner = labels[ys, xs]
        pixels = np.bincount(owner, minlength=count)
        x0 = np.full(count, np.iinfo(np.int64).max)
        y0 = np.full(count, np.iinfo(np.int64).max)
        x1 = np.full(count, -1)
        y1 = np.full(count, -1)
        np.minimum.at(x0, owner, xs)
        np.minimum.at(y0, owner, ys)
        np.maximum.at(x1, owner, xs)
        np.maximum.at(y1, owner, ys)
        found = [
            Region(
                int(pixels[i]),
                int(x0[i]),
                int(y0[i]),
                int(x1[i] - x0[i] + 1),
                int(y1[i] - y0[i] + 1),
            )
            for i in range(1, count)
            if pixels[i] >= min_pixels
        ]
    found.sort(key=lambda r: (-r.pixels, r.y, r.x))
    return found


def to_original(
    found: list[Region],
    *,
    analysed_shape: tuple[int, int],
    original_size: tuple[int, int],
    limit: int = MAX_BOXES,
) -> list[list[int]]:
    """Boxes [x, y, w, h] in the original's pixels for the first `limit` regions.

    `analysed_shape` is (rows, columns) of the analysed array, `original_size` (width, height)
    of the file; the box grows outwards to whole original pixels and stays inside the image."""
    rows, cols = analysed_shape
    width, height = original_size
    if not rows or not cols or width <= 0 or height <= 0:
        return []
    fx, fy = width / cols, height / rows
    out = []
    for r in found[:limit]:
        x0 = max(0, int(np.floor(r.x * fx)))
        y0 = max(0, int(np.floor(r.y * fy)))
        x1 = min(width, int(np.ceil((r.x + r.w) * fx)))
        y1 = min(height, int(np.ceil((r.y + r.h) * fy)))
        if x1 > x0 and y1 > y0:
            out.append([x0, y0, x1 - x0, y1 - y0])
    return out


def mask_boxes(
    mask: np.ndarray,
    original_size: tuple[int, int],
    *,
    join: int | None = None,
    limit: int = MAX_BOXES,
    min_share: float = 0.0002,
) -> list[list[int]]:
    """Boxes of the regions of `mask` (an analysed-size bool array) in the original's pixels.

    By default pixels up to 1% of the short side apart are joined, and regions smaller than
    0.02% of the image are left out unless nothing else is left."""
    mask = np.asarray(mask, dtype=bool)
    if mask.ndim != 2 or not mask.any():
        return []
    if join is None:
        join = max(1, round(0.01 * min(mask.shape)))
    min_pixels = max(1, int(min_share * mask.size))
    found = regions(mask, join=join)
    kept = [r for r in found if r.pixels >= min_pixels] or found[:1]
    return to_original(kept, analysed_shape=mask.shape, original_size=original_size, limit=limit)


def adjacency(labels: np.ndarray, count: int, gap: int = 2) -> np.ndarray:
    """(count, count) how often labels a and b (>= 0) meet `gap` pixels apart, horizontally or
    vertically; symmetric. A gap of 2 steps over the one-pixel blended edge between two areas."""
    labels = np.asarray(labels)
    out = np.zeros((count, count), dtype=np.int64)
    if count == 0 or labels.ndim != 2:
        return out
    for a, b in (
        (labels[:, :-gap], labels[:, gap:]),
        (labels[:-gap, :], labels[gap:, :]),
    ):
        if not a.size:
            continue
        keep = (a >= 0) & (b >= 0) & (a != b)
        if keep.any():
            pair = a[keep].astype(np.int64) * count + b[keep]
            out += np.bincount(pair, minlength=count * count).reshape(count, count)
    return out + out.T


def label(mask: np.ndarray, *, join: int = 0) -> tuple[int, np.ndarray]:
    """(count, labels): 8-connected components of `mask` after joining pixels `join` apart;
    label 0 is the background. Labels cover the joined area, so a mask pixel always has one."""
    import cv2

    grown = np.asarray(mask, dtype=np.uint8)
    if join > 0:
        grown = cv2.dilate(grown, np.ones((2 * join + 1, 2 * join + 1), np.uint8))
    count, labels = cv2.connectedComponents(grown, connectivity=8)
    return int(count), labels
