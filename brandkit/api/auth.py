"""Bearer-token authentication for the API (sessions and cookies play no part)."""

from __future__ import annotations

from ninja.security import HttpBearer

from brandkit.api.models import ApiToken


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``; ``request.auth`` becomes the ApiToken."""

    def authenticate(self, request, token: str) -> ApiToken | None:
        api_token = ApiToken.objects.authenticate(token.strip())
        if api_token is not None:
            api_token.touch()
        return api_token
