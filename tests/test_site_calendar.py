"""Calendar pages in output/: every view in every language, and h-event times that agree with
the .ics feeds as python-icalendar + recurring-ical-events expand them."""

import datetime as dt

import mf2py
import pytest
import recurring_ical_events
from dateutil.parser import isoparse
from icalendar import Calendar

from tests.site import output_dir, pelicanconf, soup

VIEWS = ("kalender", "veranstaltungen", "kurse", "garten", "archiv", "abonnieren")
DEFAULT = next(iter(pelicanconf.LANGUAGES))


def prefixes():
    return ["" if code == DEFAULT else f"{code}/" for code in pelicanconf.LANGUAGES]


def entry_slugs():
    feeds = output_dir() / "kalender" / "feeds" / "termine"
    slugs = sorted(p.stem for p in feeds.glob("*.ics"))
    assert slugs, "keine Einzel-Feeds in output/kalender/feeds/termine/"
    return slugs


def utc(raw: str):
    value = isoparse(raw)
    return value.astimezone(dt.timezone.utc) if len(raw) > 10 else value.date()


def test_every_calendar_view_and_entry_page_exists_in_every_language():
    out = output_dir()
    missing = []
    for prefix in prefixes():
        for name in VIEWS:
            path = out / prefix / pelicanconf.VIEW_URLS[name] / "index.html"
            if not path.is_file():
                missing.append(str(path.relative_to(out)))
        for slug in entry_slugs():
            if not (out / prefix / "kalender" / slug / "index.html").is_file():
                missing.append(f"{prefix}kalender/{slug}/index.html")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("prefix", prefixes())
def test_entry_page_hevent_starts_agree_with_the_ics_expansion(prefix):
    out = output_dir()
    problems = []
    for slug in entry_slugs():
        page = out / prefix / "kalender" / slug / "index.html"
        html = page.read_text(encoding="utf-8")
        items = [i for i in mf2py.parse(doc=html, html_parser="lxml")["items"] if "h-event" in i["type"]]
        shown = {utc(i["properties"]["start"][0]) for i in items}
        calendar = Calendar.from_ical((out / prefix / "kalender/feeds/termine" / f"{slug}.ics").read_bytes())
        expanded = set()
        for event in recurring_ical_events.of(calendar).between(dt.date(1970, 1, 1), dt.date(2100, 1, 1)):
            value = event["DTSTART"].dt
            if isinstance(value, dt.datetime):
                assert value.tzinfo is not None, f"{slug}: floating DTSTART {value}"
                value = value.astimezone(dt.timezone.utc)
            expanded.add(value)
        if not shown <= expanded:
            problems.append(f"{prefix}kalender/{slug}/: h-event ohne Gegenstück im .ics: {sorted(map(str, shown - expanded))}")
        truncated = soup(page).select_one(".sessions + p") is not None
        if shown and not truncated:
            first = min(shown, key=lambda v: v if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else v.date())
            first_day = first if not isinstance(first, dt.datetime) else first.date()
            def day(v):
                return v.date() if isinstance(v, dt.datetime) else v
            later = {v for v in expanded if day(v) >= first_day}
            if later != shown and len(shown) < 12:
                problems.append(f"{prefix}kalender/{slug}/: .ics hat {sorted(map(str, later - shown))} nicht auf der Seite")
    assert not problems, "\n".join(problems)


def test_upcoming_page_hevents_are_all_in_some_feed():
    out = output_dir()
    calendar = Calendar.from_ical((out / "kalender/feeds/alle.ics").read_bytes())
    starts = set()
    for event in recurring_ical_events.of(calendar).between(dt.date(1970, 1, 1), dt.date(2100, 1, 1)):
        value = event["DTSTART"].dt
        starts.add(value.astimezone(dt.timezone.utc) if isinstance(value, dt.datetime) else value)
    html = (out / "kalender/index.html").read_text(encoding="utf-8")
    shown = [i for i in mf2py.parse(doc=html, html_parser="lxml")["items"] if "h-event" in i["type"]]
    assert all(utc(i["properties"]["start"][0]) in starts for i in shown)


def test_archive_marks_one_off_entries_as_h_event_but_not_whole_series():
    """A past series is one row summing up many sessions: an h-event there would claim one months-long event."""
    doc = soup(output_dir() / "kalender" / "archiv" / "index.html")
    rows = doc.select("main li.event")
    series = [row for row in rows if " Termine" in row.select_one(".event__meta").get_text()]  # "12 Termine"
    singles = [row for row in rows if row not in series]
    assert series and singles, "the real content has past series and past one-off entries"
    for row in series:
        assert "h-event" not in row["class"], row.get_text(" ", strip=True)[:80]
    for row in singles:
        assert "h-event" in row["class"]
        parsed = mf2py.parse(doc=str(row))["items"]
        assert parsed and parsed[0]["properties"].get("start"), row.get_text(" ", strip=True)[:80]
