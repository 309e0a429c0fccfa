"""The load benchmark's database work, run in its own process with bench.settings:

    python -m bench.load_data setup N     migrate, load the SKA brandbook, users, a token and
                                          N approved assets (bulk_create); prints JSON
    python -m bench.load_data search      time the library list view's search in-process over
                                          those assets; prints JSON
    python -m bench.load_data proposed    the same after building the index proposed for
                                          search (SQLite: an FTS5 trigram table; PostgreSQL:
                                          pg_trgm and tsvector GIN indexes) — a prototype in
                                          the benchmark's own database only

bench/bench_load.py runs these; they are separate processes so that the benchmark's settings
(its own temporary database) never mix with whatever settings the bench runner has loaded.
"""

from __future__ import annotations

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
    AssetKind,
    AssetStatus,
    AssetVersion,
    Campaign,
    Rendition,
    RenditionStatus,
    TopicArea,
    VersionState,
)
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


def _time(fn, rounds: int) -> list[float]:
    samples: list[float] = []
    deadline = time.monotonic() + BUDGET
    for _ in range(rounds):
        for query in QUERIES:
            if samples and time.monotonic() > deadline:
                return samples
            started = time.perf_counter()
            fn(query)
            samples.append(time.perf_counter() - started)
    return samples


def _proposed_index() -> tuple[float, object | None]:
    """Build the index proposed for search in this copy of the database; returns its build
    time and, on SQLite, the text filter that uses it (PostgreSQL needs no code change)."""
    from django.db.models import Q
    from django.db.models.expressions import RawSQL

    from brandkit.library import search

    table = Asset._meta.db_table
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS bench_asset_created ON {table} (created_at, id)"
        )
        if connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS bench_asset_trgm ON {table} "
                "USING gin (search_text gin_trgm_ops)"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS bench_asset_fts ON {table} USING gin "
                "(to_tsvector('simple'::regconfig, COALESCE(search_text, '')))"
            )
            cursor.execute(f"ANALYZE {table}")
            return time.perf_counter() - started, None
        cursor.execute("DROP TABLE IF EXISTS bench_asset_fts")
        cursor.execute(
            "CREATE VIRTUAL TABLE bench_asset_fts USING fts5(search_text, "
            f"content='{table}', content_rowid='id', tokenize='trigram')"
        )
        cursor.execute("INSERT INTO bench_asset_fts(bench_asset_fts) VALUES ('rebuild')")
        cursor.execute("ANALYZE")
    built = time.perf_counter() - started

    def text_filter(queryset, query: str):
        terms = search._terms(query)
        if not terms:
            return queryset
        long_terms = [t for t in terms if len(t) >= 3]  # a trigram index needs 3 characters
        if long_terms:
            expression = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
            queryset = queryset.filter(
                pk__in=RawSQL(
                    "SELECT rowid FROM bench_asset_fts WHERE bench_asset_fts MATCH %s",
                    [expression],
                )
            )
        for term in terms:
            if len(term) < 3:
                queryset = queryset.filter(Q(search_text__contains=term))
        return queryset

    return built, text_filter


def search_timings(proposed: bool = False, rounds: int = 3) -> dict:
    """What the library list view runs for ?q=…, for a procurement user, without HTTP; with
    `proposed`, after building the proposed index (and, on SQLite, searching through it)."""
    from django.core.paginator import Paginator

    from brandkit.library import search
    from brandkit.library.views import PAGE_SIZE, _brandbook

    result = {"vendor": connection.vendor}
    if proposed:
        built, text_filter = _proposed_index()
        result["build_seconds"] = round(built, 1)
        if text_filter is not None:
            search.text_filter = text_filter
    user = get_user_model().objects.get(username="bench-buyer")
    book = _brandbook()

    def list_view_query(query: str) -> None:
        found = search.search(user, {"q": query}, brandbook=book)  # incl. facet counts
        page = Paginator(found.assets, PAGE_SIZE).get_page(1)
        list(page.object_list)

    def text_only(query: str) -> None:
        assets = search.text_filter(search.visible_assets(user), query)
        assets = assets.exclude(status__in=search.HIDDEN_STATUSES).order_by("-created_at", "-pk")
        page = Paginator(assets, PAGE_SIZE).get_page(1)
        list(page.object_list)

    result["hits"] = {
        q: search.text_filter(search.visible_assets(user), q).count() for q in QUERIES
    }
    list_view_query(QUERIES[0])  # warm the caches once
    no_query = []
    deadline = time.monotonic() + BUDGET
    for _ in range(rounds * 2):
        if no_query and time.monotonic() > deadline:
            break
        started = time.perf_counter()
        list_view_query("")
        no_query.append(time.perf_counter() - started)
    result["list_view"] = _percentiles(_time(list_view_query, rounds))
    result["text_filter_only"] = _percentiles(_time(text_only, rounds))
    result["list_without_query"] = _percentiles(no_query)
    if proposed:
        _drop_proposed_index()  # the HTTP load then measures the database as the code has it
    return result


def _drop_proposed_index() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS bench_asset_created")
        if connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS bench_asset_trgm")
            cursor.execute("DROP INDEX IF EXISTS bench_asset_fts")
        else:
            cursor.execute("DROP TABLE IF EXISTS bench_asset_fts")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "setup":
        result = setup(int(argv[1]) if len(argv) > 1 else 100_000)
    elif command == "search":
        result = search_timings()
    elif command == "proposed":
        result = search_timings(proposed=True)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
