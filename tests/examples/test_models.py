"""Models: rows written and read through Flask-SQLAlchemy and through the Django ORM."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from sqlalchemy import inspect

from catalog.models import Book as DjangoBook
from examples.flask.models import Book, create_app, db
from tests.examples.helpers import DJANGO_PROJECT, commands, run_shell, shell_env

COVERS = [
    "flask/models.py:model",
    "flask/models.py:queries",
    "flask/models.py:create_app",
    "django/catalog/models.py:model",
    "django/catalog/views.py:queries",
    "django/catalog/migrations/0001_initial.py",
    "django/commands/models.sh:migrations",
    "django/mysite/settings.py:database",
]


def test_flask_create_app_creates_the_table_and_stores_rows(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'books.sqlite3'}")
    client = app.test_client()
    assert client.post("/books", data={"title": "Piranesi", "year": "2020"}).status_code == 201
    assert client.post("/books", data={"title": "Dune", "year": "1965"}).json == {"id": 2}
    assert client.get("/books").json == ["Piranesi"]  # the query filters out Dune
    with app.app_context():
        assert inspect(db.engine).get_table_names() == ["book"]
        assert [book.title for book in db.session.scalars(db.select(Book))] == ["Piranesi", "Dune"]


@pytest.mark.django_db
def test_django_view_stores_and_filters_rows(client) -> None:
    assert client.post("/catalog/books", {"title": "Piranesi", "year": "2020"}).status_code == 201
    assert client.post("/catalog/books", {"title": "Dune", "year": "1965"}).json()["id"]
    assert client.get("/catalog/books").json() == ["Piranesi"]
    assert list(DjangoBook.objects.values_list("title", "year")) == [
        ("Piranesi", 2020),
        ("Dune", 1965),
    ]


@pytest.mark.django_db
def test_django_migrations_match_the_models() -> None:
    """The shown migration is what makemigrations writes for the shown model."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_makemigrations_and_migrate_commands_run(tmp_path: Path) -> None:
    """The page's commands, on a new SQLite file; nothing to create, one migration to apply."""
    env = shell_env(DJANGO_DB_PATH=str(tmp_path / "db.sqlite3"))
    result = run_shell(commands("django/commands/models.sh", "migrations"), DJANGO_PROJECT, env)
    assert result.returncode == 0, result.stderr
    assert "No changes detected in app 'catalog'" in result.stdout
    assert "Applying catalog.0001_initial... OK" in result.stdout


INJECTION = "'; DROP TABLE book; --"


def test_flask_stores_sql_in_a_title_as_text() -> None:
    client = create_app("sqlite://").test_client()
    assert client.post("/books", data={"title": INJECTION, "year": "2021"}).status_code == 201
    assert client.get("/books").json == [INJECTION]


@pytest.mark.django_db
def test_django_stores_sql_in_a_title_as_text(client) -> None:
    assert client.post("/catalog/books", {"title": INJECTION, "year": "2021"}).status_code == 201
    assert client.get("/catalog/books").json() == [INJECTION]
