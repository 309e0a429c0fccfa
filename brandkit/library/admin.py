"""The library in the admin: editable lists (topic areas, campaigns, tags) and asset
descriptions; versions, renditions, downloads and staged uploads are read-only there, because
versions are immutable and their state changes only through the review workflow."""

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
    TopicArea,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """View only, for everyone (superusers too)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TopicArea)
class TopicAreaAdmin(admin.ModelAdmin):
    list_display = ("name_et", "name_en", "name_ru", "slug", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name_en",)}
    search_fields = ("name_et", "name_en", "name_ru", "slug")


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("name", "starts_on", "ends_on")
    search_fields = ("name",)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)


class VersionInline(admin.TabularInline):
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
    filter_horizontal = ("tags",)
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
