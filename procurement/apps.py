from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The data migrations whose rows are the defaults every database starts with.
DEFAULT_ROWS = ("procurement.migrations.0002_thresholds",)


def restore_default_thresholds(sender, apps=None, using="default", **kwargs):
    """A flush (`manage.py flush`, and the end of every transactional test) empties every table
    and migrates nothing again: the roles' groups come back in post_migrate (brandkit.roles) but
    the thresholds of the data migration would stay gone, and no order could get a route. Load
    them again when no threshold is left; never while any row exists, so what web managers
    changed in the admin stays exactly as they left it."""
    import importlib

    if apps is None:  # flush sends no migration state: the models as they are now
        from django.apps import apps
    try:
        threshold = apps.get_model("procurement", "ProcurementThreshold")
    except LookupError:  # migrated back to before the model existed
        return
    if threshold.objects.using(using).exists():
        return
    rows = [row for module in DEFAULT_ROWS for row in importlib.import_module(module).THRESHOLDS]
    threshold.objects.using(using).bulk_create(threshold(**row) for row in rows)


class ProcurementConfig(AppConfig):
    name = "procurement"
    verbose_name = _("Procurement")

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(
            restore_default_thresholds,
            sender=self,
            dispatch_uid="procurement.restore_default_thresholds",
        )
