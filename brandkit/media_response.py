"""Responses for stored files: the only way media leaves the server.

Every file goes out with nosniff, a sandboxing Content-Security-Policy and an explicit
disposition, so an uploaded SVG or HTML-looking file can never run script on our origin even
when someone opens its URL directly.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePosixPath

from django.http import FileResponse, HttpResponse

MEDIA_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
INLINE_SAFE_TYPES = {"image/png", "image/jpeg", "image/webp", "application/pdf"}


def file_response(field_file, *, download_name: str | None = None, inline: bool = True):
    """Stream a FieldFile with safe headers. SVG is inline only under the sandboxing CSP."""
    name = download_name or PurePosixPath(field_file.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    as_attachment = not inline or content_type not in INLINE_SAFE_TYPES | {"image/svg+xml"}
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=as_attachment,
        filename=name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def png_response(data: bytes, name: str) -> HttpResponse:
    """A PNG we drew (a preview of an SVG or PDF), with the same safe headers, inline."""
    response = HttpResponse(data, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, max-age=3600"
    return response
