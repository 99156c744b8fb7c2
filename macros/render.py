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
import re
from collections.abc import Iterator

from macros.data import FRAMEWORKS, SHOWN_FRAMEWORKS, SiteData
from macros.links import Linker

VERSION_KINDS = ("current", "tested", "lts", "tested-lts", "tested-python")
# Versions the sample matrix (tox.ini) runs on, as data/comparison.yml states them.
TESTED_FIELDS = {"tested": "tested", "tested-lts": "tested_lts", "tested-python": "tested_python"}
# Not a compared framework: a third column only on tables that ask for it, and
# only over rows whose data has a FastAPI answer (docs/guide/fastapi.md).
FASTAPI = SHOWN_FRAMEWORKS["fastapi"]
LIST_KINDS = ("pro", "con")
VERDICTS = {
    "correct": "Correct",
    "caveat": "Correct, with a caveat",
    "outdated": "Outdated",
    "wrong": "Wrong",
    "unsupported": "Unsupported: no evidence either way",
    "opinion": "Opinion, not a fact",
}
# The verdicts the corrections page lists: the claims that do not hold as the article says.
CORRECTED = ("outdated", "wrong", "unsupported")


class MacroError(ValueError):
    """A page called a macro with an argument the data does not know."""


def _allowed(what: str, value: object, allowed: list[str] | tuple[str, ...]) -> MacroError:
    choices = ", ".join(repr(item) for item in allowed)
    return MacroError(f"unknown {what} {value!r}; allowed: {choices}")


def _framework(data: SiteData, framework: str) -> dict:
    if framework not in data.frameworks:
        raise _allowed("framework", framework, list(FRAMEWORKS))
    return data.frameworks[framework]


# HTML's special characters, and the characters that start Markdown and extension
# syntax in running text: links and images, emphasis, headings, attribute lists
# ({: onclick=...}), emoji (:name:), tables, footnotes, escapes, code. As references
# they show as themselves. One table, so nothing is escaped twice.
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
    | {char: f"&#{ord(char)};" for char in "\\`[]()!*_#{}|:~^"}
)
# What makes a list item when it starts a line: "- ", "+ ", "1. ", "1) ".
_LIST_MARKER = re.compile(r"^([-+]|[0-9]+[.)])(?= )")


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).translate(_ESCAPES)


def inline(text: str) -> str:
    """Data text as HTML that Markdown leaves alone: `backtick` spans become <code>,
    nothing else is markup, and line breaks are spaces.

    The result may land in a Markdown paragraph or heading (a fact, a category
    name), so Markdown syntax is neutralised as well as HTML.
    """
    text = text.strip()
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick is just a character
        parts = [text]
    shown = "".join(
        f"<code>{_plain(part)}</code>" if index % 2 else _plain(part)
        for index, part in enumerate(parts)
    )
    return _LIST_MARKER.sub(lambda found: found[1][:-1] + f"&#{ord(found[1][-1])};", shown)


SECONDARY = "secondary source, not machine-checked"


def _sources(entry: dict, separator: str = "<br>") -> str:
    """One link per cited page, with its quoted passages as the title.

    Several quotes from one page share a link. A secondary source says so in the
    text, not only in the title: it is the reader's cue to weigh it differently.
    """
    pages: dict[str, list[dict]] = {}
    for source in entry["sources"]:
        pages.setdefault(source["url"], []).append(source)
    links = []
    for url, cited in pages.items():
        quotes = " … ".join(f"“{source['quote']}”" for source in cited if "quote" in source)
        title = f' title="{html.escape(quotes)}"' if quotes else ""
        secondary = any(source.get("kind") == "secondary" for source in cited)
        links.append(
            f'<a href="{html.escape(url)}"{title}>{inline(cited[0]["title"])}</a>'
            + (f" ({SECONDARY})" if secondary else "")
        )
    return separator.join(links)


