"""Dates read the way people in Estonia write them, in every interface language."""

import datetime

import pytest
from django.utils import formats, translation


@pytest.mark.parametrize(
    "language, short_datetime, long_date",
    [
        ("et", "02.12.2026 06:38", "2. detsember 2026"),
        ("en", "2026-12-02 06:38", "2 December 2026"),
        ("ru", "02.12.2026 06:38", "2 декабря 2026"),
    ],
)
def test_dates_are_day_first_or_iso_never_us(language, short_datetime, long_date):
    moment = datetime.datetime(2026, 12, 2, 6, 38)
    with translation.override(language):
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == short_datetime
        assert formats.date_format(moment.date(), "DATE_FORMAT").startswith(long_date)
        assert "a.m." not in formats.date_format(moment, "DATETIME_FORMAT")


def test_english_week_starts_on_monday():
    with translation.override("en"):
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
