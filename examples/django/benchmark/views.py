"""The benchmark app, Django side: six endpoints that do the same work as Flask's and
FastAPI's."""

import asyncio
import time

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render

from catalog.models import Book

BOOKS = [{"id": n, "title": f"Book {n}", "year": 2000 + n} for n in range(1, 21)]
# Markup in data, so the template endpoint pays for autoescaping.
BOOKS[0]["title"] = "Fish & Chips <2nd edition>"
# Flask's JSON output by default: sorted keys, no spaces. The same bytes on the wire.
COMPACT = {"separators": (",", ":"), "sort_keys": True}
TEXT = "text/plain; charset=utf-8"


# --8<-- [start:views]
def plaintext(request):
    return HttpResponse("Hello, World!", content_type=TEXT)


def json(request):
    return JsonResponse({"message": "Hello, World!", "books": BOOKS}, json_dumps_params=COMPACT)


def template(request):
    return render(request, "benchmark/books.html", {"books": BOOKS})


def one_row(request):
    book = Book.objects.get(pk=1)
    data = {"id": book.id, "title": book.title, "year": book.year}
    return JsonResponse(data, json_dumps_params=COMPACT)


def io_sync(request):
    time.sleep(0.05)  # stands in for a 50 ms call to another service
    return HttpResponse("Waited 50 ms.", content_type=TEXT)


async def io_async(request):
    await asyncio.sleep(0.05)
    return HttpResponse("Waited 50 ms.", content_type=TEXT)


# --8<-- [end:views]
