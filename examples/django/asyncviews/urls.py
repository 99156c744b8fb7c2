from django.urls import path

from . import views

urlpatterns = [path("prices", views.prices), path("add-book", views.add_book)]
