"""The load benchmark's database work, run in its own process with bench.settings:

    python -m bench.load_data setup N     migrate, load the SKA brandbook, users, a token and
                                          N approved assets (bulk_create); prints JSON
    python -m bench.load_data search      in-process over those assets: build the search
                                          index (brandkit.library.search_store), its size, the
                                          list view's and the API's search, and the cost of
                                          keeping the index current; prints JSON. Edits a few
                                          assets (a throwaway database).

bench/bench_load.py runs these; they are separate processes so that the benchmark's settings
(its own temporary database) never mix with whatever settings the bench runner has loaded.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image  # noqa: E402

from brandkit.api.models import ApiToken  # noqa: E402
from brandkit.brandbooks import SKA_BRANDBOOK  # noqa: E402
from brandkit.library.models import (  # noqa: E402
    Asset,
    AssetChange,
    AssetKind,
    AssetStatus,
    AssetVersion,
    Campaign,
    Rendition,
    RenditionStatus,
    TopicArea,
    VersionState,
)
from brandkit.library.search_index import WORD_CACHE_SIZE  # noqa: E402
from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER  # noqa: E402

PASSWORD = "bench-password-2026"  # noqa: S105 - a throwaway benchmark database
SHARED_FILE = "bench/shared.png"
SEED = 20260601
BATCH = 2000

# Words from the Social Insurance Board's topics, in each language.
WORDS_ET = """
pension vanaduspension toetus peretoetus lapsetoetus vanemahüvitis töövõime puue hooldus
hüvitis elatis sotsiaalkindlustus taotlus eesti riik pere laps lapsed ema isa vanem eakas kodu
teenus abi nõustamine iseteenindus tähtaeg avaldus maksmine summa rehabilitatsioon abivahend
ohvriabi lepitus elatisabi matusetoetus kogumispension sammas reform muudatus uudis kampaania
infopäev kutse juhend selgitus kalkulaator puudega inimene toimetulek kindlustatus hooldaja
lapsehoid koolitus töötukassa
"""
WORDS_EN = """
pension old-age benefit family allowance child parental disability care compensation
maintenance social insurance application estonia state children mother father parent elderly
home service help counselling self-service deadline payment amount rehabilitation assistive
device victim support mediation funeral funded pillar reform change news campaign information
day invitation guide explanation calculator coping insured carer childcare training
unemployment
"""
WORDS_RU = """
пенсия пособие семья ребёнок дети мать отец родитель пожилой инвалидность трудоспособность
уход компенсация алименты социальное страхование заявление эстония государство дом услуга
помощь консультация самообслуживание срок выплата сумма реабилитация вспомогательное средство
жертва примирение похороны накопительная ступень реформа изменение новости кампания
информационный день приглашение руководство объяснение калькулятор опекун обучение безработица
"""
WORDS = {
    lang: text.split() for lang, text in (("et", WORDS_ET), ("en", WORDS_EN), ("ru", WORDS_RU))
}


def vocabulary(lang: str, rng: random.Random) -> list[str]:
    """The base words (and in Estonian their compounds, as the language makes them: pere +
    toetus = peretoetus) in a random order of frequency: rank r is drawn with weight 1/(r+1),
    as words are in real texts (Zipf), so a few words are in most assets and most in few."""
    base = WORDS[lang]
    words = set(base)
    if lang == "et":
        words.update(a + b for a in base for b in base if a != b)
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def query_words(vocab: dict[str, list[str]]) -> list[str]:
    """Queries across the frequency range in each language, two words, and a word part."""
    et, en, ru = vocab["et"], vocab["en"], vocab["ru"]
    return [
        et[0],
        et[25],
        et[400],
        en[2],
        en[30],
        ru[1],
        ru[20],
        ru[45],
        f"{et[3]} {et[40]}",
        et[10][:4],
    ]


class TextMaker:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.vocab = {lang: vocabulary(lang, rng) for lang in WORDS}
        self.weights = {
            lang: [1.0 / (rank + 1) for rank in range(len(words))]
            for lang, words in self.vocab.items()
        }
        self.cumulative = {}
        for lang, weights in self.weights.items():
            total, running = 0.0, []
            for w in weights:
                total += w
                running.append(total)
            self.cumulative[lang] = running

    def sentence(self, lang: str, low: int, high: int) -> str:
        words = self.rng.choices(
            self.vocab[lang], cum_weights=self.cumulative[lang], k=self.rng.randint(low, high)
        )
        text = " ".join(words)
        return text[:1].upper() + text[1:]


# The same seed gives the same vocabulary as setup() uses.
QUERIES = query_words(TextMaker(random.Random(SEED)).vocab)


def _shared_png(media_root: str) -> tuple[str, int, str]:
    path = os.path.join(media_root, SHARED_FILE)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image = Image.new("RGB", (300, 157), (0, 51, 160))
    image.paste((255, 255, 255), (150, 0, 300, 157))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    data = buffer.getvalue()
    with open(path, "wb") as handle:
        handle.write(data)
    return SHARED_FILE, len(data), hashlib.sha256(data).hexdigest()


def _user(username: str, role: str, **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    user.groups.add(Group.objects.get(name=role))
    return user


def setup(count: int) -> dict:
    started = time.perf_counter()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
    call_command("migrate", verbosity=0, interactive=False)
    from brandkit.rules.loading import load_brandbook_file

    book = load_brandbook_file(SKA_BRANDBOOK).brandbook
    owner = _user("bench-owner", TOPIC_OWNER)
    manager = _user("bench-manager", WEB_MANAGER, is_staff=True)
    buyer = _user("bench-buyer", PROCUREMENT)
    _row, token = ApiToken.objects.issue("bench-cms", buyer)
    migrated = time.perf_counter()

    rng = random.Random(SEED)
    maker = TextMaker(rng)
    topics = [
        TopicArea.objects.create(
            slug=f"topic-{n}",
            name_et=f"Teema {n}",
            name_en=f"Topic {n}",
            name_ru=f"Тема {n}",
            position=n,
        )
        for n in range(8)
    ]
    campaigns = [Campaign.objects.create(name=f"Kampaania {n}") for n in range(20)]
    presets = [(p.slug, p.width, p.height) for p in book.presets.all()]
    colours = list(book.colours.values_list("slug", flat=True))
    kinds = [k.value for k in AssetKind]
    languages = ["et", "et ru", "et en ru", "et en"]
    media_root = str(os.environ["DJANGO_MEDIA_ROOT"])
    file_name, size, digest = _shared_png(media_root)
    now = timezone.now()

    made = 0
    while made < count:
        n = min(BATCH, count - made)
        assets = []
        for _ in range(n):
            texts = {}
            for lang in ("et", "en", "ru"):
                texts[f"title_{lang}"] = maker.sentence(lang, 3, 6)[:200]
                texts[f"description_{lang}"] = maker.sentence(lang, 10, 22)
                texts[f"alt_text_{lang}"] = maker.sentence(lang, 8, 15)
            campaign = rng.choice(campaigns) if rng.random() < 0.3 else None
            creator = rng.choice(["Disainibüroo OÜ", "SKA kommunikatsioon", "Агентство"])
            search_text = "\n".join(
                [
                    texts[f"{field}_{lang}"]
                    for field in ("title", "description", "alt_text")
                    for lang in ("et", "en", "ru")
                ]
                + [creator, campaign.name if campaign else ""]
            ).casefold()
            preset = rng.choice(presets)
            assets.append(
                Asset(
                    **texts,
                    kind=rng.choice(kinds),
                    topic=rng.choice(topics),
                    languages=rng.choice(languages),
                    preset_slug=preset[0],
                    campaign=campaign,
                    owner=owner,
                    creator=creator,
                    licence="CC BY 4.0",
                    rights_holder="Sotsiaalkindlustusamet",
                    status=AssetStatus.APPROVED,
                    dominant_colour=rng.choice(colours),
                    search_text=search_text,
                )
            )
        with transaction.atomic():
            Asset.objects.bulk_create(assets)
            versions = AssetVersion.objects.bulk_create(
                [
                    AssetVersion(
                        asset=asset,
                        number=1,
                        file=file_name,
                        original_name="bench.png",
                        sha256=digest,
                        size_bytes=size,
                        format="png",
                        width=300,
                        height=157,
                        report={"verdict": "pass", "findings": []},
                        verdict="pass",
                        brandbook=book,
                        state=VersionState.APPROVED,
                        uploaded_by=owner,
                        decided_by=manager,
                        decided_at=now,
                    )
                    for asset in assets
                ]
            )
            Rendition.objects.bulk_create(
                [
                    Rendition(
                        version=version,
                        name="thumbnail",
                        format="png",
                        file=file_name,
                        width=300,
                        height=157,
                        size_bytes=size,
                        status=RenditionStatus.READY,
                    )
                    for version in versions
                ]
            )
        made += n
    asset_table = Asset._meta.db_table
    version_table = AssetVersion._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {asset_table} SET current_version_id = "  # noqa: S608 - our table names
            f"(SELECT v.id FROM {version_table} v WHERE v.asset_id = {asset_table}.id) "
            "WHERE current_version_id IS NULL"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "token": token,
        "password": PASSWORD,
        "users": {"procurement": buyer.username, "topic_owner": owner.username},
        "assets": Asset.objects.count(),
        "change_log_rows": AssetChange.objects.count(),
        "migrate_seconds": round(migrated - started, 1),
        "generate_seconds": round(time.perf_counter() - migrated, 1),
        "queries": QUERIES,
        "vocabulary": {lang: len(words) for lang, words in maker.vocab.items()},
        "vendor": connection.vendor,
    }


def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


# Each timing series stops after this many seconds (at least one query is always timed): on
# a database where one search takes seconds, the benchmark still ends in bounded time.
BUDGET = float(os.environ.get("BENCH_SEARCH_SECONDS", "60"))


def _time(fn, rounds: int, queries: list[str] | None = None) -> list[float]:
    samples: list[float] = []
    deadline = time.monotonic() + BUDGET
    for _ in range(rounds):
        for query in queries or QUERIES:
            if samples and time.monotonic() > deadline:
                return samples
            started = time.perf_counter()
            fn(query)
            samples.append(time.perf_counter() - started)
    return samples


PATCHES = 20  # assets edited (in this throwaway database) to time the index patch


def _rss_mb() -> float | None:
    """This process's resident memory (Linux), or None."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _index_size(index) -> dict:
    """Approximate memory of the index: its NumPy columns, the postings (token → rows) and the
    Python objects beside them (titles for sorting, tokens, id → row map)."""
    columns = [
        index.ids,
        index.alive,
        *index.coded.values(),
        index.topic,
        index.campaign,
        index.owner,
        index.languages,
        index.has_version,
        index.version_approved,
        index.usable_until,
        index.created,
        index.updated,
    ]
    postings = index._postings
    python = (
        sum(sys.getsizeof(t) for titles in index._titles for t in titles)
        + sum(sys.getsizeof(titles) for titles in index._titles)
        + sum(sys.getsizeof(t) for t in index._tokens)
        + sys.getsizeof(index._tokens)
        + sys.getsizeof(postings)
        + sys.getsizeof(index._position)
        + sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in index._position.items())
    )
    mb = 1024 * 1024
    return {
        "assets": len(index),
        "rows": len(index.ids),
        "tokens": len(index._tokens),
        "postings_entries": sum(len(p) for p in postings.values()),
        "columns_mb": round(sum(a.nbytes for a in columns) / mb, 1),
        "postings_mb": round(sum(sys.getsizeof(p) for p in postings.values()) / mb, 1),
        "python_mb": round(python / mb, 1),
        # each cached word is a bool per row; the cache keeps the last WORD_CACHE_SIZE words
        "word_cache_max_mb": round(WORD_CACHE_SIZE * len(index.ids) / mb, 1),
    }


