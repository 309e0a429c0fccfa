"""The search index kept current from the database: the trigger-written change log, patching
instead of rebuilding, equivalence with a plain ORM computation for every role, late commits,
and the database having the last word over a stale index."""

from __future__ import annotations

import datetime
import random
import threading
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone, translation

from brandkit.api.models import ApiToken
from brandkit.library import search, search_store
from brandkit.library.models import (
    Asset,
    AssetChange,
    AssetKind,
    AssetStatus,
    AssetVersion,
    Campaign,
    Tag,
    TopicArea,
    VersionState,
)
from brandkit.library.permissions import visible_assets
from brandkit.library.search_index import fold
from brandkit.review import workflow
from brandkit.roles import TOPIC_OWNER
from tests.factories import make_asset, make_version, png_bytes

pytestmark = pytest.mark.django_db

SMALL_PNG = png_bytes(size=(8, 8))
HIDDEN = {AssetStatus.ARCHIVED.value, AssetStatus.EXPIRED.value}
LIST_URL = "/api/v1/assets"


def top() -> int:
    return AssetChange.objects.aggregate(top=Max("seq"))["top"] or 0


def logged_since(seq: int) -> list[int]:
    return list(
        AssetChange.objects.filter(seq__gt=seq).order_by("seq").values_list("asset_id", flat=True)
    )


def approved_asset(owner, **fields) -> Asset:
    asset = make_asset(owner, **fields)
    version = make_version(asset, state=VersionState.APPROVED, data=SMALL_PNG)
    asset.current_version = version
    asset.status = AssetStatus.APPROVED
    asset.save()
    return asset


def found(user, **params) -> list[int]:
    """The ids of one search's assets in order, as the index gives them and as the page shows
    them (both must agree while the index is current)."""
    with translation.override("et"):
        result = search.search(user, params)
    ids = [int(pk) for pk in result.assets.ids]
    assert [a.pk for a in result.assets] == ids
    return ids


def facet_counts(result) -> dict[str, dict[str, int]]:
    return {f.name: {v.value: v.count for v in f.values} for f in result.facets}


@pytest.fixture
def other_owner(django_user_model):
    user = django_user_model.objects.create_user("other-owner", password="a-long-test-password")
    user.groups.add(Group.objects.get(name=TOPIC_OWNER))
    return user


@pytest.fixture
def nobody(django_user_model):
    return django_user_model.objects.create_user("nobody", password="a-long-test-password")


@pytest.fixture
def patch_only(monkeypatch):
    """No build afresh for waste: in the small libraries of these tests one edit already
    leaves more replaced rows than MAX_WASTE (that rule has its own test)."""
    monkeypatch.setattr(search_store, "MAX_WASTE", 1.0)


@pytest.fixture
def builds(monkeypatch):
    """Counts the full builds of the index: one at the first search, then patches only."""
    calls = []
    real = search_store._build

    def counted():
        calls.append(1)
        return real()

    monkeypatch.setattr(search_store, "_build", counted)
    return calls


# --- (a) the triggers log every change ------------------------------------------------------


def test_asset_inserts_updates_and_deletes_are_logged(topic_owner):
    start = top()
    a = make_asset(topic_owner, title_et="Esimene")
    assert set(logged_since(start)) == {a.pk}
    b = make_asset(topic_owner, title_et="Teine")
    c = make_asset(topic_owner, title_et="Kolmas")

    mark = top()
    a.title_et = "Muudetud"
    a.save()
    assert set(logged_since(mark)) == {a.pk}

    mark = top()
    assert Asset.objects.filter(pk=b.pk).update(licence="CC BY") == 1  # no signal sees this
    assert logged_since(mark) == [b.pk]

    mark = top()
    Asset.objects.filter(pk__in=[a.pk, b.pk, c.pk]).update(creator="Agentuur")
    assert sorted(logged_since(mark)) == sorted([a.pk, b.pk, c.pk])  # one entry per row

    mark = top()
    assert Asset.objects.filter(pk=-1).update(creator="x") == 0
    assert logged_since(mark) == []

    mark = top()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE library_asset SET title_et = %s WHERE id = %s", ["Toores", c.pk])
    assert logged_since(mark) == [c.pk]

    mark = top()
    a_id = a.pk
    a.delete()
    assert logged_since(mark) == [a_id]

    mark = top()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM library_asset WHERE id = %s", [b.pk])
    assert logged_since(mark) == [b.pk]
    assert not Asset.objects.filter(pk__in=[a_id, b.pk]).exists()
    assert not AssetChange.objects.filter(seq__gt=start, changed_at__isnull=True).exists()


