"""The real `checkfile` command over the safety corpus, its output and its exit status.

tests/corpus/expected_safety.json (written by tests/corpus/build_corpus.py) gives each file's
preset, verdict and the finding code that must be reported.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from brandkit.brandbooks import SKA_BRANDBOOK

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SAFETY = CORPUS / "safety"
EXPECTED = json.loads((CORPUS / "expected_safety.json").read_text(encoding="utf-8"))
EXIT = {"pass": 0, "fail": 1, "rejected": 2}


def checkfile(*args) -> tuple[int, str, str]:
    """Run the command in-process: (exit status, stdout, stderr)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("checkfile", *args, stdout=out, stderr=err, no_color=True)
        status = 0
    except SystemExit as exc:
        status = exc.code
    return status, out.getvalue(), err.getvalue()


def test_corpus_is_big_enough_and_covers_every_code():
    assert len(EXPECTED) >= 30
    codes = {meta["code"] for meta in EXPECTED.values()}
    assert codes >= {
        "file.empty",
        "file.corrupt",
        "file.type_mismatch",
        "file.unsupported",
        "file.decompression_bomb",
        "svg.unsafe",
        "pdf.unsafe",
        "pdf.encrypted",
    }
    assert {meta["verdict"] for meta in EXPECTED.values()} >= {"pass", "rejected"}
    assert sorted(p.name for p in SAFETY.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name):
    meta = EXPECTED[name]
    args = [str(SAFETY / name), "--json", "--brandbook", str(SKA_BRANDBOOK), "--lang", "en"]
    if meta["preset"]:
        args += ["--preset", meta["preset"]]
    status, out, _err = checkfile(*args)
    (line,) = out.strip().splitlines()
    report = json.loads(line)
    codes = [finding["code"] for finding in report["findings"]]
    assert report["verdict"] == meta["verdict"], codes
    assert status == EXIT[meta["verdict"]]
    assert report["file"] == str(SAFETY / name)
    if meta["code"]:
        assert meta["code"] in codes
    assert not [code for code in codes if code.startswith("internal.")]
    if meta["verdict"] == "rejected":
        assert any(f["severity"] == "error" and f["message"] for f in report["findings"])
    for finding in report["findings"]:
        assert set(finding) == {"code", "severity", "message", "details"}
        assert finding["severity"] in ("error", "warning", "info")
    assert set(report) == {"file", "verdict", "format", "width", "height", "findings"}


def _env():
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    return env


