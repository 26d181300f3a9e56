"""The calendar entry: one content class for events, courses and garden days.

Pelican's reader builds a :class:`CalendarEntry` from each Markdown file; :func:`read_fields`
then turns its metadata into typed attributes (kind, schedule, venue, …), reporting every
mistake as a :class:`~.problems.Problem` with file, line, field, value and fix.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from babel import Locale, UnknownLocaleError
from pelican.contents import Content

from .config import KINDS
from .header import Header
from .problems import ERROR, MISSING, Problem
from .schedule import Schedule, ScheduleReader
from .values import as_list, split_commas

# Field name (lowercase, as in metadata) -> name shown in messages.
FIELDS = {
    "title": "Title", "slug": "Slug", "lang": "Lang", "summary": "Summary", "status": "Status",
    "art": "Art", "beginn": "Beginn", "ende": "Ende", "dauer": "Dauer", "zeitzone": "Zeitzone",
    "wiederholung": "Wiederholung", "rrule": "RRULE", "ausnahme": "Ausnahme",
    "zusatztermin": "Zusatztermin", "ausfall": "Ausfall", "verlegt": "Verlegt",
    "abgesagt": "Abgesagt", "ferien": "Ferien", "feiertage": "Feiertage", "ort": "Ort",
    "kategorie": "Kategorie", "sprachen": "Sprachen", "kosten": "Kosten",
    "anmeldung": "Anmeldung", "kontakt": "Kontakt", "bild": "Bild",
    "bildbeschreibung": "Bildbeschreibung", "uid": "UID", "niveau": "Niveau",
    "mitbringen": "Mitbringen", "grund": "Grund",
}  # fmt: skip
# Time, place and status: written only in the original (default language), never in a translation.
SCHEDULE_FIELDS = (
    "beginn", "ende", "dauer", "zeitzone", "wiederholung", "rrule", "ausnahme", "zusatztermin",
    "ausfall", "verlegt", "abgesagt", "ferien", "feiertage", "ort",
)  # fmt: skip
# Also only in the original: the same in every language.
SHARED_FIELDS = ("art", "kategorie", "sprachen", "uid")
# Free text that a translation may give in its own language (the original's is the fallback).
TEXT_FIELDS = ("kosten", "anmeldung", "kontakt", "bild", "bildbeschreibung", "niveau", "mitbringen")
# Everything a translation may contain: its own texts, and translated reasons (``Grund``).
TRANSLATION_FIELDS = ("title", "slug", "lang", "summary", "status", "grund", *TEXT_FIELDS)
STATUSES = ("published", "draft")
FREE_WORDS = {"", "kostenlos", "kostenfrei", "frei", "gratis", "0", "0 €", "0,00 €"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
UID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
FILENAME_LANG_RE = re.compile(r"\.([a-z]{2,3})\.(?:md|markdown|mkd|mdown)$")


class CalendarEntry(Content):
    """One calendar file (an original or a translation), read by Pelican's Markdown reader.

    After validation it carries: ``kind`` (event/course/garden), ``schedule``
    (:class:`~.schedule.Schedule`), ``venue`` (:class:`~.venues.Venue` or None),
    ``categories`` (list of :class:`~.venues.Category`), ``uid``, ``spoken_languages``
    (language codes), ``cost``, ``is_free``, ``registration``, ``contact``, ``image``,
    ``image_alt``, ``level``, ``bring``, ``cancelled`` (reason or None), ``original`` (the
    entry in the default language), ``sequence`` and ``dtstamp`` (from the git history, :mod:`.sequence`).
    """

    mandatory_properties = ("title",)
    allowed_statuses = STATUSES
    default_status = "published"
    default_template = "kalender_eintrag"

    @property
    def is_original(self) -> bool:
        return getattr(self, "original", self) is self

    @property
    def stable_id(self) -> str:
        """The part of the UID before the @: the UID field, else the slug."""
        return self.uid.split("@", 1)[0]


class FileReport:
    """Collects problems for one file, looking up the line of each field.

    ``explained`` are fields whose absence another message already explains (a typo such as
    ``Begin:``, or the field standing after an empty line): no extra "das Feld fehlt" for them.
    """

    def __init__(self, rel_path: str, header: Header, problems: list[Problem]):
        self.rel_path = rel_path
        self.header = header
        self.problems = problems
        self.explained: set[str] = set()

    def __call__(self, key: str, message: str, fix: str, value=None, level: str = ERROR) -> None:
        if message == MISSING and key in self.explained:
            return
        line = self.header.line_of(key, value) if key else None
        if line is None and message == MISSING:
            line = 1  # where the fields are (as make check says for pages)
        label = self.header.names.get(key, FIELDS.get(key, key))
        self.problems.append(Problem(self.rel_path, line, label, message, fix, level))

    def at(self, line: int | None, label: str, message: str, fix: str, level: str = ERROR) -> None:
        """A problem at a known line."""
        self.problems.append(Problem(self.rel_path, line, label, message, fix, level))


def filename_parts(path: str) -> tuple[str, str | None]:
    """``(stem, language)`` of ``…/<slug>.<lang>.md``; the language is None without one."""
    name = os.path.basename(path)
    match = FILENAME_LANG_RE.search(name)
    if match:
        return name[: match.start()], match[1]
    return name.rsplit(".", 1)[0], None


def check_header(header: Header, report: FileReport) -> None:
    """Unknown field names, lines the reader cannot parse, fields after an empty line."""
    for key in header.lines:
        if key not in FIELDS:
            close = difflib.get_close_matches(key, list(FIELDS), n=1, cutoff=0.6)
            hint = f"meinten Sie „{FIELDS[close[0]]}“?" if close else "siehe docs/kalender-felder.md"
            report.explained.update(close)
            report(key, f"das Feld „{header.names[key]}“ gibt es nicht", f"den Namen korrigieren ({hint})")
    for lineno, text in header.bad_lines:
        report.at(lineno, "Kopfzeile", f"„{text.strip()}“ ist keine Feldzeile, alles danach wird als Text gelesen",
                  "Feldnamen ohne Umlaute und Leerzeichen schreiben (z. B. „Zusatztermin:“), "
                  "oder eine Leerzeile vor den Text setzen")  # fmt: skip
    for lineno, text in header.stray_fields:
        key = text.split(":", 1)[0].strip().lower()
        if key in FIELDS:
            report.explained.add(key)
            report.at(lineno, FIELDS[key], "das Feld steht nach der Leerzeile und wird als Text gelesen",
                      "die Leerzeile davor entfernen: alle Felder stehen ohne Leerzeile am Anfang")  # fmt: skip


def check_identity(entry: CalendarEntry, header: Header, report: FileReport, settings: dict, reserved: set) -> None:
    """Title, Slug, Lang, Status and UID: present, well-formed, consistent with the file name.

    When Slug or Lang is missing or contradicts the file name, the file name's value is used
    for the remaining checks (``entry.slug``/``entry.lang``), so a translation without
    ``Lang`` is not also reported as a second German file. The build stops anyway.
    """
    stem, name_lang = filename_parts(entry.source_path)
    if not header.has("title"):
        report("title", MISSING, "oben „Title: …“ mit dem Namen des Termins ergänzen")
    if not header.has("slug"):
        report("slug", MISSING, f"„Slug: {stem}“ ergänzen (gleicher Slug in allen Sprachen)")
        entry.slug = stem
    elif not SLUG_RE.match(entry.slug):
        report("slug", f"„{entry.slug}“ ist als Slug ungültig", "nur Kleinbuchstaben a–z, Ziffern und Bindestriche verwenden", entry.slug)
    elif entry.slug in reserved or re.fullmatch(r"\d{4}(-\d{2})?", entry.slug):
        report("slug", f"„{entry.slug}“ ist schon eine Kalender-Ansicht", "einen anderen Slug wählen", entry.slug)
    languages = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    if not header.has("lang"):
        if name_lang in languages and name_lang != settings["DEFAULT_LANG"]:
            report("lang", MISSING, f"„Lang: {name_lang}“ ergänzen (die Sprache steht im Dateinamen: ….{name_lang}.md)")
            _take_language(entry, name_lang, settings)
    elif entry.lang not in languages:
        report("lang", f"die Sprache „{entry.lang}“ gibt es auf der Website nicht", f"eine davon verwenden: {', '.join(languages)}", entry.lang)
    elif name_lang in languages and name_lang != entry.lang:
        report("lang", f"„Lang: {entry.lang}“ passt nicht zum Dateinamen (….{name_lang}.md)",
               "Lang oder den Dateinamen angleichen", entry.lang)  # fmt: skip
        _take_language(entry, name_lang, settings)
    status = (as_list(entry.metadata.get("status")) or [""])[0].strip()
    if header.has("status") and status.lower() not in STATUSES:
        report("status", f"„{status}“ ist kein erlaubter Status",
               "erlaubt sind: „draft“ (Entwurf, wird nicht veröffentlicht) und „published“ (veröffentlicht, "
               "wie ohne diese Zeile)", status)  # fmt: skip
    uid = getattr(entry, "uid_field", None)
    if uid is not None and not UID_RE.match(uid):
        report("uid", f"„{uid}“ ist als UID ungültig", "nur Buchstaben, Ziffern, Punkt, Bindestrich und Unterstrich, ohne @", uid)


def _take_language(entry, lang: str, settings: dict) -> None:
    """Check the file further as the language its name says (it is reported; nothing is built)."""
    entry.lang = lang
    entry.in_default_lang = lang == settings["DEFAULT_LANG"]


def read_fields(entry: CalendarEntry, metadata: dict, report: FileReport, settings: dict,
                venues: dict, categories: dict, content_path: str) -> Schedule | None:
    """Set kind, categories, languages, schedule, venue, texts and image on an original; return its schedule.

    (A translation takes these from its original, see :mod:`.translation`.)
    """
    one = lambda key: (as_list(metadata.get(key)) or [None])[0]  # noqa: E731
    art = (one("art") or "").strip().lower()
    if not art:
        report("art", MISSING, "„Art: veranstaltung“, „Art: kurs“ oder „Art: garten“ ergänzen")
    elif art not in KINDS:
        report("art", f"„{art}“ ist keine bekannte Art", "veranstaltung, kurs oder garten schreiben", art)
    entry.kind = KINDS.get(art, "event")
    entry.categories = []
    for key in split_commas(one("kategorie") or ""):
        if key.lower() in categories:
            entry.categories.append(categories[key.lower()])
        else:
            known = ", ".join(sorted(categories)) or "(keine)"
            report("kategorie", f"die Kategorie „{key}“ steht nicht in der Liste",
                   f"einen Schlüssel aus content/kalender/kategorien.toml verwenden ({known}) oder ihn dort eintragen")  # fmt: skip
    entry.spoken_languages = []
    for code in split_commas(one("sprachen") or ""):
        try:
            Locale.parse(code.lower())
            entry.spoken_languages.append(code.lower())
        except (UnknownLocaleError, ValueError):
            report("sprachen", f"„{code}“ ist kein Sprachcode", "zweibuchstabige Codes verwenden, z. B. „de, ar, fa, uk“")
    schedule = ScheduleReader(metadata, report, settings.get("TIMEZONE") or "Europe/Berlin", venues).read()
    entry.schedule = schedule
    entry.venue = venues.get(schedule.venue) if schedule and schedule.venue else None
    entry.cancelled = schedule.cancelled if schedule else None
    read_texts(entry, metadata, report, content_path)
    return schedule


def read_texts(entry: CalendarEntry, metadata: dict, report: FileReport, content_path: str) -> None:
    """Cost, registration, contact, image and alt text, level, what to bring."""
    one = lambda key: ((as_list(metadata.get(key)) or [""])[0]).strip()  # noqa: E731
    entry.cost = one("kosten")
    entry.is_free = entry.cost.lower() in FREE_WORDS
    entry.registration = one("anmeldung")
    entry.contact = one("kontakt")
    entry.level = one("niveau")
    entry.bring = one("mitbringen")
    entry.image = one("bild") or None
    entry.image_alt = one("bildbeschreibung")
    if entry.image:
        path = re.sub(r"^\{static\}/?", "", entry.image).lstrip("/")
        if not Path(content_path, path).is_file():
            report("bild", f"die Bilddatei „{entry.image}“ gibt es nicht",
                   "den Pfad relativ zu content/ angeben, z. B. images/garten.jpg", entry.image)  # fmt: skip
        if not entry.image_alt:
            report("bild", "die Bildbeschreibung fehlt",
                   "„Bildbeschreibung: …“ ergänzen: ein Satz, was auf dem Bild zu sehen ist", entry.image)  # fmt: skip
