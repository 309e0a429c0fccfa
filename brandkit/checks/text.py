"""Text seen in pixels: its contrast, its size, its language, and that it is an image of text.

Every format is rasterised once (`rasterise`) and read with Tesseract (`ocr`); the codes are
the ones the SVG checks use, so reports and statistics speak one vocabulary.

Codes
-----
- ``contrast.insufficient`` (error): a line whose measured text colour against its local
  background (see `ocr.measure`) is below ``accessibility.text_contrast``, or below
  ``large_text_contrast`` for large text (measured font size ≥ ``large_text_px``, or bold and ≥
  ``large_bold_text_px``; bold = ink covering at least `BOLD_INK_SHARE` of the words' boxes:
  measured on Roboto and DejaVu Sans at 14–64 px, regular covers 0.29–0.35 and bold 0.42–0.46,
  whereas stroke widths from a distance transform overlap at small sizes). The
  measured ratio must be below the requirement by more than `RATIO_TOLERANCE` (2 %): anti-
  aliasing and JPEG ringing move a measured colour by about that much.
- ``typography.too_small`` (error): a line whose measured font size is below
  ``typography.min_text_px`` by more than `SIZE_TOLERANCE` (10 %, the error of the size
  estimate). Not for PDF (its units are points, and print sizes are set in points).
- ``text.language`` (warning): text (at least `MIN_LANGUAGE_LETTERS` letters) whose language is
  identified with probability ≥ `MIN_LANGUAGE_PROB` as one that the version does not declare
  (`languages`, e.g. ["et", "ru"]); not run when nothing is declared.
- ``text.images_of_text`` (info): the words read, so that the review can check that the alt text
  carries them (WCAG 1.1.1 and 1.4.5), and each line's text, box and language (`lines`), from
  which `relabel_languages` redoes ``text.language`` once an asset's languages are known. Not
  for PDF.

SVG `<text>` whose colours and size the SVG checks resolved exactly is not judged again from
pixels (a line read is matched to the SVG text with the same words); SVG text on a gradient or
an image (``contrast.unknown_background`` there) and outlined text are measured here.
Every finding with a place has ``details["boxes"]`` = [[x, y, w, h], …] in the original's
pixels (points for PDF).
"""

from __future__ import annotations

import difflib
import logging
import threading
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from brandkit.checks import ocr
from brandkit.checks._messages import each_lang, finding, listing, num, snippet
from brandkit.checks.rasterise import rasterise, to_original
from brandkit.checks.report import Finding
from brandkit.checks.types import Decoded, RasterImage
from brandkit.colour import contrast_ratio, to_hex

log = logging.getLogger(__name__)

RATIO_TOLERANCE = 0.02
SIZE_TOLERANCE = 0.10
BOLD_INK_SHARE = 0.38
MIN_LANGUAGE_LETTERS = 12
MIN_LANGUAGE_PROB = 0.90
MIN_FINDING_CONF = 70.0
MIN_FINDING_LETTERS = 4
SINGLE_WORD_CONF = 85.0
MAX_FINDINGS = 20
MAX_TEXT_CHARS = 1000
LANGUAGE_CANDIDATES = ("et", "en", "ru", "fi", "de", "lv", "lt", "fr", "sv", "uk")
LANGUAGE_NAMES = {
    "et": {"et": "eesti", "en": "Estonian", "ru": "эстонский"},
    "en": {"et": "inglise", "en": "English", "ru": "английский"},
    "ru": {"et": "vene", "en": "Russian", "ru": "русский"},
    "fi": {"et": "soome", "en": "Finnish", "ru": "финский"},
    "de": {"et": "saksa", "en": "German", "ru": "немецкий"},
    "lv": {"et": "läti", "en": "Latvian", "ru": "латышский"},
    "lt": {"et": "leedu", "en": "Lithuanian", "ru": "литовский"},
    "fr": {"et": "prantsuse", "en": "French", "ru": "французский"},
    "sv": {"et": "rootsi", "en": "Swedish", "ru": "шведский"},
    "uk": {"et": "ukraina", "en": "Ukrainian", "ru": "украинский"},
}

_identifier = None


