"""The whole Flask app from the first-app page: one module, one route."""

# --8<-- [start:app]
from flask import Flask

app = Flask(__name__)


@app.route("/")
def home():
    return "Hello, World!"


# --8<-- [end:app]
