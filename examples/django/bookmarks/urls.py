# --8<-- [start:urls]
from django.urls import path

from . import views

app_name = "bookmarks"  # {% url 'bookmarks:add' %}, like url_for('bookmarks.add')
urlpatterns = [
    path("", views.bookmark_list, name="list"),
    path("add", views.add, name="add"),
]
# --8<-- [end:urls]
