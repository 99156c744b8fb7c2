# --8<-- [start:admin]
from django.contrib import admin

from .models import Book


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ("title", "year")  # columns of the change list
    list_filter = ("year",)
    search_fields = ("title",)


# --8<-- [end:admin]
