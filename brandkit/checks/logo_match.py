"""Find brand logos in pixels: pure detection, no Django, no brand rules.

Why this method (measured on generated banners, see README "Logos in images"):
multi-scale normalised cross-correlation (OpenCV ``TM_CCOEFF_NORMED``) on greyscale finds a
flat-art logo down to ~40 px wide on flat colour, gradients and photos, and its sign says
whether the artwork appears in its own tones or inverted (a negative variant of the same
shape), which feature matching cannot tell. Feature matching (ORB/AKAZE + homography) needs
texture the simple logo shapes do not have at small sizes. The coarse search is cheap because
every scale is searched in a pyramid level where the template is only ~`COARSE_WIDTH` px wide;
the few candidates are then refined with ECC (``findTransformECC``, affine) at up to
`REFINE_WIDTH` px, which gives the x and y scale separately (stretching) to well under 1 %.

Templates are rendered once per artwork file and cached by the file's content hash
(`templates_for`), so an upload never renders the brandbook's SVGs again.
"""

from __future__ import annotations

import hashlib
import io
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

RENDER_WIDTH = 720  # px: the cached artwork is rendered this wide (the largest refine size)
COARSE_WIDTH = 24  # px: template width in the coarse search
REFINE_WIDTH = 240  # px: largest template width in the refinement
SCALE_STEP = 1.15  # ratio between neighbouring coarse widths
ASPECTS = (1.0,)  # coarse aspect guesses (stretched logos are found by the refinement)
PEAKS_PER_SCALE = 2
MID_WIDTH = 48  # px: template width while settling width and height
SETTLE_STEPS = (0.8, 0.87, 0.93, 1.07, 1.15, 1.25)  # factors tried on one axis at a time
SETTLE_FINE = (0.97, 1.03)
SETTLED_MIN_SCORE = 0.6  # |NCC| at MID_WIDTH below which a candidate is not refined
COARSE_MIN_SCORE = 0.45  # |NCC| a coarse peak needs to be refined
FOUND_SCORE = 0.72  # |NCC| of the refined match for a logo to count as found
MIN_WINDOW_STD = 4.0  # grey levels: flatter windows hold no logo (and NCC is unstable there)
COARSE_CANDIDATES = 8  # coarse peaks settled per coarse group
MAX_CANDIDATES = 3  # settled candidates refined per coarse group
CANDIDATE_SPREAD = 0.25  # only candidates within this |NCC| of the group's best are refined
MAX_CACHE = 64  # rendered artwork files kept in memory

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"


@dataclass(frozen=True)
class Template:
    """One logo variant's artwork as a greyscale template, cropped to the visible art."""

    logo: str
    variant: str
    tone: str | None  # "positive", "negative" or None (not declared)
    gray: np.ndarray  # float32 (h, w), 0..255, at RENDER_WIDTH
    rgb: np.ndarray  # uint8 (h, w, 3), the art over its ground

    @property
    def aspect(self) -> float:
        return self.gray.shape[1] / self.gray.shape[0]

    def sized(self, width: int, height: int) -> np.ndarray:
        """The template at (width, height), area-resampled from the nearest cached halving
        (resampling the full render every time costs more than the matching)."""
        source = self.gray
        for level in _halvings(self):
            if level.shape[1] >= width and level.shape[0] >= height:
                source = level
        return cv2.resize(source, (width, height), interpolation=cv2.INTER_AREA)


_halving_cache: dict[int, list[np.ndarray]] = {}


