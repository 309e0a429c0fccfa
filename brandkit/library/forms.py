"""Forms of the asset library: upload, describe an asset, search."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from brandkit.library.models import (
    LANGS,
    LANGUAGE_CHOICES,
    REVISED_FIELDS,
    Asset,
    Campaign,
    Tag,
    TopicArea,
    tags_named,
)
from brandkit.plain_text import PlainTextFormMixin

ACCEPT = ",".join(
    [
        ".png",
        ".jpg",
        ".jpeg",
        ".webp",
        ".svg",
        ".pdf",
        "image/png",
        "image/jpeg",
        "image/webp",
        "image/svg+xml",
        "application/pdf",
    ]
)
MAX_TAGS = 30
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length


class UploadForm(PlainTextFormMixin, forms.Form):
    """The choices that go with an upload; the files themselves are read from request.FILES
    one by one by the view, so one bad file never hides the verdict on the others."""

    preset = forms.ChoiceField(
        label=_("Channel preset"),
        required=False,
        help_text=_("The channel the visual is made for: its size and format rules are checked."),
    )

    def __init__(self, *args, brandbook=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        presets = list(brandbook.presets.all()) if brandbook is not None else []
        self.fields["preset"].choices = [("", _("No channel preset"))] + [
            (p.slug, f"{p.name} ({p.size_text})") for p in presets
        ]


class LanguagesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class AssetForm(PlainTextFormMixin, forms.ModelForm):
    """An asset's description: titles, texts, kind, topic, rights and text alternatives.

    Validation is the model's (`Asset.clean`), shared with the admin: no past usable-until
    date, and no empty required text alternative on a published asset. Given an open text
    revision, the form starts from its proposed values, so the owner edits what they proposed.
    """

    languages = LanguagesField(
        label=_("Languages of the text in the visual"),
        choices=LANGUAGE_CHOICES,
        required=False,
        help_text=_("An alt text is required in each of these languages before approval."),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Separate tags with commas. New tags are created as you save."),
    )

    class Meta:
        model = Asset
        fields = [
            "title_et",
            "title_en",
            "title_ru",
            "description_et",
            "description_en",
            "description_ru",
            "kind",
            "topic",
            "languages",
            "campaign",
            "creator",
            "licence",
            "rights_holder",
            "contract_reference",
            "usable_until",
            "alt_text_et",
            "alt_text_en",
            "alt_text_ru",
            "long_description_et",
            "long_description_en",
            "long_description_ru",
        ]
        widgets = {
            "usable_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{f"description_{code}": forms.Textarea(attrs={"rows": 3}) for code in LANGS},
            **{f"alt_text_{code}": forms.Textarea(attrs={"rows": 2}) for code in LANGS},
            **{f"long_description_{code}": forms.Textarea(attrs={"rows": 5}) for code in LANGS},
        }
        help_texts = {
            "alt_text_et": _("What the visual shows and says, for people who cannot see it."),
            "long_description_et": _(
                "Required for infographics: all the information the infographic gives, as text."
            ),
            "usable_until": _("After this date the asset is hidden from the library."),
        }

    GROUPS = (
        (
            _("Title and description"),
            (
                "title_et",
                "title_en",
                "title_ru",
                "description_et",
                "description_en",
                "description_ru",
            ),
        ),
        (_("Classification"), ("kind", "topic", "languages", "campaign", "tags")),
        (
            _("Text alternatives"),
            (
                "alt_text_et",
                "alt_text_en",
                "alt_text_ru",
                "long_description_et",
                "long_description_en",
                "long_description_ru",
            ),
        ),
        (
            _("Author and rights"),
            ("creator", "licence", "rights_holder", "contract_reference", "usable_until"),
        ),
    )

    def __init__(self, *args, revision=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = Campaign.objects.usable(
            keep=self.instance.campaign_id if self.instance.pk else None
        )
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_list
            self.initial.setdefault("tags", ", ".join(t.name for t in self.instance.tags.all()))
        if revision is not None:
            for name, value in revision.changes.items():
                if name == "tags":
                    self.initial["tags"] = ", ".join(value)
                elif name == "languages":
                    self.initial["languages"] = value.split()
                elif name in self.fields:
                    self.initial[name] = value
        self.fields["title_et"].required = True
        for field in self.fields.values():
            if field.required:
                field.label = format_lazy("{} ({})", field.label, _("required"))
        for code in LANGS:
            for name in (
                f"title_{code}",
                f"description_{code}",
                f"alt_text_{code}",
                f"long_description_{code}",
            ):
                self.fields[name].widget.attrs["lang"] = code
        self.fields["kind"].choices = [("", "—")] + list(self.fields["kind"].choices)[1:]

    def groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    def clean_languages(self) -> str:
        chosen = self.cleaned_data.get("languages") or []
        return " ".join(code for code in LANGS if code in chosen)

    def clean_tags(self) -> list[str]:
        names: dict[str, str] = {}
        for raw in (self.cleaned_data.get("tags") or "").split(","):
            name = " ".join(raw.split())
            if not name:
                continue
            if len(name) > TAG_MAX_LENGTH:
                raise forms.ValidationError(
                    _("A tag can be at most %(limit)d characters long: %(tag)s"),
                    params={"limit": TAG_MAX_LENGTH, "tag": name[:TAG_MAX_LENGTH] + "…"},
                    code="tag_too_long",
                )
            names.setdefault(name.casefold(), name)
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(
                _("At most %(limit)d tags."), params={"limit": MAX_TAGS}, code="too_many_tags"
            )
        return list(names.values())

    def save_tags(self, asset: Asset) -> None:
        asset.tags.set(tags_named(self.cleaned_data.get("tags", [])))

    def proposed_values(self) -> dict:
        """The valid form's values of the revised fields, as `Asset.snapshot` gives them."""
        values = {name: getattr(self.instance, name) for name in REVISED_FIELDS if name != "tags"}
        values["tags"] = sorted(self.cleaned_data.get("tags", []))
        return values

    def save(self, commit: bool = True) -> Asset:
        asset = super().save(commit=commit)
        if commit:
            self.save_tags(asset)
        return asset

    def changed_fields(self) -> list[str]:
        changed = list(self.changed_data)
        if "tags" in changed and self.instance.pk:
            before = {t.name.casefold() for t in self.instance.tags.all()}
            after = {n.casefold() for n in self.cleaned_data.get("tags", [])}
            if before == after:
                changed.remove("tags")
        return changed


class TextForm(PlainTextFormMixin, forms.Form):
    """One required piece of text (a comment, or what needs to change)."""

    text = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class TopicAreaForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = TopicArea
        fields = ["name_et", "name_en", "name_ru", "slug", "position"]
        help_texts = {
            "slug": _("Short Latin name used in addresses and the API, e.g. family-benefits.")
        }


class CampaignForm(PlainTextFormMixin, forms.ModelForm):
    """The web manager's campaign form; topic owners use `CampaignProposalForm`."""

    class Meta:
        model = Campaign
        fields = ["name", "starts_on", "ends_on", "purpose", "status"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }


class CampaignProposalForm(CampaignForm):
    class Meta(CampaignForm.Meta):
        fields = ["name", "starts_on", "ends_on", "purpose"]
        help_texts = {
            "purpose": _("What the campaign is for; the web manager reads this before accepting.")
        }
