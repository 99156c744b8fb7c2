# --8<-- [start:queries]
from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from .models import Book


@require_http_methods(["GET", "POST"])
def books(request):
    if request.method == "POST":
        book = Book.objects.create(title=request.POST["title"], year=int(request.POST["year"]))
        return JsonResponse({"id": book.id}, status=201)
    titles = Book.objects.filter(year__gte=2000).order_by("year").values_list("title", flat=True)
    return JsonResponse(list(titles), safe=False)


# --8<-- [end:queries]