def test_version_changes_are_logged_under_their_asset(topic_owner):
    asset = make_asset(topic_owner)
    other = make_asset(topic_owner, title_et="Teine")
    make_version(other, data=SMALL_PNG)
    mark = top()
    version = make_version(asset, data=SMALL_PNG)
    if version.pk == asset.pk:  # make the asset and version ids differ, so the test can tell
        mark = top()
        version = make_version(asset, data=SMALL_PNG)
    assert set(logged_since(mark)) == {asset.pk}

    mark = top()
    AssetVersion.objects.filter(pk=version.pk).update(state=VersionState.SUBMITTED)
    assert logged_since(mark) == [asset.pk]

    mark = top()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE library_assetversion SET revision = 7 WHERE id = %s", [version.pk])
    assert logged_since(mark) == [asset.pk]

    mark = top()
    version.delete()
    assert logged_since(mark) == [asset.pk]


def test_changes_to_other_tables_are_not_logged(topic_owner):
    asset = make_asset(topic_owner)
    mark = top()
    TopicArea.objects.create(slug="x", name_et="X")
    Campaign.objects.create(name="Kampaania")
    Tag.objects.create(name="silt")
    topic_owner.first_name = "Mari"
    topic_owner.save()
    assert logged_since(mark) == []
    asset.tags.add(Tag.objects.get(name="silt"))  # the tags go into the search text
    assert set(logged_since(mark)) == {asset.pk}


# --- (b) the next search sees every change, by a patch -------------------------------------


def test_a_new_asset_is_found_by_the_next_search(topic_owner, procurement_user, patch_only, builds):
    old = approved_asset(topic_owner, title_et="Vana pilt")
    assert found(procurement_user) == [old.pk]
    new = approved_asset(topic_owner, title_et="Kevadine kampaania")
    assert found(procurement_user, q="kevadine") == [new.pk]
    assert found(procurement_user) == [new.pk, old.pk]
    draft = make_asset(topic_owner, title_et="Kevadine mustand")
    assert found(procurement_user, q="kevadine") == [new.pk]
    assert found(topic_owner, q="kevadine") == [draft.pk, new.pk]
    assert len(builds) == 1


def test_edits_reach_the_next_search(
    topic_owner, web_manager, procurement_user, patch_only, builds
):
    asset = approved_asset(topic_owner, title_et="Pensionireform")
    assert found(procurement_user, q="pensionireform") == [asset.pk]

    asset.title_et = "Lapsetoetus"
    asset.save()
    assert found(procurement_user, q="pensionireform") == []
    assert found(procurement_user, q="toetus") == [asset.pk]

    tag = Tag.objects.create(name="eakad")
    asset.tags.add(tag)
    assert found(procurement_user, q="eakad") == [asset.pk]
    tag.name = "vanemad"
    tag.save()
    assert found(procurement_user, q="eakad") == []
    assert found(procurement_user, q="vanemad") == [asset.pk]
    asset.tags.remove(tag)
    assert found(procurement_user, q="vanemad") == []

    autumn = Campaign.objects.create(name="Sügis")
    asset.campaign = autumn
    asset.save()
    assert found(procurement_user, campaign=str(autumn.pk)) == [asset.pk]
    autumn.name = "Talv"
    autumn.save()
    assert found(procurement_user, q="talv") == [asset.pk]

    Asset.objects.filter(pk=asset.pk).update(kind=AssetKind.LOGO, languages="en")
    assert found(procurement_user, kind="logo", language="en") == [asset.pk]
    assert found(procurement_user, kind="banner") == []
    result = search.search(procurement_user, {})
    assert facet_counts(result)["kind"] == {"logo": 1}
    assert facet_counts(result)["language"] == {"en": 1}

    Asset.objects.filter(pk=asset.pk).update(status=AssetStatus.DRAFT)
    assert found(procurement_user) == []
    assert found(topic_owner) == [asset.pk]  # the owner still sees it
    assert found(web_manager, status="draft") == [asset.pk]
    assert facet_counts(search.search(web_manager, {}))["status"] == {"draft": 1}

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE library_asset SET status = %s WHERE id = %s", [AssetStatus.APPROVED, asset.pk]
        )
    assert found(procurement_user) == [asset.pk]

    assert len(builds) == 1
    assert search_store.current().waste > 0.5  # many patches: old rows kept, marked dead


