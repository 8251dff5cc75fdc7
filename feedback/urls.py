from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("gui/", views.submit, name="submit"),
    path("tra-cuu/", views.lookup, name="lookup"),
    path("ma-phieu/", views.token, name="token"),
    path("thu-tuc/", views.agency_procedures, name="procedures"),
]
