"""The calendar's HTML pages, written once per language in the one Pelican run.

Upcoming (all, per kind, per category), month pages, one page per entry, course schedule,
garden page, archive, subscribe page, and the home page's "this week" data. Which days are
"upcoming" depends on the build date (:func:`.api.today`: SOURCE_DATE_EPOCH or the clock);
the feeds do not.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from babel.lists import format_list
from pelican.plugins.multilingual.template_context import locale_of
from pelican.plugins.multilingual.urls import absolute_url

from . import api, i18n, links
from .config import KIND_SLUGS, lang_prefix, site_languages
from .jsonld import event_data, script_json
from .plaintext import html_to_text
from .qr import qr_svg

logger = logging.getLogger(__name__)
ONE_DAY = dt.timedelta(days=1)
# View names (VIEW_URLS) the calendar writes; the main navigation shows those in NAV_VIEWS.
VIEW_NAMES = ("kalender", "veranstaltungen", "kurse", "garten", "archiv", "abonnieren")
MONTH_DIR = "monat/"
CATEGORY_DIR = "kategorie/"


@dataclass(frozen=True)
class Item:
    """One occurrence as a page in ``lang`` lists it: the shown version of its entry,
    whether that is the German fallback, and the entry page in the page's language."""

    occ: api.Occurrence
    fallback: bool
    url: str

    @property
    def entry(self):
        return self.occ.entry

    @property
    def end_shown(self):
        """What people read as the end: the last day for all-day entries, else the end time."""
        return self.occ.last_day if self.occ.all_day else self.occ.end


@dataclass
class Day:
    """A day heading with its items; ``label`` is ``today``, ``tomorrow`` or None."""

    date: dt.date
    label: str | None
    items: list[Item] = field(default_factory=list)


def group_by_day(items: list[Item], today: dt.date, start: dt.date | None = None) -> list[Day]:
    """Items under the day they start, or under ``start`` when they began earlier (multi-day)."""
    days: dict[dt.date, Day] = {}
    for item in items:
        day = item.occ.first_day if start is None else max(item.occ.first_day, start)
        label = "today" if day == today else "tomorrow" if day == today + ONE_DAY else None
        days.setdefault(day, Day(day, label)).items.append(item)
    return [days[d] for d in sorted(days)]


def month_grid(year: int, month: int, first_weekday: int) -> list[list[dt.date | None]]:
    """Weeks of the month as rows of 7 (None outside the month), starting on ``first_weekday``."""
    first = dt.date(year, month, 1)
    lead = (first.weekday() - first_weekday) % 7
    days = [None] * lead
    day = first
    while day.month == month:
        days.append(day)
        day += ONE_DAY
    days += [None] * (-len(days) % 7)
    return [days[i : i + 7] for i in range(0, len(days), 7)]


def weekday_names(lang: str, first_weekday: int) -> list[tuple[int, str]]:
    """(weekday number, name in ``lang``) from the locale's first day of the week."""
    names = locale_of(lang).days["format"]["wide"]
    return [((first_weekday + i) % 7, names[(first_weekday + i) % 7]) for i in range(7)]


def list_separators(count: int, lang: str) -> list[str]:
    """The text before each of ``count`` items that are joined the way ``lang`` joins a list
    (CLDR list pattern: "A, B und C", "A، B وC"), plus the text after the last one.

    For lists of links, whose items cannot go through :func:`babel.lists.format_list` as text.
    """
    if count <= 0:
        return [""]
    joined = format_list([f"\x00{i}\x00" for i in range(count)], locale=locale_of(lang))
    return re.split(r"\x00\d+\x00", joined)


def language_names(codes, lang: str) -> list[str]:
    """Language names in the page's language (Babel), e.g. ``ar`` -> "Arabisch"."""
    result = []
    for code in codes:
        try:
            result.append(locale_of(code).get_display_name(lang) or code)
        except (ValueError, LookupError):
            result.append(code)
    return result


