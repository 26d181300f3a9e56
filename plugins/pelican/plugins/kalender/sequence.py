"""SEQUENCE and DTSTAMP on the checked calendar, and warnings about the newest changes.

The numbers come from :mod:`.history` (the git history); this module puts them on the
entries and compares the newest changes (the ``HEAD`` commit and the working tree) with
what was there before, to catch typos that are not errors: a session newly placed in the
past or years ahead, an entry deleted although it was published.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .clock import now_utc, today
from .header import scan_header
from .history import History, HistoryError, Version, load_history, read_version, venue_data
from .problems import WARNING, FieldError, Problem
from .schedule import ScheduleReader
from .source import rel_path
from .values import parse_date

SHOWN_DATES = 3


class _AnyVenue:
    """Venue keys for re-reading an old version: any key is fine (it was checked back then)."""

    def __contains__(self, key) -> bool:
        return True


def apply_history(calendar, settings: dict) -> list[Problem]:
    """Set ``sequence`` and ``dtstamp`` on every entry; return the history's error or the warnings."""
    content = settings["PATH"]
    default = settings["DEFAULT_LANG"]
    try:
        history = load_history(content, settings["CALENDAR_PATHS"], settings["CALENDAR_VENUES_FILE"], default)
    except HistoryError as error:
        if not calendar.originals:
            return []  # nothing to number
        folder = rel_path(os.path.join(content, settings["CALENDAR_PATHS"][0]), content)
        return [Problem(folder, None, "Git", error.message, error.fix)]
    venues_file = Path(content, settings["CALENDAR_VENUES_FILE"])
    venues = venue_data(venues_file.read_text(encoding="utf-8", errors="replace")) if venues_file.is_file() else {}
    now = now_utc().replace(microsecond=0)
    current: dict[str, Version] = {}
    for original in calendar.originals:
        version = read_version(original.source_path, original.source_text, default)
        current[original.stable_id] = version
        record = history.records.get(original.stable_id)
        fingerprint = version.fingerprint(venues)
        if record is None or record.sequence < 0:
            sequence, stamp = 0, now
        elif record.fingerprint == fingerprint:
            sequence, stamp = record.sequence, record.dtstamp
        else:
            sequence, stamp = record.sequence + 1, now
        for item in [original, *original.translations]:
            item.sequence, item.dtstamp = sequence, stamp
    day = today(settings.get("TIMEZONE") or "Europe/Berlin")
    years = int(settings.get("CALENDAR_WARN_YEARS_AHEAD", 2))
    warnings = []
    for original in calendar.originals:
        warnings += _date_warnings(original, current[original.stable_id], venues, history, settings, day, years)
    warnings += _deleted_warnings(calendar, history, settings, day)
    return warnings


def _old_schedule(version: Version, settings: dict):
    """The schedule of an old version (None if it cannot be read)."""
    header = scan_header(version.text)
    meta = {key: [value for _line, value in lines] for key, lines in header.lines.items()}
    meta = {key: values[0] if len(values) == 1 else values for key, values in meta.items()}
    return ScheduleReader(meta, lambda *a, **k: None, settings.get("TIMEZONE") or "Europe/Berlin", _AnyVenue()).read()


def _held(schedule) -> list:
    return [i for i in schedule.instances() if i.state in ("normal", "moved")]


def _date_warnings(original, version, venues, history: History, settings, day, years) -> list[Problem]:
    """Sessions that the newest change put in the past, or more than ``years`` ahead."""
    schedule = original.schedule
    if schedule is None or getattr(original, "status", "published") == "draft":
        return []
    base = history.base.get(original.stable_id)
    if base is not None and base.fingerprint(history.base_venues) == version.fingerprint(venues):
        return []
    before = set()
    if base is not None:
        old = _old_schedule(base, settings)
        before = {i.start.date() for i in _held(old)} if old is not None else set()
    limit = day + dt.timedelta(days=round(365.25 * years))
    past, far = {}, {}
    extras = {e.start for e in schedule.extras}
    for instance in _held(schedule):
        date = instance.start.date()
        if date in before or day <= date <= limit:
            continue
        source = ("verlegt", instance.recurrence_id.date()) if instance.state == "moved" else (
            ("zusatztermin", instance.recurrence_id.date()) if instance.recurrence_id in extras else ("beginn", None))
        (past if date < day else far).setdefault(source, []).append(date)
    header = scan_header(original.source_text)
    rel = rel_path(original.source_path, settings["PATH"])
    problems = []
    for found, text, fix in (
        (past, "liegt in der Vergangenheit", "Datum und Jahr prüfen; ist das Absicht (z. B. ein Termin fürs Archiv), "
         "kann die Warnung stehen bleiben"),
        (far, f"liegt mehr als {years} Jahre in der Zukunft", "das Jahr prüfen (Tippfehler?); ist das Absicht, kann "
         "die Warnung stehen bleiben"),
    ):
        for (key, session), dates in sorted(found.items(), key=lambda item: item[1][0]):
            line, label = _line(header, key, session)
            shown = ", ".join(f"{d:%d.%m.%Y}" for d in dates[:SHOWN_DATES])
            more = f" und {len(dates) - SHOWN_DATES} weitere" if len(dates) > SHOWN_DATES else ""
            subject = f"der Termin am {shown}" if len(dates) == 1 else f"die Termine am {shown}{more}"
            verb = text if len(dates) == 1 else text.replace("liegt", "liegen")
            problems.append(Problem(rel, line, label, f"{subject} {verb}", fix, WARNING))
    return problems


def _line(header, key: str, session: dt.date | None) -> tuple[int | None, str]:
    """The line of field ``key`` (the one naming ``session`` for Verlegt/Zusatztermin)."""
    label = header.names.get(key, key.capitalize())
    for line, value in header.lines.get(key, []):
        if session is None:
            return line, label
        try:
            if parse_date(value.replace(",", " ").split()[0]) == session:
                return line, label
        except (FieldError, IndexError):
            continue
    return header.line_of(key), label


def _deleted_warnings(calendar, history: History, settings, day) -> list[Problem]:
    """Entries committed before (or in) the newest commit that are gone now, with sessions ahead."""
    present = {original.stable_id for original in calendar.originals}
    problems = []
    for stable_id, version in sorted({**history.base, **history.head}.items()):
        if stable_id in present or version.draft:
            continue
        old = _old_schedule(version, settings)
        if old is None or old.cancelled is not None:
            continue
        held = _held(old)
        if not held or max(i.end for i in held).date() < day:
            continue
        rel = rel_path(os.path.join(history.top, version.path), settings["PATH"])
        problems.append(Problem(
            rel, None, "Datei",
            f"der Termin „{stable_id}“ ist gelöscht, war aber veröffentlicht und hat noch Termine "
            f"(bis {max(i.end for i in held):%d.%m.%Y}); wer ihn abonniert hat, erfährt so nicht, dass er ausfällt",
            "die Datei wiederherstellen und „Abgesagt: <Grund>“ eintragen; wurde nur der Slug geändert, im neuen "
            f"Eintrag „UID: {stable_id}“ ergänzen", WARNING))  # fmt: skip
    return problems
