# --8<-- [start:converters]
from django.urls import path, re_path

from . import views

urlpatterns = [
    path("articles/<int:year>/", views.articles_for_year),
    path("articles/<int:year>/<slug:slug>/", views.article, name="article"),
    path("files/<path:name>", views.file),
]
# --8<-- [end:converters]

# --8<-- [start:re_path]
urlpatterns += [
    # Only when a converter can't express the rule: exactly four digits here.
    re_path(r"^archive/(?P<year>[0-9]{4})/$", views.legacy_article),
]
# --8<-- [end:re_path]

urlpatterns += [path("links/", views.links), path("search", views.search)]
