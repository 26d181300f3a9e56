"""schema.org Event as JSON-LD for an entry page, safe to place inside ``<script>``."""

from __future__ import annotations

import datetime as dt
import json

from markupsafe import Markup

from .plaintext import html_to_text

STATUS = {
    "normal": "https://schema.org/EventScheduled",
    "moved": "https://schema.org/EventRescheduled",
    "cancelled": "https://schema.org/EventCancelled",
}


def _moment(value) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _end(occurrence):
    """schema.org endDate: the last day for all-day entries (its end is exclusive in iCalendar)."""
    return occurrence.last_day if occurrence.all_day else occurrence.end


def event_status(occurrence) -> str:
    """schema.org eventStatus; a session moved to another place only keeps its date (scheduled)."""
    if occurrence.state == "moved" and not occurrence.time_changed:
        return STATUS["normal"]
    return STATUS.get(occurrence.state, STATUS["normal"])


def event_data(entry, occurrence, page_url: str, organizer: str = "", placeholder: str = "[PLATZHALTER") -> dict:
    """The Event for ``occurrence`` (the next or shown session) of ``entry`` (the shown version).

    Values still containing a placeholder (``placeholder``) are left out: search engines would
    show them as facts.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": entry.title,
        "url": page_url,
        "startDate": _moment(occurrence.start),
        "endDate": _moment(_end(occurrence)),
        "eventStatus": event_status(occurrence),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": bool(entry.is_free),
    }
    if occurrence.state == "moved" and occurrence.original_start != occurrence.start:
        data["previousStartDate"] = _moment(occurrence.original_start)
    summary = html_to_text(getattr(entry, "summary", "") or "")
    if summary:
        data["description"] = summary
    if entry.spoken_languages:
        data["inLanguage"] = list(entry.spoken_languages)
    venue = occurrence.venue
    if venue is not None:
        place = {"@type": "Place", "name": venue.shown("name", entry.lang)[0]}
        if venue.address and placeholder not in venue.address:
            place["address"] = {"@type": "PostalAddress", "streetAddress": venue.address}
        if venue.lat is not None and venue.lon is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.lat, "longitude": venue.lon}
        data["location"] = place
    if organizer:
        data["organizer"] = {"@type": "Organization", "name": organizer}
    return data


def script_json(data) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no text can close the element or open a
    comment; JSON parsers read them as the same characters.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
