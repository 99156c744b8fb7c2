"""Coverage checklist: every claim of the article has a home on the built site."""

from __future__ import annotations

import pytest

from tests.conftest import Build
from tests.guide.checklist import (
    ARTICLE_LISTS,
    CHOOSE_PAGE,
    COMPANIES,
    CORRECTION_POINTS,
    CORRECTIONS_PAGE,
    FRAMEWORK_PAGES,
    TUTORIAL_STEPS,
)
from tests.guide.conftest import flat, page_text


def home_of(framework: str, kind: str) -> str:
    """Pros and cons live on the framework's page; 'when' claims on the choose page."""
    return CHOOSE_PAGE if kind == "when" else FRAMEWORK_PAGES[framework]


LIST_IDS = [f"{framework}-{kind}" for framework, kind in ARTICLE_LISTS]


@pytest.mark.parametrize(("framework", "kind"), list(ARTICLE_LISTS), ids=LIST_IDS)
def test_every_pro_con_and_when_claim_is_on_its_page(
    site: Build, claims: dict[str, dict], framework: str, kind: str
) -> None:
    text = page_text(site, home_of(framework, kind))
    missing = [
        claim_id
        for claim_id in ARTICLE_LISTS[(framework, kind)]
        if flat(claims[claim_id]["article"]) not in text
        or flat(claims[claim_id]["summary"]) not in text
    ]
    assert not missing, f"not shown on {home_of(framework, kind)}: {missing}"


@pytest.mark.parametrize("framework", list(TUTORIAL_STEPS))
def test_every_tutorial_step_is_on_the_corrections_page(
    site: Build, claims: dict[str, dict], framework: str
) -> None:
    text = page_text(site, CORRECTIONS_PAGE)
    missing = [
        claim_id
        for claim_id in TUTORIAL_STEPS[framework]
        if flat(claims[claim_id]["article"]) not in text
    ]
    assert not missing, missing


def test_every_outdated_or_wrong_claim_is_on_the_corrections_page(
    site: Build, claims: dict[str, dict]
) -> None:
    text = page_text(site, CORRECTIONS_PAGE)
    corrected = [c for c in claims.values() if c["verdict"] in {"outdated", "wrong"}]
    assert corrected
    missing = [c["id"] for c in corrected if flat(c["summary"]) not in text]
    assert not missing, missing


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
