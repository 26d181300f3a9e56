"""The venue list (``orte.toml``) and the category list (``kategorien.toml``).

Both are small TOML files beside the calendar entries, read with the standard library.
Entries refer to them by key, so a typo is an error instead of a new venue or category.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

VENUE_KEYS = {"name", "adresse", "lat", "lon", "barrierefreiheit", "hinweis"}
# Texts a venue can give per language with an ending: ``name_en``, ``hinweis_ar`` … The
# German text (no ending) is shown where a translation is missing, marked as German.
TRANSLATABLE = ("name", "barrierefreiheit", "hinweis")
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DOTTED_RE = re.compile(r"^\s*(?P<field>[A-Za-z_]+)\.(?P<lang>[A-Za-z]+)\s*=")
DOTTED_LINE_RE = re.compile(rf"^(?P<indent>\s*)(?P<field>{'|'.join(TRANSLATABLE)})\.(?P<lang>[A-Za-z]+)(?P<rest>\s*=)", re.M)


@dataclass(frozen=True)
class Venue:
    """A place: name, address, optional coordinates, accessibility notes and a hint.

    ``texts`` holds the German ``barrierefreiheit``/``hinweis`` and every translation
    (``name_en``, ``hinweis_ar`` …); ``lang`` is the language of the texts without ending.
    """

    key: str
    name: str
    address: str
    lat: float | None = None
    lon: float | None = None
    texts: dict = field(default_factory=dict, compare=False, hash=False)  # "barrierefreiheit_en" -> text
    lang: str = "de"

    def shown(self, name: str, lang: str) -> tuple[str, str]:
        """A translatable text (``name``, ``barrierefreiheit``, ``hinweis``) in ``lang`` and
        the language it is written in: the translation, else the German text."""
        own = self.texts.get(f"{name}_{lang}")
        if own:
            return own, lang
        return (self.name if name == "name" else self.texts.get(name, "")), self.lang

    def text(self, name: str, lang: str, default_lang: str = "de") -> str:
        """A translatable venue text in ``lang``, German as fallback (see :meth:`shown`)."""
        return self.shown(name, lang)[0]

    @property
    def location(self) -> str:
        """Name and address in one line (iCalendar LOCATION)."""
        return self.location_in(self.lang)

    def location_in(self, lang: str) -> str:
        """Name (in ``lang`` where translated) and address in one line."""
        name = self.shown("name", lang)[0]
        return f"{name}, {self.address}" if self.address else name

    @property
    def osm_url(self) -> str | None:
        """Plain link to openstreetmap.org, or None without coordinates."""
        if self.lat is None or self.lon is None:
            return None
        return f"https://www.openstreetmap.org/?mlat={self.lat}&mlon={self.lon}#map=18/{self.lat}/{self.lon}"


def _line_of(text: str, pattern: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(pattern, line.strip()):
            return number
    return None


def _dotted_translations(text: str) -> list[tuple[int, str, str]]:
    """The lines written as ``hinweis.en = …``: (line, field, language)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = DOTTED_RE.match(line)
        if match and match["field"] in TRANSLATABLE:
            found.append((number, match["field"], match["lang"]))
    return found


def _dotted_problem(rel: str, line: int | None, field_name: str, lang: str, section: str = "") -> Problem:
    label = f"{section}.{field_name}.{lang}" if section else f"{field_name}.{lang}"
    return Problem(rel, line, label, "Übersetzungen werden mit Unterstrich geschrieben, nicht mit Punkt",
                   f'so schreiben: {field_name}_{lang} = "…" (der deutsche Text bleibt {field_name} = "…")')  # fmt: skip


def _load_toml(path: Path, problems: list[Problem], rel: str) -> tuple[dict, str]:
    if not path.exists():
        return {}, ""
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        dotted = _dotted_translations(text)
        if dotted:  # "hinweis = …" and "hinweis.en = …" cannot both be TOML
            problems.extend(_dotted_problem(rel, *found) for found in dotted)
            # Read on as if written with "_", so that the venues exist for the other checks
            # (otherwise every entry would also be told its place is unknown).
            fixed = DOTTED_LINE_RE.sub(r"\g<indent>\g<field>_\g<lang>\g<rest>", text)
            try:
                return tomllib.loads(fixed), fixed
            except tomllib.TOMLDecodeError:
                pass
        match = re.search(r"line (\d+)", str(error))
        problems.append(
            Problem(rel, int(match[1]) if match else None, "TOML", f"die Datei ist kein gültiges TOML ({error})",
                    "Anführungszeichen und [abschnitt]-Zeilen prüfen (siehe docs/kalender-felder.md)")
        )  # fmt: skip
        return {}, text


