"""Async views: both frameworks await concurrent work; Django also awaits its ORM."""

from __future__ import annotations

import time

import pytest
from asgiref.sync import async_to_sync
from catalog.models import Book
from django.test import AsyncClient

from examples.flask.async_views import app

COVERS = ["flask/async_views.py:view", "django/asyncviews/views.py:gather"]
COVERS += ["django/asyncviews/views.py:orm"]

PRICES = [{"item": "tea", "price": 10}, {"item": "coffee", "price": 10}]


def test_flask_async_view_runs_both_awaits_at_once() -> None:
    started = time.perf_counter()
    response = app.test_client().get("/prices")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert response.json == PRICES
    assert elapsed < 0.19  # two 0.1 s sleeps, overlapped


def test_django_async_view_runs_both_awaits_at_once() -> None:
    started = time.perf_counter()
    response = async_to_sync(AsyncClient().get)("/async/prices")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert response.json() == PRICES
    assert elapsed < 0.19


@pytest.mark.django_db(transaction=True)
def test_django_async_view_writes_with_the_async_orm() -> None:
    async def post_then_check() -> None:
        client = AsyncClient()
        response = await client.post("/async/add-book", {"title": "Piranesi", "year": "2020"})
        assert response.status_code == 201
        assert response.json() == {"books": 1}
        assert await Book.objects.filter(title="Piranesi").aexists()
        assert (await client.get("/async/add-book")).status_code == 405

    async_to_sync(post_then_check)()  # pytest calls plain functions; this awaits like a caller
