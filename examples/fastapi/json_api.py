"""JSON APIs: type hints say what comes in and what goes out; FastAPI checks both."""

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


# --8<-- [start:views]
class Book(BaseModel):
    id: int
    title: str


class NewBook(BaseModel):
    title: str


BOOKS = [Book(id=1, title="Two Scoops of Django"), Book(id=2, title="Flask Web Development")]


@app.get("/api/books")
def list_books() -> list[Book]:
    return BOOKS  # serialized to JSON through the return type


@app.get("/api/books/{book_id}")
def get_book(book_id: int) -> Book:  # /api/books/abc gets 422, before this runs
    for book in BOOKS:
        if book.id == book_id:
            return book
    raise HTTPException(status_code=404)


@app.post("/api/books", status_code=201)
def add_book(new: NewBook) -> Book:  # the JSON body, validated: 422 without a title
    book = Book(id=len(BOOKS) + 1, title=new.title)
    BOOKS.append(book)
    return book


# --8<-- [end:views]
