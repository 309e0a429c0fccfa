"""Values taken from requests that need more care than a form field gives them: row ids and
return addresses.

Ids: Django's `<int:…>` converter and `int()` accept any number of digits, but a primary key
is a 64-bit integer; a larger one reached SQLite as OverflowError (a 500) in an `__in`
lookup. Every id from a URL, query string or form goes through `parse_id` (or the `id` path
converter, which uses it), so an impossible id is simply an unknown one: 404 or a message.

Return addresses (`next`): only a path on this site, checked by Django's
`url_has_allowed_host_and_scheme` — which also refuses the browser-normalised forms a
`startswith("/")` test lets through, such as `/\\evil.example/`.
"""

from __future__ import annotations

from django.utils.http import url_has_allowed_host_and_scheme

MAX_ID = 2**63 - 1  # BigAutoField / PostgreSQL bigint
_MAX_DIGITS = len(str(MAX_ID))


def parse_id(value, *, minimum: int = 1) -> int | None:
    """A 64-bit id (or counter, with minimum=0) from text, or None for anything else:
    signs, spaces, non-ASCII digits, 10**30."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if minimum <= value <= MAX_ID else None
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    if len(value) > _MAX_DIGITS:
        return None
    number = int(value)
    return number if minimum <= number <= MAX_ID else None


class IdConverter:
    """`<id:pk>` in URL patterns: like `<int:pk>` but only ids a row can have."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # no match: the URL resolves to 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))


def safe_return_url(request, target: str | None, fallback: str) -> str:
    """`target` if it stays on this site (and on HTTPS when the request came over HTTPS),
    else `fallback`."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
