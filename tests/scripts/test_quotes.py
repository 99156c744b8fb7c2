"""The quote checker: every quoted source is found in the docs of the release it links.

The unit tests build a tiny unpacked "sdist" in a temporary cache, so they need no
network. The real-data test checks every quote in data/*.yml and every quoted link
in docs/ against the pinned sdists (downloaded once by pip into the cache; in CI a
download that fails is a failure).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from scripts import quotes
from scripts.quotes import Citation, Pin, Store

PAGE = """\
Security Considerations
=======================

Host checking
-------------

The :data:`TRUSTED_HOSTS` config can be used to restrict the hosts the app
serves. If it is ``None``, all hosts are valid. See :ref:`the proxy fix guide
<proxy-fix>` and `Werkzeug's routing <https://werkzeug.palletsprojects.com/>`_,
then call :meth:`~flask.Flask.run` with **debug** off --- never in production.
"""
README = "Flask-Admin is a [Flask](https://flask.palletsprojects.com) extension for `admin`s.\n"


# The one release the test store holds: made up, so that no real release bump matters here.
RELEASE, SERIES = "2.9.4", "2.9.x"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A cache holding one unpacked release, as Store.tree leaves it after a download."""
    pin = Pin("Flask", RELEASE, hashlib.sha256(b"flask.tar.gz").hexdigest())
    tree = tmp_path / f"{pin.name}-{pin.version}"
    (tree / "docs" / "deploying").mkdir(parents=True)
    (tree / "docs" / "web-security.rst").write_text(PAGE)
    (tree / "docs" / "deploying" / "index.rst").write_text("Deploying\n=========\n\nUse WSGI.\n")
    (tree / "README.md").write_text(README)
    (tree / ".sha256").write_text(pin.sha256 + "\n")
    return Store([pin], tmp_path)


def cite(url: str, quote: str, kind: str = "official") -> Citation:
    return Citation("data/x.yml: dimensions 'hosts'", url, quote, kind)


SECURITY = "https://flask.palletsprojects.com/en/stable/web-security/#host-checking"


def test_a_quote_that_is_there_passes(store: Store) -> None:
    assert quotes.check(cite(SECURITY, "If it is None, all hosts are valid."), store) is None


def test_a_changed_word_fails_with_one_line_naming_entry_url_release_and_quote(
    store: Store,
) -> None:
    line = quotes.check(cite(SECURITY, "If it is None, no hosts are valid at all here."), store)
    assert line == (
        f"data/x.yml: dimensions 'hosts': {SECURITY} (Flask {RELEASE}, docs/web-security.rst): "
        "quote not found: “If it is None, no hosts are valid…”"
    )


def test_a_version_with_no_pinned_release_fails_with_a_clear_line(store: Store) -> None:
    url = "https://flask.palletsprojects.com/en/2.3.x/web-security/"
    line = quotes.check(cite(url, "If it is None, all hosts are valid."), store)
    assert line == (
        f"data/x.yml: dimensions 'hosts': {url} names Flask '2.3.x', which "
        f"requirements-docs-sources.txt does not pin (pinned: {RELEASE})"
    )


@pytest.mark.parametrize(
    "quote",
    [
        "The TRUSTED_HOSTS config can be used to restrict the hosts the app serves.",
        "See the proxy fix guide and Werkzeug's routing, then call run() with debug off",
        # copied from the rendered page: Sphinx's curly quotes and em dash
        "the proxy fix guide and Werkzeug\u2019s routing, then call run() with debug off \u2014",
    ],
)
def test_markup_in_the_source_does_not_hide_a_real_match(store: Store, quote: str) -> None:
    assert quotes.check(cite(SECURITY, quote), store) is None


def test_a_folder_url_reads_its_index_page(store: Store) -> None:
    url = f"https://flask.palletsprojects.com/en/{SERIES}/deploying/"
    assert quotes.check(cite(url, "Use WSGI."), store) is None


def test_a_repository_file_at_a_release_tag_is_read_from_that_sdist(store: Store) -> None:
    url = f"https://github.com/pallets/flask/blob/{RELEASE}/README.md"
    assert quotes.check(cite(url, "Flask-Admin is a Flask extension for admins."), store) is None
    line = quotes.check(cite("https://github.com/pallets/flask/blob/main/README.md", "x"), store)
    assert "names Flask 'main', which requirements-docs-sources.txt does not pin" in line


