"""The decision helper: load data/decision.yml and render it for docs/guide/decide.md.

The data file is the single source. These functions render it two ways: an
HTML form (hidden until the page's script shows it) carrying the weights as
JSON for the script, and a static "if you need X, prefer Y, because Z" table
that works without JavaScript. The scoring itself lives only in the script
(docs/assets/javascripts/decide.js); tests run the data file's `cases` against it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from pathlib import Path

from macros.datafile import DataError, load_yaml, validate
from macros.render import inline

DATA_FILE = Path("data/decision.yml")
SCHEMA_FILE = Path("data/decision.schema.json")
SCRIPT_FILE = "assets/javascripts/decide.js"
FRAMEWORKS = {"flask": "Flask", "django": "Django"}

# A link to the guide: the docs-relative `guide:` value -> (href, page title).
Linker = Callable[[str], tuple[str, str]]


def load_decision(project_dir: Path, docs_dir: Path) -> dict:
    """Read, schema-check and rule-check the data file; any problem is one DataError line."""
    path = project_dir / DATA_FILE
    data = load_yaml(path)
    validate(data, project_dir / SCHEMA_FILE, DATA_FILE)
    check_rules(data, DATA_FILE, docs_dir)
    return data


def check_rules(data: dict, path: Path, docs_dir: Path) -> None:
    """What JSON Schema cannot say: unique ids, cases that name real answers, real pages."""
    question_of: dict[str, str] = {}  # answer id -> question id
    _unique(path, "questions", [question["id"] for question in data["questions"]])
    for question in data["questions"]:
        for answer in question["answers"]:
            if answer["id"] in question_of:
                raise DataError(
                    f"{path}: answers '{answer['id']}': field 'id': duplicate id (also an "
                    f"answer to question '{question_of[answer['id']]}'); answer ids are "
                    "unique across the file"
                )
            question_of[answer["id"]] = question["id"]
            page = answer["guide"].partition("#")[0]
            if not (docs_dir / page).is_file():
                raise DataError(
                    f"{path}: answers '{answer['id']}': field 'guide': no page docs/{page}"
                )
    _unique(path, "cases", [case["id"] for case in data["cases"]])
    for case in data["cases"]:
        _check_case(case, path, question_of)


def _unique(path: Path, collection: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise DataError(f"{path}: {collection} '{item_id}': field 'id': duplicate id")
        seen.add(item_id)


def _check_case(case: dict, path: Path, question_of: dict[str, str]) -> None:
    entry = f"{path}: cases '{case['id']}'"
    answered: dict[str, str] = {}  # question id -> answer id
    for answer_id in case["answers"]:
        if answer_id not in question_of:
            raise DataError(f"{entry}: field 'answers': unknown answer '{answer_id}'")
        question_id = question_of[answer_id]
        if question_id in answered:
            raise DataError(
                f"{entry}: field 'answers': '{answered[question_id]}' and '{answer_id}' "
                f"both answer question '{question_id}'; expected one answer per question"
            )
        answered[question_id] = answer_id
    for reason in case["reasons"]:
        if reason not in case["answers"]:
            raise DataError(
                f"{entry}: field 'reasons': '{reason}' is not one of the case's answers"
            )


def render_form(data: dict, weights: str = "{}") -> str:
    """The questions as radio groups; hidden until the script shows it (it needs the script).

    `weights` (JSON from `weights_json`) rides in a data attribute rather than a
    <script type="application/json"> block: Material's instant navigation re-runs
    inline scripts in the content and drops their type, which would execute JSON.
    """
    parts = [f'<form class="decide-form" id="decide-form" data-weights="{escape(weights)}" hidden>']
    for number, question in enumerate(data["questions"], start=1):
        qid = question["id"]
        parts.append(f'<fieldset id="decide-q-{qid}">')
        parts.append(f"<legend>{number}. {escape(question['text'])}</legend>")
        for answer in question["answers"]:
            input_id = f"decide-a-{answer['id']}"
            parts.append(
                f'<div class="decide-answer"><input type="radio" id="{input_id}" '
                f'name="{qid}" value="{answer["id"]}">'
                f'<label for="{input_id}">{escape(answer["label"])}</label></div>'
            )
        parts.append("</fieldset>")
    parts.append('<button type="reset" class="md-button">Clear my answers</button>')
    parts.append("</form>")
    return "\n".join(parts)


def render_result() -> str:
    """The result region: the verdict line is a polite live region, the reasons follow it.

    Material's admonition classes give it a visible box without a stylesheet of its own.
    The outer element carries `hidden`, which the admonition's own display rule would beat.
    """
    return (
        '<div class="decide-result" id="decide-result" hidden><div class="admonition tip">'
        '<p class="admonition-title" id="decide-verdict" role="status"></p>'
        '<div id="decide-reasons"></div></div></div>'
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
    return json.dumps({"threshold": data["threshold"], "questions": questions})


def render_helper(data: dict, link: Linker, script_href: str) -> str:
    """Everything the interactive part needs: form, result region, then the script."""
    return "\n".join(
        [
            render_form(data, weights_json(data, link)),
            render_result(),
            f'<script src="{escape(script_href)}"></script>',
        ]
    )


def render_table(data: dict, link: Linker) -> str:
    """'If you answer X, prefer Y, because Z' for every answer that favours one framework."""
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
                f"<td>{FRAMEWORKS[winner]} ({gap} point{'s' if gap > 1 else ''})</td>"
                f"<td>{inline(answer['reason'])} "
                f'<a href="{escape(href)}">More in “{escape(title)}”</a></td>'
                "</tr>"
            )
    return (
        # No class: Material styles and scroll-wraps only `table:not([class])`.
        '<table id="decide-table">'
        "<thead><tr><th>If you answer</th><th>Prefer</th><th>Because</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def page_linker(env) -> Linker:
    """Resolve docs-relative `guide:` links against the page being rendered."""
    files, page = env.variables["files"], env.page

    def link(guide: str) -> tuple[str, str]:
        path, _, anchor = guide.partition("#")
        target = files.get_file_from_path(path)
        if target is None:
            raise DataError(f"{DATA_FILE}: guide link '{guide}': no such page in the build")
        href = target.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")
        title = target.page.title if target.page and target.page.title else path
        return href, title

    return link


def script_href(env) -> str:
    """The script's URL relative to the page being rendered."""
    return page_linker(env)(SCRIPT_FILE)[0]
