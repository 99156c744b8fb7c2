"""Coverage checklist: every claim of the article has a home on the built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.render import CORRECTED
from tests.docs.checklist import (
    ARTICLE_LISTS,
    CHOOSE_PAGE,
    COMPANIES,
    CORRECTION_POINTS,
    CORRECTIONS_PAGE,
    FRAMEWORK_PAGES,
    TUTORIAL_STEPS,
)
from tests.support import Build, flat, mkdocs_build, page_text


def home_of(framework: str, kind: str) -> str:
    """Pros and cons live on the framework's page; 'when' claims on the choose page."""
    return CHOOSE_PAGE if kind == "when" else FRAMEWORK_PAGES[framework]


def missing_claims(site: Build, claims: dict[str, dict]) -> dict[str, list[str]]:
    """Checklisted claims whose text is not on their page, by page; empty when all are there.

    Lists (pros, cons, when) must show the article's claim and our summary; tutorial
    steps must be on the corrections page; so must every claim whose verdict it lists.
    """
    expected: dict[str, list[tuple[str, str]]] = {CORRECTIONS_PAGE: []}
    for (framework, kind), ids in ARTICLE_LISTS.items():
        for claim_id in ids:
            for field in ("article", "summary"):
                expected.setdefault(home_of(framework, kind), []).append((claim_id, field))
    for ids in TUTORIAL_STEPS.values():
        expected[CORRECTIONS_PAGE] += [(claim_id, "article") for claim_id in ids]
    expected[CORRECTIONS_PAGE] += [
        (claim["id"], "summary") for claim in claims.values() if claim["verdict"] in CORRECTED
    ]
    missing = {}
    for url_path, wanted in expected.items():
        text = page_text(site, url_path)
        absent = sorted(
            {claim_id for claim_id, field in wanted if flat(claims[claim_id][field]) not in text}
        )
        if absent:
            missing[url_path] = absent
    return missing


def test_every_checklisted_claim_is_on_its_page(site: Build, claims: dict[str, dict]) -> None:
    assert missing_claims(site, claims) == {}


def test_checklist_notices_a_claim_list_and_a_tutorial_dropped_from_a_page(
    project_copy: Path, claims: dict[str, dict]
) -> None:
    """Guards the guard: drop the Flask cons and the Django tutorial, and both are reported.

    Django's tutorial steps that the corrections table lists stay on the page through it.
    """
    flask_page = project_copy / "docs" / "guide" / "flask.md"
    flask_page.write_text(flask_page.read_text().replace('[[ pros_cons("flask", "con") ]]', ""))
    corrections = project_copy / "docs" / "guide" / "corrections.md"
    corrections.write_text(corrections.read_text().replace('[[ tutorial_steps("django") ]]', ""))
    build = mkdocs_build(project_copy, project_copy / "site")
    assert build.returncode == 0, build.log
    missing = missing_claims(build, claims)
    assert missing[FRAMEWORK_PAGES["flask"]] == sorted(ARTICLE_LISTS[("flask", "con")])
    assert missing.get(CORRECTIONS_PAGE, []) == sorted(
        step for step in TUTORIAL_STEPS["django"] if claims[step]["verdict"] not in CORRECTED
    )


@pytest.mark.parametrize(
    ("about", "phrase"), CORRECTION_POINTS, ids=[p[0] for p in CORRECTION_POINTS]
)
def test_corrections_page_makes_each_point(site: Build, about: str, phrase: str) -> None:
    assert flat(phrase) in page_text(site, CORRECTIONS_PAGE), about


@pytest.mark.parametrize("claim_id", list(COMPANIES))
def test_company_claims_are_named_with_a_source(
    site: Build, claims: dict[str, dict], claim_id: str
) -> None:
    url_path, company = COMPANIES[claim_id]
    article = site.page(url_path).find("article")
    assert company in article.get_text()
    links = {a["href"] for a in article.find_all("a", href=True)}
    assert links & {source["url"] for source in claims[claim_id]["sources"]}, claim_id
