"""Auth and the admin: sign-in works, protected pages redirect, the admin lists the model."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from catalog.models import Book
from examples.flask.auth import create_app

COVERS = [
    "flask/auth.py:users",
    "flask/auth.py:setup",
    "flask/auth.py:views",
    "flask/templates/login.html:template",
    "django/accounts/views.py:view",
    "django/accounts/urls.py:urls",
    "django/accounts/templates/registration/login.html:template",
    "django/catalog/admin.py:admin",
]

PASSWORD = "correct horse battery staple"  # noqa: S105 - the sample user's


@pytest.fixture
def flask_client():
    return create_app(secret_key="test-only").test_client()  # noqa: S106


def test_flask_dashboard_redirects_anonymous_users(flask_client) -> None:
    response = flask_client.get("/dashboard")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2Fdashboard"


def test_flask_login_then_dashboard_then_logout(flask_client) -> None:
    page = flask_client.get("/login?next=%2Fdashboard")
    assert page.status_code == 200
    assert 'name="password" type="password"' in page.text
    response = flask_client.post("/login", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert flask_client.get("/dashboard").text == "Only signed-in users see this."
    flask_client.post("/logout")
    assert flask_client.get("/dashboard").status_code == 302


def test_flask_wrong_password_is_refused(flask_client) -> None:
    response = flask_client.post("/login", data={"username": "alice", "password": "guess"})
    assert response.status_code == 401
    assert flask_client.get("/dashboard").status_code == 302


@pytest.fixture
def alice(db) -> User:
    return User.objects.create_user("alice", password=PASSWORD)


def test_django_dashboard_redirects_anonymous_users(client) -> None:
    response = client.get("/accounts/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/dashboard/"


def test_django_login_page_then_dashboard(client, alice) -> None:
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert b'name="username"' in page.content and b"csrfmiddlewaretoken" in page.content
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/dashboard/"
    assert client.get("/accounts/dashboard/").content == b"Only signed-in users see this."


def test_django_wrong_password_is_refused(client, alice) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": "guess"})
    assert response.status_code == 200  # the form again, with an error
    assert b"Please enter a correct username and password" in response.content


def test_django_admin_lists_the_registered_model_with_its_columns(admin_client) -> None:
    Book.objects.create(title="Piranesi", year=2020)
    index = admin_client.get("/admin/")
    assert b'href="/admin/catalog/book/"' in index.content
    changelist = admin_client.get("/admin/catalog/book/?q=Pira")
    assert changelist.status_code == 200
    html = changelist.content.decode()
    assert "column-title" in html and "column-year" in html  # list_display
    assert "Piranesi" in html
    assert 'id="changelist-filter"' in html  # list_filter


def test_django_admin_refuses_a_user_who_is_not_staff(client, alice) -> None:
    client.force_login(alice)
    response = client.get("/admin/catalog/book/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
