"""docs/guide/fastapi.md: every FastAPI answer in the data is shown, sourced and reachable."""

from __future__ import annotations

from urllib.parse import urljoin

from macros.data import SiteData
from scripts.quotes import citation_kind, read_pins
from tests.support import Build, page_text

PAGE = "guide/fastapi/"


def fastapi_tables(site: Build, url_path: str) -> list:
    return [
        table
        for table in site.page(url_path).select("article table[data-table='comparison']")
        if "FastAPI" in [th.get_text() for th in table.select("thead th")]
    ]


def test_the_page_shows_every_fastapi_answer_in_the_data(site: Build, data: SiteData) -> None:
    shown = [
        row["data-dimension"]
        for table in fastapi_tables(site, PAGE)
        for row in table.select("tbody tr")
    ]
    answered = [d["id"] for d in data.dimensions if "fastapi" in d]
    assert sorted(shown) == sorted(answered)
    assert len(shown) == len(set(shown)), "a FastAPI answer is shown twice"


def test_the_page_names_the_tested_version_python_and_licence(site: Build, data: SiteData) -> None:
    text = page_text(site, PAGE)
    for fact in ("fastapi-tested", "fastapi-python-min", "fastapi-license"):
        assert data.facts[fact]["value"] in text, fact


def fastapi_entries(data: SiteData) -> dict[str, dict]:
    """Every entry of the data that states something about FastAPI, by where it is."""
    entries = {f"facts '{f}'": data.facts[f] for f in data.facts if f.startswith("fastapi-")}
    entries |= {
        f"dimensions '{d['id']}' fastapi": d["fastapi"] for d in data.dimensions if "fastapi" in d
    }
    entries |= {f"alternatives '{a['id']}'": a for a in data.decision["alternatives"]}
    entries |= {f"faq '{q['id']}'": q for q in data.faq if "FastAPI" in q["question"]}
    return entries


def test_every_fastapi_statement_has_a_date_and_a_machine_checked_quote(data: SiteData) -> None:
    """FastAPI's docs site is not in its sdist, so each statement also needs a source the
    quote checker reads (README, source or Starlette's docs at the tested tag)."""
    pins = read_pins()
    entries = fastapi_entries(data)
    assert any(where.startswith("dimensions") for where in entries), "no FastAPI answer in the data"
    for where, entry in entries.items():
        assert entry.get("verified"), f"{where}: no date"
        checked = [
            s
            for s in entry["sources"]
            if s.get("quote") and citation_kind(s["url"], pins) == "official"
        ]
        assert checked, f"{where}: no source with a quote the checker reads"


def test_the_faq_question_about_fastapi_reads_on_in_the_page(site: Build, data: SiteData) -> None:
    [question] = [q for q in data.faq if "FastAPI" in q["question"]]
    answer = site.page("guide/faq/").find(attrs={"data-answer": question["id"]})
    evidence = answer.find_next_sibling("p").find("a")
    assert urljoin("/guide/faq/", evidence["href"]) == f"/{PAGE}"


def links_to_the_page(site: Build, url_path: str) -> list:
    return [
        a
        for a in site.page(url_path).select("article a[href]")
        if urljoin(f"/{url_path}", a["href"]).split("#")[0] == f"/{PAGE}"
    ]


def test_comparison_links_to_the_page_after_the_json_api_row(site: Build) -> None:
    """The reader meets the question at the REST and JSON APIs row, so the link sits there."""
    [link] = links_to_the_page(site, "guide/comparison/")
    assert link.find_previous("table").select("tr[data-dimension='rest-apis']")
    assert link.find_previous("h2") == link.find_previous("table").find_previous("h2")


def test_choose_links_to_the_page_in_a_row_of_its_table(site: Build) -> None:
    assert any(a.find_parent("tr") for a in links_to_the_page(site, "guide/choose/"))


def test_the_page_links_to_the_code_it_describes(site: Build) -> None:
    hrefs = {urljoin(f"/{PAGE}", a["href"]) for a in site.page(PAGE).select("article a[href]")}
    assert {"/side-by-side/first-app/", "/side-by-side/json-apis/"} <= hrefs
