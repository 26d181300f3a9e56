"""A translation of a calendar entry: its own texts, and optionally translated reasons.

Time, place and status live only in the original (default language): a translation
shares the original's schedule, venue, kind and categories, so a change in the original
never has to be repeated, and can never diverge. A reason for one date may be translated
with ``Grund: <Datum> - <Text>`` (``Grund: abgesagt - <Text>`` for a cancelled entry);
without it the page shows the original's reason, marked as written in that language.
"""

from __future__ import annotations

import datetime as dt

from .model import FIELDS, SCHEDULE_FIELDS, SHARED_FIELDS, TEXT_FIELDS, FileReport, read_texts
from .problems import WARNING, FieldError
from .values import parse_date, split_reason

REASON_KINDS = ("ausnahme", "ausfall", "verlegt", "zusatztermin", "feiertag")
GRUND_FIX = "so schreiben: „Grund: 2026-11-05 - The teacher is ill.“ (das Datum aus der Zeile im Original)"


class _OwnLinesOnly:
    """A report that keeps only problems about fields the translation writes itself."""

    def __init__(self, report: FileReport):
        self.report = report
        self.header = report.header

    def __call__(self, key, message, fix, value=None, level=None):
        if key in self.header.lines:
            self.report(key, message, fix, value)


def read_translation(entry, original, report: FileReport, original_rel: str, content_path: str) -> None:
    """Check a translation's fields and give it the original's schedule and its own texts."""
    _refuse_original_fields(report, original_rel)
    for name in ("kind", "categories", "spoken_languages", "schedule", "venue"):
        setattr(entry, name, getattr(original, name, None))
    texts = {k: v for k, v in original.metadata.items() if k in TEXT_FIELDS}
    texts.update({k: v for k, v in entry.metadata.items() if k in TEXT_FIELDS})
    read_texts(entry, texts, _OwnLinesOnly(report), content_path)
    read_reasons(entry, original, report)


def _refuse_original_fields(report: FileReport, original_rel: str) -> None:
    header = report.header
    for key, lines in header.lines.items():
        if key not in SCHEDULE_FIELDS and key not in SHARED_FIELDS:
            continue
        for lineno, value in lines:
            where, reason = split_reason(value) if key != "abgesagt" else ("abgesagt", value.strip())
            first = where.replace(",", " ").split()[0] if where.split() else ""
            if reason and key in ("ausnahme", "ausfall", "verlegt", "zusatztermin", "ferien", "abgesagt"):
                fix = f"hier stattdessen „Grund: {first} - {reason}“ schreiben (nur der übersetzte Grund)"
            else:
                fix = "die Zeile hier löschen"
            report.at(lineno, header.names[key],
                      f"steht nur im Original ({original_rel}): Zeiten, Ort, Absagen, Art und Kategorie "
                      "werden nur dort geändert und gelten für alle Sprachen", fix)  # fmt: skip


def read_reasons(entry, original, report: FileReport) -> None:
    """``Grund:`` lines -> ``entry.date_reasons`` {date: text}, ``entry.break_reasons``
    {(first, last): text}; ``entry.cancelled`` and ``entry.cancelled_lang``."""
    entry.date_reasons, entry.break_reasons = {}, {}
    entry.cancelled, entry.cancelled_lang = original.cancelled, original.lang
    schedule = original.schedule
    dated = {}
    if schedule is not None:
        dated = {i.recurrence_id.date(): i.reason_kind for i in schedule.instances()
                 if i.reason_kind in REASON_KINDS}  # fmt: skip
    seen: dict[str, int] = {}
    for lineno, value in report.header.lines.get("grund", []):
        where, text = split_reason(value)
        label = report.header.names.get("grund", FIELDS["grund"])
        if not text:
            report.at(lineno, label, f"bei „{value}“ fehlt der übersetzte Text", GRUND_FIX)
            continue
        key = where.strip().lower()
        if key in seen:
            report.at(lineno, label, f"für „{where}“ steht schon ein Grund in Zeile {seen[key]}", "eine der beiden Zeilen löschen")
            continue
        seen[key] = lineno
        if key == "abgesagt":
            if original.cancelled is None:
                report.at(lineno, label, "das Original ist nicht abgesagt, dieser Grund wird nicht gezeigt",
                          "die Zeile löschen (oder im Original „Abgesagt: …“ eintragen)", WARNING)  # fmt: skip
            else:
                entry.cancelled, entry.cancelled_lang = text, entry.lang
            continue
        try:
            day = parse_date(where.replace(",", " ").split()[0] if where.split() else "")
        except FieldError as error:
            report.at(lineno, label, f"„{where}“: {error.message}", GRUND_FIX)
            continue
        if schedule is None:
            continue  # the original's times are broken; that is reported there
        if day in dated:
            entry.date_reasons[day] = text
            continue
        holiday_break = next((b for b in schedule.breaks if b.first <= day <= b.last), None)
        if holiday_break is not None:
            entry.break_reasons[(holiday_break.first, holiday_break.last)] = text
            continue
        report.at(lineno, label, f"am {day.isoformat()} steht im Original kein Ausfall, keine Verlegung, Ausnahme, "
                  "Ferien und kein Zusatztermin; dieser Grund wird nicht gezeigt",
                  "das Datum mit der Zeile im Original vergleichen, oder die Zeile löschen", WARNING)  # fmt: skip


def break_reason(entry, first: dt.date, last: dt.date, reason: str) -> tuple[str, str]:
    """The reason of a break as ``entry`` shows it, and the language it is written in."""
    own = getattr(entry, "break_reasons", {}).get((first, last))
    original = getattr(entry, "original", entry)
    return (own, entry.lang) if own else (reason, original.lang)
