"""The signed-in user's notifications: newest first, unread marked, marked read on request."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from brandkit.inbox.models import Notification

PAGE_SIZE = 25


@require_GET
def notification_list(request):
    mine = Notification.objects.filter(recipient=request.user)
    page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "inbox/list.html",
        {"page": page, "unread_count": mine.unread().count()},
    )


@require_POST
def mark_read(request):
    """Mark one notification (`id`) or all of them read, then go back to the list or to the
    notification's own link (`open`)."""
    mine = Notification.objects.filter(recipient=request.user).unread()
    raw = request.POST.get("id", "")
    if raw.isdigit() and len(raw) < 19:
        chosen = Notification.objects.filter(recipient=request.user, pk=int(raw)).first()
        mine.filter(pk=int(raw)).update(read_at=timezone.now())
        if (
            chosen
            and request.POST.get("open")
            and url_has_allowed_host_and_scheme(
                chosen.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            )
        ):
            return redirect(chosen.url)
    elif raw == "all":
        mine.update(read_at=timezone.now())
    return redirect("inbox:list")
