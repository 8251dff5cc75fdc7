from django.urls import path

from procedures import api

app_name = "procedures_api"

urlpatterns = [
    path("", api.procedure_list, name="list"),
    path("<str:code>/", api.procedure_detail, name="detail"),
]
