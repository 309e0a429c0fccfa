"""Brandbook files: the shipped SKA file is valid, and each kind of broken file is refused
with the path and the reason."""

from pathlib import Path

import pytest
import yaml

from brandkit.brandbooks import SKA_BRANDBOOK, BrandbookInvalid, dump_yaml, parse_file, parse_text
from brandkit.brandbooks.parse import MAX_FILE_BYTES, content

STATIC = Path(__file__).resolve().parent.parent / "static"


def ska_data() -> dict:
    return yaml.safe_load(SKA_BRANDBOOK.read_text(encoding="utf-8"))


def errors_of(text: str, base_dir: Path | None = None, static_dir: Path | None = None):
    with pytest.raises(BrandbookInvalid) as info:
        parse_text(text, base_dir=base_dir, static_dir=static_dir, source="x.yaml")
    return [(e.path, e.message) for e in info.value.errors]


def test_ska_brandbook_is_valid_with_its_files_and_fonts():
    data = parse_file(SKA_BRANDBOOK, static_dir=STATIC)
    assert data["slug"] == "ska"
    blue = next(c for c in data["colour"]["colours"] if c["slug"] == "state-blue")
    assert blue["hex"] == "#0033A0" and blue["rgb"] == [0, 51, 160]
    assert blue["pantone"] == "286 C" and blue["confirmed"] is False
    gold = next(c for c in data["colour"]["colours"] if c["slug"] == "state-gold")
    assert gold["pantone"] == "872 C"
    families = [t["family"] for t in data["typography"]["typefaces"]]
    assert {"Roboto Condensed", "Roboto Slab"} <= set(families)
    sizes = {p["slug"]: (p["width"], p["height"], p["unit"]) for p in data["presets"]}
    assert sizes["facebook-link"] == (1200, 628, "px")
    assert sizes["linkedin-link"] == (1200, 628, "px")
    assert sizes["instagram-square"] == (1080, 1080, "px")
    assert sizes["instagram-portrait"] == (1080, 1350, "px")
    assert sizes["x-post"] == (1600, 900, "px")
    assert sizes["print-a4"] == (210, 297, "mm")
    assert sizes["print-a3"] == (297, 420, "mm")
    assert {"web-hero", "web-content"} <= set(sizes)
    assert data["accessibility"]["text_contrast"] == 4.5


def test_unconfirmed_values_are_marked_with_a_note():
    data = parse_file(SKA_BRANDBOOK)
    unconfirmed = [c for c in data["colour"]["colours"] if not c["confirmed"]]
    assert unconfirmed, "approximated Pantone conversions must be marked as to be confirmed"
    assert all(c.get("note") for c in unconfirmed)


def test_defaults_are_filled_in():
    data = ska_data()
    del data["colour"]["neutrals"]
    del data["presets"][0]["match"]
    parsed = parse_text(yaml.safe_dump(data))
    assert parsed["colour"]["neutrals"] is True
    assert parsed["presets"][0]["match"] == "exact"


def test_not_yaml_names_line_and_column():
    errors = errors_of("brandbook: 1\nslug: [unclosed\n")
    assert len(errors) == 1
    path, message = errors[0]
    assert path.startswith("line ") and "column" in path
    assert "not valid YAML" in message


def test_not_a_mapping():
    assert errors_of("- just\n- a list\n")[0][1].startswith("the file must be a YAML mapping")


@pytest.mark.parametrize(
    ("mutate", "path", "reason"),
    [
        (
            lambda d: d["colour"]["colours"][0].update(hex="#12345"),
            "colour.colours[0].hex",
            "expected form",
        ),
        (
            lambda d: d["colour"]["colours"][1].update(hex="blue"),
            "colour.colours[1].hex",
            "expected form",
        ),
        (lambda d: d.pop("presets"), "", "'presets' is a required property"),
        (lambda d: d["presets"][2].update(width=-5), "presets[2].width", "less than or equal"),
        (lambda d: d["presets"][0].update(formats=["gif"]), "presets[0].formats[0]", "gif"),
        (lambda d: d.update(colour_typo=1), "", "Unknown key"),
        (lambda d: d.update(brandbook=2), "brandbook", "1 was expected"),
        (
            lambda d: d["accessibility"].update(text_contrast=30),
            "accessibility.text_contrast",
            "maximum",
        ),
        (
            lambda d: d["colour"]["colours"][0]["name"].pop("et"),
            "colour.colours[0].name",
            "'et' is a required property",
        ),
    ],
)
def test_schema_errors_name_path_and_reason(mutate, path, reason):
    data = ska_data()
    mutate(data)
    errors = errors_of(yaml.safe_dump(data, allow_unicode=True))
    assert any(p == path and reason in m for p, m in errors), errors


