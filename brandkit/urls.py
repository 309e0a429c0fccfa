from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter
from django.utils.translation import gettext_lazy as _

from brandkit import views
from brandkit.request_params import IdConverter

# `<id:pk>`: row ids in every app's URLs (registered before the apps' urls are included).
register_converter(IdConverter, "id")

# The admin is where the web manager edits the brand kit: it carries our name, in the reader's
# language, not "Django administration".
admin.site.site_header = _("brandkit · brand kit administration")
admin.site.site_title = _("brandkit administration")
admin.site.index_title = _("Brand kit, library and orders")

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", views.set_language_view, name="set_language"),
    path("brand/", include("brandkit.rules.urls")),
    path("library/", include("brandkit.library.urls")),
    path("review/", include("brandkit.review.urls")),
    path("api/", include("brandkit.api.urls")),
    path("procurement/", include("procurement.urls")),
    path("notifications/", include("brandkit.inbox.urls")),
    path("admin/", admin.site.urls),
]
