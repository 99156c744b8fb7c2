"""Settings for the one Django project behind every side-by-side page.

Based on what `django-admin startproject mysite` generates, with secrets and
production switches read from the environment (see the deployment page).
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# --8<-- [start:environment]
# Development defaults; production sets every one of these in the environment.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-only-for-development")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
# --8<-- [end:environment]

# --8<-- [start:https]
# Behind an HTTPS proxy: redirect plain HTTP, send HSTS, keep cookies HTTPS-only.
if os.environ.get("DJANGO_HTTPS") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31_536_000  # one year; start lower while you test
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
# --8<-- [end:https]

# --8<-- [start:installed_apps]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "myapp",  # added by you after `startapp myapp`
]
# --8<-- [end:installed_apps]
# The apps of the other side-by-side pages.
INSTALLED_APPS += ["pages", "catalog", "contact", "accounts", "bookmarks", "benchmark"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "mysite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,  # finds templates in each app's templates/ folder
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "mysite.wsgi.application"

# --8<-- [start:database]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DJANGO_DB_PATH", BASE_DIR / "db.sqlite3"),
    }
}
# --8<-- [end:database]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --8<-- [start:static]
STATIC_URL = "static/"
# collectstatic copies every app's static/ folder here; the web server serves it.
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles")
# --8<-- [end:static]

# The default since Django 6.0; `startproject` on the 5.2 LTS writes this line, and
# the migrations the pages show need it there.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_REDIRECT_URL = "/accounts/dashboard/"

# --8<-- [start:hashers]
# Django's default hashers, plus one that accepts the passwords imported from Flask.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # first: new and upgraded hashes
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "bookmarks.hashers.WerkzeugScryptPasswordHasher",
]
# --8<-- [end:hashers]

# --8<-- [start:cors]
# django-cors-headers: only the front end's origin may call /spa/ from a browser.
INSTALLED_APPS += ["corsheaders"]
MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")  # before CommonMiddleware
CORS_ALLOWED_ORIGINS = os.environ.get("DJANGO_CORS_ORIGINS", "http://localhost:5173").split(",")
CORS_URLS_REGEX = r"^/spa/.*$"
# --8<-- [end:cors]
