"""Design brief rendering: our pipeline against WeasyPrint alone on the same final HTML.

- pipeline:        build_brief (Jinja2 context + template) + render_pdf (allow-list fetcher,
                   checks, PDF/A-3b, tags, reproducible header ids)
- html only:       render_html_only_pdf on the pipeline's final HTML (same fetcher and options)
- WeasyPrint only: weasyprint.HTML(...).write_pdf with its default fetcher, same options
Best of 3, interleaved, after one warm-up. Target: pipeline overhead <= 20% over WeasyPrint.
Times are CPU time of this process (`time.process_time`): rendering is single-threaded, and
on a shared machine wall-clock time mostly measures the neighbours. Wall time is shown too.
"""

from __future__ import annotations

import time

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from procurement.documents.brief import build_brief
from procurement.documents.paths import static_base_url
from procurement.documents.render import PDF_OPTIONS, render_html_only_pdf, render_pdf
from procurement.documents.sample import sample_order
from procurement.documents.weasy import HTML, default_url_fetcher

REPEATS = 3
TARGET = 20.0
LANG = "et"


def _timed(fn) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def run() -> list[str]:
    brandbook = parse_file(SKA_BRANDBOOK)
    order = sample_order()
    logo_dir = SKA_BRANDBOOK.parent

    def pipeline() -> bytes:
        html = build_brief(order, brandbook, LANG, logo_dir=logo_dir)
        return render_pdf(html, base_dir_for_assets=logo_dir, lang=LANG)

    html = build_brief(order, brandbook, LANG, logo_dir=logo_dir)

    def html_only() -> bytes:
        return render_html_only_pdf(html, base_dir_for_assets=logo_dir)

    def weasyprint_only() -> bytes:
        document = HTML(string=html, base_url=static_base_url(), url_fetcher=default_url_fetcher)
        return document.write_pdf(**PDF_OPTIONS)

    pdf = pipeline()  # warm-up: imports, template compilation, font files in the page cache
    cases = {
        "build": lambda: build_brief(order, brandbook, LANG),
        "pipeline": pipeline,
        "html": html_only,
        "weasy": weasyprint_only,
    }
    best = {name: (float("inf"), float("inf")) for name in cases}
    for _ in range(REPEATS):
        for name, fn in cases.items():
            cpu, wall = _timed(fn)
            best[name] = (min(best[name][0], cpu), min(best[name][1], wall))

    overhead = (best["pipeline"][0] / best["weasy"][0] - 1.0) * 100.0
    verdict = "within" if overhead <= TARGET else "OVER"

    def line(label: str, name: str) -> str:
        cpu, wall = best[name]
        return f"{label:<46} {cpu * 1e3:8.1f} ms CPU  {wall * 1e3:8.1f} ms wall"

    return [
        f"design brief ({LANG}, {len(pdf):,} bytes), best of {REPEATS}",
        line("build_brief (Jinja2 only)", "build"),
        line("pipeline: build_brief + render_pdf", "pipeline"),
        line("render_html_only_pdf (same HTML, our fetcher)", "html"),
        line("WeasyPrint alone (same HTML, default fetcher)", "weasy"),
        f"{'overhead vs WeasyPrint alone (CPU)':<46} {overhead:8.1f} %  "
        f"({verdict} the {TARGET:.0f}% target)",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
