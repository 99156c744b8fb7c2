# --8<-- [start:forms]
from django import forms

from .models import Bookmark


class BookmarkForm(forms.ModelForm):
    # A URL typed without a scheme gets https:// (Django 6's default; 5.2 assumed http://).
    url = forms.URLField(max_length=500, assume_scheme="https")

    class Meta:
        model = Bookmark
        fields = ("title", "url")


# --8<-- [end:forms]
