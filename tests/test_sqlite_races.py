"""Two decisions at the same moment on a file-based SQLite database (the default
deployment): the loser gets the designed "stale page" message, never a 500 "database is
locked". Each scenario runs tests/race_sqlite.py in a subprocess on a fresh database file with
the real settings for it (transaction_mode IMMEDIATE), two threads with their own connections,
forced to overlap (see race_sqlite's docstring); before IMMEDIATE the decisions and tender
scenarios answered 500 every time."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def races(tmp_path_factory) -> dict:
    """All scenarios, one after the other, in one subprocess on one fresh database file."""
    folder = tmp_path_factory.mktemp("races")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'race.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "tests.race_settings",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.race_sqlite"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert "database is locked" not in done.stderr
    return outcome


def messages(result) -> list[str]:
    return re.findall(r'class="message[^"]*">([^<]*)<', result["text"])


def test_approve_and_request_changes_at_once(races):
    outcome = races["decisions"]
    results = outcome["results"]
    assert [r["status"] for r in results] == [200, 200]
    said = [m for r in results for m in messages(r)]
    stale = [m for m in said if "changed by someone else since you opened the page" in m]
    assert len(stale) == 1, said
    won = "approved" if any("approved" in m.lower() for m in said) else "changes_requested"
    assert outcome["state"] == won


def test_two_tender_requests_at_once(races):
    outcome = races["tenders"]
    results = outcome["results"]
    assert [r["status"] for r in results] == [200, 200]
    said = [m for r in results for m in messages(r)]
    assert sum("is being made" in m for m in said) == 1, said
    assert sum("already exists as version 1" in m for m in said) == 1, said
    assert sorted(v for _kind, v in outcome["documents"]) == [1] * len(outcome["documents"])


def test_two_saves_of_one_staged_upload_at_once(races):
    outcome = races["staged_commits"]
    results = outcome["results"]
    assert [r["status"] for r in results] == [200, 200]
    said = [m for r in results for m in messages(r)]
    assert sum("already saved or discarded from another page" in m for m in said) == 1, said
    assert (outcome["assets"], outcome["versions"], outcome["staged"]) == (1, 1, 0)


@pytest.mark.django_db
def test_the_settings_choose_immediate_transactions_for_sqlite(settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
