"""One ceiling on request bodies, for every view, enforced before any byte of a body is read.

Django reads a body only when something asks for `request.POST`/`FILES` — the CSRF check,
the login form, a view — and a multipart body larger than FILE_UPLOAD_MAX_MEMORY_SIZE is then
spooled to a temporary file. Without this middleware an anonymous client with a CSRF cookie
could make any URL write hundreds of megabytes to /tmp before the CSRF check or the login
refused it. So the middleware decides from the headers alone, before any view runs:

- a signed-in user (session) or a live API token may send up to
  BRANDKIT_MAX_UPLOAD_REQUEST_BYTES (the same setting the upload pages state);
- anyone else may send at most BRANDKIT_MAX_ANONYMOUS_REQUEST_BYTES (64 KB: the login form
  and the language switch are a few hundred bytes), which is below
  FILE_UPLOAD_MAX_MEMORY_SIZE, so an anonymous body never reaches the disk;
- a body without Content-Length (chunked) is refused with 411: Django's WSGI request reads
  no byte of such a body, so it could only ever arrive as an empty form.

A larger Content-Length is answered 413 with a translated page (JSON for /api/ and for the
upload page's script). The body stream is also wrapped in a counter, so should a server ever
pass a body longer than its declared length, reading stops at the ceiling and the answer is
the same 413.

It sits after the session, locale and authentication middleware (to know who is asking and in
which language to answer); none of those reads the body, and every body reader (the CSRF
check in process_view, the views) runs after it.
"""

from __future__ import annotations

from contextlib import nullcontext
from io import IOBase

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from brandkit.units import binary_size

DEFAULT_ANONYMOUS_CEILING = 64 * 1024


def upload_ceiling() -> int:
    """The largest body a signed-in user or an API token may send."""
    return settings.BRANDKIT_MAX_UPLOAD_REQUEST_BYTES


def anonymous_ceiling() -> int:
    """Never more than the signed-in ceiling."""
    return min(
        getattr(settings, "BRANDKIT_MAX_ANONYMOUS_REQUEST_BYTES", DEFAULT_ANONYMOUS_CEILING),
        upload_ceiling(),
    )


class BodyOverCeiling(RequestDataTooBig):
    """The body turned out longer than the ceiling while it was read."""


class CeilingStream(IOBase):
    """Counts the bytes read from a request body and refuses to go past `limit`."""

    def __init__(self, stream, limit: int, on_exceeded=None):
        self.stream = stream
        self.limit = limit
        self.count = 0
        self.on_exceeded = on_exceeded

    def _counted(self, data: bytes) -> bytes:
        self.count += len(data)
        if self.count > self.limit:
            if self.on_exceeded is not None:
                self.on_exceeded()
            raise BodyOverCeiling("The request body is larger than the ceiling.")
        return data

    def read(self, size=-1, /):
        return self._counted(self.stream.read(size))

    def readline(self, size=-1, /):
        return self._counted(self.stream.readline(size))

    def readable(self):
        return True


class SealedStream(IOBase):
    """The body of a refused request: any read is refused before a byte is taken."""

    def read(self, size=-1, /):
        raise BodyOverCeiling("The request body was refused.")

    readline = read

    def readable(self):
        return True


def _content_length(request) -> int | None:
    raw = request.META.get("CONTENT_LENGTH")
    if raw in (None, ""):
        return None
    try:
        return max(0, int(raw))
    except ValueError:
        return None


def _has_live_token(request) -> bool:
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    from brandkit.api.models import ApiToken

    return ApiToken.objects.authenticate(token.strip()) is not None


def wants_json(request) -> bool:
    return (
        request.path_info.startswith("/api/")
        or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        or request.headers.get("Accept", "").startswith("application/json")
    )


def refusal(request, status: int, title: str, message: str):
    """The 411/413 answer: a page in the reader's language, or JSON with `detail`."""
    if wants_json(request):
        return JsonResponse({"detail": message}, status=status)
    return render(
        request,
        "brandkit/request_refused.html",
        {"title": title, "message": message},
        status=status,
    )


def _api_in_english(request):
    """The API's error details are English, like its other errors; pages follow the reader."""
    if request.path_info.startswith("/api/"):
        return translation.override("en")
    return nullcontext()


def seal(request) -> None:
    """A refused request's body is never read afterwards, not even to describe a failure:
    Django's error reporting (AdminEmailHandler, configured by default) reads request.POST
    when the answer itself fails — measured: a 300 MB body spooled to disk when the 413 page
    could not be rendered. So POST and FILES are empty and the stream refuses any byte."""
    request._post, request._files = QueryDict(), MultiValueDict()
    request._stream = SealedStream()


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def ceiling(self, request) -> int:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return upload_ceiling()
        if request.path_info.startswith("/api/") and _has_live_token(request):
            return upload_ceiling()
        return anonymous_ceiling()

    def too_large(self, request, size: int, ceiling: int):
        seal(request)
        with _api_in_english(request):
            if ceiling >= upload_ceiling():
                message = _(
                    "This request is %(size)s in all; at most %(limit)s can be sent at once. "
                    "Send the files in smaller groups."
                ) % {"size": binary_size(size), "limit": binary_size(ceiling)}
            else:
                message = _(
                    "Before signing in, at most %(limit)s can be sent at once. "
                    "Sign in and try again."
                ) % {"limit": binary_size(ceiling)}
            return refusal(request, 413, _("The request is too large"), message)

    def __call__(self, request):
        length = _content_length(request)
        if length is None and "HTTP_TRANSFER_ENCODING" in request.META:
            seal(request)
            with _api_in_english(request):
                return refusal(
                    request,
                    411,
                    _("The request could not be read"),
                    _(
                        "The request has no length (Content-Length), so it cannot be read. "
                        "Send it again."
                    ),
                )
        length = length or 0
        # Most requests (every GET) have no body: no need to ask who is sending it.
        ceiling = anonymous_ceiling() if length <= anonymous_ceiling() else self.ceiling(request)
        if length > ceiling:
            return self.too_large(request, length, ceiling)
        exceeded = []
        stream = getattr(request, "_stream", None)
        if stream is not None:
            request._stream = CeilingStream(stream, ceiling, lambda: exceeded.append(True))
        response = self.get_response(request)
        if exceeded:
            return self.too_large(request, ceiling + 1, ceiling)
        return response
