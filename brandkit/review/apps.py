from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "brandkit.review"
    label = "review"
    verbose_name = _("Review")

    def ready(self):
        from brandkit.review import signals  # noqa: F401
