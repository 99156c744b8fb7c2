"""The Flask tests shown on the testing page: pytest plus Flask's test client."""

# --8<-- [start:tests]
import pytest

from examples.flask.models import create_app


@pytest.fixture
def client():
    app = create_app("sqlite://")  # a fresh in-memory database for every test
    app.config["TESTING"] = True  # exceptions reach the test instead of a 500 page
    return app.test_client()


def test_new_books_are_listed(client):
    response = client.post("/books", data={"title": "Piranesi", "year": "2020"})
    assert response.status_code == 201
    assert client.get("/books").json == ["Piranesi"]


def test_old_books_are_filtered_out(client):
    client.post("/books", data={"title": "Dune", "year": "1965"})
    assert client.get("/books").json == []


# --8<-- [end:tests]
