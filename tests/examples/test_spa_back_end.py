"""A back end for a React or mobile front end: CORS for one origin and bearer tokens, in both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

import spa.views
from examples.flask import spa_api

COVERS = ["flask/spa_api.py:app", "django/spa/views.py:views", "django/mysite/settings.py:cors"]

PASSWORD = "correct horse battery staple"  # noqa: S105 - the sample user's
FRONT_END = "https://app.example.com"


@dataclass
class End:
    get: Callable  # (path, headers) -> (status, headers, json or None)
    post: Callable  # (path, json) -> (status, json)
    module: object  # where TOKEN_MAX_AGE lives


@pytest.fixture(params=["flask", pytest.param("django", marks=pytest.mark.django_db)])
def end(request) -> End:
    if request.param == "flask":
        client = spa_api.create_app("test-only", frontend_origin=FRONT_END).test_client()

        def get(path, headers, method="GET"):
            response = client.open(path, method=method, headers=headers)
            return response.status_code, response.headers, response.get_json(silent=True)

        def post(path, body):
            response = client.post(path, json=body)
            return response.status_code, response.get_json(silent=True)

        return End(get, post, spa_api)
    request.getfixturevalue("settings").CORS_ALLOWED_ORIGINS = [FRONT_END]
    User.objects.create_user("alice", password=PASSWORD)
    client = Client(enforce_csrf_checks=True)  # the token view must not need a CSRF cookie

    def get(path, headers, method="GET"):
        response = client.generic(method, path, headers=headers)
        is_json = response.get("Content-Type") == "application/json"
        return response.status_code, response.headers, response.json() if is_json else None

    def post(path, body):
        response = client.post(path, body, content_type="application/json")
        return response.status_code, response.json()

    return End(get, post, spa.views)


def sign_in(end: End) -> str:
    status, body = end.post("/spa/token", {"username": "alice", "password": PASSWORD})
    assert status == 200
    return body["token"]


def test_a_token_opens_the_api(end: End) -> None:
    status, _, body = end.get("/spa/me", {"Authorization": f"Bearer {sign_in(end)}"})
    assert (status, body) == (200, {"username": "alice"})


def test_a_wrong_password_gets_no_token(end: End) -> None:
    status, body = end.post("/spa/token", {"username": "alice", "password": "guess"})
    assert status == 401
    assert "token" not in (body or {})


@pytest.mark.parametrize(
    "authorization",
    ["", "Bearer not-a-token", "Token {token}", "Bearer {token}x"],
    ids=["none", "garbage", "wrong-scheme", "tampered"],
)
def test_the_api_refuses_requests_without_a_valid_token(end: End, authorization: str) -> None:
    header = authorization.format(token=sign_in(end))
    status, _, _ = end.get("/spa/me", {"Authorization": header} if header else {})
    assert status == 401


def test_an_expired_token_is_refused(end: End, monkeypatch) -> None:
    token = sign_in(end)
    monkeypatch.setattr(end.module, "TOKEN_MAX_AGE", -1)  # every token is now too old
    status, _, _ = end.get("/spa/me", {"Authorization": f"Bearer {token}"})
    assert status == 401


def test_the_front_end_origin_may_send_the_authorization_header(end: End) -> None:
    preflight = {
        "Origin": FRONT_END,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
    }
    status, headers, _ = end.get("/spa/me", preflight, method="OPTIONS")
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == FRONT_END
    assert "authorization" in headers["Access-Control-Allow-Headers"].lower()


def test_other_origins_get_no_cors_headers(end: End) -> None:
    _, headers, _ = end.get("/spa/me", {"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in headers
