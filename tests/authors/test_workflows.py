"""Workflows: full history where pages are built, and a freshness issue that never fails."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
POST_ISSUE = ROOT / ".github" / "freshness-issue.sh"


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text())


def steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


BUILD_COMMANDS = ("make build", "make test", ".ci/run")


def builds_the_site(flow: dict) -> bool:
    return any(command in s.get("run", "") for s in steps(flow) for command in BUILD_COMMANDS)


def test_workflows_that_build_check_out_full_history() -> None:
    """Page dates come from git; a shallow clone dates every page with its last commit
    (and the dates plugin warns, which fails the strict build on GitHub Actions)."""
    building = {p.name: workflow(p.name) for p in WORKFLOWS.glob("*.yml")}
    building = {name: flow for name, flow in building.items() if builds_the_site(flow)}
    assert {"ci.yml", "deploy.yml", "links.yml"} <= set(building)
    for name, flow in building.items():
        checkouts = [s for s in steps(flow) if s.get("uses", "").startswith("actions/checkout@")]
        assert checkouts, name
        assert all(s.get("with", {}).get("fetch-depth") == 0 for s in checkouts), name


def test_published_builds_link_to_the_repository_they_come_from() -> None:
    for name in ("deploy.yml", "links.yml"):
        builds = [s for s in steps(workflow(name)) if s.get("run") == "make build"]
        assert builds, name
        for step in builds:
            assert step["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"


def test_freshness_workflow_is_weekly_least_privilege_and_posts_the_report() -> None:
    flow = workflow("freshness.yml")
    triggers = flow[True]  # PyYAML reads the key `on` as True
    assert "workflow_dispatch" in triggers and triggers["schedule"][0]["cron"]
    assert flow["permissions"] == {"contents": "read", "issues": "write"}
    runs = [s.get("run", "") for s in steps(flow)]
    assert any("make --silent freshness" in r for r in runs)
    assert any(".github/freshness-issue.sh freshness.md" in r for r in runs)


FAKE_GH = """#!/bin/sh
echo "$*" >> "$GH_LOG"
case "$1 $2" in
  "issue list") printf '%s' "$FAKE_OPEN_ISSUE" ;;
esac
exit "${FAKE_GH_EXIT:-0}"
"""

STALE = "1 of 9 entries ...:\n\n- `comparison.yml` dimensions `orm`: verified 2024-01-01\n"
FRESH = "All entries were verified within the last 12 months.\n"


def post(tmp_path: Path, report: str, open_issue: str = "", gh_exit: int = 0):
    """Run the posting script against a fake `gh` that records its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    (tmp_path / "report.md").write_text(report)
    log = tmp_path / "gh.log"
    log.write_text("")
    result = subprocess.run(
        ["bash", str(POST_ISSUE), str(tmp_path / "report.md")],
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "PATH": f"{bin_dir}:{os.environ['PATH']}",
            "GH_LOG": str(log),
            "FAKE_OPEN_ISSUE": open_issue,
            "FAKE_GH_EXIT": str(gh_exit),
        },
    )
    calls = [line.split(" --")[0] for line in log.read_text().splitlines()]
    return result, calls


def test_stale_entries_open_an_issue_when_none_is_open(tmp_path: Path) -> None:
    result, calls = post(tmp_path, STALE)
    assert result.returncode == 0
    assert calls == ["label create freshness", "issue list", "issue create"]


def test_stale_entries_update_the_open_issue(tmp_path: Path) -> None:
    result, calls = post(tmp_path, STALE, open_issue="7")
    assert result.returncode == 0
    assert calls == ["label create freshness", "issue list", "issue edit 7"]


def test_nothing_stale_closes_the_open_issue(tmp_path: Path) -> None:
    result, calls = post(tmp_path, FRESH, open_issue="7")
    assert result.returncode == 0
    assert calls == ["label create freshness", "issue list", "issue comment 7", "issue close 7"]


def test_nothing_stale_and_no_issue_does_nothing(tmp_path: Path) -> None:
    result, calls = post(tmp_path, FRESH)
    assert result.returncode == 0
    assert calls == ["label create freshness", "issue list"]


def test_a_github_failure_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    result, calls = post(tmp_path, STALE, gh_exit=1)
    assert result.returncode == 0
    assert "::warning::Could not update the freshness issue" in result.stdout
    assert "`orm`" in result.stdout
    assert calls == ["label create freshness"]
