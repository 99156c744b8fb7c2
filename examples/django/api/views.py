import json

from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

BOOKS = [{"id": 1, "title": "Two Scoops of Django"}, {"id": 2, "title": "Flask Web Development"}]


# --8<-- [start:views]
@csrf_exempt  # API clients send no CSRF token: authenticate them another way
@require_http_methods(["GET", "POST"])
def books(request):
    if request.method == "POST":
        data = json.loads(request.body)
        book = {"id": len(BOOKS) + 1, "title": data["title"]}
        BOOKS.append(book)
        return JsonResponse(book, status=201)
    return JsonResponse(BOOKS, safe=False)  # safe=False allows a list at the top level


def book(request, book_id):
    for item in BOOKS:
        if item["id"] == book_id:
            return JsonResponse(item)
    raise Http404


# --8<-- [end:views]
