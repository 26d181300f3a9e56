"""Scan the metadata header of a Markdown file for line numbers.

Pelican's Markdown reader gives the values but not where they stand. Volunteers need
``Datei:Zeile`` in every error, and a header line the reader cannot parse (for example a
field name with an umlaut) would silently end the header, so we read the header ourselves
with the same rules as ``markdown.extensions.meta``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Same patterns as markdown.extensions.meta.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
LOOKS_LIKE_FIELD_RE = re.compile(r"^\s{0,3}(?P<key>[^\s:]+(?: [^\s:]+)?):(?:\s|$)")


@dataclass
class Header:
    """Field lines of one file: lowercased key -> list of (line number, value)."""

    lines: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # lowercased key -> key as written
    # Lines in the header block the Markdown reader would not take as a field.
    bad_lines: list[tuple[int, str]] = field(default_factory=list)
    # Lines after the header that look like a field (e.g. after an empty line).
    stray_fields: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, key: str, value: str | None = None) -> int | None:
        """Line number of field ``key`` (the line holding ``value`` if given)."""
        entries = self.lines.get(key.lower(), [])
        if value is not None:
            for lineno, text in entries:
                if text.strip() == str(value).strip():
                    return lineno
        return entries[0][0] if entries else None

    def has(self, key: str) -> bool:
        return key.lower() in self.lines


def scan_header(text: str) -> Header:
    """Return the header fields of a Markdown source text with their line numbers."""
    header = Header()
    lines = text.splitlines()
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    key = None
    index = 0
    for index, line in enumerate(lines, start=1):
        if line.strip() == "":
            break
        match = META_RE.match(line)
        if match:
            key = match.group("key").lower()
            header.names.setdefault(key, match.group("key"))
            header.lines.setdefault(key, []).append((index, match.group("value").strip()))
            continue
        more = META_MORE_RE.match(line)
        if more and key:
            header.lines[key].append((index, more.group("value").strip()))
            continue
        header.bad_lines.append((index, line))
        # The meta extension stops here; everything after is body text.
        break
    else:
        index = len(lines) + 1
    # A field-like line directly after the header's end is a common slip
    # (an empty line between fields). Only look at the paragraph that follows.
    for lineno in range(index + 1, min(len(lines), index + 40) + 1):
        line = lines[lineno - 1]
        if line.strip() == "":
            if lineno > index + 1:
                break
            continue
        if META_RE.match(line) and not line.lstrip().startswith(("http", "#")):
            header.stray_fields.append((lineno, line))
        else:
            break
    return header
