"""Which Estonian public procurement route a purchase takes, from thresholds kept as data.

RHS § 14 sets the simple-procurement and national thresholds; the international threshold is
set by the European Commission; below the simple-procurement threshold only the general
principles of RHS § 3 apply. The rows live in `ProcurementThreshold` (loaded by a data
migration, edited by web managers in the admin), each with the period it applies in, so a
change in the law needs no code. The value that decides is the estimated value without VAT
of the whole purchase: splitting it into parts does not lower the route (RHS § 28).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone


@dataclass(frozen=True)
class RouteDecision:
    value: Decimal
    on_date: datetime.date
    threshold: object  # the ProcurementThreshold whose route applies
    next_threshold: object | None  # the next one up, if any

    @property
    def route(self) -> str:
        return self.threshold.route

    @property
    def is_low_value(self) -> bool:
        return self.threshold.route == "low_value"


def thresholds_on(on_date: datetime.date | None = None, queryset=None) -> list:
    """One threshold per route, the ones valid on `on_date`, lowest first. When periods of one
    route overlap by mistake, the one that started last wins."""
    from procurement.models import ProcurementThreshold

    on_date = on_date or timezone.localdate()
    rows = (queryset if queryset is not None else ProcurementThreshold.objects.all()).valid_on(
        on_date
    )
    latest: dict[str, object] = {}
    for row in rows.order_by("route", "-applies_from", "-pk"):
        latest.setdefault(row.route, row)
    return sorted(latest.values(), key=lambda r: (r.threshold_eur, r.pk))


def route_for(
    value, on_date: datetime.date | None = None, queryset=None, rows: list | None = None
) -> RouteDecision | None:
    """The route for an estimated value (EUR, without VAT) on a date (today by default): the
    valid threshold with the highest bound that the value reaches (equal counts). None when no
    threshold is loaded for that date or the value is below every bound. `rows` may pass the
    result of `thresholds_on(on_date)` when deciding many values at once."""
    on_date = on_date or timezone.localdate()
    amount = Decimal(str(value))
    if rows is None:
        rows = thresholds_on(on_date, queryset)
    chosen = None
    following = None
    for row in rows:
        if amount >= row.threshold_eur:
            chosen = row
            following = None
        elif following is None:
            following = row
    if chosen is None:
        return None
    return RouteDecision(value=amount, on_date=on_date, threshold=chosen, next_threshold=following)


def route_data(row, lang: str = "et") -> dict:
    """A threshold row as the documents' ``procurement_route`` (procurement/documents/README.md):
    the name in `lang`, the legal source in every language the row has (the documents pick
    theirs), no threshold figure for the low-value route (it has no lower bound to print)."""
    return {
        "slug": row.route,
        "name": row.name_in(lang),
        "threshold_eur": None if row.route == "low_value" else f"{row.threshold_eur:.2f}",
        "legal_source": {
            "et": row.legal_source,
            "en": row.legal_source_en,
            "ru": row.legal_source_ru,
        },
        "applies_from": row.applies_from.isoformat(),
    }
