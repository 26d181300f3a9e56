"""Checks for pages (content/pages/) and news (content/news/): the metadata the build relies on."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pelican.utils import get_date

from pelican.plugins.kalender.header import scan_header
from pelican.plugins.kalender.problems import Problem
from pelican.plugins.multilingual.publication import build_today, is_held_back

PAGE_NAME_RE = re.compile(r"^(?P<slug>[^.]+)\.(?P<lang>[^.]+)\.md$")
NEWS_NAME_RE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[^.]+)\.(?P<lang>[^.]+)\.md$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Fields the site uses, lowercased. Anything else is most likely a typo and would be ignored.
KNOWN_FIELDS = {
    "title", "slug", "lang", "date", "modified", "summary", "category", "tags", "template",
    "role", "nav", "status", "author", "authors", "translation",
}
# Fields refused with their own message (content_check.safety): they choose the output file.
REFUSED_FIELDS = {"save_as", "url"}
# German names volunteers type by habit -> the field meant.
GERMAN_FIELD_NAMES = {
    "titel": "Title", "sprache": "Lang", "datum": "Date", "zusammenfassung": "Summary",
    "kategorie": "Category", "schlagwörter": "Tags", "schlagworte": "Tags", "vorlage": "Template",
    "geändert": "Modified", "autor": "Author",
}
STATUSES = ("published", "draft", "hidden")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:?\d{2})?$")
GERMAN_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
EARLIEST_YEAR = 1990
MAX_DAYS_AHEAD = 366


def _slug_fix(value):
    suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower().replace("ä", "ae").replace("ö", "oe")
                        .replace("ü", "ue").replace("ß", "ss")).strip("-")
    return f"nur Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. „{suggestion or 'mein-beitrag'}“"


class ContentFile:
    """One Markdown file with its header fields and line numbers."""

    def __init__(self, path: Path, rel: str, text: str):
        self.path = path
        self.rel = rel
        self.text = text
        self.header = scan_header(text)

    def value(self, key):
        entries = self.header.lines.get(key)
        return " ".join(v for _, v in entries).strip() if entries else None

    def line(self, key):
        return self.header.line_of(key)

    @property
    def body_line(self) -> int:
        """The first line after the header (where the text should start)."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if not line.strip():
                return number + 1
        return len(self.text.splitlines()) + 1

    @property
    def body(self) -> str:
        return "\n".join(self.text.splitlines()[self.body_line - 1:])


def check_pages_and_news(content_dir: Path, settings: dict, rel_to: Path) -> list[Problem]:
    """Every problem in content/pages/ and content/news/ (file names, fields, links)."""
    problems: list[Problem] = []
    languages = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    theme_templates = Path(settings.get("THEME", "")) / "templates"
    seen: dict[tuple[str, str, str], str] = {}
    files = []
    for kind, path in _markdown_files(content_dir):
        rel = _relative(path, rel_to)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(rel, None, "Datei", "die Datei ist nicht in UTF-8 gespeichert",
                                    "im Editor „Speichern unter“ mit der Kodierung UTF-8 wählen"))
            continue
        item = ContentFile(path, rel, text)
        files.append((kind, item))
        problems += _check_file(item, kind, languages, settings, theme_templates, content_dir)
        slug, lang = item.value("slug"), item.value("lang")
        if slug and lang:
            key = (kind, slug, lang)
            if key in seen:
                problems.append(Problem(
                    rel, item.line("slug"), "Slug",
                    f"„{slug}“ in der Sprache „{lang}“ gibt es schon in {seen[key]}",
                    "einen anderen Slug wählen oder eine der beiden Dateien löschen "
                    "(Übersetzungen haben denselben Slug, aber eine andere Sprache)"))
            else:
                seen[key] = rel
    return problems + _check_versions(files, settings)


def _markdown_files(content_dir: Path):
    """(kind, path) of every page and news file; links are left to the safety check."""
    for kind, folder in (("page", "pages"), ("news", "news")):
        base = content_dir / folder
        if base.is_dir() and not base.is_symlink():
            yield from ((kind, path) for path in sorted(base.rglob("*.md")) if path.is_file() and not path.is_symlink())


def _status(item: ContentFile) -> str:
    return (item.value("status") or "published").lower()


