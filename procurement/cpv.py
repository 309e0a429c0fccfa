"""CPV codes (Common Procurement Vocabulary, Regulation (EC) No 2195/2002 as amended by
Regulation (EC) No 213/2008) that fit design and related services, offered on the order form.

The list is data: add a code here (with its check digit) and it is offered on the next page
load. Every code below was checked against published CPV lists and procurement notices that use
it; the English names are the vocabulary's own, the Estonian and Russian ones are working
translations (the official Estonian wording is in the Riigi Teataja / EUR-Lex version of the
regulation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import get_language

CODE_RE = re.compile(r"^\d{8}-\d$")


@dataclass(frozen=True)
class CpvCode:
    code: str
    names: dict[str, str]

    def name(self, lang: str | None = None) -> str:
        lang = (lang or get_language() or "et")[:2]
        return self.names.get(lang) or self.names["en"]

    def label(self, lang: str | None = None) -> str:
        return f"{self.code} {self.name(lang)}"


CPV_CODES: tuple[CpvCode, ...] = (
    CpvCode(
        "79822500-7",
        {
            "et": "Graafilise disaini teenused",
            "en": "Graphic design services",
            "ru": "Услуги графического дизайна",
        },
    ),
    CpvCode(
        "79415200-8",
        {
            "et": "Disainialased nõustamisteenused",
            "en": "Design consultancy services",
            "ru": "Консультационные услуги в области дизайна",
        },
    ),
    CpvCode(
        "79930000-2",
        {
            "et": "Eridisainiteenused",
            "en": "Specialty design services",
            "ru": "Услуги специализированного дизайна",
        },
    ),
    CpvCode(
        "72413000-8",
        {
            "et": "Veebisaitide kujundamise teenused",
            "en": "World wide web (www) site design services",
            "ru": "Услуги по дизайну веб-сайтов",
        },
    ),
    CpvCode(
        "79340000-9",
        {
            "et": "Reklaami- ja turundusteenused",
            "en": "Advertising and marketing services",
            "ru": "Рекламные и маркетинговые услуги",
        },
    ),
    CpvCode(
        "79341000-6",
        {"et": "Reklaamiteenused", "en": "Advertising services", "ru": "Рекламные услуги"},
    ),
    CpvCode(
        "79341400-0",
        {
            "et": "Reklaamikampaaniate teenused",
            "en": "Advertising campaign services",
            "ru": "Услуги по проведению рекламных кампаний",
        },
    ),
    CpvCode(
        "79342200-5",
        {
            "et": "Müügiedendusteenused",
            "en": "Promotional services",
            "ru": "Услуги по продвижению",
        },
    ),
    CpvCode(
        "79800000-2",
        {
            "et": "Trükkimis- ja sellega seotud teenused",
            "en": "Printing and related services",
            "ru": "Услуги печати и связанные с ней услуги",
        },
    ),
    CpvCode(
        "79810000-5",
        {"et": "Trükiteenused", "en": "Printing services", "ru": "Услуги печати"},
    ),
    CpvCode(
        "79820000-8",
        {
            "et": "Trükkimisega seotud teenused",
            "en": "Services related to printing",
            "ru": "Услуги, связанные с печатью",
        },
    ),
    CpvCode(
        "79530000-8",
        {"et": "Tõlketeenused", "en": "Translation services", "ru": "Услуги письменного перевода"},
    ),
    CpvCode(
        "92312200-3",
        {
            "et": "Autorite, heliloojate, skulptorite, meelelahutajate ja muude üksikkunstnike "
            "teenused",
            "en": "Services provided by authors, composers, sculptors, entertainers and other "
            "individual artists",
            "ru": "Услуги авторов, композиторов, скульпторов, артистов и других "
            "индивидуальных художников",
        },
    ),
)

DEFAULT_CODES = ("79822500-7",)
_BY_CODE = {c.code: c for c in CPV_CODES}


def get(code: str) -> CpvCode | None:
    return _BY_CODE.get(code)


def choices(lang: str | None = None) -> list[tuple[str, str]]:
    return [(c.code, c.label(lang)) for c in CPV_CODES]


def describe(codes: list[str], lang: str | None = None) -> list[dict[str, str]]:
    """[{"code", "name"}] for the documents; an unknown code keeps its number and no name."""
    out = []
    for code in codes:
        known = get(code)
        out.append({"code": code, "name": known.name(lang) if known else ""})
    return out
