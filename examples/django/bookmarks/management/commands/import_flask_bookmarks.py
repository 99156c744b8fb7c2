"""manage.py import_flask_bookmarks path/to/bookmarks.sqlite3: copy users and bookmarks over."""

# --8<-- [start:command]
import datetime as dt
import sqlite3

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from bookmarks.hashers import from_werkzeug
from bookmarks.models import Bookmark


class Command(BaseCommand):
    help = "Copy users and bookmarks from the Flask app's SQLite database."

    def add_arguments(self, parser):
        parser.add_argument("database")

    @transaction.atomic  # all or nothing: a failed import leaves no half-copied data
    def handle(self, database, **options):
        flask_db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        users = {}
        for user_id, username, password_hash in flask_db.execute(
            "SELECT id, username, password_hash FROM user"
        ):
            users[user_id] = get_user_model().objects.create(
                username=username, password=from_werkzeug(password_hash)
            )
        rows = flask_db.execute("SELECT title, url, created, owner_id FROM bookmark")
        bookmarks = Bookmark.objects.bulk_create(
            Bookmark(
                title=title,
                url=url,
                # SQLAlchemy stored the UTC time without its zone
                created=dt.datetime.fromisoformat(created).replace(tzinfo=dt.UTC),
                owner=users[owner_id],
            )
            for title, url, created, owner_id in rows
        )
        flask_db.close()
        self.stdout.write(f"Imported {len(users)} users and {len(bookmarks)} bookmarks.")


# --8<-- [end:command]
