"""The whole check over a corpus of files: crashes, internal findings, slowest file, memory.

    make bench BENCH=bench_corpus                       # our corpora and the annotation PDF
    python -m bench.bench_corpus DIR [DIR …]             # any directories (e.g. public corpora)
    python -m bench.bench_corpus --decode-only DIR …     # the safety and decoding steps only

Every regular file under the directories (recursively, up to 50 MB) is checked with
``brandkit.checks.run`` against the SKA brandbook (no preset), in this process, one after the
other. Printed: files, verdicts, crashes (an exception out of ``run``, which must never
happen), files with an ``internal.*`` finding (a bug in decoding or a check), the slowest files
and the process's peak RSS (``ru_maxrss``) with the file during which it grew the most. A file
that takes more than `ALARM_S` seconds is interrupted (SIGALRM) and counted as a hang.

Without arguments the corpus is tests/corpus/ (hostile, content and real-world files) plus a
generated PDF of 32,768 annotations on one page (65,5xx objects): the file that took 10–11 s
and 560 MB in the safety walk before the walk was bounded (issue 12, item 16).
"""

from __future__ import annotations

import io
import os
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_BYTES = 50 * 1024 * 1024
ALARM_S = 60
SLOWEST = 5


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def annotations_pdf(path: Path, count: int = 32_768) -> Path:
    """One page with `count` square annotations, each its own object, written by pypdf."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    annots = ArrayObject()
    for _ in range(count):
        annot = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Square"),
                NameObject("/Rect"): ArrayObject([NumberObject(v) for v in (0, 0, 10, 10)]),
            }
        )
        annots.append(writer._add_object(annot))
    page[NameObject("/Annots")] = annots
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def files_under(directories: list[Path]) -> list[Path]:
    out = []
    for directory in directories:
        if directory.is_file():
            out.append(directory)
            continue
        for path in sorted(directory.rglob("*")):
            if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_BYTES:
                out.append(path)
    return out


def check_all(paths: list[Path], checks: tuple[str, ...] | None = None) -> list[str]:
    """`checks` = () runs sniffing, safety and decoding only (no content check): the part
    that meets hostile bytes, without the OCR that dominates the time of text-heavy pages."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
    from brandkit.checks import run as run_checks

    brandbook = parse_file(SKA_BRANDBOOK)
    verdicts: Counter[str] = Counter()
    crashes: list[str] = []
    hangs: list[str] = []
    internal: list[str] = []
    times: list[tuple[float, str]] = []
    growth = (0.0, "")
    previous = signal.signal(signal.SIGALRM, _alarm)
    started_all = time.perf_counter()
    try:
        for path in paths:
            before = _rss_mb()
            started = time.perf_counter()
            signal.alarm(ALARM_S)
            try:
                if checks is None:
                    report = run_checks(path, brandbook=brandbook)
                else:
                    report = run_checks(path, brandbook=brandbook, checks=checks)
            except _Hang:
                hangs.append(str(path))
                continue
            except Exception as exc:  # noqa: BLE001 - counting crashes is the point
                crashes.append(f"{path}: {type(exc).__name__}: {exc}"[:300])
                continue
            finally:
                signal.alarm(0)
            elapsed = time.perf_counter() - started
            times.append((elapsed, str(path)))
            verdicts[report.verdict] += 1
            codes = sorted({f.code for f in report.findings if f.code.startswith("internal.")})
            if codes:
                internal.append(f"{path}: {', '.join(codes)}")
            grew = _rss_mb() - before
            if grew > growth[0]:
                growth = (grew, str(path))
    finally:
        signal.signal(signal.SIGALRM, previous)
    total = time.perf_counter() - started_all
    times.sort(reverse=True)
    lines = [
        f"files                  {len(paths)}",
        "verdicts               " + ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items())),
        f"crashes                {len(crashes)}",
        f"hangs (> {ALARM_S} s)         {len(hangs)}",
        f"internal findings      {len(internal)}",
        f"total time             {total:.1f} s",
        f"max time               {times[0][0]:.2f} s  {times[0][1]}" if times else "max time -",
        f"peak RSS               {_rss_mb():.0f} MB (largest growth {growth[0]:.0f} MB "
        f"during {growth[1] or '-'})",
        "slowest:",
    ]
    lines += [f"  {seconds:6.2f} s  {name}" for seconds, name in times[:SLOWEST]]
    lines += [f"CRASH {line}" for line in crashes[:20]]
    lines += [f"HANG {line}" for line in hangs[:20]]
    lines += [f"INTERNAL {line}" for line in internal[:20]]
    return lines


def run(directories: list[Path] | None = None, checks: tuple[str, ...] | None = None) -> list[str]:
    if directories:
        return check_all(files_under(directories), checks)
    with tempfile.TemporaryDirectory() as tmp:
        many = annotations_pdf(Path(tmp) / "annotations-32768.pdf")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
        from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
        from brandkit.checks import run as run_checks

        started = time.perf_counter()
        report = run_checks(many, brandbook=parse_file(SKA_BRANDBOOK))
        elapsed = time.perf_counter() - started
        codes = ", ".join(f.code for f in report.findings)
        lines = [
            f"32,768 annotations     {elapsed:.2f} s  {report.verdict} ({codes}), "
            f"{many.stat().st_size // 1024} KB",
        ]
        return lines + check_all(files_under([ROOT / "tests" / "corpus"]))


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    checks = () if "--decode-only" in argv else None
    paths = [Path(arg) for arg in argv if arg != "--decode-only"]
    for line in run(paths or None, checks):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
