"""Check that every quoted citation is really in the docs of the release it links.

A citation is a source with a `quote`: a short passage copied from the cited page.
Official documentation pages are built from files that ship inside each
project's source distribution (Django's `docs/**/*.txt`, the Pallets projects'
`docs/*.rst`). This module maps a docs URL to that file in the sdist of the
release the URL names, pinned with its sha256 in `requirements-docs-sources.txt`,
and looks for the quote there once reST / Markdown markup is stripped and
whitespace collapsed. Bumping a pin therefore re-checks every quote about it.

Sources the checker cannot map (a blog, a discussion thread) say `kind: secondary`;
their quote is kept and shown, but not checked.

    python -m scripts.quotes            check every quote in data/*.yml and docs/**/*.md
    python -m scripts.quotes fetch      download the pinned sdists into the cache

The sdists are downloaded once with pip and unpacked under $FVD_CACHE
(default ~/.cache/flask-vs-django/docs-sources); after that nothing needs the network.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
PINS_FILE = ROOT / "requirements-docs-sources.txt"
DATA_DIR = ROOT / "data"
DOCS_DIR = ROOT / "docs"

# Docs sites whose pages are built from the sdist's docs/ folder: host -> distribution.
# Django's paths end in .txt; Sphinx projects use .rst (or .md with MyST).
DOCS_SITES = {
    "docs.djangoproject.com": "Django",
    "flask.palletsprojects.com": "Flask",
    "werkzeug.palletsprojects.com": "Werkzeug",
    "jinja.palletsprojects.com": "Jinja2",
    "flask-sqlalchemy.palletsprojects.com": "Flask-SQLAlchemy",
    "flask-wtf.readthedocs.io": "Flask-WTF",
}
# GitHub repositories whose files at a release tag ship in that release's sdist.
REPOSITORIES = {
    "django/django": "Django",
    "encode/django-rest-framework": "djangorestframework",
    "pallets/flask": "Flask",
    "pallets/werkzeug": "Werkzeug",
    "pallets/jinja": "Jinja2",
    "pallets-eco/flask-sqlalchemy": "Flask-SQLAlchemy",
    "pallets-eco/flask-wtf": "Flask-WTF",
    "pallets-eco/flask-admin": "Flask-Admin",
    "python-babel/flask-babel": "Flask-Babel",
    "maxcountryman/flask-login": "Flask-Login",
    # FastAPI's docs site is built from docs/en/docs/, which its sdist does not ship;
    # the README, its source docstrings and Starlette's docs/ do ship, at these tags.
    "fastapi/fastapi": "fastapi",
    "kludex/starlette": "starlette",
}
DOC_SUFFIXES = (".txt", ".rst", ".md")
# Hosts whose citations must be checked: the schemas and the rules below require it.
OFFICIAL_DOCS = re.compile(r"^(docs\.djangoproject\.com|[a-z0-9-]+\.palletsprojects\.com)$")


class QuoteError(Exception):
    """A citation that cannot be checked or whose quote is not found: one line."""


@dataclass(frozen=True, order=True)
class Pin:
    name: str
    version: str
    sha256: str

    @property
    def key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", self.version))

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


@dataclass(frozen=True)
class Citation:
    """One source of one data entry (or one link on a page)."""

    where: str  # "data/comparison.yml: dimensions 'csrf'"
    url: str
    quote: str
    kind: str = "official"


@dataclass(frozen=True)
class Target:
    """The file a URL is built from, inside one pinned release."""

    pin: Pin
    page: str  # what the URL names: "docs/ref/csrf" (any suffix, or /index) or "README.md"
    candidates: tuple[str, ...]  # sdist-relative paths; the first that exists is read


# --- pins -----------------------------------------------------------------


def read_pins(path: Path = PINS_FILE) -> list[Pin]:
    """`Name==1.2.3 --hash=sha256:<hex>` lines; comments and blank lines ignored."""
    pins = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)\s+--hash=sha256:([0-9a-f]{64})", line)
        if not match:
            raise QuoteError(
                f"{_shown(path)}:{number}: expected 'Name==version --hash=sha256:<64 hex>'"
            )
        pins.append(Pin(*match.groups()))
    return pins


def _pins_of(pins: list[Pin], name: str) -> list[Pin]:
    return sorted((pin for pin in pins if pin.name.lower() == name.lower()), key=lambda p: p.key)


def resolve_release(pins: list[Pin], name: str, label: str, url: str) -> Pin:
    """The pinned release a URL's version segment names.

    'stable' is the newest pin; '6.1' and '3.1.x' name a series (one pin each);
    '3.1.3' or 'v3.1.3' an exact release. Anything else ('latest', 'dev', 'main')
    moves with every commit and cannot be checked.
    """
    known = _pins_of(pins, name)
    series = re.fullmatch(r"v?(\d+\.\d+)(?:\.x)?", label)
    exact = re.fullmatch(r"v?(\d+\.\d+\.\d+)", label)
    if label == "stable" and known:
        return known[-1]
    if series:
        chosen = [pin for pin in known if pin.version.startswith(series.group(1) + ".")]
        if len(chosen) == 1:
            return chosen[0]
    elif exact:
        chosen = [pin for pin in known if pin.version == exact.group(1)]
        if chosen:
            return chosen[0]
    pinned = ", ".join(pin.version for pin in known) or "none"
    raise QuoteError(
        f"{url} names {name} '{label}', which {PINS_FILE.name} does not pin (pinned: {pinned})"
    )


# --- URL -> file ------------------------------------------------------------


def locate(url: str, pins: list[Pin]) -> Target | None:
    """The file a URL is built from, or None when the URL is not one the checker maps."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    segments = [s for s in PurePosixPath(parts.path).parts if s != "/"]
    if host in DOCS_SITES:
        name = DOCS_SITES[host]
        if segments[:1] == ["page"]:  # Pallets' version-less links: /page/changes/
            segments = ["en", "stable", *segments[1:]]
        if len(segments) < 2 or segments[0] != "en":
            raise QuoteError(f"{url}: expected a versioned docs URL such as /en/stable/...")
        pin = resolve_release(pins, name, segments[1], url)
        page = "/".join(["docs", *segments[2:]])
        bases = (page, f"{page}/index") if segments[2:] else (f"{page}/index",)
        return Target(pin, page, tuple(base + suffix for base in bases for suffix in DOC_SUFFIXES))
    if host == "github.com" and len(segments) >= 5 and segments[2] == "blob":
        repository = f"{segments[0]}/{segments[1]}".lower()
        if repository in REPOSITORIES:
            pin = resolve_release(pins, REPOSITORIES[repository], segments[3], url)
            path = "/".join(segments[4:])
            return Target(pin, path, (path,))
    return None


