"""gunicorn settings for brandkit, read from the working directory (`gunicorn brandkit.wsgi`).

Each worker builds its library search index (brandkit.library.search_store) before it takes
its first request. This is for production as much as for the load benchmark: without it the
first search in every new worker — after a start, a reload, or a worker gunicorn restarted —
waits for the whole build (about 5–7 s at 100,000 assets, more when workers share the CPUs),
and so does every request queued behind it. A build longer than --timeout does not get the
worker killed: gunicorn (23) times a worker out only after its request loop has begun (checked
with --timeout 3 and a 4.5 s build).

After the build, gc.freeze() moves everything alive (Django, the index and its ~100 MB of
Python objects at 100,000 assets) out of the garbage collector's view: otherwise a full
collection walks them all every few dozen requests, a 100–125 ms pause measured in the load
benchmark that lands right at the p95. The first requests still import and compile more
(URL patterns, templates, the API's schemas) and a patched index is new objects, so after a
worker's 20th and 200th request, and after any request in which the index changed, the
collector runs once and freezes again — after the response has been sent.

If the build fails (say, the database is not migrated yet), the error is logged and the worker
starts anyway; its first search then builds the index as before.

Every worker logs one line holding READY when it is ready to take requests;
bench/serve.py waits for that line from every worker before it uses the server.

`forwarded_allow_ips` is set here, not left to gunicorn's default: that default trusts
X-Forwarded-Proto/-Protocol/-Ssl from 127.0.0.1 and ::1, so anything on the same host (or a
local proxy that passes the client's headers through) could make a plain-HTTP request look
like HTTPS to the app. The addresses come from FORWARDED_ALLOW_IPS (gunicorn's own variable,
comma-separated, `*` for any); without it nothing is trusted unless DJANGO_BEHIND_TLS_PROXY
is on, and then only the proxy on this host (127.0.0.1, ::1).
"""

import gc
import os
import time

READY = "brandkit worker ready"
LOCAL_PROXY = "127.0.0.1,::1"


def _forwarded_allow_ips() -> str:
    explicit = os.environ.get("FORWARDED_ALLOW_IPS")
    if explicit is not None:
        return explicit.strip()
    behind = os.environ.get("DJANGO_BEHIND_TLS_PROXY", "").strip().lower()
    return LOCAL_PROXY if behind in {"1", "true", "yes", "on"} else ""


forwarded_allow_ips = _forwarded_allow_ips()


def post_worker_init(worker):
    started = time.perf_counter()
    try:
        from django.db import connections

        from brandkit.library import search_store

        try:
            index = search_store.current()
        finally:
            connections.close_all()  # requests open their own connections
    except Exception:  # noqa: BLE001 - any failure: log it, serve, build on the first search
        worker.log.exception("search index not built at worker start (pid %s)", worker.pid)
        worker.log.info("%s (pid %s; no search index yet)", READY, worker.pid)
        return
    gc.collect()
    try:  # the OCR engines and language model, so that the first upload does not wait for them
        from brandkit.checks import text

        text.warm_up()
    except Exception:  # noqa: BLE001 - the first check loads them instead
        worker.log.exception("vision checks not warmed up (pid %s)", worker.pid)
    gc.freeze()
    worker.log.info(
        "%s (pid %s; search index of %d assets built in %.1f s)",
        READY,
        worker.pid,
        len(index),
        time.perf_counter() - started,
    )


FREEZE_AFTER_REQUESTS = (20, 200)


def post_request(worker, req, environ, resp):
    from brandkit.library import search_store

    served = getattr(worker, "brandkit_served", 0) + 1
    worker.brandkit_served = served
    generation = search_store.generation()
    if served in FREEZE_AFTER_REQUESTS or generation != getattr(
        worker, "brandkit_frozen_generation", generation
    ):
        gc.collect()
        gc.freeze()
    worker.brandkit_frozen_generation = generation
