"""The rows every database starts with, brought back after a flush.

Data migrations put in the procurement thresholds and the SKA topic areas. A flush
(`manage.py flush`, and the end of every transactional test) empties every table and migrates
nothing again: the roles' groups come back in post_migrate (brandkit.roles), these rows would
stay gone, and what needs them would work or fail by the order things ran in. After every
migrate or flush each table below that is empty gets its data migrations replayed, in order.
A table with any row is never touched, so what web managers changed in the app stays exactly
as they left it.
"""

from __future__ import annotations

import importlib

# (model, [(migration module, function(apps, schema_editor)), …] replayed in this order)
DEFAULT_ROWS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "procurement.ProcurementThreshold",
        (
            ("procurement.migrations.0002_thresholds", "load"),
            ("procurement.migrations.0003_threshold_sources", "load"),
        ),
    ),
    (
        "library.TopicArea",
        (("brandkit.library.migrations.0006_ska_topic_areas", "add_topics"),),
    ),
)


def restore_default_rows(sender=None, apps=None, using="default", **kwargs):
    if apps is None:  # flush sends no migration state: the models as they are now
        from django.apps import apps
    for label, steps in DEFAULT_ROWS:
        if sender is not None and label.split(".")[0] != sender.label:
            continue  # post_migrate comes once per app: each table with its own app
        try:
            model = apps.get_model(label)
        except LookupError:  # migrated back to before the model existed
            continue
        if model._default_manager.using(using).exists():
            continue
        for module, function in steps:
            getattr(importlib.import_module(module), function)(apps, None)
