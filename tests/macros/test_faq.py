"""macros/faq.py: one answer where the page asks for it; FAQPage data for all of them."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup
from markdown import markdown

from macros import faq
from macros.data import SiteData
from macros.render import MacroError

QUESTION = {
    "id": "test-question",
    "question": "Is <b>this</b> *a* [test]? {#x}",
    "answer": "Yes, `<i>` and all.",
    "guide": "guide/choose.md",
    "sources": [{"title": "Docs", "url": "https://a.example/"}],
    "verified": "2026-01-02",
}


def link(target: str) -> tuple[str, str]:
    return f"/{target}", "Which to choose"


@pytest.fixture
def one_question(data: SiteData) -> SiteData:
    return dataclasses.replace(data, faq=[QUESTION])


def test_the_answer_is_a_heading_with_a_stable_id_then_escaped_text(one_question) -> None:
    html = markdown(faq.answer(one_question, "test-question", link=link), extensions=["attr_list"])
    page = BeautifulSoup(html, "html.parser")
    assert page.h2["id"] == "test-question"
    assert page.h2.get_text() == QUESTION["question"]
    assert page.select_one("[data-answer]").code.get_text() == "<i>"
    assert page.find("a", href="/guide/choose.md").get_text() == "Which to choose"


def test_structured_data_lists_every_question_as_plain_text(one_question) -> None:
    data = faq.structured_data(one_question)
    assert data["@type"] == "FAQPage"
    (entry,) = data["mainEntity"]
    assert entry["name"] == QUESTION["question"]
    assert entry["acceptedAnswer"]["text"] == "Yes, <i> and all."


def test_an_unknown_question_names_the_known_ones(data: SiteData) -> None:
    with pytest.raises(MacroError, match=r"unknown question id 'job'; allowed: 'learn-first'"):
        faq.answer(data, "job", link=link)
