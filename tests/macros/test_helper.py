"""macros/helper.py: the decision data as an accessible form and a no-JS table."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bs4 import BeautifulSoup

from macros.data import SiteData
from macros.helper import render_form, render_table, weights_json
from tests.support import ROOT, Build

HOSTILE = "<script>alert(\"x\")</script> & 'quotes' </script><!--"
SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "decide.js"


def hostile_data() -> dict:
    """Two questions whose every text field tries to break out of its HTML context."""
    answers = [
        {
            "id": answer_id,
            "label": HOSTILE,
            "weights": {"flask": flask, "django": 0},
            "reason": f"{HOSTILE} uses `<b>code</b>`",
            "guide": "guide/choose.md",
        }
        for answer_id, flask in (("a-one", 2), ("a-two", 0))
    ]
    return {"threshold": 1, "questions": [{"id": "q", "text": HOSTILE, "answers": answers}]}


def fake_link(guide: str) -> tuple[str, str]:
    return "../choose/?x=1&y=<2>", HOSTILE


def test_form_escapes_all_text_and_labels_every_radio() -> None:
    html = render_form(hostile_data())
    assert "<script>" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.legend.get_text() == f"1. {HOSTILE}"
    radios = soup.select("input[type=radio]")
    assert [radio["value"] for radio in radios] == ["a-one", "a-two"]
    for radio in radios:
        assert soup.find("label", attrs={"for": radio["id"]}).get_text() == HOSTILE


def test_table_escapes_text_and_links_and_keeps_inline_code() -> None:
    html = render_table(hostile_data(), fake_link)
    assert "<script>" not in html
    soup = BeautifulSoup(html, "html.parser")
    rows = soup.select("tbody tr")
    assert len(rows) == 1, "answers that favour neither framework are left out"
    cells = rows[0].find_all("td")
    assert cells[0].strong.get_text() == HOSTILE
    assert cells[1].get_text() == "Flask (2 points)"
    assert cells[2].code.get_text() == "<b>code</b>"
    assert cells[2].a["href"] == "../choose/?x=1&y=<2>"


def test_weights_travel_intact_in_a_data_attribute() -> None:
    data = hostile_data()
    html = render_form(data, weights_json(data, fake_link))
    assert "<script>" not in html
    form = BeautifulSoup(html, "html.parser").form
    weights = json.loads(form["data-weights"])
    assert weights["questions"][0]["answers"][0]["label"] == HOSTILE
    assert weights["questions"][0]["answers"][0]["href"] == "../choose/?x=1&y=<2>"


def test_built_page_labels_every_radio_inside_a_fieldset_with_a_legend(
    site: Build, data: SiteData
) -> None:
    decision = data.decision
    form = site.page("guide/decide/").find("form", id="decide-form")
    assert form.has_attr("hidden"), "without JavaScript the form stays hidden"
    fieldsets = form.find_all("fieldset")
    assert [f["id"] for f in fieldsets] == [f"decide-q-{q['id']}" for q in decision["questions"]]
    for fieldset, question in zip(fieldsets, decision["questions"], strict=True):
        assert question["text"] in fieldset.legend.get_text()
        radios = fieldset.select("input[type=radio]")
        assert [(r["name"], r["value"]) for r in radios] == [
            (question["id"], a["id"]) for a in question["answers"]
        ]
        for radio, answer in zip(radios, question["answers"], strict=True):
            label = form.find("label", attrs={"for": radio["id"]})
            assert label.get_text() == answer["label"]


def test_built_page_has_a_live_region_and_loads_the_script_once(site: Build) -> None:
    page = site.page("guide/decide/")
    assert page.find(id="decide-verdict")["role"] == "status"
    scripts = [s["src"] for s in page.find_all("script", src=True) if "decide" in s["src"]]
    assert scripts == ["../../assets/javascripts/decide.js"]
    assert not any("decide" in s.get("src", "") for s in site.page("").find_all("script")), (
        "the script is loaded only by the decision page"
    )


def test_form_weights_are_the_data_file(site: Build, data: SiteData) -> None:
    decision = data.decision
    block = json.loads(site.page("guide/decide/").find(id="decide-form")["data-weights"])
    assert block["threshold"] == decision["threshold"]
    expected = [
        [(a["id"], a["label"], a["weights"]["flask"], a["weights"]["django"]) for a in q["answers"]]
        for q in decision["questions"]
    ]
    actual = [
        [(a["id"], a["label"], a["flask"], a["django"]) for a in q["answers"]]
        for q in block["questions"]
    ]
    assert actual == expected


def test_alternatives_reach_the_script_and_the_no_js_table(site: Build, data: SiteData) -> None:
    """Each alternative travels to the script whole, and the table says when it applies."""
    decision = data.decision
    assert decision["alternatives"], "the data names no alternative"
    labels = {a["id"]: a["label"] for q in decision["questions"] for a in q["answers"]}
    page = site.page("guide/decide/")
    block = json.loads(page.find(id="decide-form")["data-weights"])
    assert [
        (a["id"], a["name"], a["when"], a["unless"], a["reason"]) for a in block["alternatives"]
    ] == [
        (a["id"], a["name"], a["when"], a.get("unless", []), a["reason"])
        for a in decision["alternatives"]
    ]
    for alternative, sent in zip(decision["alternatives"], block["alternatives"], strict=True):
        row = page.find(id="decide-table").find("tr", attrs={"data-alternative": alternative["id"]})
        text = " ".join(row.get_text(" ").split())
        for answer_id in alternative["when"] + alternative.get("unless", []):
            assert labels[answer_id] in text, answer_id
        assert f"Consider {alternative['name']} too" in text
        assert row.find("a")["href"] == sent["href"]


def resolve(site: Build, page_dir: Path, href: str) -> tuple[Path, str]:
    path, _, anchor = href.partition("#")
    target = (page_dir / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, anchor


def test_every_guide_link_reaches_an_existing_page_and_anchor(site: Build) -> None:
    page = site.page("guide/decide/")
    page_dir = site.site / "guide" / "decide"
    hrefs = {a["href"] for a in page.find(id="decide-table").find_all("a")}
    block = json.loads(page.find(id="decide-form")["data-weights"])
    hrefs |= {a["href"] for q in block["questions"] for a in q["answers"]}
    hrefs |= {a["href"] for a in block["alternatives"]}
    assert len(hrefs) >= 5
    for href in hrefs:
        target, anchor = resolve(site, page_dir, href)
        assert target.is_file(), href
        if anchor:
            html = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            assert html.find(id=anchor), f"{href}: no element with id {anchor!r}"


def test_script_is_at_most_5_kb_gzipped() -> None:
    size = len(gzip.compress(SCRIPT.read_bytes(), compresslevel=9))
    assert size <= 5 * 1024, f"decide.js is {size} bytes gzipped"