class CalendarViews:
    """Builds the data of every calendar page and writes the pages with Pelican's writer."""

    def __init__(self, generator):
        self.generator = generator
        self.settings = generator.settings
        self.originals = [e for e in generator.originals if getattr(e, "status", "published") != "draft"]
        self.languages = site_languages(self.settings)
        self.default = self.settings["DEFAULT_LANG"]
        self.today = api.today(self.settings)
        self.upcoming_days = int(self.settings.get("CALENDAR_UPCOMING_DAYS", 56))
        self._items: dict[str, list[Item]] = {}

    # --- data ---------------------------------------------------------------
    def items(self, lang: str) -> list[Item]:
        """Every occurrence of every entry in ``lang`` (skipped ones included), chronological."""
        if lang not in self._items:
            occurrences = api.occurrences_between(self.originals, None, None, lang, include_skipped=True)
            self._items[lang] = [
                Item(o, o.entry.lang != lang, api.entry_path(self.settings, o.entry, lang)) for o in occurrences
            ]
        return self._items[lang]

    def between(self, lang, start=None, end=None, kinds=None, category=None, skipped=False) -> list[Item]:
        """Occurrences touching the days ``start`` ≤ day < ``end``, optionally filtered."""
        result = []
        for item in self.items(lang):
            occ = item.occ
            if occ.state == "skipped" and not skipped:
                continue
            if start is not None and occ.last_day < start:
                continue
            if end is not None and occ.first_day >= end:
                continue
            if kinds and item.entry.kind not in kinds:
                continue
            if category and category not in {c.key for c in item.entry.categories}:
                continue
            result.append(item)
        return result

    def upcoming(self, lang, **filters) -> list[Day]:
        end = self.today + dt.timedelta(days=self.upcoming_days)
        return group_by_day(self.between(lang, self.today, end, **filters), self.today, self.today)

    def week(self, lang: str, limit: int = 12) -> dict:
        """For the home page: the next 7 days (at most ``limit`` sessions) and the links."""
        items = self.between(lang, self.today, self.today + dt.timedelta(days=7))
        return {
            "days": group_by_day(items[:limit], self.today, self.today),
            "more": len(items) > limit,
            "calendar_url": links.view_url(self.settings, lang, "kalender"),
            "subscribe_url": links.view_url(self.settings, lang, "abonnieren"),
        }

    def months(self) -> list[tuple[int, int]]:
        """Months with at least one session (any language has the same), plus the current month."""
        found = {(self.today.year, self.today.month)}
        for item in self.between(self.default):
            day = item.occ.first_day
            while day <= item.occ.last_day:
                found.add((day.year, day.month))
                day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        return sorted(found)

    def categories(self) -> list:
        seen = {}
        for entry in self.originals:
            for category in entry.categories:
                seen.setdefault(category.key, category)
        return [seen[key] for key in sorted(seen)]

    def filters(self, lang: str) -> dict:
        """Links of the upcoming page's filters: kinds and categories (pre-built pages)."""
        kinds = [("kalender", None), ("veranstaltungen", "event"), ("kurse", "course"), ("garten", "garden")]
        return {
            "kinds": [{"key": name, "kind": kind, "url": links.view_url(self.settings, lang, name)} for name, kind in kinds],
            "categories": [
                {"key": c.key, "name": c.name(lang, self.default), "lang": c.lang_of(lang, self.default),
                 "url": self.category_url(lang, c.key)}
                for c in self.categories()
            ],
        }

    def category_url(self, lang, key):
        return links.view_url(self.settings, lang, "kalender", f"{CATEGORY_DIR}{key}/")

    def month_url(self, lang, year, month):
        return links.view_url(self.settings, lang, "kalender", f"{MONTH_DIR}{year:04d}-{month:02d}/")

    def entry_page(self, original, lang: str) -> dict:
        """Everything the entry page shows: dates from today (all past ones if none), the next
        session, add-to-calendar links and the JSON-LD.

        Google and Outlook get the next session only: their links cannot carry a series'
        exceptions (skipped, cancelled and moved sessions), the calendar file can. A cancelled
        entry gets no such links at all.
        """
        shown = api.entry_for_lang(original, lang)
        url = api.entry_path(self.settings, original, lang)
        absolute = absolute_url(self.settings, url)
        sessions = api.occurrences(shown, lang=lang)
        upcoming = [o for o in sessions if o.last_day >= self.today]
        listed = upcoming[: int(self.settings.get("CALENDAR_ENTRY_DATES", 40))] if upcoming else sessions[-12:]
        held = [o for o in sessions if o.state != "skipped"]
        future = [o for o in held if o.last_day >= self.today]
        nxt = next((o for o in future if o.state != "cancelled"), None) or (future or held[-1:] or [None])[0]
        feed = api.feed_urls(self.settings, lang, [original])["entries"][original.slug]
        categories = list(original.categories)
        separators = list_separators(len(categories), lang)
        page = {
            "entry": shown,
            "original": original,
            "fallback": shown.lang != lang,
            "entry_url": url,
            "sessions": listed,
            "hidden_sessions": len(upcoming) - len(listed) if upcoming else 0,
            "past_only": not upcoming,
            "next": nxt,
            "series": original.schedule.recurring,
            "first": held[0] if held else None,
            "last": held[-1] if held else None,
            "breaks": api.shown_breaks(shown),
            "languages": format_list(language_names(original.spoken_languages, lang), locale=locale_of(lang))
            if original.spoken_languages else "",
            "categories": [
                {"name": c.name(lang, self.default), "lang": c.lang_of(lang, self.default),
                 "url": self.category_url(lang, c.key), "before": before}
                for c, before in zip(categories, separators)
            ],  # fmt: skip
            "feed": {"https": feed, "webcal": links.webcal(feed)},
            "osm_url": links.osm_url(original.venue),
            "jsonld": None,
            "google_url": None,
            "outlook_url": None,
        }
        if nxt is not None:
            page["jsonld"] = script_json(
                event_data(shown, nxt, absolute, (self.settings.get("ORGANIZATION") or {}).get("name", ""),
                           self.settings.get("PLACEHOLDER_MARK") or "[PLATZHALTER")
            )
        if nxt is not None and original.cancelled is None and nxt.state != "cancelled" and nxt.last_day >= self.today:
            location = nxt.venue.location_in(lang) if nxt.venue else ""
            details = "\n\n".join(p for p in (html_to_text(getattr(shown, "summary", "") or ""), absolute) if p)
            page["google_url"] = links.google_url(shown.title, nxt.start, nxt.end, details, location, original.schedule.tz)
            page["outlook_url"] = links.outlook_url(shown.title, nxt.start, nxt.end, details, location)
        return page

    def courses(self, lang: str) -> dict:
        """Current and coming courses with the weekly timetable (weekday × time slot)."""
        locale = locale_of(lang)
        courses = []
        slots: dict[tuple[dt.time, dt.time], dict[int, list]] = {}
        for original in self.originals:
            if original.kind != "course" or original.cancelled is not None:
                continue
            shown = api.entry_for_lang(original, lang)
            sessions = api.occurrences(shown, lang=lang)
            future = [o for o in sessions if o.last_day >= self.today and o.state != "skipped"]
            if not future:
                continue
            url = api.entry_path(self.settings, original, lang)
            held = [o for o in sessions if o.state != "skipped"]
            weekly = sorted({(o.start.weekday(), o.start.time(), o.end.time())
                             for o in held if o.state == "normal" and not o.all_day})  # fmt: skip
            for weekday, start, end in weekly:
                slots.setdefault((start, end), {}).setdefault(weekday, []).append((shown, url))
            courses.append({
                "entry": shown, "fallback": shown.lang != lang, "url": url,
                "first": held[0], "last": held[-1], "breaks": api.shown_breaks(shown),
                "skipped": [o for o in sessions if o.state == "skipped" and o.last_day >= self.today],
                "next": [Item(o, shown.lang != lang, url) for o in future[:4]],
                "weekly": weekly,
            })  # fmt: skip
        used = sorted({weekday for cells in slots.values() for weekday in cells})
        columns = [(n, name) for n, name in weekday_names(lang, locale.first_week_day) if n in used]
        rows = [{"start": s, "end": e, "cells": [slots[(s, e)].get(n, []) for n, _name in columns]}
                for (s, e) in sorted(slots)]  # fmt: skip
        return {"courses": courses, "columns": columns, "rows": rows, "slot_list": self.slot_list(lang, columns, slots)}

    @staticmethod
    def slot_list(lang: str, columns, slots) -> list[dict]:
        """The timetable as a list for phones: one line per course and time, its weekdays
        joined the language's way ("Montag und Mittwoch", "الاثنين والأربعاء")."""
        days: dict[tuple, list[str]] = {}
        entries = {}
        for n, name in columns:
            for (start, end), cells in sorted(slots.items()):
                for entry, url in cells.get(n, []):
                    days.setdefault((url, start, end), []).append(name)
                    entries[url] = entry
        order = {name: index for index, (_n, name) in enumerate(columns)}
        return [
            {"weekdays": format_list(names, locale=locale_of(lang)), "start": start, "end": end,
             "entry": entries[url], "url": url}
            for (url, start, end), names in sorted(days.items(), key=lambda item: (order[item[1][0]], item[0][1], item[0][0]))
        ]  # fmt: skip

    def garden(self, lang: str) -> dict:
        """Garden seasons, the next garden days (with garden events) and what to bring."""
        seasons = []
        for original in self.originals:
            if original.kind != "garden":
                continue
            shown = api.entry_for_lang(original, lang)
            held = [o for o in api.occurrences(shown, lang=lang) if o.state != "skipped"]
            if held:
                seasons.append({"entry": shown, "fallback": shown.lang != lang,
                                "url": api.entry_path(self.settings, original, lang),
                                "first": held[0], "last": held[-1], "bring": shown.bring})  # fmt: skip
        upcoming = [
            i for i in self.between(lang, self.today)
            if i.entry.kind == "garden" or "garten" in {c.key for c in i.entry.categories}
        ][: int(self.settings.get("CALENDAR_GARDEN_DAYS", 8))]
        return {"seasons": seasons, "days": group_by_day(upcoming, self.today, self.today), "today_date": self.today}

    def archive(self, lang: str) -> list[dict]:
        """Entries whose last session is over, newest first (one line per entry, not per session)."""
        result = []
        for original in self.originals:
            shown = api.entry_for_lang(original, lang)
            held = [o for o in api.occurrences(shown, lang=lang) if o.state != "skipped"]
            if not held or held[-1].last_day >= self.today:
                continue
            result.append({"entry": shown, "fallback": shown.lang != lang,
                           "url": api.entry_path(self.settings, original, lang),
                           "first": held[0], "last": held[-1], "count": len(held)})  # fmt: skip
        return sorted(result, key=lambda r: (r["last"].sort_key, r["entry"].slug), reverse=True)

    def feeds(self, lang: str) -> list[dict]:
        """Every feed of ``lang`` with its https and webcal URL and a QR code (for posters)."""
        _ = lambda message: i18n.gettext(self.settings, lang, message)  # noqa: E731
        urls = api.feed_urls(self.settings, lang, self.originals)
        feeds = [("all", _(i18n.ALL_LABEL), lang, urls["all"])]
        feeds += [(KIND_SLUGS[k], _(i18n.KIND_LABELS[k]), lang, urls["kinds"][k]) for k in ("event", "course", "garden")]
        feeds += [(f"kategorie-{c.key}", c.name(lang, self.default), c.lang_of(lang, self.default), urls["categories"][c.key])
                  for c in self.categories()]  # fmt: skip
        qr_label = _("QR-Code zum Abonnieren: %(name)s")
        return [{"key": key, "name": name, "lang": name_lang, "https": url, "webcal": links.webcal(url),
                 "qr": qr_svg(url, qr_label % {"name": name})} for key, name, name_lang, url in feeds]  # fmt: skip

    # --- output -------------------------------------------------------------
    def every_language(self, path: str) -> dict:
        return {code: lang_prefix(self.settings, code) + path for code in self.languages}

    def write(self, writer) -> None:
        views = self.settings["VIEW_URLS"]
        base = views["kalender"]
        months = self.months()
        per_page = int(self.settings.get("CALENDAR_ARCHIVE_PER_PAGE", 50))
        for lang in self.languages:
            prefix = lang_prefix(self.settings, lang)

            def page(path, template, **kwargs):
                writer.write_file(
                    prefix + path + "index.html", self.generator.get_template(template), self.generator.context,  # noqa: B023 - called in this iteration only
                    url=prefix + path, lang=lang, alternates_map=self.every_language(path),  # noqa: B023 - called in this iteration only
                    current_nav_key="view:kalender", calendar_filters=self.filters(lang),  # noqa: B023 - called in this iteration only
                    upcoming_days=self.upcoming_days, **kwargs,
                )  # fmt: skip

            current_month = self.month_url(lang, self.today.year, self.today.month)
            page(base, "calendar/upcoming", days=self.upcoming(lang), filter_key="kalender",
                 month_url=current_month, view="kalender")
            page(views["veranstaltungen"], "calendar/upcoming", days=self.upcoming(lang, kinds={"event"}),
                 filter_key="veranstaltungen", month_url=current_month, view="veranstaltungen")
            for category in self.categories():
                page(f"{base}{CATEGORY_DIR}{category.key}/", "calendar/upcoming",
                     days=self.upcoming(lang, category=category.key), filter_key=category.key,
                     category=category.name(lang, self.default), category_lang=category.lang_of(lang, self.default),
                     month_url=current_month, view="kategorie")
            for index, (year, month) in enumerate(months):
                first = dt.date(year, month, 1)
                following = (first + dt.timedelta(days=32)).replace(day=1)
                items = self.between(lang, first, following)
                by_day = {}
                for item in items:
                    day = max(item.occ.first_day, first)
                    while day <= item.occ.last_day and day < following:
                        by_day.setdefault(day, []).append(item)
                        day += ONE_DAY
                first_weekday = locale_of(lang).first_week_day
                page(f"{base}{MONTH_DIR}{year:04d}-{month:02d}/", "calendar/month", month=first, by_day=by_day,
                     days=group_by_day(items, self.today, first), grid=month_grid(year, month, first_weekday),
                     weekdays=weekday_names(lang, first_weekday), today=self.today,
                     previous=self.month_url(lang, *months[index - 1]) if index > 0 else None,
                     next=self.month_url(lang, *months[index + 1]) if index + 1 < len(months) else None,
                     view="monat")  # fmt: skip
            for original in self.originals:
                data = self.entry_page(original, lang)
                save_as = api.entry_save_as(self.settings, original, lang)
                writer.write_file(
                    save_as, self.generator.get_template("calendar/entry"), self.generator.context,
                    url=data["entry_url"], lang=lang,
                    alternates_map={code: api.entry_path(self.settings, original, code) for code in self.languages},
                    current_nav_key="view:kalender", today=self.today, view="eintrag", **data,
                )  # fmt: skip
            page(views["kurse"], "calendar/courses", view="kurse", **self.courses(lang))
            page(views["garten"], "calendar/garden", view="garten", **self.garden(lang))
            archive = self.archive(lang)
            chunks = [archive[i : i + per_page] for i in range(0, len(archive), per_page)] or [[]]
            for number, chunk in enumerate(chunks, start=1):
                path = views["archiv"] + ("" if number == 1 else f"seite/{number}/")
                page(path, "calendar/archive", entries=chunk, view="archiv", pagination={
                    "number": number, "count": len(chunks),
                    "previous": prefix + views["archiv"] + ("" if number == 2 else f"seite/{number - 1}/") if number > 1 else None,
                    "next": prefix + views["archiv"] + f"seite/{number + 1}/" if number < len(chunks) else None,
                })  # fmt: skip
            page(views["abonnieren"], "calendar/subscribe", calendar_feeds=self.feeds(lang), view="abonnieren")


def _context_ready(generator) -> None:
    """After the calendar is checked: views for the templates (home page) and the navigation."""
    views = CalendarViews(generator)
    generator.calendar_views = views
    generator.context["calendar_week"] = views.week
    generator.context.setdefault("GENERATED_VIEWS", set()).update(VIEW_NAMES)


def _write(generator, writer=None) -> None:
    """Write the pages. Their templates need the multilingual plugin (gettext, Babel filters);
    a build with the calendar plugin alone (feeds only, as in the core tests) writes none."""
    if "view_path" not in generator.env.globals:
        logger.info("kalender: multilingual plugin not active, no HTML views written")
        return
    views = getattr(generator, "calendar_views", None) or CalendarViews(generator)
    views.write(writer)


def register_views() -> None:
    """Connect the views to the calendar generator's signals (called from the plugin's register())."""
    from .generator import calendar_generator_finalized, calendar_write_views

    calendar_generator_finalized.connect(_context_ready)
    calendar_write_views.connect(_write)
