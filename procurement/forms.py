"""The order form with its deliverables and milestones, and the delivery upload form.

`OrderForms` keeps the three parts together: they validate together (a milestone after the
deadline is an error of the milestone), save in one transaction, and a saved change bumps the
order's revision. The edit form carries the revision it was opened at, so two people editing
the same order cannot silently overwrite each other.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.db import transaction
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from brandkit.library.models import Asset
from brandkit.library.permissions import visible_assets
from brandkit.plain_text import PlainTextFormMixin
from procurement import cpv
from procurement.models import (
    FORMAT_CHOICES,
    LANGS,
    ContentTranslation,
    Deliverable,
    Milestone,
    VisualOrder,
)

LANGUAGE_CHOICES = [("et", _("Estonian")), ("ru", _("Russian")), ("en", _("English"))]
LANGUAGE_ERRORS = {
    "required": _("Choose at least one language."),
    "invalid_choice": _("Languages can only be Estonian, Russian and English."),
}
ORDER_EXTRA_ROWS = 3
EDIT_EXTRA_ROWS = 2
MAX_ROWS = 50


def _required(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if field.required and not isinstance(field.widget, forms.HiddenInput):
            field.label = format_lazy("{} ({})", field.label, _("required"))


class StaleOrder(Exception):
    """The order changed since the form was opened."""


class EuroField(forms.DecimalField):
    """An amount in euros with at most two decimals. Accepts "12 500,50" as well as
    "12500.50": spaces (also no-break spaces) group thousands, a comma or a point marks the
    decimals."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s\u00a0\u202f]", "", value).replace("€", "").replace(",", ".")
        return super().to_python(value)


class LanguagesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", LANGUAGE_CHOICES)
        kwargs.setdefault("error_messages", LANGUAGE_ERRORS)
        super().__init__(**kwargs)


class AssetChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Asset) -> str:
        return f"{obj.title} ({obj.get_kind_display()})"


OPTIONAL_WITH_DEFAULT = (
    "content_translation",
    "translation_by",
    "proofreading_by",
    "revision_rounds",
)