def source_cell(cited: list[dict], checked: str = "") -> str:
    """A table's Sources cell, folded to its count so that a row reads as its content
    (extra.css unfolds it for print). `checked` is the "Checked <date>" markup, if any."""
    count = len({source["url"] for source in cited})
    date = f"<br><small>{checked}</small>" if checked else ""
    return (
        f'<td data-label="Sources"><details class="fvd-sources">'
        f"<summary>{count} source{'s' if count != 1 else ''}</summary>"
        f"{_sources({'sources': cited})}{date}</details></td>"
    )


def _date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f'<time datetime="{iso}">{day.day} {day:%B %Y}</time>'


def _checked(entry: dict) -> str:
    """When this entry's quotes were last found in its sources."""
    return f"<span data-checked>Checked {_date(entry['verified'])}</span>"


def _verified(entries: list[dict], unit: str = "row", sourced: bool = True) -> str:
    """The oldest verification date of what is shown: the whole table is at least this fresh."""
    oldest = min(entry["verified"] for entry in entries)
    return (
        f'<p data-verified="{oldest}"><small>Last verified: {_date(oldest)}.'
        + (
            f" Each {unit} links its sources; a link's title holds the passage that supports "
            "it, and “Checked” is the day that passage was last found there."
            if sourced
            else ""
        )
        + "</small></p>"
    )


SOURCES_HEAD = '<th scope="col">Sources</th>'
# The attributes of a table whose cells name their column (data-label): on a phone
# extra.css lays out each row as a card, and sizes a last Sources column on a desktop.
# Attributes, because CSS that looked for such cells with :has() would be re-checked on
# every change to a page.
CARDS = "data-cards"
CARDS_SOURCED = "data-cards data-sourced"


def _verdict(verdict: str) -> str:
    """A verdict as a badge, coloured by extra.css."""
    return f'<span class="fvd-verdict" data-verdict="{verdict}">{VERDICTS[verdict]}</span>'


def _guide_link(entry: dict, text: str, link: Linker) -> str:
    if "guide" not in entry:
        return text
    return f'<a href="{html.escape(link(entry["guide"])[0])}">{text}</a>'


def _more_link(entry: dict, link: Linker) -> str:
    """A link text that says where it leads ("More in “Routing”"), unlike "Read more"."""
    href, title = link(entry["guide"])
    return f'<a href="{html.escape(href)}">More in “{html.escape(title)}”</a>'


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
    sources: bool = True,
    fastapi: bool = False,
) -> str:
    """Dimension | Flask | Django | Sources (unless `sources` is false), notes under the table.

    Each cell carries its column's name (data-label) and framework (data-framework): on a
    narrow screen extra.css lays each row out as a card, with the names as headings.
    `fastapi=True` adds a FastAPI column after Django, with FastAPI's sources after the
    others; every row shown must then have a FastAPI answer.
    """
    rows = select_dimensions(data, category, ids)
    if not rows:
        raise MacroError(f"no dimension matches category={category!r}, ids={ids!r}")
    if fastapi and (missing := [row["id"] for row in rows if "fastapi" not in row]):
        with_answer = [row["id"] for row in data.dimensions if "fastapi" in row]
        raise MacroError(
            f"no FastAPI answer for {', '.join(missing)}; rows with one: {', '.join(with_answer)}"
        )
    columns = {name: html.escape(data.frameworks[name]["name"]) for name in FRAMEWORKS}
    columns |= {"fastapi": FASTAPI} if fastapi else {}
    head = "".join(
        f'<th scope="col" data-framework="{key}">{name}</th>' for key, name in columns.items()
    )
    body = "".join(_comparison_row(row, columns, link, sources) for row in rows)
    notes = "".join(
        f"<li><strong>{inline(row['name'])}:</strong> {inline(row['note'])}</li>"
        for row in rows
        if "note" in row
    )
    table = (
        f'<table {CARDS_SOURCED if sources else CARDS} data-table="comparison" '
        f'data-category="{html.escape(category or "")}">'
        f'<thead><tr><th scope="col">Topic</th>{head}{SOURCES_HEAD if sources else ""}</tr>'
        f"</thead><tbody>{body}</tbody></table>"
    )
    notes_list = f"<ul data-notes>{notes}</ul>" if notes else ""
    answers = [row["fastapi"] for row in rows] if fastapi else []
    return _block(table + notes_list + _verified(rows + answers, sourced=sources))


