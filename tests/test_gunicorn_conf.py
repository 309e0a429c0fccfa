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


def _gunicorn_config(monkeypatch, **env):
    """gunicorn.conf.py read under `env`, applied to gunicorn's own Config as gunicorn does."""
    from gunicorn.config import Config

    for name in ("FORWARDED_ALLOW_IPS", "DJANGO_BEHIND_TLS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("brandkit_gunicorn_conf_env", CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    config = Config()
    for name, value in vars(module).items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_no_forwarded_header_is_trusted_by_default(monkeypatch):
    """gunicorn's default would trust X-Forwarded-Proto from 127.0.0.1 and ::1."""
    assert _gunicorn_config(monkeypatch).forwarded_allow_ips == []


def test_behind_the_tls_proxy_the_local_proxy_is_trusted(monkeypatch):
    config = _gunicorn_config(monkeypatch, DJANGO_BEHIND_TLS_PROXY="1")
    assert config.forwarded_allow_ips == ["127.0.0.1", "::1"]


def test_forwarded_allow_ips_names_the_proxies(monkeypatch):
    config = _gunicorn_config(
        monkeypatch, FORWARDED_ALLOW_IPS="10.0.0.5,10.0.0.6", DJANGO_BEHIND_TLS_PROXY="1"
    )
    assert config.forwarded_allow_ips == ["10.0.0.5", "10.0.0.6"]
    assert _gunicorn_config(monkeypatch, FORWARDED_ALLOW_IPS="").forwarded_allow_ips == []
