"""The numbers, migration and FAQ pages, as built: every entry of their data files shows.

Expected values are read from data/usage.yml, data/migration.yml and data/faq.yml,
never typed here, so the tests follow the data.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlparse

from macros.data import SiteData
from macros.render import SECONDARY
from macros.usage import COLUMNS, UNITS
from tests.docs.test_pages import DOCS, url_of
from tests.support import Build


def test_faq_structured_data_is_in_head_and_matches_the_questions(
    site: Build, data: SiteData
) -> None:
    soup = site.page("guide/faq/")
    blocks = [
        json.loads(s.string) for s in soup.head.find_all("script", type="application/ld+json")
    ]
    (faq,) = [block for block in blocks if block["@type"] == "FAQPage"]
    assert [q["name"] for q in faq["mainEntity"]] == [q["question"] for q in data.faq]
    for entry, question in zip(faq["mainEntity"], data.faq, strict=True):
        assert entry["acceptedAnswer"]["text"] == question["answer"].replace("`", "")
    # Scripts in the page body would be re-run as JavaScript by instant navigation.
    assert not soup.article.find_all("script")


def test_every_faq_answer_is_a_heading_with_its_answer_and_evidence(
    site: Build, data: SiteData
) -> None:
    soup = site.page("guide/faq/")
    headings = soup.article.find_all("h2")
    assert [h["id"] for h in headings] == [q["id"] for q in data.faq]
    for heading, question in zip(headings, data.faq, strict=True):
        assert heading.get_text().rstrip("¶") == question["question"]
        answer = soup.select_one(f'[data-answer="{question["id"]}"]')
        assert answer.get_text() == question["answer"].replace("`", "")
        evidence = answer.find_next("p").find("a")
        target = urlparse(urljoin(f"{site.url}guide/faq/", evidence["href"])).path
        assert target == "/" + url_of(DOCS / question["guide"])


def test_the_faq_does_not_show_a_structured_data_block_anywhere_else(site: Build) -> None:
    for path in ("", "guide/numbers/", "guide/migration/"):
        scripts = site.page(path).find_all("script", type="application/ld+json")
        assert [json.loads(s.string)["@type"] for s in scripts] == ["Article"], path


def test_every_measure_has_a_chart_its_caveats_and_every_number(
    site: Build, data: SiteData
) -> None:
    soup = site.page("guide/numbers/")
    for measure_id, measure in data.usage.items():
        svg = soup.select_one(f"#chart-{measure_id} svg")
        assert svg["role"] == "img"
        description = svg.find("desc").get_text()
        caveats = soup.select_one(f'ul[data-caveats="{measure_id}"]')
        assert [li.get_text() for li in caveats.find_all("li")] == [
            text.replace("`", "") for text in measure["caveats"]
        ]
        _, value_format, scale = UNITS[measure["unit"]]
        for point in measure["points"]:
            row = soup.select_one(
                f'table[data-measure="{measure_id}"] tr[data-point="{point["id"]}"]'
            )
            cells = [td.get_text() for td in row.find_all("td")]
            for key, cell in zip(COLUMNS, cells, strict=True):
                if key in point["values"]:
                    shown = value_format.format(point["values"][key] * scale)
                    assert cell == shown
                    assert shown in description  # the text alternative reads it out
                else:
                    assert cell == "none given"
        sources = soup.select_one(f'ul[data-sources="{measure_id}"]').get_text()
        secondary = {
            (p["id"], s["url"]) for p in measure["points"] for s in p["sources"] if s.get("kind")
        }
        assert sources.count(f"({SECONDARY})") == len(secondary)


def test_the_concept_map_has_a_row_per_concept_with_both_sources(
    site: Build, data: SiteData
) -> None:
    rows = site.page("guide/migration/").select("table[data-map=concepts] tbody tr")
    assert [row["data-concept"] for row in rows] == [c["id"] for c in data.migration]
    for row, concept in zip(rows, data.migration, strict=True):
        links = [a["href"] for a in row.find_all("td")[-1].find_all("a")]
        assert links == [source["url"] for source in concept["sources"]]


def latest(data: SiteData, measure_id: str) -> dict:
    return data.usage[measure_id]["points"][-1]["values"]


def test_what_the_pages_say_about_the_numbers_still_holds(data: SiteData) -> None:
    """The FAQ and the numbers page describe the data in words; the words must stay true."""
    survey, downloads = latest(data, "survey"), latest(data, "downloads")
    contributors = latest(data, "contributors")
    # "FastAPI ahead since 2024" in the survey; "FastAPI now leads both" in downloads.
    assert max(survey, key=survey.get) == "fastapi"
    assert downloads["fastapi"] > downloads["flask"] > downloads["django"]
    # "Django has more GitHub contributors than the other two together".
    assert contributors["django"] > contributors["flask"] + contributors["fastapi"]
    # "FastAPI has grown fastest": its share of every measure over time grew most.
    for measure_id in ("survey", "downloads"):
        points = [p["values"] for p in data.usage[measure_id]["points"] if "fastapi" in p["values"]]
        growth = {key: points[-1][key] / points[0][key] for key in COLUMNS}
        assert max(growth, key=growth.get) == "fastapi", measure_id
    # "Flask ... its downloads are still growing" (is Flask dead?).
    flask = [p["values"]["flask"] for p in data.usage["downloads"]["points"]]
    assert flask[-1] > flask[0]