def _check_versions(files, settings) -> list[Problem]:
    """Across the languages of one page or news item: an original, the same status, the same day."""
    default = settings["DEFAULT_LANG"]
    groups: dict[tuple[str, str], dict[str, ContentFile]] = {}
    languages = set(settings.get("LANGUAGES") or [default])
    for kind, item in files:
        if SLUG_RE.match(item.value("slug") or "") and (item.value("lang") or default) in languages:
            groups.setdefault((kind, item.value("slug")), {}).setdefault(item.value("lang") or default, item)
    out = []
    for (kind, slug), versions in sorted(groups.items()):
        original = versions.get(default)
        if original is None:
            for item in versions.values():
                out.append(Problem(item.rel, item.line("slug"), "Slug",
                                   f"zu „{slug}“ gibt es keine Fassung in „{default}“ (dem Original)",
                                   f"zuerst die Datei in „{default}“ anlegen (gleicher Slug, Lang: {default}); "
                                   "sie wird gezeigt, wo eine Übersetzung fehlt"))
            continue
        for _lang, item in sorted(versions.items()):
            if item is not original:
                out += _version_problems(kind, original, item)
    return out


def _version_problems(kind, original: ContentFile, item: ContentFile) -> list[Problem]:
    out = []
    status, own = _status(original), _status(item)
    if (status, own) in (("draft", "published"), ("draft", "hidden"), ("hidden", "published")):
        out.append(Problem(original.rel, original.line("status"), "Status",
                           f"das Original ist „{status}“, die Übersetzung {Path(item.rel).name} aber „{own}“",
                           f"„Status: {status}“ auch in {Path(item.rel).name} schreiben, oder hier die Zeile löschen"))
    elif status == "published" and own == "hidden":
        out.append(Problem(item.rel, item.line("status"), "Status",
                           f"die Übersetzung ist „hidden“, das Original {Path(original.rel).name} aber sichtbar",
                           "die Zeile löschen (oder „Status: draft“, solange die Übersetzung nicht fertig ist)"))
    if kind == "news":
        day, own_day = (read_date(f.value("date") or "")[0] for f in (original, item))
        if day and own_day and day.date() != own_day.date():
            out.append(Problem(item.rel, item.line("date"), "Date",
                               f"{own_day:%d.%m.%Y} weicht vom Datum des Originals ab ({day:%d.%m.%Y})",
                               f"in allen Sprachen dasselbe Datum schreiben: {day:%Y-%m-%d} (auch im Dateinamen)"))
    return out


