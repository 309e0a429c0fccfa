"""A complete example `order` (the README's contract as data): for the benchmark, demos and the
Django side's fixtures. Returns a fresh copy each call."""

from __future__ import annotations

import copy

_SAMPLE = {
    "number": "SKA-2026-0007",
    "revision": 3,
    "title": {
        "et": "Pensionitõusu teavituskampaania",
        "en": "Pension increase campaign",
        "ru": "Кампания о повышении пенсий",
    },
    "purpose": "Teavitada pensionäre 2027. aasta pensionitõusust ja sellest, kust lisainfot saada.",
    "background": (
        "Aprillis tõusevad pensionid. Klienditeenindus saab igal aastal tuhandeid küsimusi "
        "selle kohta, kui palju ja millal pension tõuseb.\nKampaania vähendab korduvaid pöördumisi."
    ),
    "audience": "Pensionärid ja nende lähedased; eesti- ja venekeelsed lugejad.",
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
        "name": "Alla lihthanke piirmäära",
        "threshold_eur": "30000.00",
        "legal_source": "Riigihangete seadus § 14 lg 1",
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
    "organisation": {
        "name": "Sotsiaalkindlustusamet",
        "address": "Endla 8, 15092 Tallinn",
        "registry_code": "70001975",
    },
    "created": "2026-11-25",
}


def sample_order() -> dict:
    return copy.deepcopy(_SAMPLE)
