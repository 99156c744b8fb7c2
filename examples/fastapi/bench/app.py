"""The benchmark app, FastAPI side: six endpoints that do the same work as Flask's and
Django's.

`make bench-frameworks` serves it with Uvicorn; tests check that every endpoint
sends the same bytes as examples/flask/bench and examples/django/benchmark.
"""

import asyncio
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

BOOKS = [{"id": n, "title": f"Book {n}", "year": 2000 + n} for n in range(1, 21)]
# Markup in data, so the template endpoint pays for autoescaping.
BOOKS[0]["title"] = "Fish & Chips <2nd edition>"

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///books.sqlite3"))
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "fastapi_book"  # beside Flask's and Django's tables in the same database
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


def get_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


# --8<-- [start:views]
class CompactJSON(JSONResponse):
    """FastAPI's JSON keeps the keys in insertion order; Flask sorts them. The same
    settings as Flask's, so every framework sends the same bytes."""

    def render(self, content) -> bytes:
        return json.dumps(content, separators=(",", ":"), sort_keys=True).encode()


app = FastAPI(default_response_class=CompactJSON)
SessionDep = Annotated[Session, Depends(get_session)]


@app.get("/plaintext", response_class=PlainTextResponse)
def plaintext():
    return "Hello, World!"


@app.get("/json")
def json_view():
    return {"message": "Hello, World!", "books": BOOKS}


@app.get("/template", response_class=HTMLResponse)
def template(request: Request):
    return templates.TemplateResponse(request, "books.html", {"books": BOOKS})


@app.get("/db")
def one_row(session: SessionDep):  # a sync view: FastAPI runs it in its threadpool
    book = session.get(Book, 1)
    return {"id": book.id, "title": book.title, "year": book.year}


@app.get("/io/sync", response_class=PlainTextResponse)
def io_sync():  # in the threadpool too, so waits overlap up to its size
    time.sleep(0.05)  # stands in for a 50 ms call to another service
    return "Waited 50 ms."


@app.get("/io/async", response_class=PlainTextResponse)
async def io_async():
    await asyncio.sleep(0.05)
    return "Waited 50 ms."


# --8<-- [end:views]
