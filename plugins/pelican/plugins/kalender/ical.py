"""iCalendar feeds written with the ``icalendar`` package (RFC 5545), one set per language.

Same repository state -> byte-identical feeds: no build clock, sorted output, DTSTAMP and
SEQUENCE from the git history (:mod:`.history`), UIDs from the UID field or slug.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur, vText

from pelican.plugins.multilingual.urls import absolute_url

from . import i18n
from .api import entry_for_lang, entry_path, reason_of
from .config import KIND_SLUGS, lang_prefix
from .plaintext import html_to_text
from .vtimezone import vtimezone

PRODID = "-//Integration statt Isolation e.V.//Kalender Kompetenz-Zentrum//DE"


def _value(moment: dt.datetime, schedule):
    """A naive local start as the iCalendar value: DATE for all-day, else TZID date-time."""
    if schedule.all_day:
        return moment.date()
    return moment.replace(tzinfo=ZoneInfo(schedule.tz))


def _ends_differ_in_clients(instance, exact: dt.timedelta, schedule) -> bool:
    """Whether a regular session's end, left to the RRULE/RDATE, would differ from its real end.

    RFC 5545 (3.8.5.3) gives every generated member the *exact* duration of DTSTART..DTEND;
    ical.js (Thunderbird) adds that exact duration to the wall clock. Around a DST change
    (an evening running past the switch at night) either can be an hour off the local end
    that the volunteer wrote and the page shows, so such a session gets its own override.
    """
    if schedule.all_day:
        return False
    zone = ZoneInfo(schedule.tz)
    start = instance.start.replace(tzinfo=zone).astimezone(dt.timezone.utc)
    end = instance.end.replace(tzinfo=zone).astimezone(dt.timezone.utc)
    wall_clock_end = (instance.start + exact).replace(tzinfo=zone).astimezone(dt.timezone.utc)
    return end != start + exact or end != wall_clock_end


def _rrule(schedule) -> vRecur:
    rule = schedule.rule
    parts: dict = {}
    for name, value in rule.parts:
        parts[name] = value.split(",") if "," in value else value
    until = rule.local_until(schedule.all_day)
    if until is not None:
        if schedule.all_day:
            parts["UNTIL"] = until
        else:
            # RFC 5545: with a TZID DTSTART, UNTIL is in UTC.
            parts["UNTIL"] = until.replace(tzinfo=ZoneInfo(schedule.tz)).astimezone(dt.timezone.utc)
    return vRecur(parts)


def _description(entry, settings, lang, extra: str = "") -> str:
    _ = lambda message: i18n.gettext(settings, lang, message)  # noqa: E731
    parts = []
    if extra:
        parts.append(extra)
    summary = html_to_text(getattr(entry, "summary", "") or "")
    body = html_to_text(entry.content or "")
    for text in (summary, body):
        if text and text not in parts:
            parts.append(text)
    facts = []
    facts.append(f"{_(i18n.COST_LABEL)}: {entry.cost if not entry.is_free else _(i18n.FREE_LABEL)}")
    if entry.registration:
        facts.append(f"{_(i18n.REGISTRATION_LABEL)}: {entry.registration}")
    if entry.contact:
        facts.append(f"{_(i18n.CONTACT_LABEL)}: {entry.contact}")
    if entry.spoken_languages:
        facts.append(f"{_(i18n.LANGUAGES_LABEL)}: {', '.join(entry.spoken_languages)}")
    if entry.venue and entry.venue.text("barrierefreiheit", lang):
        facts.append(f"{_(i18n.ACCESSIBILITY_LABEL)}: {entry.venue.text('barrierefreiheit', lang)}")
    parts.append("\n".join(facts))
    parts.append(f"{_(i18n.MORE_LABEL)}: {absolute_url(settings, entry_path(settings, entry, lang))}")
    return "\n\n".join(parts)


def _add_place(event: Event, venue, lang: str) -> None:
    if venue is None:
        return
    event.add("location", venue.location_in(lang))
    if venue.lat is not None and venue.lon is not None:
        event.add("geo", (venue.lat, venue.lon))


def entry_events(original, settings: dict, lang: str) -> list[Event]:
    """The master VEVENT of an entry in ``lang`` plus one override per moved/cancelled session."""
    entry = entry_for_lang(original, lang)
    schedule = entry.schedule
    _ = lambda message: i18n.gettext(settings, lang, message)  # noqa: E731
    categories = [c.name(lang, settings["DEFAULT_LANG"]) for c in original.categories]
    kind_label = _(i18n.KIND_LABELS[original.kind])
    url = absolute_url(settings, entry_path(settings, original, lang))

    def base(event: Event, title: str, status: str) -> Event:
        event.add("uid", original.uid)
        event.add("dtstamp", original.dtstamp)
        event.add("sequence", original.sequence)
        event.add("summary", title)
        event.add("status", status)
        event.add("url", url, parameters={"VALUE": "URI"})
        event.add("categories", [kind_label, *categories])
        return event

    cancelled = entry.cancelled is not None
    title = f"{_(i18n.CANCELLED_PREFIX)}: {entry.title}" if cancelled else entry.title
    master = base(Event(), title, "CANCELLED" if cancelled else "CONFIRMED")
    master.add("dtstart", _value(schedule.first, schedule))
    master.add("dtend", _value(schedule.first + schedule.duration, schedule))
    if schedule.rule is not None:
        master.add("rrule", _rrule(schedule))
    instances = schedule.instances()
    extras = sorted(extra.start for extra in schedule.extras)
    if extras:
        master.add("rdate", [_value(moment, schedule) for moment in extras])
    skipped = sorted(i.recurrence_id for i in instances if i.state == "skipped")
    if skipped:
        master.add("exdate", [_value(moment, schedule) for moment in skipped])
    _add_place(master, entry.venue, lang)
    extra = f"{_(i18n.CANCELLED_PREFIX)}: {entry.cancelled}" if cancelled else ""
    master.add("description", _description(entry, settings, lang, extra))
    events = [master]
    if cancelled:
        return events
    venues = getattr(original, "venues_index", {})
    recurring = "rrule" in master or "rdate" in master
    exact = schedule.duration  # all-day: whole days, no clock change
    if not schedule.all_day:  # elapsed time; aware datetimes in one zone would subtract wall clocks
        first, first_end = (_value(m, schedule).astimezone(dt.timezone.utc)
                            for m in (schedule.first, schedule.first + schedule.duration))
        exact = first_end - first
    for instance in instances:
        if instance.state == "cancelled":
            prefix, status = _(i18n.SESSION_CANCELLED_PREFIX), "CANCELLED"
        elif instance.state == "moved":
            prefix, status = _(i18n.MOVED_PREFIX), "CONFIRMED"
        elif instance.state == "normal" and recurring and _ends_differ_in_clients(instance, exact, schedule):
            prefix, status = "", "CONFIRMED"  # same session, its end pinned (see _ends_differ_in_clients)
        else:
            continue
        override = base(Event(), f"{prefix}: {entry.title}" if prefix else entry.title, status)
        override.add("recurrence-id", _value(instance.recurrence_id, schedule))
        override.add("dtstart", _value(instance.start, schedule))
        override.add("dtend", _value(instance.end, schedule))
        _add_place(override, venues.get(instance.venue) or entry.venue, lang)
        reason = reason_of(entry, instance)[0]
        note = (f"{prefix}: {reason}" if reason else prefix) if prefix else ""
        override.add("description", _description(entry, settings, lang, note))
        events.append(override)
    return events


def build_feed(originals, settings: dict, lang: str, label: str, source_path: str, page_path: str,
               events_cache: dict | None = None) -> Calendar:
    """A VCALENDAR with the given entries in ``lang``; ``source_path`` is the feed's own path.

    ``events_cache`` (uid -> events) lets the feeds of one language share the VEVENTs.
    """
    events_cache = {} if events_cache is None else events_cache
    _ = lambda message: i18n.gettext(settings, lang, message)  # noqa: E731
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = f"{_(settings['SITENAME']) if settings.get('SITENAME') else ''} – {label}".strip(" –")
    calendar.add("name", name)
    calendar.add("x-wr-calname", vText(name))
    description = _(i18n.CALENDAR_DESCRIPTION)
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", vText(description))
    hours = int(settings.get("CALENDAR_REFRESH_HOURS", 12))
    calendar.add("refresh-interval", dt.timedelta(hours=hours), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", f"PT{hours}H")
    calendar.add("source", absolute_url(settings, source_path), parameters={"VALUE": "URI"})
    calendar.add("url", absolute_url(settings, page_path), parameters={"VALUE": "URI"})
    zones: dict[str, set[int]] = {}
    events = []
    for original in sorted(originals, key=lambda e: (e.schedule.first, e.uid)):
        if getattr(original, "status", "published") == "draft":
            continue
        schedule = original.schedule
        if not schedule.all_day:
            years = zones.setdefault(schedule.tz, set())
            starts = schedule.series_starts()
            years.update({starts[0].year, starts[-1].year})
        if original.uid not in events_cache:
            events_cache[original.uid] = entry_events(original, settings, lang)
        events.extend(events_cache[original.uid])
    for tzid in sorted(zones):
        calendar.add_component(vtimezone(tzid, tuple(sorted(zones[tzid]))))
    for event in events:
        calendar.add_component(event)
    return calendar


def all_feeds(originals, settings: dict, lang: str, paths: dict) -> dict[str, bytes]:
    """Every feed of one language: ``{output path: bytes}`` (see api.feed_paths)."""
    _ = lambda message: i18n.gettext(settings, lang, message)  # noqa: E731
    prefix = lang_prefix(settings, lang)
    views = settings.get("VIEW_URLS") or {}
    calendar_page = prefix + views.get("kalender", "kalender/")
    feeds = {}
    cache: dict = {}
    published = [e for e in originals if getattr(e, "status", "published") != "draft"]
    feeds[paths["all"]] = build_feed(published, settings, lang, _(i18n.ALL_LABEL), paths["all"], calendar_page, cache)
    for kind, path in paths["kinds"].items():
        page = prefix + views.get(KIND_SLUGS[kind], views.get("kalender", "kalender/"))
        chosen = [e for e in published if e.kind == kind]
        feeds[path] = build_feed(chosen, settings, lang, _(i18n.KIND_LABELS[kind]), path, page, cache)
    for key, path in paths["categories"].items():
        chosen = [e for e in published if key in {c.key for c in e.categories}]
        category = next(c for e in originals for c in e.categories if c.key == key)
        label = category.name(lang, settings["DEFAULT_LANG"])
        feeds[path] = build_feed(chosen, settings, lang, label, path, calendar_page, cache)
    for original in published:
        path = paths["entries"][original.slug]
        shown = entry_for_lang(original, lang)
        feeds[path] = build_feed([original], settings, lang, shown.title, path, entry_path(settings, original, lang), cache)
    serialized: dict = {}
    return {path: serialize(calendar, serialized) for path, calendar in feeds.items()}


def serialize(calendar: Calendar, serialized: dict) -> bytes:
    """``calendar.to_ical()``, byte for byte, with each subcomponent serialized only once.

    The feeds of one language share their VEVENT (and VTIMEZONE) objects, and an entry
    appears in up to four feeds (all, kind, category, its own). icalendar spends most of
    its time folding lines, so the bytes it produced for a component are reused for the
    same object in the next feed. Every byte still comes from icalendar.
    ``serialized`` maps ``id(component)`` to its bytes; the caller keeps the components alive.
    """
    end = b"END:VCALENDAR\r\n"
    components = calendar.subcomponents
    calendar.subcomponents = []
    try:
        frame = calendar.to_ical()
    finally:
        calendar.subcomponents = components
    parts = []
    for component in components:
        key = id(component)
        if key not in serialized:
            serialized[key] = (component, component.to_ical())  # keeps the object, so its id stays unique
        parts.append(serialized[key][1])
    return frame[: -len(end)] + b"".join(parts) + end
