"""Metadata check: what a file tells about people and places, and its colour space.

Codes
-----
- ``metadata.location`` (warning): GPS data in EXIF (the GPS IFD) or in XMP (``exif:GPS…``):
  where the photo was taken. It must be stripped before publication.
- ``metadata.personal_data`` (warning): names or contacts of people in EXIF (Artist, XPAuthor,
  CameraOwnerName, OwnerName) or XMP (dc:creator, photoshop:AuthorsPosition,
  photoshop:CaptionWriter, Iptc4xmpCore:CreatorContactInfo, xmpRights:Owner). The report names
  the fields, never their values, so the report does not spread the data it warns about.
- ``metadata.colour_space`` (warning for a web or social preset, or a preset with
  ``colour_space: srgb``; info without a preset): a CMYK image, or an ICC profile that is not
  sRGB (Adobe RGB, Display P3 …). Browsers and social networks show such files with wrong or
  dull colours. For a ``colour_space: cmyk`` preset, an RGB image is the warning instead.
  Print presets with ``colour_space: any`` accept both.
- ``pdf.external_links`` (info): the addresses and files that the PDF's clickable links open
  (automatic and unsafe actions were already rejected by the safety scan; ordinary links are
  allowed, and listed so that a reviewer sees where the document sends its readers).
"""

from __future__ import annotations

import re

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from brandkit.checks._messages import each_lang, finding, listing, name_of
from brandkit.checks.report import Finding
from brandkit.checks.types import Decoded

EXIF_PERSONAL = ("Artist", "XPAuthor", "CameraOwnerName", "OwnerName")
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "exifEX": "http://cipa.jp/exif/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
}
XMP_PERSONAL = (
    ("dc", "creator"),
    ("photoshop", "AuthorsPosition"),
    ("photoshop", "CaptionWriter"),
    ("Iptc4xmpCore", "CreatorContactInfo"),
    ("xmpRights", "Owner"),
    ("exifEX", "CameraOwnerName"),
)
XMP_LOCATION = (("exif", "GPSLatitude"), ("exif", "GPSLongitude"), ("exif", "GPSAltitude"))
MAX_XMP_CHARS = 1_000_000


def _has_value(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip().strip("\x00"))
    if isinstance(value, dict | list | tuple):
        return any(_has_value(v) for v in (value.values() if isinstance(value, dict) else value))
    return True


def _xmp_fields(xmp: str | None) -> tuple[list[str], list[str]]:
    """(location fields, personal fields) present with a value in an XMP packet."""
    if not xmp:
        return [], []
    text = xmp[:MAX_XMP_CHARS]
    wanted = {f"{{{NS[p]}}}{n}": f"{p}:{n}" for p, n in XMP_PERSONAL + XMP_LOCATION}
    found: set[str] = set()
    rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
    try:
        # the <?xpacket?> instructions around the packet are well-formed XML as they are
        root = ElementTree.fromstring(text.strip().lstrip("\ufeff"), forbid_dtd=True)
        for element in root.iter():
            if element.tag in wanted and (
                "".join(element.itertext()).strip()
                or any(v.strip() for k, v in element.attrib.items() if not k.startswith(rdf))
            ):
                found.add(wanted[element.tag])
            for attr, value in element.attrib.items():
                if attr in wanted and value.strip():
                    found.add(wanted[attr])
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        # not well-formed: look for the qualified names with a value
        for qualified in wanted.values():
            pattern = re.escape(qualified)
            if re.search(rf"<{pattern}[\s>][^<]*[^<\s]|{pattern}\s*=\s*\"[^\"]*\S", text):
                found.add(qualified)
    location = sorted(f for f in found if f in {f"{p}:{n}" for p, n in XMP_LOCATION})
    personal = sorted(f for f in found if f not in location)
    return location, personal


def _privacy(raster) -> list[Finding]:
    exif = raster.exif or {}
    xmp_location, xmp_personal = _xmp_fields(raster.xmp)
    out: list[Finding] = []
    location: list[str] = []
    gps = exif.get("GPSInfo")
    if _has_value(gps):
        if isinstance(gps, dict):
            location += [f"EXIF {k}" for k in gps if _has_value(gps[k])][:10]
        else:
            location.append("EXIF GPSInfo")
    location += [f"XMP {f}" for f in xmp_location]
    if location:
        fields = location

        def message(lang: str) -> str:
            listed = listing(fields, lang)
            return {
                "et": f"Failis on asukohaandmed ({listed}): need näitavad, kus pilt tehti, ja "
                "tuleb enne avaldamist eemaldada (nt „Ekspordi veebi jaoks” ilma "
                "metaandmeteta).",
                "en": f"The file contains location data ({listed}): it shows where the picture "
                "was taken and must be stripped before publication (e.g. “Export for web” "
                "without metadata).",
                "ru": f"В файле есть данные о местоположении ({listed}): они показывают, где "
                "сделан снимок, и должны быть удалены перед публикацией (например, экспорт "
                "для веба без метаданных).",
            }[lang]

        out.append(finding("metadata.location", "warning", each_lang(message), fields=fields))
    personal = [f"EXIF {k}" for k in EXIF_PERSONAL if _has_value(exif.get(k))]
    personal += [f"XMP {f}" for f in xmp_personal]
    if personal:
        fields_p = personal

        def message_p(lang: str) -> str:
            listed = listing(fields_p, lang)
            return {
                "et": f"Failis on isikuandmed ({listed}): autori või omaniku nimi või "
                "kontaktid. Need tuleb enne avaldamist eemaldada.",
                "en": f"The file contains personal data ({listed}): an author's or owner's "
                "name or contact details. They must be stripped before publication.",
                "ru": f"В файле есть персональные данные ({listed}): имя или контакты автора "
                "или владельца. Их нужно удалить перед публикацией.",
            }[lang]

        out.append(
            finding("metadata.personal_data", "warning", each_lang(message_p), fields=personal)
        )
    return out


