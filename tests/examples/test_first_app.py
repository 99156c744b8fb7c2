"""First app: the Flask, Django and FastAPI tutorials run as the page shows them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from examples.fastapi.first_app import main as fastapi_first_app
from examples.flask.first_app.app import app
from tests.examples.helpers import (
    EXAMPLES,
    commands,
    run_shell,
    section,
    serving,
    shell_env,
)
from tests.pins import COMBINATIONS, installed_combination
from tests.support import free_port

COVERS = [
    "flask/first_app/app.py:app",
    "flask/first_app/commands.sh:install",
    "flask/first_app/commands.sh:run",
    "django/commands/first-app.sh:install",
    "django/commands/first-app.sh:startproject",
    "django/commands/first-app.sh:migrate",
    "django/commands/first-app.sh:runserver",
    "django/commands/startproject-tree.txt",
    "django/mysite/settings.py:installed_apps",
    "django/mysite/urls.py:urls",
    "django/myapp/models.py:model",
    "django/myapp/views.py:view",
    "django/myapp/urls.py:urls",
    "django/myapp/admin.py:admin",
    "fastapi/first_app/main.py:app",
    "fastapi/first_app/commands.sh:install",
    "fastapi/first_app/commands.sh:run",
]

COMBINATION, PINNED = installed_combination()


def test_flask_hello_world() -> None:
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.text == "Hello, World!"


@pytest.mark.parametrize(
    "path",
    [
        "flask/first_app/commands.sh",
        "django/commands/first-app.sh",
        "fastapi/first_app/commands.sh",
    ],
)
def test_install_commands_name_packages_the_suite_installs(path: str) -> None:
    """`pip install X` on the page installs a package this combination pins and tests."""
    lines = commands(path, "install")
    assert lines[:2] == ["python3 -m venv .venv", ". .venv/bin/activate"]
    package = lines[2].removeprefix("pip install ").strip('"').lower()  # "fastapi[standard]"
    name = package.partition("[")[0]
    assert name in PINNED
    # The same extras too: the combination's files pin exactly what the page installs.
    pinned_lines = [
        line.split("#")[0].strip().lower()
        for file in (f"{COMBINATION}.txt", "examples.txt")
        for line in (COMBINATIONS / file).read_text().splitlines()
    ]
    assert f"{package}=={PINNED[name]}" in pinned_lines


def test_flask_run_debug_serves_the_app_with_the_debugger_on() -> None:
    """The page's warning is real: `--debug` turns on Werkzeug's interactive debugger."""
    [command] = commands("flask/first_app/commands.sh", "run")
    port = free_port()
    env = shell_env(FLASK_RUN_PORT=str(port))
    with serving(command, EXAMPLES / "flask/first_app", env, port) as server:
        response = server.get("/")
        assert response.status == 200
        assert response.body == b"Hello, World!"
    assert "Debugger is active!" in server.output
    assert "Debugger PIN" in server.output


def test_fastapi_hello_world() -> None:
    response = TestClient(fastapi_first_app.app).get("/")
    assert response.status_code == 200
    assert response.json() == {"message": "Hello, World!"}


def test_fastapi_dev_serves_the_app_and_its_generated_docs(tmp_path: Path) -> None:
    """The page's main.py, alone in a folder as a reader has it, run with `fastapi dev`."""
    (tmp_path / "main.py").write_text(section("fastapi/first_app/main.py", "app"))
    [command] = commands("fastapi/first_app/commands.sh", "run")
    port = free_port()
    with serving(f"{command} --port {port}", tmp_path, shell_env(), port) as server:
        hello = server.get("/")
        assert hello.status == 200
        assert hello.getheader("Content-Type") == "application/json"
        assert hello.body == b'{"message":"Hello, World!"}'
        docs = server.get("/docs")
        assert docs.status == 200
        assert b"Swagger UI" in docs.body
        assert b'"/":{"get"' in server.get("/openapi.json").body
    assert "development mode" in server.output
    assert "Started reloader process" in server.output  # `fastapi dev` reloads on save


def tree(directory: Path, prefix: str = "") -> list[str]:
    """`tree`-style lines for a directory, dot-directories and caches left out."""
    entries = sorted(p for p in directory.iterdir() if p.name != "__pycache__")
    lines = []
    for index, entry in enumerate(entries):
        last = index == len(entries) - 1
        name = entry.name + ("/" if entry.is_dir() else "")
        lines.append(f"{prefix}{'└── ' if last else '├── '}{name}")
        if entry.is_dir():
            lines += tree(entry, prefix + ("    " if last else "│   "))
    return lines


