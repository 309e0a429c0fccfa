"""The content corpus through the whole pipeline: `brandkit.checks.run` on each file in
tests/corpus/content/ must give the verdict and the finding codes in expected.json.

Rebuild the corpus with `.venv/bin/python tests/corpus/build_content_corpus.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import run

CONTENT = Path(__file__).resolve().parent / "corpus" / "content"
EXPECTED = json.loads((CONTENT / "expected.json").read_text(encoding="utf-8"))
BRANDBOOK = parse_file(SKA_BRANDBOOK)
PRESETS = {p["slug"]: p for p in BRANDBOOK["presets"]}


def test_the_corpus_is_big_enough_and_covers_every_content_check():
    assert len(EXPECTED) >= 15
    codes = {code for item in EXPECTED.values() for code in item["codes"]}
    for code in (
        "colour.off_palette",
        "colour.photo_area",
        "dimensions.size_mismatch",
        "dimensions.aspect_mismatch",
        "dimensions.format_not_allowed",
        "dimensions.file_too_large_for_preset",
        "dimensions.low_resolution",
        "typography.disallowed_font",
        "typography.not_embedded",
        "typography.too_small",
        "contrast.insufficient",
        "metadata.location",
        "metadata.personal_data",
        "metadata.colour_space",
    ):
        assert code in codes, code
    verdicts = {item["verdict"] for item in EXPECTED.values()}
    assert verdicts == {"pass", "fail"}


def test_expected_json_lists_exactly_the_files_there():
    files = {p.name for p in CONTENT.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name):
    expected = EXPECTED[name]
    preset = PRESETS[expected["preset"]] if expected["preset"] else None
    report = run(CONTENT / name, brandbook=BRANDBOOK, preset=preset)
    codes = {f.code for f in report.findings}
    summary = [(f.severity, f.code, f.message("en")) for f in report.findings]
    assert not any(code.startswith("internal.") for code in codes), summary
    assert report.verdict == expected["verdict"], summary
    assert set(expected["codes"]) <= codes, summary
    assert not set(expected["absent_codes"]) & codes, summary
    for finding in report.findings:
        assert finding.messages.get("et") and finding.messages.get("en"), finding.code


def test_the_builder_still_makes_the_same_files():
    from tests.corpus.build_content_corpus import build

    built = build()
    assert set(built) == set(EXPECTED)
    for name, (_, expectation) in built.items():
        assert expectation == EXPECTED[name], name
