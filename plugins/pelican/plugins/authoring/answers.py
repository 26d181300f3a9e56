"""What German volunteers type when ``invoke new`` asks: ``13.02.2027``, ``17 Uhr``, ``Dienstag``.

Each parser returns the value or raises :class:`AnswerError` with a German sentence that
says what is expected. :func:`ask` asks one question until the answer is usable, so a
wrong answer is repeated on its own and nothing typed before is lost.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAY_NAMES = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
WEEKDAYS = {
    "mo": 0, "montag": 0, "montags": 0, "di": 1, "dienstag": 1, "dienstags": 1,
    "mi": 2, "mittwoch": 2, "mittwochs": 2, "do": 3, "donnerstag": 3, "donnerstags": 3,
    "fr": 4, "freitag": 4, "freitags": 4, "sa": 5, "samstag": 5, "samstags": 5, "sonnabend": 5,
    "so": 6, "sonntag": 6, "sonntags": 6,
}  # fmt: skip
KIND_WORDS = {
    "event": "event", "veranstaltung": "event", "1": "event",
    "course": "course", "kurs": "course", "2": "course",
    "garden": "garden", "garten": "garden", "gartentage": "garden", "gartentag": "garden", "3": "garden",
    "news": "news", "nachricht": "news", "4": "news",
    "partner": "partner", "5": "partner",
}  # fmt: skip


class AnswerError(ValueError):
    """The answer cannot be used; the message says what to type instead."""


def parse_kind(text: str) -> str:
    kind = KIND_WORDS.get(text.strip().lower().rstrip("."))
    if kind is None:
        raise AnswerError("bitte eine Zahl von 1 bis 5 oder das Wort schreiben, z. B. „Kurs“")
    return kind


def parse_day(text: str) -> dt.date:
    """``13.02.2027``, ``13.2.27``, ``2027-02-13``."""
    text = text.strip().rstrip(".")
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", text)
    if match:
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        year += 2000 if year < 100 else 0
    else:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not match:
            raise AnswerError(f"„{text}“ ist kein Datum; bitte so schreiben: 13.02.2027")
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    if not 2000 <= year <= 2200:
        raise AnswerError(f"das Jahr {year} kann nicht stimmen; bitte so schreiben: 13.02.2027")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise AnswerError(f"den {text} gibt es nicht; Tag und Monat prüfen") from None


def parse_clock(text: str) -> dt.time:
    """``17 Uhr``, ``17:00``, ``17.30``, ``9:30 Uhr``, ``17``."""
    text = text.strip().lower()
    match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr|h)?", text)
    if not match:
        raise AnswerError(f"„{text}“ ist keine Uhrzeit; bitte so schreiben: 17 Uhr oder 17:30")
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise AnswerError(f"die Uhrzeit „{text}“ gibt es nicht (Stunden 0–23, Minuten 0–59)")
    return dt.time(hour, minute)


def parse_weekdays(text: str) -> list[int]:
    """``Dienstag``, ``Di, Do``, ``dienstags und donnerstags`` -> weekday numbers (Monday = 0)."""
    words = [w for w in re.split(r"[\s,;/]+|\bund\b", text.strip().lower()) if w and w != "und"]
    days = []
    for word in words:
        if word.rstrip(".") not in WEEKDAYS:
            raise AnswerError(f"„{word}“ ist kein Wochentag; bitte z. B. „Dienstag“ oder „Di, Do“ schreiben")
        days.append(WEEKDAYS[word.rstrip(".")])
    if not days:
        raise AnswerError("bitte mindestens einen Wochentag schreiben, z. B. „Dienstag“")
    return sorted(set(days))


def parse_date_and_time(text: str) -> tuple[dt.date, dt.time | None]:
    """``2026-09-01 17:00``, ``13.02.2027 17 Uhr`` or just the date."""
    parts = text.strip().split(None, 1)
    if not parts:
        raise AnswerError("das Datum fehlt; bitte so schreiben: 13.02.2027 17 Uhr")
    return parse_day(parts[0]), parse_clock(parts[1]) if len(parts) > 1 else None


def not_empty(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise AnswerError("bitte etwas schreiben")
    return text


def ask(question: str, parse, default: str | None = None, read=input, write=print):
    """Ask until ``parse(answer)`` works; an empty answer takes ``default`` (if there is one)."""
    shown = f"{question} [{default}]: " if default else f"{question}: "
    while True:
        try:
            answer = read(shown)
        except EOFError:
            raise AnswerError("keine Antwort (Eingabe beendet)") from None
        if not answer.strip() and default is not None:
            answer = default
        try:
            return parse(answer)
        except AnswerError as error:
            write(f"  Bitte noch einmal: {error}.")
