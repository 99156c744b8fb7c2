"""Promises the repository makes to a newcomer and to CI."""

from __future__ import annotations

import re

from tests.support import ROOT


def test_readme_opens_with_serve_and_test() -> None:
    first_block = re.search(r"```\w*\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert commands == ["make serve", "make test"]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    lines = [ln for ln in (ROOT / ".ci/run").read_text().splitlines() if ln and ln[0] != "#"]
    assert lines[-1] == "make test"


def test_every_requirement_is_pinned() -> None:
    for name in ("requirements.txt", "requirements-dev.txt", "bench/frameworks/requirements.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r "):
                assert re.fullmatch(r"[A-Za-z0-9._\[\]-]+==[\w.]+", line), f"{name}: {line}"


def test_deploy_ships_only_tested_builds_with_least_privilege() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("SITE_URL" in step.get("env", {}) for step in jobs["build"]["steps"])