def _halvings(template: Template) -> list[np.ndarray]:
    key = id(template.gray)
    levels = _halving_cache.get(key)
    if levels is None or levels[0] is not template.gray:
        levels = [template.gray]
        while levels[-1].shape[1] >= 32 and levels[-1].shape[0] >= 8:
            h, w = levels[-1].shape
            levels.append(cv2.resize(levels[-1], (w // 2, h // 2), interpolation=cv2.INTER_AREA))
        if len(_halving_cache) > MAX_CACHE * 4:
            _halving_cache.clear()
        _halving_cache[key] = levels
    return levels


@dataclass(frozen=True)
class Match:
    """A logo found in the image, in the analysed image's pixels."""

    logo: str
    variant: str
    tone: str | None  # the tone the artwork shows in the image ("inverted" templates flip it)
    inverted: bool  # the image shows the template's tones reversed
    score: float  # |NCC| after refinement, 0..1
    x: float
    y: float
    width: float
    height: float
    aspect_change: float  # (shown aspect / artwork aspect) - 1; + means stretched wide

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.width, self.height)


# -- artwork ----------------------------------------------------------------------------------


def _render_svg(data: bytes) -> np.ndarray | None:
    import resvg_py

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    fonts = [str(FONT_DIR)] if FONT_DIR.is_dir() else None
    try:
        png = resvg_py.svg_to_bytes(
            svg_string=text,
            width=RENDER_WIDTH,
            skip_system_fonts=fonts is not None,
            font_dirs=fonts,
        )
    except (ValueError, RuntimeError, OSError):
        return None
    return _decode_png(bytes(png))


def _decode_png(data: bytes) -> np.ndarray | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=["PNG", "WEBP", "JPEG"]) as im:
            if im.width * im.height > 40_000_000:
                return None
            im.load()
            rgba = np.asarray(im.convert("RGBA"))
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    if rgba.shape[1] != RENDER_WIDTH and rgba.shape[1] > 0:
        height = max(1, round(rgba.shape[0] * RENDER_WIDTH / rgba.shape[1]))
        interp = cv2.INTER_AREA if rgba.shape[1] > RENDER_WIDTH else cv2.INTER_CUBIC
        rgba = cv2.resize(rgba, (RENDER_WIDTH, height), interpolation=interp)
    return rgba


def artwork_template(
    data: bytes, name: str, *, logo: str, variant: str, tone: str | None
) -> Template | None:
    """Render one artwork file (SVG, PNG, WebP or JPEG) to a template; None if it cannot be."""
    suffix = Path(name).suffix.lower()
    rgba = _render_svg(data) if suffix == ".svg" else _decode_png(data)
    if rgba is None or rgba.ndim != 3 or rgba.shape[2] != 4:
        return None
    alpha = rgba[..., 3]
    rows = np.flatnonzero(alpha.max(axis=1) > 16)
    cols = np.flatnonzero(alpha.max(axis=0) > 16)
    if rows.size < 4 or cols.size < 4:
        return None
    rgba = rgba[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    a = rgba[..., 3:4].astype(np.float32) / 255.0
    art = rgba[..., :3].astype(np.float32)
    # A transparent logo is matched over the ground it is designed for: dark art on white,
    # light art on black. Opaque artwork (a logo on its own plate) keeps its plate.
    covered = a[..., 0] > 0.5
    light_art = float(_luma(art[covered]).mean()) > 160 if covered.any() else False
    ground = 0.0 if (tone == "negative" or (tone is None and light_art)) else 255.0
    rgb = np.clip(art * a + ground * (1.0 - a), 0, 255).astype(np.uint8)
    gray = _luma(rgb.astype(np.float32))
    if float(gray.std()) < 2.0:
        return None
    return Template(logo=logo, variant=variant, tone=tone, gray=gray, rgb=rgb)


def _luma(rgb: np.ndarray) -> np.ndarray:
    return (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114).astype(np.float32)


_cache: OrderedDict[tuple, Template | None] = OrderedDict()
_cache_lock = threading.Lock()


def cached_template(
    data: bytes, name: str, *, logo: str, variant: str, tone: str | None
) -> Template | None:
    """`artwork_template`, rendered once per (file content, logo, variant, tone)."""
    key = (hashlib.sha256(data).hexdigest(), Path(name).suffix.lower(), logo, variant, tone)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    template = artwork_template(data, name, logo=logo, variant=variant, tone=tone)
    with _cache_lock:
        _cache[key] = template
        while len(_cache) > MAX_CACHE:
            _cache.popitem(last=False)
    return template


def _same_shape(a: Template, b: Template) -> bool:
    if a.logo != b.logo or abs(a.aspect / b.aspect - 1) > 0.01:
        return False
    size = (96, max(8, round(96 / a.aspect)))
    ga = cv2.resize(a.gray, size, interpolation=cv2.INTER_AREA)
    gb = cv2.resize(b.gray, size, interpolation=cv2.INTER_AREA)
    return abs(_ncc(ga, gb)) > 0.95


def _ncc(a: np.ndarray, b: np.ndarray) -> float:
    a = a - a.mean()
    b = b - b.mean()
    denominator = math.sqrt(float((a * a).sum()) * float((b * b).sum()))
    return float((a * b).sum()) / denominator if denominator > 1e-6 else 0.0


# -- search -----------------------------------------------------------------------------------


@dataclass
class _Candidate:
    templates: list[Template]  # the group searched together; refinement tries each
    score: float  # signed coarse NCC
    x: float  # analysis px
    y: float
    width: float
    height: float


class _Pyramid:
    """The image's greyscale at reduction factors, made once and shared by every template."""

    def __init__(self, gray: np.ndarray):
        self.gray = gray
        self.levels: dict[float, np.ndarray] = {1.0: gray}

    def at(self, factor: float) -> np.ndarray:
        """The image reduced by `factor`: halvings first (cheap, exact 2x2 means), then one
        resampling by less than 2 from the nearest halving."""
        level = self.levels.get(factor)
        if level is not None:
            return level
        octave = 2.0 ** math.floor(math.log2(factor))
        base = self.levels.get(octave)
        if base is None:
            parent = self.at(octave / 2)
            size = (max(1, parent.shape[1] // 2), max(1, parent.shape[0] // 2))
            base = cv2.resize(parent, size, interpolation=cv2.INTER_AREA)
            self.levels[octave] = base
        if octave == factor:
            return base
        h, w = self.gray.shape
        size = (max(1, round(w / factor)), max(1, round(h / factor)))
        level = cv2.resize(base, size, interpolation=cv2.INTER_AREA)
        self.levels[factor] = level
        return level


def _level_for(width: float) -> float:
    """A pyramid factor from a short list (2^(k/4), so levels are shared between widths and
    templates) that makes `width` at least COARSE_WIDTH px."""
    wanted = width / COARSE_WIDTH
    if wanted <= 1.0:
        return 1.0
    return 2.0 ** (math.floor(4 * math.log2(wanted)) / 4)


def coarse_groups(templates: list[Template]) -> list[list[Template]]:
    """Variants of one logo that look alike at the coarse size (same aspect, NCC > 0.8 or
    < -0.8: a negative variant, or a language version of the same artwork) are searched once
    together; the refinement then tells them apart at full detail. Different logos are
    searched apart: at 24 px two logos can look alike, and the weaker one would lose its
    candidates to the other's."""
    groups: list[list[Template]] = []
    for template in templates:
        for group in groups:
            lead = group[0]
            if (
                lead.logo == template.logo
                and abs(lead.aspect / template.aspect - 1) <= 0.05
                and abs(_ncc(_coarse_view(lead), _coarse_view(template))) > 0.8
            ):
                group.append(template)
                break
        else:
            groups.append([template])
    return groups


def _coarse_view(template: Template) -> np.ndarray:
    size = (COARSE_WIDTH * 2, max(4, round(COARSE_WIDTH * 2 / template.aspect)))
    return cv2.resize(template.gray, size, interpolation=cv2.INTER_AREA)


def _coarse(pyramid: _Pyramid, group: list[Template], widths: list[float]) -> list[_Candidate]:
    template = group[0]
    found: list[_Candidate] = []
    image_h, image_w = pyramid.gray.shape
    for width in widths:
        factor = _level_for(width)
        level = pyramid.at(factor)
        for aspect in ASPECTS:
            tw = max(8, round(width / factor))
            th = max(4, round(width / template.aspect * aspect / factor))
            if tw >= level.shape[1] or th >= level.shape[0]:
                continue
            small = template.sized(tw, th)
            if float(small.std()) < 1.0:
                continue
            result = cv2.matchTemplate(level, small, cv2.TM_CCOEFF_NORMED)
            cv2.patchNaNs(result, 0.0)
            for score, px, py in _peaks(result, level, tw, th, PEAKS_PER_SCALE):
                if abs(score) < COARSE_MIN_SCORE:
                    break
                found.append(
                    _Candidate(
                        group,
                        score,
                        px * factor,
                        py * factor,
                        min(tw * factor, image_w),
                        min(th * factor, image_h),
                    )
                )
    return found


def _peaks(result: np.ndarray, level: np.ndarray, tw: int, th: int, count: int):
    """The strongest |NCC| peaks, skipping windows too flat to hold a logo (NCC is noise
    there)."""
    magnitude = np.abs(result)
    given = 0
    for _ in range(count * 4):
        _min, best, _minloc, (px, py) = cv2.minMaxLoc(magnitude)
        if best < COARSE_MIN_SCORE:
            return
        x0, y0 = max(0, px - tw // 2), max(0, py - th // 2)
        magnitude[y0 : py + th // 2 + 1, x0 : px + tw // 2 + 1] = 0.0
        if float(level[py : py + th, px : px + tw].std()) < MIN_WINDOW_STD:
            continue
        yield float(result[py, px]), px, py
        given += 1
        if given >= count:
            return


def _box(candidate: _Candidate) -> tuple[float, float, float, float]:
    return (candidate.x, candidate.y, candidate.width, candidate.height)


def _iou(a: tuple, b: tuple) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    inter = ix * iy
    union = aw * ah + bw * bh - inter
    return inter / union if union > 0 else 0.0


def _settle(gray: np.ndarray, candidate: _Candidate) -> _Candidate | None:
    """Correct the coarse box's scale and aspect (the coarse grid is 15 % apart and assumes
    the artwork's own aspect) by a small grid search at ~MID_WIDTH px, so that ECC starts
    within its reach (a few per cent)."""
    image_h, image_w = gray.shape
    factor = max(1.0, candidate.width / MID_WIDTH)
    margin_x, margin_y = 0.35 * candidate.width, 0.35 * candidate.height
    x0 = max(0, int(candidate.x - margin_x))
    y0 = max(0, int(candidate.y - margin_y))
    x1 = min(image_w, int(math.ceil(candidate.x + candidate.width + margin_x)))
    y1 = min(image_h, int(math.ceil(candidate.y + candidate.height + margin_y)))
    window = gray[y0:y1, x0:x1]
    if factor > 1.0:
        size = (max(8, round(window.shape[1] / factor)), max(8, round(window.shape[0] / factor)))
        window = cv2.resize(window, size, interpolation=cv2.INTER_AREA)
    base = candidate.templates[0]
    sign = -1.0 if candidate.score < 0 else 1.0

    def fit(tw: float, th: float) -> tuple[float, int, int]:
        w, h = max(8, round(tw)), max(4, round(th))
        if w > window.shape[1] or h > window.shape[0]:
            return -1.0, 0, 0
        small = base.sized(w, h)
        result = cv2.matchTemplate(window, small, cv2.TM_CCOEFF_NORMED)
        cv2.patchNaNs(result, 0.0)
        if sign < 0:
            result = -result
        _min, best, _loc, (px, py) = cv2.minMaxLoc(result)
        return float(best), px, py

    tw, th = candidate.width / factor, candidate.height / factor
    best = (*fit(tw, th), tw, th)
    # A stretched logo is scaled along one axis: search each axis on its own, twice.
    for round_index, steps in enumerate((SETTLE_STEPS, SETTLE_STEPS, SETTLE_FINE)):
        if round_index == 1 and best[0] < COARSE_MIN_SCORE:
            return None  # nothing logo-like here even after the first pass: stop early
        for axis in (0, 1):
            _s, _x, _y, bw, bh = best
            for step in steps:
                w, h = (bw * step, bh) if axis == 0 else (bw, bh * step)
                score, px, py = fit(w, h)
                if score > best[0]:
                    best = (score, px, py, w, h)
    score, px, py, tw, th = best
    if score < SETTLED_MIN_SCORE:
        return None
    return _Candidate(
        candidate.templates,
        sign * score,
        x0 + px * factor,
        y0 + py * factor,
        tw * factor,
        th * factor,
    )


def _refine(gray: np.ndarray, candidate: _Candidate) -> Match | None:
    """ECC (affine) from the settled box: x and y scale separately, sub-pixel position. Every
    distinct artwork of the candidate's group is refined and the best fit kept."""
    image_h, image_w = gray.shape
    factor = max(1.0, candidate.width / REFINE_WIDTH)
    margin_x, margin_y = 0.2 * candidate.width, 0.2 * candidate.height
    x0 = max(0, int(candidate.x - margin_x))
    y0 = max(0, int(candidate.y - margin_y))
    x1 = min(image_w, int(math.ceil(candidate.x + candidate.width + margin_x)))
    y1 = min(image_h, int(math.ceil(candidate.y + candidate.height + margin_y)))
    window = gray[y0:y1, x0:x1]
    if factor > 1.0:
        size = (max(8, round(window.shape[1] / factor)), max(8, round(window.shape[0] / factor)))
        window = cv2.resize(window, size, interpolation=cv2.INTER_AREA)
    tw = max(8, round(candidate.width / factor))
    th = max(6, round(candidate.height / factor))
    if tw > window.shape[1] or th > window.shape[0]:
        return None
    inverted = candidate.score < 0
    start = np.array(
        [[1.0, 0.0, (candidate.x - x0) / factor], [0.0, 1.0, (candidate.y - y0) / factor]],
        dtype=np.float32,
    )
    shapes = _distinct(candidate.templates)

    def view(template: Template) -> np.ndarray:
        small = template.sized(tw, th)
        return 255.0 - small if inverted else small

    # Which artwork (e.g. which language version) fits best here: every one is scored where
    # the box has settled, and the ones close to the best are refined.
    views = [(shape, view(shape)) for shape in shapes]
    starts = [(_warped_ncc(window, small, start), shape, small) for shape, small in views]
    top = max(score for score, _shape, _small in starts)
    fits = []
    for start_score, shape, small in starts:
        if start_score >= top - 0.05:
            warp, score = _ecc(window, small, start)
            fits.append((score, shape, warp))
    score, template, warp = max(fits, key=lambda item: item[0])
    sx = math.hypot(float(warp[0, 0]), float(warp[1, 0]))
    sy = math.hypot(float(warp[0, 1]), float(warp[1, 1]))
    if not (0.2 < sx < 5 and 0.2 < sy < 5):
        return None
    corners = np.array([[0, 0, 1], [tw, 0, 1], [0, th, 1], [tw, th, 1]], dtype=np.float64)
    mapped = corners @ warp.astype(np.float64).T
    left, top = mapped.min(axis=0)
    right, bottom = mapped.max(axis=0)
    shown_aspect = (tw * sx) / (th * sy)
    tone = template.tone
    if inverted and tone in ("positive", "negative"):
        tone = "negative" if tone == "positive" else "positive"
    return Match(
        logo=template.logo,
        variant=template.variant,
        tone=tone,
        inverted=inverted,
        score=score,
        x=x0 + left * factor,
        y=y0 + top * factor,
        width=(right - left) * factor,
        height=(bottom - top) * factor,
        aspect_change=shown_aspect / template.aspect - 1.0,
    )


def _ecc(window: np.ndarray, small: np.ndarray, start: np.ndarray) -> tuple[np.ndarray, float]:
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 50, 1e-4)
    start_score = _warped_ncc(window, small, start)
    try:
        _rho, warp = cv2.findTransformECC(
            small, window, start.copy(), cv2.MOTION_AFFINE, criteria, None, 3
        )
    except cv2.error:
        return start, start_score
    score = _warped_ncc(window, small, warp) if np.all(np.isfinite(warp)) else 0.0
    if start_score > score:  # ECC wandered off: keep where it started
        return start, start_score
    return warp, score


_distinct_cache: dict[tuple[int, ...], list[Template]] = {}


def _distinct(templates: list[Template]) -> list[Template]:
    """Drop templates that are another one's artwork in reversed tones (a negative variant of
    the same shape): the NCC sign already tells those apart."""
    key = tuple(id(t.gray) for t in templates)
    cached = _distinct_cache.get(key)
    # ids can be reused after a template is freed: trust the cache only for the same objects
    if cached is not None and all(any(c is t for t in templates) for c in cached):
        return cached
    kept: list[Template] = []
    for template in templates:
        if not any(_same_shape(template, other) for other in kept):
            kept.append(template)
    if len(_distinct_cache) > MAX_CACHE:
        _distinct_cache.clear()
    _distinct_cache[key] = kept
    return kept


def _warped_ncc(window: np.ndarray, small: np.ndarray, warp: np.ndarray) -> float:
    th, tw = small.shape
    seen = cv2.warpAffine(
        window,
        warp,
        (tw, th),
        flags=cv2.INTER_LINEAR + cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=-1.0,
    )
    inside = seen >= 0
    if inside.mean() < 0.9:
        return 0.0
    return abs(_ncc(seen[inside], small[inside]))


def find_logos(
    gray: np.ndarray,
    templates: list[Template],
    *,
    min_width: float | dict[str, float] = 32.0,
    max_width: float | None = None,
) -> list[Match]:
    """Every logo found in a greyscale image (float32, 0..255), best first, no two overlapping.

    `min_width`/`max_width` bound the logo widths searched, in the image's pixels;
    `min_width` may be given per logo slug (the smallest widths are the costly ones to search,
    so each logo is searched only down to where it matters).
    """
    if gray.ndim != 2 or min(gray.shape) < 8 or not templates:
        return []
    gray = np.ascontiguousarray(gray, dtype=np.float32)
    image_h, image_w = gray.shape
    pyramid = _Pyramid(gray)
    candidates: list[_Candidate] = []
    for group in coarse_groups(templates):
        template = group[0]
        top = min(float(max_width or image_w), image_w, image_h * template.aspect * 1.25)
        if isinstance(min_width, dict):
            low = min(float(min_width.get(t.logo, 32.0)) for t in group)
        else:
            low = float(min_width)
        low = max(16.0, low)
        widths: list[float] = []
        width = low
        while width <= top:
            widths.append(width)
            width *= SCALE_STEP
        found = _coarse(pyramid, group, widths)
        found.sort(key=lambda c: -abs(c.score))
        kept: list[_Candidate] = []
        for candidate in found:  # near-identical boxes only: a stretched logo's right box
            # often overlaps a wrong-scale box with a higher coarse score
            if abs(candidate.score) < abs(found[0].score) - CANDIDATE_SPREAD:
                break
            if all(_iou(_box(candidate), _box(k)) < 0.7 for k in kept):
                kept.append(candidate)
            if len(kept) >= COARSE_CANDIDATES:
                break
        settled = [s for c in kept if (s := _settle(gray, c)) is not None]
        settled.sort(key=lambda c: -abs(c.score))
        chosen: list[_Candidate] = []
        for candidate in settled:
            if all(_iou(_box(candidate), _box(k)) < 0.5 for k in chosen):
                chosen.append(candidate)
            if len(chosen) >= MAX_CANDIDATES:
                break
        candidates += chosen
    matches = [m for c in candidates if (m := _refine(gray, c)) is not None]
    matches = [m for m in matches if m.score >= FOUND_SCORE]
    matches.sort(key=lambda m: -m.score)
    final: list[Match] = []
    for match in matches:
        if all(_iou(match.box, other.box) < 0.3 for other in final):
            final.append(match)
    return final


def to_gray(rgb: np.ndarray) -> np.ndarray:
    return _luma(rgb.astype(np.float32))


# -- around a found logo ----------------------------------------------------------------------

CONTENT_LEVELS = 48.0  # max channel difference from the fitted background that counts as content
TEXTURE_FACTOR = 3.0
CLEAR_SHARE = 0.02  # content above this share of the clear-space ring is an intrusion
EDGE_SLACK = 0.15  # the ring may leave the image by this share of the margin (measurement)


@dataclass(frozen=True)
class Surroundings:
    """What is around a logo box: its background and what intrudes on its clear space."""

    background: tuple[int, int, int]  # median sRGB of the clear-space ring (inside the image)
    content_share: float  # share of the ring (inside the image) that is not background
    intrusions: list[tuple[int, int, int, int]]  # boxes of intruding content, analysis px
    edges: list[str]  # sides where the clear space leaves the image: left/top/right/bottom
    zone: tuple[int, int, int, int]  # the clear-space zone, clipped to the image


def surroundings(rgb: np.ndarray, box: tuple[float, float, float, float], margin: float):
    """Measure the ring of width `margin` around `box` (analysis px).

    The background is a plane fitted per channel to the ring's pixels (twice, the second time
    without the pixels the first fit called content), so a gradient is background; a pixel
    more than CONTENT_LEVELS from it is content. A thin guard band next to the logo's edge is
    left out: anti-aliasing and JPEG ringing of the logo itself are not intrusions.
    """
    image_h, image_w = rgb.shape[:2]
    x, y, w, h = box
    margin = max(1.0, float(margin))
    guard = max(1.5, 0.05 * h)
    ox0, oy0 = math.floor(x - margin), math.floor(y - margin)
    ox1, oy1 = math.ceil(x + w + margin), math.ceil(y + h + margin)
    slack = EDGE_SLACK * margin + 1.0
    edges = [
        side
        for side, outside in (
            ("left", -ox0),
            ("top", -oy0),
            ("right", ox1 - image_w),
            ("bottom", oy1 - image_h),
        )
        if outside > slack
    ]
    cx0, cy0 = max(0, ox0), max(0, oy0)
    cx1, cy1 = min(image_w, ox1), min(image_h, oy1)
    zone = (cx0, cy0, max(0, cx1 - cx0), max(0, cy1 - cy0))
    if cx1 - cx0 < 2 or cy1 - cy0 < 2:
        return Surroundings((255, 255, 255), 0.0, [], edges, zone)
    patch = rgb[cy0:cy1, cx0:cx1, :3].astype(np.float32)
    yy, xx = np.mgrid[cy0:cy1, cx0:cx1]
    ring = ~((xx >= x - guard) & (xx < x + w + guard) & (yy >= y - guard) & (yy < y + h + guard))
    if not ring.any():
        return Surroundings((255, 255, 255), 0.0, [], edges, zone)
    pixels = patch[ring]
    background = tuple(int(v) for v in np.median(pixels, axis=0))
    design = np.stack(
        [np.ones(pixels.shape[0], np.float32), (xx[ring] - x) / 100.0, (yy[ring] - y) / 100.0],
        axis=1,
    )
    use = np.ones(pixels.shape[0], dtype=bool)
    residual = np.zeros(pixels.shape[0], dtype=np.float32)
    limit = CONTENT_LEVELS
    for _round in range(2):
        if use.sum() < 3:
            break
        coef, *_ = np.linalg.lstsq(design[use], pixels[use], rcond=None)
        residual = np.abs(pixels - design @ coef).max(axis=1)
        # On a photo the background itself varies: content must stand out from that texture
        # (TEXTURE_FACTOR x the typical residual), not merely from a flat colour.
        limit = max(CONTENT_LEVELS, TEXTURE_FACTOR * float(np.percentile(residual, 75)))
        use = residual <= limit
    content = residual > limit
    share = float(content.mean())
    intrusions: list[tuple[int, int, int, int]] = []
    if share > CLEAR_SHARE:
        mask = np.zeros(ring.shape, dtype=np.uint8)
        mask[ring] = content.astype(np.uint8)
        count, _labels, stats, _centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
        order = np.argsort(-stats[1:, cv2.CC_STAT_AREA])[:5] + 1 if count > 1 else []
        least = max(4, int(0.002 * ring.sum()))
        for index in order:
            bx, by, bw, bh, area = (int(v) for v in stats[index])
            if area >= least:
                intrusions.append((cx0 + bx, cy0 + by, bw, bh))
    return Surroundings(background, share, intrusions, edges, zone)
