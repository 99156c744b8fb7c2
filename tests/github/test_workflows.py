"""Workflows: pinned actions, no stored token, full history where pages are built, CI once
per change, and weekly reports that keep one issue up to date and never fail."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
POST_ISSUE = ROOT / ".github" / "report-issue.sh"


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


def test_every_action_is_pinned_to_a_commit_with_its_tag_beside_it() -> None:
    """A tag can be moved to other code; a commit cannot. Dependabot updates both."""
    uses = [
        (path.name, line.strip())
        for path in sorted(WORKFLOWS.glob("*.yml"))
        for line in path.read_text().splitlines()
        if re.match(r"\s*(- )?uses:", line)
    ]
    assert len(uses) >= 10
    pinned = re.compile(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+(\.\d+){1,2}")
    for name, line in uses:
        assert pinned.fullmatch(line), f"{name}: {line}"


def test_dependabot_updates_actions_and_python_requirements() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    ecosystems = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert {("github-actions", "/"), ("pip", "/")} <= ecosystems


def test_no_checkout_keeps_the_token() -> None:
    """No job pushes, so none needs the token that checkout would leave in .git/config."""
    for path in WORKFLOWS.glob("*.yml"):
        checkouts = [
            s for s in steps(workflow(path.name)) if "actions/checkout@" in s.get("uses", "")
        ]
        assert checkouts, path.name
        assert all(s["with"]["persist-credentials"] is False for s in checkouts), path.name


def test_a_pull_request_from_this_repository_is_tested_once() -> None:
    """Its branch is tested on push; the pull_request run is for forks only."""
    flow = workflow("ci.yml")
    assert set(flow[True]) == {"push", "pull_request"}
    condition = " ".join(flow["jobs"]["test"]["if"].split())
    assert condition == (
        "github.event_name == 'push' "
        "|| github.event.pull_request.head.repo.full_name != github.repository"
    )


def test_weekly_reports_keep_one_issue_each() -> None:
    """Both weekly workflows post through report-issue.sh, each under its own label."""
    for name, label in (("freshness.yml", "freshness"), ("links.yml", "links")):
        flow = workflow(name)
        runs = [s.get("run", "") for s in steps(flow)]
        assert any(f"bash .github/report-issue.sh {label} " in run for run in runs), name
        assert not any("create-issue" in s.get("uses", "") for s in steps(flow)), name


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
    """Run the posting script, as the freshness workflow does, against a fake `gh`
    that records its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    (tmp_path / "report.md").write_text(report)
    log = tmp_path / "gh.log"
    log.write_text("")
    result = subprocess.run(
        [
            "bash",
            str(POST_ISSUE),
            "freshness",
            "Comparison entries to re-verify",
            str(tmp_path / "report.md"),
            "true" if "\n- " in report else "false",
        ],
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
    assert "::warning::Could not update the 'freshness' issue" in result.stdout
    assert "`orm`" in result.stdout
    assert calls == ["label create freshness"]
