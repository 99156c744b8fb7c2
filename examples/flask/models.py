"""Models and the database: Flask-SQLAlchemy with SQLAlchemy 2.x typed models."""

# --8<-- [start:model]
from flask import Blueprint, Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


# --8<-- [end:model]


# --8<-- [start:queries]
books = Blueprint("books", __name__)


@books.post("/books")
def add_book():
    book = Book(title=request.form["title"], year=int(request.form["year"]))
    db.session.add(book)
    db.session.commit()
    return {"id": book.id}, 201


@books.get("/books")
def list_books():
    query = select(Book).where(Book.year >= 2000).order_by(Book.year)
    return [book.title for book in db.session.scalars(query)]


# --8<-- [end:queries]


# --8<-- [start:create_app]
def create_app(database_uri="sqlite:///books.sqlite3"):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri
    db.init_app(app)
    app.register_blueprint(books)
    with app.app_context():
        db.create_all()  # creates missing tables; it never alters existing ones
    return app


# --8<-- [end:create_app]
