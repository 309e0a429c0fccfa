"""The unread count in the page header: one indexed COUNT per page for a signed-in user."""

from brandkit.inbox.models import Notification


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": Notification.objects.filter(recipient=user).unread().count()}
