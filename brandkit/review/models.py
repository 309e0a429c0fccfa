"""Comments on versions and the audit trail of everything that happens to assets."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Comment(models.Model):
    version = models.ForeignKey(
        "library.AssetVersion",
        on_delete=models.PROTECT,
        related_name="comments",
        verbose_name=_("version"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("author")
    )
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author} on {self.version}"


class AuditAction(models.TextChoices):
    UPLOAD = "upload", _("uploaded")
    EDIT = "edit", _("edited")
    SUBMIT = "submit", _("submitted")
    APPROVE = "approve", _("approved")
    OVERRIDE = "override", _("approved over failing checks")
    REQUEST_CHANGES = "request_changes", _("requested changes")
    ARCHIVE = "archive", _("archived")
    EXPIRE = "expire", _("expired")
    DOWNLOAD = "download", _("downloaded")
    COMMENT = "comment", _("commented")
    BRANDKIT_CHANGE = "brandkit_change", _("changed the brand kit")
    DOCUMENT = "document", _("generated a document")
    SELF_APPROVE = "self_approve", _("approved their own visual")
    TEXT_PROPOSE = "text_propose", _("proposed new texts")
    TEXT_APPROVE = "text_approve", _("approved new texts")
    TEXT_SEND_BACK = "text_send_back", _("sent new texts back")
    TEXT_WITHDRAW = "text_withdraw", _("withdrew new texts")
    LIST_CHANGE = "list_change", _("changed a library list")


class AuditEvent(models.Model):
    """Append-only: who did what, when, to which object, from which state to which."""

    at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("when"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("who"),
    )
    action = models.CharField(
        _("action"), max_length=20, choices=AuditAction.choices, db_index=True
    )
    asset = models.ForeignKey(
        "library.Asset",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("asset"),
    )
    version = models.ForeignKey(
        "library.AssetVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("version"),
    )
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    from_state = models.CharField(_("from state"), max_length=20, blank=True)
    to_state = models.CharField(_("to state"), max_length=20, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"
