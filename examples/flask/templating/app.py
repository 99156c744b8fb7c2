"""Templates and static files: Jinja templates in templates/, assets in static/."""

# --8<-- [start:view]
from flask import Flask, render_template

app = Flask(__name__)


@app.route("/hello/<name>")
def hello(name):
    return render_template("greeting.html", name=name)


# --8<-- [end:view]
