"""Routing: URL rules with converters, methods, and url_for()."""

from flask import Flask, url_for

app = Flask(__name__)


# --8<-- [start:converters]
@app.route("/articles/<int:year>/")
def articles_for_year(year):
    return f"Articles from {year}"  # year is already an int


@app.route("/articles/<int:year>/<slug>/")
def article(year, slug):
    return f"Article {slug!r} from {year}"  # <slug> means <string:slug>


@app.route("/files/<path:name>")
def file(name):
    return f"File {name}"  # path also matches slashes


# --8<-- [end:converters]


# --8<-- [start:methods]
@app.get("/search")
def search_form():
    return "the search form"


@app.post("/search")
def search():
    return "the search results"


# --8<-- [end:methods]


# --8<-- [start:url_for]
@app.route("/links")
def links():
    return url_for("article", year=2024, slug="hello-world")  # /articles/2024/hello-world/


# --8<-- [end:url_for]
