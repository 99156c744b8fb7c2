"""The decision helper on docs/guide/decide.md, rendered from data/decision.yml.

Two renderings of one data file: an HTML form (hidden until the page's script
shows it) carrying the weights as JSON for the script, and a static "if you
answer X, prefer Y, because Z" table that works without JavaScript. The scoring
itself lives only in the script (docs/assets/javascripts/decide.js); tests run
the data file's `cases` against it.
"""

from __future__ import annotations

import json
from html import escape

from macros.data import FRAMEWORKS
from macros.links import Linker
from macros.render import CARDS, inline

SCRIPT_FILE = "assets/javascripts/decide.js"


def render_form(data: dict, weights: str = "{}") -> str:
    """The questions as cards of full-width choices, with the result panel beside them.

    Hidden until the script shows it (it needs the script). The result sits inside the
    form, after the questions, so that CSS can keep it in view while the reader answers:
    a bar pinned to the bottom of a phone screen, a column beside the questions on a wide
    one (extra.css, "Decision helper").

    `weights` (JSON from `weights_json`) rides in a data attribute rather than a
    <script type="application/json"> block: Material's instant navigation re-runs
    inline scripts in the content and drops their type, which would execute JSON.
    """
    parts = [f'<form class="decide-form" id="decide-form" data-weights="{escape(weights)}" hidden>']
    parts.append('<div class="decide-questions">')
    for number, question in enumerate(data["questions"], start=1):
        qid = question["id"]
        parts.append(f'<fieldset id="decide-q-{qid}">')
        parts.append(
            f'<legend><span class="decide-number">{number}.</span> '
            f"{escape(question['text'])}</legend>"
        )
        for answer in question["answers"]:
            input_id = f"decide-a-{answer['id']}"
            parts.append(
                f'<div class="decide-answer"><input type="radio" id="{input_id}" '
                f'name="{qid}" value="{answer["id"]}">'
                f'<label for="{input_id}">{escape(answer["label"])}</label></div>'
            )
        parts.append("</fieldset>")
    parts.append("</div>")
    parts.append(render_result())
    parts.append("</form>")
    return "\n".join(parts)


def render_result() -> str:
    """The result panel: the verdict (a polite live region), a score bar, the reasons.

    The script fills it. "Why?" jumps from the pinned bar on a phone to the reasons.
    """
    return (
        '<div class="decide-result" id="decide-result">'
        '<div class="decide-summary">'
        '<p class="decide-verdict" id="decide-verdict" role="status"></p>'
        '<div class="decide-bar" id="decide-bar" aria-hidden="true" hidden>'
        '<span class="decide-bar-flask"></span><span class="decide-bar-django"></span></div>'
        '<a class="decide-why" id="decide-why" href="#decide-reasons" hidden>Why?</a>'
        "</div>"
        '<div class="decide-reasons" id="decide-reasons" tabindex="-1"></div>'
        '<div class="decide-alternatives" id="decide-alternatives" hidden></div>'
        '<button type="reset" class="md-button">Clear my answers</button>'
        "</div>"
    )


def weights_json(data: dict, link: Linker) -> str:
    """The questions and weights as JSON for the script, guide links resolved for this page."""
    questions = [
        {
            "id": question["id"],
            "answers": [
                {
                    "id": answer["id"],
                    "label": answer["label"],
                    "flask": answer["weights"]["flask"],
                    "django": answer["weights"]["django"],
                    "reason": answer["reason"],
                    "href": link(answer["guide"])[0],
                    "page": link(answer["guide"])[1],
                }
                for answer in question["answers"]
            ],
        }
        for question in data["questions"]
    ]
    alternatives = [
        {
            "id": alternative["id"],
            "name": alternative["name"],
            "when": alternative["when"],
            "unless": alternative.get("unless", []),
            "reason": alternative["reason"],
            "href": link(alternative["guide"])[0],
            "page": link(alternative["guide"])[1],
        }
        for alternative in data.get("alternatives", [])
    ]
    return json.dumps(
        {"threshold": data["threshold"], "questions": questions, "alternatives": alternatives}
    )


def render_helper(data: dict, link: Linker) -> str:
    """Everything the interactive part needs: the form (result panel inside), the script."""
    return "\n".join(
        [
            render_form(data, weights_json(data, link)),
            f'<script src="{escape(link(SCRIPT_FILE)[0])}"></script>',
        ]
    )


def render_table(data: dict, link: Linker) -> str:
    """'If you answer X, prefer Y, because Z' for every answer that favours one framework,
    then 'consider Z too' for every alternative (docs/guide/fastapi.md for FastAPI)."""
    rows = []
    for question in data["questions"]:
        for answer in question["answers"]:
            flask, django = answer["weights"]["flask"], answer["weights"]["django"]
            if flask == django:
                continue
            winner = "flask" if flask > django else "django"
            gap = abs(flask - django)
            href, title = link(answer["guide"])
            rows.append(
                "<tr>"
                f'<td><span class="decide-question">{escape(question["text"])}</span><br>'
                f"<strong>{escape(answer['label'])}</strong></td>"
                f'<td data-label="Prefer" data-framework="{winner}">'
                f"{FRAMEWORKS[winner]} ({gap} point{'s' if gap > 1 else ''})</td>"
                f'<td data-label="Because">{inline(answer["reason"])} '
                f'<a href="{escape(href)}">More in “{escape(title)}”</a></td>'
                "</tr>"
            )
    rows += [
        _alternative_row(data, alternative, link) for alternative in data.get("alternatives", [])
    ]
    return (
        # No class: Material styles and scroll-wraps only `table:not([class])`.
        f'<table {CARDS} id="decide-table">'
        "<thead><tr><th>If you answer</th><th>Prefer</th><th>Because</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _alternative_row(data: dict, alternative: dict, link: Linker) -> str:
    """'If you answer X (and not Y), consider Z too, because ...': it scores no points."""
    answers = {a["id"]: (q["text"], a["label"]) for q in data["questions"] for a in q["answers"]}
    given = "<br>".join(
        f'<span class="decide-question">{escape(answers[answer_id][0])}</span><br>'
        f"<strong>{escape(answers[answer_id][1])}</strong>"
        for answer_id in alternative["when"]
    )
    unless = ", ".join(escape(answers[answer_id][1]) for answer_id in alternative.get("unless", []))
    href, title = link(alternative["guide"])
    return (
        f'<tr data-alternative="{escape(alternative["id"])}">'
        f"<td>{given}{f'<br><small>Unless: {unless}</small>' if unless else ''}</td>"
        f"<td>Consider {escape(alternative['name'])} too (no points)</td>"
        f"<td>{inline(alternative['reason'])} "
        f'<a href="{escape(href)}">More in “{escape(title)}”</a></td>'
        "</tr>"
    )
