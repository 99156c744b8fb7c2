"""macros/migration.py: one row per concept, Flask before Django, text escaped."""

from __future__ import annotations

import dataclasses

from bs4 import BeautifulSoup

from macros import migration
from macros.data import FRAMEWORKS, SiteData


def link(target: str) -> tuple[str, str]:
    return f"/{target}", target


def test_columns_follow_the_framework_order_and_values_are_escaped(data: SiteData) -> None:
    concept = {**data.migration[0], "watch": "Use `{% url %}` <not HTML>."}
    markup = migration.concept_map(dataclasses.replace(data, migration=[concept]), link=link)
    table = BeautifulSoup(markup, "html.parser").table
    headings = [th.get_text() for th in table.thead.find_all("th")]
    assert headings[1:3] == [data.frameworks[key]["name"] for key in FRAMEWORKS]
    watch = table.tbody.find_all("td")[2]
    assert watch.get_text() == "Use {% url %} <not HTML>."
    assert watch.code.get_text() == "{% url %}"
    assert table.tbody.th.a["href"] == f"/{concept['guide']}"