def _language_identifier():
    """py3langid restricted to the languages met in Estonia (loaded once: ~0.7 s)."""
    global _identifier
    if _identifier is None:
        import py3langid.langid as langid

        ident = langid.LanguageIdentifier.from_modelpath(
            langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
        )
        ident.set_languages(list(LANGUAGE_CANDIDATES))
        _identifier = ident
    return _identifier


def identify_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of `text`, or (None, 0) when it is too short to say.

    Cyrillic text is Russian unless it has Ukrainian-only letters; Latin text is classified by
    py3langid among `LANGUAGE_CANDIDATES`, with Estonian-only letters (õ) deciding for
    Estonian."""
    letters_only = [ch for ch in text if ch.isalpha()]
    if len(letters_only) < MIN_LANGUAGE_LETTERS:
        return None, 0.0
    cyrillic = sum(1 for ch in letters_only if "\u0400" <= ch <= "\u04ff")
    if cyrillic / len(letters_only) > 0.6:
        if any(ch in "єіїґЄІЇҐ" for ch in letters_only):
            return "uk", 0.95
        return "ru", 0.99
    if "õ" in text.lower():
        return "et", 0.99
    code, prob = _language_identifier().classify(text)
    return code, float(prob)


# -- reading, once per file ---------------------------------------------------------------------


class Seen:
    """The text read on one rasterised page, with boxes in analysis pixels."""

    def __init__(self, raster: RasterImage, lines: list[ocr.Line], page: int | None):
        self.raster = raster
        self.lines = lines
        self.page = page

    def boxes(self, items) -> list[list[int]]:
        return [to_original(item.box, self.raster.scale) for item in items]


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def prefetch(decoded: Decoded) -> None:
    """Start reading the text in a background thread while the other checks run.

    Called by `registry.run` right after decoding. Tesseract releases the GIL while it
    recognises, so on two cores the colour checks (NumPy, which mostly releases it too) run
    beside it and the full check costs little more than the reading itself. `check` waits for
    the result; an exception surfaces there (and becomes internal.check_failed)."""
    if "text.future" in decoded.cache or "text.seen" in decoded.cache:
        return
    decoded.cache["text.future"] = _pool_executor().submit(_read_pages, decoded)


def _pool_executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="brandkit-ocr")
        return _pool


def warm_up() -> None:
    """Load what the first check would otherwise wait ~1 s for: the language model and the
    Tesseract engines of the reading threads. Called by gunicorn when a worker starts."""
    _language_identifier()
    if not ocr.available():
        return
    pool = _pool_executor()
    together = threading.Barrier(pool._max_workers, timeout=30)
    blank = np.full((32, 32, 3), 255, np.uint8)

    def load() -> None:
        ocr.read(blank)
        together.wait()  # each thread takes one job, so every thread loads its engines

    for future in [pool.submit(load) for _ in range(pool._max_workers)]:
        future.result()


def seen_pages(decoded: Decoded) -> list[Seen]:
    """Text read in `decoded` (first PDF page only), computed once and kept in its cache."""
    if "text.seen" not in decoded.cache:
        future = decoded.cache.pop("text.future", None)
        decoded.cache["text.seen"] = future.result() if future else _read_pages(decoded)
    return decoded.cache["text.seen"]


def _read_pages(decoded: Decoded) -> list[Seen]:
    out: list[Seen] = []
    raster = rasterise(decoded)
    if raster is not None and ocr.available():
        started = time.perf_counter()
        lines = ocr.read(raster.pixels)
        decoded.cache["text.read_seconds"] = time.perf_counter() - started
        out.append(Seen(raster, lines, 1 if decoded.pdf is not None else None))
    return out


def text_boxes(decoded: Decoded) -> list[list[int]]:
    """Boxes ([x, y, w, h], original pixels) of the text lines read: for other checks (a logo's
    clear space, colour areas) that must tell text from the rest."""
    return [box for seen in seen_pages(decoded) for box in seen.boxes(seen.lines)]


# -- measuring a line ---------------------------------------------------------------------------


class LineMeasure:
    def __init__(self, line: ocr.Line, pixels: np.ndarray):
        self.line = line
        self.words: list[tuple[ocr.Word, ocr.Measure, float]] = []
        for word in line.words:
            if ocr.letters(word.text) < 2:
                continue
            m = ocr.measure(pixels, word.box, word.text)
            if m is None:
                continue
            ratio = float(contrast_ratio(m.text_rgb, m.background_rgb))
            self.words.append((word, m, ratio))
        sizes = [m.font_px for _, m, _ in self.words if m.font_px]
        self.font_px = float(np.median(sizes)) if sizes else None
        shares = [m.glyph_share for _, m, _ in self.words]
        self.bold = bool(shares) and float(np.median(shares)) >= BOLD_INK_SHARE


def _same_text(written: str, read: str) -> bool:
    """An SVG text and a line read from its pixels are the same words (OCR slips allowed)."""
    a = " ".join(ocr_fold(written).split())
    b = " ".join(ocr_fold(read).split())
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def ocr_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() or ch.isspace())


def _sure(line: ocr.Line) -> bool:
    """Read well enough to fail a file on: a lone short word read off a photo ("aim") is
    more often texture than text."""
    if line.conf < MIN_FINDING_CONF or ocr.letters(line.text) < MIN_FINDING_LETTERS:
        return False
    return len(line.words) > 1 or line.conf >= SINGLE_WORD_CONF


def _thresholds(brandbook: dict) -> dict:
    access = brandbook.get("accessibility", {})
    return {
        "text": float(access.get("text_contrast", 4.5)),
        "large": float(access.get("large_text_contrast", 3.0)),
        "large_px": float(access.get("large_text_px", 24)),
        "large_bold_px": float(access.get("large_bold_text_px", 18.66)),
        "min_px": float((brandbook.get("typography") or {}).get("min_text_px") or 0),
    }


def _ratio(value: float, lang: str) -> str:
    return f"{num(value, lang, 2)}:1"


def _page_prefix(page: int | None, lang: str) -> str:
    if page is None:
        return ""
    return {"et": f"Lk {page}: ", "en": f"Page {page}: ", "ru": f"Стр. {page}: "}[lang]


def _contrast_finding(seen: Seen, lm: LineMeasure, limits: dict, failing) -> Finding:
    word, m, ratio = min(failing, key=lambda item: item[2])
    large = lm.font_px is not None and (
        lm.font_px >= limits["large_px"] or (lm.bold and lm.font_px >= limits["large_bold_px"])
    )
    required = limits["large"] if large else limits["text"]
    fg, bg = to_hex(m.text_rgb), to_hex(m.background_rgb)
    quote = snippet(lm.line.text)
    size = lm.font_px

    def message(lang: str) -> str:
        kind = {
            "et": "suure teksti" if large else "teksti",
            "en": "large text" if large else "text",
            "ru": "крупного текста" if large else "текста",
        }[lang]
        size_part = f", ~{num(size, lang, 0)} px" if size else ""
        have, need = _ratio(ratio, lang), _ratio(required, lang)
        return (
            _page_prefix(seen.page, lang)
            + {
                "et": f"Pildil oleva teksti „{quote}”{size_part} kontrast on {have} "
                f"(tekst {fg} taustal {bg}); {kind} jaoks on vaja vähemalt {need}.",
                "en": f"Text in the image “{quote}”{size_part} has contrast {have} "
                f"({fg} on {bg}); {kind} needs at least {need}.",
                "ru": f"Контраст текста на изображении «{quote}»{size_part} — {have} "
                f"({fg} на {bg}); для {kind} нужно не менее {need}.",
            }[lang]
        )

    details = {
        "text": snippet(lm.line.text, 80),
        "ratio": round(ratio, 2),
        "required": required,
        "large_text": large,
        "font_size_px": round(size, 1) if size else None,
        "bold": lm.bold,
        "foreground": fg,
        "background": bg,
        "source": "pixels",
        "boxes": seen.boxes([w for w, _, _ in failing]),
    }
    if seen.page is not None:
        details["page"] = seen.page
    return finding("contrast.insufficient", "error", each_lang(message), **details)


def _contrast_failing(lm: LineMeasure, limits: dict):
    large = lm.font_px is not None and (
        lm.font_px >= limits["large_px"] or (lm.bold and lm.font_px >= limits["large_bold_px"])
    )
    required = limits["large"] if large else limits["text"]
    return [item for item in lm.words if item[2] < required * (1 - RATIO_TOLERANCE)]


def _too_small_finding(seen: Seen, lm: LineMeasure, minimum: float) -> Finding:
    size = lm.font_px or 0.0
    quote = snippet(lm.line.text)

    def message(lang: str) -> str:
        return {
            "et": f"Pildil oleva teksti „{quote}” suurus on umbes {num(size, lang, 0)} px; "
            f"väikseim lubatud on {num(minimum, lang, 0)} px.",
            "en": f"Text in the image “{quote}” is about {num(size, lang, 0)} px; the smallest "
            f"allowed is {num(minimum, lang, 0)} px.",
            "ru": f"Размер текста на изображении «{quote}» — около {num(size, lang, 0)} px; "
            f"минимально допустимый — {num(minimum, lang, 0)} px.",
        }[lang]

    return finding(
        "typography.too_small",
        "error",
        each_lang(message),
        text=snippet(lm.line.text, 80),
        font_size_px=round(size, 1),
        min_text_px=minimum,
        source="pixels",
        boxes=seen.boxes([lm.line]),
    )


def line_records(pages: list[Seen]) -> list[dict]:
    """The lines read, as plain data kept in the report (`text.images_of_text`): text, box in
    original pixels, language and its probability (None when too short to say)."""
    records = []
    for seen in pages:
        for line in seen.lines:
            code, prob = (
                identify_language(line.text) if line.conf >= MIN_FINDING_CONF else (None, 0)
            )
            record = {
                "text": snippet(line.text, 200),
                "box": seen.boxes([line])[0],
                "language": code,
                "probability": round(prob, 3),
            }
            if seen.page is not None:
                record["page"] = seen.page
            records.append(record)
    return records


def language_findings(records: list[dict], declared: list[str]) -> list[Finding]:
    """`text.language` warnings for the lines (`line_records`) in a language not declared."""
    foreign: dict[str, list[dict]] = {}
    for record in records:
        code = record.get("language")
        if not code or (record.get("probability") or 0) < MIN_LANGUAGE_PROB or code in declared:
            continue
        foreign.setdefault(code, []).append(record)
    out = []
    for code, found in foreign.items():
        names = LANGUAGE_NAMES.get(code, {"et": code, "en": code, "ru": code})
        quotes = [snippet(str(record.get("text", "")), 30) for record in found]

        def message(lang: str, names=names, quotes=quotes) -> str:
            wanted = ", ".join(LANGUAGE_NAMES.get(d, {}).get(lang, d) for d in declared)
            listed = listing([f"„{q}”" if lang == "et" else f"“{q}”" for q in quotes], lang)
            return {
                "et": f"Pildil on {names['et']} keeles tekst ({listed}), kuid versiooni keeled on: "
                f"{wanted}.",
                "en": f"The image has text in {names['en']} ({listed}), but the version's "
                f"languages are: {wanted}.",
                "ru": f"На изображении текст на языке «{names['ru']}» ({listed}), а языки версии: "
                f"{wanted}.",
            }[lang]

        out.append(
            finding(
                "text.language",
                "warning",
                each_lang(message),
                language=code,
                declared=list(declared),
                texts=[str(record.get("text", "")) for record in found[:20]],
                boxes=[record["box"] for record in found if record.get("box")],
            )
        )
    return out


def relabel_languages(report: dict, languages: list[str] | tuple[str, ...]) -> dict:
    """A stored report (`Report.as_storable()`) with its `text.language` findings redone for
    the declared `languages`: an upload is checked before its asset is described, so the
    languages are known only when the version is committed. Uses the lines kept in
    `text.images_of_text` (no second reading); the verdict cannot change (warnings only)."""
    declared = [code.strip().lower() for code in languages if code and code.strip()]
    findings = [f for f in report.get("findings", []) if f.get("code") != "text.language"]
    records = [
        record
        for f in findings
        if f.get("code") == "text.images_of_text"
        for record in (f.get("details") or {}).get("lines", [])
        if isinstance(record, dict)
    ]
    added = []
    if declared and records:
        for found in language_findings(records, declared):
            added.append({**found.as_dict(), "messages": found.messages, "rejects": found.rejects})
    return {**report, "findings": findings + added}


def _images_of_text(pages: list[Seen], records: list[dict]) -> list[Finding]:
    lines = [(seen, line) for seen in pages for line in seen.lines]
    if not lines:
        return []
    text = "\n".join(line.text for _, line in lines)[:MAX_TEXT_CHARS]
    quote = snippet(text.replace("\n", " "), 60)
    words = [w.text for _, line in lines for w in line.words][:200]
    return [
        finding(
            "text.images_of_text",
            "info",
            {
                "et": f"Pildil on tekst („{quote}”). Kui pilti kasutatakse veebis, peab "
                "alternatiivtekst sisaldama sama teksti (WCAG 1.1.1, 1.4.5).",
                "en": f"The image contains text (“{quote}”). Where it is used on the web, its "
                "alt text must carry the same words (WCAG 1.1.1, 1.4.5).",
                "ru": f"На изображении есть текст («{quote}»). Если изображение используется в "
                "вебе, его альтернативный текст должен содержать тот же текст (WCAG 1.1.1, 1.4.5).",
            },
            text=text,
            words=words,
            lines=records,
            boxes=[box for seen, line in lines for box in seen.boxes([line])],
        )
    ]


def _inside(box: list[int], logo: list[int]) -> bool:
    """Most (60 %+) of the text box lies inside the logo's box."""
    x, y, w, h = box
    lx, ly, lw, lh = logo
    ix = max(0, min(x + w, lx + lw) - max(x, lx))
    iy = max(0, min(y + h, ly + lh) - max(y, ly))
    return ix * iy >= 0.6 * max(1, w * h)


