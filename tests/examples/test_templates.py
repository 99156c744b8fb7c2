"""Templates: inheritance, autoescaping and static file URLs in Jinja and Django."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError

from examples.flask.templating.app import app

COVERS = [
    "flask/templating/app.py:view",
    "flask/templating/templates/base.html:base",
    "flask/templating/templates/greeting.html:greeting",
    "django/pages/views.py:view",
    "django/pages/templates/pages/base.html:base",
    "django/pages/templates/pages/greeting.html:greeting",
]

ATTACK = "<em>Bob"  # markup in a URL part; a slash would end the <name> segment
ESCAPED = "&lt;em&gt;Bob"


def test_flask_renders_and_escapes() -> None:
    response = app.test_client().get(f"/hello/{ATTACK}")
    assert response.status_code == 200
    assert f"<p>Hello, {ESCAPED}!</p>" in response.text
    assert ATTACK not in response.text
    assert '<link rel="stylesheet" href="/static/style.css">' in response.text


def test_flask_serves_the_static_file() -> None:
    response = app.test_client().get("/static/style.css")
    assert response.status_code == 200
    assert b"font-family" in response.data


def test_django_renders_and_escapes(client) -> None:
    response = client.get(f"/pages/hello/{ATTACK}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<p>Hello, {ESCAPED}!</p>" in html
    assert ATTACK not in html
    assert '<link rel="stylesheet" href="/static/pages/style.css">' in html


def test_django_finds_the_app_static_file() -> None:
    from django.contrib.staticfiles import finders

    found = finders.find("pages/style.css")
    assert found and found.endswith("pages/static/pages/style.css")


def test_django_static_tag_needs_load_static() -> None:
    """What the page warns about: {% static %} without {% load static %} is an error."""
    with pytest.raises(TemplateSyntaxError, match="static"):
        Template("{% static 'pages/style.css' %}")
    rendered = Template("{% load static %}{% static 'pages/style.css' %}").render(Context())
    assert rendered == "/static/pages/style.css"
