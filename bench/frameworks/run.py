"""`make bench-frameworks`: Flask, Django and FastAPI side by side, written to data/benchmarks.yml.

    python -m bench.frameworks.run --python .venv/bench/bin/python
        [--db postgresql|sqlite] [--smoke] [--out PATH]

The harness runs in the site's .venv (it checks its output as the site build does); the apps
run with --python, an environment holding Flask, Django, FastAPI and the servers
(bench/frameworks/requirements.txt; `make bench-frameworks` builds it).

1. Cost of batteries: install footprint of each stack, app load time in fresh interpreters,
   and time from starting each server to its first 200 response.
2. Throughput and latency: every server runs at once, each on its own loopback port; wrk
   drives one endpoint at a time. Each measured run follows a discarded warm-up, and the
   setups are interleaved endpoint by endpoint, their order rotated every round (Flask first,
   then Django first, ...), so machine noise falls on every framework alike.
3. Resident memory of each worker after the load.

Not a test: numbers depend on the machine. The smoke test (tests/bench/frameworks/test_run.py)
runs this with --smoke --db sqlite and checks that every field fills, never a speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import shutil
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import yaml

from bench.frameworks import batteries, database, load, machine
from bench.frameworks.plan import (
    ENDPOINTS,
    FRAMEWORKS,
    FULL,
    PACKAGES,
    SETUPS,
    SMOKE,
    STACKS,
    UVICORN_STACK,
    WORKERS,
    Budget,
    Stack,
)
from bench.frameworks.servers import ROOT, get, server_env, serving
from macros.data import load_site_data
from macros.datafile import DataError
from tests.pins import read_pins

DATA = ROOT / "data" / "benchmarks.yml"
EXAMPLES = ROOT / "requirements" / "examples.txt"
HEADER = """\
# yaml-language-server: $schema=benchmarks.schema.json
#
# Written by `make bench-frameworks` (bench/frameworks/run.py); re-run it, never edit by hand.
# docs/guide/performance.md and docs/about/benchmark.md render it. Every run is listed;
# medians, spreads and ratios are computed when the site is built.
"""
# Start-up is timed to the first 200 from the endpoint that does least; every setup serves it.
PROBE = "/plaintext"
SERVER_LABEL = {
    "gunicorn": "{workers} sync workers",
    "uvicorn": "{workers} workers (" + ", ".join(UVICORN_STACK[1::2]) + ")",  # loop, parser
}


class IndentedDumper(yaml.SafeDumper):
    """Indents lists under their key, as yamllint (`make lint`) expects."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def validate(path: Path) -> dict:
    """Check a written file as the site build will, beside the other data files."""
    with tempfile.TemporaryDirectory(prefix="bench-frameworks-data-") as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(DATA.parent, data_dir)
        shutil.copyfile(path, data_dir / DATA.name)
        return load_site_data(data_dir, ROOT / "docs").benchmarks


def setup_entry(setup, versions: dict[str, str]) -> dict:
    label = SERVER_LABEL[setup.server].format(workers=WORKERS)
    return {
        "id": setup.id,
        "framework": setup.framework,
        "interface": setup.interface,
        "server": f"{setup.server} {versions[setup.server]}, {label}",
        "command": shlex.join(setup.argv("PORT")),
    }


def install_entry(stack: Stack, apps: batteries.Environment) -> dict:
    requires = stack.requires
    if stack.with_examples:
        requires += tuple(apps.needing(stack.framework, list(read_pins(EXAMPLES))))
    return {
        "id": stack.id,
        "framework": stack.framework,
        "label": stack.label,
        "requires": list(requires),
    } | apps.footprint(requires)


def rotated(round_index: int) -> tuple:
    """The setups in the order of one round: each round starts one setup later."""
    shift = round_index % len(SETUPS)
    return SETUPS[shift:] + SETUPS[:shift]


def check_endpoints(servers: dict) -> dict[str, int]:
    """Every endpoint answers 200, and every setup sends the same body; returns the sizes."""
    sizes = {}
    for endpoint in ENDPOINTS:
        bodies = {}
        for server in servers.values():
            response = get(server.port, endpoint.path)
            if response.status != 200:
                sys.exit(f"bench-frameworks: {server.setup.id} {endpoint.path}: {response.status}")
            # Flask ends JSON with a newline; the document itself is the same.
            bodies[server.setup.id] = response.body.rstrip(b"\n")
        if len(set(bodies.values())) != 1:
            sys.exit(f"bench-frameworks: {endpoint.path} differs between setups: {sorted(bodies)}")
        sizes[endpoint.id] = len(next(iter(bodies.values())))
    return sizes


