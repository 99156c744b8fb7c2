"""Render the comparison data as HTML for the pages.

Plain functions over SiteData, so any page engine can call them (mkdocs-macros
today). Output is HTML, not Markdown, on purpose: data text is escaped with
html.escape and cannot turn into markup, whatever characters it holds. Tables
carry no class, so Material treats them exactly like Markdown tables (same
style, and the same scroll box on narrow screens). Every row links its
sources, and every table or list ends with its "Last verified" date.
"""

from __future__ import annotations

import datetime as dt
import html

from macros.data import FRAMEWORKS, SiteData
from macros.links import Linker

VERSION_KINDS = ("current", "tested", "lts")
LIST_KINDS = ("pro", "con")
VERDICTS = {
    "correct": "Correct",
    "caveat": "Correct, with a caveat",
    "outdated": "Outdated",
    "wrong": "Wrong",
    "opinion": "Opinion, not a fact",
}


class MacroError(ValueError):
    """A page called a macro with an argument the data does not know."""


def _allowed(what: str, value: object, allowed: list[str] | tuple[str, ...]) -> MacroError:
    choices = ", ".join(repr(item) for item in allowed)
    return MacroError(f"unknown {what} {value!r}; allowed: {choices}")


def _framework(data: SiteData, framework: str) -> dict:
    if framework not in data.frameworks:
        raise _allowed("framework", framework, list(FRAMEWORKS))
    return data.frameworks[framework]


def inline(text: str) -> str:
    """Escape plain text; `backtick` spans become <code>. Nothing else is markup."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick is just a character
        return html.escape(text)
    return "".join(
        f"<code>{html.escape(part)}</code>" if index % 2 else html.escape(part)
        for index, part in enumerate(parts)
    )


def _sources(sources: list[dict]) -> str:
    return "<br>".join(
        f'<a href="{html.escape(source["url"])}">{inline(source["title"])}</a>'
        for source in sources
    )


def _verified(entries: list[dict], unit: str = "row") -> str:
    """The oldest verification date of what is shown: the whole table is at least this fresh."""
    oldest = min(entry["verified"] for entry in entries)
    day = dt.date.fromisoformat(oldest)
    return (
        f'<p data-verified="{oldest}"><small>Last verified: '
        f'<time datetime="{oldest}">{day.day} {day:%B %Y}</time>. '
        f"Each {unit} links its official sources.</small></p>"
    )


def _guide_link(entry: dict, text: str, link: Linker) -> str:
    if "guide" not in entry:
        return text
    return f'<a href="{html.escape(link(entry["guide"])[0])}">{text}</a>'


def select_dimensions(
    data: SiteData, category: str | None = None, ids: list[str] | None = None
) -> list[dict]:
    """Dimensions of one category, or the named ones in the order given, or all."""
    if category is not None and category not in data.categories:
        raise _allowed("category", category, list(data.categories))
    if ids is not None:
        if isinstance(ids, str):
            raise MacroError(f"ids must be a list of dimension ids, got the string {ids!r}")
        by_id = {entry["id"]: entry for entry in data.dimensions}
        for dimension_id in ids:
            if dimension_id not in by_id:
                raise _allowed("dimension id", dimension_id, list(by_id))
        chosen = [by_id[dimension_id] for dimension_id in ids]
    else:
        chosen = data.dimensions
    return [entry for entry in chosen if category is None or entry["category"] == category]


def comparison_table(
    data: SiteData,
    category: str | None = None,
    ids: list[str] | None = None,
    *,
    link: Linker,
) -> str:
    """Dimension | Flask | Django | Sources, with notes under the table."""
    rows = select_dimensions(data, category, ids)
    if not rows:
        raise MacroError(f"no dimension matches category={category!r}, ids={ids!r}")
    flask, django = (html.escape(data.frameworks[name]["name"]) for name in FRAMEWORKS)
    body = "".join(
        f'<tr data-dimension="{row["id"]}">'
        f'<th scope="row">{_guide_link(row, inline(row["name"]), link)}'
        f"</th><td>{inline(row['flask'])}</td><td>{inline(row['django'])}</td>"
        f"<td>{_sources(row['sources'])}</td></tr>"
        for row in rows
    )
    notes = "".join(
        f"<li><strong>{inline(row['name'])}:</strong> {inline(row['note'])}</li>"
        for row in rows
        if "note" in row
    )
    table = (
        f'<table data-table="comparison" data-category="{html.escape(category or "")}">'
        f'<thead><tr><th scope="col">Topic</th><th scope="col">{flask}</th>'
        f'<th scope="col">{django}</th><th scope="col">Sources</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return _block(table + (f"<ul data-notes>{notes}</ul>" if notes else "") + _verified(rows))


def _block(markup: str) -> str:
    """Blank lines around raw HTML, so Markdown passes it through untouched."""
    return f"\n\n<div>{markup}</div>\n\n"


def _claims(data: SiteData, framework: str, kinds: tuple[str, ...]) -> list[dict]:
    chosen = [c for c in data.claims if c["framework"] == framework and c["kind"] in kinds]
    return sorted(chosen, key=lambda claim: (claim.get("number", 0), claim["id"]))


def _claim_item(claim: dict, link: Linker) -> str:
    more = _guide_link(claim, "Read more", link)
    return (
        f'<li data-claim="{claim["id"]}" value="{claim.get("number", "")}" '
        f'data-verdict="{claim["verdict"]}">'
        f"<strong>{inline(claim['article'])}</strong> "
        f"<em>{VERDICTS[claim['verdict']]}.</em> {inline(claim['summary'])} "
        f"<small>Sources: {_sources(claim['sources']).replace('<br>', ', ')}"
        f"{'. ' + more if 'guide' in claim else ''}</small></li>"
    )


def claim_list(
    data: SiteData,
    framework: str,
    kinds: tuple[str, ...],
    *,
    link: Linker,
) -> str:
    _framework(data, framework)
    claims = _claims(data, framework, kinds)
    if not claims:
        raise MacroError(f"claims.yml has no {'/'.join(kinds)} entries for {framework!r}")
    items = "".join(_claim_item(claim, link) for claim in claims)
    listing = f'<ol data-list="{"-".join(kinds)}" data-framework="{framework}">{items}</ol>'
    return _block(listing + _verified(claims, "item"))


def pros_cons(data: SiteData, framework: str, kind: str, *, link: Linker) -> str:
    """The article's pros or cons of one framework, each with its verdict and sources."""
    if kind not in LIST_KINDS:
        raise _allowed("kind", kind, LIST_KINDS)
    return claim_list(data, framework, (kind,), link=link)