def test_every_error_is_reported_not_only_the_first():
    data = ska_data()
    data["colour"]["colours"][0]["hex"] = "nope"
    data["presets"][0]["height"] = "tall"
    paths = {p for p, _m in errors_of(yaml.safe_dump(data, allow_unicode=True))}
    assert {"colour.colours[0].hex", "presets[0].height"} <= paths


def test_duplicate_slugs_and_mismatched_rgb_are_refused():
    data = ska_data()
    data["colour"]["colours"][1]["slug"] = "state-blue"
    data["colour"]["colours"][2]["rgb"] = [1, 2, 3]
    errors = errors_of(yaml.safe_dump(data, allow_unicode=True))
    assert (
        "colour.colours[1].slug",
        "'state-blue' is used twice (first at colour.colours[0])",
    ) in errors
    assert any(
        p == "colour.colours[2].rgb" and "does not match hex #000000" in m for p, m in errors
    )


def test_logo_files_must_exist():
    data = ska_data()
    data["logos"][0]["variants"][0]["file"] = "ska/missing.svg"
    errors = errors_of(yaml.safe_dump(data, allow_unicode=True), base_dir=SKA_BRANDBOOK.parent)
    assert errors == [("logos[0].variants[0].file", "file 'ska/missing.svg' not found")]


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "ska/../../x.svg"])
def test_logo_files_must_stay_inside_the_brandbook_folder(path):
    data = ska_data()
    data["logos"][0]["variants"][1]["file"] = path
    errors = errors_of(yaml.safe_dump(data, allow_unicode=True), base_dir=SKA_BRANDBOOK.parent)
    assert [p for p, _m in errors] == ["logos[0].variants[1].file"]


def test_symlink_out_of_the_brandbook_folder_is_refused(tmp_path):
    (tmp_path / "secret.svg").write_text("<svg/>")
    book = tmp_path / "book"
    book.mkdir()
    (book / "logo.svg").symlink_to(tmp_path / "secret.svg")
    data = ska_data()
    data["logos"] = [data["logos"][1]]
    data["logos"][0]["variants"] = [{"slug": "x", "file": "logo.svg"}]
    for preset in data["presets"]:  # they named the logo just dropped
        preset.pop("logo", None)
    errors = errors_of(yaml.safe_dump(data, allow_unicode=True), base_dir=book)
    assert errors == [("logos[0].variants[0].file", "must stay inside the brandbook's folder")]


def test_font_files_must_exist_under_static(tmp_path):
    data = ska_data()
    data["typography"]["typefaces"][0]["files"] = ["fonts/nope.ttf"]
    errors = errors_of(yaml.safe_dump(data, allow_unicode=True), static_dir=STATIC)
    assert (
        "typography.typefaces[0].files[0]",
        "font file 'fonts/nope.ttf' not found under static/",
    ) in errors


def test_yaml_aliases_are_refused():
    text = "a: &x [1, 2]\nb: *x\n"
    assert "aliases" in errors_of(text)[0][1]


def test_oversized_file_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * (MAX_FILE_BYTES + 10))
    with pytest.raises(BrandbookInvalid, match="larger than"):
        parse_file(big)


def test_unreadable_and_non_utf8_files(tmp_path):
    with pytest.raises(BrandbookInvalid, match="cannot read"):
        parse_file(tmp_path / "nope.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: S\xf5ber".encode("latin-1"))
    with pytest.raises(BrandbookInvalid, match="not UTF-8"):
        parse_file(latin)


def test_dump_reads_back_to_the_same_data():
    data = parse_file(SKA_BRANDBOOK)
    assert parse_text(dump_yaml(data)) == content(data)