def _comparison_row(row: dict, columns: dict[str, str], link: Linker, sources: bool) -> str:
    """One topic: a cell per column (FastAPI's answer when asked for), then every source."""
    values = {key: row[key]["value"] if key == "fastapi" else row[key] for key in columns}
    cells = "".join(
        f'<td data-label="{columns[key]}" data-framework="{key}">{inline(value)}</td>'
        for key, value in values.items()
    )
    if sources:
        cited = row["sources"]
        checked = _checked(row)
        if "fastapi" in columns:
            answer = row["fastapi"]
            cited = cited + answer["sources"]
            checked += f"<br><span data-checked>FastAPI checked {_date(answer['verified'])}</span>"
        cells += source_cell(cited, checked)
    return (
        f'<tr data-dimension="{row["id"]}">'
        f'<th scope="row">{_guide_link(row, inline(row["name"]), link)}</th>{cells}</tr>'
    )


def _block(markup: str) -> str:
    """Blank lines around raw HTML, so Markdown passes it through untouched."""
    return f"\n\n<div>{markup}</div>\n\n"


def _claims(data: SiteData, framework: str, kinds: tuple[str, ...]) -> list[dict]:
    chosen = [c for c in data.claims if c["framework"] == framework and c["kind"] in kinds]
    return sorted(chosen, key=lambda claim: (claim.get("number", 0), claim["id"]))


