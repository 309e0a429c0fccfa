"""The library in the admin: editable lists (topic areas, campaigns, tags) and asset
descriptions; versions, renditions, downloads and staged uploads are read-only there, because
versions are immutable and their state changes only through the review workflow.

Every admin save reaches the app's audit trail through the same functions as the library's own
pages (brandkit.review.audit), with old and new values; asset validation is the model's
`Asset.clean`, shared with the library form (no past usable-until date, no empty required text
alternative on a published asset). Only web managers (and superusers) change assets here. The
web manager is the approver of texts, so an admin edit of a published asset's texts is
published at once, without a text revision; the audit event keeps what it replaced.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from brandkit.library.models import (
    Asset,
    AssetVersion,
    Campaign,
    Download,
    Rendition,
    StagedUpload,
    Tag,
    TextRevision,
    TopicArea,
)
from brandkit.plain_text import PlainTextModelForm
from brandkit.review import audit
from brandkit.roles import WEB_MANAGER, has_role


class ReadOnlyAdmin(admin.ModelAdmin):
    """View only, for everyone (superusers too)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedListAdmin(admin.ModelAdmin):
    """Adds, changes (list_editable ones too) and deletions are audit events."""

    form = PlainTextModelForm

    def save_model(self, request, obj, form, change):
        before = None
        if change:
            stored = type(obj).objects.filter(pk=obj.pk).first()
            before = audit.plain_fields(stored) if stored is not None else None
        super().save_model(request, obj, form, change)
        audit.record_list_change(request.user, obj, before, change="changed" if change else "added")

    def delete_model(self, request, obj):
        before = audit.plain_fields(obj)
        super().delete_model(request, obj)
        audit.record_list_change(request.user, obj, before, change="deleted")

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(TopicArea)
class TopicAreaAdmin(AuditedListAdmin):
    list_display = ("name_et", "name_en", "name_ru", "slug", "position")
    prepopulated_fields = {"slug": ("name_en",)}
    search_fields = ("name_et", "name_en", "name_ru", "slug")


@admin.register(Campaign)
class CampaignAdmin(AuditedListAdmin):
    list_display = ("name", "starts_on", "ends_on")
    search_fields = ("name",)


@admin.register(Tag)
class TagAdmin(AuditedListAdmin):
    list_display = ("name",)
    search_fields = ("name",)


class VersionInline(admin.StackedInline):
    model = AssetVersion
    extra = 0
    can_delete = False
    show_change_link = True
    fields = (
        "number",
        "state",
        "verdict",
        "format",
        "width",
        "height",
        "size_bytes",
        "uploaded_by",
        "uploaded_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Asset)
class AssetAdmin(admin.ModelAdmin):
    """Descriptions can be corrected here; status and the current version only change through
    the review workflow, and assets are created only by uploading."""

    form = PlainTextModelForm
    list_display = ("title_et", "kind", "topic", "status", "owner", "usable_until", "updated_at")
    list_filter = ("status", "kind", "topic", "campaign")
    search_fields = ("title_et", "title_en", "title_ru", "search_text", "public_id")
    readonly_fields = (
        "public_id",
        "status",
        "current_version",
        "owner",
        "preset_slug",
        "dominant_colour",
        "created_at",
        "updated_at",
    )
    # A plain multiple select: filter_horizontal replaces it by script with widgets its label
    # does not point to (label[for=id_tags] pointed nowhere for screen readers).
    inlines = [VersionInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "public_id",
                    "status",
                    "current_version",
                    "owner",
                    "preset_slug",
                    "dominant_colour",
                    "created_at",
                    "updated_at",
                )
            },
        ),
        (
            _("Title and description"),
            {
                "fields": (
                    "title_et",
                    "title_en",
                    "title_ru",
                    "description_et",
                    "description_en",
                    "description_ru",
                )
            },
        ),
        (_("Classification"), {"fields": ("kind", "topic", "languages", "campaign", "tags")}),
        (
            _("Text alternatives"),
            {
                "fields": (
                    "alt_text_et",
                    "alt_text_en",
                    "alt_text_ru",
                    "long_description_et",
                    "long_description_en",
                    "long_description_ru",
                )
            },
        ),
        (
            _("Author and rights"),
            {
                "fields": (
                    "creator",
                    "licence",
                    "rights_holder",
                    "contract_reference",
                    "usable_until",
                )
            },
        ),
    )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = request.user.is_superuser or has_role(request.user, WEB_MANAGER)
        return allowed and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        stored = Asset.objects.get(pk=obj.pk)  # obj already holds the form's values
        request._brandkit_asset_before = stored.snapshot()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # the tags are saved here
        before = getattr(request, "_brandkit_asset_before", None)
        if before is not None:
            audit.record_edit(request.user, form.instance, before, via="admin")


@admin.register(AssetVersion)
class AssetVersionAdmin(ReadOnlyAdmin):
    list_display = ("asset", "number", "state", "verdict", "format", "uploaded_by", "uploaded_at")
    list_filter = ("state", "verdict", "format")
    search_fields = ("asset__title_et", "original_name", "sha256")
    exclude = ("file",)


@admin.register(Rendition)
class RenditionAdmin(ReadOnlyAdmin):
    list_display = ("version", "name", "format", "width", "height", "status")
    list_filter = ("status", "name")
    exclude = ("file",)


@admin.register(Download)
class DownloadAdmin(ReadOnlyAdmin):
    list_display = ("at", "user", "version", "rendition", "what")
    list_filter = ("what",)
    date_hierarchy = "at"


@admin.register(StagedUpload)
class StagedUploadAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "user", "verdict", "format", "created_at")
    exclude = ("file",)


@admin.register(TextRevision)
class TextRevisionAdmin(ReadOnlyAdmin):
    """Read-only: text revisions are decided on the review pages, where decisions are audited."""

    list_display = ("asset", "state", "author", "updated_at", "decided_by")
    list_filter = ("state",)
    search_fields = ("asset__title_et", "author__username")
