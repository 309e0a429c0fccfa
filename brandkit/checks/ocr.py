"""Read text in pixels with Tesseract (tesserocr) and measure what a reader sees of it.

Reading. The grey image is first flattened against its local background (`flatten`), so that
one global threshold separates text of any colour from any background. One `PyTessBaseAPI` per
thread (Tesseract objects are not thread-safe; building one
costs ~0.3 s, so it is kept), languages est+rus+eng (whichever of them are installed),
`OMP_THREAD_LIMIT=1` unless set (OpenMP threads only fight the other workers on a small
machine). Two passes over the grey image:
1. the whole image, sparse-text layout (PSM 11: banners are scattered text, not pages);
   Tesseract reads text down to about 10 px font size;
2. small text: Tesseract drops lines whose x-height is below ~6 px. Candidate lines are found
   with OpenCV (morphological gradient, Otsu, a horizontal closing that joins small letters,
   connected components 4–18 px high and at least 4× as wide, 32 px or more), outside the
   lines of pass 1, and each is read enlarged 2–3× as a single line (Estonian, then Russian).
   At most `MAX_SMALL_CANDIDATES` are read.

Garbage filter. Photos, logos and textures make Tesseract "read" noise. A word counts only when
its confidence is at least `MIN_WORD_CONF` and it has at least two letters, mostly letters or
digits, and no letter-digit-letter soup; a line counts only with at least `MIN_LINE_LETTERS`
letters in such words. Lines that are mostly rejected words are dropped.

Measuring (all in analysis pixels; `rasterise` says how they map to the original):
- glyph pixels versus background pixels inside a word's box: Otsu split of CIE L* (the 2
  clusters of lightness), the background cluster being the one whose lightness is nearer the
  ring of pixels just outside the box (the local background; on gradients and photos this is
  what surrounds the word, not the image's average). The text colour is the median of the
  glyph cluster's "core" (its fifth farthest from the threshold, so anti-aliased edges and JPEG
  ringing do not pull it towards the background: thin strokes of small text are mostly edge),
  the background's from the half of its cluster farthest from the threshold.
- size: letters sitting on the baseline (connected components of the glyph mask whose bottom is
  at the baseline) give the baseline and the top of the tallest letters. When the text read has
  capitals, digits or ascender letters, that height is the cap/ascender height, taken as 0.74 em
  (between cap height and ascender: Roboto 0.711/0.75, Arial 0.716/0.73, DejaVu Sans
  0.729/0.76, so capitals alone read ~4 % small and ascenders ~1 % large); else
  it is the x-height, taken as 0.53 em (Roboto 0.528, Arial 0.519, DejaVu 0.547). Font px =
  height / ratio; the error is about ±5 % for common sans-serif faces.
"""

from __future__ import annotations

import os
import pathlib
import threading
import time
import unicodedata
from dataclasses import dataclass, field

import numpy as np

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import cv2  # noqa: E402  (after the OpenMP limit)

WANTED_LANGUAGES = ("est", "rus", "eng")
MIN_WORD_CONF = 60.0
MIN_LINE_LETTERS = 3
SHORT_WORD_CONF = 85.0
MAX_SMALL_CANDIDATES = 12
FLAT_DEAD_ZONE = 16
FLAT_GAIN = 5
FLAT_NOISE_FACTOR = 1.5
CAP_HEIGHT_EM = 0.74
X_HEIGHT_EM = 0.53
TALL_LETTERS = set("bdfhklt0123456789бдё") | {"ß"}

_local = threading.local()
cv2.setNumThreads(1)


@dataclass
class Word:
    text: str
    conf: float
    box: tuple[int, int, int, int]  # x, y, w, h in analysis pixels


@dataclass
class Line:
    text: str
    conf: float
    box: tuple[int, int, int, int]
    words: list[Word] = field(default_factory=list)
    enlarged: bool = False  # read in the small-text pass


