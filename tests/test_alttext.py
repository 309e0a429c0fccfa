"""Does the alt text carry the words read in the image? Pure matching, then the review pages."""

import pytest
from django.conf import settings
from django.urls import reverse

from brandkit.checks.text import relabel_languages
from brandkit.review import alttext
from tests import vision_banners as vb
from tests.library_helpers import make_asset


def report(*lines):
    return {
        "findings": [
            {
                "code": "text.images_of_text",
                "severity": "info",
                "details": {"lines": [dict(line) for line in lines]},
            }
        ]
    }


ET_LINE = {"text": "Toetused ja pensionid ühest kohast", "language": "et", "probability": 0.99}
RU_LINE = {"text": "Пособия и пенсии в одном месте", "language": "ru", "probability": 0.99}


def test_words_are_matched_ignoring_case_diacritics_and_inflection():
    alt = {"et": "Bänner: TOETUSED ja pensionid uhest kohast, Sotsiaalkindlustusameti logo"}
    assert alttext.gaps(report(ET_LINE), alt) == []
    line = {"text": "Sotsiaalkindlustusamet", "language": "et"}
    assert alttext.gaps(report(line), alt) == []


def test_an_ocr_slip_is_tolerated_but_missing_words_are_reported():
    misread = {"text": "Toetused ja pensionld ühest kohast", "language": "et"}
    assert alttext.gaps(report(misread), {"et": "Toetused ja pensionid ühest kohast"}) == []
    found = alttext.gaps(report(ET_LINE), {"et": "Sinine ja valge bänner"})
    assert found == [
        {"language": "et", "missing": ["Toetused", "pensionid", "ühest", "kohast"], "total": 4}
    ]
    assert alttext.describe(found) == "et: Toetused, pensionid, ühest, kohast"


def test_each_language_is_compared_with_its_own_alt_text():
    alts = {"et": "Toetused ja pensionid ühest kohast", "ru": "Синий баннер"}
    found = alttext.gaps(report(ET_LINE, RU_LINE), alts)
    assert [gap["language"] for gap in found] == ["ru"]
    assert "Пособия" in found[0]["missing"]
    # a line in a language without its own alt text is compared with all of them
    assert alttext.gaps(report(RU_LINE), {"et": "Пособия и пенсии в одном месте"}) == []


def test_no_text_read_or_no_alt_text_gives_no_gap():
    assert alttext.gaps({"findings": []}, {"et": "x"}) == []
    assert alttext.gaps(report(ET_LINE), {"et": "", "en": "  "}) == []
    assert alttext.gaps(None, {"et": "x"}) == []


def test_relabel_languages_redoes_language_warnings_from_the_lines_read():
    en_line = {"text": "Family benefits in one place", "language": "en", "probability": 0.98}
    stored = report(ET_LINE, en_line)
    redone = relabel_languages(stored, ["et"])
    found = [f for f in redone["findings"] if f["code"] == "text.language"]
    assert len(found) == 1 and found[0]["details"]["language"] == "en"
    assert found[0]["messages"]["et"] and found[0]["severity"] == "warning"
    again = relabel_languages(redone, ["et", "en"])
    assert not [f for f in again["findings"] if f["code"] == "text.language"]


# -- the review path ----------------------------------------------------------------------------


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.mark.django_db
def test_review_warns_when_the_alt_text_lacks_the_banners_words(
    client, english, ska, topic_owner, web_manager
):
    data = vb.compliant()
    asset, version = make_asset(
        topic_owner, ska, state="submitted", data=data, alt_text_et="Sinine bänner logoga"
    )
    client.force_login(web_manager)
    page = client.get(reverse("library:version", args=[version.pk])).content.decode()
    assert "does not carry" in page and "Toetused" in page
    response = client.post(
        reverse("review:approve", args=[version.pk]), {"revision": version.revision}, follow=True
    )
    shown = [str(m) for m in response.context["messages"]]
    assert any("The version was approved" in m for m in shown)
    assert any("alt text does not contain" in m and "Toetused" in m for m in shown)


@pytest.mark.django_db
def test_no_warning_when_the_alt_text_carries_the_words(
    client, english, ska, topic_owner, web_manager
):
    asset, version = make_asset(
        topic_owner,
        ska,
        state="submitted",
        data=vb.compliant(),
        alt_text_et="Toetused ja pensionid ühest kohast. Sotsiaalkindlustusamet aitab igas "
        "elujärgus.",
    )
    client.force_login(web_manager)
    page = client.get(reverse("library:version", args=[version.pk])).content.decode()
    assert "does not carry" not in page
    response = client.post(
        reverse("review:approve", args=[version.pk]), {"revision": version.revision}, follow=True
    )
    assert not any("alt text does not contain" in str(m) for m in response.context["messages"])


@pytest.mark.django_db
def test_committed_version_gets_language_warnings_for_the_assets_languages(ska, topic_owner):
    data = vb.banner(texts=[vb.Text("Family benefits and pensions in one place", 48, (60, 200))])
    _, version = make_asset(topic_owner, ska, data=data, languages="et")
    codes = [f["code"] for f in version.report["findings"]]
    assert "text.language" in codes
    _, version = make_asset(topic_owner, ska, data=data, languages="et en")
    assert "text.language" not in [f["code"] for f in version.report["findings"]]
