"""The concept map of the migration page: each part of a Flask app and its Django counterpart."""

from __future__ import annotations

from macros.data import FRAMEWORKS, SiteData
from macros.links import Linker
from macros.render import CARDS_SOURCED, _block, _guide_link, _verified, inline, source_cell

MOVING = "Moving it, either way"


def concept_map(data: SiteData, *, link: Linker) -> str:
    """Part | Flask | Django | Moving it | Sources, one row per concept in data order.

    Cells name their column (data-label): on a phone each row becomes a card (extra.css).
    """
    flask, django = (data.frameworks[name]["name"] for name in FRAMEWORKS)
    body = "".join(
        f'<tr data-concept="{concept["id"]}">'
        f'<th scope="row">{_guide_link(concept, inline(concept["name"]), link)}</th>'
        f'<td data-label="{flask}" data-framework="flask">{inline(concept["flask"])}</td>'
        f'<td data-label="{django}" data-framework="django">{inline(concept["django"])}</td>'
        f'<td data-label="{MOVING}">{inline(concept["watch"])}</td>'
        + source_cell(concept["sources"])
        + "</tr>"
        for concept in data.migration
    )
    table = (
        f'<table {CARDS_SOURCED} data-map="concepts"><thead><tr><th scope="col">Part</th>'
        f'<th scope="col" data-framework="flask">{flask}</th>'
        f'<th scope="col" data-framework="django">{django}</th>'
        f'<th scope="col">{MOVING}</th><th scope="col">Sources</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return _block(table + _verified(data.migration))
