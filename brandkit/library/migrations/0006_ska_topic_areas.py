"""The Social Insurance Board's service areas as the starting list of topic areas (the web
manager edits the list in the app). Only missing slugs are added, so edits are kept."""

from django.db import migrations

SKA_TOPICS = [
    ("pensions", "Pensionid", "Pensions", "Пенсии"),
    ("family-benefits", "Perehüvitised", "Family benefits", "Семейные пособия"),
    ("disability-work-ability", "Puue ja töövõime", "Disability and work ability", "Инвалидность и трудоспособность"),
    ("victim-support", "Ohvriabi", "Victim support", "Помощь жертвам"),
    ("child-protection", "Lastekaitse", "Child protection", "Защита детей"),
    ("social-services", "Sotsiaalteenused", "Social services", "Социальные услуги"),
    ("maintenance-support", "Elatisabi", "Maintenance support", "Пособие на содержание ребёнка"),
    ("living-abroad", "Välisriigis elamine ja töötamine", "Living and working abroad", "Жизнь и работа за рубежом"),
    ("general", "Amet üldiselt", "The Board in general", "Департамент в целом"),
]


def add_topics(apps, schema_editor):
    TopicArea = apps.get_model("library", "TopicArea")
    known = set(TopicArea.objects.values_list("slug", flat=True))
    for position, (slug, et, en, ru) in enumerate(SKA_TOPICS, start=1):
        if slug not in known:
            TopicArea.objects.create(
                slug=slug, name_et=et, name_en=en, name_ru=ru, position=position * 10
            )


class Migration(migrations.Migration):
    dependencies = [("library", "0005_campaign_proposals")]
    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
