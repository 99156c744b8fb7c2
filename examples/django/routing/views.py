from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods


# --8<-- [start:views]
def articles_for_year(request, year):
    return HttpResponse(f"Articles from {year}")  # year is already an int


def article(request, year, slug):
    return HttpResponse(f"Article {slug!r} from {year}")


def file(request, name):
    return HttpResponse(f"File {name}")  # path also matches slashes


# --8<-- [end:views]


def legacy_article(request, year):
    return HttpResponse(f"Legacy article list for {year}")  # re_path passes a str


# --8<-- [start:reverse]
def links(request):
    return HttpResponse(reverse("article", args=[2024, "hello-world"]))


# --8<-- [end:reverse]


# --8<-- [start:methods]
@require_http_methods(["GET", "POST"])  # any other method gets 405
def search(request):
    if request.method == "POST":
        return HttpResponse("the search results")
    return HttpResponse("the search form")


# --8<-- [end:methods]
