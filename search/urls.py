from django.urls import path

from procedures import views as procedure_views
from search import views

app_name = "search"

urlpatterns = [
    path("tim-kiem/", views.site_search, name="site"),
    path("tim-kiem/goi-y/", views.autocomplete, name="autocomplete"),
    path("tra-cuu-thu-tuc/", views.finder, name="finder"),
    path("thu-tuc-theo-su-kien/", procedure_views.life_events, name="life_events"),
]
