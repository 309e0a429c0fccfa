"""Banners from brand templates: pick a template, type the texts per language, see every chosen
preset × language, save them as one draft asset whose versions went through the upload checks.
"""

from __future__ import annotations

import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from brandkit.banners import BannerError, render_banner
from brandkit.library.models import Asset, AssetKind, AssetStatus, VersionState
from brandkit.library.permissions import can_upload, visible_assets
from brandkit.library.uploads import UploadRefused, commit_version, discard, stage
from brandkit.rules.models import Brandbook

LANGS = ("et", "en", "ru")
LANG_NAMES = {
    "et": gettext_lazy("Estonian"),
    "en": gettext_lazy("English"),
    "ru": gettext_lazy("Russian"),
}
SLOT_LABELS = {
    "headline": gettext_lazy("Headline"),
    "body": gettext_lazy("Body text"),
    "cta": gettext_lazy("Call to action"),
    "figure": gettext_lazy("Figure"),
    "when": gettext_lazy("Time and place"),
}
MAX_RENDERS = 12
DEFAULT_PRESETS = ("facebook-link", "instagram-square")


def _ui_lang() -> str:
    return (get_language() or "et")[:2]


class BannerForm(forms.Form):
    """Fields follow the chosen template: one text field per text slot and language; Estonian
    carries the required slots, and a language with any text gets a banner."""

    def __init__(self, *args, template: dict, presets: list[dict], user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        if any(s["kind"] == "image" for s in template["slots"]) and user is not None:
            self.fields["photo"] = forms.ModelChoiceField(
                label=_("Photo from the library (optional)"),
                queryset=approved_photos(user),
                required=False,
            )
            self.fields["focal_x"] = forms.IntegerField(
                label=_("Focal point from the left (%)"),
                min_value=0,
                max_value=100,
                initial=50,
                required=False,
            )
            self.fields["focal_y"] = forms.IntegerField(
                label=_("Focal point from the top (%)"),
                min_value=0,
                max_value=100,
                initial=50,
                required=False,
            )
        self.text_slots = [s for s in template["slots"] if s["kind"] == "text"]
        lang = _ui_lang()
        self.fields["presets"] = forms.MultipleChoiceField(
            label=_("Channel sizes"),
            choices=[
                (p["slug"], p["name"].get(lang) or p["name"]["et"])
                for p in presets
                if p.get("unit", "px") == "px"
            ],
            widget=forms.CheckboxSelectMultiple,
            initial=[slug for slug in DEFAULT_PRESETS if any(p["slug"] == slug for p in presets)],
        )
        for code in LANGS:
            for slot in self.text_slots:
                label = SLOT_LABELS.get(slot["name"], slot["name"])
                self.fields[f"{slot['name']}_{code}"] = forms.CharField(
                    label=f"{label} ({LANG_NAMES[code]})",
                    required=code == "et" and slot["required"],
                    max_length=300,
                    widget=forms.Textarea(attrs={"rows": 2})
                    if slot["name"] == "body"
                    else forms.TextInput(),
                )

    def clean_presets(self):
        chosen = self.cleaned_data["presets"]
        if len(chosen) * len(LANGS) > MAX_RENDERS:
            raise forms.ValidationError(_("Choose at most four channel sizes at once."))
        return chosen

    def photo_fields(self):
        return [self[name] for name in ("photo", "focal_x", "focal_y") if name in self.fields]

    def image(self) -> tuple[bytes | None, tuple[float, float]]:
        photo = self.cleaned_data.get("photo")
        if photo is None:
            return None, (0.5, 0.5)
        with photo.current_version.file.open("rb") as handle:
            data = handle.read()
        x, y = (self.cleaned_data.get(name) for name in ("focal_x", "focal_y"))
        focal = ((50 if x is None else x) / 100, (50 if y is None else y) / 100)
        return data, focal

    def languages(self) -> list[str]:
        return [
            code
            for code in LANGS
            if any(
                (self.cleaned_data.get(f"{s['name']}_{code}") or "").strip()
                for s in self.text_slots
            )
        ]

    def texts(self, code: str) -> dict[str, str]:
        return {
            s["name"]: value
            for s in self.text_slots
            if (value := (self.cleaned_data.get(f"{s['name']}_{code}") or "").strip())
        }

    def by_language(self):
        """Field rows grouped per language, for the template's fieldsets."""
        return [
            (code, LANG_NAMES[code], [self[f"{s['name']}_{code}"] for s in self.text_slots])
            for code in LANGS
        ]


def approved_photos(user):
    """Approved photos the user may see, current and usable: the only pictures a banner takes
    from the library, so a banner never carries a photo that did not pass review."""
    today = timezone.localdate()
    return (
        visible_assets(user)
        .filter(
            Q(usable_until__isnull=True) | Q(usable_until__gte=today),
            kind=AssetKind.PHOTO,
            status=AssetStatus.APPROVED,
            current_version__state=VersionState.APPROVED,
        )
        .select_related("current_version")
        .order_by("title_et")
    )


def banner_maker(request):
    if not can_upload(request.user):
        raise Http404(_("No such page."))
    book = Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)
    data = book.to_data() if book is not None else {"templates": [], "presets": []}
    templates = data.get("templates") or []
    lang = _ui_lang()
    slug = request.POST.get("template") or request.GET.get("template") or ""
    template = next(
        (t for t in templates if t["slug"] == slug), templates[0] if templates else None
    )
    context: dict = {
        "templates": [
            {
                "slug": t["slug"],
                "name": t["name"].get(lang) or t["name"]["et"],
                "description": (t.get("description") or {}).get(lang, ""),
            }
            for t in templates
        ],
        "template": template,
        "previews": [],
    }
    if template is None:
        return render(request, "library/banner_maker.html", context)
    form = BannerForm(
        request.POST if request.method == "POST" else None,
        template=template,
        presets=data["presets"],
        user=request.user,
    )
    context["form"] = form
    context["template_name"] = template["name"].get(lang) or template["name"]["et"]
    if request.method == "POST" and form.is_valid():
        image, focal = form.image()
        renders = []
        for preset in form.cleaned_data["presets"]:
            for code in form.languages():
                try:
                    out = render_banner(
                        data,
                        template["slug"],
                        preset,
                        code,
                        form.texts(code),
                        image=image,
                        focal=focal,
                    )
                except BannerError as exc:
                    form.add_error(
                        None,
                        f"{dict(form.fields['presets'].choices).get(preset, preset)}, "
                        f"{LANG_NAMES[code]}: {exc.messages[lang]}",
                    )
                    continue
                renders.append((preset, code, out))
        if not form.errors:
            if request.POST.get("action") == "save":
                asset = _save(request, book, template, form, renders)
                if asset is not None:
                    messages.success(
                        request,
                        _("The banners were saved as one draft asset with %(count)d versions.")
                        % {"count": len(renders)},
                    )
                    return redirect("library:asset", public_id=asset.public_id)
            else:
                preset_names = dict(form.fields["presets"].choices)
                context["previews"] = [
                    {
                        "preset": preset_names.get(preset, preset),
                        "lang": LANG_NAMES[code],
                        "code": code,
                        "src": "data:image/png;base64," + base64.b64encode(out.data).decode(),
                        "alt": out.alt_text[code],
                        "width": out.width,
                        "height": out.height,
                    }
                    for preset, code, out in renders
                ]
    return render(request, "library/banner_maker.html", context)


