"""API tokens: only a SHA-256 of each token is stored; the token itself is shown once.

A token is a long random string, so a plain SHA-256 (no salt, no slow hash) is enough: it
cannot be guessed, and a leaked database row does not give the token back.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "bk_"  # noqa: S105 - a public marker, not a secret
# Writing last_used_at on every request would turn every read into a write; once a minute is
# precise enough to tell whether a token is still in use.
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenManager(models.Manager):
    def issue(self, name: str, created_by) -> tuple[ApiToken, str]:
        """Create a token; returns the row and the token, which is not stored anywhere."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = self.create(name=name, token_hash=hash_token(token), created_by=created_by)
        return row, token

    def authenticate(self, token: str) -> ApiToken | None:
        """The live token for this secret, or None (unknown, revoked, or its user inactive)."""
        if not token or len(token) > 200:
            return None
        return (
            self.select_related("created_by")
            .filter(token_hash=hash_token(token), revoked=False, created_by__is_active=True)
            .first()
        )


class ApiToken(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    token_hash = models.CharField(_("token SHA-256"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="api_tokens",
        help_text=_("Downloads made with the token are logged under this user."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenManager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def revoke(self) -> bool:
        """Revoke the token; False when it already was."""
        updated = ApiToken.objects.filter(pk=self.pk, revoked=False).update(
            revoked=True, revoked_at=timezone.now()
        )
        self.refresh_from_db(fields=["revoked", "revoked_at"])
        return bool(updated)

    def touch(self) -> None:
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
