"""Two real requests racing on a file-based SQLite database, run by tests/test_sqlite_races.py
in a subprocess (`python -m tests.race_sqlite [SCENARIO …]` with DATABASE_URL pointing at a
fresh file): the settings under test are the real ones for that database, not the test runner's
in-memory database.

Each scenario makes two threads — each with its own test client, so its own database
connection — post two decisions about the same thing. To make them overlap for certain, each
thread waits at a barrier right after it has read the contested row: with deferred
transactions both then hold a read lock and the first write of one makes the other fail with
"database is locked" (SQLite cannot let it wait: that would deadlock). With IMMEDIATE
transactions the second cannot even begin until the first commits, so the barrier times out
and the second reads the first's result. Prints one JSON line: the final status and page
text of each request, per scenario.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import threading

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.race_settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models.signals import post_init  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

BARRIER_SECONDS = 3


@functools.cache
def _users():
    from django.contrib.auth.models import Group, User

    from brandkit.roles import TOPIC_OWNER, WEB_MANAGER

    owner = User.objects.create_user("owner", password="a-long-test-password")
    owner.groups.add(Group.objects.get(name=TOPIC_OWNER))
    manager = User.objects.create_user("manager", password="a-long-test-password", is_staff=True)
    manager.groups.add(Group.objects.get(name=WEB_MANAGER))
    return owner, manager


@functools.cache
def _ska():
    from brandkit.brandbooks import SKA_BRANDBOOK
    from brandkit.rules.loading import load_brandbook_file

    return load_brandbook_file(SKA_BRANDBOOK).brandbook


class Race:
    """Two threads; each waits once at the barrier after reading a row of `model`."""

    def __init__(self, model, *, in_transaction: bool):
        self.barrier = threading.Barrier(2, timeout=BARRIER_SECONDS)
        self.model = model
        self.in_transaction = in_transaction
        self.local = threading.local()
        post_init.connect(self._reached, sender=model, weak=False)

    def _reached(self, sender, instance, **kwargs):
        if not getattr(self.local, "racing", False) or getattr(self.local, "waited", False):
            return
        if self.in_transaction and not connection.in_atomic_block:
            return
        self.local.waited = True
        # a broken barrier: the other request could not get this far, it waits for our lock
        with contextlib.suppress(threading.BrokenBarrierError):
            self.barrier.wait()

    def run(self, *requests):
        results = [None] * len(requests)

        def worker(index, request):
            self.local.racing = True
            try:
                response = request()
                results[index] = {
                    "status": response.status_code,
                    "text": response.content.decode(errors="replace"),
                }
            except Exception as error:  # noqa: BLE001 - reported to the test as it is
                results[index] = {"status": "exception", "text": repr(error)}
            finally:
                connection.close()

        threads = [threading.Thread(target=worker, args=(i, r)) for i, r in enumerate(requests)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        return results


def _client(user):
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def decisions():
    """Approve and request changes of one submitted version at once."""
    from brandkit.library.models import AssetVersion
    from tests.library_helpers import make_asset

    owner, manager = _users()
    _asset, version = make_asset(owner, _ska(), state="submitted")
    revision = AssetVersion.objects.get(pk=version.pk).revision
    first, second = _client(manager), _client(manager)
    race = Race(AssetVersion, in_transaction=True)
    results = race.run(
        lambda: first.post(
            reverse("review:approve", args=[version.pk]),
            {"revision": str(revision)},
            follow=True,
        ),
        lambda: second.post(
            reverse("review:request_changes", args=[version.pk]),
            {"revision": str(revision), "text": "Palun paranda."},
            follow=True,
        ),
    )
    version.refresh_from_db()
    return {"results": results, "state": version.state}


def staged_commits():
    """Save one staged upload as a new asset from two tabs at once."""
    from brandkit.library.models import Asset, AssetVersion, StagedUpload
    from tests.library_helpers import make_staged

    owner, _manager = _users()
    staged = make_staged(owner, _ska())
    url = reverse("library:staged", args=[staged.token])
    data = {"title_et": "Bänner", "kind": "banner", "languages": ["et"], "alt_text_et": "Tekst"}
    first, second = _client(owner), _client(owner)
    race = Race(StagedUpload, in_transaction=False)  # both have read it before either saves
    results = race.run(
        lambda: first.post(url, data, follow=True),
        lambda: second.post(url, data, follow=True),
    )
    return {
        "results": results,
        "assets": Asset.objects.filter(title_et="Bänner").count(),
        "versions": AssetVersion.objects.filter(asset__title_et="Bänner").count(),
        "staged": StagedUpload.objects.filter(pk=staged.pk).count(),
    }


def tender_requests():
    """Request the same tender set twice at once."""
    from procurement.models import Document, VisualOrder
    from tests.test_procurement_helpers import make_order

    owner, _manager = _users()
    _ska()
    order = make_order(owner, value="75000.00")
    url = reverse("procurement:generate_tender", args=[order.number])
    first, second = _client(owner), _client(owner)
    race = Race(VisualOrder, in_transaction=True)
    results = race.run(
        lambda: first.post(url, {"lang": "et"}, follow=True),
        lambda: second.post(url, {"lang": "et"}, follow=True),
    )
    return {
        "results": results,
        "documents": list(Document.objects.values_list("kind", "version")),
    }


SCENARIOS = {"decisions": decisions, "staged_commits": staged_commits, "tenders": tender_requests}


if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    names = sys.argv[1:] or list(SCENARIOS)
    print(json.dumps({name: SCENARIOS[name]() for name in names}))
