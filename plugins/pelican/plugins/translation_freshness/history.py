"""Translations whose original changed after them, from the git history of the content.

For every item (``<folder>/<slug>``) the commits of :mod:`git_history` are followed in
order. A commit that changes the *text* of the original (see :mod:`.sources`; a calendar
entry's schedule lines do not count) is one change for every translation not touched in
that commit or later. A commit whose message has a line ``Übersetzung-aktuell: ja``
(:data:`OPT_OUT_RE`) changes no translation's state: a typo fix in the original.

An uncommitted edit (the preview) counts too: an original that differs from ``HEAD`` is
one more change, dated "now" (``SOURCE_DATE_EPOCH`` if set); a translation that differs
from ``HEAD`` is up to date. No repository (a ZIP download) means nothing to say: an
empty result, and `invoke translations-status` says why.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pelican.plugins import git_history
from .sources import Source, identify

# The opt-out line of a commit message, e.g. "Übersetzung-aktuell: ja" (git's own trailer
# parser ignores keys with an umlaut, so the message is read here; Ue for Ü is accepted too).
OPT_OUT_RE = re.compile(r"^\s*(?:Übersetzung|Uebersetzung)-aktuell\s*:\s*(?:ja|yes)\s*$", re.IGNORECASE | re.MULTILINE)
OPT_OUT_LINE = "Übersetzung-aktuell: ja"


@dataclass(frozen=True)
class Outdated:
    """A translation whose original changed ``changes`` times after it, last on ``changed``."""

    key: str
    lang: str
    path: str  # the translation's file, relative to the content folder
    changes: int
    changed: dt.datetime  # aware UTC: the newest of those changes of the original
    since: dt.datetime  # the translation's own last text change


class NoHistory(Exception):
    """The content folder is in no git repository (or a shallow one): the reason, in German."""


def opted_out(message: str) -> bool:
    return OPT_OUT_RE.search(message) is not None


def _stamp(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def outdated_translations(content_path: str, default_lang: str, now: dt.datetime) -> list[Outdated]:
    """The published translations in ``content_path`` whose original changed after them.

    Raises :class:`NoHistory` when there is no usable git history.
    """
    content = os.path.realpath(content_path)
    try:
        top = git_history.repository_of(content)
        if top is None:
            raise NoHistory("der Inhaltsordner liegt in keinem Git-Repository")
        if git_history.is_shallow(top):
            raise NoHistory("das Repository ist ein flacher Klon ohne die ganze Geschichte (git fetch --unshallow)")
        head = git_history.head_of(top)
        commits = git_history.content_log(top, head, os.path.relpath(content, top))
    except git_history.GitMissing:
        raise NoHistory("das Programm git fehlt (Debian: sudo apt-get install git)") from None
    except git_history.GitFailed as error:
        raise NoHistory(f"git kann die Geschichte nicht lesen ({error})") from None
    prefix = os.path.relpath(content, top)
    prefix = "" if prefix == "." else prefix + "/"
    state = _State(default_lang)
    tree: dict[str, Source] = {}  # content-relative path -> source, as in HEAD
    for index, commit in enumerate(commits):
        counts = not opted_out(commit.message)
        for change in commit.changes:
            if not change.path.startswith(prefix):
                continue
            rel = change.path[len(prefix):]
            tree.pop(rel, None)
            if change.status == "D" or not rel.endswith(".md"):
                continue
            source = identify(rel, git_history.blob_text(change.blob))
            if source is not None:
                tree[rel] = source
                state.record(source, (index, commit.time), counts)
    current = _current_sources(Path(content))
    working = (len(commits), int(now.timestamp()))
    for rel, source in current.items():
        if rel not in tree or tree[rel].text != source.text:
            state.record(source, working, True)
    originals = {s.key for s in current.values() if s.is_original(default_lang) and not s.draft}
    result = []
    for rel, source in sorted(current.items(), key=lambda item: (item[1].key, item[1].lang)):
        if source.is_original(default_lang) or source.draft or source.key not in originals:
            continue
        last = state.updated.get((source.key, source.lang))
        later = [c for c in state.changes.get(source.key, []) if last is not None and c[0] > last[0]]
        if later:
            result.append(Outdated(source.key, source.lang, rel, len(later),
                                                         _stamp(max(t for _i, t in later)), _stamp(last[1])))
    return result


class _State:
    """What the walk has seen so far; a point in time is ``(commit index, Unix time)``."""

    def __init__(self, default_lang: str):
        self.default_lang = default_lang
        self.texts: dict[tuple[str, str], str] = {}  # (key, lang) -> text fingerprint of the newest version
        self.updated: dict[tuple[str, str], tuple[int, int]] = {}  # translation -> when its text last changed
        self.changes: dict[str, list[tuple[int, int]]] = {}  # key -> each counted text change of the original

    def record(self, source: Source, when: tuple[int, int], counts: bool) -> None:
        """A new version of a file. Only a changed text counts (a rename or a date alone does not)."""
        ident = (source.key, source.lang)
        before = self.texts.get(ident)
        self.texts[ident] = source.text
        if before == source.text:
            return
        if not source.is_original(self.default_lang):
            self.updated[ident] = when
        elif before is not None and counts:
            self.changes.setdefault(source.key, []).append(when)


def _current_sources(content: Path) -> dict[str, Source]:
    found = {}
    for path in sorted(content.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(content).as_posix()
        try:
            source = identify(rel, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeError):
            continue  # make check reports unreadable files
        if source is not None:
            found[rel] = source
    return found
