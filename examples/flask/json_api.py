"""JSON APIs: a returned dict or list becomes a JSON response."""

from flask import Flask, abort, request

app = Flask(__name__)

BOOKS = [{"id": 1, "title": "Two Scoops of Django"}, {"id": 2, "title": "Flask Web Development"}]


# --8<-- [start:views]
@app.get("/api/books")
def list_books():
    return BOOKS  # a list (or dict) is serialized to JSON


@app.get("/api/books/<int:book_id>")
def get_book(book_id):
    for book in BOOKS:
        if book["id"] == book_id:
            return book
    abort(404)


@app.post("/api/books")
def add_book():
    data = request.get_json()  # 415 unless the body is JSON
    book = {"id": len(BOOKS) + 1, "title": data["title"]}
    BOOKS.append(book)
    return book, 201


# --8<-- [end:views]