def _sql_matches(query: str) -> int:
    """What the search found before the index: every word as `LIKE '%word%'` on search_text."""
    assets = Asset.objects.all()
    for word in query.casefold().split():
        assets = assets.filter(search_text__contains=word)
    return assets.count()


def search_timings(rounds: int = 5) -> dict:
    """In-process, for a procurement user: build this process's search index, its size, what
    the library list view and the API run for ?q=…, and the cost of keeping the index current
    (the per-request freshness check, and a patch after one asset is edited)."""
    from django.core.paginator import Paginator
    from django.test import Client

    from brandkit.library import search, search_store
    from brandkit.library.views import PAGE_SIZE, _brandbook

    result: dict = {"vendor": connection.vendor, "change_log_rows": AssetChange.objects.count()}
    user = get_user_model().objects.get(username="bench-buyer")
    book = _brandbook()

    gc.collect()
    rss_before = _rss_mb()
    search_store.reset()
    started = time.perf_counter()
    index = search_store.current()
    result["build_seconds"] = round(time.perf_counter() - started, 2)
    rss_after = _rss_mb()
    if rss_before is not None and rss_after is not None:
        result["build_rss_growth_mb"] = round(rss_after - rss_before, 1)
    result["index"] = _index_size(index)

    result["hits"] = {q: int(np.count_nonzero(index.text(q) & index.alive)) for q in QUERIES}
    # The same matches as the SQL search had (LIKE on search_text), within the time budget.
    deadline = time.monotonic() + BUDGET
    result["sql_hits"] = {}
    for query in QUERIES:
        if time.monotonic() > deadline:
            break
        result["sql_hits"][query] = _sql_matches(query)

    def list_view(query: str) -> None:
        found = search.search(user, {"q": query}, brandbook=book)  # incl. facet counts
        page = Paginator(found.assets, PAGE_SIZE).get_page(1)
        list(page.object_list)

    def list_view_cold(query: str) -> None:
        search_store.current()._words.clear()  # as for a word this process has not seen yet
        list_view(query)

    web = Client(HTTP_HOST="127.0.0.1")
    web.force_login(user)

    def page(query: str) -> None:
        response = web.get("/library/", {"q": query} if query else {})
        if response.status_code != 200:
            raise RuntimeError(f"GET /library/?q={query}: HTTP {response.status_code}")

    _row, token = ApiToken.objects.issue("bench-timing", user)
    api = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {token}")

    def api_list(query: str) -> None:
        response = api.get("/api/v1/assets", {"q": query})
        if response.status_code != 200:
            raise RuntimeError(f"GET /api/v1/assets?q={query}: HTTP {response.status_code}")

    for query in QUERIES:  # warm: word cache, orders, templates, connections
        list_view(query)
        page(query)
        api_list(query)
    result["list_view"] = _percentiles(_time(list_view, rounds))
    result["list_view_cold_word"] = _percentiles(_time(list_view_cold, 2))
    result["page"] = _percentiles(_time(page, rounds))
    result["api"] = _percentiles(_time(api_list, rounds))
    result["list_without_query"] = _percentiles(_time(list_view, rounds, queries=[""] * 10))
    result["page_without_query"] = _percentiles(_time(page, rounds, queries=[""] * 10))

    # Keeping it current: the check every search makes, and a patch after one edit.
    result["freshness_check"] = _percentiles(_time(lambda _q: search_store.current(), rounds * 10))
    patches, first_searches, found_after = [], [], 0
    deadline = time.monotonic() + BUDGET
    for n, asset in enumerate(Asset.objects.order_by("pk")[:PATCHES]):
        if patches and time.monotonic() > deadline:
            break
        search_store.current()
        marker = f"benchpatch{n:03d}x"
        asset.title_en = f"{asset.title_en[:180]} {marker}"
        asset.save()
        started = time.perf_counter()
        index = search_store.current()
        patches.append(time.perf_counter() - started)
        found_after += int(np.count_nonzero(index.text(marker) & index.alive)) == 1
        started = time.perf_counter()
        list_view(QUERIES[n % len(QUERIES)])  # orders and words are computed again
        first_searches.append(time.perf_counter() - started)
    result["patch"] = _percentiles(patches)
    result["search_after_patch"] = _percentiles(first_searches)
    result["patched_found"] = f"{found_after}/{len(patches)}"
    result["waste"] = round(search_store.current().waste, 4)
    return result


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "setup":
        result = setup(int(argv[1]) if len(argv) > 1 else 100_000)
    elif command == "search":
        result = search_timings()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
