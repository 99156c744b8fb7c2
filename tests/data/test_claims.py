"""data/claims.yml holds the article's lists complete, in order, and agrees with the checklist."""

from __future__ import annotations

from macros.render import CORRECTED
from tests.docs.checklist import (
    ARTICLE_LIST_LENGTHS,
    ARTICLE_LISTS,
    COMPANIES,
    CORRECTIONS,
    TUTORIAL_STEPS,
)


def test_article_lists_have_exact_lengths_numbered_without_gaps(claims: dict[str, dict]) -> None:
    for (framework, kind), length in ARTICLE_LIST_LENGTHS.items():
        numbers = sorted(
            claim["number"]
            for claim in claims.values()
            if claim["framework"] == framework and claim["kind"] == kind
        )
        assert numbers == list(range(1, length + 1)), (framework, kind, numbers)


def test_checklist_ids_exist_with_their_kind_and_number(claims: dict[str, dict]) -> None:
    for (framework, kind), ids in ARTICLE_LISTS.items():
        assert len(ids) == ARTICLE_LIST_LENGTHS[(framework, kind)]
        for number, claim_id in enumerate(ids, start=1):
            claim = claims.get(claim_id)
            assert claim, f"{claim_id} is missing from data/claims.yml"
            assert (claim["framework"], claim["kind"], claim["number"]) == (
                framework,
                kind,
                number,
            ), claim_id


def test_every_tutorial_step_and_company_is_a_claim(claims: dict[str, dict]) -> None:
    for framework, ids in TUTORIAL_STEPS.items():
        steps = [c["id"] for c in claims.values() if c["kind"] == "tutorial"]
        assert all(claim_id in steps for claim_id in ids), framework
        assert all(claims[claim_id]["framework"] == framework for claim_id in ids)
    companies = {c["id"] for c in claims.values() if c["kind"] == "company"}
    assert companies == set(COMPANIES)


def test_headline_corrections_keep_a_verdict_the_corrections_page_lists(
    claims: dict[str, dict],
) -> None:
    for claim_id in CORRECTIONS:
        assert claims[claim_id]["verdict"] in CORRECTED, claim_id