def test_archived_and_expired_assets_leave_the_list_at_once(
    topic_owner, other_owner, web_manager, procurement_user, patch_only, builds
):
    first = approved_asset(topic_owner, title_et="Esimene")
    second = approved_asset(topic_owner, title_et="Teine")
    assert found(procurement_user) == [second.pk, first.pk]

    workflow.archive(first, web_manager)
    assert found(procurement_user) == [second.pk]
    assert found(other_owner) == [second.pk]
    assert found(topic_owner) == [second.pk]  # hidden statuses only when chosen …
    assert found(topic_owner, status="archived") == [second.pk]  # … by a web manager
    assert found(web_manager) == [second.pk]
    assert found(web_manager, status="archived") == [first.pk]
    statuses = facet_counts(search.search(web_manager, {}))["status"]
    assert statuses == {"approved": 1, "archived": 1}

    workflow.expire(second)
    assert found(procurement_user) == []
    assert found(web_manager, status="expired") == [second.pk]
    assert len(builds) == 1


def test_deleted_assets_leave_the_index(topic_owner, web_manager, patch_only, builds):
    keep = make_asset(topic_owner, title_et="Jääb")
    gone = make_asset(topic_owner, title_et="Kaob")
    with_version = approved_asset(topic_owner, title_et="Kaob samuti")
    assert found(web_manager, q="kaob") == [with_version.pk, gone.pk]
    assert len(search_store.current()) == 3

    gone.delete()
    assert found(web_manager, q="kaob") == [with_version.pk]
    Asset.objects.filter(pk=with_version.pk).update(current_version=None)
    AssetVersion.objects.filter(asset=with_version).delete()
    Asset.objects.filter(pk=with_version.pk).delete()
    assert found(web_manager, q="kaob") == []
    assert found(web_manager) == [keep.pk]
    assert len(search_store.current()) == 1 and len(builds) == 1


