"""The card drawing itself (hooks/social_cards.py): text stays on the card, and a
card is redrawn when its text changes, not otherwise."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

from PIL import ImageChops

from tests.support import ROOT

SPEC = importlib.util.spec_from_file_location("social_cards", ROOT / "hooks" / "social_cards.py")
cards = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(cards)

LONG = "Authentication, authorization, permissions and the admin site " * 4


def test_long_text_wraps_inside_the_margins() -> None:
    image = cards.draw_card(LONG, LONG, "Flask vs Django")
    width, height = image.size
    band = height - 18  # the two-colour band along the bottom edge
    right_margin = image.crop((width - cards.MARGIN + 8, 0, width, band))
    background = right_margin.copy()
    background.paste(cards.NAVY, (0, 0, *background.size))
    assert ImageChops.difference(right_margin, background).getbbox() is None


def test_a_card_is_redrawn_only_when_its_text_changes(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    drawn = []
    draw = cards.draw_card
    monkeypatch.setattr(cards, "draw_card", lambda *args: drawn.append(args) or draw(*args))
    config = SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"),
        site_dir=str(tmp_path / "site"),
        site_name="Flask vs Django",
        site_description="The site.",
    )

    def build(description: str) -> bytes:
        page = SimpleNamespace(
            url="guide/flask/", canonical_url="x", title="Flask", meta={"description": description}
        )
        cards.on_post_page("", page, config)
        return (tmp_path / "site" / "assets" / "social" / "guide" / "flask.png").read_bytes()

    first = build("One.")
    assert build("One.") == first
    assert len(drawn) == 1
    assert build("Two.") != first
    assert len(drawn) == 2
