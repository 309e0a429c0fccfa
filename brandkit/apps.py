from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandkitConfig(AppConfig):
    """The project package is also an app: roles, base templates, management commands."""

    name = "brandkit"
    verbose_name = _("brandkit")

    def ready(self):
        from django.db.models.signals import post_migrate

        from brandkit.defaults import restore_default_rows
        from brandkit.roles import sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="brandkit.sync_role_permissions")
        post_migrate.connect(restore_default_rows, dispatch_uid="brandkit.restore_default_rows")
