from django.urls import path

from procurement import views

app_name = "procurement"
urlpatterns = [
    path("", views.order_list, name="list"),
    path("orders/new/", views.order_create, name="create"),
    path("orders/<str:number>/", views.order_detail, name="order"),
    path("orders/<str:number>/edit/", views.order_edit, name="edit"),
    path("orders/<str:number>/brief/", views.generate_brief, name="generate_brief"),
    path("orders/<str:number>/tender/", views.generate_tender, name="generate_tender"),
    path("orders/<str:number>/deliveries/", views.deliveries, name="deliveries"),
    path("documents/<id:pk>/download/", views.document_download, name="document"),
    path("deliveries/<id:pk>/file/", views.delivery_file, name="delivery_file"),
]
