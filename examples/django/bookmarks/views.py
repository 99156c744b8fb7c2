# --8<-- [start:views]
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from .forms import BookmarkForm
from .models import Bookmark


def bookmark_list(request):
    bookmarks = Bookmark.objects.select_related("owner")
    return render(request, "bookmarks/list.html", {"bookmarks": bookmarks})


@login_required
def add(request):
    form = BookmarkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        bookmark = form.save(commit=False)
        bookmark.owner = request.user
        bookmark.save()
        return redirect("bookmarks:list")
    return render(request, "bookmarks/add.html", {"form": form}, status=400 if form.errors else 200)


# --8<-- [end:views]
