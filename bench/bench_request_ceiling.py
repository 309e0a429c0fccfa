"""Request bodies over the ceiling against real gunicorn: what is answered, how much of the body
the client got to send, and how many bytes reached the server's temporary folder.

gunicorn (1 sync worker, gunicorn.conf.py) serves the production settings on 127.0.0.1 with
its own TMPDIR, which a thread samples every 50 ms while each request runs. Each body is
streamed from a generator (nothing is held in memory) with its Content-Length, or chunked; the
client stops sending when the server has answered and closed. Printed per case: the status,
the bytes sent, the seconds, and the peak bytes in TMPDIR (an empty folder is 4,096).
"""

from __future__ import annotations

import contextlib
import http.client
import re
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.serve import gunicorn_server, manage

MB = 1_000_000
BIG = 300 * MB
CHUNK = 256 * 1024
PASSWORD = "bench-password-0123456789"  # noqa: S105 - a throwaway benchmark database


def _tree_bytes(folder: Path) -> int:
    total = folder.stat().st_size
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):  # a temporary file removed meanwhile
            total += path.stat().st_size
    return total


class Peak:
    """The largest size of `folder` while the block runs."""

    def __init__(self, folder: Path):
        self.folder, self.peak, self._stop = folder, 0, threading.Event()

    def __enter__(self):
        def sample():
            while not self._stop.is_set():
                self.peak = max(self.peak, _tree_bytes(self.folder))
                time.sleep(0.05)

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        time.sleep(0.3)
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _tree_bytes(self.folder))


def _send(server, path: str, size: int, cookies: str, chunked: bool = False) -> tuple:
    """POST a multipart body of `size` bytes; returns (status, bytes sent, seconds)."""
    boundary = "bench-ceiling"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.png"\r\n'
        "Content-Type: image/png\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    body_size = len(head) + size + len(tail)
    sock = socket.create_connection((server.host, server.port), timeout=60)
    headers = [
        f"POST {path} HTTP/1.1",
        f"Host: {server.host}",
        f"Content-Type: multipart/form-data; boundary={boundary}",
        f"Cookie: {cookies}",
        "Transfer-Encoding: chunked" if chunked else f"Content-Length: {body_size}",
        "Connection: close",
    ]
    started = time.perf_counter()
    sent = 0
    try:
        sock.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        pieces = [head, *(b"\0" * CHUNK for _ in range(size // CHUNK)), tail]
        for piece in pieces:
            data = b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece
            sock.sendall(data)
            sent += len(piece)
        if chunked:
            sock.sendall(b"0\r\n\r\n")
    except OSError:
        pass  # the server answered and closed: the client stops sending
    sock.settimeout(30)
    answer = b""
    try:
        while chunk := sock.recv(65536):
            answer += chunk
    except OSError:
        pass
    sock.close()
    found = re.match(rb"HTTP/1\.[01] (\d+)", answer)
    return (int(found.group(1)) if found else 0), sent, time.perf_counter() - started


def _signed_in_cookies(server, username: str) -> str:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    connection.request("GET", "/accounts/login/", headers={"Host": server.host})
    response = connection.getresponse()
    page = response.read()
    csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.headers.get("Set-Cookie", "")).group(1)
    form = urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf})
    connection.request(
        "POST",
        "/accounts/login/",
        body=form,
        headers={
            "Host": server.host,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
        },
    )
    response = connection.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", ",".join(response.headers.get_all("Set-Cookie")))
    connection.close()
    return f"csrftoken={cookie}; sessionid={session.group(1)}"


SETUP = f"""
from django.contrib.auth.models import Group, User
from brandkit.roles import TOPIC_OWNER
user = User.objects.create_user("owner", password="{PASSWORD}")
user.groups.add(Group.objects.get(name=TOPIC_OWNER))
"""


def run() -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="brandkit-bench-ceiling-"))
    tmp = folder / "tmp"
    tmp.mkdir()
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "TMPDIR": str(tmp),
    }
    lines = [
        "   gunicorn, 1 sync worker, production settings; ceiling 200 MB signed in, 64 KB "
        "before signing in"
    ]
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "shell", "-c", SETUP)
        with gunicorn_server(env, workers=1) as server:
            anonymous = "csrftoken=" + "a" * 32
            owner = _signed_in_cookies(server, "owner")
            cases = [
                ("anonymous, CSRF cookie, /accounts/login/", "/accounts/login/", BIG, anonymous),
                ("anonymous, CSRF cookie, /library/upload/", "/library/upload/", BIG, anonymous),
                ("anonymous, chunked, /library/upload/", "/library/upload/", BIG, anonymous, True),
                ("signed in, /library/upload/", "/library/upload/", BIG, owner),
                ("signed in, chunked, /library/upload/", "/library/upload/", BIG, owner, True),
            ]
            for name, path, size, cookies, *chunked in cases:
                with Peak(tmp) as peak:
                    status, sent, seconds = _send(server, path, size, cookies, bool(chunked))
                lines.append(
                    f"   {name}: {size // MB} MB body -> HTTP {status} after {sent / MB:.1f} MB "
                    f"sent, {seconds:.2f} s, peak {peak.peak:,} bytes in TMPDIR"
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return lines
