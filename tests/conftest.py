"""Shared fixtures: the SKA brandbook loaded for real, and one user per role."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from brandkit.brandbooks import SKA_BRANDBOOK
from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption(
        "--reverse-order",
        action="store_true",
        help="run the tests in the reverse of their collected order (use with -p no:randomly)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Run the tests in exactly the order pytest-randomly chose (or the files' order, or its
    reverse), undoing pytest-django's grouping of transactional tests last: that grouping is
    what hid tests that failed after a transactional test's flush. The order stays reproducible
    from the seed in the header (`-p randomly --randomly-seed=…`)."""
    chosen = list(items)  # randomly's wrapper (tryfirst) has shuffled already, if active
    result = yield
    if config.getoption("--reverse-order"):
        chosen.reverse()
    kept = set(items)  # -k, -m and --deselect removed some in between
    items[:] = [item for item in chosen if item in kept]
    return result


def pytest_sessionfinish(session, exitstatus):
    """In CI a run in which no test passed fails like one that collected none (exit code 5):
    every test deselected or skipped (say, a PostgreSQL run that silently used SQLite) must not
    look green."""
    if not os.environ.get("CI") or exitstatus != pytest.ExitCode.OK:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and not reporter.stats.get("passed"):
        reporter.write_line("CI: no test passed in this run", red=True)
        session.exitstatus = pytest.ExitCode.NO_TESTS_COLLECTED


@pytest.fixture
def ska(db):
    from brandkit.rules.loading import load_brandbook_file

    return load_brandbook_file(SKA_BRANDBOOK).brandbook


def _user(django_user_model, username, role, staff=False):
    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password", is_staff=staff
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def topic_owner(db, django_user_model):
    return _user(django_user_model, "owner", TOPIC_OWNER)


@pytest.fixture
def web_manager(db, django_user_model):
    return _user(django_user_model, "manager", WEB_MANAGER, staff=True)


@pytest.fixture
def procurement_user(db, django_user_model):
    return _user(django_user_model, "buyer", PROCUREMENT)


@pytest.fixture(params=["topic_owner", "web_manager", "procurement_user"])
def any_role_user(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language (Estonian): a request through the test client
    leaves its language active in the thread (LocaleMiddleware does not reset it), so messages
    asserted in English passed or failed by the order the tests ran in."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_search_index():
    """Each test's database is rolled back at its end (and SQLite reuses the change-log numbers
    of rolled-back rows), so no test may see an index built over another test's assets."""
    from brandkit.library import search_store

    search_store.reset()
    yield
    search_store.reset()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Every test writes media into its own empty folder."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    return Path(settings.MEDIA_ROOT)


@pytest.fixture(scope="session")
def s3_server():
    """moto's standalone S3 server on 127.0.0.1 for the whole session (see tests/s3_server.py)."""
    from tests.s3_server import running_moto_server

    with running_moto_server() as server:
        yield server


@pytest.fixture
def s3_media(settings, s3_server):
    """Media on the S3 server for one test, in an emptied bucket. Changing STORAGES through the
    settings fixture sends setting_changed, on which Django resets `storages` and
    `default_storage` (django/test/signals.py), so FileFields use the S3 storage at once."""
    s3_server.empty()
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage_config}
    yield s3_server
    s3_server.empty()
