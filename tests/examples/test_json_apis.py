"""JSON APIs: the same three endpoints answer with the same JSON in Flask, Django and FastAPI."""

from __future__ import annotations

import copy

import pytest
from django.test import Client
from fastapi.testclient import TestClient

import api.views
from examples.fastapi import json_api as fastapi_api
from examples.flask import json_api

COVERS = [
    "flask/json_api.py:views",
    "django/api/views.py:views",
    "django/api/urls.py:urls",
    "fastapi/json_api.py:views",
]


@pytest.fixture(autouse=True)
def fresh_books(monkeypatch):
    """The samples keep books in a module-level list; give each test its own copy."""
    monkeypatch.setattr(json_api, "BOOKS", copy.deepcopy(json_api.BOOKS))
    monkeypatch.setattr(api.views, "BOOKS", copy.deepcopy(api.views.BOOKS))
    monkeypatch.setattr(fastapi_api, "BOOKS", copy.deepcopy(fastapi_api.BOOKS))


FIRST = {"id": 1, "title": "Two Scoops of Django"}


def test_flask_list_get_and_create() -> None:
    client = json_api.app.test_client()
    listing = client.get("/api/books")
    assert listing.status_code == 200
    assert listing.mimetype == "application/json"
    assert listing.json[0] == FIRST
    assert client.get("/api/books/1").json == FIRST
    assert client.get("/api/books/99").status_code == 404
    created = client.post("/api/books", json={"title": "Piranesi"})
    assert created.status_code == 201
    assert created.json == {"id": 3, "title": "Piranesi"}
    assert client.post("/api/books", data="title=x").status_code == 415


def test_django_list_get_and_create() -> None:
    client = Client(enforce_csrf_checks=True)  # as strict as a real API client meets
    listing = client.get("/api/books")
    assert listing.status_code == 200
    assert listing["Content-Type"] == "application/json"
    assert listing.json()[0] == FIRST
    assert client.get("/api/books/1").json() == FIRST
    assert client.get("/api/books/99").status_code == 404
    created = client.post("/api/books", {"title": "Piranesi"}, content_type="application/json")
    assert created.status_code == 201
    assert created.json() == {"id": 3, "title": "Piranesi"}


def test_fastapi_list_get_and_create() -> None:
    client = TestClient(fastapi_api.app)
    listing = client.get("/api/books")
    assert listing.status_code == 200
    assert listing.headers["Content-Type"] == "application/json"
    assert listing.json()[0] == FIRST
    assert client.get("/api/books/1").json() == FIRST
    missing = client.get("/api/books/99")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not Found"}  # errors are JSON too, unlike the others
    created = client.post("/api/books", json={"title": "Piranesi"})
    assert created.status_code == 201
    assert created.json() == {"id": 3, "title": "Piranesi"}


def test_fastapi_rejects_what_the_type_hints_do_not_allow() -> None:
    """422 with the failing field named, before the view runs: nothing is added."""
    client = TestClient(fastapi_api.app)
    not_a_number = client.get("/api/books/abc")
    assert not_a_number.status_code == 422
    assert not_a_number.json()["detail"][0]["loc"] == ["path", "book_id"]
    no_title = client.post("/api/books", json={})
    assert (no_title.status_code, no_title.reason_phrase) == (422, "Unprocessable Content")
    assert no_title.json()["detail"][0]["loc"] == ["body", "title"]
    assert client.post("/api/books", content="title=x").status_code == 422
    # JSON text without a JSON Content-Type is not read as JSON (the CSRF note on the page).
    assert client.post("/api/books", content='{"title": "x"}').status_code == 422
    assert len(client.get("/api/books").json()) == len(fastapi_api.BOOKS) == 2
    sent_as_json = {"Content-Type": "application/json"}
    assert client.post("/api/books", content='{"title": "x"}', headers=sent_as_json).is_success


def test_fastapi_documents_the_api_from_the_same_type_hints() -> None:
    client = TestClient(fastapi_api.app)
    schema = client.get("/openapi.json").json()
    operations = {(path, method) for path, item in schema["paths"].items() for method in item}
    assert operations == {
        ("/api/books", "get"),
        ("/api/books", "post"),
        ("/api/books/{book_id}", "get"),
    }
    assert schema["components"]["schemas"]["NewBook"]["required"] == ["title"]
    created = schema["paths"]["/api/books"]["post"]["responses"]["201"]
    assert created["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Book"}
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "Swagger UI" in docs.text


def test_without_checks_of_their_own_flask_and_django_answer_a_missing_title_with_500(
    caplog,
) -> None:
    """What the page contrasts with FastAPI's 422: the samples index the body directly."""
    flask_response = json_api.app.test_client().post("/api/books", json={})
    assert flask_response.status_code == 500
    client = Client(raise_request_exception=False)
    django_response = client.post("/api/books", {}, content_type="application/json")
    assert django_response.status_code == 500
    assert caplog.text.count("KeyError: 'title'") == 2  # one traceback from each
