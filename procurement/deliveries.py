"""Files delivered against an order: brand checks, the order's deliverables, fulfilment.

A delivered file is checked twice before anything is stored: against the brand rules (the
same `check_bytes` the library uses, with the deliverable's channel preset) and against the
deliverable it is declared for (file format, size, languages). A file that is rejected, fails
a brand check or does not match is refused with the reasons, and nothing is kept.

Fulfilment is worked out from the stored facts of each delivery every time, so a deliverable
changed after a file was delivered shows at once whether that file still fits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from brandkit.library import uploads
from brandkit.review import audit
from brandkit.review.models import AuditAction
from procurement.models import Deliverable, Delivery, VisualOrder, preset_in

VECTOR_FORMATS = {"svg", "pdf"}
ASPECT_TOLERANCE = 0.01
LANGUAGE_NAMES = {"et": "ET", "ru": "RU", "en": "EN"}


class DeliveryRefused(Exception):
    def __init__(self, message: str, reasons: list[str] | None = None):
        super().__init__(message)
        self.reasons = reasons or []


def _lang() -> str:
    return (get_language() or "et")[:2]


def _codes(values) -> str:
    return ", ".join(str(v).upper() for v in values)


def match_problems(
    deliverable: Deliverable,
    *,
    fmt: str,
    width: int | None,
    height: int | None,
    languages: list[str],
    brandbook_data: dict | None,
) -> list[str]:
    """Why a file with these facts is not the deliverable (empty: it is)."""
    problems = []
    if fmt not in deliverable.formats:
        problems.append(
            _("The file is %(format)s; this deliverable is ordered as %(allowed)s.")
            % {"format": (fmt or "?").upper(), "allowed": _codes(deliverable.formats)}
        )
    extra = [code for code in languages if code not in deliverable.languages]
    if not languages:
        problems.append(_("Declare the languages of the text in the file."))
    elif extra:
        problems.append(
            _("This deliverable is ordered in %(ordered)s, not in %(extra)s.")
            % {"ordered": _codes(deliverable.languages), "extra": _codes(extra)}
        )
    problems += size_problems(deliverable, fmt, width, height, brandbook_data)
    return problems


def size_problems(deliverable, fmt, width, height, brandbook_data) -> list[str]:
    want_w, want_h, unit = deliverable.resolved_size(brandbook_data)
    if want_w is None or want_h is None:
        return [
            _(
                "The channel preset %(preset)s is no longer in the brand kit, so the size cannot "
                "be checked: edit the deliverable."
            )
            % {"preset": deliverable.preset_slug}
        ]
    if not width or not height:
        return [_("The size of the file could not be read.")]
    preset = (
        preset_in(brandbook_data or {}, deliverable.preset_slug)
        if deliverable.preset_slug
        else None
    )
    exact = (
        unit == "px"
        and fmt not in VECTOR_FORMATS
        and (preset is None or preset.get("match", "exact") == "exact")
    )
    if exact:
        if (width, height) != (int(want_w), int(want_h)):
            return [
                _(
                    "The file is %(width)d × %(height)d px; the deliverable is %(want_w)s × "
                    "%(want_h)s px."
                )
                % {"width": width, "height": height, "want_w": want_w, "want_h": want_h}
            ]
        return []
    tolerance = (
        float(preset.get("aspect_tolerance", ASPECT_TOLERANCE)) if preset else ASPECT_TOLERANCE
    )
    wanted = float(Decimal(str(want_w)) / Decimal(str(want_h)))
    actual = width / height
    if abs(actual - wanted) / wanted > tolerance:
        return [
            _(
                "The file's proportions (%(width)d × %(height)d) differ from the deliverable's "
                "(%(want_w)s × %(want_h)s %(unit)s)."
            )
            % {"width": width, "height": height, "want_w": want_w, "want_h": want_h, "unit": unit}
        ]
    return []


def deliver(
    uploaded, *, order: VisualOrder, deliverable: Deliverable, languages: list[str], user, brandbook
) -> Delivery:
    """Check one uploaded file and store it as a delivery, or raise DeliveryRefused."""
    try:
        data = uploads.read_bounded(uploaded)
    except uploads.UploadRefused as refusal:
        raise DeliveryRefused(str(refusal)) from refusal
    if not data:
        raise DeliveryRefused(_("%(name)s is empty.") % {"name": uploaded.name})
    brandbook_data = brandbook.to_data() if brandbook is not None else None
    preset_slug = deliverable.preset_slug
    if preset_slug and (brandbook_data is None or preset_in(brandbook_data, preset_slug) is None):
        preset_slug = ""
    try:
        report = uploads.check_bytes(data, uploaded.name, brandbook, preset_slug)
    except uploads.UploadRefused as refusal:
        raise DeliveryRefused(str(refusal)) from refusal
    lang = _lang()
    if report.verdict == "rejected":
        reasons = [f.message(lang) for f in report.findings if f.rejects]
        raise DeliveryRefused(
            _("%(name)s was not accepted: it is not a safe, readable image or PDF.")
            % {"name": uploaded.name},
            reasons,
        )
    if report.verdict == "fail":
        reasons = [f.message(lang) for f in report.findings if f.severity == "error"]
        raise DeliveryRefused(
            _("%(name)s does not pass the brand checks, so it was not stored.")
            % {"name": uploaded.name},
            reasons,
        )
    problems = match_problems(
        deliverable,
        fmt=report.format or "",
        width=report.width,
        height=report.height,
        languages=languages,
        brandbook_data=brandbook_data,
    )
    if problems:
        raise DeliveryRefused(
            _("%(name)s does not match the deliverable, so it was not stored.")
            % {"name": uploaded.name},
            problems,
        )
    delivery = Delivery(
        order=order,
        deliverable=deliverable,
        original_name=uploaded.name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        format=report.format or "",
        width=report.width,
        height=report.height,
        languages=list(languages),
        report=report.as_storable(),
        verdict=report.verdict,
        brandbook=brandbook,
        uploaded_by=user,
    )
    delivery.file.save("delivery", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            delivery.save()
            audit.record(
                user,
                AuditAction.UPLOAD,
                obj=delivery,
                order=order.number,
                deliverable=str(deliverable),
                file=delivery.original_name,
                sha256=delivery.sha256,
                languages=" ".join(languages),
                verdict=delivery.verdict,
            )
    except Exception:
        delivery.file.delete(save=False)
        raise
    return delivery


@dataclass
class Fulfilment:
    deliverable: Deliverable
    index: int
    needed: dict[str, int]
    have: dict[str, int] = field(default_factory=dict)
    deliveries: list = field(default_factory=list)  # (delivery, problems)

    @property
    def fulfilled(self) -> bool:
        return all(self.have.get(code, 0) >= count for code, count in self.needed.items())

    @property
    def rows(self) -> list[dict]:
        return [
            {
                "lang": code,
                "needed": count,
                "have": min(self.have.get(code, 0), count),
                "done": self.have.get(code, 0) >= count,
            }
            for code, count in self.needed.items()
        ]


def fulfilment(order: VisualOrder, brandbook_data: dict | None) -> list[Fulfilment]:
    """For each deliverable, how many matching files there are per language."""
    deliverables = list(order.deliverables.all())
    deliveries = list(order.deliveries.select_related("uploaded_by").order_by("uploaded_at", "pk"))
    result = []
    for index, deliverable in enumerate(deliverables, start=1):
        item = Fulfilment(
            deliverable=deliverable,
            index=index,
            needed={code: deliverable.quantity for code in deliverable.languages},
        )
        for delivery in deliveries:
            if delivery.deliverable_id != deliverable.pk:
                continue
            problems = match_problems(
                deliverable,
                fmt=delivery.format,
                width=delivery.width,
                height=delivery.height,
                languages=list(delivery.languages),
                brandbook_data=brandbook_data,
            )
            item.deliveries.append((delivery, problems))
            if not problems:
                for code in delivery.languages:
                    item.have[code] = item.have.get(code, 0) + 1
        result.append(item)
    return result
