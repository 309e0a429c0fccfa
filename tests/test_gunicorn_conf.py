"""gunicorn.conf.py's hooks: the index is built before a worker serves, and the garbage
collector's heap is frozen again once the first requests and every index change are done."""

import gc
import importlib.util
import logging
from pathlib import Path

import pytest

from brandkit.library import search_store
from tests.library_helpers import make_asset

pytestmark = pytest.mark.django_db

CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"


@pytest.fixture
def conf():
    spec = importlib.util.spec_from_file_location("brandkit_gunicorn_conf", CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    gc.unfreeze()


class Worker:
    pid = 4242
    log = logging.getLogger("test.gunicorn")


def test_a_worker_builds_the_index_before_it_serves(conf, ska, topic_owner, caplog):
    make_asset(topic_owner, ska)
    search_store.reset()
    with caplog.at_level(logging.INFO, logger="test.gunicorn"):
        conf.post_worker_init(Worker())
    assert search_store._state.index is not None and len(search_store._state.index) == 1
    assert conf.READY in caplog.text and "1 assets" in caplog.text
    assert gc.get_freeze_count() > 0


def test_the_heap_is_frozen_after_the_first_requests_and_after_an_index_change(
    conf, ska, topic_owner
):
    worker = Worker()
    search_store.current()
    frozen_at = []
    for served in range(1, 31):
        gc.unfreeze()
        conf.post_request(worker, None, {}, None)
        if gc.get_freeze_count():
            frozen_at.append(served)
    assert frozen_at == [20]
    make_asset(topic_owner, ska)
    search_store.current()  # patched: a new generation of the index
    gc.unfreeze()
    conf.post_request(worker, None, {}, None)
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    conf.post_request(worker, None, {}, None)  # nothing changed since: no collection
    assert gc.get_freeze_count() == 0
