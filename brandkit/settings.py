"""Settings for brandkit.

Every deployment choice comes from the environment, so one module serves development,
tests and production. Safe defaults point at production behaviour (DEBUG off); `make run`
switches DEBUG on for the local demo.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value, or set DJANGO_DEBUG=1 "
            "for local development only."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "brandkit",
    "brandkit.rules",
    "brandkit.library",
    "brandkit.review",
    "brandkit.api",
    "brandkit.inbox",
    "procurement",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads a body (brandkit.limits): one ceiling for every view.
    "brandkit.limits.RequestBodyLimitMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "brandkit.security.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "brandkit.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "brandkit.context_processors.roles",
                "brandkit.inbox.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "brandkit.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every transaction takes SQLite's write lock when it begins (Django 5.1+): two decisions
    # at once then queue for up to `timeout` seconds and the second sees the first's result
    # (the "stale page" message) instead of failing with "database is locked" — a deferred
    # transaction that read first cannot wait for the lock when it comes to write.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes' standalone backend first (brandkit.security.LoginThrottleBackend): it refuses a
# locked-out user name + address before any password is checked; axes counts the failures of
# the backends after it.
AUTHENTICATION_BACKENDS = [
    "brandkit.security.LoginThrottleBackend",
    "brandkit.demo.DemoAwareModelBackend",
]

# Login throttling (django-axes): after BRANDKIT_LOGIN_FAILURE_LIMIT wrong passwords in a row
# for one user name from one address, signing in as that user from that address is paused for
# BRANDKIT_LOGIN_COOLOFF_MINUTES; a correct password meanwhile is refused too.
AXES_FAILURE_LIMIT = int(os.environ.get("BRANDKIT_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("BRANDKIT_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# …and against password spraying, BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT wrong passwords from one
# address within the cool-off, whatever the user names, pause that address (0: no such limit).
BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT = int(
    os.environ.get("BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT", "20")
)
AXES_HANDLER = "brandkit.security.LoginThrottleHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "brandkit.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "brandkit.security.client_ip"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False  # no start-up banner in every command; failures and lockouts still logged

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Estonian first; English and Russian.
LANGUAGE_CODE = os.environ.get("DJANGO_LANGUAGE_CODE", "et")
LANGUAGES = [("et", _("Estonian")), ("en", _("English")), ("ru", _("Russian"))]
if LANGUAGE_CODE not in {code for code, _name in LANGUAGES}:
    raise ImproperlyConfigured(
        f"DJANGO_LANGUAGE_CODE must be one of et, en, ru, not {LANGUAGE_CODE!r}"
    )
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["brandkit.formats"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Tallinn")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Media is never served from a public URL: permission-checking views stream it.
MEDIA_URL = "/media-not-public/"

# Media storage: local files by default, S3-compatible object storage when configured.
MEDIA_STORAGE = os.environ.get("BRANDKIT_MEDIA_STORAGE", "local").lower()
if MEDIA_STORAGE == "s3":
    _media_backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", "brandkit-media"),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Without keys, boto3's own chain is used (instance role, AWS_* variables, …).
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # "path" for S3-compatible services that do not serve bucket subdomains.
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
elif MEDIA_STORAGE == "local":
    _media_backend = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured("BRANDKIT_MEDIA_STORAGE must be 'local' or 's3'.")

STORAGES = {
    "default": _media_backend,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "brandkit@localhost")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("BRANDKIT_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Upload limits: the brand checks set their own per-preset limits; this is the hard ceiling.
BRANDKIT_MAX_UPLOAD_BYTES = int(os.environ.get("BRANDKIT_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# One upload request holds at most this many files and this many bytes in all.
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("BRANDKIT_MAX_UPLOAD_FILES", "20"))
# The ceiling of every request body from a signed-in user or API token (brandkit.limits
# refuses a larger one with 413 before reading it); without signing in, 64 KB — less than
# FILE_UPLOAD_MAX_MEMORY_SIZE, so nothing anonymous is ever spooled to disk.
BRANDKIT_MAX_UPLOAD_REQUEST_BYTES = int(
    os.environ.get("BRANDKIT_MAX_UPLOAD_REQUEST_BYTES", str(4 * BRANDKIT_MAX_UPLOAD_BYTES))
)
BRANDKIT_MAX_ANONYMOUS_REQUEST_BYTES = 64 * 1024
# A ZIP of a selection holds at most this many bytes of originals.
BRANDKIT_MAX_ZIP_BYTES = int(os.environ.get("BRANDKIT_MAX_ZIP_BYTES", str(1024 * 1024 * 1024)))
BRANDKIT_DEFAULT_BRANDBOOK = os.environ.get("BRANDKIT_DEFAULT_BRANDBOOK", "ska")
# Links in e-mails point here.
BRANDKIT_BASE_URL = os.environ.get("BRANDKIT_BASE_URL", "http://127.0.0.1:8000")
BRANDKIT_EXPIRY_NOTICE_DAYS = int(os.environ.get("BRANDKIT_EXPIRY_NOTICE_DAYS", "30"))
# Separation of duties when a web manager approves a visual they uploaded or own
# (brandkit.review.workflow): second-manager, with-reason or never.
BRANDKIT_SELF_APPROVAL = os.environ.get("BRANDKIT_SELF_APPROVAL", "second-manager").strip().lower()
if BRANDKIT_SELF_APPROVAL not in {"second-manager", "with-reason", "never"}:
    raise ImproperlyConfigured(
        "BRANDKIT_SELF_APPROVAL must be 'second-manager', 'with-reason' or 'never'."
    )

# Security headers; cookies are secure whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
# Joining the browsers' HSTS preload list is decided for the registrable domain
# (sotsiaalkindlustusamet.ee) by its owner, not by one service on a subdomain, so
# `check --deploy` does not ask for it; DJANGO_HSTS_PRELOAD=1 sends the directive when decided.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
BEHIND_TLS_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY")
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies of ours append to X-Forwarded-For (login throttling counts by the address
# the outermost one saw); 0 means REMOTE_ADDR is the client.
BRANDKIT_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "1" if BEHIND_TLS_PROXY else "0"))
# Content-Security-Policy of our pages (brandkit.security): enforce, report-only or off.
BRANDKIT_CSP = os.environ.get("BRANDKIT_CSP", "enforce").strip().lower()
if BRANDKIT_CSP not in {"enforce", "report-only", "off"}:
    raise ImproperlyConfigured("BRANDKIT_CSP must be 'enforce', 'report-only' or 'off'.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
