"""A JSON back end for a single-page or mobile app: CORS for one origin, signed bearer tokens."""

from flask import Flask, abort, request
from flask_cors import CORS
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.security import check_password_hash, generate_password_hash

# A real app keeps users in its database.
USERS = {"alice": generate_password_hash("correct horse battery staple")}
TOKEN_MAX_AGE = 3600  # seconds


# --8<-- [start:app]
def create_app(secret_key, frontend_origin="http://localhost:5173"):
    app = Flask(__name__)
    # Only the front end's origin may call /spa/ from a browser, with a bearer token.
    CORS(app, resources={r"/spa/*": {"origins": [frontend_origin]}},
         allow_headers=["Authorization", "Content-Type"])  # fmt: skip
    # itsdangerous ships with Flask: a token is the username, signed and timestamped.
    tokens = URLSafeTimedSerializer(secret_key, salt="spa-token")

    @app.post("/spa/token")
    def token():
        data = request.get_json()
        password_hash = USERS.get(data.get("username"))
        if password_hash is None or not check_password_hash(
            password_hash, data.get("password", "")
        ):
            abort(401)
        return {"token": tokens.dumps(data["username"])}

    @app.get("/spa/me")
    def me():
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        try:
            username = tokens.loads(token, max_age=TOKEN_MAX_AGE) if scheme == "Bearer" else None
        except BadSignature:  # also raised for an expired token
            username = None
        if username is None:
            abort(401)
        return {"username": username}

    return app


# --8<-- [end:app]
