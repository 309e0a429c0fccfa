"""Web managers keep the procurement thresholds up to date here, without code.

Orders are edited on their own pages (with revisions); the admin shows them and their
documents read-only, and a generated document is never changed or deleted.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from brandkit.review import audit
from brandkit.review.models import AuditAction
from procurement.models import Document, ProcurementThreshold, VisualOrder


@admin.register(ProcurementThreshold)
class ProcurementThresholdAdmin(admin.ModelAdmin):
    list_display = ("name_et", "route", "threshold_eur", "applies_from", "applies_until")
    list_filter = ("route",)
    search_fields = ("slug", "name_et", "name_en", "legal_source")
    ordering = ("-applies_from", "threshold_eur")
    fieldsets = (
        (None, {"fields": ("slug", "route", "threshold_eur", "applies_from", "applies_until")}),
        (_("Names"), {"fields": ("name_et", "name_en", "name_ru")}),
        (_("Legal source"), {"fields": ("legal_source", "legal_source_en", "legal_source_ru")}),
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(
            request.user,
            AuditAction.EDIT,
            obj=f"{obj._meta.verbose_name}: {obj}",
            change="changed" if change else "added",
            fields=", ".join(form.changed_data),
            threshold=obj.slug,
        )

    def delete_model(self, request, obj):
        label = f"{obj._meta.verbose_name}: {obj}"
        slug = obj.slug
        super().delete_model(request, obj)
        audit.record(request.user, AuditAction.EDIT, obj=label, change="deleted", threshold=slug)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(VisualOrder)
class VisualOrderAdmin(ReadOnlyAdmin):
    list_display = ("number", "title_et", "owner", "deadline", "estimated_value_eur", "revision")
    search_fields = ("number", "title_et", "title_en", "title_ru")
    date_hierarchy = "created_at"


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ("order", "kind", "lang", "version", "status", "order_revision", "created_at")
    list_filter = ("kind", "lang", "status")
    search_fields = ("order__number", "sha256")
    exclude = ("order_data",)