def _text_problems(rel: str, line, key: str, table: dict, languages) -> list[Problem]:
    """The texts of one venue: each a string, translations only for site languages and only
    beside a German text, none empty."""
    default, others = languages[0], languages[1:]
    problems = []
    for name, value in table.items():
        base, _sep, lang = name.partition("_")
        if base not in TRANSLATABLE and name not in VENUE_KEYS:
            problems.append(Problem(rel, line, f"{key}.{name}", f"das Feld „{name}“ ist unbekannt",
                                    f"erlaubt sind: {', '.join(sorted(VENUE_KEYS))} (Texte auch mit _en, _ar, …)"))  # fmt: skip
            continue
        if base not in TRANSLATABLE:
            continue
        if isinstance(value, dict):
            problems.append(_dotted_problem(rel, line, name, next(iter(value), "en"), key))
            continue
        if lang == default:
            problems.append(Problem(rel, line, f"{key}.{name}", f"der Text auf „{default}“ steht ohne Endung",
                                    f'so schreiben: {base} = "…"'))
            continue
        if lang and lang not in others:
            problems.append(Problem(rel, line, f"{key}.{name}", f"die Sprache „{lang}“ gibt es auf der Website nicht",
                                    f"eine dieser Endungen verwenden: {', '.join('_' + code for code in others)}"))  # fmt: skip
            continue
        if not isinstance(value, str):
            problems.append(Problem(rel, line, f"{key}.{name}", f"„{value}“ ist kein Text",
                                    f'den Text in Anführungszeichen schreiben: {name} = "…"'))
        elif lang and not value.strip():
            problems.append(Problem(rel, line, f"{key}.{name}", "die Übersetzung ist leer",
                                    "den Text eintragen oder die Zeile löschen (dann steht dort der deutsche Text)"))
        elif lang and not str(table.get(base, "")).strip():
            problems.append(Problem(rel, line, f"{key}.{name}", f"es gibt keinen deutschen Text „{base}“ zu dieser Übersetzung",
                                    f'{base} = "…" auf Deutsch ergänzen: er steht überall, wo eine Übersetzung fehlt'))  # fmt: skip
    return problems


def load_venues(path: Path, rel: str, languages) -> tuple[dict[str, Venue], list[Problem]]:
    """Read the venue list; returns the venues by key and every problem found.

    ``languages`` are the site's language codes, the default language (the texts without
    ending) first.
    """
    languages = list(languages)
    problems: list[Problem] = []
    data, text = _load_toml(path, problems, rel)
    venues = {}
    for key, table in data.items():
        line = _line_of(text, rf"\[\s*\"?{re.escape(key)}\"?\s*\]")
        if not isinstance(table, dict):
            problems.append(Problem(rel, line, key, "ist kein Abschnitt", f"als [{key}] mit name = … schreiben"))
            continue
        if not KEY_RE.match(key):
            problems.append(Problem(rel, line, key, f"der Schlüssel „{key}“ ist ungültig", "nur Kleinbuchstaben, Ziffern und Bindestriche verwenden"))
        problems += _text_problems(rel, line, key, table, languages)
        if not str(table.get("name", "")).strip():
            problems.append(Problem(rel, line, f"{key}.name", "der Name fehlt", 'name = "…" ergänzen'))
        lat, lon = table.get("lat"), table.get("lon")
        if (lat is None) != (lon is None):
            problems.append(Problem(rel, line, f"{key}.lat/lon", "nur eine Koordinate angegeben", "lat und lon beide angeben oder beide weglassen"))
            lat = lon = None
        for label, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
            if value is not None and (not isinstance(value, (int, float)) or abs(value) > limit):
                problems.append(Problem(rel, line, f"{key}.{label}", f"„{value}“ ist keine gültige Koordinate",
                                        "Dezimalgrad ohne Anführungszeichen angeben, z. B. lat = 50.4952"))
                lat = lon = None
        texts = {k: str(v) for k, v in table.items()
                 if k.partition("_")[0] in TRANSLATABLE and k != "name" and isinstance(v, str) and v.strip()}  # fmt: skip
        venues[key] = Venue(key, str(table.get("name", key)), str(table.get("adresse", "")),
                            float(lat) if lat is not None else None, float(lon) if lon is not None else None,
                            texts, languages[0] if languages else "de")  # fmt: skip
    return venues, problems


@dataclass(frozen=True)
class Category:
    """A category: a stable key (used in feed file names) and its name per language."""

    key: str
    names: dict = field(default_factory=dict, compare=False, hash=False)

    def name(self, lang: str, default_lang: str = "de") -> str:
        return self.names.get(lang) or self.names.get(default_lang) or self.key

    def lang_of(self, lang: str, default_lang: str = "de") -> str:
        """The language :meth:`name` is in: ``lang`` where translated, else the default language."""
        return lang if self.names.get(lang) else default_lang


def load_categories(path: Path, rel: str, default_lang: str) -> tuple[dict[str, Category], list[Problem]]:
    """Read the category list ``key = { de = "…", en = "…" }``."""
    problems: list[Problem] = []
    data, text = _load_toml(path, problems, rel)
    categories = {}
    for key, table in data.items():
        line = _line_of(text, rf"\[?\s*\"?{re.escape(key)}\"?\s*[\]=]")
        if not KEY_RE.match(key):
            problems.append(Problem(rel, line, key, f"der Schlüssel „{key}“ ist ungültig", "nur Kleinbuchstaben, Ziffern und Bindestriche verwenden"))
        if not isinstance(table, dict) or not str(table.get(default_lang, "")).strip():
            problems.append(Problem(rel, line, key, f"der Name auf {default_lang} fehlt", f'{default_lang} = "…" ergänzen'))
            table = table if isinstance(table, dict) else {}
        categories[key] = Category(key, {k: str(v) for k, v in table.items()})
    return categories, problems
