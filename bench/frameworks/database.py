"""The database the benchmark apps read: PostgreSQL from Debian's packages, started here on a
loopback port (as production sites run one), or an SQLite file for the smoke test.

Each framework creates and fills its own table through its own ORM (seed.py), so each reads
the row the way an app built on it would.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.frameworks.plan import FRAMEWORKS
from bench.frameworks.servers import ROOT
from tests.support import free_port

USER = NAME = "bench"


def postgres_bin(tool: str) -> str:
    """A PostgreSQL server tool: on PATH, else where Debian's postgresql package puts it."""
    found = shutil.which(tool) or max(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"), default="")
    if not found:
        sys.exit(f"bench-frameworks: {tool} not found; install Debian's postgresql package")
    return found


def _as_server_user(argv: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; Debian's package creates a `postgres` user.
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


def postgres_version() -> str:
    """'PostgreSQL 15.18 (Debian 15.18-0+deb12u1)', from `postgres --version`."""
    output = subprocess.run(
        [postgres_bin("postgres"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    return "PostgreSQL " + output.strip().removeprefix("postgres (PostgreSQL) ")


@contextmanager
def postgresql(workdir: Path) -> Iterator[dict[str, str]]:
    """A throwaway cluster on 127.0.0.1, trusted for local connections, stopped afterwards."""
    data, sockets = workdir / "pgdata", workdir / "pgsocket"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres")
        shutil.chown(sockets, "postgres")
    port = free_port()
    quiet = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        _as_server_user([postgres_bin("initdb"), "-D", str(data), "-U", USER, "--auth=trust"]),
        **quiet,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets}"
    pg_ctl = postgres_bin("pg_ctl")
    subprocess.run(
        _as_server_user(
            [pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(workdir / "log"), "start"]
        ),
        **quiet,
    )
    try:
        subprocess.run(
            [postgres_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, NAME],
            **quiet,
        )
        url = f"postgresql+psycopg://{USER}@127.0.0.1:{port}/{NAME}"
        yield {
            "BENCH_DB": "postgresql",
            "BENCH_DB_HOST": "127.0.0.1",
            "BENCH_DB_PORT": str(port),
            "BENCH_DB_NAME": NAME,
            "BENCH_DB_USER": USER,
            "FLASK_SQLALCHEMY_DATABASE_URI": url,
            "DATABASE_URL": url,  # the FastAPI app's SQLAlchemy engine
        }
    finally:
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]), **quiet
        )


@contextmanager
def sqlite(workdir: Path) -> Iterator[dict[str, str]]:
    path = workdir / "bench.sqlite3"
    yield {
        "BENCH_DB": "sqlite",
        "BENCH_DB_PATH": str(path),
        "FLASK_SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
        "DATABASE_URL": f"sqlite:///{path}",
    }


def seed(python: str, env: dict[str, str]) -> None:
    """Create each framework's table and its one row, through that framework's ORM."""
    for framework in FRAMEWORKS:
        subprocess.run(
            [python, "-m", "bench.frameworks.seed", framework],
            cwd=ROOT,
            env=env,
            check=True,
        )
