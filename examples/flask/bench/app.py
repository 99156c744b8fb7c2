"""The benchmark app, Flask side: six endpoints that do the same work as Django's and
FastAPI's.

`make bench-frameworks` serves it with Gunicorn; tests check that every endpoint
sends the same bytes as examples/django/benchmark and examples/fastapi/bench.
"""

import asyncio
import time

from flask import Blueprint, Flask, Response, render_template

from examples.flask.models import Book, db

BOOKS = [{"id": n, "title": f"Book {n}", "year": 2000 + n} for n in range(1, 21)]
# Markup in data, so the template endpoint pays for autoescaping.
BOOKS[0]["title"] = "Fish & Chips <2nd edition>"

bench = Blueprint("bench", __name__)


# --8<-- [start:views]
@bench.get("/plaintext")
def plaintext():
    return Response("Hello, World!", mimetype="text/plain")


@bench.get("/json")
def json():
    return {"message": "Hello, World!", "books": BOOKS}


@bench.get("/template")
def template():
    return render_template("books.html", books=BOOKS)


@bench.get("/db")
def one_row():
    book = db.session.get(Book, 1)
    return {"id": book.id, "title": book.title, "year": book.year}


@bench.get("/io/sync")
def io_sync():
    time.sleep(0.05)  # stands in for a 50 ms call to another service
    return Response("Waited 50 ms.", mimetype="text/plain")


@bench.get("/io/async")
async def io_async():
    await asyncio.sleep(0.05)
    return Response("Waited 50 ms.", mimetype="text/plain")


# --8<-- [end:views]


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_prefixed_env()  # FLASK_SQLALCHEMY_DATABASE_URI and friends
    app.config.update(config or {})
    db.init_app(app)
    app.register_blueprint(bench)
    return app
