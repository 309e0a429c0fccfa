"""Finding assets: text search, facets with counts, sort — over what the user may see.

The answers come from this process's in-memory index (search_index.py, kept current by
search_store.py): at 100,000 assets the same work in SQL cost seconds per request. The page of
assets shown is read back from the database with `visible_assets`, so the database's
permission rule has the last word even if the index were behind.

Text search reads `Asset.search_text` (titles, descriptions, alt texts and long descriptions in
all three languages, tags, creator and campaign, casefolded; kept current by
`brandkit.library.signals`). Every word must occur, also as part of a longer word (toetus finds
lapsetoetus); `or` between words gives alternatives and `-word` excludes a word
(search_index.parse_query). Diacritics are ignored (tous finds tõus), and assets where the
words occur as typed come first.

Facet counts are "disjunctive": each facet is counted with every other filter applied but not
its own, so the reader sees what choosing another value of that facet would give.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode

import numpy as np
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from brandkit.checks.palette import OFF_PALETTE
from brandkit.library import search_store
from brandkit.library.models import (
    LANGS,
    LANGUAGE_CHOICES,
    Asset,
    AssetKind,
    AssetStatus,
    Campaign,
    TopicArea,
)
from brandkit.library.permissions import visible_assets, visible_rows
from brandkit.library.search_index import SearchIndex
from brandkit.request_params import parse_id
from brandkit.roles import TOPIC_OWNER, WEB_MANAGER, user_roles

HIDDEN_STATUSES = (AssetStatus.ARCHIVED, AssetStatus.EXPIRED)
SORTS = {
    "newest": _("newest first"),
    "updated": _("recently updated"),
    "title": _("title A–Z"),
}
FACETS = ("kind", "topic", "language", "status", "preset", "campaign", "colour", "approval")
COLUMNS = {  # facet → index column
    "kind": "kind",
    "topic": "topic",
    "language": "languages",
    "status": "status",
    "preset": "preset",
    "campaign": "campaign",
    "colour": "colour",
    "approval": "approval",
}
MAX_QUERY_LENGTH = 200
CARD_UNUSED_FIELDS = (
    "search_text",
    *(f"{prefix}_{lang}" for prefix in ("description", "long_description") for lang in LANGS),
)


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
    assets: IndexedAssets
    facets: list[Facet]
    query: str
    filters: dict[str, str]
    sort: str


class IndexedAssets:
    """The matching assets in display order, read from the database a slice at a time (what
    Django's Paginator needs: count() and slicing). Rows the database no longer shows this
    user are left out of a slice."""

    def __init__(self, ids: np.ndarray, queryset: QuerySet[Asset]):
        self.ids = ids
        self.queryset = queryset

    def count(self) -> int:
        return len(self.ids)

    __len__ = count

    def __getitem__(self, key: slice) -> list[Asset]:
        if not isinstance(key, slice):
            raise TypeError("IndexedAssets supports slices only")
        wanted = [int(pk) for pk in self.ids[key]]
        found = self.queryset.in_bulk(wanted) if wanted else {}
        return [found[pk] for pk in wanted if pk in found]

    def __iter__(self) -> Iterator[Asset]:
        for start in range(0, len(self.ids), 500):
            yield from self[start : start + 500]


class Filters:
    """The facet filters chosen in the query string, each validated against its choices."""

    def __init__(self, params, *, user, brandbook):
        roles = user_roles(user)
        self.is_manager = WEB_MANAGER in roles
        self.may_filter_status = bool(roles & {WEB_MANAGER, TOPIC_OWNER})
        self.brandbook = brandbook
        self._hidden: np.ndarray | None = None
        self.values: dict[str, str] = {}
        for name in FACETS:
            value = (params.get(name) or "").strip()[:60]
            if value and self._valid(name, value):
                self.values[name] = value

    def _valid(self, name: str, value: str) -> bool:
        if name == "kind":
            return value in AssetKind.values
        if name in ("topic", "campaign"):
            return parse_id(value) is not None
        if name == "language":
            return value in {code for code, _label in LANGUAGE_CHOICES}
        if name == "approval":
            return value == search_store.OVERRIDE
        if name == "status":
            if not self.may_filter_status or value not in AssetStatus.values:
                return False
            return self.is_manager or value not in HIDDEN_STATUSES
        return True  # preset and colour are slugs: an unknown one simply matches nothing

    def rows(self, index: SearchIndex, name: str, value: str) -> np.ndarray:
        if name in ("topic", "campaign"):
            return getattr(index, name) == int(value)
        if name == "language":
            return index.has_language(value)
        return index.equals(COLUMNS[name], value)

    def apply(
        self, index: SearchIndex, rows: np.ndarray, *, without: str | None = None
    ) -> np.ndarray:
        for name, value in self.values.items():
            if name != without:
                rows = rows & self.rows(index, name, value)
        if self._hidden is None:  # one request, one index: the same mask for every facet
            self._hidden = index.is_in("status", HIDDEN_STATUSES)
        hidden = self._hidden
        if without == "status":
            if not self.is_manager:  # only web managers may choose the hidden statuses
                rows = rows & ~hidden
        elif "status" not in self.values:
            rows = rows & ~hidden
        return rows


def _url(params: dict[str, str], **changes: str | None) -> str:
    merged = {k: v for k, v in params.items() if v}
    for key, value in changes.items():
        if value:
            merged[key] = value
        else:
            merged.pop(key, None)
    merged.pop("page", None)
    return "?" + urlencode(merged) if merged else "?"


def _preset_labels(brandbook) -> dict[str, str]:
    if brandbook is None:
        return {}
    return {p.slug: p.name for p in brandbook.presets.all()}


def _colours(brandbook) -> dict[str, tuple[str, str]]:
    if brandbook is None:
        return {}
    return {c.slug: (c.name, c.hex) for c in brandbook.colours.all()}


def _title_language() -> str:
    lang = (get_language() or "et")[:2]
    return lang if lang in ("en", "ru") else "et"


def search(user, params, *, brandbook=None) -> SearchResult:
    query = (params.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    sort = params.get("sort") if params.get("sort") in SORTS else "newest"
    filters = Filters(params, user=user, brandbook=brandbook)
    index = search_store.current()
    base = visible_rows(index, user)
    text = index.text(query)
    exact = None
    if text is not None:
        base = base & text
        exact = index.text(query, exact=True)
    state = {"q": query, **filters.values}
    if sort != "newest":
        state["sort"] = sort

    def facet(
        name: str,
        label,
        labels: dict[str, str],
        swatches: dict[str, str] | None = None,
        *,
        counted: dict[str, int] | None = None,
    ) -> Facet:
        found = counted if counted is not None else counts(name)
        chosen = filters.values.get(name)
        values = []
        for value, text in labels.items():
            if found.get(value) or value == chosen:
                selected = value == chosen
                values.append(
                    FacetValue(
                        value,
                        str(text),
                        found.get(value, 0),
                        selected,
                        _url(state, **{name: None if selected else value}),
                        (swatches or {}).get(value, ""),
                    )
                )
        return Facet(name, label, values)

    def counts(name: str) -> dict[str, int]:
        return index.counts(filters.apply(index, base, without=name), COLUMNS[name])

    facets = [
        facet("kind", _("Kind"), {k.value: k.label for k in AssetKind}),
        facet("topic", _("Topic area"), {str(t.pk): t.name for t in TopicArea.objects.all()}),
        facet("language", _("Language"), dict(LANGUAGE_CHOICES)),
    ]
    if filters.may_filter_status:
        statuses = {
            s.value: s.label
            for s in AssetStatus
            if filters.is_manager or s.value not in HIDDEN_STATUSES
        }
        facets.append(facet("status", _("Status"), statuses))
    preset_counts = counts("preset")
    facets.append(
        facet(
            "preset",
            _("Channel preset"),
            {**{s: s for s in preset_counts}, **_preset_labels(brandbook)},
            counted=preset_counts,
        )
    )
    facets.append(
        facet("campaign", _("Campaign"), {str(c.pk): c.name for c in Campaign.objects.all()})
    )
    colours = _colours(brandbook)
    colour_counts = counts("colour")
    facets.append(
        facet(
            "colour",
            _("Dominant brand colour"),
            {
                **{s: s for s in colour_counts},
                OFF_PALETTE: _("off-palette"),
                **{slug: name for slug, (name, _hex) in colours.items()},
            },
            {slug: hex_ for slug, (_name, hex_) in colours.items()},
            counted=colour_counts,
        )
    )
    facets.append(
        facet(
            "approval",
            _("Approval"),
            {search_store.OVERRIDE: _("approved over failing checks")},
        )
    )
    ids = index.ordered_ids(filters.apply(index, base), sort, _title_language(), first=exact)
    shown = (
        visible_assets(user)
        .select_related("topic", "campaign", "current_version", "owner")
        .defer(*CARD_UNUSED_FIELDS)  # ~2 KB a row that the cards never show
    )
    return SearchResult(
        IndexedAssets(ids, shown), [f for f in facets if f.values], query, filters.values, sort
    )


def page_url(result: SearchResult, page: int) -> str:
    state = {"q": result.query, **result.filters}
    if result.sort != "newest":
        state["sort"] = result.sort
    state = {k: v for k, v in state.items() if v}
    state["page"] = str(page)
    return "?" + urlencode(state)
