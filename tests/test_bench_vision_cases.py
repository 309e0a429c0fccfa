"""The vision benchmark's generated banners: labelled as described, and the compliant ones pass
the colour check (so the benchmark's false errors are the vision checks' own)."""

from __future__ import annotations

import io

from PIL import Image

from bench.vision_cases import LOGO_FAULTS, LOGO_MIN_WIDTH, cases
from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import run

BRANDBOOK = parse_file(SKA_BRANDBOOK)


def test_the_generated_set_is_labelled_and_deterministic():
    few = cases(compliant=5, low_contrast=5, per_fault=1)
    again = cases(compliant=5, low_contrast=5, per_fault=1)
    assert [c.data for c in few] == [c.data for c in again]
    assert len(few) == 5 + 5 + len(LOGO_FAULTS)
    for case in few:
        with Image.open(io.BytesIO(case.data)) as img:
            assert img.size == (case.width, case.height)
            assert img.format == ("JPEG" if case.fmt == "jpeg" else "PNG")
        assert case.text_px >= 16
        if "contrast.insufficient" in case.expected:
            assert case.contrast < 4.5 and case.text_boxes
        elif case.logo == "ok":
            assert case.contrast >= 4.5
        if case.logo == "ok":
            assert case.logo_width >= LOGO_MIN_WIDTH[case.logo_slug]
        if case.logo == "too_small":
            assert case.logo_width < LOGO_MIN_WIDTH[case.logo_slug]
    assert {c.logo for c in few} == {"ok", *LOGO_FAULTS}


def test_compliant_banners_pass_the_colour_check():
    for case in cases(compliant=10, low_contrast=0, per_fault=0):
        if not case.compliant:
            continue
        report = run(
            case.data,
            filename=case.filename,
            brandbook=BRANDBOOK,
            checks=("dimensions", "palette", "contrast"),
        )
        errors = [f.code for f in report.findings if f.severity == "error"]
        assert errors == [], case.name