def test_the_api_list_follows_changes(client, topic_owner, web_manager, patch_only, builds):
    _row, secret = ApiToken.objects.issue("cms", web_manager)

    def listed(**params) -> tuple[int, list[str]]:
        response = client.get(LIST_URL, params, headers={"Authorization": f"Bearer {secret}"})
        assert response.status_code == 200, response.content
        body = response.json()
        return body["count"], [item["id"] for item in body["items"]]

    first = approved_asset(topic_owner, title_et="Esimene")
    assert listed() == (1, [str(first.public_id)])

    second = approved_asset(topic_owner, title_et="Uudne")
    assert listed(q="uudne") == (1, [str(second.public_id)])
    assert listed() == (2, [str(second.public_id), str(first.public_id)])
    first.title_et = "Värske"
    first.save()  # now the most recently updated
    assert listed() == (2, [str(first.public_id), str(second.public_id)])
    assert listed(q="värske") == (1, [str(first.public_id)])

    workflow.archive(second, web_manager)
    assert listed() == (1, [str(first.public_id)])
    assert listed(q="uudne") == (0, [])
    Asset.objects.filter(pk=first.pk).update(
        usable_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert listed() == (0, [])
    assert len(builds) == 1


def test_no_change_costs_one_query(topic_owner, django_assert_num_queries):
    make_asset(topic_owner)
    index = search_store.current()
    with django_assert_num_queries(1):
        assert search_store.current() is index


def test_a_patch_leaves_the_index_in_use_unchanged(topic_owner, patch_only, builds):
    """A patch is made on a copy: a search still working with the index it got keeps
    consistent answers, the next search gets the patched one."""
    asset = make_asset(topic_owner, title_et="Vana")
    in_use = search_store.current()
    asset.title_et = "Uus"
    asset.save()
    added = make_asset(topic_owner, title_et="Teine")
    patched = search_store.current()
    assert patched is not in_use and len(builds) == 1
    assert len(in_use) == 1 and in_use.waste == 0
    assert in_use.ordered_ids(in_use.text("vana"), "newest").tolist() == [asset.pk]
    assert in_use.ordered_ids(in_use.text("uus"), "newest").tolist() == []
    assert len(patched) == 2 and patched.waste > 0
    assert patched.ordered_ids(patched.text("vana"), "newest").tolist() == []
    assert patched.ordered_ids(patched.text("uus"), "newest").tolist() == [asset.pk]
    assert patched.ordered_ids(patched.everything(), "newest").tolist() == [added.pk, asset.pk]
    assert search_store.current() is patched  # nothing changed since: the same index


def test_more_changes_than_the_patch_limit_build_afresh(
    monkeypatch, topic_owner, web_manager, builds
):
    monkeypatch.setattr(search_store, "PATCH_LIMIT", 3)
    assets = [make_asset(topic_owner, title_et=f"Pilt {i}") for i in range(6)]
    search_store.current()
    assert len(builds) == 1

    Asset.objects.filter(pk__in=[a.pk for a in assets[:3]]).update(search_text="kolm")
    patched = search_store.current()  # three changes: patched
    assert len(builds) == 1 and patched.waste == pytest.approx(3 / 9)
    assert found(web_manager, q="kolm") == [a.pk for a in reversed(assets[:3])]

    Asset.objects.filter(pk__in=[a.pk for a in assets]).update(search_text="kuus")
    fresh = search_store.current()  # six changes: built afresh
    assert len(builds) == 2
    assert fresh.waste == 0 and len(fresh) == 6
    assert found(web_manager, q="kuus") == [a.pk for a in reversed(assets)]
    assert search_store.current() is fresh and len(builds) == 2


def test_too_much_waste_builds_afresh(monkeypatch, topic_owner, web_manager, builds):
    monkeypatch.setattr(search_store, "MAX_WASTE", 0.2)
    assets = [make_asset(topic_owner, title_et=f"Pilt {i}") for i in range(5)]
    search_store.current()
    Asset.objects.filter(pk=assets[0].pk).update(search_text="üks")
    assert search_store.current().waste == pytest.approx(1 / 6)  # waste was 0: patched
    Asset.objects.filter(pk=assets[1].pk).update(search_text="kaks")
    assert search_store.current().waste == pytest.approx(2 / 7)  # 1/6 was below: patched
    assert len(builds) == 1
    Asset.objects.filter(pk=assets[2].pk).update(search_text="kolm")
    fresh = search_store.current()  # 2/7 is above: built afresh
    assert fresh.waste == 0 and len(builds) == 2
    assert found(web_manager, q="kolm") == [assets[2].pk]
    assert found(web_manager, q="kaks") == [assets[1].pk]


def test_a_long_idle_time_builds_afresh(topic_owner, builds):
    make_asset(topic_owner)
    index = search_store.current()
    assert search_store.current() is index and len(builds) == 1
    search_store._state.checked -= search_store.MAX_IDLE_SECONDS + 1
    assert search_store.current() is not index
    assert len(builds) == 2


def test_a_pruned_log_loses_no_later_change(topic_owner, web_manager, patch_only, builds):
    asset = make_asset(topic_owner, title_et="Enne")
    search_store.current()
    AssetChange.objects.all().delete()  # expire_assets prunes old entries
    assert found(web_manager, q="enne") == [asset.pk]
    asset.title_et = "Pärast"
    asset.save()
    assert found(web_manager, q="pärast") == [asset.pk]
    assert found(web_manager, q="enne") == []
    assert len(builds) == 1


def test_an_entry_below_the_newest_applied_one_is_still_applied(
    topic_owner, web_manager, patch_only, builds
):
    """What a late commit looks like to the log: an entry appears with a number below one
    already applied (emulated here by moving an entry into a gap, as an open transaction's
    number leaves one)."""
    late = make_asset(topic_owner, title_et="Hiljaks jääja")
    other = make_asset(topic_owner, title_et="Teine")
    gap = AssetChange.objects.create(asset_id=late.pk).seq
    AssetChange.objects.filter(seq=gap).delete()  # numbers are not reused
    search_store.current()

    other.title_et = "Teine muudetud"
    other.save()
    assert found(web_manager, q="muudetud") == [other.pk]  # applied: past the gap now

    mark = top()
    Asset.objects.filter(pk=late.pk).update(search_text="hiline muudatus")
    [entry] = AssetChange.objects.filter(seq__gt=mark)
    AssetChange.objects.filter(seq=entry.seq).update(seq=gap)
    assert gap < top()
    assert found(web_manager, q="hiline") == [late.pk]
    assert len(builds) == 1  # a build would read everything anyway: this was the patch


# --- (c) the same answers as the database -------------------------------------------------

VOCABULARY = (
    "pension",
    "pensionisammas",
    "lapsetoetus",
    "peretoetus",
    "toetus",
    "sinine",
    "logo",
    "bänner",
    "sügis",
    "kevad",
    "ära",
)
LANGUAGE_STRINGS = ("", "et", "en", "et ru", "ru en et", "ru")
PRESETS = ("", "facebook-link", "instagram-post")
COLOURS = ("", "state-blue", "black")
BASE_TIME = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
TIMES = [  # few, so that ties happen; a microsecond apart, so that order must be exact
    BASE_TIME + datetime.timedelta(minutes=m, microseconds=u) for m in (0, 5, 9) for u in (0, 1)
]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(n))


