"""Finding assets: text search, facets with counts, sort — over what the user may see.

Text search reads `Asset.search_text` (titles, descriptions, alt texts and long descriptions in
all three languages, tags, creator and campaign, casefolded; kept current by
`brandkit.library.signals`). On PostgreSQL the query also goes through full-text search
(`SearchVector` with the language-neutral 'simple' configuration, `websearch` query syntax);
a plain "every word occurs" match is always there too, so part of a word still finds the asset
and SQLite works the same way.

Facet counts are "disjunctive": each facet is counted with every other filter applied but not
its own, so the reader sees what choosing another value of that facet would give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from brandkit.library.models import (
    LANGUAGE_CHOICES,
    Asset,
    AssetKind,
    AssetStatus,
    Campaign,
    TopicArea,
)
from brandkit.library.permissions import visible_assets
from brandkit.roles import TOPIC_OWNER, WEB_MANAGER, user_roles

HIDDEN_STATUSES = (AssetStatus.ARCHIVED, AssetStatus.EXPIRED)
SORTS = {
    "newest": _("newest first"),
    "updated": _("recently updated"),
    "title": _("title A–Z"),
}
FACETS = ("kind", "topic", "language", "status", "preset", "campaign", "colour")
MAX_QUERY_LENGTH = 200


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    swatch: str = ""


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def selected(self) -> FacetValue | None:
        return next((v for v in self.values if v.selected), None)


@dataclass
class SearchResult:
    assets: QuerySet[Asset]
    facets: list[Facet]
    query: str
    filters: dict[str, str]
    sort: str


def _terms(query: str) -> list[str]:
    words = [w.strip("\"'+-()") for w in query.casefold().split()]
    return [w for w in words if w and w != "or"]


def text_filter(queryset: QuerySet[Asset], query: str) -> QuerySet[Asset]:
    terms = _terms(query)
    if not terms:
        return queryset
    every_word = Q()
    for term in terms:
        every_word &= Q(search_text__contains=term)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        queryset = queryset.annotate(fts=SearchVector("search_text", config="simple")).filter(
            Q(fts=SearchQuery(query.casefold(), search_type="websearch", config="simple"))
            | every_word
        )
        return queryset
    return queryset.filter(every_word)


class Filters:
    """The facet filters chosen in the query string, each validated against its choices."""

    def __init__(self, params, *, user, brandbook):
        roles = user_roles(user)
        self.is_manager = WEB_MANAGER in roles
        self.may_filter_status = bool(roles & {WEB_MANAGER, TOPIC_OWNER})
        self.brandbook = brandbook
        self.values: dict[str, str] = {}
        for name in FACETS:
            value = (params.get(name) or "").strip()[:60]
            if value and self._valid(name, value):
                self.values[name] = value

    def _valid(self, name: str, value: str) -> bool:
        if name == "kind":
            return value in AssetKind.values
        if name in ("topic", "campaign"):
            return value.isdigit()
        if name == "language":
            return value in {code for code, _label in LANGUAGE_CHOICES}
        if name == "status":
            if not self.may_filter_status or value not in AssetStatus.values:
                return False
            return self.is_manager or value not in HIDDEN_STATUSES
        return True  # preset and colour are slugs: an unknown one simply matches nothing

    def q(self, name: str, value: str) -> Q:
        return {
            "kind": lambda: Q(kind=value),
            "topic": lambda: Q(topic_id=int(value)),
            "language": lambda: Q(languages__contains=value),
            "status": lambda: Q(status=value),
            "preset": lambda: Q(preset_slug=value),
            "campaign": lambda: Q(campaign_id=int(value)),
            "colour": lambda: Q(dominant_colour=value),
        }[name]()

    def apply(self, queryset: QuerySet[Asset], *, without: str | None = None) -> QuerySet[Asset]:
        for name, value in self.values.items():
            if name != without:
                queryset = queryset.filter(self.q(name, value))
        if without == "status":
            if not self.is_manager:  # only web managers may choose the hidden statuses
                queryset = queryset.exclude(status__in=HIDDEN_STATUSES)
        elif "status" not in self.values:
            queryset = queryset.exclude(status__in=HIDDEN_STATUSES)
        return queryset


def _url(params: dict[str, str], **changes: str | None) -> str:
    merged = {k: v for k, v in params.items() if v}
    for key, value in changes.items():
        if value:
            merged[key] = value
        else:
            merged.pop(key, None)
    merged.pop("page", None)
    return "?" + urlencode(merged) if merged else "?"


def _sorted(queryset: QuerySet[Asset], sort: str) -> QuerySet[Asset]:
    if sort == "title":
        lang = (get_language() or "et")[:2]
        column = f"title_{lang}" if lang in ("en", "ru") else "title_et"
        return queryset.annotate(
            sort_title=Lower(Coalesce(NullIf(column, Value("")), "title_et"))
        ).order_by("sort_title", "pk")
    if sort == "updated":
        return queryset.order_by("-updated_at", "-pk")
    return queryset.order_by("-created_at", "-pk")


def _preset_labels(brandbook) -> dict[str, str]:
    if brandbook is None:
        return {}
    return {p.slug: p.name for p in brandbook.presets.all()}


def _colours(brandbook) -> dict[str, tuple[str, str]]:
    if brandbook is None:
        return {}
    return {c.slug: (c.name, c.hex) for c in brandbook.colours.all()}


def search(user, params, *, brandbook=None) -> SearchResult:
    query = (params.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    sort = params.get("sort") if params.get("sort") in SORTS else "newest"
    filters = Filters(params, user=user, brandbook=brandbook)
    base = text_filter(visible_assets(user), query)
    state = {"q": query, **filters.values}
    if sort != "newest":
        state["sort"] = sort

    def counts(name: str, column: str) -> dict[str, int]:
        rows = (
            filters.apply(base, without=name)
            .exclude(**{f"{column}__isnull": True})
            .exclude(**{column: ""} if column in ("kind", "preset_slug", "dominant_colour") else {})
            .order_by()
            .values(column)
            .annotate(n=Count("pk"))
        )
        return {str(row[column]): row["n"] for row in rows}

    def facet(
        name: str,
        label,
        labels: dict[str, str],
        column: str,
        swatches: dict[str, str] | None = None,
    ) -> Facet:
        found = counts(name, column)
        chosen = filters.values.get(name)
        values = []
        for value, text in labels.items():
            if found.get(value) or value == chosen:
                selected = value == chosen
                values.append(
                    FacetValue(
                        value,
                        text,
                        found.get(value, 0),
                        selected,
                        _url(state, **{name: None if selected else value}),
                        (swatches or {}).get(value, ""),
                    )
                )
        return Facet(name, label, values)

    facets = [
        facet("kind", _("Kind"), {k.value: k.label for k in AssetKind}, "kind"),
        facet(
            "topic",
            _("Topic area"),
            {str(t.pk): t.name for t in TopicArea.objects.all()},
            "topic_id",
        ),
    ]
    language_values = []
    chosen_language = filters.values.get("language")
    without_language = filters.apply(base, without="language")
    for code, label in LANGUAGE_CHOICES:
        n = without_language.filter(languages__contains=code).count()
        if n or code == chosen_language:
            selected = code == chosen_language
            language_values.append(
                FacetValue(
                    code,
                    str(label),
                    n,
                    selected,
                    _url(state, language=None if selected else code),
                )
            )
    facets.append(Facet("language", _("Language"), language_values))
    if filters.may_filter_status:
        statuses = {
            s.value: s.label
            for s in AssetStatus
            if filters.is_manager or s.value not in HIDDEN_STATUSES
        }
        status_facet = facet("status", _("Status"), statuses, "status")
        if not filters.is_manager:
            status_facet.values = [v for v in status_facet.values if v.value not in HIDDEN_STATUSES]
        facets.append(status_facet)
    presets = _preset_labels(brandbook)
    facets.append(
        facet(
            "preset",
            _("Channel preset"),
            {**{s: s for s in counts("preset", "preset_slug")}, **presets},
            "preset_slug",
        )
    )
    facets.append(
        facet(
            "campaign",
            _("Campaign"),
            {str(c.pk): c.name for c in Campaign.objects.all()},
            "campaign_id",
        )
    )
    colours = _colours(brandbook)
    facets.append(
        facet(
            "colour",
            _("Dominant brand colour"),
            {
                **{s: s for s in counts("colour", "dominant_colour")},
                **{slug: name for slug, (name, _hex) in colours.items()},
            },
            "dominant_colour",
            {slug: hex_ for slug, (_name, hex_) in colours.items()},
        )
    )
    assets = _sorted(filters.apply(base), sort).select_related(
        "topic", "campaign", "current_version", "owner"
    )
    return SearchResult(assets, [f for f in facets if f.values], query, filters.values, sort)


def page_url(result: SearchResult, page: int) -> str:
    state = {"q": result.query, **result.filters}
    if result.sort != "newest":
        state["sort"] = result.sort
    state = {k: v for k, v in state.items() if v}
    state["page"] = str(page)
    return "?" + urlencode(state)