def test_a_page_missing_from_the_release_fails_naming_the_page(store: Store) -> None:
    url = "https://flask.palletsprojects.com/en/stable/no-such-page/"
    line = quotes.check(cite(url, "Anything."), store)
    assert line.endswith(f"{url}: Flask {RELEASE} has no file for docs/no-such-page")


def test_unmappable_sources_must_say_they_are_secondary(store: Store) -> None:
    blog = "https://engineering.example.com/how-we-use-flask"
    assert "mark the source `kind: secondary`" in quotes.check(cite(blog, "We use Flask."), store)
    assert quotes.check(cite(blog, "We use Flask.", "secondary"), store) is None
    assert "remove `kind: secondary`" in quotes.check(
        cite(SECURITY, "If it is None, all hosts are valid.", "secondary"), store
    )
    unmapped_docs = "https://itsdangerous.palletsprojects.com/en/stable/"
    assert "official docs the checker cannot map" in quotes.check(
        cite(unmapped_docs, "Sign data.", "secondary"), store
    )


def test_citations_are_read_from_every_data_file_with_their_entry(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(
        "facts:\n  - id: one\n    sources:\n"
        "      - {title: T, url: 'https://a.example/', quote: Q1, kind: secondary}\n"
        "questions:\n  - id: q\n    answers:\n      - id: two\n        sources:\n"
        "          - {title: T, url: 'https://b.example/', quote: Q2}\n"
    )
    found = quotes.data_citations(tmp_path)
    assert [(c.where.split(": ")[1], c.url, c.quote, c.kind) for c in found] == [
        ("facts 'one'", "https://a.example/", "Q1", "secondary"),
        ("answers 'two'", "https://b.example/", "Q2", "official"),
    ]


def test_quoted_links_are_read_from_markdown(store: Store) -> None:
    markdown = (
        f'Hosts ([Security]({SECURITY}\n"If it is \\"None\\", all valid")), '
        "[blog](https://blog.example/ 'We use \"Flask\".'), [bare](https://flask.palletsprojects.com/)"
        " and [local](y.md)."
    )
    assert quotes.markdown_links(markdown) == [
        (SECURITY, 'If it is "None", all valid'),
        ("https://blog.example/", 'We use "Flask".'),
        ("https://flask.palletsprojects.com/", None),
    ]
    assert quotes.markdown_citations(markdown, "p.md", store.pins) == [
        Citation("p.md", SECURITY, 'If it is "None", all valid'),
        Citation("p.md", "https://blog.example/", 'We use "Flask".', "secondary"),
    ]


# --- the real data ----------------------------------------------------------------

PINS = quotes.read_pins()
CITATIONS = quotes.data_citations() + quotes.page_citations(PINS)
PAGES = sorted(str(page.relative_to(quotes.DOCS_DIR)) for page in quotes.DOCS_DIR.rglob("*.md"))


@pytest.fixture(scope="session")
def pinned_store() -> Store:
    """The pinned sdists, downloaded by pip on first use."""
    store = Store()
    try:
        for pin in store.missing():
            store.tree(pin)
    except quotes.QuoteError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(str(error), pytrace=False)
        pytest.skip(f"{error} (offline; CI fails here)")
    return store


@pytest.mark.parametrize(
    "citation", CITATIONS, ids=[f"{c.where.split(': ')[-1]}:{c.url}" for c in CITATIONS]
)
def test_every_quote_in_the_data_and_pages_is_in_the_docs_of_its_release(
    citation: Citation, pinned_store: Store
) -> None:
    if problem := quotes.check(citation, pinned_store):
        pytest.fail(problem, pytrace=False)


def unquoted_links(page: str) -> list[str]:
    """Links to official docs on a page that carry no quote as their title."""
    text = (quotes.DOCS_DIR / page).read_text(encoding="utf-8")
    return [
        url
        for url, quote in quotes.markdown_links(text)
        if not quote and quotes.citation_kind(url, PINS) == "official"
    ]


@pytest.mark.parametrize("page", PAGES)
def test_links_to_official_docs_carry_their_quote(page: str) -> None:
    if bare := unquoted_links(page):
        lines = [
            f"docs/{page}: {url}: no quote; put the passage it cites in the link title"
            for url in bare
        ]
        pytest.fail("\n".join(lines), pytrace=False)