class Library:
    def __init__(self, rng, owners, users, patched: bool):
        self.topics = [
            TopicArea.objects.create(slug=f"t{i}", name_et=f"Teema {i}") for i in range(3)
        ]
        self.campaigns = [Campaign.objects.create(name=n) for n in ("Sügiskampaania", "Kevad")]
        self.tags = [Tag.objects.create(name=n) for n in ("eakad", "perekond", "toetused")]
        self.users = users
        self.assets: list[Asset] = []
        for i in range(60):
            self.assets.append(self.random_asset(rng, rng.choice(owners)))
            if patched and (i == 15 or (i > 15 and rng.random() < 0.2)):
                search_store.current()  # built once, then patched as the library grows
        # edits after the index was built
        for asset in rng.sample(self.assets, 5):
            asset.refresh_from_db()
            asset.title_et = words(rng, 2).capitalize()
            asset.save()
        self.tags[0].name = "vanemaealised"
        self.tags[0].save()
        Asset.objects.filter(pk__in=[a.pk for a in rng.sample(self.assets, 6)]).update(
            status=AssetStatus.ARCHIVED
        )
        deletable = [a for a in self.assets if not a.versions.exists()][:2]
        for asset in deletable:
            asset.delete()
        for asset in Asset.objects.all():  # the times last: every save above set updated_at
            Asset.objects.filter(pk=asset.pk).update(
                created_at=rng.choice(TIMES), updated_at=rng.choice(TIMES)
            )

    def random_asset(self, rng, owner) -> Asset:
        asset = make_asset(
            owner,
            title_et=words(rng, rng.randint(1, 2)).capitalize(),
            title_en=rng.choice(("", "", words(rng, 1).upper())),
            title_ru=rng.choice(("", "пенсия", "Баннер")),
            description_et=rng.choice(("", words(rng, 3))),
            alt_text_et=rng.choice(("", words(rng, 2))),
            alt_text_ru=rng.choice(("", "синий баннер")),
            creator=rng.choice(("", "Agentuur Sinine")),
            kind=rng.choice(AssetKind.values),
            topic=rng.choice((None, *self.topics)),
            languages=rng.choice(LANGUAGE_STRINGS),
            campaign=rng.choice((None, *self.campaigns)),
            preset_slug=rng.choice(PRESETS),
            dominant_colour=rng.choice(COLOURS),
        )
        if rng.random() < 0.4:
            asset.tags.add(*rng.sample(self.tags, rng.randint(1, 2)))
        current = None
        if rng.random() < 0.75:
            version = make_version(asset, state=rng.choice(VersionState.values), data=SMALL_PNG)
            if rng.random() < 0.7:
                current = version
                if rng.random() < 0.3:  # approved over failing checks
                    version.override_reason = "Erand"
                    version.save(update_fields=["override_reason"])
        Asset.objects.filter(pk=asset.pk).update(
            status=rng.choice(AssetStatus.values), current_version=current
        )
        return asset


def language_q(code: str) -> Q:
    return (
        Q(languages=code)
        | Q(languages__startswith=f"{code} ")
        | Q(languages__endswith=f" {code}")
        | Q(languages__contains=f" {code} ")
    )


COLUMN = {
    "kind": "kind",
    "topic": "topic_id",
    "status": "status",
    "preset": "preset_slug",
    "campaign": "campaign_id",
    "colour": "dominant_colour",
}


