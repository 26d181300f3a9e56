"""Compact VTIMEZONE: the yearly rules reproduce zoneinfo's offsets."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from pelican.plugins.kalender.vtimezone import UnsupportedTimezone, vtimezone


@pytest.mark.parametrize("tzid", ["Europe/Berlin", "Europe/Kyiv", "America/New_York", "Asia/Tehran"])
def test_rules_match_zoneinfo(tzid):
    component = vtimezone(tzid, (2026, 2027))
    assert "RDATE" not in component.to_ical().decode()
    # Let icalendar interpret our VTIMEZONE and compare local->UTC with zoneinfo.
    calendar = Calendar()
    calendar.add_component(component)
    event = Event()
    event.add("uid", "x")
    event.add("dtstart", dt.datetime(2026, 1, 1, 12, tzinfo=ZoneInfo(tzid)))
    calendar.add_component(event)
    parsed = Calendar.from_ical(calendar.to_ical())
    tz = parsed.walk("VTIMEZONE")[0].to_tz()
    for month in range(1, 13):
        for day in (1, 15, 28):
            local = dt.datetime(2027, month, day, 12)
            assert local.replace(tzinfo=tz).utcoffset() == local.replace(tzinfo=ZoneInfo(tzid)).utcoffset()


def test_berlin_is_the_eu_rule():
    text = vtimezone("Europe/Berlin", (2026,)).to_ical().decode()
    assert "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200" in text


def test_irregular_zone_is_refused():
    # Casablanca's offset changes around Ramadan: no yearly weekday rule.
    with pytest.raises(UnsupportedTimezone):
        vtimezone("Africa/Casablanca", (2026, 2027))
