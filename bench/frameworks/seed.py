"""Create the benchmark's table and row through one framework's ORM.

    python -m bench.frameworks.seed flask|django|fastapi

Run by database.seed() in a fresh process per framework, with the harness's environment.
"""

from __future__ import annotations

import sys

# The row the /db endpoint reads, the same in every framework's table.
BOOK = {"id": 1, "title": "Flask Web Development", "year": 2018}


def seed_flask() -> None:
    from examples.flask.bench.app import create_app
    from examples.flask.models import Book, db

    with create_app().app_context():
        db.create_all()
        db.session.merge(Book(**BOOK))
        db.session.commit()


def seed_django() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "catalog", verbosity=0)  # the one table the benchmark reads
    from catalog.models import Book

    Book.objects.update_or_create(pk=BOOK["id"], defaults=BOOK)


def seed_fastapi() -> None:
    from sqlalchemy.orm import Session

    from examples.fastapi.bench.app import Base, Book, engine

    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.merge(Book(**BOOK))
        session.commit()


if __name__ == "__main__":
    {"flask": seed_flask, "django": seed_django, "fastapi": seed_fastapi}[sys.argv[1]]()
