"""Near duplicates: the same picture re-encoded or resized is found; the same layout in
another colour is not. And Estonian dates read the Estonian way."""

import datetime
import io

import pytest
from django.utils import formats, translation
from PIL import Image

from brandkit.library.uploads import (
    NEAR_DUPLICATE_DISTANCE,
    find_duplicates,
    hash_distance,
    perceptual_hash,
)
from tests.factories import make_asset, make_version


def banner(colour, size=(1200, 628), fmt="PNG") -> bytes:
    image = Image.new("RGB", size, (255, 255, 255))
    image.paste(colour, (0, 0, size[0] // 2, size[1]))
    image.paste((0, 0, 0), (size[0] // 2 + 50, 100, size[0] - 50, 160))
    out = io.BytesIO()
    image.save(out, format=fmt, quality=80)
    return out.getvalue()


def test_same_layout_in_another_colour_is_not_a_near_duplicate():
    blue = perceptual_hash(banner((0, 51, 160)), "png")
    red = perceptual_hash(banner((227, 6, 19)), "png")
    assert blue.split(":")[0] == red.split(":")[0]  # grey-level shape alone cannot tell
    assert hash_distance(blue, red) is None


def test_reencoded_and_resized_copy_is_a_near_duplicate():
    original = perceptual_hash(banner((0, 51, 160)), "png")
    smaller_jpeg = perceptual_hash(banner((0, 51, 160), size=(600, 314), fmt="JPEG"), "jpeg")
    assert hash_distance(original, smaller_jpeg) is not None
    assert hash_distance(original, smaller_jpeg) <= NEAR_DUPLICATE_DISTANCE


@pytest.mark.django_db
def test_find_duplicates_reports_exact_and_near(topic_owner):
    data = banner((0, 51, 160))
    asset = make_asset(topic_owner)
    version = make_version(asset, data=data)
    version.perceptual_hash = perceptual_hash(data, "png")
    version.save()
    exact = find_duplicates(topic_owner, version.sha256, version.perceptual_hash)
    assert [(d.version, d.exact) for d in exact] == [(version, True)]
    jpeg = banner((0, 51, 160), fmt="JPEG")
    near = find_duplicates(topic_owner, "0" * 64, perceptual_hash(jpeg, "jpeg"))
    assert [(d.version, d.exact) for d in near] == [(version, False)]
    red = banner((227, 6, 19))
    assert find_duplicates(topic_owner, "0" * 64, perceptual_hash(red, "png")) == []


def test_estonian_dates_are_day_month_year():
    moment = datetime.datetime(2026, 11, 25, 20, 5)
    with translation.override("et"):
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "25.11.2026 20:05"
    with translation.override("en"):
        assert (
            formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "2026-11-25 20:05"
        )  # ISO in English, never the US order
