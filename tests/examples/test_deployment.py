"""Deployment: the page's commands start real servers and pass Django's deploy checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from examples.flask.deployment.app import create_app
from tests.examples.helpers import (
    DJANGO_PROJECT,
    EXAMPLES,
    commands,
    run_shell,
    serving,
    shell_env,
)
from tests.pins import installed_combination
from tests.support import free_port

COVERS = [
    "flask/deployment/app.py:config",
    "flask/deployment/commands.sh:install",
    "flask/deployment/commands.sh:serve",
    "django/mysite/settings.py:environment",
    "django/mysite/settings.py:https",
    "django/mysite/settings.py:static",
    "django/commands/deployment.sh:environment",
    "django/commands/deployment.sh:check",
    "django/commands/deployment.sh:collectstatic",
    "django/commands/deployment.sh:serve",
]


def test_gunicorn_is_what_the_suite_installs() -> None:
    [line] = commands("flask/deployment/commands.sh", "install")
    _, pinned = installed_combination()
    assert line.removeprefix("pip install ").lower() in pinned


def test_flask_app_refuses_to_start_without_a_secret_key(monkeypatch) -> None:
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="FLASK_SECRET_KEY"):
        create_app()


def test_flask_app_reads_its_config_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-the-environment")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"  # noqa: S105
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not app.debug


def test_gunicorn_serves_the_flask_app() -> None:
    port = free_port()
    env = shell_env(GUNICORN_CMD_ARGS=f"--bind 127.0.0.1:{port}")
    script = "\n".join(commands("flask/deployment/commands.sh", "serve"))
    with serving(script, EXAMPLES / "flask/deployment", env, port) as server:
        response = server.get("/")
        assert response.status == 200
        assert response.body == b"Served by a production WSGI server."
    assert "Booting worker" in server.output


def deploy_script(*sections: str) -> str:
    lines = []
    for name in sections:
        lines += commands("django/commands/deployment.sh", name)
    return "\n".join(lines)


def test_check_deploy_passes_with_the_production_environment() -> None:
    result = run_shell([deploy_script("environment", "check")], DJANGO_PROJECT, shell_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_flags_the_development_defaults() -> None:
    """Without the production environment the same check warns: it is a real gate."""
    result = run_shell([deploy_script("check")], DJANGO_PROJECT, shell_env())
    report = result.stdout + result.stderr
    for warning in ("W004", "W008", "W009", "W012", "W016"):
        assert f"security.{warning}" in report, report


def test_collectstatic_gathers_app_and_admin_files(tmp_path: Path) -> None:
    env = shell_env(DJANGO_STATIC_ROOT=str(tmp_path))
    result = run_shell([deploy_script("environment", "collectstatic")], DJANGO_PROJECT, env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "pages/style.css").is_file()
    assert (tmp_path / "admin/css/base.css").is_file()


def test_gunicorn_serves_django_behind_an_https_proxy() -> None:
    port = free_port()
    env = shell_env(GUNICORN_CMD_ARGS=f"--bind 127.0.0.1:{port}")
    script = deploy_script("environment", "serve")
    with serving(script, DJANGO_PROJECT, env, port) as server:
        host = {"Host": "www.example.com"}
        plain = server.get("/myapp/", host)
        assert plain.status == 301
        assert plain.getheader("Location") == "https://www.example.com/myapp/"
        proxied = server.get("/myapp/", {**host, "X-Forwarded-Proto": "https"})
        assert proxied.status == 200
        assert proxied.body == b"Hello, Django!"
        hsts = proxied.getheader("Strict-Transport-Security")
        assert hsts == "max-age=31536000; includeSubDomains; preload"
        assert server.get("/myapp/", {"Host": "evil.example"}).status == 400  # ALLOWED_HOSTS
