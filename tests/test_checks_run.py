"""`checks.run`: inputs, size ceiling, the check registry and its safety net."""

import io
import json
import logging

import numpy as np

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import CHECKS, registry, run
from brandkit.checks.report import Finding
from tests.corpus import build_corpus as corpus

BRANDBOOK = parse_file(SKA_BRANDBOOK)
FACEBOOK = next(p for p in BRANDBOOK["presets"] if p["slug"] == "facebook-link")


def test_the_content_checks_run_in_order():
    assert CHECKS[:5] == ("dimensions", "palette", "typography", "contrast", "metadata")
    # issue 10: text read in the pixels, then logos (which may use the text boxes)
    assert CHECKS[5:] == ("text", "logos")


def test_languages_reach_only_the_checks_that_take_them(monkeypatch):
    seen = {}

    def with_languages(decoded, brandbook, preset, *, languages=None):
        seen["languages"] = languages
        return []

    def without(decoded, brandbook, preset):
        return []

    checks = {"a": with_languages, "b": without}
    monkeypatch.setattr(registry, "load_check", lambda name: checks[name])
    report = run(
        corpus.good_png(),
        filename="x.png",
        brandbook=BRANDBOOK,
        checks=("a", "b"),
        languages=["et", "ru"],
    )
    assert seen["languages"] == ["et", "ru"]
    assert not [f for f in report.findings if f.code.startswith("internal.")]


def test_bytes_path_str_and_file_object(tmp_path):
    data = corpus.good_png()
    path = tmp_path / "banner.png"
    path.write_bytes(data)
    for source, name in [
        (data, "upload.png"),
        (path, None),
        (str(path), None),
        (io.BytesIO(data), "upload.png"),
    ]:
        report = run(source, filename=name, brandbook=BRANDBOOK, preset=FACEBOOK)
        assert report.verdict == "pass", [f.message("en") for f in report.findings]
        assert report.file == (name or "banner.png")
        assert (report.format, report.width, report.height) == ("png", 1200, 628)


def test_bytes_without_a_name():
    report = run(corpus.good_svg(), brandbook=BRANDBOOK)
    assert report.file == "-"
    assert (report.format, report.width, report.height) == ("svg", 1920, 600)


def test_pdf_size_is_in_points():
    report = run(corpus.good_pdf(), filename="a4.pdf", brandbook=BRANDBOOK)
    assert (report.format, report.width, report.height) == ("pdf", 595, 842)


def test_too_large_bytes_and_paths(tmp_path):
    report = run(b"x" * 101, filename="a.png", brandbook=BRANDBOOK, max_bytes=100)
    (finding,) = report.findings
    assert finding.code == "file.too_large"
    assert finding.details == {"size_bytes": 101, "max_bytes": 100}
    assert report.verdict == "rejected"
    path = tmp_path / "big.png"
    path.write_bytes(corpus.good_png())
    report = run(path, brandbook=BRANDBOOK, max_bytes=1000)
    assert [f.code for f in report.findings] == ["file.too_large"]
    assert "MB" in report.findings[0].message("et")


def test_unreadable_paths(tmp_path):
    for path in (tmp_path, tmp_path / "missing.png"):
        report = run(path, brandbook=BRANDBOOK)
        assert [f.code for f in report.findings] == ["file.unreadable"]
        assert report.verdict == "rejected"


def test_a_rejected_file_reaches_no_content_check(monkeypatch):
    called = []
    monkeypatch.setattr(registry, "load_check", lambda name: called.append(name))
    report = run(b"GIF89a....", filename="x.png", brandbook=BRANDBOOK)
    assert report.verdict == "rejected"
    assert called == []


def test_a_crashing_check_becomes_a_finding_and_the_others_still_run(monkeypatch, caplog):
    real = registry.load_check
    ran = []

    def broken(decoded, brandbook, preset):
        raise ZeroDivisionError("oops")

    def wrong_type(decoded, brandbook, preset):
        return "not a list"

    def load(name):
        ran.append(name)
        return {"palette": broken, "contrast": wrong_type}.get(name) or real(name)

    monkeypatch.setattr(registry, "load_check", load)
    with caplog.at_level(logging.ERROR, logger="brandkit.checks.registry"):
        report = run(corpus.good_png(), filename="a.png", brandbook=BRANDBOOK, preset=FACEBOOK)
    failed = [f for f in report.findings if f.code == "internal.check_failed"]
    assert [f.details["check"] for f in failed] == ["palette", "contrast"]
    assert failed[0].severity == "error" and not failed[0].rejects
    assert "ZeroDivisionError" in failed[0].details["error"]
    assert "palette" in failed[0].message("et") and "palette" in failed[0].message("ru")
    assert report.verdict == "fail"
    assert "check palette failed" in caplog.text
    assert ran == list(CHECKS)


def test_a_missing_check_module_is_a_failure_not_a_pass(monkeypatch):
    report = run(
        corpus.good_png(), filename="a.png", brandbook=BRANDBOOK, checks=("no_such_check",)
    )
    (finding,) = report.findings
    assert finding.code == "internal.check_failed"
    assert finding.details["check"] == "no_such_check"
    assert report.verdict == "fail"


def test_a_decoding_bug_rejects_the_file_and_is_logged(monkeypatch, caplog):
    def explode(data, fmt, limits):
        raise RuntimeError("bug")

    monkeypatch.setattr(registry, "decode", explode)
    with caplog.at_level(logging.ERROR, logger="brandkit.checks.registry"):
        report = run(corpus.good_png(), filename="a.png", brandbook=BRANDBOOK)
    (finding,) = report.findings
    assert finding.code == "internal.decode_failed"
    assert finding.rejects
    assert report.verdict == "rejected"
    assert "decoding a.png failed" in caplog.text


def test_findings_from_checks_are_kept(monkeypatch):
    note = Finding("demo.note", "warning", {"et": "märkus", "en": "note"})
    monkeypatch.setattr(registry, "load_check", lambda name: lambda d, b, p: [note])
    report = run(corpus.good_png(), filename="a.png", brandbook=BRANDBOOK)
    assert [f.code for f in report.findings] == ["demo.note"] * len(CHECKS)
    assert report.verdict == "pass"


def test_json_default_handles_numpy_and_sets():
    data = {"a": np.float64(1.5), "b": np.arange(3), "c": {2, 1}, "d": np.int64(3)}
    text = json.dumps(data, default=registry.report_json_default)
    assert json.loads(text) == {"a": 1.5, "b": [0, 1, 2], "c": [1, 2], "d": 3}
