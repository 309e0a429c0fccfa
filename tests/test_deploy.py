"""Production settings, proven in separate processes with the production environment that the
README documents: `check --deploy` is clean, static files are collected with a manifest and
compressed copies, and gunicorn serves pages and static files with the production headers,
secure cookies and login throttling."""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from bench.serve import ROOT, clean_environment, gunicorn_server, manage

HOST = "brandkit.sotsiaalkindlustusamet.ee"
PASSWORD = "a-long-deploy-test-password"


def production_env(tmp: Path, **overrides: str) -> dict[str, str]:
    """The production environment of the README's "Production" section."""
    env = {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
        "DJANGO_HSTS_SECONDS": "31536000",
        "DJANGO_SECURE_SSL_REDIRECT": "1",
        "DJANGO_BEHIND_TLS_PROXY": "1",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean_environment(env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_the_documented_production_environment(tmp_path):
    result = check_deploy(production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr
    # the README documents every variable this test sets
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in production_env(tmp_path):
        assert f"`{name}`" in readme or name in readme, name


@pytest.mark.parametrize(
    ("change", "warning"),
    [
        ({"DJANGO_HSTS_SECONDS": "0"}, "security.W004"),
        ({"DJANGO_SECURE_SSL_REDIRECT": "0"}, "security.W008"),
        ({"DJANGO_SECURE_COOKIES": "0"}, "security.W012"),
    ],
    ids=["no-hsts", "no-https-redirect", "insecure-cookies"],
)
def test_check_deploy_catches_a_weakened_environment(tmp_path, change, warning):
    result = check_deploy(production_env(tmp_path, **change))
    assert result.returncode != 0
    assert warning in result.stdout + result.stderr


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """A production instance: migrated, static files collected, one user, served by gunicorn
    behind a (simulated) TLS proxy."""
    tmp = tmp_path_factory.mktemp("deploy")
    env = production_env(tmp)
    manage(env, "migrate", "--noinput")
    collected = manage(env, "collectstatic", "--noinput")
    manage(env, "loadbrandbook", "brandkit/brandbooks/ska.yaml")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_user('ops', password='{PASSWORD}')",
    )
    with gunicorn_server(env, workers=1, threads=2) as server:
        yield {"env": env, "tmp": tmp, "server": server, "collectstatic": collected.stdout}


def test_collectstatic_writes_a_manifest_with_hashed_and_compressed_files(deployed):
    static = Path(deployed["env"]["DJANGO_STATIC_ROOT"])
    manifest = json.loads((static / "staticfiles.json").read_text())
    paths = manifest["paths"]
    for name in ("css/brandkit.css", "css/fonts.css", "js/upload.js"):
        hashed = paths[name]
        assert re.fullmatch(re.escape(name[: name.rindex(".")]) + r"\.[0-9a-f]{12}\.\w+", hashed)
        assert (static / hashed).is_file()
        assert (static / (hashed + ".gz")).is_file()  # whitenoise's compressed copy
    # fonts.css points at the hashed font files, so they can be cached for ever
    fonts_css = (static / paths["css/fonts.css"]).read_text()
    font_urls = re.findall(r"url\([\"']?([^\"')]+)", fonts_css)
    assert font_urls and all(re.search(r"\.[0-9a-f]{12}\.(woff2?|ttf)$", url) for url in font_urls)
    # the admin's own files are collected too
    assert any(name.startswith("admin/") for name in paths)


def request(server, method, path, *, headers=None, body=None):
    connection = server.connection()
    sent = {"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})}
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def test_pages_carry_the_security_headers(deployed):
    response, data = request(deployed["server"], "GET", "/accounts/login/")
    assert response.status == 200
    assert b'name="csrfmiddlewaretoken"' in data
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "'unsafe-eval'" not in csp
    # plain HTTP is sent to HTTPS
    insecure, _body = request(deployed["server"], "GET", "/", headers={"X-Forwarded-Proto": "http"})
    assert insecure.status == 301
    assert insecure.headers["Location"] == f"https://{HOST}/"


def test_static_files_are_served_compressed_and_cached_for_ever(deployed):
    static = Path(deployed["env"]["DJANGO_STATIC_ROOT"])
    hashed = json.loads((static / "staticfiles.json").read_text())["paths"]["css/brandkit.css"]
    response, data = request(
        deployed["server"], "GET", f"/static/{hashed}", headers={"Accept-Encoding": "gzip"}
    )
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Content-Type"].startswith("text/css")
    cache = response.headers["Cache-Control"]
    assert "max-age=315360000" in cache and "immutable" in cache
    assert data == (static / (hashed + ".gz")).read_bytes()
    # the page links the hashed name
    _response, page = request(deployed["server"], "GET", "/accounts/login/")
    assert f"/static/{hashed}".encode() in page


def _login(server, password: str, forwarded_for: str | None = None):
    extra = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    response, page = request(server, "GET", "/accounts/login/", headers=extra)
    cookies = SimpleCookie()
    cookies.load(response.headers["Set-Cookie"])
    csrf = cookies["csrftoken"].value
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    return request(
        server,
        "POST",
        "/accounts/login/",
        headers={
            **extra,
            "Cookie": f"csrftoken={csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://{HOST}/accounts/login/",
        },
        body=urlencode({"username": "ops", "password": password, "csrfmiddlewaretoken": token}),
    )


def test_session_and_csrf_cookies_are_secure_and_the_session_cookie_http_only(deployed):
    response, _page = request(deployed["server"], "GET", "/accounts/login/")
    csrf_cookie = response.headers["Set-Cookie"]
    assert "csrftoken=" in csrf_cookie and "Secure" in csrf_cookie
    signed_in, _body = _login(deployed["server"], PASSWORD)
    assert signed_in.status == 302 and signed_in.headers["Location"] == "/"
    session = [c for c in signed_in.headers.get_all("Set-Cookie") if c.startswith("sessionid=")]
    assert session, signed_in.headers.get_all("Set-Cookie")
    assert "Secure" in session[0] and "HttpOnly" in session[0] and "SameSite=Lax" in session[0]


def test_login_throttling_counts_the_address_the_proxy_saw(deployed):
    server = deployed["server"]
    statuses = [_login(server, f"wrong-{n}", "192.0.2.50")[0].status for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    refused, page = _login(server, PASSWORD, "192.0.2.50")
    assert refused.status == 429 and b'role="alert"' in page
    assert refused.headers["Content-Security-Policy"]  # the lockout page is one of our pages
    elsewhere, _page = _login(server, PASSWORD, "192.0.2.51")
    assert elsewhere.status == 302
