"""What the views use: occurrences in a date window, language fallback, feed URLs, today.

Everything here is read-only on a checked :class:`~.entries.Calendar`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from pelican.plugins.multilingual.urls import absolute_url

from . import i18n
from .clock import today as _today
from .config import KIND_SLUGS, lang_prefix, site_languages
from .model import CalendarEntry
from .translation import break_reason
from .venues import Venue


@dataclass(frozen=True)
class Occurrence:
    """One session of an entry, in the entry's time zone.

    ``start``/``end`` are aware datetimes, or dates for all-day entries (``end`` exclusive,
    ``last_day`` inclusive). ``state`` is ``normal``, ``moved``, ``cancelled`` or ``skipped``;
    ``reason`` and ``reason_kind`` (``ausnahme``, ``ferien``, ``feiertag``, ``ausfall``,
    ``verlegt``, ``abgesagt``, ``zusatztermin``) say why; ``reason_lang`` is the language the
    reason is written in (the original's when a translation does not translate it).
    ``original_start``/``original_end`` are where the session was in the series and
    ``usual_venue`` its place there (they differ when it is moved).
    """

    entry: CalendarEntry
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    all_day: bool
    state: str
    reason: str
    reason_kind: str
    original_start: dt.datetime | dt.date
    venue: Venue | None
    reason_lang: str = ""
    original_end: dt.datetime | dt.date | None = None
    usual_venue: Venue | None = None

    @property
    def time_changed(self) -> bool:
        """A moved session that starts or ends at another time than in the series."""
        return self.state == "moved" and (self.start, self.end) != (self.original_start, self.original_end)

    @property
    def place_changed(self) -> bool:
        """A moved session at another place than the entry's usual one."""
        key = lambda venue: venue.key if venue is not None else None  # noqa: E731
        return self.state == "moved" and key(self.venue) != key(self.usual_venue)

    @property
    def change(self) -> str:
        """What a move changed: ``time``, ``place``, ``both``, or "" (not moved)."""
        return {(True, True): "both", (True, False): "time", (False, True): "place"}.get(
            (self.time_changed, self.place_changed), "")

    # cached_property works on this frozen dataclass (it writes the instance __dict__ directly)
    # and does not take part in equality: views ask for these days many times per session.
    @cached_property
    def last_day(self) -> dt.date:
        """The last calendar day the occurrence touches (inclusive)."""
        if self.all_day:
            return self.end - dt.timedelta(days=1)
        return (self.end - dt.timedelta(microseconds=1)).date()

    @cached_property
    def first_day(self) -> dt.date:
        return self.start if self.all_day else self.start.date()

    @property
    def multi_day(self) -> bool:
        return self.last_day > self.first_day

    @cached_property
    def sort_key(self):
        """Chronological order across time zones; all-day first on a day."""
        moment = (
            dt.datetime.combine(self.start, dt.time(), tzinfo=self.entry.schedule.zone)
            if self.all_day
            else self.start
        )
        return (moment.astimezone(dt.timezone.utc), not self.all_day, self.entry.slug)


def entry_for_lang(entry: CalendarEntry, lang: str) -> CalendarEntry:
    """The translation of ``entry`` in ``lang``, else the original (German).

    A draft translation is never shown: the original stands in for it.
    """
    original = getattr(entry, "original", entry)
    for item in [original, *original.translations]:
        if item.lang == lang and getattr(item, "status", "published") != "draft":
            return item
    return original


def reason_of(entry: CalendarEntry, instance, lang: str | None = None) -> tuple[str, str]:
    """The reason of a session as ``entry`` shows it, and the language it is written in.

    A translation shows its own ``Grund`` for that date (or break, or the cancellation);
    otherwise the original's reason, in the original's language. A holiday is named in
    ``lang`` (the page's language; default the entry's) where a catalog or the holidays
    package has the name (:func:`.i18n.holiday_name`), else in German.
    """
    original = getattr(entry, "original", entry)
    kind, reason = instance.reason_kind, instance.reason
    own = None
    if kind == "abgesagt":
        return getattr(entry, "cancelled", None) or reason, getattr(entry, "cancelled_lang", original.lang)
    if kind == "ferien":
        day = instance.recurrence_id.date()
        found = next((b for b in entry.schedule.breaks if b.first <= day <= b.last), None)
        if found is not None:
            return break_reason(entry, found.first, found.last, reason)
    elif kind:
        own = getattr(entry, "date_reasons", {}).get(instance.recurrence_id.date())
    if own:
        return own, entry.lang
    if kind == "feiertag":
        return i18n.holiday_name(getattr(entry, "settings", None) or {}, lang or entry.lang,
                                 instance.recurrence_id.date(), reason)  # fmt: skip
    return reason, original.lang


@dataclass(frozen=True)
class ShownBreak:
    """A term break as a page in some language shows it."""

    first: dt.date
    last: dt.date
    reason: str
    reason_lang: str


def shown_breaks(entry: CalendarEntry) -> list[ShownBreak]:
    """The breaks of ``entry``'s schedule with their reasons in ``entry``'s language (or the original's)."""
    if entry.schedule is None:
        return []
    return [ShownBreak(b.first, b.last, *break_reason(entry, b.first, b.last, b.reason)) for b in entry.schedule.breaks]


def occurrences(entry: CalendarEntry, start: dt.date | None = None, end: dt.date | None = None,
                include_skipped: bool = True, lang: str | None = None) -> list[Occurrence]:
    """Sessions of ``entry`` touching the days ``start`` ≤ day < ``end`` (open ends allowed).

    Reasons come from ``entry``'s own language (pass ``entry_for_lang(e, lang)``); holiday
    names in ``lang``, the page's language (default: the entry's), see :func:`reason_of`.
    """
    schedule = entry.schedule
    if schedule is None:
        return []
    zone = schedule.zone
    result = []
    usual = entry.venue
    for instance in schedule.instances():
        if instance.state == "skipped" and not include_skipped:
            continue
        if schedule.all_day:
            first, stop = instance.start.date(), instance.end.date()
            occ_start, occ_end, original = first, stop, instance.recurrence_id.date()
            original_end = (instance.recurrence_id + schedule.duration).date()
        else:
            occ_start = instance.start.replace(tzinfo=zone)
            occ_end = instance.end.replace(tzinfo=zone)
            original = instance.recurrence_id.replace(tzinfo=zone)
            original_end = (instance.recurrence_id + schedule.duration).replace(tzinfo=zone)
            first = instance.start.date()
            stop = (instance.end - dt.timedelta(microseconds=1)).date() + dt.timedelta(days=1)
        if start is not None and stop <= start:
            continue
        if end is not None and first >= end:
            continue
        venue = usual
        if instance.venue and (venue is None or instance.venue != venue.key):
            venue = _venues_of(entry).get(instance.venue, venue)
        reason, reason_lang = reason_of(entry, instance, lang)
        result.append(
            Occurrence(entry, occ_start, occ_end, schedule.all_day, instance.state, reason,
                       instance.reason_kind, original, venue, reason_lang, original_end, usual)  # fmt: skip
        )
    return result


def _venues_of(entry) -> dict:
    return getattr(entry, "venues_index", {}) or {}


def occurrences_between(entries, start: dt.date | None, end: dt.date | None, lang: str,
                        kinds=None, category: str | None = None, include_skipped: bool = False) -> list[Occurrence]:
    """All sessions of all ``entries`` (originals) in ``lang``, merged chronologically.

    ``kinds`` filters by kind (``{"course"}``), ``category`` by category key.
    """
    result = []
    for original in entries:
        if getattr(original, "status", "published") == "draft":
            continue
        if kinds and original.kind not in kinds:
            continue
        if category and category not in {c.key for c in original.categories}:
            continue
        result.extend(occurrences(entry_for_lang(original, lang), start, end, include_skipped, lang))
    return sorted(result, key=lambda o: o.sort_key)


def entry_path(settings: dict, entry: CalendarEntry, lang: str) -> str:
    """Site-relative URL of the entry page in ``lang`` (``en/kalender/<slug>/``).

    Every language has a page for every entry; its text falls back to German.
    """
    key = "CALENDARENTRY_URL" if lang == settings["DEFAULT_LANG"] else "CALENDARENTRY_LANG_URL"
    return settings[key].format(slug=entry.slug, lang=lang)


def entry_save_as(settings: dict, entry: CalendarEntry, lang: str) -> str:
    """Output path of the entry page in ``lang`` (for the views' writer)."""
    key = "CALENDARENTRY_SAVE_AS" if lang == settings["DEFAULT_LANG"] else "CALENDARENTRY_LANG_SAVE_AS"
    return settings[key].format(slug=entry.slug, lang=lang)


def feed_paths(settings: dict, lang: str, originals) -> dict:
    """Output paths of every feed in ``lang``: ``{"all": …, "kinds": {kind: …},
    "categories": {key: …}, "entries": {slug: …}}``."""
    prefix = lang_prefix(settings, lang)
    categories = sorted({c.key for e in originals for c in e.categories})
    return {
        "all": prefix + settings["CALENDAR_FEED_ALL"],
        "kinds": {kind: prefix + settings["CALENDAR_FEED_KIND"].format(kind=slug) for kind, slug in KIND_SLUGS.items()},
        "categories": {key: prefix + settings["CALENDAR_FEED_CATEGORY"].format(category=key) for key in categories},
        "entries": {e.slug: prefix + settings["CALENDAR_FEED_ENTRY"].format(slug=e.slug) for e in originals},
    }


def feed_urls(settings: dict, lang: str, originals) -> dict:
    """Like :func:`feed_paths` but absolute https URLs (SITE_ABSOLUTE_URL); for webcal
    links replace the scheme with ``webcal``."""
    paths = feed_paths(settings, lang, originals)

    def convert(value):
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        return absolute_url(settings, value)

    return convert(paths)


def today(settings: dict | None = None) -> dt.date:
    """Local "today": from SOURCE_DATE_EPOCH when set, else the clock (settings TIMEZONE)."""
    return _today((settings or {}).get("TIMEZONE") or "Europe/Berlin")


__all__ = [
    "Occurrence", "ShownBreak", "entry_for_lang", "entry_path", "entry_save_as", "feed_paths", "feed_urls",
    "occurrences", "occurrences_between", "reason_of", "shown_breaks", "site_languages", "today",
]  # fmt: skip
