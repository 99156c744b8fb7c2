"""Forms and CSRF: a Flask-WTF form; CSRFProtect checks every POST."""

from flask import Flask, redirect, render_template, url_for
from flask_wtf import CSRFProtect, FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length


# --8<-- [start:form]
class ContactForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=100)])
    message = TextAreaField("Message", validators=[DataRequired(), Length(max=500)])


# --8<-- [end:form]


# --8<-- [start:view]
csrf = CSRFProtect()


def create_app(secret_key):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = secret_key  # signs the CSRF token
    csrf.init_app(app)

    @app.route("/contact", methods=["GET", "POST"])
    def contact():
        form = ContactForm()
        if form.validate_on_submit():  # a POST with a valid token and valid data
            return redirect(url_for("thanks"))
        return render_template("contact.html", form=form), 400 if form.errors else 200

    @app.get("/thanks")
    def thanks():
        return "Thanks, we got your message."

    return app


# --8<-- [end:view]
