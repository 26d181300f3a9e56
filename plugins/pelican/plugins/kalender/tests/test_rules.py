"""The volunteer recurrence form and raw RRULE parsing."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pelican.plugins.kalender.problems import FieldError
from pelican.plugins.kalender.rules import parse_rrule, parse_simple

START = dt.datetime(2026, 9, 1, 17, 0)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "rule", "count"),
    [
        ("wöchentlich Di, Do bis 2026-12-17", "FREQ=WEEKLY;BYDAY=TU,TH", 32),
        ("wöchentlich bis 2026-09-29", "FREQ=WEEKLY", 5),
        ("alle 2 Wochen Di bis 2026-10-27", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", 5),
        ("täglich, 5 mal", "FREQ=DAILY;COUNT=5", 5),
        ("monatlich am 1. Di bis 2026-12-31", "FREQ=MONTHLY;BYDAY=1TU", 4),
        ("monatlich am letzten Di, 3 mal", "FREQ=MONTHLY;COUNT=3;BYDAY=-1TU", 3),
        ("Wöchentlich am Dienstag und Donnerstag bis 17.12.2026", "FREQ=WEEKLY;BYDAY=TU,TH", 32),
        ("jährlich, 3 mal", "FREQ=YEARLY;COUNT=3", 3),
    ],
)
def test_simple_form(text, rule, count):
    parsed = parse_simple(text, START.date())
    assert parsed.rrule_text() == rule
    assert len(parsed.starts(START if "letzten" not in text else dt.datetime(2026, 9, 29, 17), 500)) == count


def test_until_is_the_whole_last_day():
    parsed = parse_simple("wöchentlich Di bis 2026-09-15", START.date())
    assert parsed.starts(START, 10)[-1] == dt.datetime(2026, 9, 15, 17, 0)
    assert parsed.local_until(all_day=False) == dt.datetime(2026, 9, 15, 23, 59, 59)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("wöchentlich Di", "kein Ende"),
        ("wöchentlich Di bis 2026-08-01", "vor dem Beginn"),
        ("wöchentlich Dienstig bis 2026-12-01", "„dienstig“ ist unverständlich"),
        ("wöchentlich 1. Di bis 2026-12-01", "nur monatlich"),
        ("wöchentlich Di bis 2026-12-01, 3 mal", "„bis“ und „mal“"),
    ],
)
def test_simple_form_errors(text, needle):
    with pytest.raises(FieldError) as raised:
        parse_simple(text, START.date())
    assert needle in raised.value.message


def test_raw_rrule_until_in_utc_becomes_local():
    rule = parse_rrule("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260915T150000Z", START, ZoneInfo("Europe/Berlin"))
    assert rule.until == dt.datetime(2026, 9, 15, 17, 0)
    assert rule.starts(START, 10)[-1] == dt.datetime(2026, 9, 15, 17, 0)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("FREQ=WEEKLY;BYDAY=TU;COUNT=3;UNTIL=20261201", "UNTIL und COUNT"),
        ("FREQ=HOURLY;COUNT=3", "nicht erlaubt"),
        ("BYDAY=TU;COUNT=3", "FREQ fehlt"),
        ("FREQ=WEEKLY;UNTIL=20261341", "gibt es nicht"),
        ("FREQ=WEEKLY;DTSTART=20260901;COUNT=2", "hier nicht erlaubt"),
        ("FREQ=WEEKLY;COUNT", "kein Teil NAME=WERT"),
    ],
)
def test_raw_rrule_errors(text, needle):
    with pytest.raises(FieldError) as raised:
        parse_rrule(text, START, ZoneInfo("Europe/Berlin"))
    assert needle in raised.value.message
