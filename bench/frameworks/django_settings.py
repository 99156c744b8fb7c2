"""Production settings for the Django side of the benchmark: the example project's, plus
DEBUG off, only the benchmark's URLs (Flask's app has only those too) and the harness's
database. The middleware stays as `startproject` installs it: that is part of what Django
costs.
"""

import os

from mysite.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "benchmark.urls"

# The harness sets these; see bench/frameworks/database.py.
if os.environ["BENCH_DB"] == "postgresql":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ["BENCH_DB_NAME"],
            "USER": os.environ["BENCH_DB_USER"],
            "HOST": os.environ["BENCH_DB_HOST"],
            "PORT": os.environ["BENCH_DB_PORT"],
            # A connection pool per worker (Django 5.1+), as Django's docs advise under ASGI,
            # where each request runs in its own thread and a persistent connection would not
            # outlive it; the same under WSGI, so both Django setups read alike. Flask-SQLAlchemy
            # and FastAPI's SQLAlchemy engine keep a pool per worker too.
            "OPTIONS": {"pool": True},
        }
    }
else:
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["BENCH_DB_PATH"]}
    }