def test_startproject_and_startapp_make_the_tree_the_page_shows(tmp_path: Path) -> None:
    result = run_shell(
        commands("django/commands/first-app.sh", "startproject"), tmp_path, shell_env()
    )
    assert result.returncode == 0, result.stderr
    generated = "\n".join(["mysite/", *tree(tmp_path / "mysite")])
    shown = (EXAMPLES / "django/commands/startproject-tree.txt").read_text(encoding="utf-8")
    assert generated == shown.strip()


@pytest.fixture
def fresh_project(tmp_path: Path) -> Path:
    result = run_shell(
        commands("django/commands/first-app.sh", "startproject"), tmp_path, shell_env()
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "mysite"


SUPERUSER = {
    "DJANGO_SUPERUSER_USERNAME": "admin",
    "DJANGO_SUPERUSER_EMAIL": "admin@example.com",
    "DJANGO_SUPERUSER_PASSWORD": "a-long-test-password-1",
}


def non_interactive(lines: list[str]) -> list[str]:
    """The same commands, with createsuperuser reading its answers from the environment."""
    return [f"{line} --noinput" if line.endswith("createsuperuser") else line for line in lines]


def test_createsuperuser_fails_before_migrate(fresh_project: Path) -> None:
    """Why the page runs migrate first: the article's order fails on a new project."""
    result = run_shell(
        ["python manage.py createsuperuser --noinput"], fresh_project, shell_env(**SUPERUSER)
    )
    assert result.returncode != 0
    assert "no such table: auth_user" in result.stderr


def add_the_tutorial_files(project: Path) -> None:
    """What the page has you write by hand, copied from the files it shows."""
    for name in ("models.py", "views.py", "urls.py", "admin.py"):
        shutil.copy(EXAMPLES / "django/myapp" / name, project / "myapp" / name)
    (project / "mysite/urls.py").write_text(section("django/mysite/urls.py", "urls"))
    settings = project / "mysite/settings.py"
    generated = "    'django.contrib.staticfiles',\n]"
    assert generated in settings.read_text()
    settings.write_text(
        settings.read_text().replace(
            generated, "    'django.contrib.staticfiles',\n    'myapp',\n]"
        )
    )


def test_the_whole_django_tutorial_runs(fresh_project: Path) -> None:
    """makemigrations, migrate, createsuperuser, runserver: then /myapp/ and /admin/ answer."""
    add_the_tutorial_files(fresh_project)
    lines = non_interactive(commands("django/commands/first-app.sh", "migrate"))
    result = run_shell(lines, fresh_project, shell_env(**SUPERUSER))
    assert result.returncode == 0, result.stderr
    assert "Create model MyModel" in result.stdout
    assert "Applying myapp.0001_initial... OK" in result.stdout
    assert "Superuser created successfully." in result.stdout

    [command] = commands("django/commands/first-app.sh", "runserver")
    port = free_port()
    with serving(f"{command} {port}", fresh_project, shell_env(), port) as server:
        hello = server.get("/myapp/")
        assert hello.status == 200
        assert hello.body == b"Hello, Django!"
        admin = server.get("/admin/")
        assert admin.status == 302
        assert admin.getheader("Location") == "/admin/login/?next=/admin/"
        assert server.get("/").status == 404  # only admin/ and myapp/ are routed
    # Django 6.x says "Starting WSGI development server", 5.2 "Starting development server".
    assert re.search(
        rf"Starting (WSGI )?development server at http://127.0.0.1:{port}/", server.output
    )


def test_django_hello(client) -> None:
    response = client.get("/myapp/")
    assert response.status_code == 200
    assert response.content == b"Hello, Django!"


def test_registered_model_appears_in_the_admin(admin_client) -> None:
    index = admin_client.get("/admin/")
    assert index.status_code == 200
    assert b'href="/admin/myapp/mymodel/"' in index.content
    assert admin_client.get("/admin/myapp/mymodel/").status_code == 200


def test_admin_sends_anonymous_users_to_its_login_page(client) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"
    assert b"Django administration" in client.get("/admin/login/").content
