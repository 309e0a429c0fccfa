"""Serve brandkit with gunicorn on 127.0.0.1 for the load benchmark and the deployment tests.

`gunicorn_server(env)` starts `gunicorn brandkit.wsgi` on a free loopback port as a
subprocess, waits until it answers and every worker has logged that it is ready, and always
stops it when the block ends (also on error or Ctrl+C). Only loopback addresses are used.

gunicorn runs in the project folder, so it reads ./gunicorn.conf.py: each worker builds its
search index before it takes requests (about 7 s at 100,000 assets, longer with several
workers sharing the CPUs), hence the generous start-up timeout.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
READY = "brandkit worker ready"  # logged by each worker (gunicorn.conf.py, post_worker_init)
START_TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def clean_environment(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment without any Django/brandkit/database choices, plus `extra`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "BRANDKIT_", "AWS_")) and k != "DATABASE_URL"
    }
    env.update(extra)
    return env


def python(env: dict[str, str], *argv: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """`python ARGV` in the project folder, a clean environment plus `env`; raises with its
    output when it fails."""
    result = subprocess.run(
        [sys.executable, *argv],
        cwd=ROOT,
        env=clean_environment(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv)} failed ({result.returncode}):\n"
            f"{result.stdout[-5000:]}\n{result.stderr[-5000:]}"
        )
    return result


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """`python manage.py ARGS`, as `python` runs it."""
    return python(env, "manage.py", *args, timeout=timeout)


@dataclass
class Server:
    host: str
    port: int
    log: Path
    pid: int = 0  # gunicorn's arbiter; its workers are its children

    def ready_lines(self) -> list[str]:
        """The lines in which the workers said they were ready (with their index build)."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return [line for line in text.splitlines() if READY in line]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def connection(self, timeout: float = 30) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)


def _wait(server: Server, process: subprocess.Popen, timeout: float, workers: int) -> None:
    """Until every worker has logged READY (gunicorn.conf.py) and the server answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"gunicorn exited with {process.returncode}:\n"
                f"{server.log.read_text(errors='replace')[-5000:]}"
            )
        if len(server.ready_lines()) < workers:
            time.sleep(0.2)
            continue
        try:
            connection = server.connection(timeout=5)
            connection.request("GET", "/accounts/login/", headers={"Host": server.host})
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(
        f"gunicorn did not answer on {server.url} with {workers} ready workers within "
        f"{timeout:.0f} s:\n{server.log.read_text(errors='replace')[-5000:]}"
    )


@contextlib.contextmanager
def gunicorn_server(
    env: dict[str, str],
    *,
    workers: int = 2,
    threads: int = 1,
    timeout: float = START_TIMEOUT,
    extra_args: tuple[str, ...] = (),
) -> Iterator[Server]:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="brandkit-gunicorn-") as folder:
        server = Server(HOST, port, Path(folder) / "gunicorn.log")
        with server.log.open("wb") as log:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "brandkit.wsgi",
                    "--bind",
                    f"{HOST}:{port}",
                    "--workers",
                    str(workers),
                    "--threads",
                    str(threads),
                    "--graceful-timeout",
                    "5",
                    "--log-level",
                    "info",  # the workers' READY lines
                    *(extra_args or ("--timeout", "120")),
                ],
                cwd=ROOT,
                env=clean_environment(env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server.pid = process.pid
        try:
            _wait(server, process, timeout, workers)
            yield server
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=15)
