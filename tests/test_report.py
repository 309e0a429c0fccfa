"""The report contract: verdict precedence and JSON-ready details."""

import json

import numpy as np

from brandkit.checks.report import Finding, Report


def finding(code, severity="error", rejects=False, **details):
    return Finding(code, severity, {"et": f"{code} et", "en": f"{code} en"}, details, rejects)


def test_rejection_outranks_failure_and_warnings_pass():
    report = Report("a.png")
    assert report.verdict == "pass"
    report.add(finding("metadata.location", "warning"))
    assert report.verdict == "pass"
    report.add(finding("colour.off_palette"))
    assert report.verdict == "fail"
    report.add(finding("file.corrupt", rejects=True))
    assert report.verdict == "rejected"


def test_numpy_details_become_plain_json():
    report = Report("a.png", "png", 10, 10)
    report.add(
        finding(
            "colour.off_palette",
            de=np.float64(4.25),
            rgb=np.array([1, 2, 3]),
            share=np.float32(0.5),
            codes={"b", "a"},
            pair=(np.int64(1), 2),
        )
    )
    for data in (report.as_dict("en"), report.as_storable()):
        text = json.dumps(data)  # no default= needed
        details = json.loads(text)["findings"][0]["details"]
        assert details == {
            "de": 4.25,
            "rgb": [1, 2, 3],
            "share": 0.5,
            "codes": ["a", "b"],
            "pair": [1, 2],
        }


def test_messages_follow_the_language_with_english_fallback():
    f = finding("x")
    assert f.message("et") == "x et" and f.message("ru") == "x en"
    assert Report("a").as_dict()["findings"] == []
