"""The app the migration page moves to Django: bookmarks that signed-in users add.

One file, as small Flask apps often are: models, a form, views in a blueprint
and an application factory.
"""

from datetime import UTC, datetime

from flask import Blueprint, Flask, abort, redirect, render_template, request, url_for
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect, FlaskForm
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash
from wtforms import PasswordField, StringField
from wtforms.validators import URL, DataRequired, Length


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "bookmarks.login"


# --8<-- [start:models]
class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(150), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))


class Bookmark(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(500))
    created: Mapped[datetime] = mapped_column(default=lambda: datetime.now(UTC))
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    owner: Mapped[User] = relationship()


# --8<-- [end:models]


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


# --8<-- [start:forms]
class BookmarkForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    url = StringField("URL", validators=[DataRequired(), URL(), Length(max=500)])


# --8<-- [end:forms]


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired()])
    password = PasswordField("Password", validators=[DataRequired()])


# --8<-- [start:views]
bp = Blueprint("bookmarks", __name__)


@bp.get("/")
def bookmark_list():
    query = select(Bookmark).order_by(Bookmark.created.desc())
    return render_template("bookmarks/list.html", bookmarks=db.session.scalars(query))


@bp.route("/add", methods=["GET", "POST"])
@login_required
def add():
    form = BookmarkForm()
    if form.validate_on_submit():
        db.session.add(Bookmark(title=form.title.data, url=form.url.data, owner=current_user))
        db.session.commit()
        return redirect(url_for("bookmarks.bookmark_list"))
    return render_template("bookmarks/add.html", form=form), 400 if form.errors else 200


# --8<-- [end:views]


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(select(User).where(User.username == form.username.data))
        if user is None or not check_password_hash(user.password_hash, form.password.data):
            abort(401)
        login_user(user)
        return redirect(request.args.get("next") or url_for("bookmarks.bookmark_list"))
    return render_template("bookmarks/login.html", form=form)


# --8<-- [start:settings]
def create_app(secret_key, database_uri="sqlite:///bookmarks.sqlite3"):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret_key
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri
    db.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    app.register_blueprint(bp, url_prefix="/bookmarks")
    with app.app_context():
        db.create_all()
    return app


# --8<-- [end:settings]
