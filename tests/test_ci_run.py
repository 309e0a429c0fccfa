""".ci/run: the PostgreSQL run is never dropped quietly (a stand-in `make` records the call)."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fake_make(tmp_path):
    """A `make` first on PATH that prints its arguments and TEST_DATABASE_URL."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    make = bin_dir / "make"
    make.write_text('#!/bin/sh\necho "make $* url=${TEST_DATABASE_URL:-none}"\n')
    make.chmod(0o755)
    return bin_dir


@pytest.fixture
def closed_port():
    """A port on 127.0.0.1 that refuses connections (bound, not listening)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def open_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def ci_run(fake_make, port, **env):
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"CI", "TEST_DATABASE_URL", "DATABASE_URL"}
    }
    environ.update(
        PATH=f"{fake_make}{os.pathsep}{os.environ['PATH']}",
        BRANDKIT_CI_POSTGRES_PORT=str(port),
        **env,
    )
    return subprocess.run(
        ["bash", str(ROOT / ".ci" / "run")],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_in_ci_a_silent_postgresql_fails_the_run_before_any_test(fake_make, closed_port):
    result = ci_run(fake_make, closed_port, CI="true")
    assert result.returncode == 1
    assert f"PostgreSQL does not answer on 127.0.0.1:{closed_port}" in result.stderr
    assert "FAILED" in result.stderr
    assert "make" not in result.stdout


def test_outside_ci_a_silent_postgresql_is_said_and_sqlite_runs(fake_make, closed_port):
    result = ci_run(fake_make, closed_port)
    assert result.returncode == 0
    assert "SQLite only, NOT on PostgreSQL" in result.stderr
    assert result.stdout.strip() == "make test url=none"


def test_an_answering_postgresql_gets_the_second_run(fake_make, open_port):
    result = ci_run(fake_make, open_port, CI="true")
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip() == f"make test url=postgres://postgres@127.0.0.1:{open_port}/postgres"
    )


def test_a_given_test_database_url_is_used_as_it_is(fake_make, closed_port):
    result = ci_run(fake_make, closed_port, CI="true", TEST_DATABASE_URL="postgres://db/x")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "make test url=postgres://db/x"


def pytest_in_ci(*args):
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    environ["CI"] = "true"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            *args,
        ],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_in_ci_a_run_where_every_test_was_skipped_fails():
    # needs PostgreSQL: skipped on SQLite
    only_skipped = (
        "tests/test_procurement.py::test_orders_created_at_the_same_moment_get_different_numbers"
    )
    result = pytest_in_ci(only_skipped)
    assert result.returncode == 5, result.stdout
    assert "no test passed" in result.stdout


def test_in_ci_a_run_that_selects_nothing_fails():
    result = pytest_in_ci("tests/test_isolation.py", "-k", "no_such_test_name")
    assert result.returncode == 5, result.stdout
