import asyncio

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from catalog.models import Book


# --8<-- [start:gather]
async def fetch_price(item):
    await asyncio.sleep(0.1)  # stands in for an HTTP call or a database query
    return {"item": item, "price": 10}


async def prices(request):
    results = await asyncio.gather(fetch_price("tea"), fetch_price("coffee"))
    return JsonResponse(list(results), safe=False)


# --8<-- [end:gather]


# --8<-- [start:orm]
@require_POST  # view decorators work on async views since Django 5.0
async def add_book(request):
    await Book.objects.acreate(title=request.POST["title"], year=int(request.POST["year"]))
    return JsonResponse({"books": await Book.objects.acount()}, status=201)


# --8<-- [end:orm]
