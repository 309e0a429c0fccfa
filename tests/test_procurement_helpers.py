"""Orders, form data and stand-in renderers for the procurement tests (no tests here)."""

from __future__ import annotations

import datetime
import io
import sys
import types
import zipfile
from decimal import Decimal

from django.utils import timezone

from procurement.models import Deliverable, Milestone, VisualOrder


def future(days: int = 60) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def make_order(owner, *, value="12500.00", deliverables=None, **fields) -> VisualOrder:
    values = {
        "title_et": "Pensionireformi bännerid",
        "title_en": "Pension reform banners",
        "title_ru": "Баннеры о пенсионной реформе",
        "unit": "Kommunikatsiooniosakond",
        "purpose": "Selgitada pensionireformi muudatusi.",
        "background": "Reform jõustub 2027. aastal.",
        "audience": "Pensionieelikud",
        "message_et": "Vaata oma pensioni kolmandat sammast.",
        "message_en": "Check your third pension pillar.",
        "message_ru": "Проверьте свой третий пенсионный столп.",
        "deadline": future(),
        "estimated_value_eur": Decimal(value),
        "contact_name": "Mari Maasikas",
        "contact_email": "mari@example.ee",
        "contact_phone": "+372 600 0000",
        "cpv_codes": ["79822500-7"],
        "owner": owner,
    }
    values.update(fields)
    order = VisualOrder.objects.create(**values)
    for spec in deliverables or [
        {
            "kind": "social_post",
            "preset_slug": "facebook-link",
            "formats": ["png", "jpeg"],
            "languages": ["et", "ru"],
        }
    ]:
        Deliverable.objects.create(order=order, **spec)
    Milestone.objects.create(order=order, date=future(30), what="Esimesed kavandid")
    return order


