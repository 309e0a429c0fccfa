"""Typeface names end up inside `style="font-family: …"` on the brand guide: the schema lets
through only names (letters of any script, digits, spaces, hyphens), the admin applies the same
rule, and the guide quotes and escapes every name as a CSS string all the same."""

import re

import pytest
import yaml
from django.core.exceptions import ValidationError

from brandkit.brandbooks import SKA_BRANDBOOK, BrandbookInvalid, dump_yaml, parse_text
from brandkit.rules.models import Typeface, css_string

HOSTILE = [
    'Roboto"; background: url(https://evil.example/x)',
    "Roboto'; color: red",
    "Roboto</style>",
    "Roboto\\22 ",
    "Roboto; x",
    "Roboto\nCondensed",
    "Roboto  Condensed",
    " Roboto",
    "",
]


def ska_data() -> dict:
    return yaml.safe_load(SKA_BRANDBOOK.read_text(encoding="utf-8"))


def errors_of(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(BrandbookInvalid) as info:
        parse_text(dump_yaml(data), source="x.yaml")
    return [(e.path, e.message) for e in info.value.errors]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_brandbook_with_a_hostile_family_name_is_refused(name):
    data = ska_data()
    data["typography"]["typefaces"][0]["family"] = name
    paths = [path for path, _message in errors_of(data)]
    assert "typography.typefaces[0].family" in paths


@pytest.mark.parametrize("name", HOSTILE)
def test_a_brandbook_with_a_hostile_fallback_is_refused(name):
    data = ska_data()
    data["typography"]["typefaces"][1]["fallbacks"] = ["Georgia", name]
    paths = [path for path, _message in errors_of(data)]
    assert "typography.typefaces[1].fallbacks[1]" in paths


@pytest.mark.parametrize(
    "name", ["Roboto Condensed", "PT Sans", "Noto Sans CJK JP", "Õnne Kiri", "Шрифт-2"]
)
def test_names_in_any_script_with_spaces_and_hyphens_are_accepted(name):
    data = ska_data()
    data["typography"]["typefaces"][0]["family"] = name
    data["typography"]["typefaces"][0]["files"] = []
    data.pop("templates", None)  # the brand templates name the family this test renames
    parsed = parse_text(dump_yaml(data), source="x.yaml")
    assert parsed["typography"]["typefaces"][0]["family"] == name


def test_css_string_cannot_be_closed():
    assert css_string("Roboto Condensed") == '"Roboto Condensed"'
    assert css_string('a"b') == '"a\\22 b"'
    assert css_string("a\\b") == '"a\\5c b"'
    assert css_string("a\nb</") == '"a\\a b\\3c /"'


@pytest.mark.django_db
def test_the_guide_renders_a_family_with_a_space_as_one_quoted_name(client, ska, topic_owner):
    client.force_login(topic_owner)
    html = client.get("/brand/").content.decode()
    assert (
        'style="font-family: &quot;Roboto Condensed&quot;, &quot;Arial&quot;, '
        "&quot;Helvetica&quot;, &quot;Times New Roman&quot;, sans-serif; font-weight: 700"
    ) in html


@pytest.mark.django_db
def test_a_hostile_name_already_stored_cannot_break_out_of_the_style(client, ska, topic_owner):
    """Rows written around the schema (raw SQL, an old database) are escaped all the same."""
    Typeface.objects.filter(brandbook=ska, family="Roboto Slab").update(
        family='X"; background: url(https://evil.example/x); "'
    )
    client.force_login(topic_owner)
    html = client.get("/brand/").content.decode()
    styles = re.findall(r'style="(font-family:[^"]*)"', html)
    hostile = next(s for s in styles if "evil.example" in s)
    # the only quotes in the declaration are the CSS string delimiters of each name
    assert hostile.startswith(
        "font-family: &quot;X\\22 ; background: url(https://evil.example/x); \\22 &quot;, "
    )


@pytest.mark.django_db
def test_the_admin_applies_the_same_rule(ska):
    typeface = Typeface.objects.filter(brandbook=ska).first()
    typeface.family = 'Roboto"; color: red'
    with pytest.raises(ValidationError) as info:
        typeface.full_clean()
    assert "family" in info.value.message_dict
    typeface.family = "Roboto Mono"
    typeface.fallbacks = ["Arial", "x}"]
    with pytest.raises(ValidationError) as info:
        typeface.full_clean()
    assert "fallbacks" in info.value.message_dict
    typeface.fallbacks = ["Arial", "sans-serif"]
    typeface.full_clean()
