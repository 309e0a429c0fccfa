"""Threshold sources corrected and given in English and Russian (issue 11, defects 1, 2, 10).

- RHS § 14 (2): the national threshold is 60 000 EUR for supplies, services, design contests
  AND special services (eriteenused, Directive 2014/24 Annex XIV sections 6–15); only social
  services (sections 1–5) have 300 000 EUR. Source: riigihangete-seadus.juuraveeb.ee § 14;
  tallinn.ee "Riigihangete piirmäärad". The earlier text said "sotsiaal- ja eriteenustel
  300 000 eurot", which is wrong.
- RHS § 14 (3): for 2026–2027 Commission Delegated Regulation (EU) 2025/2152 sets 140 000 EUR
  for central government authorities and 216 000 EUR for sub-central ones, from 1 January 2026
  (../shared BRAND_FACTS; the regulation amends Article 4 of Directive 2014/24/EU).
- The sources no longer end with a full stop: the documents print them inside a sentence.
The rows are updated by slug; rows a web manager added are left alone.
"""

from django.db import migrations, models

RHS_ET = "Riigihangete seadus (RHS), jõus alates 01.09.2017"
RHS_EN = "Public Procurement Act (RHS), in force from 1 September 2017"
RHS_RU = "Закон о государственных закупках (RHS), в силе с 01.09.2017"

SOURCES = {
    "low-value-2017": (
        f"{RHS_ET}, § 3 ja § 14 lg 1: alla lihthanke piirmäära (asjad ja teenused 30 000 eurot "
        "ilma käibemaksuta) hankemenetlust ei nõuta, kuid kehtivad RHS § 3 üldpõhimõtted ja "
        "hankija hankekord",
        f"{RHS_EN}, § 3 and § 14 (1): below the simple procurement threshold (supplies and "
        "services EUR 30,000 without VAT) no procurement procedure is required, but the general "
        "principles of § 3 and the authority's procurement rules apply",
        f"{RHS_RU}, § 3 и § 14 ч. 1: ниже порога упрощённой закупки (товары и услуги 30 000 евро "
        "без налога с оборота) процедура закупки не требуется, но действуют общие принципы § 3 "
        "и порядок закупок заказчика",
    ),
    "simple-2017": (
        f"{RHS_ET}, § 14 lg 1: lihthanke piirmäär asjade ja teenuste hankelepingutele on "
        "30 000 eurot ilma käibemaksuta (ehitustöödel 60 000 eurot); menetlus RHS § 125",
        f"{RHS_EN}, § 14 (1): the simple procurement threshold for supply and service contracts "
        "is EUR 30,000 without VAT (works EUR 60,000); procedure under § 125",
        f"{RHS_RU}, § 14 ч. 1: порог упрощённой закупки для договоров на товары и услуги — "
        "30 000 евро без налога с оборота (строительные работы 60 000 евро); процедура по § 125",
    ),
    "national-2017": (
        f"{RHS_ET}, § 14 lg 2: riigihanke piirmäär asjade ja teenuste hankelepingutele, "
        "ideekonkurssidele ja eriteenustele on 60 000 eurot ilma käibemaksuta (ehitustöödel "
        "150 000 eurot, sotsiaalteenustel 300 000 eurot)",
        f"{RHS_EN}, § 14 (2): the national threshold for supply and service contracts, design "
        "contests and special services is EUR 60,000 without VAT (works EUR 150,000, social "
        "services EUR 300,000)",
        f"{RHS_RU}, § 14 ч. 2: порог государственной закупки для договоров на товары и услуги, "
        "конкурсов идей и специальных услуг — 60 000 евро без налога с оборота (строительные "
        "работы 150 000 евро, социальные услуги 300 000 евро)",
    ),
    "international-2024-2025": (
        "RHS § 14 lg 3; komisjoni delegeeritud määrus (EL) 2023/2495, millega muudetakse "
        "direktiivi 2014/24/EL artiklit 4 (01.01.2024–31.12.2025): keskvalitsusasutuste asjade "
        "ja teenuste hankelepingud 143 000 eurot ilma käibemaksuta",
        "RHS § 14 (3); Commission Delegated Regulation (EU) 2023/2495 amending Article 4 of "
        "Directive 2014/24/EU (1 January 2024 – 31 December 2025): supply and service contracts "
        "of central government authorities EUR 143,000 without VAT",
        "RHS § 14 ч. 3; Делегированный регламент Комиссии (ЕС) 2023/2495, изменяющий статью 4 "
        "Директивы 2014/24/ЕС (01.01.2024–31.12.2025): договоры центральных органов власти на "
        "товары и услуги 143 000 евро без налога с оборота",
    ),
    "international-2026-2027": (
        "RHS § 14 lg 3; komisjoni delegeeritud määrus (EL) 2025/2152, millega muudetakse "
        "direktiivi 2014/24/EL artiklit 4 (alates 01.01.2026): keskvalitsusasutuste asjade ja "
        "teenuste hankelepingud 140 000 eurot, muud hankijad 216 000 eurot ilma käibemaksuta",
        "RHS § 14 (3); Commission Delegated Regulation (EU) 2025/2152 amending Article 4 of "
        "Directive 2014/24/EU (from 1 January 2026): supply and service contracts of central "
        "government authorities EUR 140,000, other contracting authorities EUR 216,000 without "
        "VAT",
        "RHS § 14 ч. 3; Делегированный регламент Комиссии (ЕС) 2025/2152, изменяющий статью 4 "
        "Директивы 2014/24/ЕС (с 01.01.2026): договоры центральных органов власти на товары и "
        "услуги 140 000 евро, прочие заказчики 216 000 евро без налога с оборота",
    ),
}


def load(apps, schema_editor):
    Threshold = apps.get_model("procurement", "ProcurementThreshold")
    for slug, (et, en, ru) in SOURCES.items():
        Threshold.objects.filter(slug=slug).update(
            legal_source=et, legal_source_en=en, legal_source_ru=ru
        )


class Migration(migrations.Migration):
    dependencies = [("procurement", "0002_thresholds")]

    operations = [
        migrations.AddField(
            model_name="procurementthreshold",
            name="legal_source_en",
            field=models.TextField(blank=True, verbose_name="legal source (English)"),
        ),
        migrations.AddField(
            model_name="procurementthreshold",
            name="legal_source_ru",
            field=models.TextField(blank=True, verbose_name="legal source (Russian)"),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
