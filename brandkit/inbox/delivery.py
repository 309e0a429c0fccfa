"""Putting a notification in the recipients' in-app lists. Called beside every e-mail."""

from __future__ import annotations

from collections.abc import Iterable

from brandkit.inbox.models import Notification

SUBJECT_LENGTH = Notification._meta.get_field("subject").max_length


def deliver(recipients: Iterable, subject: str, body: str = "", url: str = "") -> int:
    """One unread notification per active recipient (deduplicated); returns how many. Line
    breaks in the subject are flattened: it is one line in the list, as in a mail header."""
    subject = " ".join(subject.split())[:SUBJECT_LENGTH]
    users = {user.pk: user for user in recipients if user is not None and user.is_active}
    Notification.objects.bulk_create(
        Notification(recipient=user, subject=subject, body=body, url=url) for user in users.values()
    )
    return len(users)
