# --8<-- [start:view]
from django.http import HttpResponse


def home(request):
    return HttpResponse("Hello, Django!")


# --8<-- [end:view]
