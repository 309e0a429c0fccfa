"""Load: brandkit served by gunicorn on 127.0.0.1 over 100,000 generated approved assets.

1. A database of its own — SQLite in a temporary folder, or a new PostgreSQL database on the
   server of BENCH_DATABASE_URL (created and dropped again) — migrated, with the SKA
   brandbook, a procurement user, a topic owner, an API token and BENCH_ASSETS (100,000)
   approved assets with a version and a thumbnail each, made with bulk_create; their titles,
   descriptions and alt texts in Estonian, English and Russian come from word lists with a
   Zipf-like frequency (bench/load_data.py). All versions share one small PNG file.
2. In-process (bench/load_data.py search): the search index's build time and size; the
   library list view's search (`?q=…`), the page and the API through Django's test client,
   p95 target < 50 ms; and the cost of keeping the index current (the check every search
   makes, and the patch after one asset is edited).
3. gunicorn (2 sync workers, each building its search index before it takes requests — see
   gunicorn.conf.py) on a free loopback port; signed-in sessions (procurement for reading,
   the topic owner for uploading) drive, at rising concurrency, for at most BENCH_LOAD_SECONDS
   (10) and BENCH_LOAD_MAX_REQUESTS (2,000) per step:
   the library list, a search, the API list with a search, and an upload with checks.
   Printed: requests per second, p50/p95 latency and the mean service time per scenario and
   concurrency; the search target is judged at c=1 (above 2 clients, 2 workers queue).
gunicorn and the temporary database are always removed at the end, also on error.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from bench.serve import ROOT, Server, gunicorn_server, python

ASSETS = int(os.environ.get("BENCH_ASSETS", "100000"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "10"))
MAX_REQUESTS = int(os.environ.get("BENCH_LOAD_MAX_REQUESTS", "2000"))
WORKERS = 2
READ_CONCURRENCY = (1, 4, 16)
UPLOAD_CONCURRENCY = (1, 2)
REQUEST_TIMEOUT = 60.0
# gunicorn ends a request that runs longer than this (its worker is restarted).
GUNICORN_TIMEOUT = ("--timeout", "70")
SEARCH_TARGET_MS = 50.0
# Requests per worker before a step is measured (each query at least once per worker, so its
# word is cached there, as it is for a common query in a running server).
WARM_UP = 20
UPLOAD_FILE = ROOT / "tests" / "corpus" / "safety" / "good-facebook.png"
UPLOAD_PRESET = "facebook-link"


# --- the database ---------------------------------------------------------------------------


@contextlib.contextmanager
def bench_database(folder: Path) -> Iterator[str]:
    """A DATABASE_URL for a database of the benchmark's own, removed afterwards."""
    server_url = os.environ.get("BENCH_DATABASE_URL", "")
    if not server_url:
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
        return
    import psycopg

    name = f"brandkit_bench_{uuid.uuid4().hex[:10]}"
    parts = urlsplit(server_url)
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_data(env: dict[str, str], *args: str, timeout: float = 3600) -> dict:
    result = python(env, "-m", "bench.load_data", *args, timeout=timeout)
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- HTTP -------------------------------------------------------------------------------------


@dataclass
class Client:
    """One signed-in browser: its cookies, its own connection (one per thread)."""

    server: Server
    cookies: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def copy(self, server: Server | None = None) -> Client:
        return Client(server or self.server, dict(self.cookies), dict(self.headers))

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict, bytes]:
        connection = getattr(self, "_connection", None)
        if connection is None:
            connection = self._connection = self.server.connection(timeout=REQUEST_TIMEOUT)
        sent = {"Host": self.server.host, **self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            connection.close()
            self._connection = None
            raise
        for raw in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(raw)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        if response.headers.get("Connection", "").lower() == "close":
            connection.close()
            self._connection = None
        return response.status, dict(response.headers), data


def csrf_token(page: bytes) -> str:
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not found:
        raise RuntimeError("no CSRF token in the page")
    return found.group(1).decode()


def sign_in(server: Server, username: str, password: str) -> Client:
    client = Client(server)
    _status, _headers, page = client.request("GET", "/accounts/login/")
    form = urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": csrf_token(page)}
    ).encode()
    status, headers, _body = client.request(
        "POST", "/accounts/login/", form, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    if status != 302 or "sessionid" not in client.cookies:
        raise RuntimeError(f"signing in as {username} failed: HTTP {status}")
    return client


def multipart(
    fields: dict[str, str], files: list[tuple[str, str, bytes, str]]
) -> tuple[bytes, str]:
    boundary = f"----brandkit-bench-{uuid.uuid4().hex}"
    parts = []
    for name, value in fields.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            ).encode()
        )
    for name, filename, data, content_type in files:
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# --- CPU use (Linux /proc): who used the machine's CPUs during a step -------------------------

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
CPUS = os.cpu_count() or 1


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (not idle or waiting for I/O)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            values = [int(v) for v in stat.readline().split()[1:9]]
    except OSError:
        return 0.0
    return (sum(values) - values[3] - values[4]) / TICKS


