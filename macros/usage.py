"""Usage numbers as charts and tables: survey shares, downloads, stars, contributors.

Each measure renders as one block: what it counts, the chart (inline SVG from
macros/charts.py), what it does not measure, then every number in a table with
its source and the day it was recorded. The caveats are part of the block, so a
page cannot show a number without them.
"""

from __future__ import annotations

import datetime as dt
import html

from macros.charts import Bar, Chart, Group, bar_chart
from macros.data import FRAMEWORKS, SHOWN_FRAMEWORKS, SiteData
from macros.render import FASTAPI, SECONDARY, _allowed, _block, _date, _sources, inline

# FastAPI is shown third wherever it is shown.
COLUMNS = tuple(SHOWN_FRAMEWORKS)
# unit in the data -> (unit as the chart spells it, value format, scale applied first)
UNITS = {
    "percent": ("percent of respondents", "{:.0f}%", 1),
    "downloads": ("million downloads per month", "{:,.1f} M", 1e-6),
    "stars": ("stars", "{:,.0f}", 1),
    "people": ("people", "{:,.0f}", 1),
    "repositories": ("repositories", "{:,.0f}", 1),
}


def _names(data: SiteData) -> dict[str, str]:
    return {**{key: data.frameworks[key]["name"] for key in FRAMEWORKS}, "fastapi": FASTAPI}


def _when(point: dict) -> str:
    if "label" in point:
        return point["label"]
    day = dt.date.fromisoformat(point["as_of"])
    return f"{day.day} {day:%b %Y}"


def chart(data: SiteData, measure: dict) -> Chart:
    """The measure as grouped bars: one group per survey or snapshot, one bar per framework."""
    unit, value_format, scale = UNITS[measure["unit"]]
    names = _names(data)
    groups = tuple(
        Group(
            _when(point),
            tuple(
                Bar(names[key], point["values"][key] * scale, f"chart-{key}")
                for key in COLUMNS
                if key in point["values"]
            ),
        )
        for point in measure["points"]
    )
    return Chart(
        id=f"chart-{measure['id']}",
        title=f"{measure['name']}, from {measure['source_name']}",
        description=measure["what"].replace("`", ""),
        unit=unit,
        groups=groups,
        value_format=value_format,
        group_heading="Survey" if "label" in measure["points"][0] else "Recorded on",
        bar_heading="Framework",
    )


def _table(data: SiteData, measure: dict) -> str:
    """The numbers (phones scroll it sideways), then each row's sources as a list below."""
    unit, value_format, scale = UNITS[measure["unit"]]
    names = _names(data)
    head = "".join(f'<th scope="col">{html.escape(names[key])}</th>' for key in COLUMNS)
    rows, sources = [], []
    for point in measure["points"]:
        cells = "".join(
            f"<td>{html.escape(value_format.format(point['values'][key] * scale))}</td>"
            if key in point["values"]
            else "<td>none given</td>"
            for key in COLUMNS
        )
        when = html.escape(_when(point))
        rows.append(f'<tr data-point="{point["id"]}"><th scope="row">{when}</th>{cells}</tr>')
        note = f" {inline(point['note'])}" if "note" in point else ""
        sources.append(f"<li>{when}: {_sources(point, ', ')}.{note}</li>")
    first = "Survey" if "label" in measure["points"][0] else "Recorded on"
    return (
        f'<table data-measure="{measure["id"]}"><caption>'
        f"{html.escape(measure['name'])} ({html.escape(unit)})</caption><thead><tr>"
        f'<th scope="col">{first}</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p>Sources:</p><ul data-sources="{measure["id"]}">{"".join(sources)}</ul>'
    )


def _recorded(points: list[dict]) -> str:
    """When the numbers were read; the oldest reading of the measure counts."""
    oldest = min(point["verified"] for point in points)
    return (
        f'<p data-verified="{oldest}"><small>Read from the sources on {_date(oldest)}. '
        f"“{SECONDARY.capitalize()}” marks a source that reports numbers someone else "
        "published.</small></p>"
    )


def usage(data: SiteData, measure_id: str) -> str:
    """What the measure counts, its chart, what it does not measure, and the sourced numbers."""
    if measure_id not in data.usage:
        raise _allowed("measure id", measure_id, list(data.usage))
    measure = data.usage[measure_id]
    caveats = "".join(f"<li>{inline(text)}</li>" for text in measure["caveats"])
    return _block(
        f'<p data-what="{measure_id}">{inline(measure["what"])}</p>'
        f"{bar_chart(chart(data, measure))}"
        f'<p><strong>What it does not measure:</strong></p><ul data-caveats="{measure_id}">'
        f"{caveats}</ul>{_table(data, measure)}{_recorded(measure['points'])}"
    )
