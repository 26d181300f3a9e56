"""``invoke new``: a correctly named content file from a template, plus translation stubs.

:func:`gather` gets every value, from the options or, in a terminal, by asking (each
answer checked at once, a wrong one asked again on its own); :func:`create` writes the
files. Translation stubs carry ``Status: draft``: until someone translates them, the site
shows the German original there (marked as German), never German text labelled as another
language. A German file without its text is a draft too, so template text is never
published. Partner files know no ``Status`` field, so partners get no stubs and need a text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from .answers import WEEKDAY_NAMES, AnswerError, ask, not_empty, parse_clock, parse_day, parse_kind, parse_weekdays

TEMPLATES = Path(__file__).parent / "templates"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CALENDAR_KINDS = ("event", "course", "garden")
SERIES_KINDS = ("course", "garden")
KINDS = (*CALENDAR_KINDS, "news", "partner")
KIND_NAMES = {"event": "Veranstaltung", "course": "Kurs", "garden": "Gartentage", "news": "Nachricht",
              "partner": "Partner"}
PARTNER_CATEGORIES = ("behoerden", "vereine", "kirchen", "bildung", "gesundheit", "sport-kultur")
HOURS = {"event": 2, "course": 2, "garden": 3}
# What a file made by invoke new says until someone writes the text (make check refuses it unless a draft).
SUMMARY_MARKER = "[Ein, zwei Sätze: worum geht es?]"
TRANSLATION_MARKER = "[Hier den Text aus der deutschen Fassung übersetzen.]"
TEXT_MARKERS = {
    "event": "[Hier steht, was bei der Veranstaltung passiert und für wen sie ist.]",
    "course": "[Hier steht der Text über den Kurs: für wen er ist, was man lernt, wer ihn leitet.]",
    "garden": "[Hier steht, was an den Gartentagen gemacht wird und wer mitmachen kann.]",
    "news": "[Hier steht der Text der Nachricht. Kurze Sätze helfen allen, die gerade Deutsch lernen.]",
    "partner": "[Hier steht, wie wir mit dieser Organisation zusammenarbeiten.]",
}


class NewEntryError(ValueError):
    """A German message saying which option is wrong and how to give it."""


@dataclass
class NewEntry:
    kind: str
    title: str
    slug: str = ""
    day: dt.date | None = None  # calendar: first session; news: its date
    start: dt.time | None = None  # None: all day (events)
    end: dt.time | None = None
    weekdays: list[int] = field(default_factory=list)  # courses and garden days
    until: dt.date | None = None
    place: str = ""
    summary: str = ""
    text: str = ""
    category: str = ""  # news: Category; partner: Kategorie
    website: str = ""
    tags: str = ""
    lang: str = "de"
    translations: list[str] = field(default_factory=list)

    @property
    def draft(self) -> bool:
        """Without its text a calendar entry or news item is a draft (partners always need the text)."""
        return not self.text and self.kind != "partner"


def slugify(title: str) -> str:
    text = title.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def path_for(entry: NewEntry, content_dir: Path, lang: str) -> Path:
    if entry.kind in CALENDAR_KINDS:
        return content_dir / "kalender" / f"{entry.slug}.{lang}.md"
    if entry.kind == "news":
        return content_dir / "news" / f"{entry.day:%Y-%m-%d}-{entry.slug}.{lang}.md"
    return content_dir / "partner" / f"{entry.slug}.{lang}.md"


# --- gathering the values --------------------------------------------------------------------

class Gatherer:
    """Values from the options; in a terminal (``interactive``) missing or wrong ones are asked.

    Without a terminal every problem is collected and reported at once (:class:`NewEntryError`).
    """

    def __init__(self, interactive: bool, read=input, write=print):
        self.interactive = interactive
        self.read, self.write = read, write
        self.errors: list[str] = []

    def value(self, option: str, given, question: str, parse, default: str | None = None, required: bool = True):
        if given not in (None, ""):
            try:
                return parse(str(given))
            except AnswerError as error:
                if not self.interactive:
                    self.errors.append(f"--{option} „{given}“: {error}")
                    return None
                self.write(f"--{option} „{given}“: {error}.")
        if self.interactive:
            return ask(question, parse, default, self.read, self.write)
        if default is not None:
            return parse(default)
        if required:
            self.errors.append(f"--{option} fehlt ({question})")
        return None


def gather(options: dict, interactive: bool, languages: list[str], venues: list[str], content_dir: Path,
           today: dt.date, read=input, write=print) -> NewEntry:
    """Every value of the new entry. ``options`` holds the command-line values (or None)."""
    get = Gatherer(interactive, read, write)
    kinds = ", ".join(f"{n} {KIND_NAMES[k]}" for n, k in enumerate(KINDS, start=1))
    kind = get.value("kind", options.get("kind"), f"Was möchten Sie anlegen? ({kinds})", parse_kind)
    if kind is None:
        raise NewEntryError("\n".join(get.errors))
    title = get.value("title", options.get("title"), "Titel", not_empty)
    entry = NewEntry(kind=kind, title=title or "", lang=options.get("lang") or "de")
    if entry.lang not in languages:
        get.errors.append(f"--lang „{entry.lang}“: eine von {', '.join(languages)}")
    day_text, time_text = _split_date(options.get("date"))
    if kind in CALENDAR_KINDS:
        _gather_schedule(get, entry, options, day_text, time_text, venues)
    elif kind == "news":
        entry.day = get.value("date", day_text, "Datum der Nachricht, z. B. 13.02.2027", parse_day, f"{today:%d.%m.%Y}")
        entry.start = get.value("date", time_text, "Uhrzeit, z. B. 10 Uhr", parse_clock, "10 Uhr")
        entry.category = options.get("category") or "Verein"
        entry.tags = options.get("tags") or "Plauen"
    else:
        entry.category = get.value("category", options.get("category"), f"Kategorie ({', '.join(PARTNER_CATEGORIES)})",
                                   _choice(PARTNER_CATEGORIES)) or ""  # fmt: skip
        entry.website = get.value("website", options.get("website"), "Website (mit https://; leer = keine)", _website,
                                  "", required=False) or ""  # fmt: skip
    entry.summary = get.value("summary", options.get("summary"), "Ein, zwei Sätze: worum geht es?", not_empty) or ""
    entry.text = get.value("text", options.get("text"), "Text (ein Absatz; leer = später in der Datei schreiben, "
                           "bis dahin ein Entwurf)" if kind != "partner" else "Text: wie arbeiten wir zusammen?",
                           _one_line if kind != "partner" else not_empty, "" if kind != "partner" else None,
                           required=kind == "partner") or ""  # fmt: skip
    if kind != "partner":
        others = [code for code in languages if code != entry.lang]
        entry.translations = get.value(
            "translations", options.get("translations"), f"Übersetzungs-Entwürfe anlegen für (z. B. {', '.join(others[:2])}; "
            "leer = keine)", _languages(others), "", required=False) or []  # fmt: skip
    elif options.get("translations"):
        get.errors.append("--translations: für Partner legt invoke new keine Übersetzungen an (Partner-Dateien kennen "
                          "kein „Status: draft“); die deutsche Datei kopieren, umbenennen (….en.md) und übersetzen")
    entry.slug = _slug(get, entry, options.get("slug"), content_dir)
    if get.errors:
        raise NewEntryError("\n".join(get.errors))
    return entry


def _split_date(text):
    """``--date "2026-09-02 09:00"`` -> (date text, time text); the time may be missing."""
    parts = (text or "").split(None, 1)
    return (parts[0] if parts else None), (parts[1] if len(parts) > 1 else None)


def _gather_schedule(get: Gatherer, entry: NewEntry, options: dict, day_text, time_text, venues) -> None:
    kind = entry.kind
    entry.day = get.value("date", day_text, "Datum des ersten Termins, z. B. 13.02.2027", parse_day)
    all_day_ok = kind == "event"
    entry.start = get.value("date", time_text, "Uhrzeit (Beginn), z. B. 17 Uhr" + (" (leer = ganztägig)" if all_day_ok else ""),
                            _optional(parse_clock) if all_day_ok else parse_clock, "" if all_day_ok else None,
                            required=not all_day_ok)  # fmt: skip
    if entry.start is not None:
        default_end = (dt.datetime.combine(dt.date(2000, 1, 1), entry.start) + dt.timedelta(hours=HOURS[kind])).time()
        entry.end = get.value("end", options.get("end"), "Ende (Uhrzeit), z. B. 19 Uhr", _after(entry.start),
                              f"{default_end:%H:%M}" if default_end > entry.start else None)  # fmt: skip
    if kind in SERIES_KINDS and entry.day is not None:
        weekday = WEEKDAY_NAMES[entry.day.weekday()]
        entry.weekdays = get.value("weekdays", options.get("weekdays"), "Wochentage, z. B. Dienstag oder Di, Do",
                                   _including(entry.day), weekday) or []  # fmt: skip
        default_until = entry.day + dt.timedelta(weeks=12)
        entry.until = get.value("until", options.get("until"), "Letzter Termin (bis), z. B. 30.06.2027",
                                _not_before(entry.day), f"{default_until:%d.%m.%Y}")  # fmt: skip
    default_place = {"garden": "refugee-garden"}.get(kind, "zentrum")
    default_place = default_place if default_place in venues else (venues[0] if venues else None)
    entry.place = get.value("place", options.get("place"), f"Ort ({', '.join(venues)})", _choice(venues),
                            default_place) or ""  # fmt: skip


def _optional(parse):
    return lambda text: parse(text) if text.strip() else None


def _after(start: dt.time):
    def parse(text):
        end = parse_clock(text)
        if end <= start:
            raise AnswerError(f"das Ende {end:%H:%M} liegt nicht nach dem Beginn {start:%H:%M}")
        return end
    return parse


def _including(day: dt.date):
    def parse(text):
        days = parse_weekdays(text)
        if day.weekday() not in days:
            raise AnswerError(f"der erste Termin, {day:%d.%m.%Y}, ist ein {WEEKDAY_NAMES[day.weekday()]}; dieser "
                              "Wochentag muss dabei sein")
        return days
    return parse


def _not_before(day: dt.date):
    def parse(text):
        until = parse_day(text)
        if until < day:
            raise AnswerError(f"der letzte Termin liegt vor dem ersten ({day:%d.%m.%Y})")
        return until
    return parse


def _choice(allowed):
    def parse(text):
        value = text.strip().lower()
        if value not in allowed:
            raise AnswerError(f"„{text.strip()}“ gibt es nicht; möglich: {', '.join(allowed)}")
        return value
    return parse


def _website(text):
    value = text.strip()
    if value and not re.fullmatch(r"https://[^\s/]+\.[^\s]+", value):
        raise AnswerError("die Adresse beginnt mit https:// (z. B. https://www.beispiel.de), oder leer lassen")
    return value


def _languages(allowed):
    def parse(text):
        codes = [c.strip().lower() for c in re.split(r"[\s,;]+", text) if c.strip()]
        wrong = [c for c in codes if c not in allowed]
        if wrong:
            raise AnswerError(f"„{', '.join(wrong)}“ geht nicht; möglich: {', '.join(allowed)}")
        return list(dict.fromkeys(codes))
    return parse


def _slug(get: Gatherer, entry: NewEntry, given, content_dir: Path) -> str:
    def parse(text):
        slug = text.strip()
        if not SLUG_RE.match(slug):
            raise AnswerError(f"„{slug}“: nur Kleinbuchstaben a–z, Ziffern und Bindestriche")
        probe = NewEntry(kind=entry.kind, title="", slug=slug, day=entry.day or dt.date(2000, 1, 1))
        taken = [p for p in (path_for(probe, content_dir, lang) for lang in [entry.lang, *entry.translations]) if p.exists()]
        if taken:
            raise AnswerError(f"die Datei {taken[0]} gibt es schon; einen anderen Slug wählen oder die Datei direkt bearbeiten")
        return slug
    if entry.kind == "news" and entry.day is None:
        return given or slugify(entry.title)
    suggestion = given or slugify(entry.title)
    try:
        return parse(suggestion)
    except AnswerError as error:
        if not get.interactive:
            get.errors.append(f"--slug „{suggestion}“: {error}")
            return suggestion
        get.write(f"Slug „{suggestion}“: {error}.")
        return ask("Slug (Teil der Adresse)", parse, None, get.read, get.write)


# --- writing the files -----------------------------------------------------------------------

def values_for(entry: NewEntry) -> dict:
    values = {"title": _one_line(entry.title), "slug": entry.slug, "lang": entry.lang,
              "summary": _one_line(entry.summary) or SUMMARY_MARKER, "text": entry.text or TEXT_MARKERS[entry.kind],
              "category": entry.category, "website": entry.website, "tags": entry.tags}  # fmt: skip
    if entry.kind in CALENDAR_KINDS:
        if entry.start is None:
            values.update(start=f"{entry.day:%Y-%m-%d}", end=f"{entry.day:%Y-%m-%d}")
        else:
            values.update(start=f"{entry.day:%Y-%m-%d} {entry.start:%H:%M}", end=f"{entry.end:%H:%M}")
        if entry.kind in SERIES_KINDS:
            days = ", ".join(WEEKDAY_NAMES[d] for d in entry.weekdays)
            values["repeat"] = f"wöchentlich {days} bis {entry.until:%Y-%m-%d}"
        values["place"] = entry.place
    elif entry.kind == "news":
        values["date"] = f"{entry.day:%Y-%m-%d} {entry.start:%H:%M}"
    return values


def _fill(template: str, values: dict, draft: bool) -> str:
    text = Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(values)
    lines = [line for line in text.split("\n") if line != "Website: "]
    if draft and "Status: draft" not in lines:
        at = next(i for i, line in enumerate(lines) if line.startswith("Summary:")) + 1
        lines.insert(at, "Status: draft")
    return "\n".join(lines)


def render(entry: NewEntry) -> str:
    return _fill(f"{entry.kind}.md", values_for(entry), entry.draft)


def render_translation(entry: NewEntry, lang: str, original_name: str) -> str:
    family = "news" if entry.kind == "news" else "calendar"
    values = {**values_for(entry), "lang": lang, "original": original_name, "body": TRANSLATION_MARKER}
    return _fill(f"{family}-translation.md", values, True)


def create(entry: NewEntry, content_dir: Path) -> list[Path]:
    """Write the new file (and translation stubs); refuse to overwrite anything."""
    original = path_for(entry, content_dir, entry.lang)
    files = {original: render(entry)}
    for lang in entry.translations:
        files[path_for(entry, content_dir, lang)] = render_translation(entry, lang, original.name)
    existing = [str(p) for p in files if p.exists()]
    if existing:
        raise NewEntryError("Diese Datei gibt es schon, nichts wurde geändert: " + ", ".join(existing)
                            + " — einen anderen --slug wählen oder die Datei direkt bearbeiten.")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return list(files)


def leftover_markers() -> tuple[set[str], set[str]]:
    """What a file made from a template says until someone fills it in.

    ``(names, texts)``: the ``$names`` the templates use (``$summary``, ``$title`` …) and the
    bracketed example texts :func:`render` writes when a value is missing.
    """
    names = set()
    for path in TEMPLATES.glob("*.md"):
        for match in Template.pattern.finditer(path.read_text(encoding="utf-8")):
            name = match.group("named") or match.group("braced")
            if name:
                names.add(name)
    return names, {SUMMARY_MARKER, TRANSLATION_MARKER, *TEXT_MARKERS.values()}
