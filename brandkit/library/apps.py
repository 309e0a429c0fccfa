from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _restore_change_log_triggers(sender, using, **kwargs):
    from django.db import connections

    from brandkit.library.change_log import ensure_triggers

    ensure_triggers(connections[using])


class LibraryConfig(AppConfig):
    name = "brandkit.library"
    label = "library"
    verbose_name = _("Asset library")

    def ready(self):
        from brandkit.library import signals  # noqa: F401

        post_migrate.connect(
            _restore_change_log_triggers, sender=self, dispatch_uid="library.change_log_triggers"
        )
