"""Each process's search index (brandkit.library.search_index), kept current from the database.

The database triggers of migration 0003 append the id of every asset that is inserted, updated
or deleted — or whose versions are — to `AssetChange`. Before each search, one small query
asks whether the log has moved; if it has, only the changed assets are read again and patched
into the index, so a change is visible to the very next search in every process. A full build
happens on the first search in a process, after many changes at once (an import), when
replaced rows take up too much of the index, or after a long idle time (the log is pruned).

Late commits: a transaction can take a log number before another one and commit after it, so
the newest WINDOW entries are re-checked each time (their count is part of the fingerprint)
and every entry not yet applied is applied, whatever its number.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import timedelta
from itertools import islice

from django.db.models import Count, Max

from brandkit.library.models import Asset, AssetChange, VersionState
from brandkit.library.search_index import IndexedAsset, SearchIndex

logger = logging.getLogger(__name__)

BATCH = 5000  # rows read and indexed at a time while building
WINDOW = 1000  # the newest log entries re-checked on every search
PATCH_LIMIT = 5000  # more changes than this at once: build afresh instead of patching
MAX_WASTE = 0.25  # share of replaced rows at which the index is built afresh
CHANGE_LOG_KEPT = timedelta(days=7)  # expire_assets (daily) prunes older log entries
MAX_IDLE_SECONDS = 24 * 3600  # a process idle this long builds afresh: far inside the week

OVERRIDE = "override"  # the approval facet's one value

FIELDS = (
    "id",
    "search_text",
    "status",
    "kind",
    "topic_id",
    "campaign_id",
    "preset_slug",
    "dominant_colour",
    "languages",
    "owner_id",
    "current_version_id",
    "current_version__state",
    "usable_until",
    "created_at",
    "updated_at",
    "title_et",
    "title_en",
    "title_ru",
    "current_version__override_reason",
)


def _indexed(row: tuple) -> IndexedAsset:
    (
        pk,
        text,
        status,
        kind,
        topic,
        campaign,
        preset,
        colour,
        languages,
        owner,
        version,
        version_state,
        usable_until,
        created,
        updated,
        title_et,
        title_en,
        title_ru,
        override_reason,
    ) = row
    fallback = title_et.casefold()
    return IndexedAsset(
        id=pk,
        text=text or "",
        status=status,
        kind=kind,
        topic=topic,
        campaign=campaign,
        preset=preset,
        colour=colour,
        languages=languages,
        owner=owner,
        has_version=version is not None,
        version_approved=version_state == VersionState.APPROVED,
        usable_until=usable_until.toordinal() if usable_until else None,
        created=created.timestamp(),
        updated=updated.timestamp(),
        titles=(fallback, title_en.casefold() or fallback, title_ru.casefold() or fallback),
        approval=OVERRIDE if version is not None and override_reason else "",
    )


def _read(ids: Iterable[int] | None = None) -> Iterator[IndexedAsset]:
    assets = Asset.objects.order_by()
    if ids is not None:
        assets = assets.filter(pk__in=list(ids))
    for row in assets.values_list(*FIELDS).iterator(chunk_size=BATCH):
        yield _indexed(row)


def _batches(rows: Iterator[IndexedAsset]) -> Iterator[list[IndexedAsset]]:
    """A few thousand rows at a time, so a build never holds every asset's text at once."""
    while batch := list(islice(rows, BATCH)):
        yield batch


class _State:
    def __init__(self) -> None:
        self.index: SearchIndex | None = None
        self.seen: set[int] = set()  # applied log entries among the newest WINDOW
        self.top = 0  # the highest log entry applied
        self.fingerprint: tuple | None = None
        self.checked = 0.0  # time.monotonic() of the last look at the log


_state = _State()
_lock = threading.RLock()
_generation = 0


def generation() -> int:
    """A number that changes whenever this process builds or patches its index (for callers
    that keep something per index, such as gunicorn.conf.py's garbage-collector freeze)."""
    return _generation


def _changed() -> None:
    global _generation
    _generation += 1


def reset() -> None:
    """Forget this process's index (the next search builds it again)."""
    with _lock:
        _set(_State())


def _fingerprint(low: int, entries: Iterable[int]) -> tuple:
    newer = [seq for seq in entries if seq > low]
    return (low, len(newer), max(newer, default=None))


def _build() -> SearchIndex:
    started = time.perf_counter()
    top = AssetChange.objects.aggregate(top=Max("seq"))["top"] or 0
    low = max(0, top - WINDOW)
    seen = set(AssetChange.objects.filter(seq__gt=low).values_list("seq", flat=True))
    index = SearchIndex()
    for batch in _batches(_read()):
        index.replace(batch)
    state = _State()
    state.index, state.seen, state.top = index, seen, max(seen, default=top)
    state.fingerprint = _fingerprint(low, seen)
    state.checked = time.monotonic()
    _set(state)
    _changed()
    logger.info(
        "search index built: %d assets in %.2f s", len(index), time.perf_counter() - started
    )
    return index


def _set(state: _State) -> None:
    global _state
    _state = state


def current() -> SearchIndex:
    """This process's index, brought up to date with the database."""
    with _lock:
        state = _state
        if state.index is None or time.monotonic() - state.checked > MAX_IDLE_SECONDS:
            return _build()
        state.checked = time.monotonic()
        low = max(0, state.top - WINDOW)
        newest = AssetChange.objects.filter(seq__gt=low)
        found = newest.aggregate(n=Count("seq"), top=Max("seq"))
        if (low, found["n"], found["top"]) == state.fingerprint:
            return state.index
        entries = list(newest.values_list("seq", "asset_id"))
        fresh = [(seq, asset_id) for seq, asset_id in entries if seq not in state.seen]
        if len(fresh) > PATCH_LIMIT or state.index.waste > MAX_WASTE:
            return _build()
        changed = {asset_id for _seq, asset_id in fresh}
        rows = list(_read(changed))
        index = state.index.copy()  # searches running in other threads keep the old one
        index.replace(rows, removed=changed - {row.id for row in rows})
        state.index = index
        _changed()
        state.top = max([state.top, *(seq for seq, _id in fresh)])
        low = max(0, state.top - WINDOW)
        state.seen = {seq for seq, _id in entries if seq > low}
        state.fingerprint = _fingerprint(low, state.seen)
        return state.index
