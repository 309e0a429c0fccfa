"""Settings of tests/race_sqlite.py: the test settings on the database of DATABASE_URL (a
file), with background tasks stored, not run (the races are about the requests)."""

from tests.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