def is_official_docs(url: str) -> bool:
    return bool(OFFICIAL_DOCS.match(urlsplit(url).hostname or ""))


# --- text ---------------------------------------------------------------------

_ROLE_WITH_TITLE = re.compile(r":[\w.+:-]+:`([^`]*?)\s*<[^`>]*>`")
_ROLE = re.compile(r":([\w.+:-]+):`!?(~?)([^`]*)`")
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]*>`__?")
_NAMED_REF = re.compile(r"`([^`]+)`__?")
_BARE_REF = re.compile(r"(?<![\w`])([A-Za-z][\w.-]*?)__?(?!\w)")  # "see Jinja2_." -> "Jinja2"
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_MARKDOWN_SHORTCUT = re.compile(r"\[([^\]\n]+)\](?!:)")  # "[WSGI] web", defined elsewhere
_BULLET = re.compile(r"^[ \t]*(?:[*+-]|#\.|\d+\.)[ \t]+", re.MULTILINE)  # list items
_UNDERLINE = re.compile(r"^\s*([=\-~^\"'`#*+<>_.])\1{2,}\s*$", re.MULTILINE)
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",  # curly single quotes
        "\u2019": "'",
        "\u201c": '"',  # curly double quotes
        "\u201d": '"',
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u00a0": " ",  # no-break space
        "\u2026": "...",
    }
)


def _role(match: re.Match) -> str:
    """:class:`~a.b.C` shows "C", :attr:`.a.b` "a.b", :func:`f` "f()" (as Sphinx renders them)."""
    name, tilde, target = match.groups()
    shown = target.rsplit(".", 1)[-1] if tilde else target.lstrip(".")
    if name.rsplit(":", 1)[-1] in ("func", "meth") and not shown.endswith(")"):
        shown += "()"
    return shown


