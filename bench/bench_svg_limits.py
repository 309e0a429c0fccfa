"""Time of the SVG documents the tests bound by work (tests/test_decode_svg.py): billion laughs
(refused at the DOCTYPE), 3,000 class rules over 5,000 elements (the selector index), and rules
every element could match (the cascade's work budget). Best of 3 each; the issue's bar was
"under a second" for the first and "well under 10 s" for the others."""

from __future__ import annotations

import time

from brandkit.checks.decode import Limits, decode
from tests.corpus import build_corpus as corpus

REPEATS = 3
NS = 'xmlns="http://www.w3.org/2000/svg"'


def _svg(body: str, prolog: str = "") -> bytes:
    return f'{prolog}<svg {NS} width="200" height="100">{body}</svg>'.encode()


def documents() -> dict[str, bytes]:
    indexed = "".join(f"g g g g rect.c{i} {{fill:#{i % 4096:03x}}}\n" for i in range(3000))
    every = "".join(f"svg g g rect {{fill:#{i % 4096:03x}}}\n" for i in range(2000))
    return {
        "billion laughs": _svg("<text>&lol9;</text>", prolog=corpus.BILLION_LAUGHS),
        "3,000 class rules x 5,000 rects": _svg(
            f"<style>{indexed}</style>"
            + "<g>" * 10
            + '<rect class="c1" width="1" height="1"/>' * 5000
            + "</g>" * 10
        ),
        "2,000 matching rules x 3,000 rects (budget)": _svg(
            f"<style>{every}</style><g><g>" + '<rect width="1" height="1"/>' * 3000 + "</g></g>"
        ),
    }


def run():
    for name, data in documents().items():
        best = float("inf")
        for _ in range(REPEATS):
            started = time.perf_counter()
            decode(data, "svg", Limits())
            best = min(best, time.perf_counter() - started)
        yield f"{name:45s} {len(data) / 1024:8.0f} KiB  {best * 1000:9.2f} ms"
