"""Sessions that run across a clock change at night keep their local end in every client.

RFC 5545 gives each generated member the exact (elapsed) duration of DTSTART..DTEND, and
ical.js adds that duration to the wall clock; both are an hour off the written end when a
session (or the first one) spans the DST switch. Such sessions get an override VEVENT.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar

from .conftest import COURSE

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.timezone.utc
NIGHT = """
Title: Nachtcafé
Slug: nachtcafe
Art: veranstaltung
Beginn: 2026-10-17 22:00
Ende: 2026-10-18 04:00
Wiederholung: wöchentlich, 3 mal
Ort: zentrum
"""
FIRST_SPANS = """
Title: Lange Nacht
Slug: lange-nacht
Art: veranstaltung
Beginn: 2026-10-24 20:00
Ende: 2026-10-25 03:30
Wiederholung: jährlich, 3 mal
"""


def _feed(out, slug):
    return Calendar.from_ical((out / "kalender" / "feeds" / "termine" / f"{slug}.ics").read_bytes())


def _generated_ends(calendar):
    """Each member's end as RFC 5545 and as ical.js compute it from the master, unless overridden."""
    master = next(e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e)
    overridden = {e["RECURRENCE-ID"].dt for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e}
    exact = master["DTEND"].dt.astimezone(UTC) - master["DTSTART"].dt.astimezone(UTC)
    result = {}
    for occurrence in recurring_ical_events.of(calendar).between(dt.date(2026, 1, 1), dt.date(2030, 1, 1)):
        start = occurrence["DTSTART"].dt
        if start in overridden:
            continue
        rfc = start.astimezone(UTC) + exact
        wall_clock = (start.replace(tzinfo=None) + exact).replace(tzinfo=BERLIN).astimezone(UTC)
        result[start] = (rfc, wall_clock)
    return result


def test_sessions_across_the_clock_change_keep_their_local_end(site):
    site.entry("nacht.de.md", NIGHT)
    site.entry("lang.de.md", FIRST_SPANS)
    site.commit()
    out, _ = site.build()
    for slug, local_end in (("nachtcafe", dt.time(4, 0)), ("lange-nacht", dt.time(3, 30))):
        calendar = _feed(out, slug)
        occurrences = recurring_ical_events.of(calendar).between(dt.date(2026, 1, 1), dt.date(2030, 1, 1))
        assert len(occurrences) == 3, slug
        for occurrence in occurrences:
            end = occurrence["DTEND"].dt
            assert end.tzinfo is not None and end.astimezone(BERLIN).time() == local_end, (slug, occurrence["DTSTART"].dt, end)
            expected = end.astimezone(UTC)
            generated = _generated_ends(calendar).get(occurrence["DTSTART"].dt)
            assert generated is None or generated == (expected, expected), (slug, occurrence["DTSTART"].dt, generated, expected)
        # only the sessions that need it are pinned
        pinned = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e]
        assert all(e["STATUS"] == "CONFIRMED" and e["SUMMARY"] == calendar.walk("VEVENT")[0]["SUMMARY"] for e in pinned)
    assert len([e for e in _feed(out, "nachtcafe").walk("VEVENT") if "RECURRENCE-ID" in e]) == 1  # 24 Oct only
    assert len([e for e in _feed(out, "lange-nacht").walk("VEVENT") if "RECURRENCE-ID" in e]) == 3


def test_no_extra_overrides_for_other_series_or_single_events(site):
    site.entry("kurs.de.md", COURSE)
    site.entry("einmal.de.md", NIGHT.replace("Slug: nachtcafe", "Slug: einmal").replace("Wiederholung: wöchentlich, 3 mal\n", "")
               .replace("2026-10-17 22:00", "2026-10-24 22:00").replace("2026-10-18 04:00", "2026-10-25 04:00"))
    site.commit()
    out, _ = site.build()
    assert len(_feed(out, "deutschkurs").walk("VEVENT")) == 1
    single = _feed(out, "einmal").walk("VEVENT")
    assert len(single) == 1 and "RECURRENCE-ID" not in single[0]
    assert single[0]["DTEND"].dt.astimezone(UTC) - single[0]["DTSTART"].dt.astimezone(UTC) == dt.timedelta(hours=7)
