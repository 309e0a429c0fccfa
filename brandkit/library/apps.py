from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "brandkit.library"
    label = "library"
    verbose_name = _("Asset library")

    def ready(self):
        from brandkit.library import signals  # noqa: F401