def _claim_item(claim: dict, link: Linker) -> str:
    return (
        f'<li data-claim="{claim["id"]}" value="{claim.get("number", "")}" '
        f'data-verdict="{claim["verdict"]}">'
        f"<strong>{inline(claim['article'])}</strong> "
        f"{_verdict(claim['verdict'])} {inline(claim['summary'])} "
        f"<small>Sources: {_sources(claim, ', ')}. {_checked(claim)}"
        f"{'. ' + _more_link(claim, link) if 'guide' in claim else ''}</small></li>"
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


def _claim_row(claim: dict, attributes: str, tags: str, after: str = "") -> str:
    """A table row for one of the article's claims: what it said with its tags, what is true
    now, its sources. The tags sit on the claim itself, which leaves the width to the truth."""
    return (
        f"<tr {attributes}>"
        f'<th scope="row">{inline(claim["article"])} <span class="fvd-tags">{tags}</span></th>'
        f'<td data-label="What is true now">{inline(claim["summary"])}{after}</td>'
        + source_cell(claim["sources"], _checked(claim))
        + "</tr>"
    )


def corrected_claims(data: SiteData, *, link: Linker) -> str:
    """Every claim whose verdict is outdated, wrong or unsupported, with what is true now."""
    claims = [c for c in data.claims if c["verdict"] in CORRECTED]
    if not claims:
        raise MacroError(f"claims.yml has no claims with a verdict in {CORRECTED}")
    names = {"both": "Both", **{k: v["name"] for k, v in data.frameworks.items()}}
    body = "".join(
        _claim_row(
            claim,
            f'id="{claim["id"]}" data-claim="{claim["id"]}"',
            f'<span data-framework="{claim["framework"]}">{html.escape(names[claim["framework"]])}'
            f"</span> {_verdict(claim['verdict'])}",
            f" {_more_link(claim, link)}" if "guide" in claim else "",
        )
        for claim in claims
    )
    table = (
        f'<table {CARDS_SOURCED} data-table="corrections"><thead><tr>'
        '<th scope="col">The article said</th>'
        '<th scope="col">What is true now</th><th scope="col">Sources</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return _block(table + _verified(claims))


def tutorial_steps(data: SiteData, framework: str) -> str:
    """The article's tutorial for one framework, step by step in its order: verdict and sources.

    Rows carry no id: a step whose verdict is corrected also has a row in corrected_claims(),
    which owns the claim's anchor on the page.
    """
    _framework(data, framework)
    steps = [c for c in data.claims if c["framework"] == framework and c["kind"] == "tutorial"]
    if not steps:
        raise MacroError(f"claims.yml has no tutorial steps for {framework!r}")
    body = "".join(
        _claim_row(
            step,
            f'data-claim="{step["id"]}" data-verdict="{step["verdict"]}"',
            _verdict(step["verdict"]),
        )
        for step in steps
    )
    table = (
        f'<table {CARDS_SOURCED} data-table="tutorial" data-tutorial="{framework}"><thead><tr>'
        '<th scope="col">Step</th><th scope="col">What is true now</th>'
        f'<th scope="col">Sources</th></tr></thead><tbody>{body}</tbody></table>'
    )
    return _block(table + _verified(steps, "step"))


def _citations(node: object, owner: dict | None = None) -> Iterator[tuple[dict, dict]]:
    """(entry, source) for every source in the data; an entry is the nearest dict with an id."""
    if isinstance(node, dict):
        owner = node if "id" in node else owner
        for key, value in node.items():
            if key == "sources" and isinstance(value, list) and owner is not None:
                yield from ((owner, source) for source in value)
            else:
                yield from _citations(value, owner)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _citations(item, owner)


def _all_citations(data: SiteData) -> list[tuple[dict, dict]]:
    return list(
        _citations(
            (
                data.frameworks,
                data.facts,
                data.dimensions,
                data.claims,
                data.decision["questions"],
                data.decision.get("alternatives", []),
            )
        )
    )


def citation_counts(data: SiteData) -> str:
    """How many cited passages the data holds, and how many of them are machine-checked."""
    cited = [source for _, source in _all_citations(data)]
    secondary = sum(source.get("kind") == "secondary" for source in cited)
    unquoted = sum("quote" not in source for source in cited)
    checked = len(cited) - secondary - unquoted
    missing = f", and {unquoted} have no quote yet" if unquoted else ""
    return (
        f'<span data-citations="{len(cited)}" data-checked="{checked}" '
        f'data-secondary="{secondary}" data-unquoted="{unquoted}">The data files cite '
        f"{len(cited)} passages. {checked} of them are machine-checked against the documentation "
        f"of the release they link; {secondary} are secondary sources, shown but not "
        f"machine-checked{missing}.</span>"
    )


def secondary_sources(data: SiteData) -> str:
    """Every secondary source once, with its quotes, the entries it supports and their date."""
    pages: dict[str, list[tuple[dict, dict]]] = {}
    for entry, source in _all_citations(data):
        if source.get("kind") == "secondary":
            pages.setdefault(source["url"], []).append((entry, source))
    if not pages:
        raise MacroError("the data has no source with kind: secondary")
    items = []
    for url, cited in pages.items():
        quotes = dict.fromkeys(source["quote"] for _, source in cited)
        entries = dict.fromkeys(inline(_label(entry)) for entry, _ in cited)
        oldest = min((entry for entry, _ in cited), key=lambda entry: entry["verified"])
        items.append(
            f'<li><a href="{html.escape(url)}">{inline(cited[0][1]["title"])}</a>: '
            + " … ".join(f"“{inline(quote)}”" for quote in quotes)
            + f" <small>(for {', '.join(entries)}; {_checked(oldest)})</small></li>"
        )
    return _block(f'<ul data-sources="secondary">{"".join(items)}</ul>')


def _label(entry: dict) -> str:
    """What an entry is called on the site: a row's name, a claim's words, an answer's label."""
    return entry.get("name") or entry.get("article") or entry.get("label") or entry["id"]


def version(data: SiteData, framework: str, which: str = "current") -> str:
    """'current': newest release; 'lts': newest LTS. What the samples are tested on:
    'tested' (the release the pages show), 'tested-lts' (the LTS they also run on),
    'tested-python' (the Python both run on)."""
    entry = _framework(data, framework)
    if which not in VERSION_KINDS:
        raise _allowed("version kind", which, VERSION_KINDS)
    if which in TESTED_FIELDS:
        field = TESTED_FIELDS[which]
        if field not in entry:
            raise MacroError(f"{entry['name']} has no '{field}' in data/comparison.yml")
        return html.escape(entry[field])
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
