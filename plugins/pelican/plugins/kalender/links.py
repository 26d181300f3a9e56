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


def google_url(title: str, start, end, details: str = "", location: str = "", tz: str = "Europe/Berlin") -> str:
    """Google Calendar "create event" template link for one session.

    Timed: ``dates=YYYYMMDDTHHMMSSZ/…`` in UTC; all-day: ``dates=YYYYMMDD/YYYYMMDD`` with the
    exclusive end date. Never a series: the template's ``recur`` takes an RRULE but no EXDATE,
    RDATE or changed sessions, so a series would come with holidays, breaks, cancelled and moved
    sessions at their old times. A series is offered as its calendar file (.ics) instead.
    """
    if isinstance(start, dt.datetime):
        dates = f"{_utc_stamp(start)}/{_utc_stamp(end)}"
    else:
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    return GOOGLE_TEMPLATE + "?" + _query({
        "action": "TEMPLATE", "text": title, "dates": dates, "details": details,
        "location": location, "ctz": tz,
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


def osm_url(venue) -> str | None:
    """Plain OpenStreetMap link with a marker, or None without coordinates."""
    if venue is None or venue.lat is None or venue.lon is None:
        return None
    return f"https://www.openstreetmap.org/?mlat={venue.lat}&mlon={venue.lon}#map=17/{venue.lat}/{venue.lon}"
