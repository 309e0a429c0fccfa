"""E-mail to the people who must act: web managers on submission, owners on a decision and
before their asset's rights run out. Sent after the transaction commits, so nobody is told
about a decision that was rolled back."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from brandkit.inbox import delivery as inbox
from brandkit.plain_text import one_line
from brandkit.roles import active_web_managers

log = logging.getLogger(__name__)


def _link(path: str) -> str:
    return settings.BRANDKIT_BASE_URL.rstrip("/") + path


def _asset_url(asset) -> str:
    return _link(reverse("library:asset", args=[asset.public_id]))


def _send(subject: str, body: str, recipients: list[str]) -> None:
    """E-mail after the commit. The subject is made one line here whatever the titles in it
    hold (a line break in a header is refused by Django's mail with BadHeaderError), and a
    failure to send is logged: the decision it reports stands either way."""
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return
    subject = one_line(subject)

    def deliver():
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        except Exception:  # mail trouble must not undo a committed decision
            log.exception("Could not send %r to %s", subject, recipients)

    transaction.on_commit(deliver)


def version_submitted(version) -> None:
    managers = active_web_managers()
    with override(settings.LANGUAGE_CODE):
        subject = _("Submitted for review: %(asset)s (version %(number)d)") % {
            "asset": version.asset.title_et,
            "number": version.number,
        }
        body = _(
            "%(user)s submitted version %(number)d of %(asset)s. Check verdict: "
            "%(verdict)s.\n\nReview it here: %(url)s"
        ) % {
            "user": version.uploaded_by.get_full_name() or version.uploaded_by.username,
            "number": version.number,
            "asset": version.asset.title_et,
            "verdict": version.verdict,
            "url": _asset_url(version.asset),
        }
    inbox.deliver(managers, subject, body, reverse("library:asset", args=[version.asset.public_id]))
    _send(subject, body, [u.email for u in managers])


def version_decided(version, comment: str = "") -> None:
    owner = version.asset.owner
    with override(settings.LANGUAGE_CODE):
        subject = _("%(asset)s (version %(number)d): %(state)s") % {
            "asset": version.asset.title_et,
            "number": version.number,
            "state": version.get_state_display(),
        }
        body = _("The web manager's decision on version %(number)d of %(asset)s: %(state)s.") % {
            "number": version.number,
            "asset": version.asset.title_et,
            "state": version.get_state_display(),
        }
        if comment:
            body += "\n\n" + _("Comment:") + "\n" + comment
        if version.override_reason:
            body += (
                "\n\n"
                + _("Approved over failing checks because:")
                + "\n"
                + (version.override_reason)
            )
        if version.self_approved:
            body += (
                "\n\n"
                + _("Approved by its own uploader or owner because:")
                + "\n"
                + version.self_approval_reason
            )
        in_app = body
        body += "\n\n" + _asset_url(version.asset)
    inbox.deliver(
        [owner], subject, in_app, reverse("library:asset", args=[version.asset.public_id])
    )
    _send(subject, body, [owner.email])


def _revision_url(revision) -> str:
    return _link(reverse("review:text_revision", args=[revision.pk]))


def text_revision_proposed(revision) -> None:
    """Web managers learn that a published asset's texts wait for them."""
    managers = active_web_managers()
    author = revision.author
    with override(settings.LANGUAGE_CODE):
        subject = _("New texts for review: %(asset)s") % {"asset": revision.asset.title_et}
        body = _(
            "%(user)s proposed new texts for the published asset %(asset)s. The published "
            "texts stay until you approve the change.\n\nReview it here: %(url)s"
        ) % {
            "user": author.get_full_name() or author.username,
            "asset": revision.asset.title_et,
            "url": _revision_url(revision),
        }
    others = [u for u in managers if u.pk != author.pk]
    inbox.deliver(others, subject, body, reverse("review:text_revision", args=[revision.pk]))
    _send(subject, body, [u.email for u in others])


def text_revision_decided(revision) -> None:
    with override(settings.LANGUAGE_CODE):
        subject = _("New texts for %(asset)s: %(state)s") % {
            "asset": revision.asset.title_et,
            "state": revision.get_state_display(),
        }
        body = _("The web manager's decision on the new texts for %(asset)s: %(state)s.") % {
            "asset": revision.asset.title_et,
            "state": revision.get_state_display(),
        }
        if revision.comment:
            body += "\n\n" + _("Comment:") + "\n" + revision.comment
        in_app = body
        body += "\n\n" + _revision_url(revision)
    people = {revision.author.pk: revision.author, revision.asset.owner.pk: revision.asset.owner}
    inbox.deliver(
        list(people.values()), subject, in_app, reverse("review:text_revision", args=[revision.pk])
    )
    _send(subject, body, [person.email for person in people.values()])


def rights_expiring(asset, days_left: int) -> None:
    with override(settings.LANGUAGE_CODE):
        subject = _("Rights to %(asset)s end on %(date)s") % {
            "asset": asset.title_et,
            "date": asset.usable_until.isoformat(),
        }
        body = _(
            "The right to use %(asset)s ends in %(days)d days, on %(date)s. After that "
            "it is hidden from the library. Extend the rights and update the date, or "
            "replace the visual.\n\n%(url)s"
        ) % {
            "asset": asset.title_et,
            "days": days_left,
            "date": asset.usable_until.isoformat(),
            "url": _asset_url(asset),
        }
    inbox.deliver([asset.owner], subject, body, reverse("library:asset", args=[asset.public_id]))
    _send(subject, body, [asset.owner.email])
