"""Parsers for single field values (dates, times, durations) with German error messages."""

from __future__ import annotations

import datetime as dt
import re

from .problems import FieldError

DATE_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DATE_DE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?:\s*Uhr)?$", re.IGNORECASE)
DURATION_HM_RE = re.compile(r"^(\d{1,3}):(\d{2})$")
DURATION_PART_RE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(tage?n?|d|stunden?|std\.?|h|minuten?|min\.?|m)\b\.?", re.IGNORECASE
)
ISO_DURATION_RE = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$", re.IGNORECASE)

DATE_FIX = "Datum als JJJJ-MM-TT schreiben, z. B. 2026-09-01"
# Years a calendar date may have: anything else is a typo (and would break the time-zone maths).
MIN_YEAR, MAX_YEAR = 1900, 2200
# The longest single session (a series is written with Wiederholung, not as one long session).
MAX_DURATION = dt.timedelta(days=366)
DURATION_FIX = "Dauer z. B. als „2 Stunden“, „90 Minuten“, „1:30“ oder „3 Tage“ schreiben"


def parse_date(text: str) -> dt.date:
    """Parse ``2026-09-01`` or ``01.09.2026``; an impossible date raises FieldError."""
    text = text.strip()
    match = DATE_ISO_RE.match(text)
    if match:
        year, month, day = (int(x) for x in match.groups())
    else:
        match = DATE_DE_RE.match(text)
        if not match:
            raise FieldError(f"„{text}“ ist kein Datum", DATE_FIX)
        day, month, year = (int(x) for x in match.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise FieldError(
            f"im Datum „{text}“ ist das Jahr {year} unmöglich",
            f"das Jahr vierstellig und richtig schreiben (zwischen {MIN_YEAR} und {MAX_YEAR}), z. B. 2026-09-01",
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise FieldError(
            f"das Datum „{text}“ gibt es nicht",
            "Tag und Monat prüfen (z. B. hat der Februar höchstens 29 Tage)",
        ) from None


def parse_time(text: str) -> dt.time:
    """Parse ``17:00`` or ``9:30 Uhr``."""
    text = text.strip()
    match = TIME_RE.match(text)
    if not match:
        raise FieldError(f"„{text}“ ist keine Uhrzeit", "Uhrzeit als SS:MM schreiben, z. B. 17:00")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise FieldError(
            f"die Uhrzeit „{text}“ gibt es nicht", "Stunden 0–23 und Minuten 0–59 verwenden"
        )
    return dt.time(hour, minute)


def parse_date_or_datetime(text: str) -> dt.date | dt.datetime:
    """Parse ``2026-09-01`` (a date) or ``2026-09-01 17:00`` (a naive local date-time)."""
    text = " ".join(text.split())
    parts = text.split(" ", 1)
    day = parse_date(parts[0])
    if len(parts) == 1:
        return day
    return dt.datetime.combine(day, parse_time(parts[1]))


def parse_duration(text: str) -> dt.timedelta:
    """Parse ``2 Stunden``, ``90 min``, ``1:30``, ``1 Std 30 min``, ``3 Tage`` or ``PT2H``."""
    raw = text
    text = text.strip()
    fix = DURATION_FIX
    try:
        result = _duration(text, raw, fix)
    except OverflowError:
        raise FieldError(f"„{raw}“ ist viel zu lang: ein einzelner Termin dauert höchstens {MAX_DURATION.days} Tage",
                         fix) from None
    if result <= dt.timedelta():
        raise FieldError(f"die Dauer „{raw}“ ist nicht länger als null", fix)
    return result


def check_duration_length(duration: dt.timedelta, written: str) -> None:
    """A single session longer than MAX_DURATION is a typo (``99999 Stunden``)."""
    if duration > MAX_DURATION:
        raise FieldError(
            f"„{written}“ ergibt einen einzelnen Termin von {duration.days} Tagen; höchstens {MAX_DURATION.days} Tage sind möglich",
            "die Länge eines einzelnen Termins angeben (z. B. „Dauer: 2 Stunden“); "
            "für einen regelmäßigen Termin „Wiederholung“ verwenden",
        )


def _duration(text: str, raw: str, fix: str) -> dt.timedelta:
    match = DURATION_HM_RE.match(text)
    if match:
        result = dt.timedelta(hours=int(match.group(1)), minutes=int(match.group(2)))
    elif ISO_DURATION_RE.match(text) and len(text) > 1 and text.upper() not in ("P", "PT"):
        days, hours, minutes = (int(x or 0) for x in ISO_DURATION_RE.match(text).groups())
        result = dt.timedelta(days=days, hours=hours, minutes=minutes)
    else:
        rest = DURATION_PART_RE.sub("", text).replace("und", "").strip(" ,")
        parts = DURATION_PART_RE.findall(text)
        if not parts or rest:
            raise FieldError(f"„{raw}“ ist keine Dauer", fix)
        result = dt.timedelta()
        for number, unit in parts:
            value = float(number.replace(",", "."))
            unit = unit.lower()
            if unit.startswith(("t", "d")):
                result += dt.timedelta(days=value)
            elif unit.startswith(("s", "h")):
                result += dt.timedelta(hours=value)
            else:
                result += dt.timedelta(minutes=value)
    return result


def split_reason(text: str) -> tuple[str, str]:
    """Split ``2026-10-06 - Feiertag`` into (``2026-10-06``, ``Feiertag``).

    The reason follows the first dash with spaces around it (-, – or —).
    """
    match = re.search(r"\s+[-–—]\s+", text)
    if not match:
        return text.strip(), ""
    return text[: match.start()].strip(), text[match.end() :].strip()


def as_list(value) -> list[str]:
    """Metadata values are a string, or a list when a field is repeated."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def split_commas(text: str) -> list[str]:
    """``de, ar, fa`` -> ``["de", "ar", "fa"]``."""
    return [part.strip() for part in text.split(",") if part.strip()]
