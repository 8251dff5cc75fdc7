from django.urls import path

from portal.engagement import views

app_name = "engagement"

urlpatterns = [
    path("luot-xem/", views.hit, name="hit"),
    path("luot-xem.gif", views.pixel, name="pixel"),
    path("so-lieu/", views.figures, name="figures"),
    path("danh-gia/", views.rate, name="rate"),
    path("y-kien/", views.comment, name="comment"),
]
