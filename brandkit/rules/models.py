"""The brand kit as data: one loaded brandbook version and everything it defines.

A brandbook file loads into one `Brandbook` row per (slug, version); older versions stay so
reports made against them can still be explained. Multilingual names are three columns
(et, en, ru) rather than JSON so the web manager can edit them in the admin.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from brandkit.colour import contrast_ratio, parse_hex

LANGS = ("et", "en", "ru")
LANGUAGE_CHOICES = [("et", _("Estonian")), ("en", _("English")), ("ru", _("Russian"))]
hex_validator = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Enter a colour as #RRGGBB."))


def json_list_default():
    return []


def all_channels():
    return ["web", "social", "print"]


class Notes:
    """A brandbook note in the reader's language, Estonian when it has no translation."""

    @property
    def note_text(self) -> str:
        lang = self.note_lang
        return self.note if lang == "et" else getattr(self, f"note_{lang}", "")

    @property
    def note_lang(self) -> str:
        lang = (get_language() or "et")[:2]
        if lang in ("en", "ru") and getattr(self, f"note_{lang}", ""):
            return lang
        return "et"


class Localised(models.Model):
    """Names in Estonian (required), English and Russian, shown in the reader's language."""

    name_et = models.CharField(_("name (Estonian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        lang = (get_language() or "et")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_et

    def names(self) -> dict[str, str]:
        return {lang: value for lang in LANGS if (value := getattr(self, f"name_{lang}"))}

    @staticmethod
    def names_from(data: dict) -> dict[str, str]:
        return {f"name_{lang}": data.get(lang, "") for lang in LANGS}


class BrandbookQuerySet(models.QuerySet):
    def current(self, slug: str) -> Brandbook | None:
        return self.filter(slug=slug, is_current=True).first()


class Brandbook(models.Model):
    slug = models.SlugField(_("slug"), max_length=50)
    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=40)
    schema_version = models.PositiveSmallIntegerField(_("schema version"), default=1)
    description_et = models.TextField(_("description (Estonian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    sources = models.JSONField(_("sources"), default=json_list_default, blank=True)
    is_current = models.BooleanField(
        _("current"), default=False, help_text=_("The version used for new checks.")
    )
    content_sha256 = models.CharField(_("content SHA-256"), max_length=64, editable=False)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)
    source_file = models.CharField(_("loaded from"), max_length=500, blank=True)

    # colour rules
    tolerance_de2000 = models.FloatField(
        _("colour tolerance (ΔE00)"), validators=[MinValueValidator(0.01), MaxValueValidator(50)]
    )
    neutrals_allowed = models.BooleanField(_("neutrals allowed"), default=True)
    neutral_chroma = models.FloatField(
        _("neutral chroma limit (C*ab)"),
        default=5.0,
        validators=[MinValueValidator(0), MaxValueValidator(30)],
    )
    max_off_palette = models.FloatField(
        _("largest off-palette share"),
        default=0.02,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    # typography
    min_text_px = models.FloatField(_("smallest text (px)"), default=14)
    # accessibility
    text_contrast = models.FloatField(_("text contrast"), default=4.5)
    large_text_contrast = models.FloatField(_("large text contrast"), default=3.0)
    non_text_contrast = models.FloatField(_("non-text contrast"), default=3.0)
    large_text_px = models.FloatField(_("large text from (px)"), default=24)
    large_bold_text_px = models.FloatField(_("large bold text from (px)"), default=18.66)
    alt_text_required = models.BooleanField(_("alt text required"), default=True)
    long_description_for_infographics = models.BooleanField(
        _("long description for infographics"), default=True
    )

    # brand templates: layouts for banners, kept as the brandbook file gives them (schema.json
    # validates their shape, and they are read whole by the renderer, never queried by part)
    templates = models.JSONField(_("templates"), default=json_list_default, blank=True)

    objects = BrandbookQuerySet.as_manager()

    class Meta:
        verbose_name = _("brandbook")
        verbose_name_plural = _("brandbooks")
        ordering = ["slug", "-loaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="brandbook_slug_version"),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(is_current=True),
                name="brandbook_one_current_per_slug",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def description(self) -> str:
        lang = (get_language() or "et")[:2]
        return getattr(self, f"description_{lang}", "") or self.description_et

    def to_data(self) -> dict:
        """The brandbook as plain data, in the shape of a parsed brandbook file."""
        from brandkit.rules.serialise import brandbook_to_data

        return brandbook_to_data(self)

    def contrast_matrix(self) -> list[dict]:
        """Every text colour on every background colour with its WCAG verdicts.

        Palette colours with a text, background, primary or accent role take part; when the
        brandbook has no roles, all colours do.
        """
        colours = list(self.colours.all())
        # An accent colour (the state gold) is used both for type and as a surface, so it is
        # shown both ways: which pairs of it pass is exactly what designers ask.
        texts = [c for c in colours if {"text", "accent"} & set(c.roles)] or colours
        backgrounds = [
            c for c in colours if {"background", "accent", "primary"} & set(c.roles)
        ] or colours
        rows = []
        for fg in texts:
            cells = []
            for bg in backgrounds:
                ratio = float(contrast_ratio(fg.rgb, bg.rgb))
                cells.append(
                    {
                        "background": bg,
                        "ratio": ratio,
                        "same": fg.pk == bg.pk,
                        "aa": ratio >= self.text_contrast,
                        "aaa": ratio >= 7.0,
                        "large_aa": ratio >= self.large_text_contrast,
                    }
                )
            rows.append({"text": fg, "cells": cells})
        return rows


class Colour(Notes, Localised):
    brandbook = models.ForeignKey(Brandbook, on_delete=models.CASCADE, related_name="colours")
    slug = models.SlugField(_("slug"), max_length=50)
    hex = models.CharField(_("HEX"), max_length=7, validators=[hex_validator])
    cmyk = models.JSONField(_("CMYK"), null=True, blank=True, help_text=_("[C, M, Y, K], 0–100"))
    pantone = models.CharField(_("Pantone"), max_length=60, blank=True)
    roles = models.JSONField(_("roles"), default=json_list_default, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=True)
    note = models.TextField(_("note (Estonian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("colour")
        verbose_name_plural = _("colours")
        ordering = ["brandbook", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["brandbook", "slug"], name="colour_slug_per_brandbook")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.hex}"

    def save(self, *args, **kwargs):
        self.hex = self.hex.upper()
        super().save(*args, **kwargs)

    @property
    def rgb(self) -> tuple[int, int, int]:
        return parse_hex(self.hex)

    @property
    def cmyk_text(self) -> str:
        if not self.cmyk:
            return ""
        return " ".join(
            f"{label}{value:g}" for label, value in zip("CMYK", self.cmyk, strict=False)
        )

    def text_on_it(self) -> str:
        """Black or white, whichever reads better on this colour (for swatch labels)."""
        black = float(contrast_ratio((0, 0, 0), self.rgb))
        white = float(contrast_ratio((255, 255, 255), self.rgb))
        return "#000000" if black >= white else "#FFFFFF"


GENERIC_FAMILIES = frozenset(
    {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
)
# The brandbook schema's `font_name` ($defs): letters of any script, digits, single spaces and
# hyphens between them.
FONT_NAME = re.compile(r"[^\W_]+(?:[ -][^\W_]+)*")
FONT_NAME_MESSAGE = _(
    "A font name holds only letters, digits, and single spaces or hyphens between them."
)


def css_string(text: str) -> str:
    """`text` as a double-quoted CSS string: quotes, backslashes, control and other
    non-printing characters become CSS escapes (`\\22 `), so the string cannot be closed."""
    out = []
    for char in text:
        if char in "\"\\<>&'" or not char.isprintable():
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


class Typeface(Notes, models.Model):
    brandbook = models.ForeignKey(Brandbook, on_delete=models.CASCADE, related_name="typefaces")
    family = models.CharField(_("family"), max_length=100)
    roles = models.JSONField(_("roles"), default=json_list_default, blank=True)
    weights = models.JSONField(_("weights"), default=json_list_default, blank=True)
    fallbacks = models.JSONField(_("fallbacks"), default=json_list_default, blank=True)
    files = models.JSONField(
        _("font files"), default=json_list_default, blank=True, help_text=_("Paths under static/")
    )
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=True)
    note = models.TextField(_("note (Estonian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("typeface")
        verbose_name_plural = _("typefaces")
        ordering = ["brandbook", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["brandbook", "family"], name="typeface_family_per_brandbook"
            )
        ]

    def __str__(self) -> str:
        return self.family

    def clean(self):
        """The admin's edits obey the brandbook schema's `font_name` rule, like a loaded file."""
        super().clean()
        errors = {}
        if self.family and not FONT_NAME.fullmatch(self.family):
            errors["family"] = FONT_NAME_MESSAGE
        fallbacks = self.fallbacks if isinstance(self.fallbacks, list) else [self.fallbacks]
        if any(not isinstance(n, str) or not FONT_NAME.fullmatch(n) for n in fallbacks):
            errors["fallbacks"] = FONT_NAME_MESSAGE
        if errors:
            raise ValidationError(errors)

    @property
    def css_stack(self) -> str:
        """The CSS `font-family` value: each name a quoted, escaped CSS string, so no name can
        end the declaration even if it got past the schema."""
        names = [self.family, *self.fallbacks]
        return ", ".join(n if n in GENERIC_FAMILIES else css_string(n) for n in names)


class Logo(Notes, Localised):
    brandbook = models.ForeignKey(Brandbook, on_delete=models.CASCADE, related_name="logos")
    slug = models.SlugField(_("slug"), max_length=50)
    usage_et = models.TextField(_("usage (Estonian)"), blank=True)
    usage_en = models.TextField(_("usage (English)"), blank=True)
    usage_ru = models.TextField(_("usage (Russian)"), blank=True)
    clear_space = models.FloatField(
        _("clear space"),
        null=True,
        blank=True,
        help_text=_("Clear space around the logo as a share of its height."),
    )
    min_width_px = models.PositiveIntegerField(_("smallest width (px)"), null=True, blank=True)
    min_height_mm = models.FloatField(_("smallest height (mm)"), null=True, blank=True)
    channels = models.JSONField(
        _("channels"),
        default=all_channels,
        blank=True,
        help_text=_(
            "Channels this logo may be used on (web, social, print). On a preset of another "
            "channel the logo is reported as not allowed."
        ),
    )
    confirmed = models.BooleanField(_("confirmed"), default=True)
    note = models.TextField(_("note (Estonian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("logo")
        verbose_name_plural = _("logos")
        ordering = ["brandbook", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["brandbook", "slug"], name="logo_slug_per_brandbook")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def usage(self) -> str:
        lang = (get_language() or "et")[:2]
        return getattr(self, f"usage_{lang}", "") or self.usage_et

    @property
    def channel_labels(self) -> list[str]:
        names = dict(ChannelPreset.CHANNELS)
        return [str(names.get(channel, channel)) for channel in self.channels or []]


def logo_upload_to(instance: LogoVariant, filename: str) -> str:
    book = instance.logo.brandbook
    return f"brandbooks/{book.slug}/{book.version}/logos/{filename}"


class LogoVariant(models.Model):
    TONES = [("positive", _("positive")), ("negative", _("negative"))]
    logo = models.ForeignKey(Logo, on_delete=models.CASCADE, related_name="variants")
    slug = models.SlugField(_("slug"), max_length=50)
    language = models.CharField(_("language"), max_length=2, blank=True, choices=LANGUAGE_CHOICES)
    tone = models.CharField(_("tone"), max_length=10, blank=True, choices=TONES)
    file = models.FileField(_("file"), upload_to=logo_upload_to, max_length=300)
    source_name = models.CharField(_("file name in the brandbook"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("logo variant")
        verbose_name_plural = _("logo variants")
        ordering = ["logo", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["logo", "slug"], name="variant_slug_per_logo")
        ]

    def __str__(self) -> str:
        return f"{self.logo} — {self.slug}"


class ChannelPreset(Notes, Localised):
    UNITS = [("px", "px"), ("mm", "mm")]
    MATCHES = [("exact", _("exact size")), ("aspect", _("same aspect ratio"))]
    CHANNELS = [("web", _("web")), ("social", _("social media")), ("print", _("print"))]
    COLOUR_SPACES = [("srgb", "sRGB"), ("cmyk", "CMYK"), ("any", _("any"))]

    brandbook = models.ForeignKey(Brandbook, on_delete=models.CASCADE, related_name="presets")
    slug = models.SlugField(_("slug"), max_length=50)
    channel = models.CharField(_("channel"), max_length=10, choices=CHANNELS, default="web")
    width = models.FloatField(_("width"), validators=[MinValueValidator(0.01)])
    height = models.FloatField(_("height"), validators=[MinValueValidator(0.01)])
    unit = models.CharField(_("unit"), max_length=2, choices=UNITS, default="px")
    match = models.CharField(_("size rule"), max_length=10, choices=MATCHES, default="exact")
    aspect_tolerance = models.FloatField(_("aspect tolerance"), default=0.01)
    min_dpi = models.PositiveIntegerField(_("smallest resolution (dpi)"), null=True, blank=True)
    colour_space = models.CharField(
        _("colour space"), max_length=4, choices=COLOUR_SPACES, default="srgb"
    )
    formats = models.JSONField(_("formats"), default=json_list_default)
    max_bytes = models.PositiveBigIntegerField(_("largest file (bytes)"), null=True, blank=True)
    logo = models.ForeignKey(
        Logo,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presets",
        verbose_name=_("required logo"),
        help_text=_("The logo a visual for this channel must carry (empty: none required)."),
    )
    confirmed = models.BooleanField(_("confirmed"), default=True)
    note = models.TextField(_("note (Estonian)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    note_ru = models.TextField(_("note (Russian)"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("channel preset")
        verbose_name_plural = _("channel presets")
        ordering = ["brandbook", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["brandbook", "slug"], name="preset_slug_per_brandbook")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.size_text})"

    def clean(self):
        super().clean()
        if self.logo_id is None:
            return
        if self.brandbook_id is not None and self.logo.brandbook_id != self.brandbook_id:
            raise ValidationError({"logo": _("Choose a logo of the same brandbook.")})
        if self.logo.channels and self.channel not in self.logo.channels:
            raise ValidationError(
                {"logo": _("This logo is not used on the channel of this preset.")}
            )

    @property
    def size_text(self) -> str:
        return f"{self.width:g} × {self.height:g} {self.unit}"

    @property
    def pixel_size_at_min_dpi(self) -> tuple[int, int] | None:
        if self.unit != "mm" or not self.min_dpi:
            return None
        return (
            round(self.width / 25.4 * self.min_dpi),
            round(self.height / 25.4 * self.min_dpi),
        )
