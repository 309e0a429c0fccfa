"""Pages of the project itself: home and the language switch."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from brandkit.work import work_for


def home(request):
    return render(request, "brandkit/home.html", work_for(request.user))


set_language_view = login_not_required(require_POST(set_language))
