"""Every claim of the original article, by id, and the page that must show it.

This list is written by hand on purpose: if a claim disappears from
data/claims.yml or from its page, a test fails instead of the coverage
shrinking silently. Ids follow the article's order.
"""

from __future__ import annotations

FLASK_PAGE = "guide/flask/"
DJANGO_PAGE = "guide/django/"
CHOOSE_PAGE = "guide/choose/"
CORRECTIONS_PAGE = "guide/corrections/"

# Article lists: (framework, kind) -> ids in the article's order (number 1, 2, ...).
ARTICLE_LISTS: dict[tuple[str, str], list[str]] = {
    ("flask", "pro"): [
        "flask-pro-minimal",
        "flask-pro-extensible",
        "flask-pro-simple",
        "flask-pro-control",
        "flask-pro-rest",
        "flask-pro-testing",
        "flask-pro-wsgi",
        "flask-pro-microservices",
        "flask-pro-community",
        "flask-pro-scalable",
        "flask-pro-dev-server",
        "flask-pro-jinja",
        "flask-pro-request",
        "flask-pro-secure-cookies",
        "flask-pro-databases",
    ],
    ("flask", "con"): [
        "flask-con-batteries",
        "flask-con-large-apps",
        "flask-con-async",
        "flask-con-performance",
        "flask-con-admin",
    ],
    ("django", "pro"): [
        "django-pro-full-featured",
        "django-pro-scalability",
        "django-pro-security",
        "django-pro-versatile",
        "django-pro-dry",
        "django-pro-admin",
        "django-pro-orm",
        "django-pro-community",
        "django-pro-mvt",
        "django-pro-drf",
        "django-pro-databases",
        "django-pro-templates",
        "django-pro-i18n",
        "django-pro-seo",
        "django-pro-auto-admin",
    ],
    ("django", "con"): [
        "django-con-small-projects",
        "django-con-monolithic",
        "django-con-learning-curve",
        "django-con-performance",
        "django-con-relational",
        "django-con-orm-dependency",
        "django-con-regex-urls",
        "django-con-frontend",
        "django-con-async",
        "django-con-rapid-change",
    ],
    ("flask", "when"): [
        "flask-when-small",
        "flask-when-microservices",
        "flask-when-custom-structure",
        "flask-when-learning",
        "flask-when-extensions",
        "flask-when-database",
        "flask-when-rapid",
        "flask-when-custom-auth",
    ],
    ("django", "when"): [
        "django-when-large",
        "django-when-rapid",
        "django-when-security",
        "django-when-orm",
        "django-when-admin",
        "django-when-monolith",
        "django-when-auth",
        "django-when-relationships",
        "django-when-cms",
        "django-when-i18n",
    ],
}

# The article's list lengths, as published.
ARTICLE_LIST_LENGTHS = {
    ("flask", "pro"): 15,
    ("flask", "con"): 5,
    ("django", "pro"): 15,
    ("django", "con"): 10,
    ("flask", "when"): 8,
    ("django", "when"): 10,
}

LIST_PAGES = {"pro": None, "con": None, "when": CHOOSE_PAGE}
FRAMEWORK_PAGES = {"flask": FLASK_PAGE, "django": DJANGO_PAGE}

# Both tutorials, every step, in the article's order.
TUTORIAL_STEPS: dict[str, list[str]] = {
    "flask": [
        "tutorial-flask-venv",
        "tutorial-flask-install",
        "tutorial-flask-app-module",
        "tutorial-flask-route",
        "tutorial-flask-java-fence",
        "tutorial-flask-app-run",
        "tutorial-flask-debug",
        "tutorial-flask-run-command",
        "tutorial-flask-url",
        "tutorial-flask-templates",
        "tutorial-flask-static",
    ],
    "django": [
        "tutorial-django-install",
        "tutorial-django-startproject",
        "tutorial-django-cd",
        "tutorial-django-startapp",
        "tutorial-django-model",
        "tutorial-django-migrations",
        "tutorial-django-view",
        "tutorial-django-app-urls",
        "tutorial-django-project-urls",
        "tutorial-django-runserver",
        "tutorial-django-static-tag",
        "tutorial-django-createsuperuser",
        "tutorial-django-admin-register",
    ],
}

# The headline corrections: each must keep a verdict the corrections page lists
# (render.CORRECTED), so that corrected_claims() shows it there.
CORRECTIONS = [
    "flask-con-async",
    "django-con-regex-urls",
    "django-pro-drf",
    "company-reddit-flask",
    "company-spotify-django",
    "tutorial-flask-java-fence",
    "tutorial-flask-run-command",
]

# Company claims: id -> (page, company name). The page names the company and
# links to at least one of the claim's sources.
COMPANIES = {
    "company-netflix-flask": (FLASK_PAGE, "Netflix"),
    "company-reddit-flask": (FLASK_PAGE, "Reddit"),
    "company-instagram-django": (DJANGO_PAGE, "Instagram"),
    "company-spotify-django": (DJANGO_PAGE, "Spotify"),
    "company-mozilla-django": (DJANGO_PAGE, "Mozilla"),
}

# Points the corrections page must make in prose, whatever the data says:
# (what it is about, phrase that must appear on the page).
CORRECTION_POINTS = [
    ("Flask async extra", 'pip install "flask[async]"'),
    ("Django routing", "path()"),
    ("DRF is third-party", "djangorestframework"),
    ("signed session cookie", "signed, not encrypted"),
    ("debugger in production", "never enable it on a server that others can reach"),
    ("Django tutorial: load static", "{% load static %}"),
    ("Django tutorial: migrate first", "Run python manage.py migrate first"),
    ("Django tutorial: register the model", "admin.site.register(MyModel)"),
    ("Flask tutorial: the real command", "flask --app app run --debug"),
]
