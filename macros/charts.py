"""Horizontal bar charts as inline SVG, built when the site is built: data in, markup out.

Pure functions, no page engine: any page or data file can use them. The SVG has no
viewBox, so it never scales its text: bars are placed in percentages of the width and
text in CSS pixels, and the chart stays readable from a phone to a desktop. Colours come
from CSS classes (see charts.css) so light and dark schemes both work, and bars are
always labelled in text, never told apart by colour alone.

Accessibility: the SVG is role="img" with a <title> and a <desc> that reads out every
value; `data_table()` renders the same groups as a table for readers who want numbers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

# Vertical rhythm, in CSS pixels.
GROUP_LABEL = 22  # a group's heading line
BAR_LABEL = 17  # the line naming a bar, above it
BAR = 14  # the bar itself
BAR_GAP = 9  # space after each bar
GROUP_GAP = 10  # space after each group
LONGEST = 76  # % of the width the largest value fills; the rest holds its value text
DASH = "\N{EN DASH}"


@dataclass(frozen=True)
class Bar:
    """One measurement. `low`/`high` draw its spread as a whisker; `css_class` colours it."""

    label: str
    value: float
    css_class: str = ""
    note: str = ""  # shown after the label, e.g. the server setup
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Group:
    """Bars that belong together, e.g. one endpoint; `ratio` labels the group ('2.1 times')."""

    label: str
    bars: tuple[Bar, ...]
    ratio: str = ""


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str  # what the chart shows and how to read it, one or two sentences
    unit: str  # spelled out in the text alternative: "requests per second"
    groups: tuple[Group, ...]
    value_format: str = "{:,.0f}"
    group_heading: str = "Group"  # the data table's column names
    bar_heading: str = "Bar"

    def value(self, number: float) -> str:
        return self.value_format.format(number)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _pct(value: float, largest: float) -> float:
    return round(value / largest * LONGEST, 2) if largest > 0 else 0.0


def _line(x1: str, x2: str, y1: float, y2: float) -> str:
    return f'<line class="chart-spread" x1="{x1}" x2="{x2}" y1="{y1}" y2="{y2}"/>'


def _text_alternative(chart: Chart) -> str:
    """Every value in words, for the <desc>: what a screen reader announces."""
    parts = []
    for group in chart.groups:
        bars = "; ".join(
            f"{bar.label}{f' ({bar.note})' if bar.note else ''}: {chart.value(bar.value)}"
            + (
                f" (from {chart.value(bar.low)} to {chart.value(bar.high)})"
                if bar.low is not None and bar.high is not None
                else ""
            )
            for bar in group.bars
        )
        ratio = f", {group.ratio}" if group.ratio else ""
        parts.append(f"{group.label}{ratio}: {bars}.")
    return f"{chart.description} Values in {chart.unit}. " + " ".join(parts)


def bar_chart(chart: Chart) -> str:
    """The chart as a <figure> holding an inline SVG and a caption."""
    if not chart.groups or not all(group.bars for group in chart.groups):
        raise ValueError(f"chart {chart.id!r}: every group needs at least one bar")
    largest = max(
        max(bar.value, bar.high if bar.high is not None else bar.value)
        for group in chart.groups
        for bar in group.bars
    )
    body: list[str] = []
    y = 0
    for group in chart.groups:
        y += GROUP_LABEL
        ratio = f'<tspan class="chart-ratio"> · {_e(group.ratio)}</tspan>' if group.ratio else ""
        body.append(f'<text class="chart-group" x="0" y="{y - 6}">{_e(group.label)}{ratio}</text>')
        for bar in group.bars:
            y += BAR_LABEL
            note = f'<tspan class="chart-note"> · {_e(bar.note)}</tspan>' if bar.note else ""
            body.append(f'<text class="chart-label" x="0" y="{y - 4}">{_e(bar.label)}{note}</text>')
            width = _pct(bar.value, largest)
            classes = " ".join(["chart-bar", bar.css_class]).strip()
            body.append(
                f'<rect class="{classes}" x="0" y="{y}" width="{width}%" height="{BAR}" rx="2"/>'
            )
            end = width
            if bar.low is not None and bar.high is not None:
                low, high = _pct(bar.low, largest), _pct(bar.high, largest)
                middle = y + BAR / 2
                body += [
                    _line(f"{low}%", f"{high}%", middle, middle),
                    _line(f"{low}%", f"{low}%", y + 3, y + BAR - 3),
                    _line(f"{high}%", f"{high}%", y + 3, y + BAR - 3),
                ]
                end = max(end, high)
            body.append(
                f'<text class="chart-value" x="{end}%" dx="6" y="{y + BAR - 2}">'
                f"{_e(chart.value(bar.value))}</text>"
            )
            y += BAR + BAR_GAP
        y += GROUP_GAP
    title_id, desc_id = f"{chart.id}-title", f"{chart.id}-desc"
    return (
        f'<figure class="chart" id="{_e(chart.id)}">'
        f"<figcaption>{_e(chart.title)} ({_e(chart.unit)})</figcaption>"
        f'<svg role="img" width="100%" height="{y}" aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">{_e(chart.title)}</title>'
        f'<desc id="{desc_id}">{_e(_text_alternative(chart))}</desc>'
        f"{''.join(body)}</svg>"
        "</figure>"
    )


def data_table(chart: Chart) -> str:
    """The chart's numbers as a plain table (Material styles it like any Markdown table)."""
    spread = any(bar.low is not None for group in chart.groups for bar in group.bars)
    ratio = any(group.ratio for group in chart.groups)
    head = [chart.group_heading, chart.bar_heading, chart.unit.capitalize()]
    head += ["Spread"] if spread else []
    head += ["Ratio"] if ratio else []
    rows = []
    for group in chart.groups:
        for index, bar in enumerate(group.bars):
            label = bar.label + (f" ({bar.note})" if bar.note else "")
            cells = [group.label if index == 0 else "", label, chart.value(bar.value)]
            if spread:
                has = bar.low is not None and bar.high is not None
                cells.append(f"{chart.value(bar.low)}{DASH}{chart.value(bar.high)}" if has else "")
            if ratio:
                cells.append(group.ratio if index == 0 else "")
            rows.append("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in cells) + "</tr>")
    header = "".join(f'<th scope="col">{_e(cell)}</th>' for cell in head)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
