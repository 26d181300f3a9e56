"""From read files to the checked calendar: link translations, validate, collect problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pelican.utils import process_translations

from .config import KIND_SLUGS, site_languages
from .header import scan_header
from .model import CalendarEntry, FileReport, check_header, check_identity, read_fields
from .problems import WARNING, Problem
from .source import rel_path
from .translation import read_translation
from .values import as_list
from .venues import Category, Venue, load_categories, load_venues
from .vtimezone import UnsupportedTimezone, vtimezone


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


def build_calendar(contents: list[CalendarEntry], settings: dict, unreadable=()) -> Calendar:
    """Check all files together and set their typed attributes; problems are collected.

    ``unreadable`` are the problems of files that were not given to Pelican at all
    (empty, not UTF-8, binary; see :mod:`.source`).
    """
    content_path = settings["PATH"]
    default = settings["DEFAULT_LANG"]
    calendar = Calendar()
    calendar.problems += list(unreadable)
    venues_file = Path(content_path, settings["CALENDAR_VENUES_FILE"])
    categories_file = Path(content_path, settings["CALENDAR_CATEGORIES_FILE"])
    calendar.venues, problems = load_venues(venues_file, rel_path(str(venues_file), content_path), site_languages(settings))
    calendar.problems += problems
    calendar.categories, problems = load_categories(
        categories_file, rel_path(str(categories_file), content_path), default
    )
    calendar.problems += problems
    reserved = reserved_slugs(settings)
    reports = {}
    for entry in contents:
        with open(entry.source_path, encoding="utf-8-sig") as handle:
            entry.source_text = handle.read()
        header = scan_header(entry.source_text)
        entry.uid_field = (as_list(entry.metadata.get("uid")) or [None])[0]
        report = FileReport(rel_path(entry.source_path, content_path), header, calendar.problems)
        reports[id(entry)] = report
        check_header(header, report)
        check_identity(entry, header, report, settings, reserved)
    groups: dict[str, list[CalendarEntry]] = {}
    for entry in sorted(contents, key=lambda e: e.source_path):
        groups.setdefault(entry.slug, []).append(entry)
    uids: dict[str, CalendarEntry] = {}
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
        report = reports[id(original)]
        _read_original(original, report, settings, calendar)
        uid = f"{original.uid_field or slug}@{settings['CALENDAR_UID_DOMAIN']}"
        if uid in uids:
            report("uid" if original.uid_field else "slug", f"die UID „{uid}“ hat schon {reports[id(uids[uid])].rel_path}",
                   "eine eigene UID bzw. einen eigenen Slug wählen")  # fmt: skip
        uids[uid] = original
        _check_timezone(original, report)
        for entry in unique:
            entry.venues_index = calendar.venues
            entry.uid = uid
            entry.original = original
            if entry is not original:
                read_translation(entry, original, reports[id(entry)], report.rel_path, content_path)
            _note_draft(entry, reports[id(entry)])
        calendar.originals.append(original)
        calendar.translations.extend(e for e in unique if e is not original)
    process_translations(calendar.originals + calendar.translations, translation_id="slug")
    calendar.originals.sort(key=lambda e: e.slug)
    calendar.translations.sort(key=lambda e: (e.slug, e.lang))
    return calendar


def _note_draft(entry, report) -> None:
    """A draft is never published; say so, so that nobody wonders where it is."""
    if getattr(entry, "status", "published") != "draft":
        return
    if entry.is_original:
        message = "Entwurf: der Termin wird nicht veröffentlicht (keine Seite, nicht in den Kalender-Feeds)"
    else:
        message = (f"Entwurf: diese Übersetzung wird nicht veröffentlicht; in der Sprache „{entry.lang}“ zeigt "
                   "die Website bis dahin das Original, mit einem Hinweis")
    report("status", message, "wenn der Text fertig ist, die Zeile „Status: draft“ löschen", level=WARNING)


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
    entry.cancelled_lang = entry.lang
    for lineno, _value in report.header.lines.get("grund", []):
        report.at(lineno, report.header.names["grund"], "„Grund“ gibt es nur in Übersetzungen",
                  "im Original steht der Grund in der Zeile selbst, nach einem Strich: "
                  "„Ausfall: 2026-11-05 - Die Kursleitung ist krank.“")  # fmt: skip
