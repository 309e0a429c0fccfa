"""Settings for the load benchmark's processes (data set-up, gunicorn, search timing).

The production settings (DEBUG off) with the benchmark's own database and media folder, which
bench/bench_load.py passes in DATABASE_URL and DJANGO_MEDIA_ROOT; cookies are not marked
Secure because the benchmark talks plain HTTP to 127.0.0.1.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-secret-key-not-for-production-0123456789-abcdef")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
os.environ.setdefault("BRANDKIT_TASK_BACKEND", "django_tasks.backends.dummy.DummyBackend")

from brandkit.settings import *  # noqa: E402,F403

# Pages link static files by plain name: no collectstatic needed for a benchmark of pages.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# bench_load's gunicorn cancels a query that runs past BENCH_STATEMENT_TIMEOUT_MS (the request
# then fails), so every step of the benchmark ends in bounded time even where one search takes
# minutes.
_timeout = os.environ.get("BENCH_STATEMENT_TIMEOUT_MS")
if _timeout and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={int(_timeout)}"  # noqa: F405