def measure(budget: Budget, python: str, env: dict[str, str], logs: Path) -> dict:
    results: dict = {}
    clock = time.monotonic()
    print("Cost of batteries: app load time, then server start-up", flush=True)
    load_app = [
        {
            "framework": framework,
            "ms": batteries.load_app_ms(framework, python, env, budget.start_repeats, str(ROOT)),
        }
        for framework in FRAMEWORKS
    ]
    # The servers the load runs use are the last start of each; the others only start.
    starts: dict[str, list[float]] = {setup.id: [] for setup in SETUPS}
    for round_index in range(budget.start_repeats - 1):
        for setup in rotated(round_index + 1):
            with serving(setup, python, env, logs / f"start-{setup.id}.log", PROBE) as server:
                starts[setup.id].append(round(server.ready_ms, 1))

    with ExitStack() as stack:
        servers = {
            setup.id: stack.enter_context(
                serving(setup, python, env, logs / f"{setup.id}.log", PROBE)
            )
            for setup in SETUPS
        }
        for setup_id, server in servers.items():
            starts[setup_id].append(round(server.ready_ms, 1))
        print(f"Servers up after {time.monotonic() - clock:.0f} s; load runs:", flush=True)
        sizes = check_endpoints(servers)
        runs: dict[tuple[str, str], list[dict]] = {}
        for round_index in range(budget.repeats):
            order = rotated(round_index)
            for endpoint in ENDPOINTS:
                for setup in order:
                    url = f"http://127.0.0.1:{servers[setup.id].port}{endpoint.path}"
                    if budget.warmup_s:
                        load.run(url, budget, warmup=True)
                    run = load.run(url, budget)
                    runs.setdefault((endpoint.id, setup.id), []).append(run)
                    print(
                        f"  round {round_index + 1}: {endpoint.id:9} {setup.id:12}"
                        f" {run['requests_per_s']:>9.1f} req/s",
                        flush=True,
                    )
        memory = {setup_id: server.worker_rss_mib() for setup_id, server in servers.items()}
        print(f"Load done after {time.monotonic() - clock:.0f} s", flush=True)

    results["endpoint_bytes"] = sizes
    results["throughput"] = [
        {"endpoint": endpoint, "setup": setup, "runs": samples}
        for (endpoint, setup), samples in runs.items()
    ]
    results["startup"] = [
        {
            "setup": setup.id,
            "first_response_ms": starts[setup.id],
            "worker_rss_mib": [round(value, 1) for value in memory[setup.id]],
        }
        for setup in SETUPS
    ]
    results["load_app"] = load_app
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", required=True, help="the apps' interpreter (.venv/bench)")
    parser.add_argument("--db", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--smoke", action="store_true", help="a tiny budget: seconds, not minutes")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    budget = SMOKE if args.smoke else FULL
    apps = batteries.Environment(args.python)
    # The PostgreSQL driver and pool are part of the run only when PostgreSQL is.
    packages = [name for name in PACKAGES if args.db == "postgresql" or "psycopg" not in name]
    versions = {name: apps.version(name) for name in packages}
    started = time.monotonic()
    load_before = machine.load_average()
    with tempfile.TemporaryDirectory(prefix="bench-frameworks-") as tmp:
        workdir = Path(tmp)
        logs = workdir / "logs"
        logs.mkdir()
        start_database = database.postgresql if args.db == "postgresql" else database.sqlite
        with start_database(workdir) as db_env:
            env = server_env(db_env)
            database.seed(args.python, env)
            results = measure(budget, args.python, env, logs)
    db_version = database.postgres_version() if args.db == "postgresql" else _sqlite_version()
    data = {
        "run": {
            "date": dt.date.today().isoformat(),
            "command": shlex.join(["python", "-m", "bench.frameworks.run", *argv]),
            "database": db_version,
            "load_generator": f"{load.wrk_version()}, 1 thread",
            "connections": budget.connections,
            "duration_s": budget.duration_s,
            "warmup_s": budget.warmup_s,
            "max_requests": budget.max_requests,
            "repeats": budget.repeats,
            "workers": WORKERS,
            "load_average_before": load_before,
            "load_average_after": machine.load_average(),
            "elapsed_s": round(time.monotonic() - started),
        },
        "machine": machine.describe() | {"python": apps.python_version},
        "frameworks": list(FRAMEWORKS),
        "versions": versions,
        "setups": [setup_entry(setup, versions) for setup in SETUPS],
        "endpoints": [
            {
                "id": endpoint.id,
                "name": endpoint.name,
                "path": endpoint.path,
                "work": endpoint.work,
                "waits": endpoint.waits,
                "response_bytes": results["endpoint_bytes"][endpoint.id],
            }
            for endpoint in ENDPOINTS
        ],
        "throughput": results["throughput"],
        "startup": results["startup"],
        "load_app": results["load_app"],
        "install": [install_entry(stack, apps) for stack in STACKS],
    }
    text = yaml.dump(data, Dumper=IndentedDumper, sort_keys=False, allow_unicode=True, width=80)
    args.out.write_text(HEADER + text)
    try:
        validate(args.out)
    except DataError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {args.out} in {data['run']['elapsed_s']} s")
    return 0


def _sqlite_version() -> str:
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
