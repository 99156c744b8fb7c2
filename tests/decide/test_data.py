"""data/decision.yml is checked at build time: a bad entry is one line naming file, entry, field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.datafile import DataError
from macros.decision import DATA_FILE, load_decision
from tests.conftest import ROOT, mkdocs_build
from tests.data.conftest import dump


def break_data(project: Path, change) -> None:
    """Load the project copy's data file, let `change` edit it, write it back."""
    path = project / DATA_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(dump(data), encoding="utf-8")


def answer(data: dict, answer_id: str) -> dict:
    return next(a for q in data["questions"] for a in q["answers"] if a["id"] == answer_id)


def case(data: dict, case_id: str) -> dict:
    return next(c for c in data["cases"] if c["id"] == case_id)


def load(project: Path) -> dict:
    return load_decision(project, project / "docs")


def test_the_real_data_file_is_valid() -> None:
    data = load_decision(ROOT, ROOT / "docs")
    assert 6 <= len(data["questions"]) <= 10
    verdicts = {case["verdict"] for case in data["cases"]}
    assert {"flask", "django", "balanced"} <= verdicts


def test_the_data_file_declares_its_schema() -> None:
    first_line = (ROOT / DATA_FILE).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=decision.schema.json"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", "expected integer, got '3'"),
        (4, "4 is greater than the maximum of 3"),
        (-1, "-1 is less than the minimum of 0"),
        (1.5, "expected integer, got 1.5"),
    ],
    ids=["string", "too-high", "negative", "fraction"],
)
def test_bad_weight_is_one_line_naming_file_entry_and_field(
    project_copy: Path, value: object, expected: str
) -> None:
    def change(data: dict) -> None:
        answer(data, "admin-needed")["weights"]["django"] = value

    break_data(project_copy, change)
    with pytest.raises(DataError) as error:
        load(project_copy)
    message = str(error.value)
    assert "\n" not in message
    entry = "data/decision.yml: answers 'admin-needed'"
    assert message == f"{entry}: field 'weights.django': {expected}"


def test_missing_weight_is_named(project_copy: Path) -> None:
    break_data(project_copy, lambda data: answer(data, "small")["weights"].pop("flask"))
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert str(error.value) == (
        "data/decision.yml: answers 'small': field 'weights.flask': required field missing"
    )


def test_unknown_answer_in_a_case(project_copy: Path) -> None:
    break_data(project_copy, lambda data: case(data, "small-api-team")["answers"].append("nope"))
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert str(error.value) == (
        "data/decision.yml: cases 'small-api-team': field 'answers': unknown answer 'nope'"
    )


def test_two_answers_to_one_question_in_a_case(project_copy: Path) -> None:
    break_data(project_copy, lambda data: case(data, "small-api-team")["answers"].append("large"))
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert str(error.value) == (
        "data/decision.yml: cases 'small-api-team': field 'answers': 'small' and 'large' both "
        "answer question 'size'; expected one answer per question"
    )


def test_case_reason_must_be_one_of_its_answers(project_copy: Path) -> None:
    break_data(project_copy, lambda data: case(data, "small-api-team")["reasons"].append("large"))
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert str(error.value) == (
        "data/decision.yml: cases 'small-api-team': field 'reasons': 'large' is not one of the "
        "case's answers"
    )


def test_duplicate_question_id(project_copy: Path) -> None:
    break_data(project_copy, lambda data: data["questions"][1].update(id="size"))
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert str(error.value) == "data/decision.yml: questions 'size': field 'id': duplicate id"


def test_duplicate_answer_id_across_questions(project_copy: Path) -> None:
    break_data(project_copy, lambda data: answer(data, "no-admin").update(id="small"))
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert str(error.value) == (
        "data/decision.yml: answers 'small': field 'id': duplicate id (also an answer to "
        "question 'size'); answer ids are unique across the file"
    )


def test_duplicate_case_id(project_copy: Path) -> None:
    break_data(project_copy, lambda data: data["cases"][1].update(id=data["cases"][0]["id"]))
    with pytest.raises(DataError, match=r"^data/decision.yml: cases '[a-z-]+': field 'id': dup"):
        load(project_copy)


def test_guide_link_must_name_an_existing_page(project_copy: Path) -> None:
    break_data(project_copy, lambda data: answer(data, "small").update(guide="guide/gone.md#x"))
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert str(error.value) == (
        "data/decision.yml: answers 'small': field 'guide': no page docs/guide/gone.md"
    )


def test_unknown_field_is_rejected(project_copy: Path) -> None:
    break_data(project_copy, lambda data: answer(data, "small").update(notes={}))
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert str(error.value) == (
        "data/decision.yml: answers 'small': field 'notes': expected only known fields "
        "(id, label, weights, reason, guide, sources)"
    )


def test_bad_weight_stops_the_real_build_with_one_error_line(project_copy: Path) -> None:
    break_data(project_copy, lambda data: answer(data, "json-api")["weights"].update(flask=9))
    build = mkdocs_build(project_copy, project_copy / "site")
    assert build.returncode != 0
    errors = re.findall(r"^ERROR.*$", build.log, re.MULTILINE)
    assert errors == [
        "ERROR   -  data/decision.yml: answers 'json-api': field 'weights.flask': "
        "9 is greater than the maximum of 3"
    ], build.log