def condition(name: str, value: str) -> Q:
    if name == "language":
        return language_q(value)
    if name == "approval":  # published over failing checks
        return Q(current_version__isnull=False) & ~Q(current_version__override_reason="")
    return Q(**{COLUMN[name]: int(value) if name in ("topic", "campaign") else value})


def chosen_filters(role: str, params: dict) -> dict[str, str]:
    """The filters search.Filters keeps, as the rules say."""
    kept = {}
    for name in search.FACETS:
        value = (params.get(name) or "").strip()[:60]
        if not value:
            continue
        if name == "kind" and value not in AssetKind.values:
            continue
        if name in ("topic", "campaign") and not value.isdigit():
            continue
        if name == "language" and value not in ("et", "en", "ru"):
            continue
        if name == "approval" and value != "override":
            continue
        if name == "status" and (
            role not in ("manager", "owner")
            or value not in AssetStatus.values
            or (role != "manager" and value in HIDDEN)
        ):
            continue
        kept[name] = value
    return kept


def expected(user, role: str, params: dict, meaning, language: str):
    """What search.search should answer, computed with the ORM: ids in order, facet counts
    and the filters kept."""
    filters = chosen_filters(role, params)
    base = visible_assets(user)
    exact_ids: set[int] | None = None
    if meaning:
        # Diacritics are ignored in matching (tous finds tõus); the words as typed rank first.
        def has(text: str, word: str, exact: bool) -> bool:
            if exact:
                return any(word in token for token in text.split())
            return any(fold(word) in fold(token) for token in text.split())

        def matches(text: str, exact: bool) -> bool:
            return any(
                all(has(text, w, exact) for w in required)
                and not any(has(text, w, False) for w in excluded)
                for required, excluded in meaning
            )

        texts = dict(base.values_list("pk", "search_text"))
        base = base.filter(pk__in=[pk for pk, t in texts.items() if matches(t or "", False)])
        exact_ids = {pk for pk, t in texts.items() if matches(t or "", True)}

    def narrowed(without: str | None = None):
        rows = base
        for name, value in filters.items():
            if name != without:
                rows = rows.filter(condition(name, value))
        if without == "status":
            if role != "manager":
                rows = rows.exclude(status__in=HIDDEN)
        elif "status" not in filters:  # hidden statuses only when chosen
            rows = rows.exclude(status__in=HIDDEN)
        return rows

    def counts(name: str) -> dict[str, int]:
        rows = narrowed(without=name).order_by()
        if name == "language":
            return {code: rows.filter(language_q(code)).count() for code in ("et", "en", "ru")}
        if name == "approval":
            return {"override": rows.filter(condition("approval", "override")).count()}
        column = COLUMN[name]
        tally = rows.values_list(column).annotate(n=Count("pk"))
        return {str(v): n for v, n in tally if v not in ("", None)}

    labels: dict[str, list[str] | None] = {
        "kind": list(AssetKind.values),
        "topic": [str(pk) for pk in TopicArea.objects.values_list("pk", flat=True)],
        "language": ["et", "en", "ru"],
        "status": [s for s in AssetStatus.values if role == "manager" or s not in HIDDEN]
        if role in ("manager", "owner")
        else None,
        "preset": None,
        "approval": ["override"],
        "campaign": [str(pk) for pk in Campaign.objects.values_list("pk", flat=True)],
        "colour": None,
    }
    facets = {}
    for name, known in labels.items():
        if known is None and name not in ("preset", "colour"):
            continue
        tally = counts(name)
        if known is None:
            known = [v for v, n in tally.items() if n]
        shown = {v: tally.get(v, 0) for v in known if tally.get(v) or v == filters.get(name)}
        if shown:
            facets[name] = shown

    rows = narrowed()
    sort = params.get("sort") if params.get("sort") in search.SORTS else "newest"
    if sort == "title":
        titles = rows.values_list("pk", "title_et", "title_en", "title_ru")

        def key(row):
            pk, et, en, ru = row
            chosen = {"et": et, "en": en, "ru": ru}[language].casefold()
            return (chosen or et.casefold(), pk)

        ids = [row[0] for row in sorted(titles, key=key)]
    else:
        field = "created_at" if sort == "newest" else "updated_at"
        ids = list(rows.order_by(f"-{field}", "-pk").values_list("pk", flat=True))
    if exact_ids is not None:
        ids = [pk for pk in ids if pk in exact_ids] + [pk for pk in ids if pk not in exact_ids]
    return ids, facets, filters


