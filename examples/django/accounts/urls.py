# --8<-- [start:urls]
from django.urls import include, path

from . import views

urlpatterns = [
    path("", include("django.contrib.auth.urls")),  # login/, logout/, password_reset/, ...
    path("dashboard/", views.dashboard),
]
# --8<-- [end:urls]
