"""View URLs per language and "add to calendar" links (webcal, Google, Outlook).

The Google and Outlook links are plain links in their documented URL formats; our pages
make no request to those services.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from .config import lang_prefix

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
OUTLOOK_COMPOSE = "https://outlook.live.com/calendar/0/action/compose"
UTC = dt.timezone.utc


def view_url(settings: dict, lang: str, name: str, suffix: str = "") -> str:
    """Site-relative URL of a named calendar view (``VIEW_URLS``) in ``lang``, plus ``suffix``."""
    return lang_prefix(settings, lang) + settings["VIEW_URLS"][name] + suffix


def webcal(url: str) -> str:
    """The ``webcal://`` form of an http(s) feed URL (calendar apps subscribe to it)."""
    parts = urlsplit(url)
    return urlunsplit(("webcal", *parts[1:]))


def _utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _query(params: dict) -> str:
    return urlencode({k: v for k, v in params.items() if v}, quote_via=lambda s, *_a: quote(s, safe="/"))


def google_url(title: str, start, end, details: str = "", location: str = "",
               tz: str = "Europe/Berlin", rrule: str | None = None) -> str:
    """Google Calendar "create event" template link.

    Timed: ``dates=YYYYMMDDTHHMMSSZ/…`` in UTC; all-day: ``dates=YYYYMMDD/YYYYMMDD`` with the
    exclusive end date. ``rrule`` (without ``RRULE:``) makes it a series.
    """
    if isinstance(start, dt.datetime):
        dates = f"{_utc_stamp(start)}/{_utc_stamp(end)}"
    else:
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    return GOOGLE_TEMPLATE + "?" + _query({
        "action": "TEMPLATE", "text": title, "dates": dates, "details": details,
        "location": location, "ctz": tz, "recur": f"RRULE:{rrule}" if rrule else "",
    })  # fmt: skip


def outlook_url(title: str, start, end, body: str = "", location: str = "") -> str:
    """Outlook.com compose link (``startdt``/``enddt`` ISO 8601 with offset; all-day as dates)."""
    if isinstance(start, dt.datetime):
        times = {"startdt": start.isoformat(timespec="seconds"), "enddt": end.isoformat(timespec="seconds")}
    else:
        times = {"startdt": start.isoformat(), "enddt": end.isoformat(), "allday": "true"}
    return OUTLOOK_COMPOSE + "?" + _query({
        "rru": "addevent", "subject": title, **times,
        "body": body, "location": location,
    })  # fmt: skip


def google_rrule(schedule) -> str | None:
    """The entry's RRULE for Google, with UNTIL in UTC (timed) or as a date (all-day)."""
    rule = schedule.rule
    if rule is None:
        return None
    text = rule.rrule_text()
    until = rule.local_until(schedule.all_day)
    if until is not None:
        if schedule.all_day:
            text += f";UNTIL={until:%Y%m%d}"
        else:
            text += ";UNTIL=" + _utc_stamp(until.replace(tzinfo=schedule.zone))
    if rule.count is not None and "COUNT=" not in text:
        text += f";COUNT={rule.count}"
    return text


def osm_url(venue) -> str | None:
    """Plain OpenStreetMap link with a marker, or None without coordinates."""
    if venue is None or venue.lat is None or venue.lon is None:
        return None
    return f"https://www.openstreetmap.org/?mlat={venue.lat}&mlon={venue.lon}#map=17/{venue.lat}/{venue.lon}"
