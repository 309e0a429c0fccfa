"""Load a brandbook file into the database: all of it, or nothing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from brandkit.brandbooks import BrandbookError, BrandbookInvalid, parse_file
from brandkit.brandbooks.parse import content
from brandkit.rules.models import (
    Brandbook,
    ChannelPreset,
    Colour,
    Localised,
    Logo,
    LogoVariant,
    Typeface,
)
from brandkit.rules.notes import notes_from


@dataclass
class LoadResult:
    brandbook: Brandbook
    created: bool


def static_dir() -> Path:
    return Path(settings.STATICFILES_DIRS[0])


def content_hash(data: dict, base_dir: Path) -> str:
    digest = hashlib.sha256(json.dumps(content(data), sort_keys=True, ensure_ascii=False).encode())
    for logo in data.get("logos", []):
        for variant in logo["variants"]:
            digest.update(variant["file"].encode())
            digest.update(hashlib.sha256((base_dir / variant["file"]).read_bytes()).digest())
    return digest.hexdigest()


def load_brandbook_file(path: str | Path) -> LoadResult:
    """Validate and store a brandbook file.

    The same slug and version with the same content is a no-op (so `make run` can load on every
    start); the same version with different content is refused, because reports made against
    that version must stay explainable; a new version becomes the current one.
    """
    path = Path(path)
    data = parse_file(path, static_dir=static_dir())
    digest = content_hash(data, path.parent)
    existing = Brandbook.objects.filter(slug=data["slug"], version=data["version"]).first()
    if existing is not None:
        if existing.content_sha256 == digest:
            return LoadResult(existing, created=False)
        raise BrandbookInvalid(
            [
                BrandbookError(
                    "version",
                    f"version {data['version']!r} of {data['slug']!r} is already loaded with "
                    "different content; give the changed file a new version",
                )
            ],
            str(path),
        )
    saved_files: list[str] = []
    try:
        with transaction.atomic():
            book = _create(data, digest, path, saved_files)
    except IntegrityError as exc:
        _delete(saved_files)
        raise BrandbookInvalid(
            [BrandbookError("", f"could not be stored: {exc}")], str(path)
        ) from exc
    except BaseException:
        _delete(saved_files)
        raise
    return LoadResult(book, created=True)


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _create(data: dict, digest: str, path: Path, saved_files: list[str]) -> Brandbook:
    colour, typo, access = data["colour"], data["typography"], data["accessibility"]
    Brandbook.objects.filter(slug=data["slug"], is_current=True).update(is_current=False)
    book = Brandbook.objects.create(
        slug=data["slug"],
        name=data["name"],
        version=data["version"],
        schema_version=data["brandbook"],
        **{f"description_{k}": v for k, v in data.get("description", {}).items()},
        sources=data["sources"],
        templates=data.get("templates", []),
        is_current=True,
        content_sha256=digest,
        source_file=str(path)[:500],
        tolerance_de2000=colour["tolerance_de2000"],
        neutrals_allowed=colour["neutrals"],
        neutral_chroma=colour["neutral_chroma"],
        max_off_palette=colour["max_off_palette"],
        min_text_px=typo["min_text_px"],
        **{
            key: access[key]
            for key in (
                "text_contrast",
                "large_text_contrast",
                "non_text_contrast",
                "large_text_px",
                "large_bold_text_px",
                "alt_text_required",
                "long_description_for_infographics",
            )
        },
    )
    for position, item in enumerate(colour["colours"]):
        Colour.objects.create(
            brandbook=book,
            position=position,
            slug=item["slug"],
            **Localised.names_from(item["name"]),
            hex=item["hex"],
            cmyk=item.get("cmyk"),
            pantone=item.get("pantone", ""),
            roles=item["roles"],
            confirmed=item["confirmed"],
            **notes_from(item.get("note")),
        )
    for position, item in enumerate(typo["typefaces"]):
        Typeface.objects.create(
            brandbook=book,
            position=position,
            family=item["family"],
            roles=item["roles"],
            weights=item["weights"],
            fallbacks=item["fallbacks"],
            files=item["files"],
            licence=item.get("licence", ""),
            confirmed=item["confirmed"],
            **notes_from(item.get("note")),
        )
    logos: dict[str, Logo] = {}
    for position, item in enumerate(data["logos"]):
        usage = item.get("usage", {})
        logo = logos[item["slug"]] = Logo.objects.create(
            brandbook=book,
            position=position,
            slug=item["slug"],
            **Localised.names_from(item["name"]),
            **{f"usage_{lang}": usage.get(lang, "") for lang in ("et", "en", "ru")},
            clear_space=item.get("clear_space"),
            min_width_px=item.get("min_width_px"),
            min_height_mm=item.get("min_height_mm"),
            channels=list(item["channels"]),
            confirmed=item["confirmed"],
            **notes_from(item.get("note")),
        )
        for vitem in item["variants"]:
            raw = (path.parent / vitem["file"]).read_bytes()
            variant = LogoVariant(
                logo=logo,
                slug=vitem["slug"],
                language=vitem.get("language", ""),
                tone=vitem.get("tone", ""),
                source_name=vitem["file"],
                sha256=hashlib.sha256(raw).hexdigest(),
            )
            variant.file.save(Path(vitem["file"]).name, ContentFile(raw), save=False)
            saved_files.append(variant.file.name)
            variant.save()
    for position, item in enumerate(data["presets"]):
        ChannelPreset.objects.create(
            brandbook=book,
            position=position,
            slug=item["slug"],
            **Localised.names_from(item["name"]),
            channel=item["channel"],
            width=item["width"],
            height=item["height"],
            unit=item["unit"],
            match=item["match"],
            aspect_tolerance=item["aspect_tolerance"],
            min_dpi=item.get("min_dpi"),
            colour_space=item["colour_space"],
            formats=item["formats"],
            max_bytes=item.get("max_bytes"),
            logo=logos.get(item.get("logo") or ""),
            confirmed=item["confirmed"],
            **notes_from(item.get("note")),
        )
    return book
