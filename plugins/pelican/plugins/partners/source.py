"""Where each field stands in a partner file, for ``Datei:Zeile`` in every message.

Pelican's Markdown reader gives the values but not their lines. It also ends the
header silently at the first line that is not a field, so this scan reports such
lines instead of letting a field vanish.
"""

import re
from dataclasses import dataclass, field

# The rules of markdown.extensions.meta, which Pelican's Markdown reader uses.
FIELD_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
CONTINUATION_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")


@dataclass
class SourceHeader:
    """The header of one file: first line of each field, lines that break it, fields after it."""

    lines: dict[str, list[int]] = field(default_factory=dict)  # lowercased key -> line numbers
    names: dict[str, str] = field(default_factory=dict)  # lowercased key -> key as written
    broken_line: tuple[int, str] | None = None  # a header line the reader would not take as a field
    stray_fields: list[tuple[int, str]] = field(default_factory=list)  # "Key: value" after the header
    body_start: int = 1

    def line_of(self, key: str) -> int | None:
        found = self.lines.get(key.lower())
        return found[0] if found else None


def scan_header(text: str) -> SourceHeader:
    header = SourceHeader()
    lines = text.lstrip("\ufeff").splitlines()
    key = None
    end = len(lines) + 1
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            end = number
            break
        match = FIELD_RE.match(line)
        if match:
            key = match.group("key").lower()
            header.lines.setdefault(key, []).append(number)
            header.names.setdefault(key, match.group("key"))
            continue
        if key and CONTINUATION_RE.match(line):
            continue
        header.broken_line = (number, line)
        end = number
        break
    header.body_start = end + 1
    # A field written after an empty line is body text for the reader: a common slip.
    for number in range(end + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            if number == end + 1:
                continue
            break
        if FIELD_RE.match(line) and "://" not in line.split(":", 1)[0]:
            header.stray_fields.append((number, line))
        else:
            break
    return header
