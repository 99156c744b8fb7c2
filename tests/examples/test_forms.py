"""Forms and CSRF: valid posts redirect, invalid ones re-render, token-less posts fail."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from examples.flask.forms.app import create_app

COVERS = [
    "flask/forms/app.py:form",
    "flask/forms/app.py:view",
    "flask/forms/templates/contact.html:template",
    "django/contact/forms.py:form",
    "django/contact/views.py:view",
    "django/contact/templates/contact/contact.html:template",
]

VALID = {"name": "Ada", "message": "Hello there"}


@pytest.fixture
def flask_client():
    return create_app(secret_key="test-only").test_client()  # noqa: S106


def flask_token(client) -> str:
    html = client.get("/contact").text
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_flask_form_with_token_redirects(flask_client) -> None:
    response = flask_client.post(
        "/contact", data={**VALID, "csrf_token": flask_token(flask_client)}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/thanks"


def test_flask_form_shows_validation_errors(flask_client) -> None:
    token = flask_token(flask_client)
    response = flask_client.post("/contact", data={"name": "", "message": "x", "csrf_token": token})
    assert response.status_code == 400
    assert "name: This field is required." in response.text


def test_flask_post_without_token_is_rejected(flask_client) -> None:
    response = flask_client.post("/contact", data=VALID)
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.text


@pytest.fixture
def django_client() -> Client:
    return Client(enforce_csrf_checks=True)  # the test client skips CSRF checks by default


def django_token(client: Client) -> str:
    html = client.get("/contact/").content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_django_form_with_token_redirects(django_client: Client) -> None:
    data = {**VALID, "csrfmiddlewaretoken": django_token(django_client)}
    response = django_client.post("/contact/", data)
    assert response.status_code == 302
    assert response["Location"] == "/contact/thanks"


def test_django_form_shows_validation_errors(django_client: Client) -> None:
    data = {"name": "", "message": "x", "csrfmiddlewaretoken": django_token(django_client)}
    response = django_client.post("/contact/", data)
    assert response.status_code == 400
    assert b"This field is required." in response.content


def test_django_post_without_token_is_rejected(django_client: Client) -> None:
    response = django_client.post("/contact/", VALID)
    assert response.status_code == 403
    assert b"CSRF verification failed" in response.content