def _tree_cpu(root: int) -> float:
    """CPU seconds used so far by a process and its children (gunicorn and its workers)."""
    total = 0.0
    for entry in os.listdir("/proc") if root and os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as stat:
                text = stat.read()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        if int(entry) == root or int(fields[1]) == root:
            total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system


@dataclass
class CpuUse:
    """CPUs in use on average during a step: the server, this load generator, everything else
    (other programs — and the database server, for PostgreSQL)."""

    server: float
    client: float
    other: float

    def text(self) -> str:
        return (
            f"   CPUs: gunicorn {self.server:.1f}, client {self.client:.1f}, "
            f"other {self.other:.1f} of {CPUS}"
        )


@contextlib.contextmanager
def cpu_use(server: Server) -> Iterator[list[CpuUse]]:
    found: list[CpuUse] = []
    before = (_machine_busy(), _tree_cpu(server.pid), _own_cpu(), time.monotonic())
    yield found
    after = (_machine_busy(), _tree_cpu(server.pid), _own_cpu(), time.monotonic())
    wall = max(after[3] - before[3], 1e-9)
    machine, gunicorn, own = (after[i] - before[i] for i in range(3))
    found.append(CpuUse(gunicorn / wall, own / wall, max(0.0, machine - gunicorn - own) / wall))


# --- load -------------------------------------------------------------------------------------


@dataclass
class Step:
    scenario: str
    concurrency: int
    latencies: list[float]
    errors: int
    elapsed: float

    def line(self, target: bool = False) -> str:
        done = len(self.latencies)
        if not done:
            return (
                f"   {self.scenario:<24} c={self.concurrency:<3} no request finished "
                f"({self.errors} errors)"
            )
        ordered = sorted(self.latencies)
        p95 = ordered[max(0, int(done * 0.95 + 0.5) - 1)] * 1000
        rate = done / self.elapsed
        service = min(self.concurrency, WORKERS) / rate * 1000
        if target and self.concurrency == 1:
            note = f"   target p95 < {SEARCH_TARGET_MS:.0f} ms: {_mark(p95)}"
        elif self.concurrency > WORKERS:
            note = f"   (queueing: {self.concurrency} clients, {WORKERS} workers)"
        else:
            note = ""
        return (
            f"   {self.scenario:<24} c={self.concurrency:<3} {rate:7.1f} req/s   "
            f"p50 {statistics.median(ordered) * 1000:7.0f} ms   p95 {p95:7.0f} ms   "
            f"service {service:6.0f} ms   n={done}"
            + (f"   errors={self.errors}" if self.errors else "")
            + note
        )


def drive(
    scenario: str, concurrency: int, client: Client, one: Callable[[Client, int], bool]
) -> Step:
    """`concurrency` threads, each with its own copy of the signed-in client, send requests
    back to back until SECONDS have passed or MAX_REQUESTS were sent."""
    latencies: list[float] = []
    errors = 0
    sent = 0
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def worker(index: int) -> None:
        nonlocal errors, sent
        own = client.copy()
        n = 0
        while time.monotonic() < deadline:
            with lock:
                if sent >= MAX_REQUESTS:
                    return
                sent += 1
            started = time.perf_counter()
            try:
                ok = one(own, index * 100_000 + n)
            except (OSError, http.client.HTTPException):
                ok = False
            took = time.perf_counter() - started
            with lock:
                if ok:
                    latencies.append(took)
                else:
                    errors += 1
            n += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + REQUEST_TIMEOUT + 30)
    return Step(scenario, concurrency, latencies, errors, time.perf_counter() - started)


