"""Forms of the review pages: the audit log filter."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from brandkit.plain_text import PlainTextFormMixin
from brandkit.review.models import AuditAction, AuditEvent


class AuditFilterForm(PlainTextFormMixin, forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    user = forms.ModelChoiceField(
        label=_("User"),
        required=False,
        queryset=get_user_model().objects.none(),
        empty_label=_("Anyone"),
    )
    asset = forms.CharField(
        label=_("Asset"),
        required=False,
        max_length=200,
        help_text=_("Part of its title, or its id."),
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Any action"))] + list(AuditAction.choices)
        User = get_user_model()
        self.fields["user"].queryset = User.objects.filter(
            pk__in=AuditEvent.objects.exclude(actor=None).values("actor")
        ).order_by("username")
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.username})" if u.get_full_name() else u.username
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data

    def filter(self, events):
        if not self.is_valid():
            return events
        data = self.cleaned_data
        if data.get("action"):
            events = events.filter(action=data["action"])
        if data.get("user"):
            events = events.filter(actor=data["user"])
        text = (data.get("asset") or "").strip()
        if text:
            try:
                events = events.filter(asset__public_id=uuid.UUID(text))
            except ValueError:
                events = events.filter(
                    Q(object_repr__icontains=text)
                    | Q(asset__title_et__icontains=text)
                    | Q(asset__title_en__icontains=text)
                    | Q(asset__title_ru__icontains=text)
                )
        if data.get("date_from"):
            events = events.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(at__date__lte=data["date_to"])
        return events
