from django.urls import path

from brandkit.library import banner_views, topic_views, views

app_name = "library"
urlpatterns = [
    path("", views.asset_list, name="list"),
    path("topics/", topic_views.topics, name="topics"),
    path("topics/<id:pk>/edit/", topic_views.topic_edit, name="topic_edit"),
    path("campaigns/<id:pk>/edit/", topic_views.campaign_edit, name="campaign_edit"),
    path("campaigns/<id:pk>/decide/", topic_views.campaign_decide, name="campaign_decide"),
    path("download.zip", views.download_zip, name="zip"),
    path("upload/", views.upload, name="upload"),
    path("banners/new/", banner_views.banner_maker, name="banner_maker"),
    path("staged/<uuid:token>/", views.staged_detail, name="staged"),
    path("staged/<uuid:token>/file/", views.staged_file, name="staged_file"),
    path("staged/<uuid:token>/discard/", views.staged_discard, name="staged_discard"),
    path("assets/<uuid:public_id>/", views.asset_detail, name="asset"),
    path("assets/<uuid:public_id>/edit/", views.asset_edit, name="asset_edit"),
    path("versions/<id:pk>/", views.version_detail, name="version"),
    path("versions/<id:pk>/file/", views.version_file, name="version_file"),
    path("renditions/<id:pk>/file/", views.rendition_file, name="rendition_file"),
]
