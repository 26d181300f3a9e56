"""Rendered Markdown (HTML) to plain text for iCalendar DESCRIPTION: no tags, no Markdown."""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote", "pre", "hr"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("\n\n" if tag not in ("br", "tr") else "\n")
        elif tag == "li":
            self.parts.append("\n- ")
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            href = self.links.pop()
            if href and href.startswith(("http://", "https://", "mailto:")):
                self.parts.append(f" ({href.removeprefix('mailto:')})")
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)


@lru_cache(maxsize=8192)
def html_to_text(html: str) -> str:
    """Plain text with paragraphs separated by a blank line and list items as ``- ``.

    Cached: each feed of each language asks for the same summaries and bodies.
    """
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
