"""Read a brandbook YAML file into validated, normalised plain data."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from brandkit.brandbooks.errors import BrandbookError, BrandbookInvalid

HERE = Path(__file__).resolve().parent
SCHEMA_PATH = HERE / "schema.json"
SKA_BRANDBOOK = HERE / "ska.yaml"
MAX_FILE_BYTES = 1_000_000
MAX_ASSET_BYTES = 5_000_000
CHANNELS = ("web", "social", "print")
# Keys starting with "_" are run-time facts about where the data came from, not brandbook
# content: `_logo_files` maps each logo variant's "file" to a readable path, so the logo check
# can find the artwork of a brandbook given by path. They are never written to a file.
LOGO_FILES = "_logo_files"


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors/aliases: aliases serve no purpose in a brandbook and are the
    vehicle of 'billion laughs' expansion attacks."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(
                None, None, "YAML aliases (*name) are not allowed in a brandbook", event.start_mark
            )
        return super().compose_node(parent, index)


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _json_path(parts) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _schema_errors(data: Any) -> list[BrandbookError]:
    validator = Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.path)), e.message))
    return [BrandbookError(_json_path(e.absolute_path), _explain(e)) for e in errors]


def _explain(error) -> str:
    if error.validator == "pattern":
        return f"{error.instance!r} is not in the expected form ({error.schema.get('pattern')})"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties", "Unknown key(s)")
    return error.message


def _duplicates(items: list[dict], key: str, path: str) -> list[BrandbookError]:
    seen: dict[str, int] = {}
    errors = []
    for index, item in enumerate(items):
        value = str(item.get(key, "")).casefold()
        if value in seen:
            errors.append(
                BrandbookError(
                    f"{path}[{index}].{key}",
                    f"{item.get(key)!r} is used twice (first at {path}[{seen[value]}])",
                )
            )
        else:
            seen[value] = index
    return errors


def _hex_to_rgb(hex_code: str) -> list[int]:
    return [int(hex_code[i : i + 2], 16) for i in (1, 3, 5)]


def _inside(base: Path, relative: str) -> Path | None:
    candidate = (base / relative).resolve()
    try:
        candidate.relative_to(base.resolve())
    except ValueError:
        return None
    return candidate


def _semantic_errors(
    data: dict, base_dir: Path | None, static_dir: Path | None
) -> list[BrandbookError]:
    errors: list[BrandbookError] = []
    colours = data["colour"]["colours"]
    errors += _duplicates(colours, "slug", "colour.colours")
    errors += _duplicates(colours, "hex", "colour.colours")
    for index, colour in enumerate(colours):
        if "rgb" in colour and list(colour["rgb"]) != _hex_to_rgb(colour["hex"]):
            errors.append(
                BrandbookError(
                    f"colour.colours[{index}].rgb",
                    f"{colour['rgb']} does not match hex {colour['hex']} "
                    f"({_hex_to_rgb(colour['hex'])})",
                )
            )
    errors += _duplicates(data["typography"]["typefaces"], "family", "typography.typefaces")
    errors += _duplicates(data["presets"], "slug", "presets")
    for index, preset in enumerate(data["presets"]):
        if preset.get("min_dpi") and preset.get("unit", "px") != "mm":
            errors.append(
                BrandbookError(f"presets[{index}].min_dpi", "min_dpi needs a size in mm (unit: mm)")
            )
    logos = data.get("logos", [])
    errors += _duplicates(logos, "slug", "logos")
    by_slug = {logo["slug"]: logo for logo in logos}
    for index, preset in enumerate(data["presets"]):
        wanted = preset.get("logo")
        if wanted is None:
            continue
        logo = by_slug.get(wanted)
        channel = preset.get("channel", "print" if preset.get("unit") == "mm" else "web")
        if logo is None:
            known = ", ".join(sorted(by_slug)) or "none"
            errors.append(
                BrandbookError(
                    f"presets[{index}].logo", f"no logo {wanted!r} in logos (known: {known})"
                )
            )
        elif "channels" in logo and channel not in logo["channels"]:
            errors.append(
                BrandbookError(
                    f"presets[{index}].logo",
                    f"logo {wanted!r} is not used on the {channel!r} channel "
                    f"(its channels: {', '.join(logo['channels'])})",
                )
            )
    for index, logo in enumerate(logos):
        errors += _duplicates(logo["variants"], "slug", f"logos[{index}].variants")
        if base_dir is None:
            continue
        for vindex, variant in enumerate(logo["variants"]):
            where = f"logos[{index}].variants[{vindex}].file"
            path = _inside(base_dir, variant["file"])
            if path is None:
                errors.append(BrandbookError(where, "must stay inside the brandbook's folder"))
            elif not path.is_file():
                errors.append(BrandbookError(where, f"file {variant['file']!r} not found"))
            elif path.stat().st_size > MAX_ASSET_BYTES:
                errors.append(BrandbookError(where, f"file is larger than {MAX_ASSET_BYTES} bytes"))
            elif path.suffix.lower() not in {".svg", ".png", ".pdf", ".webp", ".jpg", ".jpeg"}:
                errors.append(
                    BrandbookError(where, "logo files must be SVG, PNG, WebP, JPEG or PDF")
                )
    errors += _template_errors(data)
    if static_dir is not None:
        for index, face in enumerate(data["typography"]["typefaces"]):
            for findex, font in enumerate(face.get("files", [])):
                path = _inside(static_dir, font)
                if path is None or not path.is_file():
                    errors.append(
                        BrandbookError(
                            f"typography.typefaces[{index}].files[{findex}]",
                            f"font file {font!r} not found under static/",
                        )
                    )
    return errors


LAYOUT_CLASSES = ("wide", "landscape", "square", "tall")


def _template_errors(data: dict) -> list[BrandbookError]:
    """Templates may only promise what the rules allow: brand colours whose text contrast meets
    the brandbook's threshold, brand typefaces in their weights, and boxes inside the canvas."""
    from brandkit.colour import contrast_ratio

    templates = data.get("templates", [])
    errors = _duplicates(templates, "slug", "templates")
    colours = {c["slug"]: c for c in data["colour"]["colours"]}
    faces = {f["family"]: f for f in data["typography"]["typefaces"]}
    needed = float(data["accessibility"]["text_contrast"])
    for index, template in enumerate(templates):
        where = f"templates[{index}]"
        for pindex, pair in enumerate(template["colour_pairs"]):
            at = f"{where}.colour_pairs[{pindex}]"
            unknown = [
                f"{key} {pair[key]!r}"
                for key in ("background", "text", "accent")
                if key in pair and pair[key] not in colours
            ]
            if unknown:
                errors.append(BrandbookError(at, f"not a brand colour: {', '.join(unknown)}"))
                continue
            ratio = float(
                contrast_ratio(
                    _hex_to_rgb(colours[pair["text"]]["hex"]),
                    _hex_to_rgb(colours[pair["background"]]["hex"]),
                )
            )
            if ratio + 1e-9 < needed:
                errors.append(
                    BrandbookError(
                        at,
                        f"{pair['text']!r} text on {pair['background']!r} has contrast "
                        f"{ratio:.2f}:1, below accessibility.text_contrast {needed:g}:1",
                    )
                )
        for name, style in template["styles"].items():
            at = f"{where}.styles.{name}"
            face = faces.get(style["family"])
            if face is None:
                errors.append(BrandbookError(at, f"{style['family']!r} is not a brand typeface"))
            elif face.get("weights") and style["weight"] not in face["weights"]:
                errors.append(
                    BrandbookError(
                        at, f"weight {style['weight']} is not one of {style['family']}'s weights"
                    )
                )
            for cls, (low, high) in style["sizes"].items():
                if low > high:
                    errors.append(BrandbookError(f"{at}.sizes.{cls}", "the range is reversed"))
        errors += _duplicates(template["slots"], "name", f"{where}.slots")
        for sindex, slot in enumerate(template["slots"]):
            if slot["kind"] == "text" and slot.get("style") not in template["styles"]:
                errors.append(
                    BrandbookError(
                        f"{where}.slots[{sindex}].style",
                        f"a text slot needs one of the styles ({', '.join(template['styles'])})",
                    )
                )
            for cls in LAYOUT_CLASSES:
                box = template["layouts"][cls].get(slot["name"])
                at = f"{where}.layouts.{cls}.{slot['name']}"
                size = 3 if slot["kind"] == "logo" else 4
                if box is None or len(box) != size:
                    errors.append(BrandbookError(at, f"needs a box of {size} numbers"))
                elif box[0] + box[2] > 1.0001 or (size == 4 and box[1] + box[3] > 1.0001):
                    errors.append(BrandbookError(at, "the box runs off the canvas"))
        for cls in LAYOUT_CLASSES:
            names = {slot["name"] for slot in template["slots"]}
            for extra in sorted(set(template["layouts"][cls]) - names):
                errors.append(BrandbookError(f"{where}.layouts.{cls}.{extra}", "no such slot"))
    return errors


