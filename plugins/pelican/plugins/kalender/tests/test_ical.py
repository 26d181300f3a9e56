"""The iCalendar feeds: RFC 5545 details and agreement with recurring-ical-events."""

import datetime as dt

import recurring_ical_events
from icalendar import Calendar

from pelican.plugins.kalender.api import occurrences

from .conftest import COURSE

FULL_COURSE = COURSE.replace(
    "Ort: zentrum",
    "Ort: zentrum\nFeiertage: überspringen\nFerien: 2026-07-04 bis 2026-08-14 - Sommerferien\n"
    "Ausfall: 2026-04-02 - Kursleiterin krank\nVerlegt: 2026-04-07 auf 2026-04-08 18:00, Ort: saal - Raum belegt\n"
    "Zusatztermin: 2026-11-07 10:00 - Prüfung",
)
ALL_DAY = """
Title: Aktionstage; mit, Sonderzeichen\\ und einem sehr langen Titel über Begegnung, Musik und Sport in Plauen
Slug: aktionstage
Art: veranstaltung
Beginn: 2026-09-24
Ende: 2026-09-26
Wiederholung: jährlich, 2 mal
Ort: zentrum
"""
CANCELLED = """
Title: Lesung
Slug: lesung
Art: veranstaltung
Beginn: 2026-05-20 19:00
Dauer: 90 Minuten
Abgesagt: Die Autorin ist erkrankt.
"""


def built(site):
    site.entry("kurs.de.md", FULL_COURSE)
    site.entry("tage.de.md", ALL_DAY)
    site.entry("lesung.de.md", CANCELLED)
    site.commit()
    return site.build()


def test_lines_crlf_folded_at_75_octets_without_splitting_utf8(site):
    output, _ = built(site)
    for path in output.rglob("*.ics"):
        data = path.read_bytes()
        assert data.endswith(b"\r\n")
        lines = data.split(b"\r\n")[:-1]
        assert b"\n" not in b"".join(lines)
        for line in lines:
            assert len(line) <= 75, (path, line)
            line.decode("utf-8")  # raises if a fold split a character


def test_calendar_properties(site):
    output, _ = built(site)
    text = (output / "en/kalender/feeds/kurse.ics").read_bytes().decode().replace("\r\n ", "")
    for expected in (
        "NAME:Testzentrum – Kurse",
        "X-WR-CALNAME:Testzentrum – Kurse",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
        "SOURCE;VALUE=URI:https://example.org/en/kalender/feeds/kurse.ics",
        "URL;VALUE=URI:https://example.org/en/kalender/kurse/",
        "DESCRIPTION:",
        "VERSION:2.0",
    ):
        assert expected in text


def test_compact_vtimezone_and_utc_until(site):
    output, _ = built(site)
    text = (output / "kalender/feeds/termine/deutschkurs.ics").read_bytes().decode().replace("\r\n ", "")
    assert "RDATE" not in text.split("BEGIN:VEVENT")[0]
    assert "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    assert "RRULE:FREQ=WEEKLY;UNTIL=20261105T225959Z;BYDAY=TU,TH" in text
    assert "DTSTART;TZID=Europe/Berlin:20260324T170000" in text
    # Same value type as DTSTART for EXDATE and RDATE.
    assert "EXDATE;TZID=Europe/Berlin:20260514T170000," in text
    assert "RDATE;TZID=Europe/Berlin:20261107T100000" in text


