"""Settings come from the environment, and unsafe combinations refuse to start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def settings_in_subprocess(env: dict[str, str], expr: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "BRANDKIT_"))}
    clean.pop("DATABASE_URL", None)
    clean.update(env)
    code = f"import brandkit.settings as s; print(repr(({expr})))"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = settings_in_subprocess({}, "s.DEBUG")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_a_key():
    result = settings_in_subprocess({"DJANGO_DEBUG": "1"}, "s.DEBUG, s.ALLOWED_HOSTS")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(True, ['127.0.0.1', 'localhost'])"


def test_production_defaults_are_safe():
    result = settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "brandkit.example.ee"},
        "s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.ALLOWED_HOSTS, "
        "s.LANGUAGE_CODE, s.EMAIL_BACKEND, s.DATABASES['default']['ENGINE']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "(False, True, True, ['brandkit.example.ee'], 'et', "
        "'django.core.mail.backends.smtp.EmailBackend', 'django.db.backends.sqlite3')"
    )


def test_database_url_and_object_storage_from_the_environment():
    result = settings_in_subprocess(
        {
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": "postgres://u:p@db.example:5432/brandkit",
            "BRANDKIT_MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "ska-media",
            "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        },
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']['bucket_name'], "
        "s.STORAGES['default']['OPTIONS']['endpoint_url']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "('django.db.backends.postgresql', 'brandkit', 'storages.backends.s3.S3Storage', "
        "'ska-media', 'http://127.0.0.1:9000')"
    )


def test_unknown_language_or_storage_is_refused():
    bad_lang = settings_in_subprocess({"DJANGO_DEBUG": "1", "DJANGO_LANGUAGE_CODE": "fi"}, "1")
    assert bad_lang.returncode != 0 and "DJANGO_LANGUAGE_CODE must be one of" in bad_lang.stderr
    bad_storage = settings_in_subprocess(
        {"DJANGO_DEBUG": "1", "BRANDKIT_MEDIA_STORAGE": "ftp"}, "1"
    )
    assert bad_storage.returncode != 0 and "BRANDKIT_MEDIA_STORAGE" in bad_storage.stderr


def test_english_and_russian_can_be_the_default_language():
    result = settings_in_subprocess(
        {"DJANGO_DEBUG": "1", "DJANGO_LANGUAGE_CODE": "ru"}, "s.LANGUAGE_CODE"
    )
    assert result.stdout.strip() == "'ru'"
