"""Loading brandbooks into the database: idempotent, versioned, all or nothing."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.brandbooks.parse import content
from brandkit.rules.models import Brandbook, ChannelPreset, Colour, Logo, LogoVariant, Typeface

pytestmark = pytest.mark.django_db


def copy_ska(tmp_path: Path, **changes) -> Path:
    """A copy of the SKA brandbook (with its logo folder) with top-level changes applied."""
    shutil.copytree(SKA_BRANDBOOK.parent / "ska", tmp_path / "ska")
    data = yaml.safe_load(SKA_BRANDBOOK.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if callable(value):
            value(data)
        else:
            data[key] = value
    target = tmp_path / "book.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def counts():
    return tuple(
        m.objects.count() for m in (Brandbook, Colour, Typeface, Logo, LogoVariant, ChannelPreset)
    )


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def load(path) -> str:
    out = StringIO()
    call_command("loadbrandbook", str(path), stdout=out)
    return out.getvalue()


def test_load_stores_everything_in_the_file():
    output = load(SKA_BRANDBOOK)
    assert "Loaded ska 2026.2: 4 colours, 3 typefaces, 2 logos, 9 presets" in output
    book = Brandbook.objects.get(slug="ska")
    assert book.is_current and book.tolerance_de2000 == 3.0
    blue = book.colours.get(slug="state-blue")
    assert (blue.hex, blue.rgb, blue.pantone, blue.cmyk) == (
        "#0033A0",
        (0, 51, 160),
        "286 C",
        [100, 75, 0, 0],
    )
    assert blue.name_et == "Riigisinine" and blue.name_ru == "Государственный синий"
    variant = LogoVariant.objects.get(logo__slug="coat-of-arms", slug="et-positive")
    with variant.file.open("rb") as f:
        assert f.read() == (SKA_BRANDBOOK.parent / "ska/coat-of-arms-et-positive.svg").read_bytes()
    assert book.presets.get(slug="print-a4").pixel_size_at_min_dpi == (2480, 3508)


def test_loading_the_same_file_again_changes_nothing():
    load(SKA_BRANDBOOK)
    before = counts()
    assert "already loaded; nothing changed" in load(SKA_BRANDBOOK)
    assert counts() == before


def test_a_new_version_becomes_current_and_the_old_one_is_kept(tmp_path):
    load(SKA_BRANDBOOK)
    newer = copy_ska(
        tmp_path, version="2027.1", colour=lambda d: d["colour"].update(tolerance_de2000=2.0)
    )
    load(newer)
    books = Brandbook.objects.filter(slug="ska")
    assert books.count() == 2
    assert Brandbook.objects.current("ska").version == "2027.1"
    assert Brandbook.objects.current("ska").tolerance_de2000 == 2.0
    old = books.get(version="2026.2")
    assert not old.is_current and old.colours.count() == 4


def test_same_version_with_different_content_is_refused(tmp_path):
    load(SKA_BRANDBOOK)
    before = counts()
    changed = copy_ska(tmp_path, name="Something else")
    with pytest.raises(CommandError) as info:
        load(changed)
    assert info.value.returncode == 2
    assert "version: version '2026.2' of 'ska' is already loaded with different content" in str(
        info.value
    )
    assert counts() == before


def test_broken_file_changes_nothing_and_names_each_error(tmp_path, media_root):
    load(SKA_BRANDBOOK)
    before, files_before = counts(), stored_files(media_root)

    def break_it(d):
        d["colour"]["colours"][0]["hex"] = "#XYZ"
        d["presets"][1]["formats"] = []
        d["version"] = "2027.1"

    broken = copy_ska(tmp_path, version="2027.1", colour=break_it)
    with pytest.raises(CommandError) as info:
        load(broken)
    message = str(info.value)
    assert str(broken) in message
    assert "colour.colours[0].hex: '#XYZ' is not in the expected form" in message
    assert "presets[1].formats" in message
    assert counts() == before
    assert stored_files(media_root) == files_before
    assert Brandbook.objects.current("ska").version == "2026.2"


def test_failure_while_storing_leaves_no_rows_and_no_files(media_root, monkeypatch):
    """A failure after some logo files were written (here: the last preset) rolls back the rows
    and deletes the files."""
    from brandkit.rules import loading

    original = ChannelPreset.objects.create

    def failing_create(**kwargs):
        if kwargs["slug"] == "print-a3":
            raise RuntimeError("disk full")
        return original(**kwargs)

    monkeypatch.setattr(ChannelPreset.objects, "create", failing_create)
    with pytest.raises(RuntimeError):
        loading.load_brandbook_file(SKA_BRANDBOOK)
    assert counts() == (0, 0, 0, 0, 0, 0)
    assert stored_files(media_root) == []


def test_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="cannot read the file"):
        load("/nonexistent/brandbook.yaml")


def test_export_round_trip(tmp_path):
    load(SKA_BRANDBOOK)
    book = Brandbook.objects.current("ska")
    assert content(book.to_data()) == content(parse_file(SKA_BRANDBOOK))
    # An admin edit reaches the export, and the export loads again as a new version.
    blue = book.colours.get(slug="state-blue")
    blue.pantone = "286 U"
    blue.save()
    call_command("exportbrandbook", "ska", "--output", str(tmp_path / "out"), stdout=StringIO())
    exported = tmp_path / "out" / "ska.yaml"
    data = yaml.safe_load(exported.read_text(encoding="utf-8"))
    assert "rgb" not in data["colour"]["colours"][0]
    data["version"] = "2026.1-edited"
    exported.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    load(exported)
    current = Brandbook.objects.current("ska")
    assert current.version == "2026.1-edited"
    assert current.colours.get(slug="state-blue").pantone == "286 U"
    assert current.logos.get(slug="three-lions").variants.count() == 2


def test_export_to_stdout_and_unknown_slug():
    load(SKA_BRANDBOOK)
    out = StringIO()
    call_command("exportbrandbook", "ska", stdout=out)
    assert yaml.safe_load(out.getvalue())["slug"] == "ska"
    with pytest.raises(CommandError, match="No brandbook 'nope'"):
        call_command("exportbrandbook", "nope", stdout=StringIO())
