# --8<-- [start:urls]
from django.urls import path

from . import views

urlpatterns = [
    path("plaintext", views.plaintext),
    path("json", views.json),
    path("template", views.template),
    path("db", views.one_row),
    path("io/sync", views.io_sync),
    path("io/async", views.io_async),
]
# --8<-- [end:urls]
