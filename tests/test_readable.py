"""Report and audit details as people read them: labels, units, swatches, no Python syntax."""

import pytest
from django.utils import translation

from brandkit import readable

CONTRAST = {
    "foreground": "#85714D",
    "background": "#0033A0",
    "ratio": 2.25,
    "required": 3.0,
    "large_text": True,
    "font_size_px": 20.0,
    "element": "svg/text[1]",
    "boxes": [[10, 20, 300, 40], [10, 80, 300, 40]],
}
OFF_PALETTE = {
    "colour": "#E30613",
    "coverage": 0.25,
    "max_off_palette": 0.02,
    "nearest": {"slug": "state-blue", "hex": "#0033A0"},
    "suggested": {"slug": "state-blue", "hex": "#0033A0", "role": "background", "role_match": True},
    "mix": {"of": ["state-blue", "white"], "weight": 0.86},
    "colours": {"state-blue": 0.486, "white": 0.1414},
    "kind": "colour",
}
NAMES = {"state-blue": "Riigisinine", "white": "Valge"}


def texts(items):
    return {item.label: item.text for item in items}


def test_contrast_details_in_estonian():
    with translation.override("et"):
        shown = texts(readable.details(CONTRAST))
    joined = " ".join(f"{k} {v}" for k, v in shown.items())
    assert "2,25:1" in joined and "3:1" in joined and "20 px" in joined
    assert "jah" in joined  # large text: yes, not True
    assert "True" not in joined and "{" not in joined and "_" not in "".join(shown)


def test_colours_have_names_codes_and_swatches():
    with translation.override("en"):
        items = readable.details(OFF_PALETTE, colour_names=NAMES)
    shown = texts(items)
    assert shown["Colour"] == "#E30613"
    assert shown["Share of the image"] == "25 %"
    assert shown["Off-palette share allowed"] == "2 %"
    assert shown["Nearest brand colour"] == "Riigisinine #0033A0"
    assert shown["Looks like a blend of"] == "Riigisinine + Valge"
    assert shown["Brand colours found"] == "Riigisinine 48.6 %, Valge 14.1 %"
    swatches = {item.label: item.swatches for item in items}
    assert swatches["Colour"] == ("#E30613",) and swatches["Suggested brand colour"] == ("#0033A0",)
    assert "Kind" not in shown  # internal book-keeping is not shown


def test_audit_changes_read_as_old_to_new():
    with translation.override("en"):
        shown = texts(
            readable.details(
                {
                    "changes": {
                        "title_en": {"old": "Old", "new": ""},
                        "usable_until": {"old": None, "new": "2027-01-01"},
                    },
                    "via": "admin",
                    "created": True,
                }
            )
        )
    assert shown["Changes"] == "Title (English): “Old” → “”; Usable until: — → “2027-01-01”"
    assert shown["Made in"] == "the admin" and shown["New"] == "yes"
    with translation.override("et"):
        shown = texts(readable.details({"changes": {"usable_until": {"old": None, "new": "x"}}}))
    assert shown["Muudatused"].startswith("Kasutatav kuni: —")


@pytest.mark.parametrize("value", [None, "", [], {}])
def test_empty_values_are_left_out(value):
    assert readable.details({"comment": value}) == []


def test_unknown_keys_get_a_readable_label_and_odd_input_no_error():
    with translation.override("en"):
        shown = texts(readable.details({"some_new_key": {"a_b": [1, 2.5]}, 3: object()}))
    assert shown["Some new key"] == "A b: 1, 2.5"
    assert readable.details(["not", "a", "mapping"]) == []