def test_exit_status_of_the_process():
    """`python manage.py checkfile --json` returns 2 when any file is rejected, 1 when the worst
    is a failure, 0 when all pass; one JSON line per file."""
    names = sorted(EXPECTED)
    command = [
        sys.executable,
        "manage.py",
        "checkfile",
        "--json",
        "--brandbook",
        str(SKA_BRANDBOOK),
    ]
    result = subprocess.run(
        [*command, *(str(SAFETY / n) for n in names)],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(names)
    for name, line in zip(names, lines, strict=True):
        report = json.loads(line)
        assert report["file"].endswith(name)
        # without --preset the good files still pass
        assert report["verdict"] == EXPECTED[name]["verdict"], (name, report["findings"])

    good = str(SAFETY / "good-facebook.png")
    passed = subprocess.run(
        [*command, "--preset", "facebook-link", good],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = subprocess.run(
        [*command, "--preset", "web-hero", good],  # 1200×628 is not 1920×600
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert json.loads(failed.stdout)["verdict"] == "fail"


def test_rejection_outranks_failure():
    status, out, _ = checkfile(
        str(SAFETY / "good-facebook.png"),
        str(SAFETY / "empty.png"),
        "--json",
        "--preset",
        "web-hero",
        "--brandbook",
        str(SKA_BRANDBOOK),
    )
    assert [json.loads(line)["verdict"] for line in out.splitlines()] == ["fail", "rejected"]
    assert status == 2


def test_usage_errors_exit_2_without_traceback():
    """From the shell, a usage error is exit status 2 and a message, not a traceback."""
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "checkfile",
            "--brandbook",
            str(SKA_BRANDBOOK),
            "--preset",
            "no-such-preset",
            "/nonexistent/banner.png",
        ],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "Unknown preset 'no-such-preset'" in result.stderr
    assert "Traceback" not in result.stderr
    result = subprocess.run(
        [sys.executable, "manage.py", "checkfile", "--lang", "fr", "x.png"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_missing_file_is_a_usage_error():
    with pytest.raises(CommandError) as excinfo:
        call_command("checkfile", "nope.png", "also-missing.svg", "--brandbook", str(SKA_BRANDBOOK))
    assert excinfo.value.returncode == 2
    assert "nope.png: no such file" in str(excinfo.value)
    assert "also-missing.svg: no such file" in str(excinfo.value)


def test_unknown_preset_lists_the_presets():
    with pytest.raises(CommandError) as excinfo:
        call_command(
            "checkfile",
            str(SAFETY / "good-facebook.png"),
            "--preset",
            "banner",
            "--brandbook",
            str(SKA_BRANDBOOK),
        )
    assert excinfo.value.returncode == 2
    assert "web-hero" in str(excinfo.value) and "facebook-link" in str(excinfo.value)


def test_bad_brandbook_file_lists_every_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    text = SKA_BRANDBOOK.read_text(encoding="utf-8")
    text = text.replace('hex: "#0033A0"', 'hex: "blue"').replace(
        "tolerance_de2000: 3.0", "tolerance_de2000: -1"
    )
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("checkfile", str(SAFETY / "good-facebook.png"), "--brandbook", str(bad))
    assert excinfo.value.returncode == 2
    message = str(excinfo.value)
    assert "colour.colours[0].hex:" in message
    assert "colour.tolerance_de2000:" in message


def test_brandbook_path_that_does_not_exist():
    with pytest.raises(CommandError) as excinfo:
        call_command("checkfile", str(SAFETY / "good-facebook.png"), "--brandbook", "no/such.yaml")
    assert excinfo.value.returncode == 2
    assert "not found" in str(excinfo.value)


@pytest.mark.django_db
def test_brandbook_slug_from_the_database(ska):
    status, out, _ = checkfile(
        str(SAFETY / "good-facebook.png"),
        "--brandbook",
        "ska",
        "--preset",
        "facebook-link",
        "--json",
    )
    assert status == 0
    assert json.loads(out)["verdict"] == "pass"


@pytest.mark.django_db
def test_unknown_brandbook_slug():
    with pytest.raises(CommandError) as excinfo:
        call_command("checkfile", str(SAFETY / "good-facebook.png"), "--brandbook", "other")
    assert excinfo.value.returncode == 2
    assert "other" in str(excinfo.value)


@pytest.mark.django_db
def test_default_brandbook_falls_back_to_the_shipped_file():
    status, out, _ = checkfile(str(SAFETY / "good-facebook.png"), "--preset", "facebook-link")
    assert status == 0
    assert "good-facebook.png" in out


@pytest.mark.django_db
def test_default_brandbook_from_the_database(ska):
    status, out, _ = checkfile(
        str(SAFETY / "good-banner.svg"), "--preset", "web-hero", "--json", "--lang", "en"
    )
    assert status == 0
    assert json.loads(out)["verdict"] == "pass"


@pytest.mark.parametrize(
    ("lang", "verdict_word", "severity_word"),
    [("et", "TAGASI LÜKATUD", "viga"), ("en", "REJECTED", "error"), ("ru", "ОТКЛОНЁН", "ошибка")],
)
def test_human_output_in_each_language(lang, verdict_word, severity_word):
    status, out, _ = checkfile(
        str(SAFETY / "svg-script.svg"),
        str(SAFETY / "good-facebook.png"),
        "--brandbook",
        str(SKA_BRANDBOOK),
        "--lang",
        lang,
    )
    assert status == 2
    assert f"svg-script.svg: {verdict_word}" in out
    assert f"{severity_word} svg.unsafe" in out
    assert "svg/script[1]" in out
    assert "1200 × 628 px" in out
    summary = out.strip().splitlines()[-1]
    assert "2" in summary and "1" in summary


def test_generator_reproduces_the_committed_corpus(tmp_path):
    from tests.corpus import build_corpus

    table = build_corpus.write(out=tmp_path / "safety", expected=tmp_path / "expected.json")
    assert table == EXPECTED
    for name in EXPECTED:
        assert (tmp_path / "safety" / name).read_bytes() == (SAFETY / name).read_bytes(), name
