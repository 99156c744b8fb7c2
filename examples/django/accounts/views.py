# --8<-- [start:view]
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required  # anonymous users are redirected to settings.LOGIN_URL
def dashboard(request):
    return HttpResponse("Only signed-in users see this.")


# --8<-- [end:view]