class VisualOrderForm(PlainTextFormMixin, forms.ModelForm):
    estimated_value_eur = EuroField(
        label=_("Estimated value (EUR, without VAT)"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0"),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_(
            "The whole purchase, without VAT, in euros with at most two decimals, e.g. "
            "12500 or 12 500,50. Splitting a purchase into parts does not lower the "
            "procurement route: the total decides (RHS § 28)."
        ),
        error_messages={
            "required": _("Give the estimated value in euros (0 if nothing is bought)."),
            "invalid": _("Enter the value as a number of euros, e.g. 12500 or 12 500,50."),
            "min_value": _("The estimated value cannot be negative."),
            "max_decimal_places": _("Give the value in euros and cents: at most 2 decimals."),
            "max_digits": _("This value is too large."),
            "max_whole_digits": _("This value is too large."),
        },
    )
    cpv_codes = forms.MultipleChoiceField(
        label=_("CPV codes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The Common Procurement Vocabulary codes of what is bought."),
        error_messages={"invalid_choice": _("%(value)s is not one of the offered CPV codes.")},
    )
    reference_assets = AssetChoiceField(
        label=_("Reference assets from the library"),
        queryset=Asset.objects.none(),
        required=False,
        help_text=_(
            "Visuals the designer should look at: earlier work, a campaign's look. The "
            "documents name only approved assets."
        ),
        error_messages={
            "invalid_choice": _("That asset is not in the library, or you cannot see it."),
        },
    )
    seen_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = VisualOrder
        fields = [
            "title_et",
            "title_en",
            "title_ru",
            "unit",
            "purpose",
            "background",
            "audience",
            "content_translation",
            "purpose_en",
            "background_en",
            "audience_en",
            "purpose_ru",
            "background_ru",
            "audience_ru",
            "message_et",
            "message_en",
            "message_ru",
            "deadline",
            "estimated_value_eur",
            "cpv_codes",
            "reference_assets",
            "accessibility_needs",
            "contact_name",
            "contact_email",
            "contact_phone",
            "tone_of_voice",
            "call_to_action_et",
            "call_to_action_en",
            "call_to_action_ru",
            "translation_by",
            "proofreading_by",
            "revision_rounds",
            "delivery_format",
            "register_reference",
            "offer_deadline",
            "lots_reason",
            "procurement_rules",
            "plan_entry",
        ]
        widgets = {
            "content_translation": forms.RadioSelect,
            "translation_by": forms.RadioSelect,
            "proofreading_by": forms.RadioSelect,
            **{
                f"{name}_{code}": forms.Textarea(attrs={"rows": 3, "lang": code})
                for name in ("purpose", "background", "audience")
                for code in ("en", "ru")
            },
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "tone_of_voice": forms.Textarea(attrs={"rows": 2}),
            "delivery_format": forms.Textarea(attrs={"rows": 2}),
            "lots_reason": forms.Textarea(attrs={"rows": 2}),
            "revision_rounds": forms.NumberInput(attrs={"min": 0, "max": 10, "size": 3}),
            "offer_deadline": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "background": forms.Textarea(attrs={"rows": 4}),
            "audience": forms.Textarea(attrs={"rows": 3}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            **{
                f"message_{code}": forms.Textarea(attrs={"rows": 2, "lang": code}) for code in LANGS
            },
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "purpose": _("What should the visuals achieve?"),
            "background": _("What led to this order; what the designer should know."),
            "audience": _("Who should notice and understand the visuals?"),
            "message_et": _("The one thing the audience should take away, in Estonian."),
            "content_translation": _(
                "The English and Russian briefs never print the Estonian text instead: say who "
                "provides the translations of purpose, background and audience."
            ),
            "tone_of_voice": _("How the texts should sound, e.g. calm, clear, no officialese."),
            "call_to_action_et": _("What the reader should do, e.g. “See your pension online”."),
            "revision_rounds": _("How many rounds of changes the price includes (0–10)."),
            "delivery_format": _(
                "How the files are handed over, e.g. one ZIP file by e-mail; file names follow "
                "the brief."
            ),
            "register_reference": _("Filled in once the procurement is in the register."),
            "offer_deadline": _(
                "Simple procurement: at least 5 working days; open procedure: at least 15 days "
                "(EU threshold: 30 days) after the notice."
            ),
            "lots_reason": _(
                "RHS § 36 (4). Empty: the standard reason (one campaign, one visual solution)."
            ),
            "procurement_rules": _("The authority's procurement rules (hankekord) that apply."),
            "plan_entry": _("The line of the procurement plan this purchase belongs to."),
            "deadline": _("When the final files are needed."),
            "accessibility_needs": _(
                "Anything beyond the brand kit's WCAG 2.1 AA rules: e.g. easy-to-read text, "
                "a sign-language version."
            ),
        }
        error_messages = {
            "title_et": {"required": _("Give the order a title in Estonian.")},
            "purpose": {"required": _("Say what the visuals are for.")},
            "audience": {"required": _("Say who the visuals are for.")},
            "revision_rounds": {
                "invalid": _("Give the number of revision rounds as a whole number."),
                "min_value": _("The number of revision rounds cannot be negative."),
                "max_value": _("At most 10 revision rounds."),
            },
            "offer_deadline": {
                "invalid": _("Enter the deadline for offers as a date and time."),
            },
            "message_et": {"required": _("Give the key message in Estonian.")},
            "deadline": {
                "required": _("Give the deadline."),
                "invalid": _("Enter the deadline as a date, e.g. 2026-12-15."),
            },
            "contact_name": {"required": _("Name the contact person.")},
            "contact_email": {
                "required": _("Give the contact person's e-mail address."),
                "invalid": _("Enter a valid e-mail address, e.g. nimi@sotsiaalkindlustusamet.ee."),
            },
        }

    GROUPS = (
        (
            _("What is ordered"),
            ("title_et", "title_en", "title_ru", "unit", "purpose", "background", "audience"),
        ),
        (
            _("English and Russian texts"),
            (
                "content_translation",
                "purpose_en",
                "background_en",
                "audience_en",
                "purpose_ru",
                "background_ru",
                "audience_ru",
            ),
        ),
        (_("Key message"), ("message_et", "message_en", "message_ru")),
        (
            _("For the designer"),
            (
                "tone_of_voice",
                "call_to_action_et",
                "call_to_action_en",
                "call_to_action_ru",
                "translation_by",
                "proofreading_by",
                "revision_rounds",
                "delivery_format",
            ),
        ),
        (_("Time and money"), ("deadline", "estimated_value_eur", "cpv_codes")),
        (_("References and accessibility"), ("reference_assets", "accessibility_needs")),
        (_("Contact person"), ("contact_name", "contact_email", "contact_phone")),
        (
            _("Procurement register"),
            (
                "register_reference",
                "offer_deadline",
                "lots_reason",
                "procurement_rules",
                "plan_entry",
            ),
        ),
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.user = user
        assets = visible_assets(user)
        if self.instance.pk:
            assets = assets | Asset.objects.filter(
                pk__in=self.instance.reference_assets.values("pk")
            )
        self.fields["reference_assets"].queryset = assets.distinct().order_by("title_et")
        self.fields["cpv_codes"].choices = cpv.choices()
        for code in LANGS:
            self.fields[f"title_{code}"].widget.attrs["lang"] = code
            self.fields[f"call_to_action_{code}"].widget.attrs["lang"] = code
        if self.instance.pk:
            self.fields["seen_revision"].initial = self.instance.revision
        else:
            self.fields["cpv_codes"].initial = list(cpv.DEFAULT_CODES)
            self.fields["contact_name"].initial = user.get_full_name()
            self.fields["contact_email"].initial = user.email
            self.fields["procurement_rules"].initial = getattr(
                settings, "BRANDKIT_PROCUREMENT_RULES", "Sotsiaalkindlustusameti hankekord"
            )
        # Choices with a sensible default: a form posted without them (an older client, an API
        # script) keeps the default instead of failing.
        for name in OPTIONAL_WITH_DEFAULT:
            self.fields[name].required = False
        _required(self)

    def groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    def clean_deadline(self):
        value = self.cleaned_data.get("deadline")
        changed = not self.instance.pk or "deadline" in self.changed_data
        if value and changed and value < timezone.localdate():
            raise forms.ValidationError(
                _("The deadline cannot be in the past."), code="past_deadline"
            )
        return value

    def clean_cpv_codes(self):
        return [code for code, _label in cpv.choices() if code in self.cleaned_data["cpv_codes"]]

    def clean(self):
        cleaned = super().clean()
        self._check_translations(cleaned)
        seen = cleaned.get("seen_revision")
        if self.instance.pk and seen is not None:
            current = (
                VisualOrder.objects.filter(pk=self.instance.pk)
                .values_list("revision", flat=True)
                .first()
            )
            if current is not None and current != seen:
                raise forms.ValidationError(
                    _(
                        "Someone else saved this order while you were editing it (it is now at "
                        "revision %(revision)d). Open it again and make your changes once more."
                    ),
                    params={"revision": current},
                    code="stale",
                )
        return cleaned

    def _default_if_empty(self, name: str):
        value = self.cleaned_data.get(name)
        if value in (None, ""):
            return VisualOrder._meta.get_field(name).get_default()
        return value

    def clean_content_translation(self):
        return self._default_if_empty("content_translation")

    def clean_translation_by(self):
        return self._default_if_empty("translation_by")

    def clean_proofreading_by(self):
        return self._default_if_empty("proofreading_by")

    def clean_revision_rounds(self):
        return self._default_if_empty("revision_rounds")

    def _check_translations(self, cleaned: dict) -> None:
        """ "I give the texts" must give them: purpose and audience together, in English or
        Russian (or both); texts typed under another choice are kept but not required."""
        if cleaned.get("content_translation") != ContentTranslation.TYPED:
            return
        given = []
        for code in ("en", "ru"):
            texts = {name: cleaned.get(f"{name}_{code}") for name in ("purpose", "audience")}
            if any(texts.values()) or cleaned.get(f"background_{code}"):
                given.append(code)
                for name, text in texts.items():
                    if not text:
                        self.add_error(
                            f"{name}_{code}",
                            forms.ValidationError(
                                _("Give this text too, or choose another option above."),
                                code="translation_incomplete",
                            ),
                        )
        if not given:
            self.add_error(
                "content_translation",
                forms.ValidationError(
                    _(
                        "You chose to give the English or Russian texts: type at least the "
                        "purpose and audience in one of them, or choose another option."
                    ),
                    code="translation_missing",
                ),
            )

    @property
    def seen(self) -> int | None:
        return self.cleaned_data.get("seen_revision")


class DeliverableForm(PlainTextFormMixin, forms.ModelForm):
    preset_slug = forms.ChoiceField(
        label=_("Channel preset"),
        required=False,
        help_text=_("A channel size from the brand kit; or leave empty and give a custom size."),
    )
    width = forms.DecimalField(
        label=_("Width"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 7}),
        error_messages={
            "invalid": _("Enter the width as a number."),
            "min_value": _("The width must be greater than zero."),
        },
    )
    height = forms.DecimalField(
        label=_("Height"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 7}),
        error_messages={
            "invalid": _("Enter the height as a number."),
            "min_value": _("The height must be greater than zero."),
        },
    )
    formats = forms.MultipleChoiceField(
        label=_("File formats"),
        choices=FORMAT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The formats a delivered file may have."),
        error_messages={
            "required": _("Choose at least one file format."),
            "invalid_choice": _("%(value)s is not a file format brandkit can check."),
        },
    )
    languages = LanguagesField(
        label=_("Languages"), help_text=_("One version of the visual per language.")
    )

    class Meta:
        model = Deliverable
        fields = [
            "kind",
            "preset_slug",
            "width",
            "height",
            "unit",
            "formats",
            "languages",
            "quantity",
            "notes",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 2}),
            "quantity": forms.NumberInput(attrs={"min": 1, "size": 4}),
        }
        error_messages = {
            "kind": {"required": _("Choose what kind of visual this is.")},
            "quantity": {
                "required": _("Give how many are needed."),
                "min_value": _("The quantity must be at least 1."),
            },
        }
        help_texts = {"quantity": _("How many different visuals of this kind, per language.")}

    def __init__(self, *args, brandbook=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.presets = {p.slug: p for p in brandbook.presets.all()} if brandbook else {}
        choices = [("", _("Custom size"))] + [
            (slug, f"{p.name} ({p.size_text})") for slug, p in self.presets.items()
        ]
        if (
            self.instance.pk
            and self.instance.preset_slug
            and (self.instance.preset_slug not in self.presets)
        ):
            choices.append((self.instance.preset_slug, self.instance.preset_slug))
        self.fields["preset_slug"].choices = choices
        self.fields["kind"].choices = [("", "—")] + list(self.fields["kind"].choices)[1:]
        self.fields["unit"].required = False
        if not self.instance.pk:
            self.fields["languages"].initial = ["et"]
            self.fields["formats"].initial = []

    def clean(self):
        cleaned = super().clean()
        preset_slug = cleaned.get("preset_slug")
        width, height = cleaned.get("width"), cleaned.get("height")
        unit = cleaned.get("unit") or "px"
        cleaned["unit"] = unit
        if preset_slug:
            if width is not None or height is not None:
                raise forms.ValidationError(
                    _("Give either a channel preset or a custom size, not both."),
                    code="preset_and_size",
                )
            preset = self.presets.get(preset_slug)
            formats = cleaned.get("formats") or []
            if preset is not None and preset.formats:
                extra = [f for f in formats if f not in preset.formats]
                if extra:
                    self.add_error(
                        "formats",
                        forms.ValidationError(
                            _("%(preset)s takes only %(allowed)s, not %(extra)s."),
                            params={
                                "preset": preset.name,
                                "allowed": ", ".join(f.upper() for f in preset.formats),
                                "extra": ", ".join(f.upper() for f in extra),
                            },
                            code="format_not_in_preset",
                        ),
                    )
        else:
            if width is None or height is None:
                raise forms.ValidationError(
                    _(
                        "A custom size needs both a width and a height (or choose a channel "
                        "preset)."
                    ),
                    code="size_incomplete",
                )
            if unit == "px":
                for name, value in (("width", width), ("height", height)):
                    if value != value.to_integral_value():
                        self.add_error(
                            name,
                            forms.ValidationError(
                                _("A size in pixels is a whole number."), code="fractional_px"
                            ),
                        )
        return cleaned

    def clean_formats(self):
        chosen = self.cleaned_data.get("formats") or []
        return [code for code, _label in FORMAT_CHOICES if code in chosen]

    def clean_languages(self):
        chosen = self.cleaned_data.get("languages") or []
        return [code for code, _label in LANGUAGE_CHOICES if code in chosen]


class MilestoneForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["date", "what"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {
            "date": {
                "required": _("Give the date of this milestone."),
                "invalid": _("Enter the date, e.g. 2026-12-01."),
            },
            "what": {"required": _("Say what happens on this date.")},
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DeliverableFormSetBase(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = 0
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if self.can_delete and self._should_delete_form(form):
                if form.instance.pk and form.instance.deliveries.exists():
                    raise forms.ValidationError(
                        _(
                            "A deliverable that already has delivered files cannot be removed: "
                            "%(deliverable)s."
                        ),
                        params={"deliverable": form.instance},
                        code="has_deliveries",
                    )
                continue
            kept += 1
        if kept == 0:
            raise forms.ValidationError(
                _("Add at least one deliverable: what should be made?"), code="no_deliverables"
            )


DeliverableFormSet = inlineformset_factory(
    VisualOrder,
    Deliverable,
    form=DeliverableForm,
    formset=DeliverableFormSetBase,
    extra=ORDER_EXTRA_ROWS,
    can_delete=True,
    max_num=MAX_ROWS,
    validate_max=True,
)

MilestoneFormSet = inlineformset_factory(
    VisualOrder,
    Milestone,
    form=MilestoneForm,
    extra=ORDER_EXTRA_ROWS,
    can_delete=True,
    max_num=MAX_ROWS,
    validate_max=True,
)


class OrderForms:
    """The order form and its two formsets, validated and saved as one."""

    def __init__(self, data=None, *, user, instance: VisualOrder | None = None, brandbook=None):
        self.user = user
        self.instance = instance
        parent = instance if instance is not None else VisualOrder()
        extra = EDIT_EXTRA_ROWS if instance is not None else ORDER_EXTRA_ROWS
        self.order = VisualOrderForm(data, instance=instance, user=user)
        self.deliverables = DeliverableFormSet(
            data,
            instance=parent,
            prefix="deliverables",
            form_kwargs={"brandbook": brandbook},
        )
        self.milestones = MilestoneFormSet(data, instance=parent, prefix="milestones")
        for formset in (self.deliverables, self.milestones):
            formset.extra = extra

    def is_valid(self) -> bool:
        valid = all(
            [self.order.is_valid(), self.deliverables.is_valid(), self.milestones.is_valid()]
        )
        if not valid:
            return False
        deadline = self.order.cleaned_data.get("deadline")
        for form in self.milestones.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            if deadline and data.get("date") and data["date"] > deadline:
                form.add_error(
                    "date",
                    forms.ValidationError(
                        _("This milestone is after the deadline (%(deadline)s)."),
                        params={"deadline": deadline.strftime("%Y-%m-%d")},
                        code="after_deadline",
                    ),
                )
                valid = False
        return valid

    @property
    def errors_count(self) -> int:
        count = len(self.order.errors)
        for formset in (self.deliverables, self.milestones):
            count += len(formset.non_form_errors()) + sum(len(e) for e in formset.errors)
        return count

    def has_changed(self) -> bool:
        return (
            self.order.has_changed()
            and set(self.order.changed_data) != {"seen_revision"}
            or self.deliverables.has_changed()
            or self.milestones.has_changed()
        )

    def save(self) -> tuple[VisualOrder, bool]:
        """Save everything; returns (order, changed). Raises StaleOrder when the order was
        saved by someone else since this form was opened."""
        with transaction.atomic():
            existing = self.instance is not None and self.instance.pk is not None
            if existing:
                locked = VisualOrder.objects.select_for_update().get(pk=self.instance.pk)
                seen = self.order.seen
                if seen is not None and locked.revision != seen:
                    raise StaleOrder(locked.revision)
            changed = self.has_changed() if existing else True
            order = self.order.save(commit=False)
            if not existing:
                order.owner = self.user
            if changed:
                order.save()
                self.order.save_m2m()
                self.deliverables.instance = order
                self.deliverables.save()
                self.milestones.instance = order
                self.milestones.save()
                if existing:
                    order.bump_revision()
        return order, changed


class DeliveryForm(PlainTextFormMixin, forms.Form):
    """One file delivered against one of the order's deliverables."""

    deliverable = forms.ChoiceField(
        label=_("Deliverable"),
        error_messages={"required": _("Choose which deliverable this file is.")},
    )
    languages = LanguagesField(
        label=_("Languages of the text in the file"),
        help_text=_("Declare the languages the visual's text is in."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PNG, JPEG, WebP, SVG or PDF."),
        error_messages={
            "required": _("Choose a file to upload."),
            "empty": _("The file is empty."),
        },
    )

    def __init__(self, *args, order: VisualOrder, brandbook=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.order = order
        presets = {p.slug: p for p in brandbook.presets.all()} if brandbook else {}
        deliverables = list(order.deliverables.all())
        self.by_pk = {str(d.pk): d for d in deliverables}
        self.fields["deliverable"].choices = [("", "—")] + [
            (
                str(d.pk),
                f"{index}. {d.get_kind_display()}, {_size_label(d, presets)}, "
                f"{', '.join(d.languages).upper()}",
            )
            for index, d in enumerate(deliverables, start=1)
        ]
        _required(self)

    def clean_deliverable(self) -> Deliverable:
        return self.by_pk[self.cleaned_data["deliverable"]]


def _size_label(deliverable: Deliverable, presets: dict) -> str:
    preset = presets.get(deliverable.preset_slug)
    if preset is not None:
        return str(preset)  # "Facebook link image (1200 × 628 px)"
    return deliverable.size_text
