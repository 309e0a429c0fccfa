"""Brandbook rows back to the plain data of a brandbook file (the schema's shape).

The checks engine and the YAML export both read this, so an edit in the admin reaches the
checks the same way a loaded file does.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from brandkit.brandbooks.parse import LOGO_FILES, content
from brandkit.rules.notes import notes_to

if TYPE_CHECKING:
    from brandkit.rules.models import Brandbook, LogoVariant

LANGS = ("et", "en", "ru")
ARTWORK_CACHE = Path(tempfile.gettempdir()) / "brandkit-logo-artwork"


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _texts(obj, prefix: str) -> dict[str, str]:
    return {lang: value for lang in LANGS if (value := getattr(obj, f"{prefix}_{lang}"))}


def _optional(target: dict, **values) -> dict:
    for key, value in values.items():
        if value not in (None, "", [], {}):
            target[key] = value
    return target


def brandbook_to_data(book: Brandbook) -> dict:
    data: dict = {"brandbook": book.schema_version, "slug": book.slug, "name": book.name}
    data["version"] = book.version
    _optional(data, description=_texts(book, "description"))
    data["sources"] = list(book.sources or [])
    data["colour"] = {
        "tolerance_de2000": _number(book.tolerance_de2000),
        "neutrals": book.neutrals_allowed,
        "neutral_chroma": _number(book.neutral_chroma),
        "max_off_palette": _number(book.max_off_palette),
        "colours": [
            _optional(
                {"slug": c.slug, "name": _texts(c, "name"), "hex": c.hex.upper()},
                cmyk=c.cmyk,
                pantone=c.pantone,
            )
            | {"roles": list(c.roles), "confirmed": c.confirmed, "rgb": list(c.rgb)}
            | _optional({}, note=notes_to(c))
            for c in book.colours.all()
        ],
    }
    data["typography"] = {
        "min_text_px": _number(book.min_text_px),
        "typefaces": [
            {
                "family": t.family,
                "roles": list(t.roles),
                "weights": list(t.weights),
                "fallbacks": list(t.fallbacks),
                "files": list(t.files),
                "confirmed": t.confirmed,
            }
            | _optional({}, licence=t.licence, note=notes_to(t))
            for t in book.typefaces.all()
        ],
    }
    data["logos"] = [
        _optional(
            {"slug": logo.slug, "name": _texts(logo, "name")},
            usage=_texts(logo, "usage"),
            clear_space=None if logo.clear_space is None else _number(logo.clear_space),
            min_width_px=logo.min_width_px,
            min_height_mm=None if logo.min_height_mm is None else _number(logo.min_height_mm),
            note=notes_to(logo),
        )
        | {
            "channels": list(logo.channels),
            "confirmed": logo.confirmed,
            "variants": [
                _optional(
                    {"slug": v.slug},
                    language=v.language,
                    tone=v.tone,
                )
                | {"file": v.source_name or v.file.name.rsplit("/", 1)[-1]}
                for v in logo.variants.all()
            ],
        }
        for logo in book.logos.all()
    ]
    data["presets"] = [
        _optional(
            {
                "slug": p.slug,
                "name": _texts(p, "name"),
                "channel": p.channel,
                "width": _number(p.width),
                "height": _number(p.height),
                "unit": p.unit,
                "match": p.match,
                "aspect_tolerance": _number(p.aspect_tolerance),
                "colour_space": p.colour_space,
                "formats": list(p.formats),
            },
            min_dpi=p.min_dpi,
            max_bytes=p.max_bytes,
            logo=p.logo.slug if p.logo_id else None,
            note=notes_to(p),
        )
        | {"confirmed": p.confirmed}
        for p in book.presets.select_related("logo")
    ]
    data["accessibility"] = {
        "text_contrast": _number(book.text_contrast),
        "large_text_contrast": _number(book.large_text_contrast),
        "non_text_contrast": _number(book.non_text_contrast),
        "large_text_px": _number(book.large_text_px),
        "large_bold_text_px": _number(book.large_bold_text_px),
        "alt_text_required": book.alt_text_required,
        "long_description_for_infographics": book.long_description_for_infographics,
    }
    data["templates"] = list(book.templates or [])
    data[LOGO_FILES] = logo_file_paths(book)
    return data


def logo_file_paths(book: Brandbook) -> dict[str, str]:
    """Each variant's "file" -> a local path of its artwork, for the logo check. Files in
    local media storage are used where they are; others (object storage) are copied once
    into a cache named by their SHA-256, so a check does not download them again."""
    paths: dict[str, str] = {}
    for logo in book.logos.prefetch_related("variants"):
        for variant in logo.variants.all():
            if not variant.file:
                continue
            name = variant.source_name or variant.file.name.rsplit("/", 1)[-1]
            path = _local_path(variant)
            if path is not None:
                paths[name] = path
    return paths


def _local_path(variant: LogoVariant) -> str | None:
    try:
        return variant.file.path
    except (NotImplementedError, AttributeError, ValueError):
        pass
    suffix = Path(variant.file.name).suffix.lower()[:8]
    digest = variant.sha256 or hashlib.sha256(variant.file.name.encode()).hexdigest()
    target = ARTWORK_CACHE / f"{digest}{suffix}"
    if not target.is_file():
        try:
            with variant.file.open("rb") as handle:
                raw = handle.read(5_000_001)
            ARTWORK_CACHE.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(target.suffix + ".part")
            partial.write_bytes(raw)
            partial.replace(target)
        except OSError:
            return None
    return str(target)


def data_for_file(data: dict) -> dict:
    """Drop derived values (rgb) and run-time keys so the exported file says each fact once."""
    out = content(data)
    out["colour"] = dict(data["colour"])
    out["colour"]["colours"] = [
        {k: v for k, v in c.items() if k != "rgb"} for c in data["colour"]["colours"]
    ]
    return out