def test_no_floating_times(site):
    output, _ = built(site)
    for path in output.rglob("*.ics"):
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
                if name in event:
                    value = event[name].dt
                    assert not isinstance(value, dt.datetime) or value.tzinfo is not None
            assert event["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)


def test_all_day_uses_value_date_with_exclusive_end(site):
    output, _ = built(site)
    text = (output / "kalender/feeds/termine/aktionstage.ics").read_bytes().decode().replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20260924" in text
    assert "DTEND;VALUE=DATE:20260927" in text
    assert "RRULE:FREQ=YEARLY;COUNT=2" in text
    assert "VTIMEZONE" not in text
    assert "SUMMARY:Aktionstage\\; mit\\, Sonderzeichen\\\\ und" in text


def test_overrides_for_moved_and_cancelled_sessions(site):
    output, _ = built(site)
    events = Calendar.from_ical((output / "kalender/feeds/termine/deutschkurs.ics").read_bytes()).walk("VEVENT")
    overrides = {e["RECURRENCE-ID"].dt.date(): e for e in events if "RECURRENCE-ID" in e}
    cancelled = overrides[dt.date(2026, 4, 2)]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert "Kursleiterin krank" in str(cancelled["DESCRIPTION"])
    moved = overrides[dt.date(2026, 4, 7)]
    assert moved["DTSTART"].dt == dt.datetime(2026, 4, 8, 18, 0, tzinfo=moved["DTSTART"].dt.tzinfo)
    assert str(moved["LOCATION"]) == "Saal, Saalweg 2, Plauen"
    assert "GEO" not in moved
    assert {str(e["UID"]) for e in events} == {"deutschkurs@test.invalid"}


def test_cancelled_entry_stays_in_the_feed(site):
    output, _ = built(site)
    [event] = Calendar.from_ical((output / "kalender/feeds/alle.ics").read_bytes()).walk("VEVENT")[-1:]
    events = {str(e["UID"]): e for e in Calendar.from_ical((output / "kalender/feeds/alle.ics").read_bytes()).walk("VEVENT")
              if "RECURRENCE-ID" not in e}
    lesung = events["lesung@test.invalid"]
    assert str(lesung["STATUS"]) == "CANCELLED"
    assert str(lesung["SUMMARY"]) == "Abgesagt: Lesung"
    assert "Die Autorin ist erkrankt." in str(lesung["DESCRIPTION"])


def test_event_properties(site):
    output, _ = built(site)
    events = {str(e["UID"]): e for e in Calendar.from_ical((output / "en/kalender/feeds/alle.ics").read_bytes()).walk("VEVENT")
              if "RECURRENCE-ID" not in e}
    course = events["deutschkurs@test.invalid"]
    assert str(course["URL"]) == "https://example.org/en/kalender/deutschkurs/"
    assert str(course["LOCATION"]) == "Zentrum, Teststraße 1, 08523 Plauen"
    assert course["GEO"].latitude == 50.4952 and course["GEO"].longitude == 12.1361
    assert course["CATEGORIES"].cats == ["Kurse", "Language"]
    description = str(course["DESCRIPTION"])
    assert "Deutsch üben." in description and "**" not in description and "<" not in description
    assert "Alltag (https://example.org/alltag)" in description
    assert "Step-free entrance" in description


def test_feed_expansion_matches_the_api(site):
    """recurring-ical-events on the written feed gives the same UTC times as our expansion."""
    output, generator = built(site)
    feed = Calendar.from_ical((output / "kalender/feeds/alle.ics").read_bytes())
    expanded = recurring_ical_events.of(feed).between(dt.date(2026, 1, 1), dt.date(2028, 1, 1))
    from_feed = sorted(
        (str(e["UID"]), _utc(e["DTSTART"].dt), str(e.get("STATUS"))) for e in expanded
    )
    ours = sorted(
        (o.entry.uid, _utc(o.start), "CANCELLED" if o.state == "cancelled" else "CONFIRMED")
        for entry in generator.originals
        for o in occurrences(entry, include_skipped=False)
    )
    assert from_feed == ours
    assert len(ours) > 50


def _utc(value):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat()
    return value.isoformat()


def test_serialize_gives_exactly_what_icalendar_gives():
    from icalendar import Calendar, Event

    from pelican.plugins.kalender.ical import serialize

    shared = Event()
    shared.add("uid", "a@example.invalid")
    shared.add("summary", "Ein sehr langer Titel " * 8)
    first, second = Calendar(), Calendar()
    for cal, name in ((first, "Alle"), (second, "Kurse")):
        cal.add("prodid", "-//x//y//DE")
        cal.add("version", "2.0")
        cal.add("name", name)
        cal.add_component(shared)
    cache = {}
    assert serialize(first, cache) == first.to_ical()
    assert serialize(second, cache) == second.to_ical()
    assert len(cache) == 1
