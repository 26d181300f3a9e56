"""Compact VTIMEZONE components built from zoneinfo: a 1970 base plus a yearly RRULE.

icalendar's own ``Timezone.from_tzid`` writes one RDATE per year; ical.js (Thunderbird)
reads only the first RDATE of a line and shifts summer events by an hour. So we derive the
current yearly rule from the zone's transitions and write it the way Thunderbird, Apple and
Google do themselves.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class UnsupportedTimezone(ValueError):
    """The zone's transitions in a year do not follow a "n-th weekday of a month" rule."""


def _transitions(zone: ZoneInfo, year: int) -> list[tuple[dt.datetime, dt.timedelta, dt.timedelta]]:
    """UTC moments in ``year`` where the offset changes, with offsets before and after."""
    result = []
    moment = dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.timezone.utc)
    step = dt.timedelta(hours=1)
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        after = (moment + step).astimezone(zone).utcoffset()
        if after != before:
            low, high = moment, moment + step
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            result.append((high, before, after))
            before = after
        moment += step
    return result


def _offset(delta: dt.timedelta) -> dt.timedelta:
    return delta


def _rule_for(local: dt.datetime) -> dict:
    """BYMONTH/BYDAY for a local transition time: n-th or last weekday of the month."""
    weekday = WEEKDAY_CODES[local.weekday()]
    days_in_month = ((local.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).day
    if local.day + 7 > days_in_month:
        return {"FREQ": "YEARLY", "BYMONTH": local.month, "BYDAY": f"-1{weekday}"}
    return {"FREQ": "YEARLY", "BYMONTH": local.month, "BYDAY": f"{(local.day - 1) // 7 + 1}{weekday}"}


def _first_in_1970(local: dt.datetime, rule: dict) -> dt.datetime:
    from dateutil.rrule import rrulestr  # noqa: PLC0415

    text = f"FREQ=YEARLY;BYMONTH={rule['BYMONTH']};BYDAY={rule['BYDAY']}"
    start = dt.datetime(1970, 1, 1, local.hour, local.minute, local.second)
    return rrulestr("RRULE:" + text, dtstart=start)[0]


@lru_cache(maxsize=32)
def vtimezone(tzid: str, years: tuple[int, ...]) -> Timezone:
    """The compact VTIMEZONE for ``tzid``, checked against zoneinfo for the given years."""
    zone = ZoneInfo(tzid)
    reference = max(years)
    transitions = _transitions(zone, reference)
    component = Timezone()
    component.add("tzid", tzid)
    if not transitions:
        offset = dt.datetime(reference, 1, 1, tzinfo=zone).utcoffset()
        name = dt.datetime(reference, 1, 1, tzinfo=zone).tzname()
        standard = TimezoneStandard()
        standard.add("dtstart", dt.datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", name)
        component.add_component(standard)
        return component
    if len(transitions) != 2:
        raise UnsupportedTimezone(tzid)
    rules = []
    for moment, before, after in transitions:
        local = (moment + before).replace(tzinfo=None)  # wall time before the change
        rule = _rule_for(local)
        rules.append((local, before, after, rule))
        # The same rule must give the transitions of every year the calendar uses.
        for year in years:
            expected = [m for m, b, a in _transitions(zone, year) if (b, a) == (before, after)]
            local_year = _first_in_year(year, local, rule)
            if not expected or (expected[0] + before).replace(tzinfo=None) != local_year:
                raise UnsupportedTimezone(tzid)
    for local, before, after, rule in sorted(rules, key=lambda r: r[2] <= r[1]):
        sub = TimezoneDaylight() if after > before else TimezoneStandard()
        name = (local.replace(tzinfo=None) + dt.timedelta(days=1)).replace(tzinfo=zone).tzname()
        sub.add("tzname", name)
        sub.add("tzoffsetfrom", before)
        sub.add("tzoffsetto", after)
        sub.add("dtstart", _first_in_1970(local, rule))
        sub.add("rrule", vRecur(rule))
        component.add_component(sub)
    return component


def _first_in_year(year: int, local: dt.datetime, rule: dict) -> dt.datetime:
    from dateutil.rrule import rrulestr  # noqa: PLC0415

    text = f"FREQ=YEARLY;BYMONTH={rule['BYMONTH']};BYDAY={rule['BYDAY']}"
    start = dt.datetime(year, 1, 1, local.hour, local.minute, local.second)
    return rrulestr("RRULE:" + text, dtstart=start)[0]