def when_to_choose(data: SiteData, framework: str, *, link: Linker) -> str:
    """The article's "when to choose" points for one framework, checked."""
    return claim_list(data, framework, ("when",), link=link)


def corrected_claims(data: SiteData, *, link: Linker) -> str:
    """Every claim whose verdict is outdated or wrong, with what is true now."""
    claims = [c for c in data.claims if c["verdict"] in ("outdated", "wrong")]
    if not claims:
        raise MacroError("claims.yml has no claims with verdict 'outdated' or 'wrong'")
    names = {"both": "Both", **{k: v["name"] for k, v in data.frameworks.items()}}
    body = "".join(
        f'<tr id="{claim["id"]}" data-claim="{claim["id"]}">'
        f"<td>{inline(claim['article'])}</td><td>{html.escape(names[claim['framework']])}</td>"
        f"<td>{VERDICTS[claim['verdict']]}</td><td>{inline(claim['summary'])}"
        f"{' ' + _guide_link(claim, 'Read more', link) if 'guide' in claim else ''}</td>"
        f"<td>{_sources(claim['sources'])}</td></tr>"
        for claim in claims
    )
    table = (
        '<table data-table="corrections"><thead><tr><th scope="col">The article said</th>'
        '<th scope="col">About</th><th scope="col">Verdict</th>'
        '<th scope="col">What is true now</th><th scope="col">Sources</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return _block(table + _verified(claims))


def version(data: SiteData, framework: str, which: str = "current") -> str:
    """'current': newest release; 'tested': what the examples run on; 'lts': newest LTS."""
    entry = _framework(data, framework)
    if which not in VERSION_KINDS:
        raise _allowed("version kind", which, VERSION_KINDS)
    if which == "tested":
        return html.escape(entry["tested"])
    releases = [r for r in entry["releases"] if r["status"] != "end-of-life"]
    if which == "lts":
        releases = [r for r in releases if r["lts"]]
        if not releases:
            raise MacroError(
                f"{entry['name']} has no supported LTS release; allowed: 'current', 'tested'"
            )
    else:
        releases = [r for r in releases if r["status"] == "current"]
    newest = max(releases, key=lambda r: tuple(int(n) for n in r["series"].split(".")))
    return html.escape(newest["latest"])


def fact(data: SiteData, fact_id: str) -> str:
    """One sourced fact from comparison.yml, as inline text."""
    if fact_id not in data.facts:
        raise _allowed("fact id", fact_id, sorted(data.facts))
    return inline(data.facts[fact_id]["value"])
