"""Assets and their immutable versions, renditions and downloads.

An upload is never changed: each file becomes a new `AssetVersion` with its bytes, hash and
check report. The asset points at its current approved version; the review state lives on each
version (see brandkit.review.workflow), so a new draft never hides the approved one.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGS = ("et", "en", "ru")
LANGUAGE_CHOICES = [("et", _("Estonian")), ("en", _("English")), ("ru", _("Russian"))]


def localised(obj, prefix: str, lang: str | None = None) -> str:
    """The `<prefix>_<lang>` field in the given or current language, else the first filled one."""
    code = (lang or get_language() or "et")[:2]
    value = getattr(obj, f"{prefix}_{code if code in LANGS else 'et'}", "")
    if value:
        return value
    return next((v for code in LANGS if (v := getattr(obj, f"{prefix}_{code}", ""))), "")


class TopicArea(models.Model):
    """An editable list of the agency's topic areas (pensions, family benefits …)."""

    slug = models.SlugField(_("slug"), unique=True)
    name_et = models.CharField(_("name (Estonian)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=100, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("topic area")
        verbose_name_plural = _("topic areas")
        ordering = ["position", "name_et"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localised(self, "name")


class CampaignStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACTIVE = "active", _("in use")
    DECLINED = "declined", _("declined")


class CampaignQuerySet(models.QuerySet):
    def usable(self, keep=None):
        """Campaigns that may be chosen for an asset (plus `keep`, the one it already has)."""
        rule = models.Q(status=CampaignStatus.ACTIVE)
        if keep is not None:
            rule |= models.Q(pk=keep)
        return self.filter(rule)


class Campaign(models.Model):
    """A communication campaign. Topic owners propose them; the web manager accepts them into
    use (or declines), so that the list stays one vocabulary rather than many spellings."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CampaignStatus.choices,
        default=CampaignStatus.ACTIVE,
    )
    purpose = models.TextField(_("purpose"), blank=True, max_length=2000)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_campaigns",
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A campaign cannot end before it starts.")})


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def tags_named(names) -> list[Tag]:
    """The tags of these names, matched without regard to case; missing ones are created."""
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag, _created = Tag.objects.get_or_create(name=name)
        tags.append(tag)
    return tags


class AssetStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    CHANGES_REQUESTED = "changes_requested", _("changes requested")
    ARCHIVED = "archived", _("archived")
    EXPIRED = "expired", _("expired")


class AssetKind(models.TextChoices):
    BANNER = "banner", _("banner")
    INFOGRAPHIC = "infographic", _("infographic")
    LOGO = "logo", _("logo")
    ILLUSTRATION = "illustration", _("illustration")
    ICON = "icon", _("icon")
    PHOTO = "photo", _("photo")


# What the library publishes about an asset, in words: once the asset is approved, a change to
# any of these waits as a TextRevision until the web manager approves it. Kind and languages go
# with them because they decide which text alternatives are required.
TEXT_FIELDS = tuple(
    f"{prefix}_{code}"
    for prefix in ("title", "description", "alt_text", "long_description")
    for code in LANGS
)
REVISED_FIELDS = (
    *TEXT_FIELDS,
    "kind",
    "languages",
    "tags",
    "creator",
    "licence",
    "rights_holder",
    "contract_reference",
)
# Chosen from lists the web manager keeps, or a date that can only be moved to today or later:
# changed at once (and audited) even on a published asset.
DIRECT_FIELDS = ("topic", "campaign", "usable_until")
EDITABLE_FIELDS = REVISED_FIELDS + DIRECT_FIELDS


class Asset(models.Model):
    public_id = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, verbose_name=_("public id")
    )
    title_et = models.CharField(_("title (Estonian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    description_et = models.TextField(_("description (Estonian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AssetKind.choices)
    topic = models.ForeignKey(
        TopicArea, verbose_name=_("topic area"), null=True, blank=True, on_delete=models.PROTECT
    )
    languages = models.CharField(
        _("languages"),
        max_length=20,
        blank=True,
        help_text=_(
            "Languages of the text in the visual, which are the languages it is "
            "published in: space-separated codes such as 'et ru'."
        ),
    )
    preset_slug = models.SlugField(_("channel preset"), max_length=50, blank=True)
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), null=True, blank=True, on_delete=models.SET_NULL
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="owned_assets",
    )
    creator = models.CharField(_("creator or agency"), max_length=200, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    rights_holder = models.CharField(_("rights holder"), max_length=200, blank=True)
    contract_reference = models.CharField(_("contract reference"), max_length=100, blank=True)
    usable_until = models.DateField(_("usable until"), null=True, blank=True)
    alt_text_et = models.TextField(_("alt text (Estonian)"), blank=True)
    alt_text_en = models.TextField(_("alt text (English)"), blank=True)
    alt_text_ru = models.TextField(_("alt text (Russian)"), blank=True)
    long_description_et = models.TextField(_("long text alternative (Estonian)"), blank=True)
    long_description_en = models.TextField(_("long text alternative (English)"), blank=True)
    long_description_ru = models.TextField(_("long text alternative (Russian)"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssetStatus.choices,
        default=AssetStatus.DRAFT,
        db_index=True,
    )
    current_version = models.ForeignKey(
        "AssetVersion",
        verbose_name=_("current approved version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dominant_colour = models.SlugField(_("dominant brand colour"), max_length=50, blank=True)
    expiry_notice_sent_on = models.DateField(
        null=True, blank=True, editable=False, verbose_name=_("expiry notice sent on")
    )
    search_text = models.TextField(editable=False, blank=True, verbose_name=_("search text"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))

    class Meta:
        verbose_name = _("asset")
        verbose_name_plural = _("assets")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["usable_until"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        if self.pk and self.expiry_notice_sent_on and kwargs.get("update_fields") is None:
            stored = Asset.objects.filter(pk=self.pk).values_list("usable_until", flat=True)
            if stored and stored[0] != self.usable_until:
                self.expiry_notice_sent_on = None  # new date, new notice when it comes near
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def clean(self):
        """The rules every edit path shares (the library form, the text revision, the admin)."""
        errors: dict[str, list] = {}
        if self.usable_until and self.usable_until < timezone.localdate():
            stored = None
            if self.pk:
                stored = (
                    Asset.objects.filter(pk=self.pk).values_list("usable_until", flat=True).first()
                )
            if stored != self.usable_until:
                errors["usable_until"] = [
                    ValidationError(
                        _("This date is in the past: the asset would be hidden at once."),
                        code="past_date",
                    )
                ]
        if self.is_published:
            for name in self.missing_text_alternatives():
                errors.setdefault(name, []).append(
                    ValidationError(
                        _("The asset is published: this text alternative cannot be empty."),
                        code="required_when_published",
                    )
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        """Approved and in the library: its texts change only through an approved revision."""
        return self.current_version_id is not None

    def snapshot(self) -> dict:
        """The editable fields as plain JSON values: what audit events and revisions store."""
        values = {}
        for name in EDITABLE_FIELDS:
            if name == "tags":
                values[name] = sorted(t.name for t in self.tags.all()) if self.pk else []
            elif name in ("topic", "campaign"):
                values[name] = getattr(self, f"{name}_id")
            elif name == "usable_until":
                values[name] = self.usable_until.isoformat() if self.usable_until else None
            else:
                values[name] = getattr(self, name)
        return values

    def set_values(self, values: dict) -> None:
        """Put snapshot values on the instance (tags excepted: `set_tags` after saving)."""
        from datetime import date

        for name, value in values.items():
            if name == "tags":
                continue
            if name in ("topic", "campaign"):
                setattr(self, f"{name}_id", value)
            elif name == "usable_until":
                self.usable_until = date.fromisoformat(value) if value else None
            else:
                setattr(self, name, value)

    def set_tags(self, names) -> None:
        self.tags.set(tags_named(names))

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def description(self) -> str:
        return localised(self, "description")

    @property
    def alt_text(self) -> str:
        return localised(self, "alt_text")

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split() if code in LANGS]

    def missing_text_alternatives(self) -> list[str]:
        """Which required alt texts / long descriptions are still empty, as field names."""
        missing = [
            f"alt_text_{code}"
            for code in self.language_list or ["et"]
            if not getattr(self, f"alt_text_{code}").strip()
        ]
        if self.kind == AssetKind.INFOGRAPHIC:
            missing += [
                f"long_description_{code}"
                for code in self.language_list or ["et"]
                if not getattr(self, f"long_description_{code}").strip()
            ]
        return missing

    def latest_version(self) -> AssetVersion | None:
        return self.versions.order_by("-number").first()

    def build_search_text(self) -> str:
        parts = [
            getattr(self, f"{field}_{code}")
            for field in ("title", "description", "alt_text", "long_description")
            for code in LANGS
        ]
        if self.pk:
            parts += [tag.name for tag in self.tags.all()]
        parts += [self.creator, self.campaign.name if self.campaign else ""]
        return "\n".join(p for p in parts if p).casefold()


def version_upload_to(instance: AssetVersion, filename: str) -> str:
    suffix = {"jpeg": "jpg"}.get(instance.format, instance.format or "bin")
    return f"assets/{instance.asset.public_id}/v{instance.number}/{instance.sha256[:16]}.{suffix}"


class VersionState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    CHANGES_REQUESTED = "changes_requested", _("changes requested")
    ARCHIVED = "archived", _("archived")
    EXPIRED = "expired", _("expired")


class AssetVersion(models.Model):
    asset = models.ForeignKey(
        Asset, on_delete=models.PROTECT, related_name="versions", verbose_name=_("asset")
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_upload_to, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"))
    format = models.CharField(_("format"), max_length=10)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    perceptual_hash = models.CharField(
        _("perceptual hash"), max_length=40, blank=True, db_index=True
    )
    report = models.JSONField(_("check report"), default=dict)
    verdict = models.CharField(_("verdict"), max_length=10)
    brandbook = models.ForeignKey(
        "rules.Brandbook",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("checked against"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=VersionState.choices, default=VersionState.DRAFT
    )
    revision = models.PositiveIntegerField(
        default=0, editable=False, help_text="Bumped on every state change; stale forms fail."
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True, verbose_name=_("uploaded"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided"))
    override_reason = models.TextField(_("override reason"), blank=True)
    self_approved = models.BooleanField(
        _("approved by its own uploader or owner"), default=False, editable=False
    )
    self_approval_reason = models.TextField(_("reason for approving one's own visual"), blank=True)

    class Meta:
        verbose_name = _("asset version")
        verbose_name_plural = _("asset versions")
        ordering = ["asset", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["asset", "number"], name="version_number_per_asset")
        ]

    def __str__(self) -> str:
        return f"{self.asset} v{self.number}"

    @property
    def error_findings(self) -> list[dict]:
        return [f for f in self.report.get("findings", []) if f.get("severity") == "error"]


class RenditionStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class Rendition(models.Model):
    """A derived copy of an approved version: thumbnail or web-ready, metadata stripped."""

    version = models.ForeignKey(
        AssetVersion, on_delete=models.CASCADE, related_name="renditions", verbose_name=_("version")
    )
    name = models.SlugField(_("name"), max_length=60)  # thumbnail, web-jpeg, web-webp …
    format = models.CharField(_("format"), max_length=10)
    file = models.FileField(_("file"), max_length=300, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("width"))
    height = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("height"))
    size_bytes = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("size (bytes)")
    )
    status = models.CharField(
        max_length=10, choices=RenditionStatus.choices, default=RenditionStatus.PENDING
    )
    error = models.TextField(blank=True, verbose_name=_("error"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="rendition_name_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.name}"


class Download(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("user")
    )
    version = models.ForeignKey(
        AssetVersion, on_delete=models.PROTECT, null=True, verbose_name=_("version")
    )
    rendition = models.ForeignKey(
        Rendition, on_delete=models.SET_NULL, null=True, verbose_name=_("rendition")
    )
    what = models.CharField(max_length=20, verbose_name=_("what"))  # original | rendition | zip
    at = models.DateTimeField(auto_now_add=True, verbose_name=_("when"))

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user} {self.what} {self.version} {self.at:%Y-%m-%d %H:%M}"


def staged_upload_to(instance: StagedUpload, filename: str) -> str:
    return f"staging/{instance.token}/{instance.sha256[:16]}.{instance.format or 'bin'}"


class StagedUpload(models.Model):
    """A checked upload waiting for its description, so nothing the user sent is lost while
    they read the report and the duplicate warnings. Rejected files are never staged."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    target_asset = models.ForeignKey(
        Asset,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text="Set when the upload is a new version of this asset.",
    )
    original_name = models.CharField(max_length=255)
    file = models.FileField(upload_to=staged_upload_to, max_length=300)
    sha256 = models.CharField(max_length=64)
    size_bytes = models.PositiveBigIntegerField()
    format = models.CharField(max_length=10)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    perceptual_hash = models.CharField(max_length=40, blank=True)
    report = models.JSONField(default=dict)
    verdict = models.CharField(max_length=10)
    preset_slug = models.SlugField(max_length=50, blank=True)
    brandbook = models.ForeignKey("rules.Brandbook", on_delete=models.PROTECT, null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.original_name


class AssetChange(models.Model):
    """A log of which assets changed, written by database triggers (migration 0003) on every
    insert, update or delete of an asset or a version — also by bulk updates and raw SQL that
    no Django signal sees. Each process's search index (brandkit.library.search_store) reads
    the entries after the last one it applied; `expire_assets` prunes old entries daily."""

    seq = models.BigAutoField(primary_key=True)
    asset_id = models.BigIntegerField()
    changed_at = models.DateTimeField(db_default=Now())

    class Meta:
        verbose_name = _("asset change")
        verbose_name_plural = _("asset changes")
        indexes = [models.Index(fields=["changed_at"])]

    def __str__(self) -> str:
        return f"{self.seq}: asset {self.asset_id}"


class TextRevisionState(models.TextChoices):
    PENDING = "pending", _("waiting for approval")
    CHANGES_REQUESTED = "changes_requested", _("changes requested")
    APPROVED = "approved", _("approved")
    WITHDRAWN = "withdrawn", _("withdrawn")


OPEN_REVISION_STATES = (TextRevisionState.PENDING, TextRevisionState.CHANGES_REQUESTED)


class TextRevision(models.Model):
    """New texts for a published asset, waiting for the web manager.

    Kept apart from the asset row on purpose: the library, the API and the search index (whose
    database triggers watch the asset table) read only the asset, so until approval they all
    go on showing the published texts. At most one revision per asset is open at a time; the
    owner edits it until the web manager decides.
    """

    asset = models.ForeignKey(
        Asset, on_delete=models.PROTECT, related_name="text_revisions", verbose_name=_("asset")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    changes = models.JSONField(
        _("proposed values"), default=dict, help_text="Field name -> proposed snapshot value."
    )
    published = models.JSONField(
        _("published values"),
        default=dict,
        help_text="Field name -> the published value when the change was proposed.",
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=TextRevisionState.choices,
        default=TextRevisionState.PENDING,
        db_index=True,
    )
    revision = models.PositiveIntegerField(
        default=0, editable=False, help_text="Bumped on every change; stale forms fail."
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided"))
    comment = models.TextField(_("comment"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("text revision")
        verbose_name_plural = _("text revisions")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset"],
                condition=models.Q(state__in=["pending", "changes_requested"]),
                name="one_open_text_revision_per_asset",
            )
        ]

    def __str__(self) -> str:
        return f"{self.asset}: text revision {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_REVISION_STATES
