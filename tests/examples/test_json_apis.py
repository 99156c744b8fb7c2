"""JSON APIs: the same three endpoints answer with the same JSON in Flask and Django."""

from __future__ import annotations

import copy

import pytest
from django.test import Client

import api.views
from examples.flask import json_api

COVERS = ["flask/json_api.py:views", "django/api/views.py:views", "django/api/urls.py:urls"]


@pytest.fixture(autouse=True)
def fresh_books(monkeypatch):
    """Both samples keep books in a module-level list; give each test its own copy."""
    monkeypatch.setattr(json_api, "BOOKS", copy.deepcopy(json_api.BOOKS))
    monkeypatch.setattr(api.views, "BOOKS", copy.deepcopy(api.views.BOOKS))


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
