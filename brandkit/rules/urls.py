from django.urls import path

from brandkit.rules import views

app_name = "rules"
urlpatterns = [
    path("", views.guide, name="guide"),
    path("logo/<id:pk>/", views.logo_file, name="logo_file"),
    path("logos.zip", views.logo_pack, name="logo_pack"),
    path("palette.<str:fmt>", views.palette, name="palette"),
    path(
        "template/<id:pk>/<slug:template>/<slug:preset>.png",
        views.template_preview,
        name="template_preview",
    ),
    path("<slug:slug>/<str:version>/", views.guide, name="guide_version"),
]
