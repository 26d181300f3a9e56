"""Recurrence is bounded by count and by time: no rule can hang the build or write thousands of pages."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from pelican.plugins.kalender.problems import FieldError
from pelican.plugins.kalender.rules import MAX_YEARS, _bounded, parse_rrule, parse_simple
from pelican.plugins.kalender.schedule import ScheduleReader

BERLIN = ZoneInfo("Europe/Berlin")
START = dt.datetime(2026, 9, 7, 17, 30)  # a Monday


def read(meta):
    problems = []
    schedule = ScheduleReader(meta, lambda key, message, fix, value=None: problems.append((key, message, fix)),
                              "Europe/Berlin", {"zentrum"}).read()
    return schedule, problems


@pytest.mark.parametrize("rule", [
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3",      # 30 February, every day looked at
    "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31;COUNT=1",     # 31 April
    "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30,31;COUNT=2",
])
def test_a_rule_that_never_occurs_is_refused_with_a_plain_message(rule):
    with pytest.raises(FieldError) as raised:
        parse_rrule(rule, START, BERLIN)
    assert raised.value.message == f"die Regel ergibt in den ersten {MAX_YEARS} Jahren keinen einzigen Termin"
    assert "30. Februar" in raised.value.fix


def test_the_search_for_sessions_stops_at_the_time_bound():
    # Without UNTIL and COUNT dateutil would go on to the year 9999.
    endless = rrulestr("RRULE:FREQ=YEARLY", dtstart=START)
    assert [value.year for value in _bounded(endless, 2029)] == [2026, 2027, 2028, 2029]
    never = rrulestr("RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", dtstart=START)
    assert list(_bounded(never, 2031)) == []


def test_1500_yearly_sessions_are_refused_by_the_time_bound():
    rule = parse_simple("jährlich, 1500 mal", START.date())
    with pytest.raises(FieldError) as raised:
        rule.starts(START, 1500)
    assert raised.value.message == f"von den 1500 Terminen liegen nur 6 in den ersten {MAX_YEARS} Jahren"
    assert "07.09.2031" in raised.value.fix


def test_an_end_more_than_five_years_ahead_is_refused():
    schedule, problems = read({"beginn": START.strftime("%Y-%m-%d %H:%M"), "ende": "19:00",
                               "wiederholung": "wöchentlich Mo bis 2035-01-01"})
    assert schedule is None
    assert problems == [("wiederholung", "die Reihe endet erst am 01.01.2035, mehr als 5 Jahre nach dem Beginn",
                         "ein Ende bis spätestens 07.09.2031 angeben; spätere Termine als neuen Eintrag anlegen")]


def test_the_count_bound_still_applies_within_five_years():
    schedule, problems = read({"beginn": START.strftime("%Y-%m-%d %H:%M"), "ende": "19:00",
                               "wiederholung": "täglich, 1600 mal"})
    assert schedule is None
    assert problems[0][1] == "„täglich, 1600 mal“ ergibt mehr als 1500 Termine"


def test_five_years_of_weekly_sessions_are_fine_up_to_the_last_day_the_message_names():
    schedule, problems = read({"beginn": START.strftime("%Y-%m-%d %H:%M"), "ende": "19:00",
                               "wiederholung": "wöchentlich Mo bis 2031-09-08"})
    assert problems[0][1] == "die Reihe endet erst am 08.09.2031, mehr als 5 Jahre nach dem Beginn"
    schedule, problems = read({"beginn": START.strftime("%Y-%m-%d %H:%M"), "ende": "19:00",
                               "wiederholung": "wöchentlich Mo bis 2031-09-07"})  # the day the fix names
    assert problems == []
    assert len(schedule.rule_starts()) == 261 and schedule.rule_starts()[-1].date() == dt.date(2031, 9, 1)


def test_a_start_that_is_no_session_names_the_weekday_in_german():
    _, problems = read({"beginn": "2026-09-08 17:30", "ende": "19:00", "wiederholung": "wöchentlich Mo bis 2026-12-21"})
    assert problems[0][1] == "der Beginn 2026-09-08 (Dienstag) ist selbst kein Termin der Regel „wöchentlich Mo bis 2026-12-21“"
