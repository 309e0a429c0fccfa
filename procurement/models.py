"""Visual orders, their deliverables and milestones, generated documents and deliveries.

An order is numbered SKA-2026-0007 (the brandbook slug, the year, a counter per year) by
`OrderCounter`, whose row is bumped with one atomic UPDATE, so two orders created at the same
moment never share a number. Every saved change to an order bumps its `revision`; documents
record the revision they were made from, and a generated `Document` never changes once ready.
Procurement thresholds are data (`ProcurementThreshold`), edited in the admin, never code.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from brandkit.library.models import localised as _localised
from procurement import cpv
from procurement.documents.organisation import DEFAULT_ORGANISATION

LANGS = ("et", "en", "ru")
LANGUAGE_CHOICES = [("et", _("Estonian")), ("en", _("English")), ("ru", _("Russian"))]
# Brand checks read these formats (see brandkit.checks); source files travel outside brandkit.
FORMAT_CHOICES = [
    ("png", "PNG"),
    ("jpeg", "JPEG"),
    ("webp", "WebP"),
    ("svg", "SVG"),
    ("pdf", "PDF"),
]
FORMATS = tuple(code for code, _label in FORMAT_CHOICES)

# The organisation named in the documents (one setting, shared with the sample order; the
# address is to be confirmed): a deployment may override keys with BRANDKIT_ORGANISATION.


def organisation() -> dict[str, str]:
    return {**DEFAULT_ORGANISATION, **getattr(settings, "BRANDKIT_ORGANISATION", {})}


def _lang(lang: str | None = None) -> str:
    code = (lang or get_language() or "et")[:2]
    return code if code in LANGS else "et"


def json_list() -> list:
    return []


# ---------------------------------------------------------------------------------------------
# Procurement thresholds


class Route(models.TextChoices):
    LOW_VALUE = "low_value", _("low-value purchase")
    SIMPLE = "simple", _("simple procurement")
    NATIONAL = "national", _("national procurement")
    INTERNATIONAL = "international", _("international procurement")


class ThresholdQuerySet(models.QuerySet):
    def valid_on(self, on_date: datetime.date) -> models.QuerySet:
        return self.filter(applies_from__lte=on_date).filter(
            Q(applies_until__isnull=True) | Q(applies_until__gte=on_date)
        )

    def route_for(self, value: Decimal, on_date: datetime.date | None = None):
        from procurement.thresholds import route_for

        return route_for(value, on_date, queryset=self)


class ProcurementThreshold(models.Model):
    """From which estimated value (without VAT) a procurement route applies, in which period.

    The route of a purchase is the one with the highest `threshold_eur` not above its value,
    among the rows valid on the day asked about. A change in the law is a new row with its
    `applies_from` (and an `applies_until` on the row it replaces), so past orders keep the
    route that applied to them.
    """

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    route = models.CharField(_("route"), max_length=20, choices=Route.choices)
    name_et = models.CharField(_("name (Estonian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    threshold_eur = models.DecimalField(
        _("applies from value (EUR, without VAT)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("The route applies when the estimated value is equal to or above this."),
    )
    legal_source = models.TextField(
        _("legal source"), help_text=_("The provision that sets this threshold, with its date.")
    )
    legal_source_en = models.TextField(_("legal source (English)"), blank=True)
    legal_source_ru = models.TextField(_("legal source (Russian)"), blank=True)
    applies_from = models.DateField(_("applies from"))
    applies_until = models.DateField(
        _("applies until"), null=True, blank=True, help_text=_("Empty: until further notice.")
    )

    objects = ThresholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("procurement threshold")
        verbose_name_plural = _("procurement thresholds")
        ordering = ["-applies_from", "threshold_eur"]
        constraints = [
            models.CheckConstraint(
                condition=Q(applies_until__isnull=True) | Q(applies_until__gte=F("applies_from")),
                name="threshold_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ≥ {self.threshold_eur} € ({self.applies_from:%Y-%m-%d})"

    @property
    def name(self) -> str:
        return _localised(self, "name")

    def name_in(self, lang: str) -> str:
        return _localised(self, "name", lang)

    def clean(self):
        super().clean()
        if self.applies_until and self.applies_from and self.applies_until < self.applies_from:
            raise ValidationError(
                {"applies_until": _("The end of the period cannot be before its start.")}
            )
        if not self.applies_from or not self.route:
            return
        overlapping = ProcurementThreshold.objects.filter(route=self.route).exclude(pk=self.pk)
        end = self.applies_until or datetime.date.max
        overlapping = overlapping.filter(applies_from__lte=end).filter(
            Q(applies_until__isnull=True) | Q(applies_until__gte=self.applies_from)
        )
        clash = overlapping.first()
        if clash is not None:
            raise ValidationError(
                _(
                    "Another threshold for this route applies in the same period: %(other)s. "
                    "Give that one an end date first."
                )
                % {"other": clash}
            )


# ---------------------------------------------------------------------------------------------
# Orders


class OrderCounter(models.Model):
    """The last order number used in a year (one row per prefix and year)."""

    prefix = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="order_counter_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


def order_prefix() -> str:
    return settings.BRANDKIT_DEFAULT_BRANDBOOK.upper()[:10]


def next_order_number(year: int | None = None) -> str:
    """The next free number, safe under concurrency: the counter row is incremented with one
    UPDATE (which locks the row until the surrounding transaction ends) and read back."""
    year = year or timezone.localdate().year
    prefix = order_prefix()
    with transaction.atomic():
        for _attempt in range(3):
            bumped = OrderCounter.objects.filter(prefix=prefix, year=year).update(
                last=F("last") + 1
            )
            if bumped:
                break
            try:
                with transaction.atomic():
                    OrderCounter.objects.create(prefix=prefix, year=year, last=1)
                break
            except IntegrityError:  # another request created the row first: bump it
                continue
        last = OrderCounter.objects.get(prefix=prefix, year=year).last
    return f"{prefix}-{year}-{last:04d}"


class ContentTranslation(models.TextChoices):
    ESTONIAN_ONLY = "estonian", _("Estonian only: the English and Russian briefs refer to it")
    TYPED = "typed", _("I give the English and/or Russian texts below")
    CONTRACTOR = "contractor", _("Translation to be provided by the contractor")


class Party(models.TextChoices):
    AUTHORITY = "authority", _("the authority (we)")
    CONTRACTOR = "contractor", _("the contractor")


class VisualOrder(models.Model):
    number = models.CharField(_("order number"), max_length=30, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ordered by"),
        on_delete=models.PROTECT,
        related_name="visual_orders",
    )
    unit = models.CharField(
        _("unit"), max_length=200, blank=True, help_text=_("Your department or team.")
    )
    title_et = models.CharField(_("title (Estonian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    # purpose, background and audience are the Estonian texts; _en and _ru are optional
    # translations (content_translation says who provides missing ones).
    purpose = models.TextField(_("purpose"), max_length=5000)
    purpose_en = models.TextField(_("purpose (English)"), max_length=5000, blank=True)
    purpose_ru = models.TextField(_("purpose (Russian)"), max_length=5000, blank=True)
    background = models.TextField(_("background"), max_length=10000, blank=True)
    background_en = models.TextField(_("background (English)"), max_length=10000, blank=True)
    background_ru = models.TextField(_("background (Russian)"), max_length=10000, blank=True)
    audience = models.TextField(_("target audience"), max_length=5000)
    audience_en = models.TextField(_("target audience (English)"), max_length=5000, blank=True)
    audience_ru = models.TextField(_("target audience (Russian)"), max_length=5000, blank=True)
    content_translation = models.CharField(
        _("English and Russian texts"),
        max_length=12,
        choices=ContentTranslation.choices,
        default=ContentTranslation.ESTONIAN_ONLY,
    )
    tone_of_voice = models.TextField(_("tone of voice"), max_length=2000, blank=True)
    call_to_action_et = models.CharField(_("call to action (Estonian)"), max_length=300, blank=True)
    call_to_action_en = models.CharField(_("call to action (English)"), max_length=300, blank=True)
    call_to_action_ru = models.CharField(_("call to action (Russian)"), max_length=300, blank=True)
    translation_by = models.CharField(
        _("who translates the visuals' texts"),
        max_length=10,
        choices=Party.choices,
        default=Party.AUTHORITY,
    )
    proofreading_by = models.CharField(
        _("who proofreads the translations"),
        max_length=10,
        choices=Party.choices,
        default=Party.AUTHORITY,
    )
    revision_rounds = models.PositiveSmallIntegerField(
        _("revision rounds included in the price"),
        default=2,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    delivery_format = models.TextField(_("delivery format"), max_length=2000, blank=True)
    register_reference = models.CharField(
        _("reference number in the procurement register"), max_length=40, blank=True
    )
    offer_deadline = models.DateTimeField(_("deadline for offers"), null=True, blank=True)
    lots_reason = models.TextField(
        _("reason for not dividing into lots"), max_length=2000, blank=True
    )
    procurement_rules = models.CharField(
        _("the authority's procurement rules"), max_length=300, blank=True
    )
    plan_entry = models.CharField(_("procurement plan entry"), max_length=300, blank=True)
    message_et = models.TextField(_("key message (Estonian)"), max_length=2000)
    message_en = models.TextField(_("key message (English)"), max_length=2000, blank=True)
    message_ru = models.TextField(_("key message (Russian)"), max_length=2000, blank=True)
    deadline = models.DateField(_("deadline"))
    estimated_value_eur = models.DecimalField(
        _("estimated value (EUR, without VAT)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=5000, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    cpv_codes = models.JSONField(_("CPV codes"), default=json_list, blank=True)
    reference_assets = models.ManyToManyField(
        "library.Asset", verbose_name=_("reference assets"), blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("visual order")
        verbose_name_plural = _("visual orders")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        if not self.number:
            self.number = next_order_number()
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return _localised(self, "title")

    @property
    def message(self) -> str:
        return _localised(self, "message")

    def _per_language(self, name: str) -> dict:
        texts = {"et": getattr(self, name)}
        texts.update({code: getattr(self, f"{name}_{code}") for code in ("en", "ru")})
        return {code: text for code, text in texts.items() if text}

    def bump_revision(self) -> int:
        """One more revision, counted in the database so two saves never lose one."""
        VisualOrder.objects.filter(pk=self.pk).update(
            revision=F("revision") + 1, updated_at=timezone.now()
        )
        self.refresh_from_db(fields=["revision", "updated_at"])
        return self.revision

    def document_references(self):
        """The reference assets named in documents: only approved ones, which everyone who
        may read the documents can see in the library (a draft stays between its owner and
        the web managers)."""
        from brandkit.library.models import AssetStatus

        return self.reference_assets.filter(
            status=AssetStatus.APPROVED, current_version__isnull=False
        ).order_by("pk")

    def route(self, on_date: datetime.date | None = None):
        from procurement.thresholds import route_for

        return route_for(self.estimated_value_eur, on_date)

    def to_document_data(self, lang: str = "et", brandbook_data: dict | None = None) -> dict:
        """The order as plain data, in the shape of procurement/documents/README.md. Names
        that exist in several languages (route, CPV) are given in `lang`; preset sizes come
        from `brandbook_data` (the current brandbook when not given)."""
        if brandbook_data is None:
            brandbook_data = _current_brandbook_data()
        from procurement.thresholds import route_data

        decision = self.route()
        route = route_data(decision.threshold, lang) if decision is not None else None
        base_url = settings.BRANDKIT_BASE_URL.rstrip("/")
        from django.urls import reverse

        references = [
            {
                "title": _localised(asset, "title", lang),
                "url": base_url + reverse("library:asset", args=[asset.public_id]),
            }
            for asset in self.document_references()
        ]
        owner = self.owner
        return {
            "number": self.number,
            "revision": self.revision,
            "title": {code: getattr(self, f"title_{code}") for code in LANGS},
            "purpose": self._per_language("purpose"),
            "background": self._per_language("background"),
            "audience": self._per_language("audience"),
            "translation_by_contractor": self.content_translation == ContentTranslation.CONTRACTOR,
            "brief": {
                "tone_of_voice": {"et": self.tone_of_voice} if self.tone_of_voice else {},
                "call_to_action": {
                    code: getattr(self, f"call_to_action_{code}")
                    for code in LANGS
                    if getattr(self, f"call_to_action_{code}")
                },
                "logo_use": [],
                "translation_by": self.translation_by,
                "proofreading_by": self.proofreading_by,
                "delivery_format": {"et": self.delivery_format} if self.delivery_format else {},
            },
            "register": {
                "reference_number": self.register_reference,
                "offer_deadline": (
                    timezone.localtime(self.offer_deadline).strftime("%Y-%m-%dT%H:%M")
                    if self.offer_deadline
                    else None
                ),
                "lots_reason": {"et": self.lots_reason} if self.lots_reason else {},
            },
            "procurement": {
                "rules_reference": self.procurement_rules,
                "plan_entry": self.plan_entry,
            },
            "terms": {
                **getattr(settings, "BRANDKIT_DOCUMENT_TERMS", {}),
                "revision_rounds": self.revision_rounds,
            },
            "messages": {code: getattr(self, f"message_{code}") for code in LANGS},
            "deliverables": [d.to_document_data(brandbook_data) for d in self.deliverables.all()],
            "reference_assets": references,
            "deadline": self.deadline.isoformat(),
            "milestones": [
                {"date": m.date.isoformat(), "what": m.what} for m in self.milestones.all()
            ],
            "estimated_value_eur": f"{self.estimated_value_eur:.2f}",
            "procurement_route": route,
            "cpv": cpv.describe(list(self.cpv_codes), lang),
            "accessibility_needs": self.accessibility_needs,
            "contact": {
                "name": self.contact_name,
                "email": self.contact_email,
                "phone": self.contact_phone,
            },
            "owner": {"name": owner.get_full_name() or owner.get_username(), "unit": self.unit},
            "organisation": organisation(),
            "created": timezone.localdate(self.created_at).isoformat(),
        }


class Milestone(models.Model):
    order = models.ForeignKey(VisualOrder, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    what = models.CharField(_("what happens"), max_length=300)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.what}"


class DeliverableKind(models.TextChoices):
    BANNER = "banner", _("banner")
    SOCIAL_POST = "social_post", _("social media image")
    INFOGRAPHIC = "infographic", _("infographic")
    ILLUSTRATION = "illustration", _("illustration")
    ICON = "icon", _("icon")
    PRINT = "print", _("printed matter")
    OTHER = "other", _("other")


class Deliverable(models.Model):
    UNITS = [("px", "px"), ("mm", "mm")]

    order = models.ForeignKey(VisualOrder, on_delete=models.CASCADE, related_name="deliverables")
    kind = models.CharField(_("kind"), max_length=20, choices=DeliverableKind.choices)
    preset_slug = models.SlugField(_("channel preset"), max_length=50, blank=True)
    width = models.DecimalField(_("width"), max_digits=8, decimal_places=2, null=True, blank=True)
    height = models.DecimalField(_("height"), max_digits=8, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=2, choices=UNITS, default="px")
    formats = models.JSONField(_("file formats"), default=json_list)
    languages = models.JSONField(_("languages"), default=json_list)
    quantity = models.PositiveSmallIntegerField(
        _("quantity"), default=1, validators=[MinValueValidator(1)]
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.size_text}"

    @property
    def size_text(self) -> str:
        if self.width is None or self.height is None:
            return self.preset_slug
        return f"{self.width.normalize():f} × {self.height.normalize():f} {self.unit}"

    def resolved_size(self, brandbook_data: dict | None = None) -> tuple:
        """(width, height, unit) of the preset, or of the custom size."""
        if self.preset_slug and brandbook_data:
            preset = preset_in(brandbook_data, self.preset_slug)
            if preset is not None:
                return preset["width"], preset["height"], preset.get("unit", "px")
        if self.width is not None and self.height is not None:
            return _plain(self.width), _plain(self.height), self.unit
        return None, None, self.unit

    def to_document_data(self, brandbook_data: dict | None = None) -> dict:
        width, height, unit = self.resolved_size(brandbook_data)
        return {
            "kind": self.kind,
            "preset": self.preset_slug or None,
            "width": width,
            "height": height,
            "unit": unit,
            "formats": list(self.formats),
            "languages": list(self.languages),
            "quantity": self.quantity,
            "notes": self.notes,
        }


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def preset_in(brandbook_data: dict, slug: str) -> dict | None:
    return next((p for p in brandbook_data.get("presets", []) if p["slug"] == slug), None)


def _current_brandbook_data() -> dict | None:
    from brandkit.rules.models import Brandbook

    book = Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)
    return book.to_data() if book is not None else None


# ---------------------------------------------------------------------------------------------
# Generated documents


class DocumentKind(models.TextChoices):
    BRIEF = "brief", _("design brief")
    TENDER_SPEC = "tender_spec", _("technical specification")
    TENDER_CRITERIA = "tender_criteria", _("qualification and evaluation criteria")
    TENDER_OFFER_FORM = "tender_offer_form", _("offer form")
    TENDER_CONTRACT = "tender_contract", _("draft contract terms")
    TENDER_ZIP = "tender_zip", _("tender set (ZIP)")
    TENDER_INVITATION = "tender_invitation", _("request for offers")


TENDER_KINDS = (
    DocumentKind.TENDER_SPEC,
    DocumentKind.TENDER_CRITERIA,
    DocumentKind.TENDER_OFFER_FORM,
    DocumentKind.TENDER_CONTRACT,
    DocumentKind.TENDER_ZIP,
)
# Below the simple procurement threshold the set is a request for offers to at least three
# firms, with the same specification, offer form and contract terms (no criteria document).
LOW_VALUE_TENDER_KINDS = (
    DocumentKind.TENDER_INVITATION,
    DocumentKind.TENDER_SPEC,
    DocumentKind.TENDER_OFFER_FORM,
    DocumentKind.TENDER_CONTRACT,
    DocumentKind.TENDER_ZIP,
)


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class DocumentImmutable(Exception):
    """A ready document is never changed: regenerate to get a new version."""


def document_upload_to(instance: Document, filename: str) -> str:
    ext = "zip" if instance.kind == DocumentKind.TENDER_ZIP else "pdf"
    return (
        f"procurement/{instance.order.number}/"
        f"{instance.kind}-{instance.lang}-v{instance.version}-{instance.sha256[:12]}.{ext}"
    )


class Document(models.Model):
    order = models.ForeignKey(VisualOrder, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    lang = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    order_revision = models.PositiveIntegerField(_("order revision"))
    order_data = models.JSONField(
        _("order data"), default=dict, help_text="The order as it was when this was requested."
    )
    brandbook = models.ForeignKey(
        "rules.Brandbook",
        verbose_name=_("brandbook"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["order", "kind", "lang", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "kind", "lang", "version"], name="document_version_per_kind_lang"
            )
        ]

    def __str__(self) -> str:
        """How audit events and the admin name a document: its order, kind, language and
        version in words ("SKA-2026-0002: tender set (ZIP), ET, version 1"), not codes."""
        return _("%(order)s: %(kind)s, %(lang)s, version %(version)s") % {
            "order": self.order.number,
            "kind": self.get_kind_display(),
            "lang": self.lang.upper(),
            "version": self.version,
        }

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = Document.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == DocumentStatus.READY:
                raise DocumentImmutable(f"{self} is ready and cannot change.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.status == DocumentStatus.READY:
            raise DocumentImmutable(f"{self} is ready and cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def download_name(self) -> str:
        ext = "zip" if self.kind == DocumentKind.TENDER_ZIP else "pdf"
        return (
            f"{self.order.number}-{self.kind.replace('_', '-')}-{self.lang}-v{self.version}.{ext}"
        )


# ---------------------------------------------------------------------------------------------
# Deliveries


def delivery_upload_to(instance: Delivery, filename: str) -> str:
    suffix = {"jpeg": "jpg"}.get(instance.format, instance.format or "bin")
    return f"procurement/{instance.order.number}/deliveries/{instance.sha256[:16]}.{suffix}"


class Delivery(models.Model):
    """A file delivered against an order: it passed the brand checks and matched one of the
    order's deliverables when it was uploaded (nothing else is stored)."""

    order = models.ForeignKey(VisualOrder, on_delete=models.PROTECT, related_name="deliveries")
    deliverable = models.ForeignKey(
        Deliverable,
        verbose_name=_("deliverable"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    file = models.FileField(_("file"), upload_to=delivery_upload_to, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"))
    format = models.CharField(_("format"), max_length=10)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    languages = models.JSONField(_("languages"), default=json_list)
    report = models.JSONField(_("check report"), default=dict)
    verdict = models.CharField(_("verdict"), max_length=10)
    brandbook = models.ForeignKey(
        "rules.Brandbook",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("checked against"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["order", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.order.number} {self.original_name}"