def _save(request, book, template, form, renders) -> Asset | None:
    """Every render is checked as an upload first; only if all pass are the asset and its
    versions written, in one transaction. A render that fails its checks is a bug in the
    template: it is reported and nothing is kept."""
    staged = []
    try:
        for preset, code, out in renders:
            name = f"{template['slug']}-{preset}-{code}.png"
            upload = SimpleUploadedFile(name, out.data, content_type="image/png")
            item = stage(upload, user=request.user, brandbook=book, preset_slug=preset)
            staged.append(item)
            if item.verdict != "pass":
                raise UploadRefused(_("%(name)s did not pass its checks.") % {"name": name})
    except UploadRefused as refusal:
        for item in staged:
            discard(item)
        form.add_error(None, str(refusal))
        return None
    texts = {code: form.texts(code) for code in form.languages()}
    fields = {}
    for code, slots in texts.items():
        fields[f"title_{code}"] = (slots.get("headline") or slots.get("figure") or "")[:200]
        fields[f"alt_text_{code}"] = next(
            out.alt_text[code] for _preset, c, out in renders if c == code
        )
    with transaction.atomic():
        asset = Asset.objects.create(
            kind=AssetKind.BANNER,
            languages=" ".join(texts),
            preset_slug=renders[0][0],
            owner=request.user,
            **fields,
        )
        for item in staged:
            item.target_asset = asset
            commit_version(item, asset, request.user)
    return asset
