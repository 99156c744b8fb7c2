"""Migration: the bookmarks app behaves the same in Flask and in Django, and its data moves over.

One behaviour test runs against both ends, so the Django port is checked
against what the Flask app did, not against a description of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher, identify_hasher
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from werkzeug.security import check_password_hash, generate_password_hash

from bookmarks.hashers import from_werkzeug, to_werkzeug
from bookmarks.models import Bookmark as DjangoBookmark
from examples.flask.bookmarks import app as flask_bookmarks

COVERS = [
    "flask/bookmarks/app.py:models",
    "flask/bookmarks/app.py:forms",
    "flask/bookmarks/app.py:views",
    "flask/bookmarks/app.py:settings",
    "flask/bookmarks/templates/bookmarks/list.html:template",
    "flask/bookmarks/templates/bookmarks/add.html:template",
    "django/bookmarks/models.py:models",
    "django/bookmarks/forms.py:forms",
    "django/bookmarks/views.py:views",
    "django/bookmarks/urls.py:urls",
    "django/bookmarks/templates/bookmarks/list.html:template",
    "django/bookmarks/templates/bookmarks/add.html:template",
    "django/bookmarks/hashers.py:hasher",
    "django/bookmarks/hashers.py:way-back",
    "django/bookmarks/management/commands/import_flask_bookmarks.py:command",
    "django/mysite/settings.py:hashers",
]

PASSWORD = "correct horse battery staple"  # noqa: S105 - the sample user's
GOOD = {"title": "Flask docs", "url": "https://flask.palletsprojects.com/"}


@dataclass
class End:
    """One side of the migration, driven the way a browser drives it."""

    client: object
    list_url: str
    add_url: str
    login_url: str
    token_pattern: str  # the hidden CSRF field in the form
    token_field: str

    def text(self, response) -> str:
        return (
            response.get_data(as_text=True)
            if hasattr(response, "get_data")
            else (response.content.decode())
        )

    def token(self, url: str) -> str:
        return re.search(self.token_pattern, self.text(self.client.get(url))).group(1)

    def post(self, url: str, data: dict, *, with_token: bool = True):
        token = {self.token_field: self.token(url)} if with_token else {}
        return self.client.post(url, data={**data, **token})


def flask_end(tmp_path) -> End:
    app = flask_bookmarks.create_app("test-only", f"sqlite:///{tmp_path / 'flask.sqlite3'}")
    with app.app_context():
        db = flask_bookmarks.db
        db.session.add(
            flask_bookmarks.User(username="alice", password_hash=generate_password_hash(PASSWORD))
        )
        db.session.commit()
    end = End(
        app.test_client(), "/bookmarks/", "/bookmarks/add", "/bookmarks/login",
        r'name="csrf_token" type="hidden" value="([^"]+)"', "csrf_token",
    )  # fmt: skip
    end.sign_in = lambda: end.post(end.login_url, {"username": "alice", "password": PASSWORD})
    return end


def django_end() -> End:
    User.objects.create_user("alice", password=PASSWORD)
    end = End(
        Client(enforce_csrf_checks=True), "/bookmarks/", "/bookmarks/add", "/accounts/login/",
        r'name="csrfmiddlewaretoken" value="([^"]+)"', "csrfmiddlewaretoken",
    )  # fmt: skip
    end.sign_in = lambda: end.client.login(username="alice", password=PASSWORD)
    return end


@pytest.fixture(params=["flask", pytest.param("django", marks=pytest.mark.django_db)])
def end(request, tmp_path) -> Iterator[End]:
    if request.param == "flask":
        yield flask_end(tmp_path)
    else:
        yield django_end()


def test_the_list_is_public_and_starts_empty(end: End) -> None:
    response = end.client.get(end.list_url)
    assert response.status_code == 200
    assert "No bookmarks yet." in end.text(response)


def test_adding_needs_a_signed_in_user(end: End) -> None:
    response = end.client.get(end.add_url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith(end.login_url)
    assert "next=/bookmarks/add" in unquote(response.headers["Location"])


def test_a_signed_in_user_adds_a_bookmark_that_the_list_shows(end: End) -> None:
    end.sign_in()
    response = end.post(end.add_url, GOOD)
    assert response.status_code == 302
    assert response.headers["Location"] == end.list_url
    listing = end.text(end.client.get(end.list_url))
    assert f'<a href="{GOOD["url"]}">{GOOD["title"]}</a> by alice' in listing


def test_a_bad_url_is_refused_and_nothing_is_saved(end: End) -> None:
    end.sign_in()
    response = end.post(end.add_url, {**GOOD, "url": "not a url"})
    assert response.status_code == 400
    assert "No bookmarks yet." in end.text(end.client.get(end.list_url))


def test_a_post_without_the_csrf_token_is_rejected(end: End) -> None:
    end.sign_in()
    response = end.post(end.add_url, GOOD, with_token=False)
    assert response.status_code in (400, 403)  # Flask-WTF answers 400, Django 403
    assert "No bookmarks yet." in end.text(end.client.get(end.list_url))


def test_the_import_moves_users_and_bookmarks_and_keeps_passwords(tmp_path, db, settings) -> None:
    flask = flask_end(tmp_path)
    flask.sign_in()
    flask.post(flask.add_url, GOOD)
    with flask.client.application.app_context():
        created = flask_bookmarks.db.session.scalar(
            flask_bookmarks.select(flask_bookmarks.Bookmark.created)
        )
    call_command("import_flask_bookmarks", str(tmp_path / "flask.sqlite3"), stdout=None)

    (bookmark,) = DjangoBookmark.objects.all()
    assert (bookmark.title, bookmark.url, bookmark.owner.username) == (
        GOOD["title"], GOOD["url"], "alice",
    )  # fmt: skip
    assert bookmark.created == created.replace(tzinfo=dt.UTC)
    # The hasher under test after the fast test hasher, which upgrades it on sign-in.
    settings.PASSWORD_HASHERS = [
        *settings.PASSWORD_HASHERS,
        "bookmarks.hashers.WerkzeugScryptPasswordHasher",
    ]
    assert User.objects.get().password.startswith("werkzeug_scrypt$")
    client = Client()
    assert not client.login(username="alice", password="wrong guess")  # noqa: S106
    assert client.login(username="alice", password=PASSWORD)
    # Signing in re-hashed the password with the preferred hasher.
    assert identify_hasher(User.objects.get().password).algorithm == get_hasher().algorithm


def test_only_werkzeug_scrypt_hashes_are_converted() -> None:
    with pytest.raises(ValueError, match="not 'pbkdf2'"):
        from_werkzeug(generate_password_hash(PASSWORD, method="pbkdf2"))


def test_django_password_hashes_convert_for_werkzeug() -> None:
    django_hash = PBKDF2PasswordHasher().encode(PASSWORD, "saltsaltsalt", iterations=1000)
    converted = to_werkzeug(django_hash)
    assert check_password_hash(converted, PASSWORD)
    assert not check_password_hash(converted, "wrong guess")
    with pytest.raises(ValueError, match="not 'md5'"):
        to_werkzeug("md5$salt$abc0")
