"""``invoke new``: a correctly named content file from a template, plus translation stubs.

Translation stubs carry ``Status: draft``: until someone translates them, the site
shows the German original there (marked as German), never German text labelled as
another language. Partner files know no ``Status`` field, so partners get no stubs.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).parent / "templates"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CALENDAR_KINDS = ("event", "course", "garden")
KINDS = (*CALENDAR_KINDS, "news", "partner")
KIND_NAMES = {"event": "Veranstaltung", "course": "Kurs", "garden": "Gartentage", "news": "Nachricht",
              "partner": "Partner"}
PARTNER_CATEGORIES = ("behoerden", "vereine", "kirchen", "bildung", "gesundheit", "sport-kultur")


class NewEntryError(ValueError):
    """A German message saying which option is wrong and how to give it."""


@dataclass
class NewEntry:
    kind: str
    title: str
    slug: str = ""
    date: str = ""          # calendar: first session "JJJJ-MM-TT SS:MM"; news: "JJJJ-MM-TT SS:MM"
    summary: str = ""
    category: str = ""      # news: Category; partner: Kategorie
    website: str = ""
    tags: str = ""
    lang: str = "de"


def slugify(title: str) -> str:
    text = title.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def _parse_start(text: str, field: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(" ".join(text.split()), "%Y-%m-%d %H:%M")
    except ValueError:
        raise NewEntryError(f"{field} „{text}“: bitte als JJJJ-MM-TT SS:MM angeben, z. B. 2026-09-01 17:00") from None


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def path_for(entry: NewEntry, content_dir: Path, lang: str) -> Path:
    if entry.kind in CALENDAR_KINDS:
        return content_dir / "kalender" / f"{entry.slug}.{lang}.md"
    if entry.kind == "news":
        return content_dir / "news" / f"{entry.date[:10]}-{entry.slug}.{lang}.md"
    return content_dir / "partner" / f"{entry.slug}.{lang}.md"


def values_for(entry: NewEntry) -> dict:
    values = {k: _one_line(v) for k, v in vars(entry).items()}
    values["summary"] = values["summary"] or "[Ein, zwei Sätze: worum geht es?]"
    if entry.kind in CALENDAR_KINDS:
        start = _parse_start(entry.date, "--date (erster Termin)")
        hours = 3 if entry.kind == "garden" else 2
        values.update(start=f"{start:%Y-%m-%d %H:%M}", end_time=f"{start + dt.timedelta(hours=hours):%H:%M}",
                      until=f"{start.date() + dt.timedelta(weeks=12):%Y-%m-%d}")
    elif entry.kind == "news":
        start = _parse_start(entry.date, "--date (Datum der Nachricht)")
        values.update(date=f"{start:%Y-%m-%d %H:%M}", category=values["category"] or "Verein",
                      tags=values["tags"] or "Plauen")
    else:
        values.update(website=values["website"] or "https://", category=values["category"])
    return values


def validate(entry: NewEntry, languages: list[str]) -> None:
    problems = []
    if entry.kind not in KINDS:
        problems.append(f"--kind „{entry.kind}“ gibt es nicht: {', '.join(KINDS)}")
    if not entry.title.strip():
        problems.append("--title fehlt: der Titel, z. B. --title \"Deutschkurs am Morgen\"")
    if not SLUG_RE.match(entry.slug or ""):
        problems.append(f"--slug „{entry.slug}“: nur Kleinbuchstaben a–z, Ziffern und Bindestriche")
    if entry.kind in (*CALENDAR_KINDS, "news") and not entry.date:
        problems.append("--date fehlt: Datum und Uhrzeit als JJJJ-MM-TT SS:MM, z. B. 2026-09-01 17:00")
    if entry.kind == "partner" and entry.category not in PARTNER_CATEGORIES:
        problems.append(f"--category „{entry.category}“: eine von {', '.join(PARTNER_CATEGORIES)}")
    if entry.kind == "partner" and entry.website and not entry.website.startswith("https://"):
        problems.append(f"--website „{entry.website}“: die Adresse beginnt mit https://")
    if entry.lang not in languages:
        problems.append(f"--lang „{entry.lang}“: eine von {', '.join(languages)}")
    if problems:
        raise NewEntryError("\n".join(problems))


def render(entry: NewEntry) -> str:
    values = values_for(entry)
    return Template((TEMPLATES / f"{entry.kind}.md").read_text(encoding="utf-8")).substitute(values)


def render_translation(entry: NewEntry, lang: str, original_name: str) -> str:
    values = values_for(entry)
    family = "news" if entry.kind == "news" else "calendar"
    template = (TEMPLATES / f"{family}-translation.md").read_text(encoding="utf-8")
    body = "[Hier den Text aus der deutschen Fassung übersetzen.]"
    return Template(template).substitute({**values, "lang": lang, "original": original_name, "body": body})


def create(entry: NewEntry, content_dir: Path, languages: list[str], translations=()) -> list[Path]:
    """Write the new file (and translation stubs); refuse to overwrite anything."""
    entry.slug = entry.slug or slugify(entry.title)
    validate(entry, languages)
    wrong = [lang for lang in translations if lang not in languages or lang == entry.lang]
    if wrong:
        raise NewEntryError(f"--translations: {', '.join(wrong)} geht nicht; möglich: "
                            + ", ".join(l for l in languages if l != entry.lang))
    if translations and entry.kind == "partner":
        raise NewEntryError("Für Partner legt invoke new keine Übersetzungen an (Partner-Dateien kennen kein "
                            "„Status: draft“, eine Kopie würde deutschen Text als andere Sprache zeigen). "
                            "Die deutsche Datei kopieren, umbenennen (…​.en.md) und übersetzen.")
    original = path_for(entry, content_dir, entry.lang)
    files = {original: render(entry)}
    for lang in translations:
        files[path_for(entry, content_dir, lang)] = render_translation(entry, lang, original.name)
    existing = [str(p) for p in files if p.exists()]
    if existing:
        raise NewEntryError("Diese Datei gibt es schon, nichts wurde geändert: " + ", ".join(existing)
                            + " — einen anderen --slug wählen oder die Datei direkt bearbeiten.")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return list(files)