def cases(library: Library) -> list[tuple[dict, list, str]]:
    topic, campaign = library.topics[1], library.campaigns[0]
    return [
        ({}, [], "et"),
        ({"q": "toetus"}, [(["toetus"], [])], "et"),
        ({"q": "Pension  SININE"}, [(["pension", "sinine"], [])], "et"),
        ({"q": "logo or sügis"}, [(["logo"], []), (["sügis"], [])], "et"),
        ({"q": "SUGIS"}, [(["sugis"], [])], "et"),  # without the ü
        ({"q": "toetus -sugis"}, [(["toetus"], ["sugis"])], "et"),
        ({"q": "toetus -pere"}, [(["toetus"], ["pere"])], "et"),
        ({"q": '-"pension"'}, [([], ["pension"])], "et"),
        ({"q": "vanemaealised"}, [(["vanemaealised"], [])], "et"),  # a renamed tag
        ({"q": "eakad"}, [(["eakad"], [])], "et"),  # its old name
        ({"q": "agentuur"}, [(["agentuur"], [])], "et"),
        ({"q": "kampaania"}, [(["kampaania"], [])], "et"),
        ({"q": "баннер"}, [(["баннер"], [])], "et"),
        ({"q": "kaameleon"}, [(["kaameleon"], [])], "et"),
        ({"kind": "banner"}, [], "et"),
        ({"kind": "photo", "q": "toetus or logo"}, [(["toetus"], []), (["logo"], [])], "et"),
        ({"language": "ru", "sort": "title"}, [], "ru"),
        ({"language": "en", "topic": str(topic.pk)}, [], "et"),
        ({"topic": str(topic.pk), "sort": "updated"}, [], "et"),
        ({"campaign": str(campaign.pk), "sort": "title"}, [], "en"),
        ({"preset": "facebook-link", "colour": "state-blue"}, [], "et"),
        ({"preset": "no-such-preset"}, [], "et"),
        ({"status": "draft"}, [], "et"),
        ({"status": "approved", "kind": "logo"}, [], "et"),
        ({"status": "archived", "sort": "updated"}, [], "et"),
        ({"status": "expired", "q": "toetus"}, [(["toetus"], [])], "et"),
        ({"kind": "bogus", "topic": "x", "language": "de", "status": "nope"}, [], "et"),
        ({"sort": "title"}, [], "et"),
        ({"sort": "title"}, [], "en"),
        ({"sort": "title", "q": "-toetus"}, [([], ["toetus"])], "ru"),
        ({"sort": "bogus"}, [], "et"),
        ({"approval": "override"}, [], "et"),
        ({"approval": "override", "q": "toetus"}, [(["toetus"], [])], "et"),
        ({"approval": "bogus"}, [], "et"),
    ]


@pytest.mark.parametrize("patched", [True, False], ids=["patched", "fresh"])
@pytest.mark.parametrize("seed", [1, 2])
def test_search_gives_what_the_database_gives(
    seed,
    patched,
    monkeypatch,
    topic_owner,
    other_owner,
    web_manager,
    procurement_user,
    nobody,
    builds,
):
    monkeypatch.setattr(search_store, "MAX_WASTE", 1.0)  # patch whatever the waste
    users = {
        "manager": web_manager,
        "owner": topic_owner,
        "other owner": other_owner,
        "procurement": procurement_user,
        "nobody": nobody,
    }
    rng = random.Random(seed)
    library = Library(rng, [topic_owner, other_owner, web_manager], users, patched)
    if patched:
        assert len(builds) == 1 and search_store.current().waste > 0
    else:
        assert not builds
    statuses = Counter(Asset.objects.values_list("status", flat=True))
    assert len(statuses) == len(AssetStatus.values)  # every status is there to be told apart
    nonempty = 0
    for role_name, user in users.items():
        role = role_name if role_name in ("manager", "procurement", "nobody") else "owner"
        for params, meaning, language in cases(library):
            ids, facets, filters = expected(user, role, params, meaning, language)
            with translation.override(language):
                result = search.search(user, params)
            where = f"{role_name} {params} {language}"
            assert [int(pk) for pk in result.assets.ids] == ids, where
            assert [a.pk for a in result.assets] == ids, where
            assert result.assets.count() == len(ids)
            assert facet_counts(result) == facets, where
            assert result.filters == filters, where
            nonempty += bool(ids)
    assert nonempty > 50  # the cases are not all empty answers
    assert len(builds) == 1  # one build, then patches only


