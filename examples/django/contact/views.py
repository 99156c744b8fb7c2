# --8<-- [start:view]
from django.http import HttpResponse
from django.shortcuts import redirect, render

from .forms import ContactForm


def contact(request):
    # CsrfViewMiddleware has already rejected any POST without a valid token.
    form = ContactForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        return redirect("thanks")
    status = 400 if form.errors else 200
    return render(request, "contact/contact.html", {"form": form}, status=status)


def thanks(request):
    return HttpResponse("Thanks, we got your message.")


# --8<-- [end:view]
