"""Brandbook notes per language: the YAML `note` is one text (Estonian, or language-neutral) or
a text per language; the models keep `note` (Estonian), `note_en` and `note_ru`."""

from __future__ import annotations


def notes_from(value) -> dict[str, str]:
    """The model fields of a brandbook `note`: a plain string (Estonian, or language-neutral)
    or a text per language {et, en, ru}."""
    if isinstance(value, dict):
        return {
            "note": value.get("et", ""),
            "note_en": value.get("en", ""),
            "note_ru": value.get("ru", ""),
        }
    return {"note": value or "", "note_en": "", "note_ru": ""}


def notes_to(obj):
    """The brandbook `note` of a row: a plain string unless it has translations."""
    if obj.note_en or obj.note_ru:
        found = {"et": obj.note, "en": obj.note_en, "ru": obj.note_ru}
        return {lang: text for lang, text in found.items() if text}
    return obj.note or None