# --- (d) a late commit on PostgreSQL --------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_late_commit_is_not_missed(topic_owner, web_manager, patch_only, builds):
    if connection.vendor != "postgresql":
        pytest.skip("a transaction open beside another needs PostgreSQL (SQLite locks it all)")
    early = make_asset(topic_owner, title_et="Varajane")
    other = make_asset(topic_owner, title_et="Teine")
    search_store.current()
    mark = top()
    ready, release = threading.Event(), threading.Event()
    made: dict[str, Asset] = {}
    errors: list[BaseException] = []

    def late_writer():
        try:
            with transaction.atomic():
                made["asset"] = make_asset(topic_owner, title_et="Hilinenud uus")
                Asset.objects.filter(pk=early.pk).update(search_text="hilinenud muudatus")
                ready.set()
                if not release.wait(30):
                    raise TimeoutError("never released")
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
            ready.set()
        finally:
            connections.close_all()

    writer = threading.Thread(target=late_writer)
    writer.start()
    try:
        assert ready.wait(30) and not errors
        other.title_et = "Teine muudetud"  # B: a later change, committed at once
        other.save()
        assert found(web_manager, q="muudetud") == [other.pk]
        assert found(web_manager, q="hilinenud") == []  # A is not committed yet
    finally:
        release.set()
        writer.join(30)
    assert not errors and not writer.is_alive()

    late_seqs = AssetChange.objects.filter(
        seq__gt=mark, asset_id__in=[early.pk, made["asset"].pk]
    ).values_list("seq", flat=True)
    later_seqs = AssetChange.objects.filter(seq__gt=mark, asset_id=other.pk).values_list(
        "seq", flat=True
    )
    assert max(late_seqs) < min(later_seqs)  # A's numbers came first: a genuinely late commit
    assert found(web_manager, q="hilinenud") == [made["asset"].pk, early.pk]
    assert len(builds) == 1  # patched: a build would have read A's rows anyway


# --- (e) the database has the last word over a stale index ---------------------------------


def test_a_stale_index_never_shows_what_the_database_hides(
    monkeypatch, client, topic_owner, other_owner, web_manager, procurement_user
):
    kept = approved_asset(topic_owner, title_et="Jääb")
    archived = approved_asset(topic_owner, title_et="Arhiivi")
    demoted = approved_asset(topic_owner, title_et="Mustandiks")
    deleted = make_asset(web_manager, title_et="Kustutatud")
    stale = search_store.current()  # what a search still holds while others change

    workflow.archive(archived, web_manager)
    Asset.objects.filter(pk=demoted.pk).update(status=AssetStatus.DRAFT)
    deleted_id = deleted.pk
    deleted.delete()
    monkeypatch.setattr(search_store, "current", lambda: stale)

    for user in (procurement_user, other_owner):
        result = search.search(user, {})
        assert {archived.pk, demoted.pk} <= set(result.assets.ids.tolist())  # stale indeed
        assert [a.pk for a in result.assets[0:24]] == [kept.pk]
        assert [a.pk for a in result.assets] == [kept.pk]
    result = search.search(topic_owner, {})  # the owner may see all of their own
    assert [a.pk for a in result.assets[0:24]] == [demoted.pk, archived.pk, kept.pk]
    result = search.search(web_manager, {})
    assert deleted_id in result.assets.ids.tolist()
    assert [a.pk for a in result.assets[0:24]] == [demoted.pk, archived.pk, kept.pk]

    _row, secret = ApiToken.objects.issue("cms", procurement_user)
    response = client.get(LIST_URL, headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [str(kept.public_id)]


def test_migrations_that_rebuild_a_table_do_not_lose_the_change_log_triggers():
    """SQLite drops a table's triggers when a migration rebuilds it; post_migrate puts them
    back, so after every migrate each trigger is there."""
    from django.db import connection

    from brandkit.library.change_log import ensure_triggers, missing_triggers

    assert missing_triggers(connection) == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER library_version_logged_update")
        assert missing_triggers(connection) == ["library_version_logged_update"]
        assert ensure_triggers(connection) == ["library_version_logged_update"]
        assert missing_triggers(connection) == []
