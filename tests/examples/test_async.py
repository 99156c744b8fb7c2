"""Async views: both frameworks await concurrent work; Django also awaits its ORM."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient

import asyncviews.views
from catalog.models import Book
from examples.flask import async_views

COVERS = [
    "flask/async_views.py:view",
    "django/asyncviews/views.py:gather",
    "django/asyncviews/views.py:orm",
]


def in_own_thread(function, *args):
    """Call function in a fresh thread, as a server would.

    asgiref refuses to run async code from a thread whose event loop is already
    running, and Playwright's sync API leaves one running in the main thread
    once the browser tests have run.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


PRICES = [{"item": "tea", "price": 10}, {"item": "coffee", "price": 10}]


def record_calls(monkeypatch, module) -> list[tuple[float, float]]:
    """Wrap the module's fetch_price so each call's (start, end) time is recorded."""
    spans: list[tuple[float, float]] = []
    original = module.fetch_price

    async def timed(item):
        start = time.perf_counter()
        result = await original(item)
        spans.append((start, time.perf_counter()))
        return result

    monkeypatch.setattr(module, "fetch_price", timed)
    return spans


def overlapped(spans: list[tuple[float, float]]) -> bool:
    """True when the last call started before the first one finished."""
    return len(spans) == 2 and max(start for start, _ in spans) < min(end for _, end in spans)


def test_flask_async_view_runs_both_awaits_at_once(monkeypatch) -> None:
    spans = record_calls(monkeypatch, async_views)
    response = in_own_thread(async_views.app.test_client().get, "/prices")
    assert response.status_code == 200
    assert response.json == PRICES
    assert overlapped(spans), spans


def test_django_async_view_runs_both_awaits_at_once(monkeypatch) -> None:
    spans = record_calls(monkeypatch, asyncviews.views)
    response = in_own_thread(async_to_sync(AsyncClient().get), "/async/prices")
    assert response.status_code == 200
    assert response.json() == PRICES
    assert overlapped(spans), spans


def test_overlap_detector_rejects_calls_one_after_the_other() -> None:
    assert not overlapped([(0.0, 0.1), (0.1, 0.2)])
    assert overlapped([(0.0, 0.1), (0.01, 0.11)])


@pytest.mark.django_db(transaction=True)
def test_django_async_view_writes_with_the_async_orm() -> None:
    async def post_then_check() -> None:
        client = AsyncClient()
        response = await client.post("/async/add-book", {"title": "Piranesi", "year": "2020"})
        assert response.status_code == 201
        assert response.json() == {"books": 1}
        assert await Book.objects.filter(title="Piranesi").aexists()
        assert (await client.get("/async/add-book")).status_code == 405

    in_own_thread(async_to_sync(post_then_check))
