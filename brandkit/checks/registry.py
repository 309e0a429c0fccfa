"""Run the checks on one file: read, sniff, decode, then every content check in order.

`run()` never raises. A file that is empty, too large, unsupported, mismatched, corrupt or
unsafe is rejected by the decoding steps with a specific finding; only a usable file reaches the
content checks. Each content check is a module ``brandkit.checks.<name>`` with
``check(decoded, brandbook, preset) -> list[Finding]``, listed by name in `CHECKS` (the order
of the report); an exception inside one becomes an ``internal.check_failed`` error finding that
names it (and is logged), and the other checks still run. An unexpected exception while
decoding is a bug, not a property of the file: it is logged and the file is rejected with
``internal.decode_failed`` (the tests treat any ``internal.*`` finding as a failure).
"""

from __future__ import annotations

import importlib
import inspect
import logging
import pathlib
from collections.abc import Callable
from typing import Any, BinaryIO

from brandkit.checks import rejections, sniff
from brandkit.checks.decode import DEFAULT_MAX_BYTES, Limits, decode
from brandkit.checks.report import Finding, Report
from brandkit.checks.types import Decoded

log = logging.getLogger(__name__)

CHECKS: tuple[str, ...] = (
    "dimensions",
    "palette",
    "typography",
    "contrast",
    "metadata",
    "text",
    "logos",
)


def load_check(name: str) -> Callable[[Decoded, dict, dict | None], list[Finding]]:
    module = importlib.import_module(f"brandkit.checks.{name}")
    return module.check


def _prefetch(checks: tuple[str, ...], decoded: Decoded) -> None:
    """Let slow checks (reading text, finding logos) start in the background: a check module
    may define ``prefetch(decoded)``, called for every listed check before any check runs.
    A failure here is logged and left to the check itself to meet again."""
    for name in checks:
        try:
            prefetch = getattr(importlib.import_module(f"brandkit.checks.{name}"), "prefetch", None)
            if prefetch is not None:
                prefetch(decoded)
        except ModuleNotFoundError:
            continue  # load_check reports it
        except Exception:
            log.exception("prefetch of check %s failed", name)


def _options(check: Callable, **options: Any) -> dict[str, Any]:
    """The keyword options (e.g. `languages`) that this check's signature accepts."""
    parameters = inspect.signature(check).parameters
    return {key: value for key, value in options.items() if key in parameters}


def check_failed(name: str, exc: BaseException) -> Finding:
    error = f"{type(exc).__name__}: {str(exc)[:300]}"
    return Finding(
        code="internal.check_failed",
        severity="error",
        messages={
            "et": f"Kontroll „{name}“ katkes sisemise vea tõttu ({type(exc).__name__}). "
            "Faili seda osa ei kontrollitud; teata veast brandkiti haldajale.",
            "en": f"The “{name}” check stopped on an internal error ({type(exc).__name__}). "
            "This part of the file was not checked; please report the error to the brandkit "
            "maintainers.",
            "ru": f"Проверка «{name}» прервана из-за внутренней ошибки ({type(exc).__name__}). "
            "Эта часть файла не проверена; сообщите об ошибке администраторам brandkit.",
        },
        details={"check": name, "error": error},
    )


def decode_failed(exc: BaseException) -> Finding:
    return rejections.rejection(
        "internal.decode_failed",
        {
            "et": f"Faili lugemine katkes sisemise vea tõttu ({type(exc).__name__}); "
            "faili ei saanud kontrollida. Teata veast brandkiti haldajale.",
            "en": f"Reading the file stopped on an internal error ({type(exc).__name__}); the "
            "file could not be checked. Please report the error to the brandkit maintainers.",
            "ru": f"Чтение файла прервано из-за внутренней ошибки ({type(exc).__name__}); "
            "файл не удалось проверить. Сообщите об ошибке администраторам brandkit.",
        },
        error=f"{type(exc).__name__}: {str(exc)[:300]}",
    )


