"""The Flask app's models, moved to Django: the User model comes from django.contrib.auth."""

# --8<-- [start:models]
from django.conf import settings
from django.db import models
from django.utils import timezone


class Bookmark(models.Model):
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500)
    # Not auto_now_add: that would overwrite the dates of imported bookmarks.
    created = models.DateTimeField(default=timezone.now)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    class Meta:
        ordering = ("-created",)


# --8<-- [end:models]
