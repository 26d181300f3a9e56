"""What a content file is, as far as translations go: its content key, language and text.

A page, news item, calendar entry or partner is one file per language; the files of one
item share the folder and the slug (``Slug`` field, else the file name without its date
prefix and language). Only the *text* of an original counts for its translations: the
fields that no translator touches (dates, the calendar's schedule lines, navigation
position, categories …) are left out of :func:`text_fingerprint`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from pelican.plugins.kalender.header import scan_header
from pelican.plugins.kalender.model import SCHEDULE_FIELDS, SHARED_FIELDS

NAME_RE = re.compile(r"^(?:\d{4}-\d{2}-\d{2}-)?(?P<slug>.+)\.(?P<lang>[a-z]{2,3})\.md$")
# Fields that are no text to translate: the calendar's time, place and status lines and the
# fields shared by all languages (reused from the calendar's model), plus the metadata of
# pages, news and partners that translations do not repeat in words.
NON_TEXT_FIELDS = frozenset({
    *SCHEDULE_FIELDS, *SHARED_FIELDS, "slug", "lang", "status", "date", "modified", "nav", "role",
    "template", "tags", "category", "stand", "save_as", "url", "logo", "beispiel",
})  # fmt: skip


@dataclass(frozen=True)
class Source:
    """One content file: ``key`` is "<folder>/<slug>" (as `invoke translations-status` lists it)."""

    key: str
    lang: str
    draft: bool
    text: str  # fingerprint of the translatable text

    def is_original(self, default_lang: str) -> bool:
        return self.lang == default_lang


def identify(rel_path: str, text: str) -> Source | None:
    """The :class:`Source` of the file at ``rel_path`` (relative to the content folder, with
    forward slashes), or None for a file that is no page, news item, entry or partner."""
    folder, _, name = rel_path.rpartition("/")
    match = NAME_RE.match(name)
    if not match or not folder:
        return None
    header = scan_header(text)
    first = lambda key, default: (header.lines.get(key) or [(0, default)])[0][1].strip() or default  # noqa: E731
    key = f"{folder.split('/')[0]}/{first('slug', match.group('slug'))}"
    status = first("status", "").lower()
    return Source(key, first("lang", match.group("lang")), status == "draft", text_fingerprint(text))


def text_fingerprint(text: str) -> str:
    """Hash of the translatable text: the text fields and the body, spacing normalised."""
    header = scan_header(text)
    parts = [f"{key}={' '.join(' '.join(v.split()) for _line, v in lines)}"
             for key, lines in sorted(header.lines.items()) if key not in NON_TEXT_FIELDS]  # fmt: skip
    lines = text.replace("\r\n", "\n").split("\n")
    blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    parts.append(" ".join(" ".join(lines[blank:]).split()))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
