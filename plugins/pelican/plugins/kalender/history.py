"""SEQUENCE and DTSTAMP of every entry, derived from the git history of its original.

Nothing is kept by hand, so nothing can be forgotten or conflict on a merge. For each entry
(by its stable id: the part of the UID before the ``@``) the versions of its original are
followed along the first-parent history of ``HEAD``; a rename does not matter, because the
id comes from the ``Slug``/``UID`` field, not from the file name.

* SEQUENCE = the number of commits that changed the entry's *fingerprint* (time, place and
  status fields, reasons left out, plus the data of its venues in ``orte.toml``) after the
  commit that added it; DTSTAMP = the time of the last such commit (its committer date).
* A fingerprint in the working tree that differs from ``HEAD`` (an uncommitted edit, as in
  the preview) counts as one more change; its DTSTAMP is "now" (``SOURCE_DATE_EPOCH`` if set).
* The same commit therefore builds byte-identical feeds. A shallow clone (or no repository)
  is an error: the numbers would silently start again at 0.

The commits come from :mod:`git_history` (one ``git log`` of the content folder and one
``git cat-file --batch``, shared with the other plugins that read the history); the result
is kept per ``HEAD`` for the life of the process (the preview rebuilds without asking git
again), and each file version is read only once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field

from pelican.plugins import git_history
from pelican.plugins.git_history import GitFailed

from .header import scan_header
from .model import SCHEDULE_FIELDS
from .source import EXTENSIONS
from .values import split_reason

MOVE_VENUE_RE = re.compile(r",?\s*Ort:\s*(\S+)\s*$")
REASON_FIELDS = ("ausnahme", "ausfall", "verlegt", "ferien", "zusatztermin")


class HistoryError(Exception):
    """The repository's history cannot be read: message and fix, in German."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Version:
    """One version of a calendar file, as far as SEQUENCE is concerned."""

    path: str  # relative to the repository's top level
    text: str
    original: bool  # in the default language (translations never change the schedule)
    stable_id: str
    fields: str  # hash of the normalized time, place and status fields
    venues: tuple[str, ...]  # venue keys the fields refer to
    draft: bool

    def fingerprint(self, venue_data: dict) -> str:
        data = json.dumps([self.fields, [venue_data.get(key) for key in self.venues]], sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass
class Record:
    """An entry's state at ``HEAD``: SEQUENCE, DTSTAMP and the fingerprint they belong to."""

    sequence: int = -1  # -1: never seen in a commit
    dtstamp: dt.datetime | None = None
    fingerprint: str | None = None  # None: not in HEAD (deleted, or never committed)


@dataclass
class History:
    """What the commits say: a record per stable id, and the versions before the newest change.

    ``base`` are the originals as they were before the changes that are still "new": those of
    the ``HEAD`` commit itself (if it touched the calendar) and of the working tree. The
    warnings compare with them. ``base_venues`` is the venue data that goes with them;
    ``head`` are the originals in ``HEAD``.
    """

    top: str = ""  # the repository's top level (Version.path is relative to it)
    records: dict[str, Record] = field(default_factory=dict)
    base: dict[str, Version] = field(default_factory=dict)
    head: dict[str, Version] = field(default_factory=dict)  # the originals in HEAD
    base_venues: dict = field(default_factory=dict)
    head_venues: dict = field(default_factory=dict)


def normalized_fields(header) -> tuple[str, tuple[str, ...]]:
    """Hash of the time, place and status fields of a header, and the venue keys they name.

    Reasons, spacing, case and the order of repeated lines do not count: changing only a
    reason or a title leaves SEQUENCE alone.
    """
    parts, venues = [], set()
    for key in sorted(SCHEDULE_FIELDS):
        values = [value for _line, value in header.lines.get(key, [])]
        if not values:
            continue
        if key == "abgesagt":
            items = ["ja"]
        elif key in REASON_FIELDS:
            items = sorted(" ".join(split_reason(v)[0].split()).lower() for v in values)
        else:
            items = sorted(" ".join(v.split()).lower() for v in values)
        if key == "ort":
            venues.update(v.strip() for v in values if v.strip())
        if key == "verlegt":
            venues.update(m[1] for v in values if (m := MOVE_VENUE_RE.search(split_reason(v)[0])))
        parts.append(f"{key}={'|'.join(items)}")
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    return digest, tuple(sorted(venues))


def read_version(path: str, text: str, default_lang: str) -> Version:
    header = scan_header(text)
    first = lambda key: (header.lines.get(key) or [(0, "")])[0][1].strip()  # noqa: E731
    stem = os.path.basename(path).split(".")[0]
    fields, venues = normalized_fields(header)
    return Version(path, text, (first("lang") or default_lang) == default_lang,
                   first("uid") or first("slug") or stem, fields, venues, first("status").lower() == "draft")  # fmt: skip


def venue_data(text: str) -> dict:
    """``{key: {name, address, lat, lon}}`` from the text of ``orte.toml`` (empty when unreadable)."""
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeError):
        return {}
    result = {}
    for key, table in data.items():
        if isinstance(table, dict):
            result[key] = {name: str(table.get(source, "")) for name, source in
                           (("name", "name"), ("address", "adresse"), ("lat", "lat"), ("lon", "lon"))}  # fmt: skip
    return result


# --- git ------------------------------------------------------------------------------------

