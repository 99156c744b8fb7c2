"""Shared helpers for the example tests: snippet sections, shell commands, live servers."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DJANGO_PROJECT = EXAMPLES / "django"
# The console scripts (flask, django-admin, gunicorn) installed beside this Python.
VENV_BIN = Path(sys.executable).parent


def section(path: str, name: str) -> str:
    """The text of one `--8<-- [start:name]` ... `[end:name]` section, markers removed."""
    text = (EXAMPLES / path).read_text(encoding="utf-8")
    start = rf"^[^\n]*--8<-- \[start:{re.escape(name)}\][^\n]*\n"
    end = rf"^[^\n]*--8<-- \[end:{re.escape(name)}\]"
    match = re.search(f"{start}(.*?){end}", text, re.MULTILINE | re.DOTALL)
    assert match, f"no section {name!r} in {path}"
    return match.group(1)


def commands(path: str, name: str) -> list[str]:
    """The shell commands of one section of a commands file, one per line."""
    return [line for line in section(path, name).splitlines() if line.strip()]


def shell_env(**extra: str) -> dict[str, str]:
    """The environment a reader's activated virtual environment gives: our .venv first."""
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # manage.py and wsgi.py set their own
    return {**env, **extra}


def run_shell(lines: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run commands as one bash script that stops at the first failure."""
    script = "set -e\n" + "\n".join(lines)
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    output: str = field(default="")

    def get(self, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        """One GET request; redirects are returned, not followed."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.body = response.read()
        connection.close()
        return response


@contextmanager
def serving(script: str, cwd: Path, env: dict[str, str], port: int) -> Iterator[Server]:
    """Start a server from a shell script, wait until it accepts connections, stop it after."""
    process = subprocess.Popen(
        ["bash", "-c", script],
        cwd=cwd,
        # Output line by line, as in a terminal: a pipe's buffer would be lost on SIGTERM.
        env={**env, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, so stopping it stops its workers
    )
    server = Server(process, port)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.communicate()[0]
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start in 30 s"
                time.sleep(0.2)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        server.output = process.communicate(timeout=20)[0]
