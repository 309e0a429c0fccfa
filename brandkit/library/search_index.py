"""An in-memory index of the asset library: text match, facet counts and order in milliseconds.

Why it exists: every library list request needs a text match, up to seven "disjunctive" facet
counts, a total and one sorted page. In SQL each of those is a pass over the matching rows, and
a common word matches nearly every asset: at 100,000 assets one request cost 4–7 s on SQLite
and over a minute on PostgreSQL (bench_load, before this module). Here the same answers come
from NumPy columns of small integers and a token → rows map.

Pure: no Django. `brandkit.library.search_store` builds it from the database, keeps it current
from a change log that database triggers write, and reads every shown page back from the
database with the user's visibility rules, so the database stays the only truth.

Text: a query word matches an asset when it occurs inside one of the whitespace-separated
tokens of the asset's casefolded search text. Because a query word holds no whitespace, that is
exactly what `LIKE '%word%'` on the whole text means — part of a word still finds the asset
(toetus finds lapsetoetus, as Estonian compounds need).

Letters: matching ignores diacritics of Latin letters and ё/е (`fold`), because people type
"tous" for "tõus" on keyboards without Estonian letters; rows where every required word occurs
as typed are shown before rows found only by folding (`ordered_ids(first=…)`).
"""

from __future__ import annotations

import unicodedata
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass

import numpy as np

LANGUAGE_BITS = {"et": 1, "en": 2, "ru": 4}
TITLE_LANGUAGES = ("et", "en", "ru")
NO_ID = -1
NO_DATE = np.iinfo(np.int32).max  # "usable without an end date" sorts after every real date
SORTS = ("newest", "updated", "title")
WORD_CACHE_SIZE = 256
_CYRILLIC_FOLDS = str.maketrans({"ё": "е"})


def fold(text: str) -> str:
    """Casefolded text without the diacritics of Latin letters (õ→o, ä→a, ö→o, ü→u, š→s, ž→z,
    é→e …) and with ё→е. Other Cyrillic letters keep their marks: й is a letter of its own, not
    an и with an accent."""
    text = text.casefold()
    if text.isascii():
        return text
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text.translate(_CYRILLIC_FOLDS)):
        if unicodedata.combining(char) and out and out[-1].isascii():
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


@dataclass(frozen=True, slots=True)
class IndexedAsset:
    """What the index keeps of one asset."""

    id: int
    text: str  # casefolded search text
    status: str
    kind: str
    topic: int | None
    campaign: int | None
    preset: str
    colour: str
    languages: str  # space-separated codes, as Asset.languages
    owner: int | None
    has_version: bool  # a current version is set
    version_approved: bool  # and that version is approved
    usable_until: int | None  # date.toordinal(), or None for no end date
    created: float  # POSIX timestamps
    updated: float
    titles: tuple[str, str, str]  # sort keys for et, en, ru (already casefolded, with fallback)
    approval: str = ""  # "override": the published version was approved over failing checks


@dataclass(frozen=True, slots=True)
class Alternative:
    """One side of an OR: every word in `required` and none in `excluded`."""

    required: tuple[str, ...]
    excluded: tuple[str, ...] = ()


def parse_query(query: str) -> list[Alternative]:
    """Words are all required; `or` between words gives alternatives; a leading `-` excludes a
    word. Quotes, brackets and `+` around a word are ignored. An empty list means no text
    condition at all."""
    groups: list[tuple[list[str], list[str]]] = [([], [])]
    for raw in query.casefold().split():
        if raw == "or":
            groups.append(([], []))
            continue
        excluded = raw.startswith("-") and len(raw) > 1
        word = raw.strip("\"'+-()")
        if word:
            groups[-1][1 if excluded else 0].append(word)
    return [Alternative(tuple(r), tuple(e)) for r, e in groups if r or e]


