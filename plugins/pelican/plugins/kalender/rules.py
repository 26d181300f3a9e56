"""Recurrence rules: the volunteer form (``wöchentlich Di, Do bis 2026-12-17``) and raw RRULE.

Both become one :class:`Rule`, evaluated in local wall-clock time so that a 17:00 course
stays at 17:00 across daylight-saving changes.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from dataclasses import dataclass

from dateutil import rrule as dateutil_rrule
from dateutil.rrule import rrulestr

from .problems import FieldError
from .values import parse_date

WEEKDAYS = {
    "mo": "MO", "montag": "MO", "montags": "MO",
    "di": "TU", "dienstag": "TU", "dienstags": "TU",
    "mi": "WE", "mittwoch": "WE", "mittwochs": "WE",
    "do": "TH", "donnerstag": "TH", "donnerstags": "TH",
    "fr": "FR", "freitag": "FR", "freitags": "FR",
    "sa": "SA", "samstag": "SA", "samstags": "SA", "sonnabend": "SA", "sonnabends": "SA",
    "so": "SU", "sonntag": "SU", "sonntags": "SU",
}  # fmt: skip
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
FREQ_WORDS = {
    "täglich": "DAILY", "taeglich": "DAILY",
    "wöchentlich": "WEEKLY", "woechentlich": "WEEKLY",
    "monatlich": "MONTHLY",
    "jährlich": "YEARLY", "jaehrlich": "YEARLY",
}  # fmt: skip
INTERVAL_UNITS = {
    "tag": "DAILY", "tage": "DAILY", "tagen": "DAILY",
    "woche": "WEEKLY", "wochen": "WEEKLY",
    "monat": "MONTHLY", "monate": "MONTHLY", "monaten": "MONTHLY",
    "jahr": "YEARLY", "jahre": "YEARLY", "jahren": "YEARLY",
}  # fmt: skip
ORDINALS = {"1.": 1, "2.": 2, "3.": 3, "4.": 4, "5.": 5, "erste": 1, "ersten": 1,
            "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3, "vierte": 4,
            "vierten": 4, "letzte": -1, "letzten": -1}  # fmt: skip
ALLOWED_FREQ = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
ALLOWED_PARTS = {
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
    "BYSETPOS", "BYYEARDAY", "BYWEEKNO", "WKST",
}  # fmt: skip
SIMPLE_FIX = (
    "so schreiben: „wöchentlich Di, Do bis 2026-12-17“, „alle 2 Wochen Sa bis 2026-10-31“, "
    "„monatlich am 1. Mi bis 2026-12-31“ oder „täglich, 5 mal“ (siehe docs/kalender-felder.md)"
)
RRULE_FIX = "eine gültige RRULE nach RFC 5545 angeben, z. B. FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217"
# The time bound of a series: its sessions lie within this many years from the first one.
# (The count bound is schedule.MAX_INSTANCES.) Later years get an entry of their own.
MAX_YEARS = 5


@dataclass(frozen=True)
class Rule:
    """A recurrence rule without DTSTART and UNTIL; ``until`` is the last local day."""

    parts: tuple[tuple[str, str], ...]  # ordered RRULE parts, UNTIL excluded
    until: dt.date | dt.datetime | None  # local: a date (whole day) or a naive date-time
    count: int | None

    def rrule_text(self) -> str:
        """The rule as RRULE text without UNTIL (for display and hashing)."""
        return ";".join(f"{k}={v}" for k, v in self.parts)

    def local_until(self, all_day: bool) -> dt.date | dt.datetime | None:
        """UNTIL as a naive local value of the same type as DTSTART."""
        if self.until is None:
            return None
        if all_day:
            return self.until if not isinstance(self.until, dt.datetime) else self.until.date()
        if isinstance(self.until, dt.datetime):
            return self.until
        return dt.datetime.combine(self.until, dt.time(23, 59, 59))

    def starts(self, first: dt.datetime, limit: int) -> list[dt.datetime]:
        """Local naive start times from ``first``; at most ``limit`` + 1 values.

        A series must end within :data:`MAX_YEARS` of ``first``; a FieldError says so
        otherwise, and the search for sessions never looks further (see :func:`_bounded`).
        """
        horizon = _years_after(first, MAX_YEARS).date()  # the last day a session may be on
        text = self.rrule_text()
        until = self.local_until(all_day=False)
        if until is not None:
            if until.date() > horizon:
                raise FieldError(
                    f"die Reihe endet erst am {until:%d.%m.%Y}, mehr als {MAX_YEARS} Jahre nach dem Beginn",
                    f"ein Ende bis spätestens {horizon:%d.%m.%Y} angeben; spätere Termine als neuen Eintrag anlegen",
                )
            text += ";UNTIL=" + until.strftime("%Y%m%dT%H%M%S")
        rule = rrulestr("RRULE:" + text, dtstart=first)
        result = []
        for value in _bounded(rule, horizon.year):
            if value.date() > horizon:
                break
            result.append(value)
            if len(result) > limit:
                return result
        if self.count is not None and len(result) < self.count:
            raise FieldError(
                f"die Regel ergibt in den ersten {MAX_YEARS} Jahren keinen einzigen Termin" if not result else
                f"von den {self.count} Terminen liegen nur {len(result)} in den ersten {MAX_YEARS} Jahren",
                "die Regel prüfen (gibt es den Tag, z. B. einen 30. Februar?)" if not result else
                f"weniger Termine angeben; spätestens am {horizon:%d.%m.%Y} muss die Reihe enden",
            )
        return result


def _years_after(moment: dt.datetime, years: int) -> dt.datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


def _bounded(rule, last_year: int):
    """Iterate a dateutil rule, giving up after ``last_year``.

    dateutil searches for the next session up to the year 9999: for a rule that never
    matches (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``) that is millions of empty steps, seconds
    for each evaluation. Its search loop stops at ``datetime.MAXYEAR``, looked up in the
    module's globals; the same loop runs here with a MAXYEAR of ``last_year``.
    """
    bounded_datetime = types.SimpleNamespace(date=dt.date, datetime=dt.datetime, MAXYEAR=last_year)
    original = dateutil_rrule.rrule._iter
    search = types.FunctionType(original.__code__, {**vars(dateutil_rrule), "datetime": bounded_datetime},
                                original.__name__, original.__defaults__, original.__closure__)
    return search(rule)


def parse_simple(text: str, first_day: dt.date | None) -> Rule:
    """Parse the volunteer form, e.g. ``wöchentlich Di, Do bis 2026-12-17``.

    ``first_day`` is the start (None when the start itself is broken: then only the form is checked).
    """
    original = text
    tokens = re.sub(r"[,;]", " ", text.strip().lower()).split()
    if not tokens:
        raise FieldError("die Wiederholung ist leer", SIMPLE_FIX)
    position = 0
    freq = None
    interval = 1
    if tokens[0] in FREQ_WORDS:
        freq = FREQ_WORDS[tokens[0]]
        position = 1
    elif tokens[0] in ("alle", "jede", "jeden", "jedes") and len(tokens) > 2 and tokens[1].isdigit():
        interval = int(tokens[1])
        freq = INTERVAL_UNITS.get(tokens[2])
        position = 3
    if freq is None or interval < 1:
        raise FieldError(f"„{original}“: die Häufigkeit ist unklar", SIMPLE_FIX)
    byday: list[str] = []
    bymonthday: list[int] = []
    until = None
    count = None
    while position < len(tokens):
        token = tokens[position].rstrip(".") if tokens[position] not in ORDINALS else tokens[position]
        if token in ("am", "an", "jeden", "jede", "und", "immer"):
            position += 1
        elif token in WEEKDAYS:
            byday.append(WEEKDAYS[token])
            position += 1
        elif tokens[position] in ORDINALS and position + 1 < len(tokens) and (
            tokens[position + 1].rstrip(".") in WEEKDAYS
        ):
            byday.append(f"{ORDINALS[tokens[position]]}{WEEKDAYS[tokens[position + 1].rstrip('.')]}")
            position += 2
        elif re.fullmatch(r"\d{1,2}\.", tokens[position]) and freq in ("MONTHLY", "YEARLY"):
            bymonthday.append(int(tokens[position][:-1]))
            position += 1
        elif token == "bis" and position + 1 < len(tokens):
            until = parse_date(tokens[position + 1])
            position += 2
        elif token.isdigit() and position + 1 < len(tokens) and tokens[position + 1] in ("mal", "termine", "x"):
            count = int(token)
            position += 2
        elif re.fullmatch(r"\d+x", token) or re.fullmatch(r"\d+mal", token):
            count = int(re.match(r"\d+", token).group())
            position += 1
        else:
            raise FieldError(f"„{original}“: „{tokens[position]}“ ist unverständlich", SIMPLE_FIX)
    if until is None and count is None:
        raise FieldError(
            f"„{original}“ hat kein Ende",
            "„bis JJJJ-MM-TT“ oder „N mal“ ergänzen, damit die Reihe nicht endlos weiterläuft",
        )
    if until is not None and count is not None:
        raise FieldError(f"„{original}“ hat „bis“ und „mal“", "nur eines von beiden angeben")
    if until is not None and first_day is not None and until < first_day:
        raise FieldError(
            f"„{original}“ endet am {until.isoformat()}, vor dem Beginn {first_day.isoformat()}",
            "das Datum nach „bis“ oder den Beginn korrigieren",
        )
    if any(d[0].isdigit() or d[0] == "-" for d in byday) and freq not in ("MONTHLY", "YEARLY"):
        raise FieldError(f"„{original}“: „1. Mi“ usw. geht nur monatlich oder jährlich", SIMPLE_FIX)
    parts = [("FREQ", freq)]
    if interval != 1:
        parts.append(("INTERVAL", str(interval)))
    if count is not None:
        parts.append(("COUNT", str(count)))
    if byday:
        parts.append(("BYDAY", ",".join(dict.fromkeys(byday))))
    if bymonthday:
        parts.append(("BYMONTHDAY", ",".join(str(d) for d in dict.fromkeys(bymonthday))))
    return Rule(parts=tuple(parts), until=until, count=count)


def parse_rrule(text: str, first: dt.datetime, timezone) -> Rule:
    """Parse a raw RRULE (``FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217``) into a :class:`Rule`.

    UNTIL may be a date, a local date-time or a UTC date-time (``Z``); it is kept as a
    local value so the rule is evaluated in wall-clock time.
    """
    raw = text.strip()
    if raw.upper().startswith("RRULE:"):
        raw = raw[6:]
    parts: list[tuple[str, str]] = []
    until = None
    count = None
    for chunk in raw.split(";"):
        if not chunk.strip():
            continue
        if "=" not in chunk:
            raise FieldError(f"„{text}“: „{chunk}“ ist kein Teil NAME=WERT", RRULE_FIX)
        name, value = (x.strip() for x in chunk.split("=", 1))
        name = name.upper()
        value = value.upper()
        if name not in ALLOWED_PARTS:
            raise FieldError(f"„{text}“: „{name}“ ist hier nicht erlaubt", RRULE_FIX)
        if any(name == seen for seen, _ in parts) or (name == "UNTIL" and until is not None):
            raise FieldError(f"„{text}“: „{name}“ kommt doppelt vor", RRULE_FIX)
        if name == "UNTIL":
            until = _parse_until(value, text, timezone)
            continue
        if name == "FREQ" and value not in ALLOWED_FREQ:
            raise FieldError(
                f"„{text}“: FREQ={value} ist nicht erlaubt",
                "FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY verwenden",
            )
        if name == "COUNT":
            if not value.isdigit() or int(value) < 1:
                raise FieldError(f"„{text}“: COUNT={value} ist keine positive Zahl", RRULE_FIX)
            count = int(value)
        parts.append((name, value))
    if not parts or parts[0][0] != "FREQ":
        if not any(name == "FREQ" for name, _ in parts):
            raise FieldError(f"„{text}“: FREQ fehlt", RRULE_FIX)
        parts.sort(key=lambda item: item[0] != "FREQ")
    if until is None and count is None:
        raise FieldError(
            f"„{text}“ hat kein Ende",
            "UNTIL=JJJJMMTT oder COUNT=N ergänzen, damit die Reihe nicht endlos weiterläuft",
        )
    if until is not None and count is not None:
        raise FieldError(f"„{text}“ hat UNTIL und COUNT", "nur eines von beiden angeben (RFC 5545)")
    rule = Rule(parts=tuple(parts), until=until, count=count)
    try:
        rule.starts(first, limit=1)
    except FieldError:
        raise
    except (ValueError, TypeError, KeyError) as error:
        raise FieldError(f"„{text}“ ist keine gültige Regel ({error})", RRULE_FIX) from None
    return rule


def _parse_until(value: str, text: str, timezone) -> dt.date | dt.datetime:
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?", value)
    if not match:
        raise FieldError(f"„{text}“: UNTIL={value} ist kein Datum", RRULE_FIX)
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    try:
        if match[4] is None:
            return dt.date(year, month, day)
        moment = dt.datetime(year, month, day, int(match[4]), int(match[5]), int(match[6]))
    except ValueError:
        raise FieldError(f"„{text}“: das Datum UNTIL={value} gibt es nicht", RRULE_FIX) from None
    if match[7]:
        moment = moment.replace(tzinfo=dt.timezone.utc).astimezone(timezone).replace(tzinfo=None)
    return moment
