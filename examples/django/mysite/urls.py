"""The project's URL configuration: each app's urls.py is included under a prefix."""

# --8<-- [start:urls]
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("myapp/", include("myapp.urls")),
]
# --8<-- [end:urls]

# The apps of the other side-by-side pages.
urlpatterns += [
    path("", include("routing.urls")),
    path("pages/", include("pages.urls")),
    path("catalog/", include("catalog.urls")),
    path("contact/", include("contact.urls")),
    path("accounts/", include("accounts.urls")),
    path("api/", include("api.urls")),
    path("async/", include("asyncviews.urls")),
    path("bookmarks/", include("bookmarks.urls")),
    path("spa/", include("spa.urls")),
]