class _Codes:
    """Text values of a column as small integers, in the order first seen."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self.codes: dict[str, int] = {}

    def code(self, value: str) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found

    def lookup(self, value: str) -> int:
        """The code of a value, or -1 (which matches no row) for one never seen."""
        return self.codes.get(value, -1)


class SearchIndex:
    """Columns over every asset ever added; a replaced or removed asset's old row stays, marked
    not alive, until the next full build (`waste` says how much of that there is)."""

    CODED = ("status", "kind", "preset", "colour", "approval")

    def __init__(self, assets: Iterable[IndexedAsset] = ()) -> None:
        self._codes = {name: _Codes() for name in self.CODED}
        self.ids = np.zeros(0, dtype=np.int64)
        self.alive = np.zeros(0, dtype=bool)
        self.coded = {name: np.zeros(0, dtype=np.int16) for name in self.CODED}
        self.topic = np.zeros(0, dtype=np.int64)
        self.campaign = np.zeros(0, dtype=np.int64)
        self.owner = np.zeros(0, dtype=np.int64)
        self.languages = np.zeros(0, dtype=np.uint8)
        self.has_version = np.zeros(0, dtype=bool)
        self.version_approved = np.zeros(0, dtype=bool)
        self.usable_until = np.zeros(0, dtype=np.int32)
        self.created = np.zeros(0, dtype=np.float64)
        self.updated = np.zeros(0, dtype=np.float64)
        self._titles: tuple[list[str], list[str], list[str]] = ([], [], [])
        self._position: dict[int, int] = {}
        self._postings: dict[str, np.ndarray] = {}
        self._tokens: list[str] = []
        self._folded: list[str] = []  # fold() of each token, in the order of _tokens
        self._orders: dict[str, np.ndarray] = {}
        self._words: OrderedDict[str, np.ndarray] = OrderedDict()
        self.replace(assets)

    # --- keeping it current ---------------------------------------------------------------

    def __len__(self) -> int:
        """Assets in the index (alive rows)."""
        return int(self.alive.sum())

    @property
    def waste(self) -> float:
        """The share of rows that belong to replaced or removed assets."""
        return 0.0 if not len(self.ids) else 1.0 - len(self) / len(self.ids)

    def copy(self) -> SearchIndex:
        """An index that can be changed while this one keeps answering other threads' searches
        unchanged: arrays that `replace` changes in place are copied, the others are shared
        (replace swaps them for new ones)."""
        twin = object.__new__(SearchIndex)
        twin.__dict__.update(self.__dict__)
        twin._codes = {}
        for name, codes in self._codes.items():
            twin._codes[name] = _Codes()
            twin._codes[name].values = list(codes.values)
            twin._codes[name].codes = dict(codes.codes)
        twin.alive = self.alive.copy()
        twin.coded = dict(self.coded)
        twin._titles = tuple(list(titles) for titles in self._titles)
        twin._position = dict(self._position)
        twin._postings = dict(self._postings)
        twin._tokens = list(self._tokens)
        twin._folded = list(self._folded)
        twin._orders = {}
        twin._words = OrderedDict()
        return twin

    def replace(self, assets: Iterable[IndexedAsset], removed: Iterable[int] = ()) -> None:
        """Add or replace these assets and forget the removed ids (an id given twice: the
        last one counts)."""
        assets = list({asset.id: asset for asset in assets}.values())
        for asset_id in [*removed, *(a.id for a in assets)]:
            position = self._position.pop(asset_id, None)
            if position is not None:
                self.alive[position] = False
        if assets:
            self._append(assets)
        self._orders.clear()
        self._words.clear()

    def _append(self, assets: list[IndexedAsset]) -> None:
        start = len(self.ids)
        positions = range(start, start + len(assets))

        def grow(array: np.ndarray, values) -> np.ndarray:
            return np.concatenate([array, np.asarray(values, dtype=array.dtype)])

        self.ids = grow(self.ids, [a.id for a in assets])
        self.alive = grow(self.alive, [True] * len(assets))
        for name in self.CODED:
            codes = self._codes[name]
            values = [codes.code(getattr(a, name)) for a in assets]
            self.coded[name] = grow(self.coded[name], values)
        self.topic = grow(self.topic, [NO_ID if a.topic is None else a.topic for a in assets])
        self.campaign = grow(
            self.campaign, [NO_ID if a.campaign is None else a.campaign for a in assets]
        )
        self.owner = grow(self.owner, [NO_ID if a.owner is None else a.owner for a in assets])
        self.languages = grow(
            self.languages,
            [sum(LANGUAGE_BITS.get(c, 0) for c in set(a.languages.split())) for a in assets],
        )
        self.has_version = grow(self.has_version, [a.has_version for a in assets])
        self.version_approved = grow(self.version_approved, [a.version_approved for a in assets])
        self.usable_until = grow(
            self.usable_until,
            [NO_DATE if a.usable_until is None else a.usable_until for a in assets],
        )
        self.created = grow(self.created, [a.created for a in assets])
        self.updated = grow(self.updated, [a.updated for a in assets])
        for i, titles in enumerate(self._titles):
            titles.extend(a.titles[i] for a in assets)
        added: dict[str, array] = {}  # 4 bytes a row, where a list of ints costs ~36
        for position, asset in zip(positions, assets, strict=True):
            self._position[asset.id] = position
            for token in set(asset.text.split()):
                found = added.get(token)
                if found is None:
                    found = added[token] = array("i")
                found.append(position)
        for token, new in added.items():
            old = self._postings.get(token)
            fresh = np.frombuffer(new, dtype=np.int32)
            if old is None:
                self._tokens.append(token)
                folded = fold(token)
                self._folded.append(token if folded == token else folded)
                self._postings[token] = fresh
            else:
                self._postings[token] = np.concatenate([old, fresh])

    # --- text -----------------------------------------------------------------------------

    def word(self, word: str, *, exact: bool = False) -> np.ndarray:
        """Rows whose text holds `word` — with diacritics ignored, or as typed when `exact`
        (dead rows included; callers mask with `alive`)."""
        key = ("=" if exact else "~") + word
        cached = self._words.get(key)
        if cached is not None:
            with suppress(KeyError):  # another thread's search may have just evicted it
                self._words.move_to_end(key)
            return cached
        if exact:
            postings = [self._postings[token] for token in self._tokens if word in token]
        else:
            folded = fold(word)
            postings = [
                self._postings[token]
                for token, plain in zip(self._tokens, self._folded, strict=True)
                if folded in plain
            ]
        mask = np.zeros(len(self.ids), dtype=bool)
        if postings:
            mask[np.concatenate(postings)] = True
        self._words[key] = mask
        if len(self._words) > WORD_CACHE_SIZE:
            self._words.popitem(last=False)
        return mask

    def text(self, query: str, *, exact: bool = False) -> np.ndarray | None:
        """Rows matching the query (see parse_query), or None when it asks nothing. Without
        `exact`, diacritics are ignored; with it, the required words must occur as typed."""
        alternatives = parse_query(query)
        if not alternatives:
            return None
        found = np.zeros(len(self.ids), dtype=bool)
        for alternative in alternatives:
            mask = np.ones(len(self.ids), dtype=bool)
            for word in alternative.required:
                mask &= self.word(word, exact=exact)
            for word in alternative.excluded:
                mask &= ~self.word(word)
            found |= mask
        return found

    # --- conditions -----------------------------------------------------------------------

    def equals(self, column: str, value) -> np.ndarray:
        """Rows where a column has this value (a text value for the coded columns)."""
        if column in self.CODED:
            return self.coded[column] == self._codes[column].lookup(value)
        return getattr(self, column) == value

    def is_in(self, column: str, values: Sequence[str]) -> np.ndarray:
        codes = [self._codes[column].lookup(v) for v in values]
        return np.isin(self.coded[column], codes)

    def has_language(self, code: str) -> np.ndarray:
        return (self.languages & LANGUAGE_BITS.get(code, 0)) != 0

    def everything(self) -> np.ndarray:
        return self.alive.copy()

    def nothing(self) -> np.ndarray:
        return np.zeros(len(self.ids), dtype=bool)

    # --- answers --------------------------------------------------------------------------

    def counts(self, mask: np.ndarray, column: str) -> dict[str, int]:
        """How many rows of the mask have each value of a column; no empty values, no zeros.
        Values are strings (ids too), as they come in a query string."""
        if column == "languages":
            chosen = self.languages[mask]
            found = {
                code: int(np.count_nonzero(chosen & bit)) for code, bit in LANGUAGE_BITS.items()
            }
            return {code: n for code, n in found.items() if n}
        if column in self.CODED:
            values = self._codes[column].values
            tally = np.bincount(self.coded[column][mask], minlength=len(values))
            return {values[c]: int(n) for c, n in enumerate(tally) if n and values[c]}
        values = getattr(self, column)[mask]
        values = values[values != NO_ID]
        if not len(values):
            return {}
        if values.max() <= 100_000:  # database ids of topics or campaigns: count by position
            tally = np.bincount(values)
            return {str(k): int(tally[k]) for k in np.flatnonzero(tally)}
        keys, tally = np.unique(values, return_counts=True)
        return {str(k): int(n) for k, n in zip(keys, tally, strict=True)}

    def order(self, sort: str, language: str = "et") -> np.ndarray:
        """Every row's position in display order: newest first, recently updated first, or by
        title in a language (ties by id, so pages are stable)."""
        key = sort if sort != "title" else f"title:{language}"
        found = self._orders.get(key)
        if found is None:
            if sort == "title":
                titles = self._titles[TITLE_LANGUAGES.index(language)]
                ids = self.ids.tolist()
                found = np.asarray(
                    sorted(range(len(ids)), key=lambda p: (titles[p], ids[p])), dtype=np.int64
                )
            else:
                when = self.updated if sort == "updated" else self.created
                found = np.lexsort((-self.ids, -when))
            self._orders[key] = found
        return found

    def ordered_ids(
        self,
        mask: np.ndarray,
        sort: str,
        language: str = "et",
        first: np.ndarray | None = None,
    ) -> np.ndarray:
        """The ids of the alive rows in the mask, in display order; rows in `first` (e.g. exact
        text matches) before the others, each group in display order."""
        order = self.order(sort, language)
        chosen = order[(mask & self.alive)[order]]
        if first is not None:
            leading = first[chosen]
            if not leading.all():
                chosen = np.concatenate([chosen[leading], chosen[~leading]])
        return self.ids[chosen]
