"""Render the Performance page and How the benchmark was run from data/benchmarks.yml.

`make bench-frameworks` writes the file, with every measured run; medians, spreads and ratios
to Django (Flask ÷ Django under WSGI, FastAPI ÷ Django under ASGI) are computed here, at build
time, so they are said once.
macros/data.py loads and checks the file like every other data file.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from html import escape

from macros.charts import Bar, Chart, Group, bar_chart, data_table
from macros.data import BASELINE
from macros.data import SHOWN_FRAMEWORKS as NAMES
from macros.render import CARDS, MacroError, inline

TIMES, DASH = "\N{MULTIPLICATION SIGN}", "\N{EN DASH}"


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))


@dataclass(frozen=True)
class Benchmarks:
    data: dict

    @property
    def run(self) -> dict:
        return self.data["run"]

    @property
    def compared(self) -> list[str]:
        """The frameworks measured against Django, in the site's order: Flask, then FastAPI."""
        return [key for key in self.data["frameworks"] if key != BASELINE]

    def setup(self, setup_id: str) -> dict:
        return next(setup for setup in self.data["setups"] if setup["id"] == setup_id)

    def endpoints(self, waits: bool | None = None) -> list[dict]:
        """All endpoints, or those that wait (I/O) or compute."""
        return [e for e in self.data["endpoints"] if waits is None or e["waits"] == waits]

    def results(self, endpoint_id: str) -> list[dict]:
        """Every setup measured on an endpoint, Flask first, in the data's setup order."""
        order = [setup["id"] for setup in self.data["setups"]]
        found = [entry for entry in self.data["throughput"] if entry["endpoint"] == endpoint_id]
        return sorted(found, key=lambda entry: order.index(entry["setup"]))

    def pair(self, endpoint_id: str, framework: str = "flask") -> tuple[dict, dict]:
        """A framework's result and Django's on the same interface (Flask's under WSGI,
        FastAPI's under ASGI): the fair comparison."""
        if framework not in self.compared:
            raise MacroError(
                f"framework {framework!r} is not compared with Django in data/benchmarks.yml; "
                f"allowed: {', '.join(self.compared)}"
            )
        results = self.results(endpoint_id)
        for mine in results:
            if self.setup(mine["setup"])["framework"] != framework:
                continue
            for django in results:
                django_setup = self.setup(django["setup"])
                same = django_setup["interface"] == self.setup(mine["setup"])["interface"]
                if django_setup["framework"] == BASELINE and same:
                    return mine, django
        raise MacroError(f"no {NAMES[framework]} and Django pair for {endpoint_id!r}")

    def ratio(self, endpoint_id: str, framework: str = "flask") -> Spread:
        """The framework ÷ Django requests per second, round by round (runs of one round are
        paired)."""
        mine, django = self.pair(endpoint_id, framework)
        return Spread.of(
            [
                m["requests_per_s"] / d["requests_per_s"]
                for m, d in zip(mine["runs"], django["runs"], strict=True)
            ]
        )

    def server(self, framework: str) -> str:
        """The server, version and workers the framework is compared with Django under."""
        mine = self.pair(self.endpoints(waits=False)[0]["id"], framework)[0]
        return self.setup(mine["setup"])["server"]


# --- Rendering -----------------------------------------------------------------------------


