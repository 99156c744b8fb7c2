"""`make bench-frameworks` on a tiny budget: every endpoint answers under load, every field
of the results fills, and the file it writes validates. No test here asserts a speed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from bench.frameworks.plan import ENDPOINTS, SETUPS, SMOKE, STACKS, WORKERS
from bench.frameworks.run import validate
from tests.support import ROOT


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    if not shutil.which("wrk"):
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail("CI=true and no wrk on PATH: .ci/run installs Debian's wrk")
        pytest.skip("no wrk: apt-get install wrk")
    out = tmp_path_factory.mktemp("bench") / "benchmarks.yml"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.frameworks.run",
            "--smoke",
            "--db",
            "sqlite",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return result, out


def test_the_harness_writes_a_file_that_validates(smoke_run) -> None:
    result, out = smoke_run
    assert result.returncode == 0, result.stdout + result.stderr
    validate(out)  # the site's own check: a one-line DataError on any problem


def test_every_endpoint_answered_every_setup_under_load(smoke_run) -> None:
    data = validate(smoke_run[1])
    measured = {(entry["endpoint"], entry["setup"]): entry["runs"] for entry in data["throughput"]}
    planned = {(endpoint, setup.id) for setup in SETUPS for endpoint in setup.endpoints}
    assert set(measured) == planned
    for runs in measured.values():
        assert len(runs) == SMOKE.repeats
        assert all(run["requests"] > 0 and run["errors"] == 0 for run in runs), runs
        # Bounded in requests as well as in time: the budget stops wrk early; responses
        # already in flight on the other connections still arrive.
        limit = SMOKE.max_requests + SMOKE.connections
        assert all(run["requests"] <= limit for run in runs), runs
    assert [endpoint["id"] for endpoint in data["endpoints"]] == [e.id for e in ENDPOINTS]


def test_batteries_and_conditions_are_filled_from_the_machine(smoke_run) -> None:
    data = validate(smoke_run[1])
    assert {entry["setup"] for entry in data["startup"]} == {setup.id for setup in SETUPS}
    assert all(len(entry["worker_rss_mib"]) == WORKERS for entry in data["startup"])
    assert [entry["id"] for entry in data["install"]] == [stack[0] for stack in STACKS]
    # Versions are read from the installed packages, never typed.
    for name, version in data["versions"].items():
        assert metadata.version(name) == version
    assert data["run"][
        "command"
    ] == "python -m bench.frameworks.run --smoke --db sqlite --out " + str(smoke_run[1])
    assert data["machine"]["cores"] == len(os.sched_getaffinity(0))
    assert data["run"]["database"].startswith("SQLite ")
