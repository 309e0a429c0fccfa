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
    path("texts/<id:pk>/", views.text_revision, name="text_revision"),
    path("texts/<id:pk>/approve/", views.text_approve, name="text_approve"),
    path("texts/<id:pk>/send-back/", views.text_send_back, name="text_send_back"),
    path("texts/<id:pk>/withdraw/", views.text_withdraw, name="text_withdraw"),
]