def _number(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def _ratio(value: float) -> str:
    return f"{value:.2f}{TIMES}"


def _table(head: list[str], rows: list[list[str]], cards: bool = True) -> str:
    """Cells are HTML already (escaped by the caller); headers are plain text.

    With `cards`, the first cell heads its row and the others name their column
    (data-label), so on a phone each row becomes a card (extra.css) instead of scrolling.
    """

    def cell(index: int, content: str) -> str:
        if not cards:
            return f"<td>{content}</td>"
        if index == 0:
            return f'<th scope="row">{content}</th>'
        return f'<td data-label="{escape(head[index])}">{content}</td>'

    header = "".join(f'<th scope="col">{escape(name)}</th>' for name in head)
    body = "".join(
        "<tr>" + "".join(cell(index, content) for index, content in enumerate(row)) + "</tr>"
        for row in rows
    )
    attributes = f" {CARDS}" if cards else ""
    return f"<table{attributes}><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _css(framework: str) -> str:
    """The bar's colour class (docs/assets/stylesheets/charts.css)."""
    return f"chart-{framework}"


def _shown(framework: str) -> tuple[str, str]:
    """The framework and Django in the order the site shows them: Flask before Django,
    Django before FastAPI."""
    order = list(NAMES)
    keys = (framework, BASELINE)
    return keys if order.index(framework) < order.index(BASELINE) else keys[::-1]


def _pair_shown(bench: Benchmarks, endpoint_id: str, framework: str) -> tuple[dict, dict]:
    """`Benchmarks.pair`, in the order the site shows the two frameworks."""
    mine, django = bench.pair(endpoint_id, framework)
    return (mine, django) if _shown(framework)[0] == framework else (django, mine)


def _setup_label(bench: Benchmarks, setup_id: str) -> tuple[str, str]:
    setup = bench.setup(setup_id)
    return NAMES[setup["framework"]], f"{setup['interface']}: {setup['server']}"


def _setup_note(bench: Benchmarks, setup_id: str) -> str:
    """Interface and server name only, short enough for a bar's label on a phone; the
    tables give versions and workers."""
    setup = bench.setup(setup_id)
    return f"{setup['interface']}, {setup['server'].split()[0]}"


def _throughput_bar(bench: Benchmarks, entry: dict, with_note: bool) -> Bar:
    framework = bench.setup(entry["setup"])["framework"]
    note = _setup_note(bench, entry["setup"]) if with_note else ""
    spread = Spread.of([run["requests_per_s"] for run in entry["runs"]])
    return Bar(NAMES[framework], spread.median, _css(framework), note, spread.low, spread.high)


def lead(bench: Benchmarks) -> str:
    """The page's opening numbers: the range of each framework ÷ Django over the endpoints
    that work, Flask first."""
    computing = [endpoint["id"] for endpoint in bench.endpoints(waits=False)]
    sentences = []
    for framework in bench.compared:
        ratios = [bench.ratio(endpoint, framework).median for endpoint in computing]
        server = inline(bench.server(framework))
        sentences.append(
            f"{NAMES[framework]} answered {_ratio(min(ratios))} to {_ratio(max(ratios))} "
            f"as many requests per second as Django, both under {server}"
        )
    first, *others = sentences
    return (
        f"On the {len(computing)} endpoints that compute rather than wait, {first}, "
        f"measured on {inline(bench.run['date'])}."
        + "".join(f" {sentence}." for sentence in others)
    )


def ratios(bench: Benchmarks, framework: str = "flask") -> str:
    """Ratios first: the framework ÷ Django per endpoint, with the range over the paired
    rounds, and both median latencies in the site's order."""
    shown = _shown(framework)
    rows = []
    for endpoint in bench.endpoints():
        spread = bench.ratio(endpoint["id"], framework)
        p50 = [
            Spread.of([run["latency_p50_ms"] for run in result["runs"]]).median
            for result in _pair_shown(bench, endpoint["id"], framework)
        ]
        rows.append(
            [
                inline(endpoint["name"]),
                f"<strong>{_ratio(spread.median)}</strong>",
                f"{_ratio(spread.low)}{DASH}{_ratio(spread.high)}",
                *(f"{_number(value, 1)} ms" for value in p50),
            ]
        )
    head = [
        "Endpoint",
        f"{NAMES[framework]} ÷ Django, requests per second",
        "Range over rounds",
        *(f"Median latency, {NAMES[key]}" for key in shown),
    ]
    return _table(head, rows)


def throughput_chart(bench: Benchmarks, framework: str = "flask") -> str:
    shown = _shown(framework)
    groups = []
    for endpoint in bench.endpoints(waits=False):
        groups.append(
            Group(
                endpoint["name"],
                tuple(
                    _throughput_bar(bench, result, False)
                    for result in _pair_shown(bench, endpoint["id"], framework)
                ),
                f"{NAMES[framework]} ÷ Django "
                f"{_ratio(bench.ratio(endpoint['id'], framework).median)}",
            )
        )
    names = " and ".join(NAMES[key] for key in shown)
    return bar_chart(
        Chart(
            id=f"chart-throughput-{framework}",
            title=f"Throughput of the same work in {names}",
            description=(
                f"Median of {bench.run['repeats']} runs under {bench.server(framework)}; "
                "whiskers span the slowest and fastest run. Longer is better."
            ),
            unit="requests per second",
            groups=tuple(groups),
        )
    )


def io_chart(bench: Benchmarks) -> str:
    groups = tuple(
        Group(
            endpoint["name"],
            tuple(_throughput_bar(bench, entry, True) for entry in bench.results(endpoint["id"])),
        )
        for endpoint in bench.endpoints(waits=True)
    )
    return bar_chart(
        Chart(
            id="chart-io",
            title="Requests that wait 50 ms, by view type and server",
            description=(
                f"{bench.run['connections']} connections at once, {bench.run['workers']} workers "
                "per server. Median of the runs; whiskers span the slowest and fastest. "
                "Longer is better."
            ),
            unit="requests per second",
            groups=groups,
        )
    )


def absolute(bench: Benchmarks) -> str:
    """Every endpoint and setup: median requests per second, its range, latency, errors."""
    rows = []
    for endpoint in bench.endpoints():
        for entry in bench.results(endpoint["id"]):
            name, server = _setup_label(bench, entry["setup"])
            runs = entry["runs"]
            rps = Spread.of([run["requests_per_s"] for run in runs])
            p50, p99 = (
                _number(statistics.median(run[field] for run in runs), 1)
                for field in ("latency_p50_ms", "latency_p99_ms")
            )
            rows.append(
                [
                    inline(endpoint["name"]),
                    f"{name}<br><small>{inline(server)}</small>",
                    f"{_number(rps.median)}<br>"
                    f"<small>{_number(rps.low)}{DASH}{_number(rps.high)}</small>",
                    f"{p50} ms<br><small>{p99} ms</small>",
                    _number(sum(run["errors"] for run in runs)),
                ]
            )
    head = [
        "Endpoint",
        "Framework and server",
        "Requests per second: median, range",
        "Latency: p50, p99",
        "Errors",
    ]
    return _table(head, rows)


def _setup_bar(bench: Benchmarks, setup_id: str, value: float) -> Bar:
    framework = bench.setup(setup_id)["framework"]
    return Bar(NAMES[framework], value, _css(framework), _setup_note(bench, setup_id))


def _details(summary: str, content: str) -> str:
    return f'<details class="chart-data"><summary>{escape(summary)}</summary>{content}</details>'


def _with_table(chart: Chart) -> str:
    return bar_chart(chart) + _details(f"{chart.title}: the numbers", data_table(chart))


def batteries(bench: Benchmarks) -> str:
    """What each stack installs, then how long each takes to be ready and what it holds."""
    install = Chart(
        id="chart-install",
        title="Installed size, with every dependency",
        description="What pip install puts on disk. Shorter is lighter.",
        unit="MiB",
        groups=tuple(
            Group(
                entry["label"],
                (
                    Bar(
                        NAMES[entry["framework"]],
                        entry["size_mib"],
                        _css(entry["framework"]),
                        f"{entry['distributions']} distributions",
                    ),
                ),
            )
            for entry in bench.data["install"]
        ),
        value_format="{:,.1f}",
    )
    install_rows = [
        [
            inline(entry["label"]),
            _number(entry["distributions"]),
            _number(entry["size_mib"], 1),
            "<small>"
            + ", ".join(f"<code>{escape(package)}</code>" for package in entry["packages"])
            + "</small>",
        ]
        for entry in bench.data["install"]
    ]
    install_table = _table(
        ["What you install", "Distributions", "Installed size, MiB", "Packages"], install_rows
    )
    load_app = {entry["framework"]: entry["ms"] for entry in bench.data["load_app"]}
    startup = bench.data["startup"]
    ready = Chart(
        id="chart-ready",
        title="Time to be ready",
        description=(
            "Median of fresh starts: importing the framework and building the app in a new "
            "Python process, and starting each server until its first 200 response. "
            "Shorter is faster."
        ),
        unit="milliseconds",
        groups=(
            Group(
                "Import and build the app",
                tuple(
                    Bar(NAMES[key], statistics.median(load_app[key]), _css(key))
                    for key in bench.data["frameworks"]
                ),
            ),
            Group(
                "Start the server to first 200 response",
                tuple(
                    _setup_bar(bench, entry["setup"], statistics.median(entry["first_response_ms"]))
                    for entry in startup
                ),
            ),
        ),
        group_heading="Measure",
        bar_heading="Framework",
    )
    memory = Chart(
        id="chart-memory",
        title="Memory per worker after the load",
        description="Median resident set size of each server's workers. Shorter is lighter.",
        unit="MiB",
        groups=(
            Group(
                "Resident memory per worker",
                tuple(
                    _setup_bar(bench, entry["setup"], statistics.median(entry["worker_rss_mib"]))
                    for entry in startup
                ),
            ),
        ),
        value_format="{:,.1f}",
        group_heading="Measure",
        bar_heading="Framework and server",
    )
    return install_table + bar_chart(install) + _with_table(ready) + _with_table(memory)


def conditions(bench: Benchmarks) -> str:
    """Where, when and how: machine, load, database, load generator, versions, setups."""
    run, machine = bench.run, bench.data["machine"]
    load_before = " / ".join(str(value) for value in run["load_average_before"])
    load_after = " / ".join(str(value) for value in run["load_average_after"])
    rows = [
        ["Date", inline(run["date"])],
        [
            "CPU",
            f"{inline(machine['cpu'])}, {machine['cores']} cores"
            + (", in a virtual machine" if machine["virtual_machine"] else ""),
        ],
        ["Memory", f"{machine['memory_gib']} GiB"],
        [
            "System",
            f"{inline(machine['os'])}, Linux {inline(machine['kernel'])}, "
            f"Python {inline(machine['python'])}",
        ],
        ["Load average (1 / 5 / 15 min)", f"{load_before} before, {load_after} after"],
        ["Database", inline(run["database"]) + " on 127.0.0.1"],
        [
            "Load generator",
            f"{inline(run['load_generator'])}, {run['connections']} connections, "
            "in its own process on 127.0.0.1",
        ],
        [
            "Each run",
            f"{run['warmup_s']} s warm-up (discarded), then {run['duration_s']} s or "
            f"{_number(run['max_requests'])} requests, whichever comes first",
        ],
        [
            "Rounds",
            f"{run['repeats']}, the frameworks interleaved endpoint by endpoint, "
            "the order rotated every round",
        ],
        [
            "Versions",
            ", ".join(
                f"{inline(name)} {inline(version)}"
                for name, version in bench.data["versions"].items()
            ),
        ],
        ["Command", f"<code>{escape(run['command'])}</code>"],
    ]
    setups = [
        [
            escape(NAMES[setup["framework"]]),
            escape(setup["interface"]),
            inline(setup["server"]),
            f"<code>{escape(setup['command'])}</code>",
        ]
        for setup in bench.data["setups"]
    ]
    endpoints = [
        [
            f"<code>{escape(endpoint['path'])}</code>",
            inline(endpoint["name"]),
            inline(endpoint["work"]),
            _number(endpoint["response_bytes"]),
        ]
        for endpoint in bench.data["endpoints"]
    ]
    return (
        _table(["Condition", "Value"], rows, cards=False)
        + _table(["Framework", "Interface", "Server and workers", "Command"], setups)
        + _table(["Path", "Endpoint", "What it does", "Response bytes"], endpoints)
    )


def fact(bench: Benchmarks, name: str) -> str:
    """One value of the run for prose, e.g. 'minutes' for how long a full run takes."""
    run = bench.run
    facts = {
        "date": run["date"],
        "minutes": str(max(1, round(run["elapsed_s"] / 60))),
        "repeats": str(run["repeats"]),
        "cores": str(bench.data["machine"]["cores"]),
        "workers": str(run["workers"]),
        "connections": str(run["connections"]),
        **{key: bench.data["versions"][key] for key in bench.data["frameworks"]},
    }
    if name not in facts:
        raise MacroError(f"unknown benchmark fact {name!r}; allowed: {', '.join(facts)}")
    return inline(facts[name])
