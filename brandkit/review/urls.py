from django.urls import path

from brandkit.review import views

app_name = "review"
urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("audit/", views.audit_log, name="audit"),
    path("versions/<id:pk>/submit/", views.submit, name="submit"),
    path("versions/<id:pk>/approve/", views.approve, name="approve"),
    path("versions/<id:pk>/request-changes/", views.request_changes, name="request_changes"),
    path("versions/<id:pk>/comment/", views.comment, name="comment"),
    path("assets/<uuid:public_id>/archive/", views.archive, name="archive"),
]
