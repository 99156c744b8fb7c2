"""Social cards: one 1200x630 PNG per page, for link previews (og:image, twitter:image).

Drawn with Pillow from the page's title and description, in the site's colours, with
Source Sans Pro from the font-source-sans-pro package: the build needs no network.
(Material's social plugin downloads its fonts while building.) overrides/main.html
writes the meta tags from page.meta["social_card"], which this hook sets.

A card is redrawn only when its text or this file changes: finished cards are kept in
.cache/social-cards/ under a hash of both, so `mkdocs serve` stays fast.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import textwrap
from pathlib import Path

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
MARGIN = 80
FOLDER = "assets/social"
CACHE = Path(".cache/social-cards")
# The palette of docs/assets/stylesheets/extra.css: navy, and Flask's and Django's colours.
NAVY, WHITE, MUTED = "#1b2a41", "#ffffff", "#c6d2df"
FLASK, DJANGO = "#3babc3", "#44b78b"
FONTS = font_source_sans_pro.font_files_ttf
TEMPLATE_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def card_text(page, config) -> tuple[str, str]:
    """The title and description link previews show (as overrides/main.html writes them)."""
    title = page.meta.get("title") or re.sub(r"<[^>]+>", "", page.title or config.site_name)
    return html.unescape(title), page.meta.get("description") or config.site_description


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONTS[name], size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, lines: int) -> list[str]:
    """Greedy word wrap to `width` pixels; a cut last line ends with an ellipsis."""
    chars = int(width / (font.size * 0.3))  # more than fit: no font is that narrow
    for columns in range(chars, 9, -1):
        wrapped = textwrap.wrap(text, columns)
        if all(draw.textlength(line, font=font) <= width for line in wrapped):
            break
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1].rstrip(" ,.;:") + "…"
    return wrapped


def draw_card(title: str, description: str, site_name: str) -> Image.Image:
    image = Image.new("RGB", SIZE, NAVY)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN

    # The site's mark (a circle split between the two frameworks) and name.
    top, mark = MARGIN - 10, 56
    draw.pieslice((MARGIN, top, MARGIN + mark, top + mark), 90, 270, fill=FLASK)
    draw.pieslice((MARGIN + 6, top, MARGIN + 6 + mark, top + mark), 270, 90, fill=DJANGO)
    draw.text(
        (MARGIN + mark + 28, top + mark / 2),
        site_name,
        font=_font("SourceSansProSemibold", 40),
        fill=WHITE,
        anchor="lm",
    )

    size = 76
    while size > 52:
        title_font = _font("SourceSansProBold", size)
        lines = _wrap(draw, title, title_font, width, 3)
        if len(lines) <= 2 or size <= 60:
            break
        size -= 8
    y = 200
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=WHITE)
        y += int(size * 1.12)

    y += 28
    body = _font("SourceSansPro", 34)
    for line in _wrap(draw, description, body, width, 5 - len(lines)):
        draw.text((MARGIN, y), line, font=body, fill=MUTED)
        y += 46

    band = SIZE[1] - 18
    draw.rectangle((0, band, SIZE[0] // 2, SIZE[1]), fill=FLASK)
    draw.rectangle((SIZE[0] // 2, band, SIZE[0], SIZE[1]), fill=DJANGO)
    return image


def card_path(page) -> str:
    """'guide/flask/' -> 'assets/social/guide/flask.png'; the home page is 'index.png'."""
    stem = page.url.strip("/").removesuffix(".html") or "index"
    return f"{FOLDER}/{stem}.png"


def on_page_context(context, page, config, nav):
    if page.canonical_url:
        page.meta["social_card"] = config.site_url.rstrip("/") + "/" + card_path(page)
    return context


def on_post_page(output, page, config):
    if not page.canonical_url:
        return output
    title, description = card_text(page, config)
    key = hashlib.sha256(
        "\n".join([TEMPLATE_VERSION, title, description, config.site_name]).encode()
    ).hexdigest()[:20]
    cached = Path(config.config_file_path).parent / CACHE / f"{key}.png"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        # A 64-colour palette: a third of the bytes of a full-colour PNG, same look.
        draw_card(title, description, config.site_name).quantize(64).save(cached)
    target = Path(config.site_dir) / card_path(page)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return output