def order_post(**overrides) -> dict:
    """A complete, valid POST for the order form: one deliverable, one milestone."""
    data = {
        "title_et": "Perehüvitiste infograafik",
        "title_en": "Family benefits infographic",
        "title_ru": "",
        "unit": "Kommunikatsioon",
        "purpose": "Selgitada perehüvitiste liike.",
        "background": "",
        "audience": "Lapsevanemad",
        "message_et": "Perehüvitised ühel pildil.",
        "message_en": "Family benefits at a glance.",
        "message_ru": "",
        "deadline": future().isoformat(),
        "estimated_value_eur": "45 000,00",
        "cpv_codes": ["79822500-7", "79341000-6"],
        "accessibility_needs": "Pikk tekstialternatiiv.",
        "contact_name": "Mari Maasikas",
        "contact_email": "mari@example.ee",
        "contact_phone": "",
        "deliverables-TOTAL_FORMS": "2",
        "deliverables-INITIAL_FORMS": "0",
        "deliverables-MIN_NUM_FORMS": "0",
        "deliverables-MAX_NUM_FORMS": "50",
        "deliverables-0-kind": "social_post",
        "deliverables-0-preset_slug": "facebook-link",
        "deliverables-0-width": "",
        "deliverables-0-height": "",
        "deliverables-0-unit": "px",
        "deliverables-0-formats": ["png"],
        "deliverables-0-languages": ["et", "ru"],
        "deliverables-0-quantity": "2",
        "deliverables-0-notes": "",
        "deliverables-1-kind": "",
        "deliverables-1-preset_slug": "",
        "deliverables-1-width": "",
        "deliverables-1-height": "",
        "deliverables-1-unit": "px",
        "deliverables-1-languages": ["et"],
        "deliverables-1-quantity": "1",
        "deliverables-1-notes": "",
        "milestones-TOTAL_FORMS": "2",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "50",
        "milestones-0-date": future(20).isoformat(),
        "milestones-0-what": "Kavand",
        "milestones-1-date": "",
        "milestones-1-what": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def edit_post(order: VisualOrder, **overrides) -> dict:
    """The edit form's POST for `order` as it stands, with `overrides`."""
    deliverables = list(order.deliverables.all())
    milestones = list(order.milestones.all())
    data = {
        "seen_revision": str(order.revision),
        "title_et": order.title_et,
        "title_en": order.title_en,
        "title_ru": order.title_ru,
        "unit": order.unit,
        "purpose": order.purpose,
        "background": order.background,
        "audience": order.audience,
        "message_et": order.message_et,
        "message_en": order.message_en,
        "message_ru": order.message_ru,
        "deadline": order.deadline.isoformat(),
        "estimated_value_eur": str(order.estimated_value_eur),
        "cpv_codes": list(order.cpv_codes),
        "reference_assets": [str(a.pk) for a in order.reference_assets.all()],
        "accessibility_needs": order.accessibility_needs,
        "contact_name": order.contact_name,
        "contact_email": order.contact_email,
        "contact_phone": order.contact_phone,
        # the brief and register fields, as the form posts them back
        **{
            name: "" if getattr(order, name) is None else str(getattr(order, name))
            for name in (
                "content_translation",
                "purpose_en",
                "background_en",
                "audience_en",
                "purpose_ru",
                "background_ru",
                "audience_ru",
                "tone_of_voice",
                "call_to_action_et",
                "call_to_action_en",
                "call_to_action_ru",
                "translation_by",
                "proofreading_by",
                "revision_rounds",
                "delivery_format",
                "register_reference",
                "lots_reason",
                "procurement_rules",
                "plan_entry",
            )
        },  # fmt: skip
        "offer_deadline": (
            order.offer_deadline.strftime("%Y-%m-%dT%H:%M") if order.offer_deadline else ""
        ),
        "deliverables-TOTAL_FORMS": str(len(deliverables)),
        "deliverables-INITIAL_FORMS": str(len(deliverables)),
        "deliverables-MIN_NUM_FORMS": "0",
        "deliverables-MAX_NUM_FORMS": "50",
        "milestones-TOTAL_FORMS": str(len(milestones)),
        "milestones-INITIAL_FORMS": str(len(milestones)),
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "50",
    }
    for i, d in enumerate(deliverables):
        data.update(
            {
                f"deliverables-{i}-id": str(d.pk),
                f"deliverables-{i}-kind": d.kind,
                f"deliverables-{i}-preset_slug": d.preset_slug,
                f"deliverables-{i}-width": "" if d.width is None else str(d.width),
                f"deliverables-{i}-height": "" if d.height is None else str(d.height),
                f"deliverables-{i}-unit": d.unit,
                f"deliverables-{i}-formats": list(d.formats),
                f"deliverables-{i}-languages": list(d.languages),
                f"deliverables-{i}-quantity": str(d.quantity),
                f"deliverables-{i}-notes": d.notes,
            }
        )
    for i, m in enumerate(milestones):
        data.update(
            {
                f"milestones-{i}-id": str(m.pk),
                f"milestones-{i}-date": m.date.isoformat(),
                f"milestones-{i}-what": m.what,
            }
        )
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


class FakeRenderers:
    """Stand-ins for procurement.documents.brief / .tender, recording their calls."""

    def __init__(self, fail: bool = False):
        self.fail = fail
        self.calls: list[tuple] = []

    def render_brief(self, order, brandbook, lang, *, logo_dir=None):
        self.calls.append(("brief", order["number"], order["revision"], lang, logo_dir))
        if self.fail:
            raise RuntimeError("template exploded")
        return f"%PDF-1.7 brief {order['number']} r{order['revision']} {lang}".encode()

    def render_tender_set(self, order, brandbook, lang, *, logo_dir=None):
        self.calls.append(("tender", order["number"], order["revision"], lang))
        if self.fail:
            raise RuntimeError("template exploded")
        stem = f"{order['number']}-{lang}"
        return {
            f"{stem}-technical-specification.pdf": b"%PDF spec " + lang.encode(),
            f"{stem}-criteria.pdf": b"%PDF criteria " + lang.encode(),
            f"{stem}-offer-form.pdf": b"%PDF offer " + lang.encode(),
            f"{stem}-contract.pdf": b"%PDF contract " + lang.encode(),
        }

    @staticmethod
    def zip_set(files):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    def install(self, monkeypatch) -> None:
        brief = types.ModuleType("procurement.documents.brief")
        brief.render_brief = self.render_brief
        tender = types.ModuleType("procurement.documents.tender")
        tender.render_tender_set = self.render_tender_set
        tender.zip_set = self.zip_set
        monkeypatch.setitem(sys.modules, "procurement.documents.brief", brief)
        monkeypatch.setitem(sys.modules, "procurement.documents.tender", tender)
        import procurement.documents as package

        monkeypatch.setattr(package, "brief", brief, raising=False)
        monkeypatch.setattr(package, "tender", tender, raising=False)
