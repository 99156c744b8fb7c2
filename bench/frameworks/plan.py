"""What `make bench-frameworks` measures: endpoints, server setups, install stacks, budgets.

The same plan runs in full (make bench-frameworks) and as a smoke test with a tiny budget.
"""

from __future__ import annotations

from dataclasses import dataclass

WORKERS = 2  # the same for every server: one per core of the machine the site is measured on


@dataclass(frozen=True)
class Endpoint:
    id: str
    name: str
    path: str
    work: str
    waits: bool = False  # spends its time waiting (I/O), not computing


@dataclass(frozen=True)
class Setup:
    id: str
    framework: str
    server: str  # "gunicorn" or "uvicorn": the label adds version and worker model
    app: str  # what the server loads; it serves every endpoint

    @property
    def interface(self) -> str:
        return "ASGI" if self.server == "uvicorn" else "WSGI"

    def argv(self, port: str) -> list[str]:
        """The server command line, as the deployment page recommends it (`port` may be a
        placeholder, for the command the results show)."""
        if self.server == "uvicorn":
            return [
                "uvicorn",
                *("--workers", str(WORKERS), "--host", "127.0.0.1", "--port", port),
                *UVICORN_STACK,
                *("--no-access-log", "--log-level", "warning"),
                self.app,
            ]
        return [
            "gunicorn",
            *("--workers", str(WORKERS), "--worker-class", "sync"),
            *("--bind", f"127.0.0.1:{port}", self.app),
        ]


# Named rather than left to Uvicorn's choice, so the label says what ran: the event loop and
# HTTP parser that `pip install "fastapi[standard]"` (or "uvicorn[standard]") installs, and
# that Uvicorn would pick by itself when they are installed.
UVICORN_STACK = ("--loop", "uvloop", "--http", "httptools")

ENDPOINTS = (
    Endpoint("plaintext", "Plain text", "/plaintext", "Returns `Hello, World!` as `text/plain`."),
    Endpoint("json", "JSON", "/json", "Serialises a dict holding a list of 20 small dicts."),
    Endpoint("template", "Template", "/template", "Renders a 20-row HTML table, autoescaped."),
    Endpoint(
        "db",
        "One database row",
        "/db",
        "Reads one row by primary key through the ORM and returns it as JSON.",
    ),
    Endpoint(
        "io-sync",
        "50 ms wait, sync view",
        "/io/sync",
        "Blocks for 50 ms (`time.sleep`), as a call to another service would.",
        waits=True,
    ),
    Endpoint(
        "io-async",
        "50 ms wait, async view",
        "/io/async",
        "Awaits 50 ms (`asyncio.sleep`), as an async call to another service would.",
        waits=True,
    ),
)

# Flask first, Django second, FastAPI third. Flask and Django compare under Gunicorn (WSGI);
# FastAPI, an ASGI framework, compares with Django under Uvicorn, the same server with the
# same connection handling.
SETUPS = (
    Setup("flask-wsgi", "flask", "gunicorn", "examples.flask.bench.app:create_app()"),
    Setup("django-wsgi", "django", "gunicorn", "mysite.wsgi"),
    Setup("django-asgi", "django", "uvicorn", "mysite.asgi:application"),
    Setup("fastapi-asgi", "fastapi", "uvicorn", "examples.fastapi.bench.app:app"),
)
FRAMEWORKS = tuple(dict.fromkeys(setup.framework for setup in SETUPS))


@dataclass(frozen=True)
class Stack:
    """What one `pip install` pulls in. A stack `with_examples` also installs every package
    that the site's examples pin (requirements/examples.txt) and that needs its framework, so
    it follows the examples as they grow."""

    id: str
    framework: str
    label: str
    requires: tuple[str, ...]
    with_examples: bool = False


# Each framework alone, then the stack this site's examples deploy (with the server the
# deployment page uses; the Flask examples have async views, hence its async extra; FastAPI's
# as its docs and the site's first-app page install it, Uvicorn included).
STACKS = (
    Stack("flask", "flask", "pip install flask", ("flask",)),
    Stack("django", "django", "pip install django", ("django",)),
    Stack("fastapi", "fastapi", "pip install fastapi", ("fastapi",)),
    Stack(
        "flask-site",
        "flask",
        "This site's Flask examples",
        ("flask[async]", "gunicorn"),
        with_examples=True,
    ),
    Stack(
        "django-site",
        "django",
        "This site's Django examples",
        ("django", "gunicorn"),
        with_examples=True,
    ),
    Stack(
        "fastapi-site",
        "fastapi",
        "This site's FastAPI examples",
        ("fastapi[standard]",),
        with_examples=True,
    ),
)

# Reported with the results, from the installed packages (never typed).
PACKAGES = (
    "flask",
    "werkzeug",
    "jinja2",
    "flask-sqlalchemy",
    "sqlalchemy",
    "asgiref",
    "django",
    "fastapi",
    "starlette",
    "pydantic",
    "gunicorn",
    "uvicorn",
    "uvloop",
    "httptools",
    "psycopg",
    "psycopg-pool",
)


@dataclass(frozen=True)
class Budget:
    """How long and how much: every run is bounded in time and in requests."""

    duration_s: int
    warmup_s: int
    max_requests: int
    warmup_requests: int
    repeats: int
    connections: int
    start_repeats: int  # process start to first 200, and import time


FULL = Budget(
    duration_s=5,
    warmup_s=2,
    max_requests=200_000,
    warmup_requests=50_000,
    repeats=5,
    connections=16,
    start_repeats=5,
)
# Seconds in all: enough to prove every endpoint answers and every field fills.
SMOKE = Budget(
    duration_s=1,
    warmup_s=0,
    max_requests=40,
    warmup_requests=10,
    repeats=1,
    connections=4,
    start_repeats=1,
)