def _normalise(data: dict) -> dict:
    """Fill defaults so every consumer reads the same values."""
    data = copy.deepcopy(data)
    colour = data["colour"]
    colour.setdefault("neutrals", True)
    colour.setdefault("neutral_chroma", 5.0)
    colour.setdefault("max_off_palette", 0.02)
    for item in colour["colours"]:
        item["hex"] = item["hex"].upper()
        item["rgb"] = _hex_to_rgb(item["hex"])
        item.setdefault("roles", [])
        item.setdefault("confirmed", True)
    typography = data["typography"]
    typography.setdefault("min_text_px", 14)
    for face in typography["typefaces"]:
        for key in ("roles", "weights", "fallbacks", "files"):
            face.setdefault(key, [])
        face.setdefault("confirmed", True)
    data.setdefault("logos", [])
    for logo in data["logos"]:
        logo.setdefault("confirmed", True)
        logo.setdefault("channels", list(CHANNELS))
    for preset in data["presets"]:
        preset.setdefault("unit", "px")
        preset.setdefault("match", "exact")
        preset.setdefault("aspect_tolerance", 0.01)
        preset.setdefault("colour_space", "srgb")
        preset.setdefault("channel", "print" if preset["unit"] == "mm" else "web")
        preset.setdefault("confirmed", True)
    access = data["accessibility"]
    access.setdefault("large_text_px", 24)
    access.setdefault("large_bold_text_px", 18.66)
    access.setdefault("alt_text_required", True)
    access.setdefault("long_description_for_infographics", True)
    data.setdefault("sources", [])
    data.setdefault("templates", [])
    for template in data["templates"]:
        for slot in template["slots"]:
            slot.setdefault("required", slot["kind"] != "image")
        for style in template["styles"].values():
            style.setdefault("line_height", 1.2)
    return data


