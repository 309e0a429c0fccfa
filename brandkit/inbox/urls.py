from django.urls import path

from brandkit.inbox import views

app_name = "inbox"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.mark_read, name="read"),
]
