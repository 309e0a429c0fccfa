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
}


def sample_order() -> dict:
    return copy.deepcopy(_SAMPLE)
