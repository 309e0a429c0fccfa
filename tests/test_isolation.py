"""Tests run in any order (pytest-randomly, ungrouped; see conftest.py): what the data migrations
put in the database must still be there after a transactional test's flush."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import migrations
from django.db.migrations.loader import MigrationLoader

from brandkit.defaults import restore_default_rows
from brandkit.library.models import TopicArea
from brandkit.roles import ROLES
from procurement.models import ProcurementThreshold

DEFAULT_SLUGS = {
    "low-value-2017",
    "simple-2017",
    "national-2017",
    "international-2024-2025",
    "international-2026-2027",
}

# Every migration of ours that runs code, and what brings its effect back after a flush.
RESTORED_AFTER_FLUSH = {
    ("brandkit", "0001_roles"): "brandkit.roles.sync_role_permissions (post_migrate)",
    ("procurement", "0002_thresholds"): "brandkit.defaults.DEFAULT_ROWS",
    ("procurement", "0003_threshold_sources"): "brandkit.defaults.DEFAULT_ROWS",
    ("library", "0006_ska_topic_areas"): "brandkit.defaults.DEFAULT_ROWS",
    ("library", "0003_asset_change_log"): "triggers are schema: a flush deletes rows only",
}


def snapshot():
    return (
        sorted(ProcurementThreshold.objects.values_list("slug", "legal_source", "legal_source_en")),
        sorted(TopicArea.objects.values_list("slug", "name_et", "position")),
        sorted(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)),
    )


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_the_rows_the_migrations_made():
    migrated = snapshot()
    assert {slug for slug, *_ in migrated[0]} == DEFAULT_SLUGS
    assert all(en for _slug, _et, en in migrated[0])  # 0003's sources too
    assert migrated[1] and migrated[2] == sorted(ROLES)

    call_command("flush", interactive=False, verbosity=0)

    assert snapshot() == migrated


@pytest.mark.django_db
def test_the_defaults_never_come_back_over_what_a_web_manager_changed():
    ProcurementThreshold.objects.filter(slug="low-value-2017").delete()
    ProcurementThreshold.objects.filter(slug="simple-2017").update(legal_source="edited")
    TopicArea.objects.exclude(slug="general").delete()

    restore_default_rows()

    assert not ProcurementThreshold.objects.filter(slug="low-value-2017").exists()
    assert ProcurementThreshold.objects.get(slug="simple-2017").legal_source == "edited"
    assert list(TopicArea.objects.values_list("slug", flat=True)) == ["general"]


@pytest.mark.django_db
def test_an_emptied_table_gets_its_defaults_again():
    before = snapshot()
    ProcurementThreshold.objects.all().delete()
    TopicArea.objects.all().delete()

    restore_default_rows()

    assert snapshot() == before


def test_every_migration_that_runs_code_says_what_restores_it_after_a_flush():
    """A new data migration's rows vanish at the first transactional test's flush, and the tests
    that need them then pass or fail by order: say here how they come back."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    running_code = {
        key
        for key, migration in loader.disk_migrations.items()
        if apps.get_app_config(key[0]).name.startswith(("brandkit", "procurement"))
        and any(isinstance(op, migrations.RunPython) for op in migration.operations)
    }
    assert running_code == set(RESTORED_AFTER_FLUSH)
