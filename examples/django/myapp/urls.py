# --8<-- [start:urls]
from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
]
# --8<-- [end:urls]
