"""The procurement thresholds in force, as data (web managers edit them in the admin).

Sources: Riigihangete seadus (RHS, in force from 1 September 2017) § 3, § 14 (1)–(3), § 28;
riigihangete-seadus.juuraveeb.ee (§ 14); tallinn.ee "Riigihangete piirmäärad"; for the
international threshold the European Commission's delegated regulations amending Article 4 of
Directive 2014/24/EU (2024–2025: (EU) 2023/2495; 2026–2027: as published for 1 January 2026).
The Ministry of Finance's draft amendment of September 2025 (30 000 → 50 000 and 60 000 →
100 000 EUR) is not law: when it is adopted, add rows with its date instead of editing these.
"""

import datetime
from decimal import Decimal

from django.db import migrations

RHS = "Riigihangete seadus (RHS), jõus alates 01.09.2017"

THRESHOLDS = [
    {
        "slug": "low-value-2017",
        "route": "low_value",
        "name_et": "Väikeost (alla lihthanke piirmäära)",
        "name_en": "Low-value purchase (below the simple procurement threshold)",
        "name_ru": "Малая закупка (ниже порога упрощённой закупки)",
        "threshold_eur": Decimal("0.00"),
        "legal_source": (
            f"{RHS}, § 3 ja § 14 lg 1: alla lihthanke piirmäära (asjad ja teenused 30 000 eurot "
            "ilma käibemaksuta) hankemenetlust ei nõuta, kuid kehtivad RHS § 3 üldpõhimõtted: "
            "läbipaistvus, kontrollitavus, proportsionaalsus, võrdne kohtlemine ning rahaliste "
            "vahendite säästlik ja otstarbekas kasutamine."
        ),
        "applies_from": datetime.date(2017, 9, 1),
        "applies_until": None,
    },
    {
        "slug": "simple-2017",
        "route": "simple",
        "name_et": "Lihthange",
        "name_en": "Simple procurement",
        "name_ru": "Упрощённая закупка",
        "threshold_eur": Decimal("30000.00"),
        "legal_source": (
            f"{RHS}, § 14 lg 1: lihthanke piirmäär asjade ja teenuste hankelepingutele on "
            "30 000 eurot ilma käibemaksuta (ehitustöödel 60 000 eurot)."
        ),
        "applies_from": datetime.date(2017, 9, 1),
        "applies_until": None,
    },
    {
        "slug": "national-2017",
        "route": "national",
        "name_et": "Riigihange (riigihanke piirmäärast)",
        "name_en": "National procurement (from the national threshold)",
        "name_ru": "Государственная закупка (от национального порога)",
        "threshold_eur": Decimal("60000.00"),
        "legal_source": (
            f"{RHS}, § 14 lg 2: riigihanke piirmäär asjade ja teenuste hankelepingutele ning "
            "ideekonkurssidele on 60 000 eurot ilma käibemaksuta (ehitustöödel 150 000 eurot, "
            "sotsiaal- ja eriteenustel 300 000 eurot)."
        ),
        "applies_from": datetime.date(2017, 9, 1),
        "applies_until": None,
    },
    {
        "slug": "international-2024-2025",
        "route": "international",
        "name_et": "Rahvusvahelise piirmääraga riigihange",
        "name_en": "International procurement (EU threshold)",
        "name_ru": "Закупка с международным порогом (порог ЕС)",
        "threshold_eur": Decimal("143000.00"),
        "legal_source": (
            "RHS § 14 lg 3; komisjoni delegeeritud määrus (EL) 2023/2495, millega muudetakse "
            "direktiivi 2014/24/EL artiklit 4 (01.01.2024–31.12.2025): keskvalitsusasutuste "
            "asjade ja teenuste hankelepingud 143 000 eurot ilma käibemaksuta."
        ),
        "applies_from": datetime.date(2024, 1, 1),
        "applies_until": datetime.date(2025, 12, 31),
    },
    {
        "slug": "international-2026-2027",
        "route": "international",
        "name_et": "Rahvusvahelise piirmääraga riigihange",
        "name_en": "International procurement (EU threshold)",
        "name_ru": "Закупка с международным порогом (порог ЕС)",
        "threshold_eur": Decimal("140000.00"),
        "legal_source": (
            "RHS § 14 lg 3; komisjoni delegeeritud määrus (EL) 2025/2152 (määruse number "
            "vajab kinnitamist EUR-Lexis), millega muudetakse direktiivi 2014/24/EL artiklit 4 "
            "(01.01.2026–31.12.2027): keskvalitsusasutuste asjade ja teenuste "
            "hankelepingud 140 000 eurot ilma käibemaksuta, muud hankijad 216 000 eurot. "
            "Et Sotsiaalkindlustusamet on keskvalitsusasutus (direktiivi I lisa), vajab "
            "kinnitamist."
        ),
        "applies_from": datetime.date(2026, 1, 1),
        "applies_until": datetime.date(2027, 12, 31),
    },
]


def load(apps, schema_editor):
    Threshold = apps.get_model("procurement", "ProcurementThreshold")
    for row in THRESHOLDS:
        Threshold.objects.update_or_create(slug=row["slug"], defaults=row)


def unload(apps, schema_editor):
    Threshold = apps.get_model("procurement", "ProcurementThreshold")
    Threshold.objects.filter(slug__in=[row["slug"] for row in THRESHOLDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("procurement", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