_HISTORIES: dict[tuple, History] = {}
_VERSIONS: dict[tuple[str, str], Version] = {}  # (blob sha, path) -> version
GIT_MISSING = HistoryError("das Programm git fehlt; der Kalender braucht die Git-Geschichte für SEQUENCE und DTSTAMP",
                           "git installieren (Debian: sudo apt-get install git)")  # fmt: skip


def repository_of(folder: str) -> str | None:
    """The top level of the git work tree holding ``folder``, or None outside any repository."""
    try:
        return git_history.repository_of(folder)
    except git_history.GitMissing:
        raise GIT_MISSING from None
    except GitFailed as error:
        raise HistoryError(f"git kann das Repository nicht lesen ({error})",
                           "in einem Terminal im Projektordner „git status“ ausführen und die Meldung beheben "
                           "(z. B. „git config --global --add safe.directory <Ordner>“)") from None  # fmt: skip


def load_history(content_path: str, folders, venues_file: str, default_lang: str) -> History:
    """The history of the calendar ``folders`` (and ``venues_file``) under ``content_path``."""
    content = os.path.realpath(content_path)
    top = repository_of(content)
    if top is None:
        raise HistoryError(
            "der Inhaltsordner liegt in keinem Git-Repository; SEQUENCE und DTSTAMP der Kalender-Termine "
            "kommen aus der Git-Geschichte",
            "das Projekt mit „git clone“ holen (nicht als ZIP-Datei), oder hier „git init“ ausführen und "
            "einmal alles einchecken",
        )  # fmt: skip
    try:
        if git_history.is_shallow(top):
            raise HistoryError(
                "das Repository ist ein flacher Klon (shallow clone) ohne die ganze Geschichte; daraus lassen "
                "sich SEQUENCE und DTSTAMP nicht bestimmen",
                "„git fetch --unshallow“ ausführen (in CI: actions/checkout mit „fetch-depth: 0“)",
            )  # fmt: skip
        head = git_history.head_of(top)
    except git_history.GitMissing:
        raise GIT_MISSING from None
    except GitFailed:
        head = ""  # a new repository without any commit: every entry is new
    paths = tuple(sorted(os.path.relpath(os.path.join(content, p), top) for p in (*folders, venues_file)))
    key = (top, head, paths, default_lang)
    if key not in _HISTORIES:
        try:
            commits = _commits(top, head, os.path.relpath(content, top), paths)
            _HISTORIES[key] = _walk(commits, head, os.path.relpath(os.path.join(content, venues_file), top),
                                    default_lang) if head else History(top)
            _HISTORIES[key].top = top
        except GitFailed as error:
            raise HistoryError(f"git kann die Geschichte nicht lesen ({error})",
                               "in einem Terminal im Projektordner „git log“ ausführen und die Meldung beheben") from None
    return _HISTORIES[key]


def _commits(top: str, head: str, content: str, paths) -> list[tuple[str, int, list[tuple[str, str, str]]]]:
    """``[(sha, committer time, [(status, new blob, path)])]`` of the commits that touched ``paths``,
    oldest first, first parents only (from the one log of the content folder, :mod:`git_history`)."""
    if not head:
        return []
    commits = []
    for commit in git_history.content_log(top, head, content):
        changes = [(c.status, c.blob, c.path) for c in commit.changes if git_history.within(c.path, paths)]
        if changes:
            commits.append((commit.sha, commit.time, changes))
    return commits


def _version(sha: str, path: str, default_lang: str) -> Version:
    if (sha, path) not in _VERSIONS:
        _VERSIONS[(sha, path)] = read_version(path, git_history.blob_text(sha), default_lang)
    return _VERSIONS[(sha, path)]


def _walk(commits, head: str, venues_path: str, default_lang: str) -> History:
    history = History()
    tree: dict[str, Version] = {}  # path -> version (originals and translations)
    by_id: dict[str, set[str]] = {}  # stable id -> paths of its original
    venues: dict = {}
    newest_is_head = bool(commits) and commits[-1][0] == head
    for index, (_sha, time, changes) in enumerate(commits):
        if newest_is_head and index == len(commits) - 1:
            history.base = _originals(tree, by_id)
            history.base_venues = venues
        touched, venues_changed = set(), False
        for status, blob, path in changes:
            if path == venues_path:
                venues = venue_data(git_history.blob_text(blob)) if status != "D" else {}
                venues_changed = True
                continue
            if not path.endswith(EXTENSIONS):
                continue
            old = tree.pop(path, None)
            if old is not None and old.original:
                by_id[old.stable_id].discard(path)
                touched.add(old.stable_id)
            if status != "D":
                version = _version(blob, path, default_lang)
                tree[path] = version
                if version.original:
                    by_id.setdefault(version.stable_id, set()).add(path)
                    touched.add(version.stable_id)
        stamp = dt.datetime.fromtimestamp(time, dt.timezone.utc)
        for stable_id in (set(by_id) | set(history.records)) if venues_changed else touched:
            current = sorted(by_id.get(stable_id, ()))
            fingerprint = tree[current[0]].fingerprint(venues) if current else None
            record = history.records.setdefault(stable_id, Record())
            if fingerprint != record.fingerprint and fingerprint is not None:
                record.sequence += 1
                record.dtstamp = stamp
            record.fingerprint = fingerprint
    history.head = _originals(tree, by_id)
    if not newest_is_head:
        history.base = history.head
        history.base_venues = venues
    history.head_venues = venues
    return history


def _originals(tree: dict[str, Version], by_id: dict[str, set[str]]) -> dict[str, Version]:
    return {stable_id: tree[sorted(paths)[0]] for stable_id, paths in by_id.items() if paths}
