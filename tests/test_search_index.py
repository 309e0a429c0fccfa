"""The in-memory search index on its own (no database): query parsing, text match, facet counts,
order, and keeping it current with replace(); then a property test against a naive model."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandkit.library import search_index
from brandkit.library.search_index import (
    LANGUAGE_BITS,
    Alternative,
    IndexedAsset,
    SearchIndex,
    fold,
    parse_query,
)


def asset(asset_id: int, text: str = "", **fields) -> IndexedAsset:
    values = {
        "id": asset_id,
        "text": text,
        "status": "approved",
        "kind": "banner",
        "topic": None,
        "campaign": None,
        "preset": "",
        "colour": "",
        "languages": "et",
        "owner": None,
        "has_version": True,
        "version_approved": True,
        "usable_until": None,
        "created": 1_700_000_000.0 + asset_id,
        "updated": 1_700_000_000.0 + asset_id,
        "titles": (f"t{asset_id:03d}",) * 3,
    }
    values.update(fields)
    return IndexedAsset(**values)


def live_ids(index: SearchIndex, mask: np.ndarray) -> set[int]:
    return {int(i) for i in index.ids[mask & index.alive]}


def found(index: SearchIndex, query: str) -> set[int]:
    mask = index.text(query)
    assert mask is not None, query
    return live_ids(index, mask)


# --- parse_query ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", []),
        ("   \n\t ", []),
        ("or", []),
        ("or OR or", []),
        ("-", []),
        ('"" () +', []),
        ("Pension", [Alternative(("pension",))]),
        ("pension  Sambas", [Alternative(("pension", "sambas"))]),
        ("SÜGIS Straße", [Alternative(("sügis", "strasse"))]),
        ("logo or banner", [Alternative(("logo",)), Alternative(("banner",))]),
        ("logo OR banner Or ikoon", [Alternative((w,)) for w in ("logo", "banner", "ikoon")]),
        ("or logo or", [Alternative(("logo",))]),
        ("a b or c", [Alternative(("a", "b")), Alternative(("c",))]),
        ("-logo banner", [Alternative(("banner",), ("logo",))]),
        ("banner -logo -ikoon", [Alternative(("banner",), ("logo", "ikoon"))]),
        ("-logo", [Alternative((), ("logo",))]),
        ("a or -b", [Alternative(("a",)), Alternative((), ("b",))]),
        ("\"pension\" +sammas (logo) 'x'", [Alternative(("pension", "sammas", "logo", "x"))]),
        ('-"logo" -(ikoon)', [Alternative((), ("logo", "ikoon"))]),
        ("- logo", [Alternative(("logo",))]),  # a lone dash is no exclusion
        ("e-post", [Alternative(("e-post",))]),  # a dash inside a word stays
        ("-or", [Alternative((), ("or",))]),  # only a bare `or` separates
        ('"or"', [Alternative(("or",))]),
        ("50%", [Alternative(("50%",))]),
    ],
)
def test_parse_query(query, expected):
    assert parse_query(query) == expected


# --- text -----------------------------------------------------------------------------------


@pytest.fixture
def texts() -> SearchIndex:
    return SearchIndex(
        [
            asset(1, "lapsetoetus\nperetoetus"),
            asset(2, "toetus"),
            asset(3, "pere toetus"),
            asset(4, "logo\tsinine banner"),
            asset(5, ""),
            asset(6, "e-post 50%"),
        ]
    )


def test_a_word_matches_inside_a_token(texts):
    assert found(texts, "toetus") == {1, 2, 3}
    assert found(texts, "etus") == {1, 2, 3}
    assert found(texts, "lapse") == {1}
    assert found(texts, "pere") == {1, 3}
    assert found(texts, "post") == {6}
    assert found(texts, "%") == {6}  # no LIKE wildcards: a percent sign is a character


def test_a_word_never_matches_across_whitespace(texts):
    assert found(texts, "peretoetus") == {1}  # not 3, "pere toetus"
    assert found(texts, "sininebanner") == set()
    assert found(texts, "logosinine") == set()
    assert found(texts, "usperet") == set()  # not across the newline of asset 1


def test_the_query_is_casefolded(texts):
    assert found(texts, "TOETUS") == found(texts, "toetus") == {1, 2, 3}


def test_all_words_are_required(texts):
    assert found(texts, "pere toetus") == {1, 3}
    assert found(texts, "lapse toetus") == {1}
    assert found(texts, "logo toetus") == set()


def test_alternatives_and_exclusions(texts):
    assert found(texts, "logo or lapse") == {1, 4}
    assert found(texts, "toetus -pere") == {2}  # "pere" is also inside "peretoetus"
    assert found(texts, "toetus -lapsetoetus") == {2, 3}
    assert found(texts, "-toetus") == {4, 5, 6}
    assert found(texts, "-toetus or lapse") == {1, 4, 5, 6}
    assert found(texts, '"logo" or (post) -x') == {4, 6}


def test_no_words_means_no_text_condition(texts):
    for query in ("", "  ", "or", "-", '""'):
        assert texts.text(query) is None


def test_word_masks_are_cached_but_follow_replace(texts):
    before = texts.word("toetus")
    assert texts.word("toetus") is before  # cached
    texts.replace([asset(7, "toetusepäev")])
    assert found(texts, "toetus") == {1, 2, 3, 7}
    texts.replace([asset(2, "muu")])
    assert found(texts, "toetus") == {1, 3, 7}


def test_the_word_cache_is_bounded(monkeypatch, texts):
    monkeypatch.setattr(search_index, "WORD_CACHE_SIZE", 3)
    for word in ("a", "b", "c", "d", "toetus", "pere", "logo"):
        texts.word(word)
    assert len(texts._words) == 3
    assert found(texts, "lapse") == {1}  # evicted and recomputed words are still right
    assert found(texts, "a") == {1, 4}


def test_a_cached_word_evicted_by_another_thread_meanwhile_is_no_error(texts):
    """Searches in several threads share one index and its word cache: between one thread's
    cache look-up and its move_to_end, another may evict that very word."""
    from collections import OrderedDict

    class EvictedAfterGet(OrderedDict):
        def get(self, key, default=None):
            found = super().get(key, default)
            self.pop(key, None)  # what another thread's popitem(last=False) can do
            return found

    texts.word("toetus")
    texts._words = EvictedAfterGet(texts._words)
    assert found(texts, "toetus") == {1, 2, 3}


# --- replace, removal, waste ----------------------------------------------------------------


def test_replacing_an_asset_kills_its_old_row():
    index = SearchIndex(
        [
            asset(1, "logo", status="approved", updated=10.0),
            asset(2, "pension", status="approved", updated=20.0),
            asset(3, "pension logo", status="draft", updated=30.0),
        ]
    )
    assert index.waste == 0.0
    assert index.ordered_ids(index.everything(), "updated").tolist() == [3, 2, 1]
    index.replace([asset(2, "toetus", status="draft", updated=40.0)])
    assert len(index) == 3 and len(index.ids) == 4
    assert index.alive.tolist() == [True, False, True, True]
    assert index.waste == pytest.approx(0.25)
    assert found(index, "pension") == {3}
    assert found(index, "toetus") == {2}
    assert index.counts(index.everything(), "status") == {"approved": 1, "draft": 2}
    assert index.ordered_ids(index.everything(), "updated").tolist() == [2, 3, 1]
    assert index.ordered_ids(index.text("toetus or pension"), "updated").tolist() == [2, 3]


def test_removal_and_adding_back():
    index = SearchIndex([asset(i, "logo") for i in (1, 2, 3, 4)])
    index.replace([], removed=[2, 99])  # an unknown id is ignored
    assert len(index) == 3 and index.waste == pytest.approx(0.25)
    assert found(index, "logo") == {1, 3, 4}
    assert index.ordered_ids(index.everything(), "newest").tolist() == [4, 3, 1]
    assert index.counts(index.everything(), "kind") == {"banner": 3}
    index.replace([asset(2, "logo", kind="icon")])
    assert len(index) == 4 and index.waste == pytest.approx(0.2)
    assert index.counts(index.everything(), "kind") == {"banner": 3, "icon": 1}
    assert index.ordered_ids(index.everything(), "newest").tolist() == [4, 3, 2, 1]
    index.replace([asset(5, "x")], removed=[1, 3, 4])
    assert sorted(index.ids[index.alive].tolist()) == [2, 5]
    assert index.waste == pytest.approx(1 - 2 / 6)


def test_removed_and_replaced_in_one_call_leaves_the_new_row():
    index = SearchIndex([asset(1, "vana")])
    index.replace([asset(1, "uus")], removed=[1])
    assert found(index, "uus") == {1} and found(index, "vana") == set()
    assert len(index) == 1


def test_an_empty_index():
    index = SearchIndex()
    assert len(index) == 0 and index.waste == 0.0
    assert index.ordered_ids(index.everything(), "title").tolist() == []
    assert index.counts(index.everything(), "status") == {}
    assert index.counts(index.everything(), "topic") == {}
    assert found(index, "x") == set()


def test_a_copy_is_changed_without_changing_the_original():
    original = SearchIndex(
        [
            asset(1, "toetus logo", status="approved", titles=("b",) * 3),
            asset(2, "pension", status="draft", titles=("a",) * 3),
            asset(3, "toetus", status="approved", kind="icon", titles=("c",) * 3),
        ]
    )
    everything = original.everything()
    # warm the caches the copy must not share
    assert found(original, "toetus") == {1, 3}
    assert original.ordered_ids(everything, "title").tolist() == [2, 1, 3]
    before = {
        "ids": original.ids.tolist(),
        "alive": original.alive.tolist(),
        "status": original.counts(everything, "status"),
        "kind": original.counts(everything, "kind"),
        "newest": original.ordered_ids(everything, "newest").tolist(),
    }

    twin = original.copy()
    twin.replace(
        [asset(1, "uus", status="archived", kind="logo", titles=("z",) * 3), asset(4, "toetus")],
        removed=[3],
    )
    assert found(twin, "toetus") == {4}
    assert found(twin, "uus") == {1}
    assert twin.counts(twin.everything(), "status") == {"archived": 1, "draft": 1, "approved": 1}
    assert twin.counts(twin.everything(), "kind") == {"logo": 1, "banner": 2}
    assert twin.ordered_ids(twin.everything(), "title").tolist() == [2, 4, 1]
    assert len(twin) == 3 and twin.waste == pytest.approx(2 / 5)

    assert found(original, "toetus") == {1, 3}
    assert found(original, "uus") == set()
    assert len(original) == 3 and original.waste == 0.0
    assert original.ordered_ids(original.everything(), "title").tolist() == [2, 1, 3]
    assert {
        "ids": original.ids.tolist(),
        "alive": original.alive.tolist(),
        "status": original.counts(original.everything(), "status"),
        "kind": original.counts(original.everything(), "kind"),
        "newest": original.ordered_ids(original.everything(), "newest").tolist(),
    } == before
    # and the other way round: the original changed after the copy was
    original.replace([asset(5, "toetus", titles=("a0",) * 3), asset(1, "muu")], removed=[2])
    assert found(original, "toetus") == {3, 5}
    assert found(original, "muu") == {1}
    assert found(original, "pension") == set()
    assert original.ordered_ids(original.everything(), "title").tolist() == [5, 3, 1]
    assert found(twin, "toetus") == {4}
    assert found(twin, "pension") == {2}
    assert twin.ordered_ids(twin.everything(), "title").tolist() == [2, 4, 1]


# --- conditions and counts ------------------------------------------------------------------


@pytest.fixture
def facets() -> SearchIndex:
    return SearchIndex(
        [
            asset(1, status="approved", kind="banner", preset="fb", colour="", topic=7),
            asset(2, status="draft", kind="banner", preset="", colour="blue", topic=7),
            asset(3, status="archived", kind="icon", preset="fb", colour="blue", topic=None),
            asset(4, status="approved", kind="photo", preset="ig", colour="red", topic=12),
            asset(5, status="expired", kind="photo", preset="", colour="", topic=12),
        ]
    )


def test_counts_of_coded_columns_leave_out_blanks_and_zeros(facets):
    everything = facets.everything()
    assert facets.counts(everything, "status") == {
        "approved": 2,
        "draft": 1,
        "archived": 1,
        "expired": 1,
    }
    assert facets.counts(everything, "preset") == {"fb": 2, "ig": 1}
    assert facets.counts(everything, "colour") == {"blue": 2, "red": 1}
    photos = facets.equals("kind", "photo")
    assert facets.counts(photos, "status") == {"approved": 1, "expired": 1}
    assert facets.counts(photos, "kind") == {"photo": 2}
    assert facets.counts(photos, "colour") == {"red": 1}
    assert facets.counts(facets.nothing(), "status") == {}


def test_counts_of_id_columns_are_strings_without_the_empty_id(facets):
    assert facets.counts(facets.everything(), "topic") == {"7": 2, "12": 2}
    assert facets.counts(facets.equals("status", "approved"), "topic") == {"7": 1, "12": 1}
    none = SearchIndex([asset(1, campaign=None), asset(2, campaign=3), asset(3, campaign=3)])
    assert none.counts(none.everything(), "campaign") == {"3": 2}
    assert none.counts(none.equals("campaign", -1), "campaign") == {}
    large = SearchIndex(
        [asset(1, topic=0), asset(2, topic=250_000), asset(3, topic=250_000), asset(4, topic=None)]
    )
    assert large.counts(large.everything(), "topic") == {"0": 1, "250000": 2}
    assert large.counts(large.ids <= 1, "topic") == {"0": 1}
    assert large.counts(large.ids == 4, "topic") == {}


def test_unknown_values_match_no_row(facets):
    assert not facets.equals("status", "no-such").any()
    assert not facets.equals("kind", "").any()
    assert facets.equals("colour", "").tolist() == [True, False, False, False, True]
    assert facets.is_in("status", ["archived", "expired", "nope"]).tolist() == [
        False,
        False,
        True,
        False,
        True,
    ]
    assert not facets.is_in("status", ["nope"]).any()
    assert (facets.topic == 12).tolist() == [False, False, False, True, True]


def test_languages_are_a_bitmask():
    index = SearchIndex(
        [
            asset(1, languages="et ru"),
            asset(2, languages="en"),
            asset(3, languages=""),
            asset(4, languages="et et xx"),  # a repeated code counts once, unknown codes never
            asset(5, languages="ru en et"),
        ]
    )
    assert index.languages.tolist() == [1 | 4, 2, 0, 1, 7]
    assert index.counts(index.everything(), "languages") == {"et": 3, "en": 2, "ru": 2}
    assert index.has_language("ru").tolist() == [True, False, False, False, True]
    assert index.has_language("en").tolist() == [False, True, False, False, True]
    assert not index.has_language("xx").any()
    only_en = index.ids == 2
    assert index.counts(only_en, "languages") == {"en": 1}
    assert set(LANGUAGE_BITS) == {"et", "en", "ru"}


# --- order ----------------------------------------------------------------------------------


def test_newest_and_updated_orders_break_ties_by_id_descending():
    index = SearchIndex(
        [
            asset(1, created=5.0, updated=1.0),
            asset(2, created=9.0, updated=1.0),
            asset(3, created=5.0, updated=3.0),
            asset(4, created=7.0, updated=3.0),
            asset(5, created=5.0, updated=2.0),
        ]
    )
    everything = index.everything()
    assert index.ordered_ids(everything, "newest").tolist() == [2, 4, 5, 3, 1]
    assert index.ordered_ids(everything, "updated").tolist() == [4, 3, 5, 2, 1]


def test_title_order_per_language_ties_by_id_ascending():
    index = SearchIndex(
        [
            asset(4, titles=("banner", "banner", "баннер")),
            asset(1, titles=("sügis", "autumn", "sügis")),  # no Russian title: the fallback
            asset(3, titles=("banner", "zebra", "баннер")),
            asset(2, titles=("ärid", "business", "бизнес")),
        ]
    )
    everything = index.everything()
    assert index.ordered_ids(everything, "title").tolist() == [3, 4, 1, 2]
    assert index.ordered_ids(everything, "title", "et").tolist() == [3, 4, 1, 2]
    assert index.ordered_ids(everything, "title", "en").tolist() == [1, 4, 2, 3]
    assert index.ordered_ids(everything, "title", "ru").tolist() == [1, 3, 4, 2]


def test_orders_follow_replace():
    index = SearchIndex([asset(i, titles=(f"b{i}",) * 3, created=float(i)) for i in (1, 2, 3)])
    everything = index.everything()
    assert index.ordered_ids(everything, "title").tolist() == [1, 2, 3]
    assert index.ordered_ids(everything, "newest").tolist() == [3, 2, 1]
    index.replace([asset(3, titles=("a",) * 3, created=0.5)])
    everything = index.everything()
    assert index.ordered_ids(everything, "title").tolist() == [3, 1, 2]
    assert index.ordered_ids(everything, "newest").tolist() == [2, 1, 3]


def test_ordered_ids_leave_out_dead_rows_and_rows_outside_the_mask():
    index = SearchIndex([asset(i, "x") for i in (1, 2, 3, 4)])
    index.replace([asset(2, "y")], removed=[3])
    all_rows = np.ones(len(index.ids), dtype=bool)  # dead rows included on purpose
    assert index.ordered_ids(all_rows, "newest").tolist() == [4, 2, 1]
    assert index.ordered_ids(index.text("x"), "newest").tolist() == [4, 1]
    assert index.ordered_ids(index.text("x"), "title").tolist() == [1, 4]
    assert index.ordered_ids(index.nothing(), "updated").tolist() == []


# --- property test: the index against a naive model -----------------------------------------

WORDS = ("toetus", "lapsetoetus", "pere", "peretoetus", "pension", "sammas", "logo", "ab", "sügis")
SEPARATORS = (" ", "\n", "\t", "  ")
STATUSES = ("approved", "draft", "archived", "")
KINDS = ("banner", "icon", "photo")
PRESETS = ("", "fb", "ig")
COLOURS = ("", "blue", "red")
LANGUAGE_STRINGS = ("", "et", "en", "et ru", "ru en et", "et et", "xx en")
TIMES = (0.0, 1.5, 1.7e9, 1.7e9 + 1e-6, 1.7e9 + 3600.0)
TITLES = ("", "a", "ab", "b", "ba", "ä")
IDS = range(1, 13)


@st.composite
def texts_strategy(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), max_size=5))
    out = ""
    for i, word in enumerate(words):
        out += (draw(st.sampled_from(SEPARATORS)) if i else "") + word
    return out


def assets_strategy(asset_id: int):
    return st.builds(
        IndexedAsset,
        id=st.just(asset_id),
        text=texts_strategy(),
        status=st.sampled_from(STATUSES),
        kind=st.sampled_from(KINDS),
        topic=st.sampled_from((None, 1, 2)),
        campaign=st.sampled_from((None, 5, 6, 150_001)),  # also past the bincount limit
        preset=st.sampled_from(PRESETS),
        colour=st.sampled_from(COLOURS),
        languages=st.sampled_from(LANGUAGE_STRINGS),
        owner=st.sampled_from((None, 1, 2)),
        has_version=st.booleans(),
        version_approved=st.booleans(),
        usable_until=st.sampled_from((None, 738000, 739000)),
        created=st.sampled_from(TIMES),
        updated=st.sampled_from(TIMES),
        titles=st.tuples(*[st.sampled_from(TITLES)] * 3),
    )


def batch_strategy():
    return st.lists(st.sampled_from(IDS), unique=True, max_size=6).flatmap(
        lambda ids: st.tuples(*[assets_strategy(i) for i in ids]).map(list)
    )


@st.composite
def query_words(draw) -> str:
    word = draw(st.sampled_from((*WORDS, "zz", "a", "us")))
    start = draw(st.integers(0, len(word) - 1))
    end = draw(st.integers(start + 1, len(word)))
    word = word[start:end]
    return word.upper() if draw(st.booleans()) else word


@st.composite
def queries(draw) -> tuple[str, list[tuple[list[str], list[str]]]]:
    """A query string and, independently of parse_query, what it means: alternatives of
    (required words, excluded words)."""
    groups = draw(
        st.lists(
            st.lists(st.tuples(query_words(), st.booleans()), min_size=1, max_size=3),
            max_size=3,
        )
    )
    rendered = []
    for group in groups:
        parts = []
        for word, excluded in group:
            decorated = draw(st.sampled_from(("{}", '"{}"', "+{}", "({})", "'{}'"))).format(word)
            parts.append(("-" if excluded else "") + decorated)
        rendered.append(" ".join(parts))
    text = " or ".join(rendered)
    if draw(st.booleans()):
        text = draw(st.sampled_from(("or ", "  ", "- "))) + text
    meaning = [
        ([w.casefold() for w, ex in group if not ex], [w.casefold() for w, ex in group if ex])
        for group in groups
    ]
    return text, meaning


def naive_contains(text: str, word: str) -> bool:
    return any(fold(word) in fold(token) for token in text.split())


def naive_match(asset: IndexedAsset, meaning) -> bool:
    return any(
        all(naive_contains(asset.text, w) for w in required)
        and not any(naive_contains(asset.text, w) for w in excluded)
        for required, excluded in meaning
    )


def naive_counts(assets: list[IndexedAsset], column: str) -> dict[str, int]:
    if column == "languages":
        tally = Counter(code for a in assets for code in set(a.languages.split()))
        return {code: n for code, n in tally.items() if code in LANGUAGE_BITS}
    values = [getattr(a, column) for a in assets]
    return dict(Counter(str(v) for v in values if v not in ("", None)))


def naive_order(assets: list[IndexedAsset], sort: str, language: str) -> list[int]:
    if sort == "title":
        position = ("et", "en", "ru").index(language)
        ordered = sorted(assets, key=lambda a: (a.titles[position], a.id))
    elif sort == "updated":
        ordered = sorted(assets, key=lambda a: (-a.updated, -a.id))
    else:
        ordered = sorted(assets, key=lambda a: (-a.created, -a.id))
    return [a.id for a in ordered]


COUNTED = ("status", "kind", "preset", "colour", "topic", "campaign", "owner", "languages")


def check_against_model(index, model: dict[int, IndexedAsset], rows: int, query, sort, language):
    assert len(index) == len(model)
    assert len(index.ids) == rows
    assert index.waste == pytest.approx(0.0 if not rows else 1 - len(model) / rows)
    assert sorted(index.ids[index.alive].tolist()) == sorted(model)
    text, meaning = query
    mask = index.text(text)
    meaning = [group for group in meaning if group[0] or group[1]]
    if not meaning:
        assert mask is None
        chosen = list(model.values())
        mask = index.everything()
    else:
        assert mask is not None
        chosen = [a for a in model.values() if naive_match(a, meaning)]
    assert live_ids(index, mask) == {a.id for a in chosen}
    # ordered_ids masks dead rows itself; counts() count what they are given
    assert index.ordered_ids(mask, sort, language).tolist() == naive_order(chosen, sort, language)
    for column in COUNTED:
        assert index.counts(mask & index.alive, column) == naive_counts(chosen, column), column
    kind = chosen[0].kind if chosen else "banner"
    narrowed = mask & index.equals("kind", kind) & index.has_language("et")
    expected = [a for a in chosen if a.kind == kind and "et" in a.languages.split()]
    assert index.ordered_ids(narrowed, sort, language).tolist() == naive_order(
        expected, sort, language
    )
    hidden = index.is_in("status", ["archived", ""])
    assert live_ids(index, mask & ~hidden) == {
        a.id for a in chosen if a.status not in ("archived", "")
    }


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    initial=batch_strategy(),
    operations=st.lists(
        st.tuples(
            batch_strategy(),
            st.lists(st.sampled_from(IDS), max_size=4),
            st.booleans(),  # on a copy
            st.integers(0, 4),  # of which earlier index
        ),
        max_size=4,
    ),
    checks=st.lists(
        st.tuples(
            queries(),
            st.sampled_from(("newest", "updated", "title")),
            st.sampled_from(("et", "en", "ru")),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_the_index_agrees_with_a_naive_model(initial, operations, checks):
    """Each step replaces in some earlier index, in place or on a copy of it (as search_store
    patches); every index, copies and originals alike, must still answer for its own model."""
    versions = [(SearchIndex(initial), {a.id: a for a in initial}, [len(initial)])]
    for query, sort, language in checks:
        index, model, rows = versions[0]
        check_against_model(index, model, rows[0], query, sort, language)
    for step, (assets, removed, on_copy, which) in enumerate(operations):
        index, model, rows = versions[which % len(versions)]
        if on_copy:
            index, model, rows = index.copy(), dict(model), list(rows)
            versions.append((index, model, rows))
        index.replace(assets, removed=removed)
        for asset_id in [*removed, *(a.id for a in assets)]:
            model.pop(asset_id, None)
        model.update({a.id: a for a in assets})
        rows[0] += len(assets)
        query, sort, language = checks[step % len(checks)]
        for index, model, rows in versions:
            check_against_model(index, model, rows[0], query, sort, language)


def test_an_id_given_twice_in_one_call_is_one_row_the_last_one():
    index = SearchIndex([asset(1, "vana"), asset(1, "uus")])
    assert len(index) == 1 and len(index.ids) == 1
    assert found(index, "uus") == {1} and found(index, "vana") == set()
    index.replace([asset(2, "teine"), asset(2, "kolmas")])
    assert len(index) == 2 and found(index, "teine") == set() and found(index, "kolmas") == {2}


# --- letters with and without diacritics ----------------------------------------------------


@pytest.mark.parametrize(
    "typed, folded",
    [
        ("TÕUS", "tous"),
        ("säästud ÖÖ ülikool", "saastud oo ulikool"),
        ("šokk žürii", "sokk zurii"),
        ("Ёлка ёж", "елка еж"),
        ("мой край", "мой край"),  # й is a letter of its own
        ("café", "cafe"),
        ("plain", "plain"),
    ],
)
def test_fold_drops_latin_diacritics_and_yo(typed, folded):
    assert fold(typed) == folded


@pytest.fixture
def lettered() -> SearchIndex:
    return SearchIndex(
        [
            asset(1, "palga tõus"),
            asset(2, "tous"),  # the word as typed without õ
            asset(3, "töövõime hindamine"),
            asset(4, "ёлка"),
            asset(5, "елка"),
            asset(6, "мой"),
            asset(7, "мои"),
        ]
    )


def test_words_match_without_their_diacritics(lettered):
    assert found(lettered, "tous") == {1, 2}
    assert found(lettered, "tõus") == {1, 2}
    assert found(lettered, "toovoime") == {3}
    assert found(lettered, "TOOVÕIME") == {3}
    assert found(lettered, "елка") == {4, 5}
    assert found(lettered, "ёлка") == {4, 5}
    assert found(lettered, "мой") == {6}  # й is not и


def test_exclusions_ignore_diacritics_too(lettered):
    assert found(lettered, "tous -palga") == {2}
    assert found(lettered, "tõus -palga") == {2}


def test_exact_matching_keeps_the_letters_as_typed(lettered):
    assert live_ids(lettered, lettered.text("tõus", exact=True)) == {1}
    assert live_ids(lettered, lettered.text("tous", exact=True)) == {2}


def test_exact_matches_come_first_each_group_in_display_order():
    index = SearchIndex(
        [
            asset(1, "tous", created=10.0),
            asset(2, "tõus", created=20.0),
            asset(3, "tõus", created=30.0),
            asset(4, "tous", created=40.0),
        ]
    )
    mask = index.text("tõus")
    first = index.text("tõus", exact=True)
    assert index.ordered_ids(mask, "newest", first=first).tolist() == [3, 2, 4, 1]
    first = index.text("tous", exact=True)
    assert index.ordered_ids(mask, "newest", first=first).tolist() == [4, 1, 3, 2]
    assert index.ordered_ids(mask, "newest").tolist() == [4, 3, 2, 1]


def test_a_copy_folds_tokens_added_later(lettered):
    twin = lettered.copy()
    twin.replace([asset(8, "ülevaade")])
    assert found(twin, "ulevaade") == {8}
    assert found(lettered, "ulevaade") == set()
