"""From read files to the checked calendar: link translations, validate, collect problems."""

from __future__ import annotations

import os

from dataclasses import dataclass, field
from pathlib import Path

from pelican.utils import process_translations

from .config import KIND_SLUGS, site_languages
from .header import scan_header
from .model import (
    FIELDS,
    SCHEDULE_FIELDS,
    SHARED_FIELDS,
    TEXT_FIELDS,
    CalendarEntry,
    FileReport,
    check_header,
    check_identity,
    read_fields,
)
from .problems import Problem
from .schedule import ScheduleReader
from .vtimezone import UnsupportedTimezone, vtimezone
from .values import as_list, split_commas, split_reason
from .venues import Category, Venue, load_categories, load_venues


@dataclass
class Calendar:
    """Every calendar entry of the site, checked.

    ``originals`` are the entries in the default language (one per slug), ``translations``
    the others; each entry has ``translations`` (Pelican) and ``original``.
    """

    originals: list[CalendarEntry] = field(default_factory=list)
    translations: list[CalendarEntry] = field(default_factory=list)
    venues: dict[str, Venue] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def entries(self) -> list[CalendarEntry]:
        return self.originals + self.translations


def reserved_slugs(settings: dict) -> set[str]:
    """Slugs that would collide with calendar views or feed folders."""
    prefix = settings["CALENDARENTRY_URL"].split("{slug}")[0]
    reserved = {"feeds", "monat", "kategorie"} | set(KIND_SLUGS.values())  # views.MONTH_DIR, CATEGORY_DIR
    for url in (settings.get("VIEW_URLS") or {}).values():
        if prefix and url.startswith(prefix) and url != prefix:
            reserved.add(url[len(prefix) :].strip("/").split("/")[0])
    return reserved


def _rel(path: str, content_path: str) -> str:
    """The path as volunteers see it in the repository: ``content/kalender/…``.

    Plain path arithmetic, no file-system look-ups: it runs once per file.
    """
    base = os.path.abspath(content_path)
    inner = os.path.relpath(os.path.abspath(path), base)
    if inner == ".." or inner.startswith(".." + os.sep):
        return str(path)
    return os.path.join(os.path.basename(base), inner)


def build_calendar(contents: list[CalendarEntry], settings: dict) -> Calendar:
    """Check all files together and set their typed attributes; problems are collected."""
    content_path = settings["PATH"]
    languages = site_languages(settings)
    calendar = Calendar()
    venues_file = Path(content_path, settings["CALENDAR_VENUES_FILE"])
    categories_file = Path(content_path, settings["CALENDAR_CATEGORIES_FILE"])
    calendar.venues, problems = load_venues(venues_file, _rel(str(venues_file), content_path), languages)
    calendar.problems += problems
    calendar.categories, problems = load_categories(
        categories_file, _rel(str(categories_file), content_path), settings["DEFAULT_LANG"]
    )
    calendar.problems += problems
    reserved = reserved_slugs(settings)
    reports = {}
    for entry in contents:
        with open(entry.source_path, encoding="utf-8") as handle:
            header = scan_header(handle.read())
        entry.uid_field = (as_list(entry.metadata.get("uid")) or [None])[0]
        report = FileReport(_rel(entry.source_path, content_path), header, calendar.problems)
        reports[id(entry)] = report
        check_header(entry, header, report)
        check_identity(entry, header, report, settings, reserved)
    groups: dict[str, list[CalendarEntry]] = {}
    for entry in sorted(contents, key=lambda e: e.source_path):
        groups.setdefault(entry.slug, []).append(entry)
    uids: dict[str, CalendarEntry] = {}
    default = settings["DEFAULT_LANG"]
    for slug, group in sorted(groups.items()):
        seen_langs: dict[str, CalendarEntry] = {}
        unique = []
        for entry in group:
            if entry.lang in seen_langs:
                reports[id(entry)](
                    "slug", f"den Slug „{slug}“ in Sprache {entry.lang} gibt es schon "
                    f"({reports[id(seen_langs[entry.lang])].rel_path})",
                    "einen eigenen Slug wählen; Übersetzungen haben denselben Slug, aber eine andere Lang",
                    slug,
                )  # fmt: skip
                continue
            seen_langs[entry.lang] = entry
            unique.append(entry)
        original = seen_langs.get(default)
        if original is None:
            for entry in unique:
                reports[id(entry)](
                    "slug", f"zu „{slug}“ gibt es keine Fassung auf {default}",
                    f"zuerst die Datei {slug}.{default}.md anlegen (Zeiten und Ort stehen dort)", slug,
                )  # fmt: skip
            continue
        _read_original(original, reports[id(original)], settings, calendar)
        uid = f"{original.uid_field or slug}@{settings['CALENDAR_UID_DOMAIN']}"
        if uid in uids:
            reports[id(original)]("uid" if original.uid_field else "slug",
                                  f"die UID „{uid}“ hat schon {reports[id(uids[uid])].rel_path}",
                                  "eine eigene UID bzw. einen eigenen Slug wählen")  # fmt: skip
        uids[uid] = original
        _check_timezone(original, reports[id(original)])
        for entry in unique:
            entry.venues_index = calendar.venues
            entry.uid = uid
            entry.original = original
            if entry is not original:
                _read_translation(entry, original, reports[id(entry)], reports[id(original)], settings, calendar)
        calendar.originals.append(original)
        calendar.translations.extend(e for e in unique if e is not original)
    process_translations(calendar.originals + calendar.translations, translation_id="slug")
    calendar.originals.sort(key=lambda e: e.slug)
    calendar.translations.sort(key=lambda e: (e.slug, e.lang))
    return calendar


