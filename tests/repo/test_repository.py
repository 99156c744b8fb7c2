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


def test_deploy_tests_the_very_build_it_deploys_with_least_privilege() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert jobs["test"]["needs"] == "build" and set(jobs["deploy"]["needs"]) == {"build", "test"}
    assert jobs["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "make test" in (ROOT / ".ci/run").read_text()
    # Built once, with the Pages address; that artifact is what the tests check ...
    build = jobs["build"]["steps"]
    assert [s["env"]["SITE_URL"] for s in build if s.get("run") == "make build"] == [
        "${{ steps.pages.outputs.base_url }}/"
    ]
    upload = next(s for s in build if "upload-pages-artifact@" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    test = jobs["test"]["steps"]
    download = next(s for s in test if "download-artifact@" in s.get("uses", ""))
    assert download["with"]["name"] == "github-pages"
    runs = [s for s in test if s.get("run") == "bash .ci/run"]
    assert len(runs) == 1
    assert runs[0]["env"]["BUILT_SITE_URL"] == "${{ needs.build.outputs.site_url }}"
    unpack = next(s["run"] for s in test if "artifact.tar" in s.get("run", ""))
    assert f"-C {runs[0]['env']['BUILT_SITE']}" in unpack
    # ... and deploy-pages publishes that same artifact (it takes no path of its own).
    assert not any(s.get("run") for s in jobs["deploy"]["steps"])
