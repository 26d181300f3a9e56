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
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Venue:
    """A place: name, address, optional coordinates and accessibility notes per language."""

    key: str
    name: str
    address: str
    lat: float | None = None
    lon: float | None = None
    texts: dict = field(default_factory=dict, compare=False, hash=False)  # "barrierefreiheit_en" -> text

    def text(self, name: str, lang: str, default_lang: str = "de") -> str:
        """A translatable venue text (``barrierefreiheit``, ``hinweis``), German as fallback."""
        return self.texts.get(f"{name}_{lang}") or self.texts.get(name, "")

    @property
    def location(self) -> str:
        """Name and address in one line (iCalendar LOCATION)."""
        return f"{self.name}, {self.address}" if self.address else self.name

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


def _load_toml(path: Path, problems: list[Problem], rel: str) -> tuple[dict, str]:
    if not path.exists():
        return {}, ""
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        problems.append(
            Problem(rel, int(match[1]) if match else None, "TOML", f"die Datei ist kein gültiges TOML ({error})",
                    "Anführungszeichen und [abschnitt]-Zeilen prüfen (siehe docs/kalender-felder.md)")
        )  # fmt: skip
        return {}, text


def load_venues(path: Path, rel: str, languages) -> tuple[dict[str, Venue], list[Problem]]:
    """Read the venue list; returns the venues by key and every problem found."""
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
        allowed = VENUE_KEYS | {f"{k}_{lang}" for k in ("barrierefreiheit", "hinweis") for lang in languages}
        for name in table:
            if name not in allowed:
                problems.append(Problem(rel, line, f"{key}.{name}", f"das Feld „{name}“ ist unbekannt",
                                        f"erlaubt sind: {', '.join(sorted(VENUE_KEYS))} (Texte auch mit _en, _ar, …)"))
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
        texts = {k: str(v) for k, v in table.items() if k.split("_")[0] in ("barrierefreiheit", "hinweis")}
        venues[key] = Venue(key, str(table.get("name", key)), str(table.get("adresse", "")),
                            float(lat) if lat is not None else None, float(lon) if lon is not None else None, texts)  # fmt: skip
    return venues, problems


@dataclass(frozen=True)
class Category:
    """A category: a stable key (used in feed file names) and its name per language."""

    key: str
    names: dict = field(default_factory=dict, compare=False, hash=False)

    def name(self, lang: str, default_lang: str = "de") -> str:
        return self.names.get(lang) or self.names.get(default_lang) or self.key


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
