"""Security pieces the settings choose: a Content-Security-Policy for our pages, and login
throttling with django-axes (the backend, the handler that adds a limit per address, the client
address failures are counted by, and the lockout page).

The policy allows only our own scripts, styles, fonts and images (plus `data:` images for the
empty favicon). Inline `style` attributes stay allowed because the brand guide and the library
colour swatches are coloured from brand-kit data; inline and third-party scripts are not.
Responses that set their own policy keep it: stored files go out with the stricter sandboxing
policy of `brandkit.media_response`.
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

PAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
CSP_MODES = {"enforce", "report-only", "off"}


class ContentSecurityPolicyMiddleware:
    """Adds PAGE_CSP to every response that has no policy of its own.

    BRANDKIT_CSP chooses the mode: "enforce" (the default), "report-only" (the browser only
    reports what would be blocked, for trying out a change) or "off".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        mode = getattr(settings, "BRANDKIT_CSP", "enforce")
        if mode == "off" or "Content-Security-Policy" in response:
            return response
        header = (
            "Content-Security-Policy-Report-Only"
            if mode == "report-only"
            else "Content-Security-Policy"
        )
        response.headers.setdefault(header, getattr(settings, "BRANDKIT_CSP_POLICY", PAGE_CSP))
        return response


def client_ip(request) -> str | None:
    """The address login failures are counted by (django-axes' AXES_CLIENT_IP_CALLABLE).

    Without a proxy it is REMOTE_ADDR. Behind BRANDKIT_PROXY_COUNT trusted proxies that each
    append to X-Forwarded-For, it is the entry the outermost of our proxies appended: entries
    further left come from the client and can be forged, so they are never used.
    """
    count = getattr(settings, "BRANDKIT_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR") or None
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]


def address_failure_limit() -> int:
    return getattr(settings, "BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT", 0)


class LoginThrottleHandler(AxesDatabaseHandler):
    """django-axes' database handler plus a limit per address (AXES_HANDLER).

    Axes counts failures per user name + address (AXES_LOCKOUT_PARAMETERS), so one address
    could try a few passwords for every user name it knows ("password spraying") without ever
    being paused. Here the failures of all user names from one address within the cool-off are
    added up too: at BRANDKIT_LOGIN_ADDRESS_FAILURE_LIMIT (0 turns it off) that address is
    paused for every user name — the right password included — until the cool-off has passed.
    Everything else (recording, the per-user limit, reset on success) stays axes' own.
    """

    def address_failures(self, request) -> int:
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        attempts = AccessAttempt.objects.filter(ip_address=address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        limit = address_failure_limit()
        if limit > 0 and self.address_failures(request) >= limit:
            request.brandkit_address_locked = True
            return max(failures, get_failure_limit(request, credentials))
        return failures


def lockout_response(request, original_response=None, credentials=None):
    """The page shown while sign-in is paused after too many failures (AXES_LOCKOUT_CALLABLE):
    HTTP 429 with the reason and how long to wait, in the reader's language."""
    from axes.helpers import get_cool_off
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0
    by_address = getattr(request, "brandkit_address_locked", False)
    return render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": get_failure_limit(request, credentials),
            "address_limit": address_failure_limit(),
            "by_address": by_address,
            "minutes": minutes,
        },
        status=429,
    )


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' standalone backend, first in AUTHENTICATION_BACKENDS: a locked-out user
    name + address is refused before any password is checked.

    Every sign-in over the web (our login page, the admin's) passes the request, so it is
    throttled. A call without a request has no client address to count by — the test client's
    `login()` is one — so it is left to the next backend instead of raising as axes does.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
