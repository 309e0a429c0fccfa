"""The only way a document reaches a file: a WeasyPrint URL fetcher with an allow-list.

It serves
- ``file:`` URLs whose real path (symlinks resolved) lies inside one of its roots — the bundled
  ``static/`` folder and, for a brief with logos, the brandbook's asset folder — and whose
  suffix is a stylesheet, font or image;
- ``data:`` URIs.

Everything else — ``file:`` outside the roots (``/etc/passwd``, ``static/../..``, a symlink out
of ``static/``), ``http(s):``, ``ftp:``, relative references, unknown schemes — raises
`ForbiddenResource`. WeasyPrint catches fetcher errors and goes on without the resource, so the
fetcher also records every refusal; `render.render_pdf` raises after rendering when there was
one. A forbidden reference therefore fails the render; it is never silently dropped.

Why ``file:`` paths and not a private scheme: the documents' base URL is ``static/`` and
``static/css/fonts.css`` refers to ``../fonts/…``; Python's ``urljoin`` (which WeasyPrint
uses) resolves relative references only for the schemes it knows, so a private scheme would
break them. Containment is checked on the resolved path instead.

WeasyPrint 67's fetcher API is a callable ``fetcher(url, timeout=…, ssl_context=…, …)``
returning a dict with ``string`` or ``file_obj`` and optional ``mime_type``,
``redirected_url`` and ``path`` (weasyprint/urls.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from procurement.documents.weasy import default_url_fetcher

MIME_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
}
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DATA_URI_CHARS = 10 * 1024 * 1024


class ForbiddenResource(Exception):
    """A document asked for a resource outside the allow-list."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        shown = url if len(url) <= 200 else url[:200] + "…"
        super().__init__(f"forbidden resource {shown!r}: {reason}")


class ResourceFetcher:
    """A WeasyPrint ``url_fetcher`` confined to `roots` and ``data:`` URIs.

    `requested` lists every URL asked for, `served` the ones answered, `refused` the
    `ForbiddenResource` errors raised (WeasyPrint swallows them; `raise_if_refused` does not).
    """

    def __init__(self, roots: Iterable[str | Path]):
        self.roots = tuple(Path(root).resolve(strict=True) for root in roots)
        if not self.roots:
            raise ValueError("a ResourceFetcher needs at least one root folder")
        self.requested: list[str] = []
        self.served: list[str] = []
        self.refused: list[ForbiddenResource] = []

    def __call__(self, url, *args, **kwargs) -> dict:
        self.requested.append(str(url))
        try:
            result = self._fetch(url)
        except ForbiddenResource as exc:
            self.refused.append(exc)
            raise
        self.served.append(str(url))
        return result

    def raise_if_refused(self) -> None:
        if self.refused:
            first = self.refused[0]
            more = len(self.refused) - 1
            reason = first.reason + (f" (and {more} more refused)" if more else "")
            raise ForbiddenResource(first.url, reason)

    def _fetch(self, url) -> dict:
        if not isinstance(url, str):
            raise ForbiddenResource(repr(url), "not a URL string")
        try:
            parts = urlsplit(url)
        except ValueError as exc:
            raise ForbiddenResource(url, f"malformed URL ({exc})") from exc
        scheme = parts.scheme.lower()
        if scheme == "data":
            return self._data(url)
        if scheme != "file":
            what = f"the {scheme}: scheme" if scheme else "a relative reference"
            raise ForbiddenResource(
                url, f"{what} is not allowed: only bundled files and data: URIs are"
            )
        return self._file(url, parts)

    def _data(self, url: str) -> dict:
        if len(url) > MAX_DATA_URI_CHARS:
            raise ForbiddenResource(url, f"data: URI longer than {MAX_DATA_URI_CHARS} characters")
        try:
            result = default_url_fetcher(url)
        except Exception as exc:
            raise ForbiddenResource(url, f"unreadable data: URI ({exc})") from exc
        stream = result.get("file_obj")
        try:
            data = stream.read() if stream is not None else result["string"]
        finally:
            if stream is not None:
                stream.close()
        return {"string": data, "mime_type": result.get("mime_type"), "redirected_url": url}

    def _file(self, url: str, parts) -> dict:
        if parts.netloc not in ("", "localhost"):
            raise ForbiddenResource(url, f"file URL on another host ({parts.netloc!r})")
        try:
            path = Path(url2pathname(parts.path))
            real = path.resolve(strict=True)
        except (OSError, ValueError, RuntimeError) as exc:
            raise ForbiddenResource(url, f"no such file ({type(exc).__name__})") from exc
        if not path.is_absolute() or not any(real.is_relative_to(root) for root in self.roots):
            raise ForbiddenResource(url, "outside the allowed folders")
        mime_type = MIME_TYPES.get(real.suffix.lower())
        if mime_type is None:
            raise ForbiddenResource(url, f"file type {real.suffix!r} is not a document resource")
        if not real.is_file():
            raise ForbiddenResource(url, "not a regular file")
        if real.stat().st_size > MAX_FILE_BYTES:
            raise ForbiddenResource(url, f"larger than {MAX_FILE_BYTES} bytes")
        return {
            "string": real.read_bytes(),
            "mime_type": mime_type,
            "redirected_url": url,
            "path": str(real),
        }
