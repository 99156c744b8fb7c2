# --8<-- [start:urls]
from django.urls import path

from . import views

urlpatterns = [
    path("books", views.books),
    path("books/<int:book_id>", views.book),
]
# --8<-- [end:urls]
