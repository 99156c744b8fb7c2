"""A JSON back end for a single-page or mobile app: signed bearer tokens, no cookies."""

# --8<-- [start:views]
import json

from django.contrib.auth import authenticate, get_user_model
from django.core import signing
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

TOKEN_MAX_AGE = 3600  # seconds


@csrf_exempt  # safe here: the token, not a cookie, says who is calling
@require_POST
def token(request):
    data = json.loads(request.body)
    user = authenticate(request, username=data.get("username"), password=data.get("password"))
    if user is None:
        return JsonResponse({"error": "wrong username or password"}, status=401)
    return JsonResponse({"token": signing.dumps(user.pk, salt="spa-token")})


@require_GET
def me(request):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    try:
        user_pk = signing.loads(token, salt="spa-token", max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # also raised for an expired token
        user_pk = None
    user = get_user_model().objects.filter(pk=user_pk).first() if scheme == "Bearer" else None
    if user is None:
        return JsonResponse({"error": "a valid bearer token is required"}, status=401)
    return JsonResponse({"username": user.username})


# --8<-- [end:views]