def parse_text(
    text: str,
    *,
    base_dir: Path | None = None,
    static_dir: Path | None = None,
    source: str = "",
) -> dict:
    """Validate brandbook YAML text and return normalised data, or raise BrandbookInvalid.

    `base_dir` is where logo files are looked up (the YAML file's folder); `static_dir` is where
    font files must exist. Either may be None to skip those file checks.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise BrandbookInvalid(
            [BrandbookError("", f"file is larger than {MAX_FILE_BYTES} bytes")], source
        )
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise BrandbookInvalid(
            [BrandbookError(where, f"not valid YAML: {problem}")], source
        ) from exc
    if not isinstance(data, dict):
        raise BrandbookInvalid(
            [BrandbookError("", "the file must be a YAML mapping starting with 'brandbook: 1'")],
            source,
        )
    errors = _schema_errors(data)
    if errors:
        raise BrandbookInvalid(errors, source)
    errors = _semantic_errors(data, base_dir, static_dir)
    if errors:
        raise BrandbookInvalid(errors, source)
    return _normalise(data)


def parse_file(path: str | Path, *, static_dir: Path | None = None) -> dict:
    """Read and validate a brandbook file; logo paths are relative to the file's folder."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BrandbookInvalid(
                [BrandbookError("", f"file is larger than {MAX_FILE_BYTES} bytes")], str(path)
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise BrandbookInvalid(
            [BrandbookError("", f"cannot read the file: {exc.strerror or exc}")], str(path)
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BrandbookInvalid(
            [BrandbookError("", f"not UTF-8 text (byte {exc.start})")], str(path)
        ) from exc
    data = parse_text(text, base_dir=path.parent, static_dir=static_dir, source=str(path))
    base = path.parent.resolve()
    data[LOGO_FILES] = {
        variant["file"]: str(base / variant["file"])
        for logo in data["logos"]
        for variant in logo["variants"]
    }
    return data


def content(data: dict) -> dict:
    """The brandbook without its run-time keys (those starting with "_")."""
    return {key: value for key, value in data.items() if not key.startswith("_")}


def dump_yaml(data: dict) -> str:
    """Write brandbook data as YAML that `parse_text` reads back to the same data (without the
    run-time keys)."""
    return yaml.safe_dump(content(data), sort_keys=False, allow_unicode=True, width=100)
