"""Every file in the content folder, sorted into kinds, and the Markdown ones read as the build reads them.

The checks of rendered HTML, links and output paths need what Pelican makes of a file:
its body and ``Summary`` as HTML and its output path. Each Markdown file is read once with
Pelican's readers into the content class its folder uses. A file whose header Pelican
cannot take (a broken date) is still rendered, with the header values as plain text, so
its body is checked too; the header mistake itself is reported by the field checks.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pelican.contents import Article, Page
from pelican.readers import MarkdownReader, Readers
from pelican.settings import DEFAULT_CONFIG

from pelican.plugins.content_guard.paths import shown_path
from pelican.plugins.kalender.config import apply_defaults
from pelican.plugins.kalender.header import Header, scan_header
from pelican.plugins.kalender.model import CalendarEntry
from pelican.plugins.partners.content import Partner
from pelican.plugins.partners.fields import PARTNER_DIR

MARKDOWN_EXTENSIONS = tuple(f".{ext}" for ext in MarkdownReader.file_extensions)
KINDS = ("page", "news", "calendar", "partner")
CONTENT_CLASSES = {"page": Page, "news": Article, "calendar": CalendarEntry, "partner": Partner}


@dataclass
class Source:
    """One Markdown file of a content folder, as the build would read it."""

    kind: str  # page, news, calendar, partner
    path: Path
    shown: str  # content/pages/kontakt.de.md
    text: str | None  # None: not UTF-8
    header: Header | None
    item: object | None  # Pelican's content object, None if the reader refused the header
    html: str  # the body as HTML (placeholders such as {filename} not yet replaced)
    summary: str  # the Summary field as HTML, "" if there is none

    @property
    def metadata(self) -> dict:
        return self.item.metadata if self.item is not None else {}

    @property
    def lines(self) -> list[str]:
        return (self.text or "").splitlines()

    def body_start(self) -> int:
        """The first line of the body: after the header and the empty line that ends it."""
        if self.header is None or not (self.header.lines or self.header.bad_lines):
            return 1
        for number, line in enumerate(self.lines, start=1):
            if not line.strip():
                return number + 1
        return len(self.lines) or 1

    def line_of(self, field: str, hints=()) -> int:
        """Where a problem in ``field`` ("Text" = the body, else a header field) is, found by ``hints``.

        The rendered HTML has no line numbers, so the first line of the field's source that
        contains one of the hints (case-insensitive) is taken, else the field's first line.
        """
        if field != "Text":
            entries = self.header.lines.get(field.lower(), []) if self.header else []
            numbers = [number for number, _ in entries]
            for hint in filter(None, hints):
                for number in numbers:
                    if hint.lower() in self.lines[number - 1].lower():
                        return number
            return numbers[0] if numbers else 1
        start = self.body_start()
        body = self.lines[start - 1:]
        for hint in filter(None, hints):
            for offset, line in enumerate(body):
                if hint.lower() in line.lower():
                    return start + offset
        return next((start + i for i, line in enumerate(body) if line.strip()), start)


class _PlainHeaderReader(MarkdownReader):
    """Pelican's Markdown reader, with header values kept as text (nothing to fail on)."""

    def process_metadata(self, name, value):
        return value


def reading_settings(settings: dict, content_dir: Path) -> dict:
    """The settings Pelican's readers need, with Pelican's and the calendar's defaults filled in."""
    return apply_defaults({**copy.deepcopy(DEFAULT_CONFIG), **copy.deepcopy(settings), "PATH": str(content_dir)})


def folders(settings: dict) -> dict[str, str]:
    """First folder under content/ -> kind of the files in it."""
    kinds = {}
    for key, kind in (("PAGE_PATHS", "page"), ("ARTICLE_PATHS", "news"), ("CALENDAR_PATHS", "calendar")):
        for folder in settings.get(key) or []:
            kinds[folder.strip("/")] = kind
    kinds[PARTNER_DIR] = "partner"
    return kinds


def kind_of(rel: str, settings: dict) -> str | None:
    """The kind of a file by its path relative to content/ (None: not in a content folder)."""
    by_folder = folders(settings)
    for folder, kind in by_folder.items():
        if rel == folder or rel.startswith(folder + "/"):
            return kind
    return None


@contextlib.contextmanager
def quiet_pelican():
    """Pelican's readers log English warnings; the checks say the same in German."""
    logger = logging.getLogger("pelican")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_sources(content_dir: Path, settings: dict) -> list[Source]:
    """Every ``.md`` file in the page, news, calendar and partner folders, read (no symlinks followed)."""
    content_dir = Path(content_dir)
    settings = reading_settings(settings, content_dir)
    readers = Readers(settings)
    plain = _PlainHeaderReader(settings)
    sources = []
    with quiet_pelican():
        for path in plain_files(content_dir):
            rel = path.relative_to(content_dir).as_posix()
            kind = kind_of(rel, settings)
            if kind is None or path.suffix != ".md":
                continue
            sources.append(_read(readers, plain, content_dir, path, rel, kind))
    return sources


def plain_files(content_dir: Path) -> list[Path]:
    """Regular files under ``content_dir``, sorted; links and what is behind them are left out."""
    found = []
    for folder, dirs, files in os.walk(content_dir):
        dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                found.append(path)
    return found


def _read(readers, plain, content_dir, path, rel, kind) -> Source:
    shown = shown_path(path, content_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Source(kind, path, shown, None, None, None, "", "")
    header = scan_header(text)
    try:
        item = readers.read_file(base_path=str(content_dir), path=rel, content_class=CONTENT_CLASSES[kind])
        html, summary = item._content or "", item.metadata.get("summary") or ""
        if not isinstance(html, str) or any(key.startswith("_") for key in item.metadata):
            raise ValueError("a field overwrote the body")  # ``_content: …``; the field checks name it
    except Exception:  # noqa: BLE001 - a header Pelican refuses; the field checks name it
        item = None
        html, metadata = plain.read(str(path))
        summary = metadata.get("summary") or ""
    return Source(kind, path, shown, text, header, item, html, summary if isinstance(summary, str) else "")