def tessdata_path() -> str | None:
    """The directory holding the .traineddata files: $TESSDATA_PREFIX (itself or its tessdata/
    subdirectory), then the Debian/Ubuntu and /usr/local locations."""
    candidates: list[pathlib.Path] = []
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        candidates += [pathlib.Path(prefix), pathlib.Path(prefix) / "tessdata"]
    for base in ("/usr/share/tesseract-ocr", "/usr/local/share/tesseract-ocr"):
        root = pathlib.Path(base)
        if root.is_dir():
            candidates += sorted(root.glob("*/tessdata"), reverse=True)
    candidates += [pathlib.Path("/usr/share/tessdata"), pathlib.Path("/usr/local/share/tessdata")]
    for path in candidates:
        if (path / "eng.traineddata").is_file():
            return str(path)
    return None


def languages(path: str | None = None) -> list[str]:
    path = path or tessdata_path()
    if not path:
        return []
    return [
        lang for lang in WANTED_LANGUAGES if (pathlib.Path(path) / f"{lang}.traineddata").is_file()
    ]


def available() -> bool:
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return False
    return bool(languages())


def _api(only: str | None = None):
    """This thread's API for all languages, or for the one language `only` (the small-text pass:
    on hard-to-read lines Tesseract tries every loaded language in turn, 3× the time)."""
    apis = getattr(_local, "apis", None)
    if apis is None:
        apis = _local.apis = {}
    api = apis.get(only)
    if api is None:
        import tesserocr

        path = tessdata_path()
        langs = languages(path)
        if not path or not langs:
            raise RuntimeError("Tesseract language data (eng, est, rus) not found")
        if only is not None:
            langs = [only] if only in langs else langs[-1:]
        api = tesserocr.PyTessBaseAPI(
            path=path, lang="+".join(langs), psm=tesserocr.PSM.SPARSE_TEXT
        )
        apis[only] = api
    return api


def grey(pixels: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY))