def _logo_boxes(decoded: Decoded, brandbook: dict) -> list[list[int]]:
    try:
        from brandkit.checks import logos
    except ImportError:
        return []
    return logos.found_boxes(decoded, brandbook)


def _outside_logos(pages: list[Seen], logo_boxes: list[list[int]]) -> list[Seen]:
    """The pages without the lines that are part of a brand logo (its wordmark is artwork: its
    size and contrast are the logo rules' business, and it is not copy for the alt text)."""
    if not logo_boxes:
        return pages
    out = []
    for seen in pages:
        kept = [
            line
            for line in seen.lines
            if not any(_inside(seen.boxes([line])[0], logo) for logo in logo_boxes)
        ]
        out.append(Seen(seen.raster, kept, seen.page))
    return out


def check(
    decoded: Decoded,
    brandbook: dict,
    preset: dict | None,
    *,
    languages: list[str] | tuple[str, ...] | None = None,
) -> list[Finding]:
    # The logos are looked for here, in this thread, while the text is still being read in the
    # background (see `prefetch`): on two cores the two take the time of one.
    logo_boxes = _logo_boxes(decoded, brandbook)
    pages = seen_pages(decoded)
    if not pages:
        return []
    pages = _outside_logos(pages, logo_boxes)
    limits = _thresholds(brandbook)
    written = decoded.svg.texts if decoded.svg is not None else []
    svg_texts = [t for t in written if t.text.strip()]
    out: list[Finding] = []
    contrast: list[Finding] = []
    small: list[Finding] = []
    for seen in pages:
        for line in seen.lines:
            if not _sure(line):
                continue
            # SVG <text> the SVG checks judged exactly (colours resolved, size known) is not
            # judged again from pixels; text they could not (on a gradient or an image) is.
            same = [t for t in svg_texts if _same_text(t.text, line.text)]
            judge_contrast = not any(t.fill and t.background for t in same)
            judge_size = not any(t.font_size_px for t in same)
            if not (judge_contrast or judge_size):
                continue
            lm = LineMeasure(line, seen.raster.pixels)
            failing = _contrast_failing(lm, limits) if judge_contrast else []
            if failing:
                contrast.append(_contrast_finding(seen, lm, limits, failing))
            if (
                judge_size
                and decoded.pdf is None
                and limits["min_px"]
                and lm.font_px is not None
                and lm.font_px < limits["min_px"] * (1 - SIZE_TOLERANCE)
            ):
                small.append(_too_small_finding(seen, lm, limits["min_px"]))
    for found in contrast:
        found.details["texts_failing"] = len(contrast)
    for found in small:
        found.details["texts_too_small"] = len(small)
    out += contrast[:MAX_FINDINGS] + small[:MAX_FINDINGS]
    records = line_records(pages)
    declared = [code.strip().lower() for code in (languages or []) if code and code.strip()]
    if declared:
        out += language_findings(records, declared)
    if decoded.pdf is None:
        out += _images_of_text(pages, records)
    return out
