"""Deployment: configuration comes from the environment, never from the code."""

# --8<-- [start:config]
from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_prefixed_env()  # FLASK_SECRET_KEY becomes app.config["SECRET_KEY"]
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("Set FLASK_SECRET_KEY: sessions are signed with it.")
    app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_SAMESITE="Lax")

    @app.get("/")
    def home():
        return "Served by a production WSGI server."

    return app


# --8<-- [end:config]
