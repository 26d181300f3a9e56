"""Budgets for cheap phones: a page's HTML + CSS + JS under 40 KB uncompressed, no image over 200 KB;
the embed for partner sites (loaded with every visit of the partner's page) under 8 KB."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from .builtsite import files, html_files, internal_path, kind_of, rel, resolve_file, url_for

PAGE_BUDGET = 40 * 1024
IMAGE_BUDGET = 200 * 1024
EMBED_BUDGET = 8 * 1024
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff")
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""")


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def _resolve(url: str, page: str) -> Path | None:
    resolved = internal_path(url, url_for(page))
    return resolve_file(resolved[0]) if resolved else None


def page_weight(path: Path) -> tuple[int, list[str]]:
    """Bytes of the page's HTML plus every stylesheet (with its @imports) and script it loads."""
    tree = lxml.html.parse(str(path))
    page = rel(path)
    assets: dict[Path, None] = {}
    for el in tree.iter("link"):
        if "stylesheet" in (el.get("rel") or "").lower().split() and el.get("href"):
            if (found := _resolve(el.get("href"), page)) is not None:
                assets[found] = None
    for el in tree.iter("script"):
        if el.get("src") and (found := _resolve(el.get("src"), page)) is not None:
            assets[found] = None
    for css in [p for p in assets if p.suffix == ".css"]:
        for url in CSS_IMPORT.findall(css.read_text(encoding="utf-8", errors="replace")):
            if (found := _resolve(url, rel(css))) is not None:
                assets[found] = None
    parts = [f"HTML {_kb(path.stat().st_size)}"] + [f"{rel(a)} {_kb(a.stat().st_size)}" for a in assets]
    return path.stat().st_size + sum(a.stat().st_size for a in assets), parts


def test_pages_stay_under_40_kb(site):
    problems = []
    for path in html_files():
        total, parts = page_weight(path)
        if total > PAGE_BUDGET:
            problems.append(f"{rel(path)}: {_kb(total)} ({total} bytes) > 40 KB: " + ", ".join(parts))
    if problems:
        pytest.fail(f"pages over budget ({len(problems)}):\n" + "\n".join(problems), pytrace=False)


def test_embed_pages_stay_under_8_kb(site):
    embeds = [path for path in html_files() if kind_of(rel(path)) == "calendar-embed"]
    weights = {rel(path): page_weight(path) for path in embeds}
    print("\n".join(f"{page}: {total} bytes ({', '.join(parts)})" for page, (total, parts) in weights.items()))
    assert embeds, "no embed page built"
    over = [f"{page}: {_kb(total)} ({total} bytes) > 8 KB: {', '.join(parts)}"
            for page, (total, parts) in weights.items() if total > EMBED_BUDGET]
    assert not over, "\n".join(over)


def test_images_stay_under_200_kb(site):
    problems = [f"{rel(p)}: {_kb(p.stat().st_size)} ({p.stat().st_size} bytes) > 200 KB"
                for p in files(*IMAGE_SUFFIXES) if p.stat().st_size > IMAGE_BUDGET]
    if problems:
        pytest.fail("images over budget:\n" + "\n".join(problems), pytrace=False)


def test_weight_counts_html_css_and_js(site):
    """The measure itself: the home page's weight includes its stylesheet."""
    home = site / "index.html"
    total, parts = page_weight(home)
    assert total > home.stat().st_size, parts
    assert any(".css" in part for part in parts), parts