def flatten(image: np.ndarray) -> np.ndarray:
    """Dark strokes on white wherever the image departs from its local background.

    Tesseract binarises the page with one global Otsu threshold, which fails as soon as a page
    has three tones: white text on gold beside a dark-blue logo is split blue | gold+white and
    the text vanishes. The local background is a median over a window of about an eighth of
    the shorter side (computed at quarter size: cheap, and wider than the strokes of a 100 px
    bold headline), per colour channel for an RGB image: green text on a brown background of
    the same lightness is invisible in grey but not in colour. The largest channel distance from
    it, less a dead zone (16 levels for JPEG noise, plus twice the median distance around the
    pixel: a photo's own texture) and amplified 5×, inverted, gives text of either polarity,
    any colour and any contrast as dark strokes on white."""
    height, width = image.shape[:2]
    small = cv2.resize(image, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    k = max(15, int(min(height, width) / 32) | 1)
    k = min(k, (min(small.shape[:2]) - 1) | 1) if min(small.shape[:2]) > 3 else 1
    if k < 3:
        return grey(image) if image.ndim == 3 else image
    background = cv2.resize(
        cv2.medianBlur(np.ascontiguousarray(small), k),
        (width, height),
        interpolation=cv2.INTER_LINEAR,
    )
    distance = cv2.absdiff(image, background)
    if distance.ndim == 3:
        red, green, blue = cv2.split(distance)
        distance = cv2.max(cv2.max(red, green), blue)
    # how far the background itself strays here (a photo's texture): text must stand out of it
    noise_small = cv2.medianBlur(
        cv2.resize(distance, (small.shape[1], small.shape[0]), interpolation=cv2.INTER_AREA), k
    )
    dead = cv2.convertScaleAbs(  # 16 + 1.5 × noise, saturating uint8 arithmetic throughout
        cv2.resize(noise_small, (width, height), interpolation=cv2.INTER_LINEAR),
        alpha=FLAT_NOISE_FACTOR,
        beta=FLAT_DEAD_ZONE,
    )
    dark = cv2.multiply(cv2.subtract(distance, dead), FLAT_GAIN)
    return np.ascontiguousarray(cv2.bitwise_not(dark))


# -- the garbage filter -------------------------------------------------------------------------


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def wordlike(text: str) -> bool:
    """A real word or number rather than noise read from a texture."""
    core = text.strip(".,:;!?\"'«»„“”()[]–-—/")
    if len(core) < 2:
        return False
    alnum = sum(1 for ch in core if ch.isalnum())
    if alnum / len(core) < 0.7:
        return False
    if letters(core) == 0:
        return sum(ch.isdigit() for ch in core) >= 2
    scripts = {unicodedata.name(ch, "?").split()[0] for ch in core if ch.isalpha()}
    if len(scripts - {"LATIN", "CYRILLIC"}) or len(scripts) > 1:
        return False  # mixed or exotic scripts inside one word: noise
    # letter-digit-letter soup ("a1b2") is noise; "2026a", "A4" or "e-teenus" are fine
    kinds = [ch.isalpha() for ch in core if ch.isalnum()]
    changes = sum(1 for a, b in zip(kinds, kinds[1:], strict=False) if a != b)
    return changes <= 1


def _short_word(word: Word) -> bool:
    """A confidently read one-letter word ("и", "a", "&"): kept in the text, not counted."""
    return len(word.text) == 1 and word.conf >= SHORT_WORD_CONF and not word.text.isdigit()


def _keep(line: Line) -> Line | None:
    words = [
        w for w in line.words if w.conf >= MIN_WORD_CONF and (wordlike(w.text) or _short_word(w))
    ]
    real = [w for w in words if not _short_word(w)]
    if not real or sum(letters(w.text) for w in real) < MIN_LINE_LETTERS:
        return None
    if len(words) < 0.5 * len(line.words):
        return None
    x0 = min(w.box[0] for w in words)
    y0 = min(w.box[1] for w in words)
    x1 = max(w.box[0] + w.box[2] for w in words)
    y1 = max(w.box[1] + w.box[3] for w in words)
    return Line(
        text=" ".join(w.text for w in words),
        conf=float(np.mean([w.conf for w in words])),
        box=(x0, y0, x1 - x0, y1 - y0),
        words=words,
        enlarged=line.enlarged,
    )


# -- reading ------------------------------------------------------------------------------------


def _lines_from(api, offset=(0, 0), factor: float = 1.0, enlarged: bool = False) -> list[Line]:
    from tesserocr import RIL

    out: list[Line] = []
    iterator = api.GetIterator()
    if iterator is None:
        return out
    current: Line | None = None
    ox, oy = offset

    def box(bb) -> tuple[int, int, int, int]:
        x0, y0, x1, y1 = bb
        return (
            int(round(ox + x0 / factor)),
            int(round(oy + y0 / factor)),
            max(1, int(round((x1 - x0) / factor))),
            max(1, int(round((y1 - y0) / factor))),
        )

    while True:
        if iterator.Empty(RIL.WORD):
            if not iterator.Next(RIL.WORD):
                break
            continue
        if current is None or iterator.IsAtBeginningOf(RIL.TEXTLINE):
            bb = iterator.BoundingBox(RIL.TEXTLINE)
            if bb is not None:
                current = Line(text="", conf=0.0, box=box(bb), enlarged=enlarged)
                out.append(current)
        text = (iterator.GetUTF8Text(RIL.WORD) or "").strip()
        bb = iterator.BoundingBox(RIL.WORD)
        if text and bb is not None and current is not None:
            current.words.append(Word(text=text, conf=iterator.Confidence(RIL.WORD), box=box(bb)))
        if not iterator.Next(RIL.WORD):
            break
    return out


def _overlaps(a, b) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def small_candidates(g: np.ndarray, taken: list[tuple[int, int, int, int]]):
    """Boxes that look like lines of small text (see the module docstring)."""
    grad = cv2.morphologyEx(g, cv2.MORPH_GRADIENT, np.ones((2, 2), np.uint8))
    level, _ = cv2.threshold(grad, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    _, bw = cv2.threshold(grad, max(level, 40), 255, cv2.THRESH_BINARY)
    closed = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, np.ones((1, 7), np.uint8))
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    found = []
    for x, y, w, h, area in stats[1:count]:
        if not (4 <= h <= 18 and w >= 4 * h and w >= 32):
            continue
        if not 0.25 <= area / (w * h) <= 0.95:
            continue
        pad = (x - 2, y - 2, w + 4, h + 4)
        if any(_overlaps(pad, t) for t in taken):
            continue
        found.append((int(x), int(y), int(w), int(h)))
    found = _merge_rows(found)
    found.sort(key=lambda b: -b[2])
    return found[:MAX_SMALL_CANDIDATES]


def _merge_rows(boxes):
    """Join boxes of one text line (vertical overlap, a gap under 2 heights)."""
    boxes = sorted(boxes)
    merged: list[list[int]] = []
    for x, y, w, h in boxes:
        for m in merged:
            mx, my, mw, mh = m
            overlap = min(y + h, my + mh) - max(y, my)
            if overlap >= 0.5 * min(h, mh) and x - (mx + mw) <= 2 * max(h, mh):
                nx0, ny0 = min(mx, x), min(my, y)
                nx1, ny1 = max(mx + mw, x + w), max(my + mh, y + h)
                m[:] = [nx0, ny0, nx1 - nx0, ny1 - ny0]
                break
        else:
            merged.append([x, y, w, h])
    return [tuple(m) for m in merged]


def read(pixels: np.ndarray, *, small_text: bool = True) -> list[Line]:
    """The text lines a reader would see in `pixels` (sRGB uint8 (h, w, 3)), garbage dropped,
    boxes in the same pixels."""
    from tesserocr import PSM

    g = grey(pixels)
    height, width = g.shape
    if height < 8 or width < 8:
        return []
    api = _api()
    api.SetPageSegMode(PSM.SPARSE_TEXT)
    flat = flatten(np.ascontiguousarray(pixels))
    api.SetImageBytes(flat.tobytes(), width, height, 1, width)
    api.SetSourceResolution(96)
    api.Recognize()
    lines = [kept for line in _lines_from(api) if (kept := _keep(line))]
    if small_text:
        taken = [line.box for line in lines]
        api.Clear()
        for x, y, w, h in small_candidates(g, taken):
            lines += _read_small(g, (x, y, w, h))
    else:
        api.Clear()
    return lines


def _read_small(g: np.ndarray, box: tuple[int, int, int, int]) -> list[Line]:
    """One small-text candidate, enlarged, read as a single line: Estonian first (its model
    reads English too), Russian when that gives nothing."""
    from tesserocr import PSM

    height, width = g.shape
    x, y, w, h = box
    factor = 3.0 if h <= 7 else 2.0
    x0, y0 = max(0, x - 3), max(0, y - 3)
    x1, y1 = min(width, x + w + 3), min(height, y + h + 3)
    crop = np.ascontiguousarray(
        cv2.resize(g[y0:y1, x0:x1], None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    )
    for lang in ("est", "rus"):
        api = _api(lang)
        api.SetPageSegMode(PSM.SINGLE_LINE)
        api.SetImageBytes(crop.tobytes(), crop.shape[1], crop.shape[0], 1, crop.shape[1])
        api.Recognize()
        found = [
            kept
            for line in _lines_from(api, offset=(x0, y0), factor=factor, enlarged=True)
            if (kept := _keep(line))
        ]
        api.Clear()
        if found:
            return found
    return []


# -- measuring ----------------------------------------------------------------------------------


@dataclass
class Measure:
    text_rgb: tuple[int, int, int]
    background_rgb: tuple[int, int, int]
    glyph_mask: np.ndarray  # bool, over the box
    font_px: float | None
    glyph_share: float


def _median_rgb(pixels: np.ndarray) -> tuple[int, int, int]:
    return tuple(int(v) for v in np.median(pixels.reshape(-1, 3), axis=0).round())


def measure(pixels: np.ndarray, box: tuple[int, int, int, int], text: str) -> Measure | None:
    """Text and local background colours and the font size of the text in `box` (analysis
    pixels), or None when glyphs and background cannot be told apart."""
    height, width = pixels.shape[:2]
    x, y, w, h = box
    x0, y0, x1, y1 = max(0, x), max(0, y), min(width, x + w), min(height, y + h)
    if x1 - x0 < 2 or y1 - y0 < 3:
        return None
    margin = max(2, h // 5)
    rx0, ry0 = max(0, x0 - margin), max(0, y0 - margin)
    rx1, ry1 = min(width, x1 + margin), min(height, y1 + margin)
    region = pixels[ry0:ry1, rx0:rx1]
    light = cv2.cvtColor(np.ascontiguousarray(region), cv2.COLOR_RGB2Lab)[..., 0]
    inner = (slice(y0 - ry0, y1 - ry0), slice(x0 - rx0, x1 - rx0))
    box_l = np.ascontiguousarray(light[inner])
    if int(box_l.max()) - int(box_l.min()) < 8:
        return None
    level, _ = cv2.threshold(box_l, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ring = np.ones(light.shape, bool)
    ring[inner] = False
    ring_l = light[ring]
    dark = box_l <= level
    if ring_l.size >= 8:
        background_is_dark = float(np.median(ring_l)) <= level
    else:
        background_is_dark = dark.mean() > 0.5
    glyph = ~dark if background_is_dark else dark
    share = float(glyph.mean())
    if not 0.03 <= share <= 0.75:
        return None
    box_rgb = region[inner]
    distance = np.abs(box_l.astype(np.int16) - int(level))
    glyph_d = distance[glyph]
    back_d = distance[~glyph]
    core_glyph = glyph & (distance >= np.percentile(glyph_d, 80))
    core_back = (~glyph) & (distance >= np.median(back_d))
    if not core_glyph.any() or not core_back.any():
        return None
    return Measure(
        text_rgb=_median_rgb(box_rgb[core_glyph]),
        background_rgb=_median_rgb(box_rgb[core_back]),
        glyph_mask=glyph,
        font_px=font_px(glyph, text),
        glyph_share=share,
    )


def font_px(glyph: np.ndarray, text: str) -> float | None:
    """The font size in px of the text whose glyph mask is `glyph` (see the module docstring)."""
    mask = glyph.astype(np.uint8)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count < 2:
        return None
    tops = stats[1:, cv2.CC_STAT_TOP]
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    areas = stats[1:, cv2.CC_STAT_AREA]
    bottoms = tops + heights
    big = (heights >= 0.4 * heights.max()) & (areas >= 2)
    if not big.any():
        return None
    baseline = float(np.median(bottoms[big]))
    tolerance = max(1.0, 0.08 * heights.max())
    on_base = big & (np.abs(bottoms - baseline) <= tolerance)
    if not on_base.any():
        return None
    base_tops = tops[on_base]
    tall = any(ch.isupper() or ch in TALL_LETTERS for ch in text)
    if tall:
        top = (
            float(np.percentile(base_tops, 10)) if base_tops.size >= 10 else float(base_tops.min())
        )
        return (baseline - top) / CAP_HEIGHT_EM
    return (baseline - float(np.median(base_tops))) / X_HEIGHT_EM


def timed_read(pixels: np.ndarray) -> tuple[list[Line], float]:
    """`read` and the seconds it took (for the benchmarks)."""
    started = time.perf_counter()
    lines = read(pixels)
    return lines, time.perf_counter() - started


def tesseract_alone(pixels: np.ndarray) -> float:
    """Seconds Tesseract needs to read `pixels` with its defaults (automatic page layout), on
    the same API object: the yardstick of the speed target."""
    from tesserocr import PSM

    g = grey(pixels)
    api = _api()
    started = time.perf_counter()
    api.SetPageSegMode(PSM.AUTO)
    api.SetImageBytes(g.tobytes(), g.shape[1], g.shape[0], 1, g.shape[1])
    api.Recognize()
    api.GetUTF8Text()
    elapsed = time.perf_counter() - started
    api.SetPageSegMode(PSM.SPARSE_TEXT)
    api.Clear()
    return elapsed