def _check_timezone(entry, report) -> None:
    schedule = entry.schedule
    if schedule is None or schedule.all_day:
        return
    starts = schedule.series_starts()
    try:
        vtimezone(schedule.tz, tuple(sorted({starts[0].year, starts[-1].year})))
    except UnsupportedTimezone:
        report("zeitzone", f"die Zeitzone „{schedule.tz}“ lässt sich nicht als Jahresregel schreiben",
               "eine Zeitzone mit fester Sommerzeitregel wählen, z. B. Europe/Berlin")  # fmt: skip


def _read_original(entry, report, settings, calendar) -> None:
    read_fields(entry, entry.metadata, report, settings, calendar.venues, calendar.categories, settings["PATH"])


class _OwnLinesOnly:
    """A report that drops problems about fields the translation does not write itself."""

    def __init__(self, report: FileReport):
        self.report = report
        self.header = report.header

    def __call__(self, key, message, fix, value=None):
        if key in self.header.lines:
            self.report(key, message, fix, value)


def _read_translation(entry, original, report, original_report, settings, calendar) -> None:
    """Parse a translation with the original's times; report fields that differ from them."""
    own = entry.metadata
    merged = {k: v for k, v in original.metadata.items() if k in SCHEDULE_FIELDS + SHARED_FIELDS + TEXT_FIELDS}
    merged.update({k: v for k, v in own.items() if k in SCHEDULE_FIELDS + SHARED_FIELDS + TEXT_FIELDS})
    quiet = _OwnLinesOnly(report)
    read_fields(entry, merged, quiet, settings, calendar.venues, calendar.categories, settings["PATH"])
    if original.schedule is None or entry.schedule is None:
        return
    base = original.schedule.fingerprint()
    for key in SCHEDULE_FIELDS:
        if key not in own:
            continue
        if _normalized(key, own.get(key)) == _normalized(key, original.metadata.get(key)):
            continue
        probe = dict(original.metadata)
        probe[key] = own[key]
        schedule = ScheduleReader(
            probe, lambda *a, **k: None, settings.get("TIMEZONE") or "Europe/Berlin", calendar.venues
        ).read()
        if schedule is None or schedule.fingerprint() != base:
            _report_difference(report, original_report, key, own.get(key), original.metadata.get(key))
    for key in SHARED_FIELDS:
        if key in own and _normalized(key, own.get(key)) != _normalized(key, original.metadata.get(key)):
            _report_difference(report, original_report, key, own.get(key), original.metadata.get(key))
    if original.cancelled is not None and entry.cancelled is None:
        entry.cancelled = original.cancelled


def _normalized(key, value):
    """Compare values without reasons and spacing; lists as sets."""
    items = as_list(value)
    if key in ("kategorie", "sprachen"):
        return sorted({part.lower() for item in items for part in split_commas(item)})
    if key in ("ausnahme", "ausfall", "verlegt", "ferien", "zusatztermin"):
        return sorted(" ".join(split_reason(item)[0].split()) for item in items)
    if key == "abgesagt":
        return bool(items)
    return [" ".join(item.split()).lower() for item in items]


def _report_difference(report, original_report, key, own, original) -> None:
    shown_own = "; ".join(as_list(own))
    shown_original = "; ".join(as_list(original)) or "(steht dort nicht)"
    report(
        key,
        f"„{shown_own}“ weicht vom Original ab ({original_report.rel_path}: „{shown_original}“)",
        f"Zeiten, Ort und Art nur im Original ändern; hier die Zeile „{FIELDS[key]}“ löschen oder gleich schreiben",
        as_list(own)[0] if as_list(own) else None,
    )