def held_back_notices(content_dir: Path, settings: dict, rel_to: Path) -> list[str]:
    """News dated after today, one line per item: they appear on their day (multilingual.publication)."""
    timezone, day = settings.get("TIMEZONE") or "UTC", today(settings)
    default = settings["DEFAULT_LANG"]
    waiting: dict[str, list[tuple[ContentFile, dt.datetime]]] = {}
    for kind, path in _markdown_files(Path(content_dir)):
        if kind != "news":
            continue
        try:
            item = ContentFile(path, _relative(path, rel_to), path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
        moment = read_date(item.value("date") or "")[0]
        if moment and _status(item) != "draft" and is_held_back(moment, timezone, day):
            waiting.setdefault(item.value("slug") or item.rel, []).append((item, moment))
    notes = []
    for versions in waiting.values():
        versions.sort(key=lambda pair: (pair[0].value("lang") != default, pair[0].rel))
        item, moment = versions[0]
        others = f" (mit {len(versions) - 1} Übersetzung(en))" if len(versions) > 1 else ""
        notes.append(f"{item.rel}:{item.line('date')}: Date: erscheint erst am {moment:%d.%m.%Y}{others}; "
                     f"heute ist {day:%d.%m.%Y}, bis dahin steht die Nachricht nicht auf der Website")
    return sorted(notes)


def _relative(path: Path, rel_to: Path) -> str:
    try:
        return str(path.relative_to(rel_to))
    except ValueError:
        return str(path)


def _check_file(item: ContentFile, kind, languages, settings, theme_templates, content_dir):
    rel, header = item.rel, item.header
    out = []
    add = lambda line, field, message, fix: out.append(Problem(rel, line, field, message, fix))  # noqa: E731

    for lineno, line in header.bad_lines:
        add(lineno, "Kopfzeilen", f"die Zeile „{line.strip()}“ ist kein Feld, der Kopf endet hier",
            "Felder als „Name: Wert“ schreiben (Feldname ohne Umlaute und Leerzeichen); "
            "zwischen den Feldern keine Leerzeilen")
    for lineno, line in header.stray_fields:
        add(lineno, line.split(":", 1)[0].strip(), "dieses Feld steht nach einer Leerzeile und zählt nicht",
            "die Leerzeile darüber löschen: alle Felder stehen oben ohne Leerzeile untereinander")

    for key, entries in header.lines.items():
        name = header.names[key]
        if key in GERMAN_FIELD_NAMES:
            add(entries[0][0], name, "dieses Feld kennt die Website nicht",
                f"das Feld heißt „{GERMAN_FIELD_NAMES[key]}“ (englischer Feldname)")
        elif key not in KNOWN_FIELDS and key not in REFUSED_FIELDS:
            add(entries[0][0], name, "dieses Feld kennt die Website nicht und würde ignoriert",
                "Tippfehler prüfen; erlaubt sind: " + ", ".join(sorted(f.capitalize() for f in KNOWN_FIELDS)))

    name_re = NEWS_NAME_RE if kind == "news" else PAGE_NAME_RE
    named = name_re.match(item.path.name)
    pattern = "JJJJ-MM-TT-slug.sprache.md" if kind == "news" else "slug.sprache.md"
    if not named:
        add(None, "Dateiname", f"„{item.path.name}“ passt nicht zum Muster {pattern}",
            f"die Datei umbenennen, z. B. {'2026-09-01-mein-beitrag.de.md' if kind == 'news' else 'mein-thema.de.md'}")

    aliased = {GERMAN_FIELD_NAMES[k].lower() for k in header.lines if k in GERMAN_FIELD_NAMES}
    title = item.value("title")
    if not title and "title" not in aliased:
        add(item.line("title") or 1, "Title", "der Titel fehlt",
            "oben eine Zeile „Title: …“ mit der Überschrift einfügen")

    slug = item.value("slug")
    if not slug:
        add(item.line("slug") or 1, "Slug", "der Slug (Teil der Adresse) fehlt",
            "eine Zeile „Slug: mein-thema“ einfügen; Übersetzungen bekommen denselben Slug")
    elif not SLUG_RE.match(slug):
        add(item.line("slug"), "Slug", f"„{slug}“ ist als Adresse nicht erlaubt", _slug_fix(slug))
    elif named and named.group("slug") != slug:
        add(item.line("slug"), "Slug", f"„{slug}“ passt nicht zum Dateinamen „{item.path.name}“",
            f"Slug und Dateinamen angleichen (Muster {pattern})")

    lang = item.value("lang")
    if not lang and "lang" not in aliased:
        add(item.line("lang") or 1, "Lang", "die Sprache fehlt",
            f"eine Zeile „Lang: de“ einfügen (erlaubt: {', '.join(languages)})")
    elif lang not in languages:
        add(item.line("lang"), "Lang", f"die Sprache „{lang}“ hat die Website nicht",
            f"einen dieser Codes verwenden: {', '.join(languages)} (neue Sprache: siehe docs/sprache-hinzufuegen.md)")
    elif named and named.group("lang") != lang:
        add(item.line("lang"), "Lang", f"„{lang}“ passt nicht zum Dateinamen „{item.path.name}“",
            f"Sprache im Dateinamen und im Feld Lang angleichen (…{named.group('lang')}.md oder Lang: {named.group('lang')})")

    date = item.value("date")
    if kind == "news" and not date and "date" not in aliased:
        add(item.line("date") or 1, "Date", "das Datum fehlt",
            "eine Zeile „Date: 2026-09-01 10:00“ einfügen (Datum, an dem die Nachricht erscheint)")
    parsed = {}
    for field in ("date", "modified"):
        value = item.value(field)
        if not value:
            continue
        moment, problem = read_date(value)
        if problem:
            add(item.line(field), header.names[field], *problem)
            continue
        parsed[field] = moment
        if field == "date" and kind == "news" and named and moment.strftime("%Y-%m-%d") != named.group("date"):
            add(item.line("date"), "Date",
                f"das Datum {moment:%Y-%m-%d} passt nicht zum Dateinamen „{item.path.name}“",
                "das Datum im Dateinamen und im Feld Date angleichen")
    out += _date_plausibility(item, parsed, today(settings))

    status = item.value("status")
    if status and status.lower() not in STATUSES:
        add(item.line("status"), "Status", f"„{status}“ gibt es nicht",
            "„published“ (sichtbar), „draft“ (Entwurf, nicht veröffentlicht) oder „hidden“ schreiben")

    nav = item.value("nav")
    if nav:
        try:
            float(nav)
        except ValueError:
            add(item.line("nav"), "Nav", f"„{nav}“ ist keine Zahl",
                "eine Zahl für die Stelle im Menü schreiben, z. B. „Nav: 2“, oder die Zeile löschen")

    template = item.value("template")
    if template and theme_templates.is_dir() and not (theme_templates / f"{template}.html").is_file():
        known = sorted(p.stem for p in theme_templates.glob("*.html"))
        add(item.line("template"), "Template", f"die Vorlage „{template}“ gibt es nicht",
            f"eine dieser Vorlagen verwenden: {', '.join(known)} (oder die Zeile löschen)")

    if not item.body.strip():
        add(item.body_line, "Text", "unter den Feldern steht kein Text",
            "nach einer Leerzeile den Text schreiben")
    role = item.value("role")
    if role and role.lower() != "home":
        add(item.line("role"), "Role", f"„{role}“ gibt es nicht",
            "„Role: home“ (Text der Startseite) schreiben oder die Zeile löschen")
    return out


def read_date(value: str):
    """``(datetime, None)`` for a date in ISO form, else ``(None, (message, fix))``.

    Pelican would read ``05.11.2026`` month first, as 11 May; German dates are day first,
    so only ``JJJJ-MM-TT`` (with an optional time) is taken, and ``TT.MM.JJJJ`` gets the
    ISO form to copy.
    """
    german = GERMAN_DATE_RE.match(value)
    if german:
        day, month, year = (int(part) for part in german.group(1, 2, 3))
        try:
            dt.date(year, month, day)
        except ValueError:
            return None, (f"„{value}“ ist kein gültiges Datum", "Tag und Monat prüfen und als JJJJ-MM-TT schreiben")
        fix = f"als {year:04d}-{month:02d}-{day:02d}{german.group(4) or ''} schreiben (Jahr-Monat-Tag)"
        try:
            misread = get_date(value)
        except (ValueError, OverflowError):
            return None, (f"„{value}“ ist kein Datum in der Form JJJJ-MM-TT", fix)
        return None, (f"„{value}“ würde als {misread:%d.%m.%Y} gelesen (Monat zuerst)", fix)
    if not ISO_DATE_RE.match(value):
        return None, (f"„{value}“ ist kein Datum in der Form JJJJ-MM-TT",
                      "als JJJJ-MM-TT SS:MM schreiben, z. B. 2026-09-01 10:00")
    try:
        return get_date(value), None
    except (ValueError, OverflowError):
        return None, (f"„{value}“ ist kein gültiges Datum", "Tag und Monat prüfen, z. B. 2026-09-01 10:00")


def today(settings) -> dt.date:
    return build_today(settings.get("TIMEZONE") or "UTC")


def _date_plausibility(item: ContentFile, parsed: dict, day: dt.date) -> list[Problem]:
    """Dates that are most likely typos: before 1990, more than a year ahead, changed before written."""
    out = []
    date, modified = parsed.get("date"), parsed.get("modified")
    for field, moment in (("date", date), ("modified", modified)):
        if moment is None:
            continue
        name = item.header.names[field]
        if moment.year < EARLIEST_YEAR:
            out.append(Problem(item.rel, item.line(field), name, f"das Jahr {moment.year} ist sicher ein Tippfehler",
                               "das Jahr prüfen, z. B. 2026"))
        elif moment.date() > day + dt.timedelta(days=MAX_DAYS_AHEAD):
            out.append(Problem(item.rel, item.line(field), name,
                               f"{moment:%d.%m.%Y} liegt mehr als ein Jahr in der Zukunft (heute ist {day:%d.%m.%Y})",
                               "das Jahr prüfen; eine Nachricht erscheint erst an ihrem Datum"))
    if modified and modified.date() > day:
        out.append(Problem(item.rel, item.line("modified"), item.header.names["modified"],
                           f"die Änderung am {modified:%d.%m.%Y} liegt in der Zukunft (heute ist {day:%d.%m.%Y})",
                           "das Datum der letzten Änderung eintragen (höchstens heute)"))
    if date and modified and modified < date:
        out.append(Problem(item.rel, item.line("modified"), item.header.names["modified"],
                           f"die Änderung ({modified:%d.%m.%Y}) liegt vor dem Datum ({date:%d.%m.%Y})",
                           "Modified ist der Tag der letzten Änderung: gleich oder nach Date"))
    return out
