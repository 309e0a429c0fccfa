"""The web manager edits the brand kit here; other roles hold view permissions only."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from brandkit.rules.models import Brandbook, ChannelPreset, Colour, Logo, LogoVariant, Typeface


# Stacked, not tabular: a tabular inline's inputs have no <label> (only column headers), which
# screen readers and axe flag; stacked inlines label every field.
class ColourInline(admin.StackedInline):
    model = Colour
    extra = 0
    fields = (
        "position",
        "slug",
        "name_et",
        "name_en",
        "name_ru",
        "hex",
        "cmyk",
        "pantone",
        "roles",
        "confirmed",
    )


class TypefaceInline(admin.StackedInline):
    model = Typeface
    extra = 0
    fields = ("position", "family", "roles", "weights", "fallbacks", "files", "confirmed")


class PresetInline(admin.StackedInline):
    model = ChannelPreset
    extra = 0
    fields = (
        "position",
        "slug",
        "name_et",
        "channel",
        "width",
        "height",
        "unit",
        "match",
        "formats",
        "max_bytes",
        "min_dpi",
        "logo",
        "confirmed",
    )

    def get_formset(self, request, obj=None, **kwargs):
        """Offer only this brandbook's logos as a preset's required logo."""
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields.get("logo")
        if field is not None:
            field.queryset = Logo.objects.filter(brandbook=obj) if obj else Logo.objects.none()
        return formset


class LogoInline(admin.StackedInline):
    model = Logo
    extra = 0
    fields = (
        "position",
        "slug",
        "name_et",
        "clear_space",
        "min_width_px",
        "min_height_mm",
        "channels",
        "confirmed",
    )
    show_change_link = True


@admin.register(Brandbook)
class BrandbookAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "version", "is_current", "loaded_at")
    list_filter = ("slug", "is_current")
    readonly_fields = ("content_sha256", "loaded_at", "source_file", "schema_version")
    inlines = [ColourInline, TypefaceInline, LogoInline, PresetInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "slug",
                    "name",
                    "version",
                    "is_current",
                    "schema_version",
                    "content_sha256",
                    "loaded_at",
                    "source_file",
                )
            },
        ),
        (
            _("Description"),
            {"fields": ("description_et", "description_en", "description_ru", "sources")},
        ),
        (
            _("Colour"),
            {
                "fields": (
                    "tolerance_de2000",
                    "neutrals_allowed",
                    "neutral_chroma",
                    "max_off_palette",
                )
            },
        ),
        (_("Typography"), {"fields": ("min_text_px",)}),
        (
            _("Accessibility"),
            {
                "fields": (
                    "text_contrast",
                    "large_text_contrast",
                    "non_text_contrast",
                    "large_text_px",
                    "large_bold_text_px",
                    "alt_text_required",
                    "long_description_for_infographics",
                )
            },
        ),
    )


class LogoVariantInline(admin.StackedInline):
    model = LogoVariant
    extra = 0
    fields = ("slug", "language", "tone", "file", "sha256")
    readonly_fields = ("sha256",)


@admin.register(Logo)
class LogoAdmin(admin.ModelAdmin):
    list_display = ("name_et", "slug", "brandbook", "confirmed")
    list_filter = ("brandbook",)
    inlines = [LogoVariantInline]


@admin.register(Colour)
class ColourAdmin(admin.ModelAdmin):
    list_display = ("name_et", "hex", "pantone", "brandbook", "confirmed")
    list_filter = ("brandbook", "confirmed")


@admin.register(ChannelPreset)
class ChannelPresetAdmin(admin.ModelAdmin):
    list_display = ("name_et", "slug", "width", "height", "unit", "logo", "brandbook")
    list_filter = ("brandbook", "channel")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "logo":
            preset = _object_from_url(request, ChannelPreset)
            if preset is not None:
                kwargs["queryset"] = Logo.objects.filter(brandbook=preset.brandbook_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _object_from_url(request, model):
    match = getattr(request, "resolver_match", None)
    object_id = match.kwargs.get("object_id") if match else None
    if not object_id:
        return None
    try:
        return model.objects.filter(pk=object_id).first()
    except (ValueError, TypeError):
        return None


@admin.register(Typeface)
class TypefaceAdmin(admin.ModelAdmin):
    list_display = ("family", "brandbook", "confirmed")
    list_filter = ("brandbook",)
