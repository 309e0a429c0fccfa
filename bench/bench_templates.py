"""Speed of brand templates: one banner, a set of presets × languages, and the three engines.

Targets (issue 14): one banner p95 ≤ 300 ms; a set of 4 presets × 3 languages ≤ 3 s on a
2-core machine. The engine figures are how the renderer's engine was chosen: the same banner
(headline, body, call to action on a brand background, 1200×628) drawn by Pillow+raqm (what
`brandkit.banners` does, text fitting included), by WeasyPrint (HTML/CSS to PDF) then
pypdfium2 (PDF to pixels), and by resvg (SVG with text to pixels, fonts from static/fonts).

    make bench BENCH=bench_templates     (or: python -m bench bench_templates)
"""

from __future__ import annotations

import io
import os
import time

import numpy as np

from brandkit.banners import render_banner
from brandkit.banners.render import STATIC_DIR
from brandkit.banners.samples import SAMPLES, sample_texts
from brandkit.brandbooks import SKA_BRANDBOOK, parse_file

BOOK = parse_file(SKA_BRANDBOOK)
REPEATS = 20
SET_PRESETS = ("web-hero", "facebook-link", "instagram-square", "instagram-portrait")
LANGS = ("et", "ru", "en")


def _ms(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values) * 1000.0, q))


def _time(fn, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def _one(template: str, preset: str, lang: str, fmt: str = "png") -> bytes:
    chosen = next(t for t in BOOK["templates"] if t["slug"] == template)
    return render_banner(BOOK, template, preset, lang, sample_texts(chosen, lang), fmt=fmt).data


def _weasyprint_banner() -> bytes:
    import pypdfium2
    from weasyprint import HTML

    texts = SAMPLES["et"]
    fonts = (STATIC_DIR / "fonts").as_uri()
    html = f"""<html><head><style>
    @font-face {{ font-family: RC; src: url({fonts}/roboto-condensed/RobotoCondensed-Bold.ttf); }}
    @font-face {{ font-family: R; src: url({fonts}/roboto/Roboto-Regular.ttf); }}
    @page {{ size: 1200px 628px; margin: 0; }}
    body {{ margin: 0; width: 1200px; height: 628px; background: #0033A0; color: #fff; }}
    h1 {{ font: 700 56px/1.1 RC; position: absolute; left: 60px; top: 190px; width: 660px;
          hyphens: auto; }}
    p {{ font: 400 26px/1.3 R; position: absolute; left: 60px; top: 430px; width: 660px; }}
    a {{ font: 700 26px RC; position: absolute; left: 60px; top: 540px; background: #fff;
         color: #0033A0; padding: 8px 14px; }}
    </style></head><body lang="et"><h1>{texts["headline"]}</h1><p>{texts["body"]}</p>
    <a>{texts["cta"]}</a></body></html>"""
    pdf = HTML(string=html, base_url=str(STATIC_DIR)).write_pdf()
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=1.0).to_pil()
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _resvg_banner() -> bytes:
    import resvg_py

    texts = SAMPLES["et"]
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628">
    <rect width="1200" height="628" fill="#0033A0"/>
    <text x="60" y="250" font-family="Roboto Condensed" font-weight="700" font-size="56"
      fill="#fff">{texts["headline"]}</text>
    <text x="60" y="460" font-family="Roboto" font-size="26" fill="#fff">{texts["body"]}</text>
    <rect x="60" y="530" width="200" height="50" fill="#fff"/>
    <text x="74" y="565" font-family="Roboto Condensed" font-weight="700" font-size="26"
      fill="#0033A0">{texts["cta"]}</text></svg>"""
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg, skip_system_fonts=True, font_dirs=[str(STATIC_DIR / "fonts")]
        )
    )


def run():
    load = os.getloadavg()
    yield f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {os.cpu_count()} CPUs"
    cold = _time(lambda: _one("announcement", "facebook-link", "et"), 1)[0]
    yield f"first banner (fonts and logo artwork loaded): {cold * 1000:.0f} ms"
    for template in ("announcement", "benefit-change", "event"):
        for preset in ("web-hero", "facebook-link", "instagram-portrait"):
            times = _time(lambda t=template, p=preset: _one(t, p, "ru"), REPEATS)
            yield (
                f"one banner {template:15} {preset:19} PNG: p50 {_ms(times, 50):4.0f} ms, "
                f"p95 {_ms(times, 95):4.0f} ms (target p95 ≤ 300 ms)"
            )
    for fmt in ("jpeg", "webp"):
        times = _time(lambda f=fmt: _one("announcement", "facebook-link", "et", f), REPEATS)
        yield f"one banner facebook-link {fmt.upper():4}: p95 {_ms(times, 95):4.0f} ms"
    times = _time(lambda: _one("announcement", "print-a4", "et", "pdf"), 5)
    yield f"print A4 PDF at 300 dpi (2480×3508): p95 {_ms(times, 95):4.0f} ms"

    def banner_set():
        for preset in SET_PRESETS:
            for lang in LANGS:
                _one("event", preset, lang)

    sets = _time(banner_set, 5)
    yield (
        f"set of 4 presets × 3 languages (event, PNG, one process): best "
        f"{min(sets):.2f} s, worst {max(sets):.2f} s (target ≤ 3 s)"
    )
    pillow = _time(lambda: _one("announcement", "facebook-link", "et"), 10)
    weasy = _time(_weasyprint_banner, 1) and _time(_weasyprint_banner, 10)
    resvg = _time(_resvg_banner, 10)
    yield "engines, same 1200×628 banner, p50 / p95:"
    yield f"  Pillow+raqm (with text fitting)  {_ms(pillow, 50):5.0f} / {_ms(pillow, 95):5.0f} ms"
    yield f"  WeasyPrint → pypdfium2 (no fitting) {_ms(weasy, 50):5.0f} / {_ms(weasy, 95):5.0f} ms"
    yield f"  resvg (no wrapping, no fitting)  {_ms(resvg, 50):5.0f} / {_ms(resvg, 95):5.0f} ms"