def plain(text: str) -> str:
    """Text as a reader sees it on the page: markup gone, typography and spaces folded.

    Applied to the source file and to the quote alike, so a quote copied from the
    rendered page (curly quotes, en dashes) matches the reST it was built from.
    """
    text = _UNDERLINE.sub(" ", text)
    text = _BULLET.sub("", text)
    text = _ROLE_WITH_TITLE.sub(r"\1", text)
    text = _ROLE.sub(_role, text)
    text = _LINK.sub(r"\1", text)
    text = _MARKDOWN_LINK.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _MARKDOWN_SHORTCUT.sub(r"\1", text)
    text = text.replace("``", "")
    text = _NAMED_REF.sub(r"\1", text)
    text = _BARE_REF.sub(r"\1", text)
    text = re.sub(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|`", "", text)
    text = text.replace("\\ ", "")  # reST's escaped space joins words: ``x``\ s -> xs
    text = re.sub(r"\\(.)", r"\1", text).translate(_TYPOGRAPHY)
    text = re.sub(r"-{2,}", "-", text)
    return " ".join(text.split())


def _read_with_includes(path: Path, depth: int = 0) -> str:
    """A reST file with its `.. include::` / `.. literalinclude::` files inlined."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if depth > 3:
        return text

    def include(match: re.Match) -> str:
        target = (path.parent / match.group(1).strip()).resolve()
        return _read_with_includes(target, depth + 1) if target.is_file() else match.group(0)

    return re.sub(r"^\.\. (?:literal)?include:: (.+)$", include, text, flags=re.MULTILINE)


# --- the cache of unpacked sdists -----------------------------------------------


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "flask-vs-django" / "docs-sources"
    return Path(os.environ.get("FVD_CACHE") or default)


class Store:
    """Unpacked, hash-checked sdists; downloads with pip what the cache lacks."""

    def __init__(self, pins: list[Pin] | None = None, root: Path | None = None) -> None:
        self.pins = read_pins() if pins is None else pins
        self.root = root or cache_dir()

    def tree(self, pin: Pin) -> Path:
        folder = self.root / f"{pin.name}-{pin.version}"
        stamp = folder / ".sha256"
        if not (stamp.is_file() and stamp.read_text().strip() == pin.sha256):
            self._download(pin, folder)
        return folder

    def missing(self) -> list[Pin]:
        return [pin for pin in self.pins if not (self.root / f"{pin.name}-{pin.version}").is_dir()]

    def _download(self, pin: Pin, folder: Path) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.root) as scratch:
            scratch = Path(scratch)
            result = subprocess.run(  # noqa: S603 - fixed arguments, pinned names
                [
                    sys.executable, "-m", "pip", "download", "--quiet",
                    "--disable-pip-version-check", "--no-deps", "--no-binary", ":all:",
                    "--ignore-requires-python", "--dest", str(scratch / "dl"),
                    f"{pin.name}=={pin.version}",
                ],
                capture_output=True,
                text=True,
                check=False,
            )  # fmt: skip
            archives = list((scratch / "dl").glob("*")) if result.returncode == 0 else []
            if len(archives) != 1:
                reason = (result.stderr.strip().splitlines() or ["no archive"])[-1]
                raise QuoteError(f"cannot download the sdist of {pin}: {reason}")
            digest = hashlib.sha256(archives[0].read_bytes()).hexdigest()
            if digest != pin.sha256:
                raise QuoteError(
                    f"{archives[0].name}: sha256 {digest} does not match the pin in "
                    f"{PINS_FILE.name} ({pin.sha256}); re-pin only after checking the release"
                )
            shutil.unpack_archive(archives[0], scratch / "src", filter="data")
            (top,) = (scratch / "src").iterdir()  # an sdist holds one <name>-<version>/ folder
            (top / ".sha256").write_text(pin.sha256 + "\n")
            shutil.rmtree(folder, ignore_errors=True)
            top.rename(folder)

    @functools.cache  # noqa: B019 - one store per run, files never change
    def text(self, pin: Pin, relative: str) -> str | None:
        path = self.tree(pin) / relative
        return plain(_read_with_includes(path)) if path.is_file() else None


# --- checking -------------------------------------------------------------------


def check(citation: Citation, store: Store) -> str | None:
    """None when the citation holds; otherwise the one line that says why not."""
    try:
        target = locate(citation.url, store.pins)
    except QuoteError as error:
        return f"{citation.where}: {error}"
    if target is None:
        if is_official_docs(citation.url):
            return (
                f"{citation.where}: {citation.url}: official docs the checker cannot map; add the "
                f"project to DOCS_SITES in scripts/quotes.py and pin it in {PINS_FILE.name}"
            )
        if citation.kind == "secondary":
            return None
        return (
            f"{citation.where}: {citation.url}: cannot be machine-checked; cite the official docs "
            "of a pinned release, or mark the source `kind: secondary`"
        )
    if citation.kind == "secondary":
        return f"{citation.where}: {citation.url}: is machine-checked; remove `kind: secondary`"
    for relative in target.candidates:
        try:
            text = store.text(target.pin, relative)
        except QuoteError as error:
            return f"{citation.where}: {error}"
        if text is not None:
            if plain(citation.quote) in text:
                return None
            return (
                f"{citation.where}: {citation.url} ({target.pin}, {relative}): quote not found: "
                f"“{_first_words(citation.quote)}”"
            )
    return f"{citation.where}: {citation.url}: {target.pin} has no file for {target.page}"


def _first_words(quote: str, count: int = 8) -> str:
    words = quote.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def data_citations(data_dir: Path = DATA_DIR) -> list[Citation]:
    """Every quoted source of every entry in every data file."""
    found = []
    for path in sorted(data_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry, source in _sources(data, "(top level)"):
            if isinstance(source, dict) and source.get("quote"):
                found.append(
                    Citation(
                        f"{_shown(path)}: {entry}",
                        source["url"],
                        source["quote"],
                        source.get("kind", "official"),
                    )
                )
    return found


def _sources(node: object, entry: str, parent: str = "") -> Iterator[tuple[str, object]]:
    """(entry name, source) pairs; an entry is named by its list and id: "facts 'x'"."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str) and parent:
            entry = f"{parent} '{node['id']}'"
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                yield from ((entry, source) for source in value)
            else:
                yield from _sources(value, entry, key)
    elif isinstance(node, list):
        for item in node:
            yield from _sources(item, entry, parent)


def citation_kind(url: str, pins: list[Pin]) -> str:
    """'official' for a URL the checker reads (or must read), else 'secondary'."""
    try:
        mapped = locate(url, pins) is not None
    except QuoteError:
        mapped = True  # a docs URL with an unpinned version: check() names the problem
    return "official" if mapped or is_official_docs(url) else "secondary"


_MARKDOWN_TARGET = re.compile(
    r"\]\((https://[^\s)]+)(?:\s+(?:\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'))?\)"
)


def markdown_links(markdown: str) -> list[tuple[str, str | None]]:
    """(url, title) of every inline https link: `[text](https://... "the quote")`."""
    return [
        (match[1], re.sub(r"\\(.)", r"\1", title) if (title := match[2] or match[3]) else None)
        for match in _MARKDOWN_TARGET.finditer(markdown)
    ]


def markdown_citations(markdown: str, where: str, pins: list[Pin]) -> list[Citation]:
    """Links with a title in a Markdown page: the title is the quote of the linked page.

    A link the checker cannot map (a blog post) counts as secondary: a page has no
    `kind` field, and its quote is still shown to the reader.
    """
    return [
        Citation(where, url, quote, citation_kind(url, pins))
        for url, quote in markdown_links(markdown)
        if quote
    ]


def page_citations(pins: list[Pin], docs_dir: Path = DOCS_DIR) -> list[Citation]:
    """Every quoted link on every page."""
    return [
        citation
        for page in sorted(docs_dir.rglob("*.md"))
        for citation in markdown_citations(page.read_text(encoding="utf-8"), _shown(page), pins)
    ]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str]) -> int:
    store = Store()
    if argv[:1] == ["fetch"]:
        for pin in store.pins:
            store.tree(pin)
        print(f"{len(store.pins)} sdists in {store.root}")
        return 0
    citations = data_citations() + page_citations(store.pins)
    problems = [line for citation in citations if (line := check(citation, store))]
    for line in problems:
        print(f"ERROR: {line}", file=sys.stderr)
    checked = sum(1 for c in citations if c.kind != "secondary")
    print(f"{len(citations)} quotes, {checked} machine-checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except QuoteError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        sys.exit(1)