def _is_srgb_name(name: str | None) -> bool:
    if name is None:
        return True
    squashed = re.sub(r"[\s_\-]", "", name).lower()
    return "srgb" in squashed or "iec619662" in squashed


def _is_grey_name(name: str) -> bool:
    low = name.lower()
    return "gray" in low or "grey" in low or "dot gain" in low


def _colour_space(decoded: Decoded, preset: dict | None) -> list[Finding]:
    wanted = "srgb"
    severity = "info"
    if preset is not None:
        wanted = preset.get("colour_space", "srgb")
        if preset.get("channel") in ("web", "social"):
            wanted = "srgb"
        if wanted == "any":
            return []
        severity = "warning"
    problem: str | None = None
    space = None
    if decoded.raster is not None:
        raster = decoded.raster
        profile = raster.icc_profile_name
        cmyk = raster.mode == "CMYK"
        grey = raster.mode in ("1", "L", "LA", "I", "I;16", "F")
        if wanted == "srgb":
            if cmyk:
                problem, space = "cmyk", "CMYK"
            elif profile and not grey and not _is_srgb_name(profile):
                problem, space = "profile", profile
        elif wanted == "cmyk" and not cmyk and not grey:
            problem, space = "not_cmyk", raster.mode
    elif decoded.pdf is not None and decoded.pdf.output_intent:
        intent = decoded.pdf.output_intent
        if wanted == "srgb" and not _is_srgb_name(intent):
            problem, space = "intent", intent
    if problem is None:
        return []
    preset_name = preset

    def message(lang: str) -> str:
        p = name_of(preset_name, lang) if preset_name else ""
        if problem == "not_cmyk":
            return {
                "et": f"Pilt on {space}-režiimis, eelseade „{p}” ootab CMYK-i: värvid "
                "teisendatakse trükikojas ja võivad muutuda.",
                "en": f"The image is in {space} mode; the preset “{p}” expects CMYK: the "
                "print shop will convert the colours and they may shift.",
                "ru": f"Изображение в режиме {space}, а пресет «{p}» ожидает CMYK: "
                "типография преобразует цвета, и они могут измениться.",
            }[lang]
        what = {
            "cmyk": {
                "et": "Pilt on CMYK-režiimis",
                "en": "The image is in CMYK mode",
                "ru": "Изображение в режиме CMYK",
            },
            "profile": {
                "et": f"Pildi värviprofiil on „{space}”, mitte sRGB",
                "en": f"The image's colour profile is “{space}”, not sRGB",
                "ru": f"Цветовой профиль изображения — «{space}», а не sRGB",
            },
            "intent": {
                "et": f"PDF-i väljundeesmärk on „{space}”, mitte sRGB",
                "en": f"The PDF's output intent is “{space}”, not sRGB",
                "ru": f"Целевой профиль вывода PDF — «{space}», а не sRGB",
            },
        }[problem][lang]
        where = {
            "et": f", kuid eelseade „{p}” vajab sRGB-d" if p else "",
            "en": f", but the preset “{p}” needs sRGB" if p else "",
            "ru": f", а пресету «{p}» нужен sRGB" if p else "",
        }[lang]
        return {
            "et": f"{what}{where}: brauserid ja sotsiaalmeedia näitavad värve valesti või "
            "tuhmina. Salvestage sRGB-na.",
            "en": f"{what}{where}: browsers and social networks show the colours wrong or "
            "dull. Save it as sRGB.",
            "ru": f"{what}{where}: браузеры и соцсети покажут цвета неверно или тусклыми. "
            "Сохраните в sRGB.",
        }[lang]

    return [
        finding(
            "metadata.colour_space",
            severity,
            each_lang(message),
            problem=problem,
            colour_space=space,
            expected=wanted.upper() if wanted == "cmyk" else "sRGB",
            preset=preset.get("slug") if preset else None,
        )
    ]


def _links(links: list[str]) -> list[Finding]:
    if not links:
        return []

    def message(lang: str) -> str:
        shown = listing(links, lang, limit=10)
        return {
            "et": f"PDF-is on lingid ({len(links)}), mis avavad: {shown}. Kontrolli, et need "
            "on õiged ja avalikud.",
            "en": f"The PDF has links ({len(links)}) that open: {shown}. Check that they are "
            "right and public.",
            "ru": f"В PDF есть ссылки ({len(links)}), которые открывают: {shown}. Проверьте, "
            "что они верны и общедоступны.",
        }[lang]

    return [finding("pdf.external_links", "info", each_lang(message), links=list(links))]


def check(decoded: Decoded, brandbook: dict, preset: dict | None) -> list[Finding]:
    out: list[Finding] = []
    if decoded.raster is not None:
        out += _privacy(decoded.raster)
    if decoded.pdf is not None:
        out += _links(decoded.pdf.external_links)
    out += _colour_space(decoded, preset)
    return out