def _read(
    data: bytes | bytearray | memoryview | str | pathlib.Path | BinaryIO, max_bytes: int
) -> tuple[bytes | None, str | None, Finding | None]:
    """(bytes, name from the path, rejection). Never reads more than max_bytes + 1 bytes."""
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        if len(raw) > max_bytes:
            return None, None, rejections.too_large(len(raw), max_bytes)
        return raw, None, None
    if isinstance(data, str | pathlib.PurePath):
        path = pathlib.Path(data)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                return None, path.name, rejections.too_large(size, max_bytes)
            with path.open("rb") as handle:
                raw = handle.read(max_bytes + 1)
        except OSError as exc:
            return None, path.name, rejections.unreadable(exc.strerror or type(exc).__name__)
    else:  # a binary file-like object (e.g. an uploaded file)
        try:
            raw = data.read(max_bytes + 1)
        except OSError as exc:
            return None, None, rejections.unreadable(exc.strerror or type(exc).__name__)
        name = getattr(data, "name", None)
        if not isinstance(raw, bytes):
            return None, None, rejections.unreadable("not a binary file")
        if len(raw) > max_bytes:
            size = getattr(data, "size", None) or len(raw)
            return None, name, rejections.too_large(int(size), max_bytes)
        return raw, pathlib.PurePath(name).name if isinstance(name, str) else None, None
    if len(raw) > max_bytes:  # the file grew while we read it
        return None, path.name, rejections.too_large(len(raw), max_bytes)
    return raw, path.name, None


def _size(decoded: Decoded) -> tuple[int | None, int | None]:
    if decoded.raster is not None:
        return decoded.raster.width, decoded.raster.height
    if decoded.svg is not None:
        w, h = decoded.svg.width, decoded.svg.height
        return (round(w) if w else None, round(h) if h else None)
    if decoded.pdf is not None and decoded.pdf.page_sizes_pt:
        w, h = decoded.pdf.page_sizes_pt[0]
        return round(w), round(h)
    return None, None


def run(
    data: bytes | str | pathlib.Path | BinaryIO,
    *,
    filename: str | None = None,
    brandbook: dict,
    preset: dict | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
    checks: tuple[str, ...] = CHECKS,
    languages: list[str] | tuple[str, ...] | None = None,
) -> Report:
    """Check one file against a brandbook (and optionally one of its presets).

    `data` is the file's bytes, a path, or a binary file object; `filename` (default: the
    path's name) is what the report calls the file and whose extension must match the content.
    `max_bytes` is the byte ceiling (`file.too_large`); `limits`, when given, sets every limit
    including that one (see `decode.Limits`). `checks` names the content checks to run.
    `languages` are the ISO 639-1 codes the file's text should be in (`text.language`).
    For PDF the report's width/height are the first page's size in points; for SVG, in px.
    """
    report = Report(file=filename or "-")
    limits = limits or Limits(max_bytes=max_bytes)
    try:
        raw, path_name, problem = _read(data, limits.max_bytes)
        filename = filename or path_name
        report.file = filename or "-"
        if problem is not None:
            report.add(problem)
            return report
        assert raw is not None
        fmt, findings = sniff.check_type(raw, filename)
        if findings:
            report.format = sniff.sniff(raw).format
            for finding in findings:
                report.add(finding)
            return report
        report.format = fmt
        result = decode(raw, fmt, limits)
    except Exception as exc:  # a bug in decoding: log it, and reject the file
        log.exception("decoding %s failed unexpectedly", report.file)
        report.add(decode_failed(exc))
        return report
    if isinstance(result, list):
        for finding in result:
            report.add(finding)
        return report

    report.width, report.height = _size(result)
    _prefetch(checks, result)
    for name in checks:
        try:
            check = load_check(name)
            found = check(result, brandbook, preset, **_options(check, languages=languages))
            if not isinstance(found, list) or not all(isinstance(f, Finding) for f in found):
                raise TypeError(f"check() returned {type(found).__name__}, not list[Finding]")
        except Exception as exc:
            log.exception("check %s failed on %s", name, report.file)
            report.add(check_failed(name, exc))
            continue
        for finding in found:
            report.add(finding)
    return report


def report_json_default(value: Any) -> Any:
    """`json.dumps(default=...)` for details that hold NumPy numbers, tuples, sets …"""
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)
