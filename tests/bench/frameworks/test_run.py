"""`make bench-frameworks` on a tiny budget: every endpoint answers under load, every field
of the results fills, and the file it writes validates. No test here asserts a speed.

The apps run in .venv/bench (`make test` builds it), the harness in .venv, as
`make bench-frameworks` runs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bench.frameworks.plan import ENDPOINTS, FRAMEWORKS, SETUPS, SMOKE, STACKS, WORKERS
from bench.frameworks.run import rotated, validate
from tests.support import ROOT

APPS_PYTHON = ROOT / ".venv" / "bench" / "bin" / "python"


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    missing = [
        what
        for what, ok in (("wrk", shutil.which("wrk")), (".venv/bench", APPS_PYTHON.exists()))
        if not ok
    ]
    if missing:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(
                f"CI=true and no {', '.join(missing)}: "
                ".ci/run installs wrk, and make test builds .venv/bench"
            )
        pytest.skip(f"no {', '.join(missing)}: apt-get install wrk; make .venv/bench/.deps")
    out = tmp_path_factory.mktemp("bench") / "benchmarks.yml"
    result = subprocess.run(
        [
            sys.executable,
            *("-m", "bench.frameworks.run", "--python", str(APPS_PYTHON)),
            *("--smoke", "--db", "sqlite", "--out", str(out)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return result, out


def test_each_round_runs_every_setup_and_each_setup_leads_one_round_in_turn() -> None:
    rounds = [rotated(index) for index in range(len(SETUPS))]
    assert all(sorted(order, key=SETUPS.index) == list(SETUPS) for order in rounds)
    assert [order[0] for order in rounds] == list(SETUPS)


def test_the_harness_writes_a_file_that_validates(smoke_run) -> None:
    result, out = smoke_run
    assert result.returncode == 0, result.stdout + result.stderr
    validate(out)  # the site's own check: a one-line DataError on any problem


def test_every_endpoint_answered_every_setup_under_load(smoke_run) -> None:
    data = validate(smoke_run[1])
    measured = {(entry["endpoint"], entry["setup"]): entry["runs"] for entry in data["throughput"]}
    planned = {(endpoint.id, setup.id) for setup in SETUPS for endpoint in ENDPOINTS}
    assert set(measured) == planned
    for runs in measured.values():
        assert len(runs) == SMOKE.repeats
        assert all(run["requests"] > 0 and run["errors"] == 0 for run in runs), runs
        # Bounded in requests as well as in time: the budget stops wrk early; responses
        # already in flight on the other connections still arrive.
        limit = SMOKE.max_requests + SMOKE.connections
        assert all(run["requests"] <= limit for run in runs), runs
    assert [endpoint["id"] for endpoint in data["endpoints"]] == [e.id for e in ENDPOINTS]
    # Every framework of the plan answered every endpoint (FastAPI as well as Flask and Django).
    setups = {setup["id"]: setup["framework"] for setup in data["setups"]}
    for endpoint in ENDPOINTS:
        answered = {setups[setup] for (done, setup) in measured if done == endpoint.id}
        assert answered == set(FRAMEWORKS), endpoint.id


def test_batteries_and_conditions_are_filled_from_the_machine(smoke_run) -> None:
    data = validate(smoke_run[1])
    assert data["frameworks"] == list(FRAMEWORKS)
    assert [entry["framework"] for entry in data["load_app"]] == list(FRAMEWORKS)
    assert {entry["setup"] for entry in data["startup"]} == {setup.id for setup in SETUPS}
    assert all(len(entry["worker_rss_mib"]) == WORKERS for entry in data["startup"])
    assert [entry["id"] for entry in data["install"]] == [stack.id for stack in STACKS]
    for entry in data["install"]:
        installed = {package.split("==")[0] for package in entry["packages"]}
        assert {canonicalize_name(Requirement(r).name) for r in entry["requires"]} <= installed
        assert entry["distributions"] == len(entry["packages"])
    # Versions are read from the apps' environment, never typed.
    code = (
        "import json, platform\nfrom importlib import metadata\n"
        "print(json.dumps({'python': platform.python_version(), "
        f"**{{name: metadata.version(name) for name in {list(FRAMEWORKS)!r}}}}}))"
    )
    installed = json.loads(
        subprocess.run([APPS_PYTHON, "-c", code], capture_output=True, text=True, check=True).stdout
    )
    assert data["machine"]["python"] == installed.pop("python")
    assert {name: data["versions"][name] for name in installed} == installed
    assert data["run"]["command"].startswith("python -m bench.frameworks.run --python ")
    assert data["machine"]["cores"] == len(os.sched_getaffinity(0))
    assert data["run"]["database"].startswith("SQLite ")
