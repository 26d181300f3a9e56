"""Checks for pages (content/pages/) and news (content/news/): the metadata the build relies on."""

from __future__ import annotations

import re
from pathlib import Path

from pelican.utils import get_date

from kalender.header import scan_header
from kalender.problems import Problem

PAGE_NAME_RE = re.compile(r"^(?P<slug>[^.]+)\.(?P<lang>[^.]+)\.md$")
NEWS_NAME_RE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[^.]+)\.(?P<lang>[^.]+)\.md$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FILENAME_LINK_RE = re.compile(r"\{filename\}([^)\s\"'#?]+)")
VIEW_LINK_RE = re.compile(r"\{view\}([A-Za-z0-9_-]*)")
ORG_FIELD_RE = re.compile(r"\{org:([A-Za-z0-9_]*)\}")

# Fields the site uses, lowercased. Anything else is most likely a typo and would be ignored.
KNOWN_FIELDS = {
    "title", "slug", "lang", "date", "modified", "summary", "category", "tags", "template",
    "role", "nav", "status", "author", "authors", "translation", "save_as", "url",
}
# German names volunteers type by habit -> the field meant.
GERMAN_FIELD_NAMES = {
    "titel": "Title", "sprache": "Lang", "datum": "Date", "zusammenfassung": "Summary",
    "kategorie": "Category", "schlagwörter": "Tags", "schlagworte": "Tags", "vorlage": "Template",
    "geändert": "Modified", "autor": "Author",
}
STATUSES = ("published", "draft", "hidden")


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


def check_pages_and_news(content_dir: Path, settings: dict, rel_to: Path) -> list[Problem]:
    """Every problem in content/pages/ and content/news/ (file names, fields, links)."""
    problems: list[Problem] = []
    languages = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    theme_templates = Path(settings.get("THEME", "")) / "templates"
    seen: dict[tuple[str, str, str], str] = {}
    for kind, folder in (("page", "pages"), ("news", "news")):
        base = content_dir / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.md")):
            rel = _relative(path, rel_to)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                problems.append(Problem(rel, None, "Datei", "die Datei ist nicht in UTF-8 gespeichert",
                                        "im Editor „Speichern unter“ mit der Kodierung UTF-8 wählen"))
                continue
            item = ContentFile(path, rel, text)
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
    return problems


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
        elif key not in KNOWN_FIELDS:
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
    for field in ("date", "modified"):
        value = item.value(field)
        if not value:
            continue
        try:
            parsed = get_date(value)
        except (ValueError, OverflowError):
            add(item.line(field), header.names[field], f"„{value}“ ist kein gültiges Datum",
                "als JJJJ-MM-TT SS:MM schreiben, z. B. 2026-09-01 10:00")
            continue
        if field == "date" and kind == "news" and named and parsed.strftime("%Y-%m-%d") != named.group("date"):
            add(item.line("date"), "Date",
                f"das Datum {parsed:%Y-%m-%d} passt nicht zum Dateinamen „{item.path.name}“",
                "das Datum im Dateinamen und im Feld Date angleichen")

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

    out += _check_links(item, settings, content_dir)
    return out


def _line_of_offset(text, offset):
    return text.count("\n", 0, offset) + 1


def _check_links(item: ContentFile, settings, content_dir: Path):
    out = []
    views = settings.get("VIEW_URLS", {})
    organization = settings.get("ORGANIZATION", {})
    for match in FILENAME_LINK_RE.finditer(item.text):
        target = match.group(1)
        resolved = (content_dir / target.lstrip("/")) if target.startswith("/") else (item.path.parent / target)
        if not resolved.is_file():
            out.append(Problem(item.rel, _line_of_offset(item.text, match.start()), "Link",
                               f"{{filename}}{target}: diese Datei gibt es nicht",
                               "den Dateinamen prüfen; er beginnt mit „/“ und ist relativ zu content/, "
                               "z. B. {filename}/pages/kontakt.de.md"))
    for match in VIEW_LINK_RE.finditer(item.text):
        if match.group(1) not in views:
            out.append(Problem(item.rel, _line_of_offset(item.text, match.start()), "Link",
                               f"{{view}}{match.group(1)}: diese Ansicht gibt es nicht",
                               "eine dieser Ansichten verwenden: " + ", ".join(sorted(views))))
    for match in ORG_FIELD_RE.finditer(item.text):
        if match.group(1) not in organization:
            out.append(Problem(item.rel, _line_of_offset(item.text, match.start()), "Platzhalter",
                               f"{{org:{match.group(1)}}}: dieses Feld gibt es in ORGANIZATION nicht",
                               "eines dieser Felder verwenden: " + ", ".join(sorted(organization))))
    return out
