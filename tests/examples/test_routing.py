"""Routing: converters, methods and URL building give the same results in both."""

from __future__ import annotations

import pytest

from examples.flask.routing import app

COVERS = [
    "flask/routing.py:converters",
    "flask/routing.py:methods",
    "flask/routing.py:url_for",
    "django/routing/urls.py:converters",
    "django/routing/urls.py:re_path",
    "django/routing/views.py:views",
    "django/routing/views.py:methods",
    "django/routing/views.py:reverse",
]

CASES = [
    ("/articles/2024/", 200, "Articles from 2024"),
    ("/articles/2024/hello-world/", 200, "Article 'hello-world' from 2024"),
    ("/files/docs/report.pdf", 200, "File docs/report.pdf"),
    ("/articles/twenty/", 404, None),  # the int converter rejects it before the view runs
]


@pytest.mark.parametrize(("url", "status", "body"), CASES)
def test_flask_converters(url: str, status: int, body: str | None) -> None:
    response = app.test_client().get(url)
    assert response.status_code == status
    if body:
        assert response.text == body


@pytest.mark.parametrize(("url", "status", "body"), CASES)
def test_django_converters(client, url: str, status: int, body: str | None) -> None:
    response = client.get(url)
    assert response.status_code == status
    if body:
        assert response.content.decode() == body


def test_django_re_path_takes_only_four_digits_and_passes_a_string(client) -> None:
    assert client.get("/archive/1999/").content == b"Legacy article list for 1999"
    assert client.get("/archive/99/").status_code == 404


def test_flask_methods() -> None:
    client = app.test_client()
    assert client.get("/search").text == "the search form"
    assert client.post("/search").text == "the search results"
    assert client.put("/search").status_code == 405


def test_django_methods(client) -> None:
    assert client.get("/search").content == b"the search form"
    assert client.post("/search").content == b"the search results"
    assert client.put("/search").status_code == 405


def test_url_building() -> None:
    assert app.test_client().get("/links").text == "/articles/2024/hello-world/"


def test_django_reverse(client) -> None:
    assert client.get("/links/").content == b"/articles/2024/hello-world/"
