# --8<-- [start:view]
from django.shortcuts import render


def hello(request, name):
    return render(request, "pages/greeting.html", {"name": name})


# --8<-- [end:view]
