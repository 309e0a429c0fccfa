"""A complete example `order` (the README's contract as data): for the benchmark, demos and the
Django side's fixtures. Returns a fresh copy each call."""

from __future__ import annotations

import copy

from procurement.documents.organisation import default_organisation

_SAMPLE = {
    "number": "SKA-2026-0007",
    "revision": 3,
    "title": {
        "et": "Pensionitõusu teavituskampaania",
        "en": "Pension increase campaign",
        "ru": "Кампания о повышении пенсий",
    },
    # Typed per language; Estonian is required. The Russian texts are left to the contractor
    # (translation_by_contractor), so the Russian brief says so instead of printing Estonian.
    "purpose": {
        "et": "Teavitada pensionäre 2027. aasta pensionitõusust ja sellest, kust lisainfot saada.",
        "en": "Tell pensioners about the 2027 pension increase and where to find out more.",
    },
    "background": {
        "et": (
            "Aprillis tõusevad pensionid. Klienditeenindus saab igal aastal tuhandeid küsimusi "
            "selle kohta, kui palju ja millal pension tõuseb.\n"
            "Kampaania vähendab korduvaid pöördumisi."
        ),
        "en": (
            "Pensions rise in April. Every year customer service gets thousands of questions "
            "about how much and when.\nThe campaign reduces repeated enquiries."
        ),
    },
    "audience": {
        "et": "Pensionärid ja nende lähedased; eesti- ja venekeelsed lugejad.",
        "en": "Pensioners and their families; Estonian- and Russian-speaking readers.",
    },
    "translation_by_contractor": True,
    "messages": {
        "et": "Pension tõuseb aprillis. Vaata oma uut pensioni e-teenusest.",
        "en": "Pensions rise in April. See your new pension in the e-service.",
        "ru": "Пенсии повышаются в апреле. Узнайте размер новой пенсии в э-услуге.",
    },
    "deliverables": [
        {
            "kind": "banner",
            "preset": "web-hero",
            "width": 1920,
            "height": 600,
            "unit": "px",
            "formats": ["png", "jpeg"],
            "languages": ["et", "ru"],
            "quantity": 2,
            "notes": "",
        },
        {
            "kind": "banner",
            "preset": "facebook-link",
            "width": 1200,
            "height": 628,
            "unit": "px",
            "formats": ["png"],
            "languages": ["et", "ru", "en"],
            "quantity": 1,
            "notes": "Variant ilma tekstita",
        },
        {
            "kind": "infographic",
            "preset": "print-a4",
            "width": 210,
            "height": 297,
            "unit": "mm",
            "formats": ["pdf"],
            "languages": ["et"],
            "quantity": 1,
            "notes": "",
        },
    ],
    "reference_assets": [{"title": "2026. aasta kampaania bänner", "url": None}],
    "deadline": "2026-12-15",
    "milestones": [
        {"date": "2026-11-20", "what": "Avakoosolek"},
        {"date": "2026-12-01", "what": "Kavandid ülevaatamiseks"},
    ],
    "estimated_value_eur": "12500.00",
    "procurement_route": {
        "slug": "low_value",
        "name": {
            "et": "Väikeost (alla lihthanke piirmäära)",
            "en": "Low-value purchase (below the simple procurement threshold)",
            "ru": "Малая закупка (ниже порога упрощённой закупки)",
        },
        "threshold_eur": None,
        "legal_source": {
            "et": "Riigihangete seadus (RHS) § 3 ja § 14 lg 1",
            "en": "Public Procurement Act (RHS) § 3 and § 14 (1)",
            "ru": "Закон о государственных закупках (RHS) § 3 и § 14 ч. 1",
        },
        "applies_from": "2017-09-01",
    },
    "cpv": [{"code": "79822500-7", "name": "Graafilise disaini teenused"}],
    "accessibility_needs": "Suur kiri ja lihtne keel.",
    "contact": {
        "name": "Mari Maasikas",
        "email": "mari.maasikas@example.ee",
        "phone": "+372 600 0000",
    },
    "owner": {"name": "Mari Maasikas", "unit": "Kommunikatsiooniosakond"},
    "organisation": default_organisation(),
    "created": "2026-11-25",
    # The brief's designer sections (all optional).
    "brief": {
        "tone_of_voice": {
            "et": "Rahulik, selge ja lugupidav; lühikesed laused, ilma ametikeeleta.",
            "en": "Calm, clear and respectful; short sentences, no officialese.",
        },
        "call_to_action": {
            "et": "Vaata oma uut pensioni e-teenusest.",
            "en": "See your new pension in the e-service.",
            "ru": "Узнайте размер новой пенсии в э-услуге.",
        },
        "logo_use": [],  # empty: the brandbook's logo per channel
        "translation_by": "authority",
        "proofreading_by": "authority",
        "delivery_format": {
            "et": "Failid ühe ZIP-failina e-posti teel või hankija failivahetuse kaudu.",
            "en": "The files as one ZIP file by e-mail or through the authority's file exchange.",
        },
    },
    # Procurement register data; a low-value purchase has no register reference number.
    "register": {
        "reference_number": "",
        "offer_deadline": "2026-11-30T12:00",
        "lots_reason": "",  # empty: the standard reason (RHS § 36 (4))
    },
    "procurement": {
        "rules_reference": "Sotsiaalkindlustusameti hankekord",
        "plan_entry": "",
    },
    "invited_firms": [],  # a request for offers goes to at least three firms
    "terms": {},  # overrides of procurement.documents.context.DEFAULT_TERMS
}


def sample_order() -> dict:
    return copy.deepcopy(_SAMPLE)
