"""The benchmark apps: each endpoint sends the same response in Flask, Django and FastAPI,
so the Performance page compares the same work. Endpoints come from the harness's plan."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from bench.frameworks.plan import ENDPOINTS
from bench.frameworks.seed import BOOK
from catalog.models import Book as DjangoBook
from examples.fastapi.bench import app as fastapi_bench
from examples.flask.bench.app import BOOKS, create_app
from examples.flask.models import Book as FlaskBook
from examples.flask.models import db

COVERS = [
    "flask/bench/app.py:views",
    "flask/bench/templates/books.html:template",
    "django/benchmark/views.py:views",
    "django/benchmark/templates/benchmark/books.html:template",
    "django/benchmark/urls.py:urls",
    "fastapi/bench/app.py:views",
    "fastapi/bench/templates/books.html:template",
]

pytestmark = [pytest.mark.urls("benchmark.urls"), pytest.mark.django_db]


@pytest.fixture
def flask_client():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        db.create_all()
        db.session.add(FlaskBook(**BOOK))
        db.session.commit()
    return app.test_client()


@pytest.fixture
def fastapi_client():
    # One in-memory database shared by the threads FastAPI runs sync views in.
    engine = create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    fastapi_bench.Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(fastapi_bench.Book(**BOOK))
        session.commit()

    def session():
        with Session(engine) as opened:
            yield opened

    app = fastapi_bench.app
    app.dependency_overrides[fastapi_bench.get_session] = session
    yield TestClient(app)
    app.dependency_overrides.clear()


@pytest.fixture(autouse=True)
def django_row() -> None:
    DjangoBook.objects.create(**BOOK)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.id)
def test_every_framework_sends_the_same_response(
    flask_client, client, fastapi_client, endpoint
) -> None:
    flask = flask_client.get(endpoint.path)
    django = client.get(endpoint.path)
    fastapi = fastapi_client.get(endpoint.path)
    assert flask.status_code == django.status_code == fastapi.status_code == 200
    assert flask.headers["Content-Type"] == django["Content-Type"]
    assert fastapi.headers["content-type"] == django["Content-Type"]
    assert fastapi.content == django.content
    if flask.is_json:
        # Flask ends a JSON response with a newline; the document is byte for byte the same.
        assert flask.data == django.content + b"\n"
    else:
        assert flask.data == django.content


def test_json_endpoints_send_the_data_they_promise(flask_client) -> None:
    assert flask_client.get("/json").json == {"message": "Hello, World!", "books": BOOKS}
    assert flask_client.get("/db").json == BOOK


def test_the_template_escapes_markup_in_the_data(client) -> None:
    html = client.get("/template").content.decode()
    assert f"<td>{escape(BOOKS[0]['title'])}</td>" in html
    assert BOOKS[0]["title"] not in html
    assert html.count("<tr><td>") == len(BOOKS)
