"""Questions readers ask after "which one?": short answers, and FAQPage structured data.

`answer` renders one question where the page wants it, so a page can put code
under an answer. `structured_data` is the schema.org FAQPage for all of them;
the page template puts it in <head> (a script in the body would be re-run as
JavaScript by Material's instant navigation).
"""

from __future__ import annotations

import html

from macros.data import SiteData
from macros.links import Linker
from macros.render import MacroError, _allowed, _sources, inline


def _question(data: SiteData, question_id: str) -> dict:
    for question in data.faq:
        if question["id"] == question_id:
            return question
    raise _allowed("question id", question_id, [q["id"] for q in data.faq])


def answer(data: SiteData, question_id: str, *, link: Linker) -> str:
    """A Markdown heading (so the table of contents and search list it), then the answer."""
    question = _question(data, question_id)
    href, title = link(question["guide"])
    body = (
        f'<p data-answer="{question["id"]}">{inline(question["answer"])}</p>'
        f'<p><small>The evidence: <a href="{html.escape(href)}">{html.escape(title)}</a>. '
        f"Sources: {_sources(question, ', ')}.</small></p>"
    )
    # The heading is Markdown: inline() keeps its text text. The attr_list id gives it a
    # stable anchor.
    return f"\n\n## {inline(question['question'])} {{#{question['id']}}}\n\n{body}\n\n"


def structured_data(data: SiteData) -> dict:
    """schema.org FAQPage with every question and its plain-text answer."""
    if not data.faq:
        raise MacroError("faq.yml has no questions")
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question["question"],
                "acceptedAnswer": {"@type": "Answer", "text": question["answer"].replace("`", "")},
            }
            for question in data.faq
        ],
    }
