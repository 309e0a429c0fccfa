"""Real designers' exports must be accepted: tests/corpus/realworld/ holds SVG files written in
the shapes of Illustrator (Save As with editing data, legacy SVG fonts, Export As), Inkscape,
Figma and Affinity Designer exports, plus embedded web fonts and SVG images
(tests/corpus/build_realworld_corpus.py writes them; expected.json gives each verdict).

Each goes through the whole check (`registry.run`, the SKA brandbook, no preset) and through
`checkfile`, and gives its expected verdict with no rejection and no internal finding."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks.registry import run

REALWORLD = Path(__file__).parent / "corpus" / "realworld"
EXPECTED = json.loads((REALWORLD / "expected.json").read_text(encoding="utf-8"))
BRANDBOOK = parse_file(SKA_BRANDBOOK)


def test_every_file_has_an_expectation_and_every_tool_is_there():
    on_disk = {p.name for p in REALWORLD.iterdir() if p.suffix == ".svg"}
    assert on_disk == set(EXPECTED)
    tools = {name.split("-")[0] for name in EXPECTED}
    assert tools >= {"illustrator", "inkscape", "figma", "affinity", "embedded"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_world_export_is_accepted(name):
    expected = EXPECTED[name]
    report = run(REALWORLD / name, brandbook=BRANDBOOK)
    codes = [f.code for f in report.findings]
    assert not [f for f in report.findings if f.rejects], [f.message("en") for f in report.findings]
    assert not [code for code in codes if code.startswith("internal.")]
    assert report.verdict == expected["verdict"], [f.message("en") for f in report.findings]
    assert set(expected["codes"]) <= set(codes)
    assert (report.width, report.height) == (1920, 600)


def test_the_checkfile_command_accepts_them_all(capsys):
    paths = [str(REALWORLD / name) for name in sorted(EXPECTED)]
    try:
        call_command("checkfile", *paths, "--json", "--brandbook", str(SKA_BRANDBOOK))
        status = 0
    except SystemExit as exc:  # the command exits non-zero when a file fails or is rejected
        status = exc.code
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(line["file"]).name for line in lines] == sorted(EXPECTED)
    assert {line["verdict"] for line in lines} == {"pass"}
    assert status == 0
