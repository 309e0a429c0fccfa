"""Load: brandkit served by gunicorn on 127.0.0.1 over 100,000 generated approved assets.

1. A database of its own — SQLite in a temporary folder, or a new PostgreSQL database on the
   server of BENCH_DATABASE_URL (created and dropped again) — migrated, with the SKA
   brandbook, a procurement user, a topic owner, an API token and BENCH_ASSETS (100,000)
   approved assets with a version and a thumbnail each, made with bulk_create; their titles,
   descriptions and alt texts in Estonian, English and Russian come from word lists with a
   Zipf-like frequency (bench/load_data.py). All versions share one small PNG file.
2. In-process timing of the search the library list view runs (`?q=…`), p95 target < 50 ms,
   and of the proposed index (SQLite FTS5 trigram) for comparison.
3. gunicorn (2 workers) on a free loopback port; signed-in sessions (procurement for reading,
   the topic owner for uploading) drive, at rising concurrency, for at most BENCH_LOAD_SECONDS
   (10) and BENCH_LOAD_MAX_REQUESTS (2,000) per step:
   the library list, a search, the API list with a search, and an upload with checks.
   Printed: requests per second and p50/p95 latency per scenario and concurrency.
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
import subprocess
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

from bench.serve import ROOT, Server, clean_environment, gunicorn_server

ASSETS = int(os.environ.get("BENCH_ASSETS", "100000"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "10"))
MAX_REQUESTS = int(os.environ.get("BENCH_LOAD_MAX_REQUESTS", "2000"))
READ_CONCURRENCY = (1, 4, 16)
UPLOAD_CONCURRENCY = (1, 2)
REQUEST_TIMEOUT = 60.0
# gunicorn ends a request that runs longer than this (its worker is restarted).
GUNICORN_TIMEOUT = ("--timeout", "70")
SEARCH_TARGET_MS = 50.0
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
    result = subprocess.run(
        [sys.executable, "-m", "bench.load_data", *args],
        cwd=ROOT,
        env=clean_environment(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.load_data {' '.join(args)} failed:\n{result.stderr[-5000:]}")
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


# --- load -------------------------------------------------------------------------------------


@dataclass
class Step:
    scenario: str
    concurrency: int
    latencies: list[float]
    errors: int
    elapsed: float

    def line(self) -> str:
        done = len(self.latencies)
        if not done:
            return (
                f"   {self.scenario:<24} c={self.concurrency:<3} no request finished "
                f"({self.errors} errors)"
            )
        ordered = sorted(self.latencies)
        p95 = ordered[max(0, int(done * 0.95 + 0.5) - 1)]
        return (
            f"   {self.scenario:<24} c={self.concurrency:<3} {done / self.elapsed:7.1f} req/s   "
            f"p50 {statistics.median(ordered) * 1000:7.0f} ms   p95 {p95 * 1000:7.0f} ms   "
            f"n={done}" + (f"   errors={self.errors}" if self.errors else "")
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

    return [
        ("library list", library_list),
        ("library search ?q=", library_search),
        ("API /api/v1/assets?q=", api_search),
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


def _search_lines(timings: dict) -> list[str]:
    lines = []
    for key, label in (
        ("list_view", "list view ?q=: search() with facets + page 1"),
        ("text_filter_only", "text filter only: count + page 1"),
        ("list_without_query", "list view without ?q= (facets + page 1)"),
    ):
        t = timings[key]
        target = ""
        if key != "list_without_query":
            target = "  OK" if t["p95_ms"] < SEARCH_TARGET_MS else "  over 50 ms"
        lines.append(
            f"     {label:<46} p50 {t['p50_ms']:7.1f} ms  p95 {t['p95_ms']:7.1f} ms  "
            f"max {t['max_ms']:7.1f} ms  (n={t['n']}){target}"
        )
    return lines


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
                f"(migrate {data['migrate_seconds']} s, generate {data['generate_seconds']} s; "
                f"vocabulary et/en/ru {data['vocabulary']['et']}/{data['vocabulary']['en']}/"
                f"{data['vocabulary']['ru']} words)"
            )
            lines.append(f"   queries: {', '.join(data['queries'])}")

            search = run_data(env, "search")
            hits = ", ".join(f"{q} {n:,}" for q, n in search["hits"].items())
            lines.append(f"   matches per query: {hits}")
            lines.append("   search in-process (what GET /library/?q= runs, procurement user):")
            lines += _search_lines(search)
            # A prototype of the proposed index, timed and dropped again: the HTTP load
            # below measures the database and code as they are.
            proposed = run_data(env, "proposed")
            label = (
                "FTS5 trigram table"
                if data["vendor"] == "sqlite"
                else "pg_trgm + tsvector GIN indexes"
            )
            lines.append(
                f"   with the proposed index ({label}, and (created_at, id); "
                f"built in {proposed['build_seconds']} s):"
            )
            lines += _search_lines(proposed)
            if proposed["hits"] != search["hits"]:
                lines.append(f"   (matches differ with the index: {proposed['hits']})")

            lines.append(
                f"   gunicorn: 2 sync workers on 127.0.0.1, started afresh for each step (work "
                f"queued by an earlier step never delays a later one); at most {SECONDS:.0f} s "
                f"and {MAX_REQUESTS} requests per step, {REQUEST_TIMEOUT:.0f} s per request"
            )
            with gunicorn_server(env, workers=2) as server:
                reader = sign_in(server, data["users"]["procurement"], data["password"])
                owner = sign_in(server, data["users"]["topic_owner"], data["password"])
            steps = [
                (name, one, concurrency, reader)
                for name, one in scenarios(data["queries"], data["token"])
                for concurrency in READ_CONCURRENCY
            ] + [("upload with checks", upload_one, c, owner) for c in UPLOAD_CONCURRENCY]
            for name, one, concurrency, client in steps:
                with gunicorn_server(
                    {**env, "BENCH_STATEMENT_TIMEOUT_MS": str(int(REQUEST_TIMEOUT * 1000))},
                    workers=2,
                    extra_args=GUNICORN_TIMEOUT,
                ) as server:
                    signed_in = client.copy(server)
                    with contextlib.suppress(OSError, http.client.HTTPException):
                        one(signed_in.copy(), 0)  # warm up this server's workers
                    lines.append(drive(name, concurrency, signed_in, one).line())
                print(lines[-1], file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