def warm_up(client: Client, one: Callable[[Client, int], bool], per_worker: int) -> None:
    """WORKERS threads send `per_worker` requests each (not measured). gunicorn's sync workers
    close every connection, so each request goes to whichever worker is free: both see the
    queries."""

    def worker(index: int) -> None:
        own = client.copy()
        for n in range(per_worker):
            with contextlib.suppress(OSError, http.client.HTTPException):
                one(own, index * 100_000 + n)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=per_worker * REQUEST_TIMEOUT)


def scenarios(queries: list[str], token: str):
    def library_list(client: Client, n: int) -> bool:
        status, _h, body = client.request("GET", "/library/")
        return status == 200 and b"<main" in body

    def library_search(client: Client, n: int) -> bool:
        query = queries[n % len(queries)]
        status, _h, _body = client.request("GET", f"/library/?q={quote(query)}")
        return status == 200

    def api_search(client: Client, n: int) -> bool:
        query = queries[n % len(queries)]
        status, _h, body = client.request(
            "GET",
            f"/api/v1/assets?q={quote(query)}",
            headers={"Authorization": f"Bearer {token}"},
        )
        return status == 200 and body.startswith(b"{")

    return [  # name, request, judged against the search target
        ("library list", library_list, False),
        ("library search ?q=", library_search, True),
        ("API /api/v1/assets?q=", api_search, True),
    ]


def upload_one(client: Client, n: int) -> bool:
    """GET the upload form (its CSRF token), POST one file: it is checked and staged."""
    status, _h, page = client.request("GET", "/library/upload/")
    if status != 200:
        return False
    body, content_type = multipart(
        {"csrfmiddlewaretoken": csrf_token(page), "preset": UPLOAD_PRESET},
        [("files", f"banner-{n}.png", UPLOAD_FILE.read_bytes(), "image/png")],
    )
    status, headers, _body = client.request(
        "POST", "/library/upload/", body, {"Content-Type": content_type}
    )
    return status == 302 and "/library/staged/" in headers.get("Location", "")


# --- the benchmark ----------------------------------------------------------------------------


def _mark(p95_ms: float) -> str:
    return "OK" if p95_ms < SEARCH_TARGET_MS else f"over {SEARCH_TARGET_MS:.0f} ms"


def _timing_line(label: str, t: dict, target: bool = False) -> str:
    return (
        f"     {label:<50} p50 {t['p50_ms']:7.1f} ms  p95 {t['p95_ms']:7.1f} ms  "
        f"max {t['max_ms']:7.1f} ms  (n={t['n']})" + (f"  {_mark(t['p95_ms'])}" if target else "")
    )


def _in_process_lines(timings: dict) -> list[str]:
    index = timings["index"]
    lines = []
    hits = ", ".join(f"{q} {n:,}" for q, n in timings["hits"].items())
    lines.append(f"   matches per query (index): {hits}")
    sql = timings["sql_hits"]
    differ = {q: (n, sql[q]) for q, n in timings["hits"].items() if q in sql and sql[q] != n}
    if differ:
        lines.append(f"   MATCHES DIFFER from SQL LIKE on search_text (index, SQL): {differ}")
    else:
        lines.append(
            f"   (the same as SQL LIKE on search_text for {len(sql)} of {len(timings['hits'])} "
            "queries checked)"
        )
    rss = timings.get("build_rss_growth_mb")
    lines.append(
        f"   search index, built in this process in {timings['build_seconds']:.2f} s "
        f"(change log then {timings['change_log_rows']:,} rows): {index['assets']:,} assets, "
        f"{index['tokens']:,} tokens, {index['postings_entries']:,} postings entries"
    )
    lines.append(
        f"     memory ≈ NumPy columns {index['columns_mb']} MB + postings "
        f"{index['postings_mb']} MB + Python objects (titles, tokens, id map) "
        f"{index['python_mb']} MB"
        + (f"; process RSS grew {rss} MB during the build" if rss is not None else "")
        + f"; word cache up to {index['word_cache_max_mb']} MB"
    )
    lines.append(
        f"   search in-process (procurement user; target p95 < {SEARCH_TARGET_MS:.0f} ms):"
    )
    lines += [
        _timing_line(
            "list view ?q=: search() with facets + page 1 read", timings["list_view"], True
        ),
        _timing_line(
            "  the same, word not cached in this process yet",
            timings["list_view_cold_word"],
            True,
        ),
        _timing_line("GET /library/?q= via test client (view + template)", timings["page"], True),
        _timing_line("GET /api/v1/assets?q= via test client (bearer)", timings["api"], True),
        _timing_line(
            "list view without ?q=: search() + page 1 read", timings["list_without_query"]
        ),
        _timing_line("GET /library/ via test client", timings["page_without_query"]),
    ]
    lines.append("   keeping the index current:")
    lines += [
        _timing_line(
            "current() with no change (check on every search)", timings["freshness_check"]
        ),
        _timing_line(
            f"patch: current() after a title is saved ({timings['patched_found']} found)",
            timings["patch"],
        ),
        _timing_line("the first list view ?q= after that patch", timings["search_after_patch"]),
    ]
    return lines


