"""Authentication: Flask-Login on top of Flask's signed session cookie."""

from flask import Flask, abort, redirect, render_template, request, url_for
from flask_login import LoginManager, UserMixin, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash


# --8<-- [start:users]
class User(UserMixin):
    def __init__(self, username, password):
        self.id = username
        self.password_hash = generate_password_hash(password)  # never store the password


# A real app loads users from its database; this example keeps one in memory.
USERS = {"alice": User("alice", "correct horse battery staple")}
# --8<-- [end:users]

# --8<-- [start:setup]
login_manager = LoginManager()
login_manager.login_view = "login"  # where @login_required sends anonymous users


@login_manager.user_loader
def load_user(user_id):
    return USERS.get(user_id)


# --8<-- [end:setup]


def create_app(secret_key):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret_key  # signs the session cookie
    login_manager.init_app(app)

    # --8<-- [start:views]
    @app.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "GET":
            return render_template("login.html")
        user = USERS.get(request.form["username"])
        if user is None or not check_password_hash(user.password_hash, request.form["password"]):
            abort(401)
        login_user(user)
        return redirect(url_for("dashboard"))

    @app.get("/dashboard")
    @login_required
    def dashboard():
        return "Only signed-in users see this."

    @app.post("/logout")
    def logout():
        logout_user()
        return redirect(url_for("login"))

    # --8<-- [end:views]

    return app
