"""``invoke cancel`` and ``invoke move``: add one field line to a calendar entry, nothing else.

Only the original (German) file is edited; translations take the schedule from it. The
file is edited as bytes: one new header line is inserted (with the file's own line
ending) and every other byte, comments included, stays as it was. The change is then
checked like ``make check`` does; if it leaves any problem, the file is restored and
the problems are reported, so a wrong date is never written silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from pelican.plugins.kalender.header import scan_header

# After which existing field a new line goes (the last of these present in the header).
ANCHORS = {
    "ausfall": ("ausfall", "verlegt", "ferien", "ausnahme", "zusatztermin", "feiertage", "rrule",
                "wiederholung", "dauer", "ende", "beginn"),
    "verlegt": ("verlegt", "ausfall", "ferien", "ausnahme", "zusatztermin", "feiertage", "rrule",
                "wiederholung", "dauer", "ende", "beginn"),
    "abgesagt": ("ende", "dauer", "beginn"),
}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TO_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?|\d{1,2}:\d{2})$")


class SessionEditError(ValueError):
    """A German message: what is wrong and how to do it right. The file is unchanged."""


@dataclass
class Edit:
    path: Path
    before: bytes
    after: bytes


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def insert_field(data: bytes, field: str, value: str) -> bytes:
    """``data`` with ``Field: value`` inserted after the best anchor line of the header."""
    text = data.decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    header = scan_header(text)
    lines = text.splitlines(keepends=True)
    anchor_lines = [lineno for key in ANCHORS[field.lower()] for lineno, _ in header.lines.get(key, [])]
    if anchor_lines:
        # The anchor field may continue on indented lines; insert after its last line.
        key_order = ANCHORS[field.lower()]
        best_key = next(k for k in key_order if k in header.lines)
        after = max(lineno for lineno, _ in header.lines[best_key])
    else:
        after = max(lineno for entries in header.lines.values() for lineno, _ in entries)
    if not lines[after - 1].endswith(("\n", "\r")):
        lines[after - 1] += newline
    lines.insert(after, f"{field}: {value}{newline}")
    return "".join(lines).encode("utf-8")


def _parse_day(text: str, option: str) -> dt.date:
    if not DATE_RE.match(text or ""):
        raise SessionEditError(f"{option} „{text}“: bitte als JJJJ-MM-TT angeben, z. B. 2026-11-05")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise SessionEditError(f"{option} „{text}“: dieses Datum gibt es nicht") from None


def find_entry(calendar, slug: str):
    for entry in calendar.originals:
        if entry.slug == slug:
            return entry
    known = ", ".join(sorted(e.slug for e in calendar.originals))
    raise SessionEditError(f"Einen Termin mit dem Slug „{slug}“ gibt es nicht. Vorhanden: {known}")


def session_on(entry, day: dt.date):
    """The scheduled session on ``day`` (by its place in the series), or an error saying why not."""
    from pelican.plugins.kalender.api import occurrences  # noqa: PLC0415

    found = [o for o in occurrences(entry) if
             (o.original_start if isinstance(o.original_start, dt.date) and not isinstance(o.original_start, dt.datetime)
              else o.original_start.date()) == day]
    if not found:
        sessions = [o.first_day.isoformat() for o in occurrences(entry, include_skipped=False)][:8]
        raise SessionEditError(
            f"„{entry.slug}“ hat am {day.isoformat()} keinen Termin. Termine sind z. B.: {', '.join(sessions)}")
    occurrence = found[0]
    if occurrence.state != "normal":
        raise SessionEditError(
            f"Der Termin am {day.isoformat()} ist schon „{occurrence.state}“ ({occurrence.reason}). "
            "Die Zeile dazu steht oben in der Datei; dort ändern.")
    return occurrence


def plan_cancel(calendar, slug: str, reason: str, day: str | None) -> list[Edit]:
    reason = _one_line(reason)
    if not reason:
        raise SessionEditError('--reason fehlt: der Grund, z. B. --reason "Die Kursleitung ist krank."')
    entry = find_entry(calendar, slug)
    if day is None:
        if "abgesagt" in (entry.metadata or {}):
            raise SessionEditError(f"„{slug}“ ist schon abgesagt.")
        return _edits(entry, "Abgesagt", reason)
    date = _parse_day(day, "--date")
    session_on(entry, date)
    return _edits(entry, "Ausfall", f"{date.isoformat()} - {reason}")


def plan_move(calendar, slug: str, day: str, to: str, reason: str = "") -> list[Edit]:
    entry = find_entry(calendar, slug)
    date = _parse_day(day, "--date")
    to = _one_line(to)
    if not TO_RE.match(to):
        raise SessionEditError(f"--to „{to}“: neuer Tag und Uhrzeit als JJJJ-MM-TT SS:MM "
                               "(z. B. 2026-11-13 17:00), nur ein Tag oder nur eine Uhrzeit (18:00)")
    session_on(entry, date)
    value = f"{date.isoformat()} auf {to}" + (f" - {_one_line(reason)}" if reason.strip() else "")
    return _edits(entry, "Verlegt", value)


def _edits(entry, field: str, value: str) -> list[Edit]:
    """The one edit: a line in the original. Translations share its schedule, so they stay as they are."""
    path = Path(entry.source_path)
    before = path.read_bytes()
    return [Edit(path, before, insert_field(before, field, value))]


def apply(edits: list[Edit]) -> None:
    for edit in edits:
        edit.path.write_bytes(edit.after)


def restore(edits: list[Edit]) -> None:
    for edit in edits:
        edit.path.write_bytes(edit.before)
