"""Add-to-calendar URLs: Google template and Outlook compose formats, webcal, OSM."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from pelican.plugins.kalender.links import google_url, osm_url, outlook_url, webcal
from pelican.plugins.kalender.venues import Venue

BERLIN = ZoneInfo("Europe/Berlin")


def query(url):
    return parse_qs(urlsplit(url).query)


def test_google_timed_event_uses_utc_and_keeps_time_zone():
    start = dt.datetime(2026, 7, 4, 17, 0, tzinfo=BERLIN)
    url = google_url("Fest & Spiele", start, start + dt.timedelta(hours=2), "Mit Musik", "Saal, Plauen")
    q = query(url)
    assert url.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE&")
    assert q["dates"] == ["20260704T150000Z/20260704T170000Z"]  # summer: UTC+2
    assert q["text"] == ["Fest & Spiele"] and q["location"] == ["Saal, Plauen"] and q["ctz"] == ["Europe/Berlin"]
    assert "recur" not in q


def test_google_all_day_uses_dates_with_exclusive_end():
    q = query(google_url("Aktionstage", dt.date(2026, 9, 24), dt.date(2026, 9, 27)))
    assert q["dates"] == ["20260924/20260927"]


def test_outlook_compose_has_iso_times_with_offset_and_all_day_flag():
    start = dt.datetime(2026, 11, 26, 17, 0, tzinfo=BERLIN)
    url = outlook_url("Kurs", start, start + dt.timedelta(hours=2), "Text", "Zentrum")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "outlook.live.com", "/calendar/0/action/compose")
    q = query(url)
    assert q["startdt"] == ["2026-11-26T17:00:00+01:00"] and q["enddt"] == ["2026-11-26T19:00:00+01:00"]
    assert "+" not in parts.query.replace("%2B", "")  # a literal + would be read as a space
    all_day = query(outlook_url("Tage", dt.date(2026, 9, 24), dt.date(2026, 9, 27)))
    assert all_day["allday"] == ["true"] and all_day["startdt"] == ["2026-09-24"]


def test_webcal_and_openstreetmap():
    assert webcal("https://example.org/kalender/feeds/alle.ics") == "webcal://example.org/kalender/feeds/alle.ics"
    venue = Venue("zentrum", "Zentrum", "Teststraße 1", 50.4952, 12.1361)
    assert osm_url(venue) == "https://www.openstreetmap.org/?mlat=50.4952&mlon=12.1361#map=17/50.4952/12.1361"
    assert osm_url(Venue("x", "Ohne Koordinaten", "")) is None
