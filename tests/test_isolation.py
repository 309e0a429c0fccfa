"""Tests run in any order (pytest-randomly, ungrouped; see conftest.py): what the data migrations
put in the database must still be there after a transactional test's flush."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import migrations
from django.db.migrations.loader import MigrationLoader

from brandkit.roles import ROLES
from procurement.apps import restore_default_thresholds
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
    ("procurement", "0002_thresholds"): "procurement.apps.restore_default_thresholds",
    ("library", "0003_asset_change_log"): "triggers are schema: a flush deletes rows only",
}


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_the_default_thresholds_and_the_roles():
    call_command("flush", interactive=False, verbosity=0)

    assert set(ProcurementThreshold.objects.values_list("slug", flat=True)) == DEFAULT_SLUGS
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)


@pytest.mark.django_db
def test_the_defaults_never_come_back_over_what_a_web_manager_changed():
    ProcurementThreshold.objects.filter(slug="low-value-2017").delete()
    ProcurementThreshold.objects.filter(slug="simple-2017").update(legal_source="edited")

    restore_default_thresholds(sender=None)

    assert not ProcurementThreshold.objects.filter(slug="low-value-2017").exists()
    assert ProcurementThreshold.objects.get(slug="simple-2017").legal_source == "edited"


@pytest.mark.django_db
def test_an_emptied_threshold_table_gets_the_defaults_again():
    ProcurementThreshold.objects.all().delete()

    restore_default_thresholds(sender=None)

    assert set(ProcurementThreshold.objects.values_list("slug", flat=True)) == DEFAULT_SLUGS


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
