"""The concept map of the migration page: each part of a Flask app and its Django counterpart."""

from __future__ import annotations

from macros.data import FRAMEWORKS, SiteData
from macros.links import Linker
from macros.render import _block, _guide_link, _sources, _verified, inline


def concept_map(data: SiteData, *, link: Linker) -> str:
    """Part | Flask | Django | Moving it | Sources, one row per concept in data order."""
    flask, django = (data.frameworks[name]["name"] for name in FRAMEWORKS)
    body = "".join(
        f'<tr data-concept="{concept["id"]}">'
        f'<th scope="row">{_guide_link(concept, inline(concept["name"]), link)}</th>'
        f"<td>{inline(concept['flask'])}</td><td>{inline(concept['django'])}</td>"
        f"<td>{inline(concept['watch'])}</td><td>{_sources(concept)}</td></tr>"
        for concept in data.migration
    )
    table = (
        '<table data-map="concepts"><thead><tr><th scope="col">Part</th>'
        f'<th scope="col">{flask}</th><th scope="col">{django}</th>'
        '<th scope="col">Moving it, either way</th><th scope="col">Sources</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return _block(table + _verified(data.migration))