BUILT = re.compile(r"built in ([0-9.]+) s")


def run() -> list[str]:
    lines: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="brandkit-bench-load-"))
    try:
        with bench_database(folder) as database_url:
            env = {
                "DJANGO_SETTINGS_MODULE": "bench.settings",
                "DATABASE_URL": database_url,
                "DJANGO_MEDIA_ROOT": str(folder / "media"),
                "DJANGO_STATIC_ROOT": str(folder / "static"),
            }
            print(f"   (setting up {ASSETS:,} assets …)", file=sys.stderr, flush=True)
            data = run_data(env, "setup", str(ASSETS))
            lines.append(
                f"   database: {data['vendor']}, {data['assets']:,} approved assets "
                f"(migrate {data['migrate_seconds']} s, generate {data['generate_seconds']} s, "
                f"change log {data['change_log_rows']:,} rows; vocabulary et/en/ru "
                f"{data['vocabulary']['et']}/{data['vocabulary']['en']}/"
                f"{data['vocabulary']['ru']} words)"
            )
            lines.append(f"   queries: {', '.join(data['queries'])}")
            for line in lines:
                print(line, file=sys.stderr, flush=True)

            timings = run_data(env, "search")
            for line in _in_process_lines(timings):
                lines.append(line)
                print(line, file=sys.stderr, flush=True)

            lines.append(
                f"   gunicorn: {WORKERS} sync workers on 127.0.0.1, started afresh for each step "
                "(work queued by an earlier step never delays a later one); each worker builds "
                "its search index before it takes requests (gunicorn.conf.py), then "
                f"{WARM_UP} warm-up requests per worker; at most {SECONDS:.0f} s and "
                f"{MAX_REQUESTS} requests per step, {REQUEST_TIMEOUT:.0f} s per request"
            )
            lines.append(
                f"   service = min(c, {WORKERS}) / throughput: the mean time a worker spends on "
                f"a request; above c={WORKERS} the latency is mostly queueing for a worker. "
                f"Search target p95 < {SEARCH_TARGET_MS:.0f} ms judged at c=1. CPUs: average "
                f"CPUs busy during the step — gunicorn, this client, and other (the rest of the "
                f"machine{', incl. PostgreSQL' if data['vendor'] == 'postgresql' else ''}); "
                f"{CPUS} CPUs in all"
            )
            with gunicorn_server(env, workers=WORKERS) as server:
                reader = sign_in(server, data["users"]["procurement"], data["password"])
                owner = sign_in(server, data["users"]["topic_owner"], data["password"])
            steps = [
                (name, one, concurrency, reader, target)
                for name, one, target in scenarios(data["queries"], data["token"])
                for concurrency in READ_CONCURRENCY
            ] + [("upload with checks", upload_one, c, owner, False) for c in UPLOAD_CONCURRENCY]
            builds: list[float] = []
            for name, one, concurrency, client, target in steps:
                with gunicorn_server(
                    {**env, "BENCH_STATEMENT_TIMEOUT_MS": str(int(REQUEST_TIMEOUT * 1000))},
                    workers=WORKERS,
                    extra_args=GUNICORN_TIMEOUT,
                ) as server:
                    builds += [float(m) for m in BUILT.findall("\n".join(server.ready_lines()))]
                    signed_in = client.copy(server)
                    warm_up(signed_in, one, 1 if one is upload_one else WARM_UP)
                    with cpu_use(server) as used:
                        step = drive(name, concurrency, signed_in, one)
                    lines.append(step.line(target) + used[0].text())
                print(lines[-1], file=sys.stderr, flush=True)
            if builds:
                lines.append(
                    f"   workers' search index builds at start: {len(builds)} builds, "
                    f"{min(builds):.1f}–{max(builds):.1f} s (median "
                    f"{statistics.median(builds):.1f} s; {WORKERS} workers building at once)"
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
