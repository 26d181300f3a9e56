"""Checks of partner files: every problem at once, each with file, line, field, value and fix."""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .fields import (CATEGORIES, FIELD_NAMES, LOGO_DIR, LOGO_SUFFIXES, MAX_LOGO_BYTES, REQUIRED, YES_NO,
                     field_name)
from .logo import LogoError, LogoSize, logo_size
from .problems import Problem
from .source import SourceHeader, scan_header

FILE_NAME_RE = re.compile(r"^(?P<slug>.+)\.(?P<lang>[^.]+)\.md$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class PartnerSource:
    """One partner file as read: its path in messages, raw text, Pelican's metadata and body HTML."""

    path: str  # shown to volunteers, e.g. "content/partner/stadt-plauen.de.md"
    text: str
    metadata: dict
    body: str


@dataclass(frozen=True)
class PartnerFacts:
    """The checked values of one partner file."""

    slug: str
    lang: str
    category: str
    example: bool
    website: str | None
    logo: str | None  # relative to the content folder, e.g. "images/partner/x.svg"
    logo_size: LogoSize | None


def _text(value):
    """Pelican gives a list when a field is written twice; that is reported separately."""
    if isinstance(value, list):
        return str(value[0]).strip() if value else ""
    return str(value).strip() if value is not None else ""


def _plain(html):
    return re.sub(r"<[^>]+>", "", html or "").strip()


def validate_file(source: PartnerSource, content_path, languages) -> tuple[list[Problem], PartnerFacts | None]:
    """All problems of one file, and its facts when there are none."""
    header = scan_header(source.text)
    problems = []

    def problem(key, message, fix, line=None):
        problems.append(Problem(source.path, line or header.line_of(key), field_name(key), message, fix))

    _check_header_shape(source, header, problems)
    meta = source.metadata
    for key in REQUIRED:
        if key not in meta or not _plain(_text(meta[key])):
            where = "ist leer" if header.line_of(key) else "fehlt"
            problem(key, where, f"eine Zeile „{field_name(key)}: …“ oben in die Datei schreiben"
                    + (" (" + _REQUIRED_HINTS[key] + ")" if key in _REQUIRED_HINTS else ""))
    for key, lines in header.lines.items():
        if len(lines) > 1 and key in FIELD_NAMES:
            problem(key, f"steht {len(lines)}-mal in der Datei (Zeilen {', '.join(map(str, lines))})",
                    "nur eine dieser Zeilen behalten", line=lines[1])

    slug, lang = _text(meta.get("slug")), _text(meta.get("lang"))
    name_match = FILE_NAME_RE.match(Path(source.path).name)
    if not name_match:
        problems.append(Problem(source.path, None, "Dateiname", f"„{Path(source.path).name}“ hat nicht die "
                                "Form <slug>.<sprache>.md", "die Datei umbenennen, z. B. in stadt-plauen.de.md"))
    if slug and not SLUG_RE.match(slug):
        problem("slug", f"„{slug}“ darf nur Kleinbuchstaben (a–z), Ziffern und Bindestriche enthalten",
                "z. B. „Slug: stadt-plauen“ schreiben (ä → ae, ö → oe, ü → ue, ß → ss)")
    elif slug and name_match and name_match["slug"] != slug:
        problem("slug", f"„{slug}“ passt nicht zum Dateinamen {Path(source.path).name}",
                f"Slug und Dateinamen gleich wählen: „Slug: {name_match['slug']}“ "
                f"oder die Datei in {slug}.{lang or 'de'}.md umbenennen")
    if lang and lang not in languages:
        problem("lang", f"„{lang}“ ist keine Sprache der Website",
                f"eine dieser Sprachen eintragen: {', '.join(languages)}")
    elif lang and name_match and name_match["lang"] != lang:
        problem("lang", f"„{lang}“ passt nicht zum Dateinamen {Path(source.path).name}",
                f"„Lang: {name_match['lang']}“ schreiben oder die Datei passend umbenennen")

    category = _text(meta.get("kategorie"))
    if category and category not in CATEGORIES:
        problem("kategorie", f"„{category}“ ist keine bekannte Kategorie",
                f"genau eine davon eintragen: {', '.join(CATEGORIES)}")

    example = False
    if "beispiel" in meta:
        value = _text(meta["beispiel"]).lower()
        if value not in YES_NO:
            problem("beispiel", f"„{_text(meta['beispiel'])}“ ist weder „ja“ noch „nein“",
                    "„Beispiel: ja“ für einen Muster-Eintrag schreiben, sonst die Zeile löschen")
        example = YES_NO.get(value, False)

    website = _check_website(meta, problem)
    logo, size = _check_logo(meta, header, content_path, problem)

    if not _plain(source.body):
        problems.append(Problem(source.path, header.body_start, "Text", "fehlt: unter den Feldern steht kein Text",
                                "nach einer Leerzeile in ein paar Sätzen schreiben, was der Partner "
                                "mit dem Kompetenz-Zentrum macht"))
    if problems:
        return problems, None
    return [], PartnerFacts(slug, lang, category, example, website, logo, size)


_REQUIRED_HINTS = {
    "title": "der Name des Partners",
    "slug": "derselbe in allen Sprachen, wie im Dateinamen",
    "lang": "die Sprache dieser Datei, z. B. de",
    "kategorie": "eine von: " + ", ".join(CATEGORIES),
    "summary": "ein kurzer Satz, was der Partner ist",
}


def _check_header_shape(source, header: SourceHeader, problems):
    if header.broken_line:
        number, line = header.broken_line
        problems.append(Problem(source.path, number, "Kopfzeilen",
                                f"„{line.strip()}“ hat nicht die Form „Feld: Wert“; die Felder ab hier "
                                "werden nicht gelesen",
                                "die Zeile als „Feld: Wert“ schreiben (Feldnamen ohne Leerzeichen, z. B. "
                                "Logo-Alt) oder eine Leerzeile zwischen Feldern und Text setzen"))
    for number, line in header.stray_fields:
        key = line.split(":", 1)[0].strip()
        if key.lower() in FIELD_NAMES:
            problems.append(Problem(source.path, number, key, "steht nach der Leerzeile und wird deshalb als "
                                    "Text gelesen, nicht als Feld",
                                    "die Leerzeile davor entfernen: alle Felder stehen oben, ohne Leerzeile"))
    for key, lines in header.lines.items():
        if key not in FIELD_NAMES:
            problems.append(Problem(source.path, lines[0], header.names[key], "ist kein Feld für Partner",
                                    "Schreibweise prüfen; erlaubt sind: " + ", ".join(FIELD_NAMES.values())))


def _check_website(meta, problem):
    if "website" not in meta:
        return None
    value = _text(meta["website"])
    if not value:
        problem("website", "ist leer", "die Adresse eintragen, z. B. https://www.beispiel.de, oder die Zeile löschen")
        return None
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        problem("website", f"„{value}“ ist keine Web-Adresse mit http:// oder https://",
                "die vollständige Adresse eintragen, z. B. https://www.beispiel.de")
        return None
    if not parts.hostname or "." not in parts.hostname or any(c.isspace() for c in value):
        problem("website", f"„{value}“ ist keine vollständige Web-Adresse",
                "die Adresse aus dem Browser kopieren, z. B. https://www.beispiel.de")
        return None
    return value


def _check_logo(meta, header, content_path, problem):
    has_alt = "logo-alt" in meta and _text(meta["logo-alt"])
    if "logo" not in meta:
        if "logo-alt" in meta:
            problem("logo-alt", "steht in der Datei, aber es gibt kein Logo",
                    "eine Zeile „Logo: images/partner/<datei>“ ergänzen oder die Zeile Logo-Alt löschen")
        return None, None
    value = _text(meta["logo"])
    if not has_alt:
        problem("logo-alt", "fehlt: zu jedem Logo gehört ein Alternativtext",
                "unter „Logo:“ eine Zeile „Logo-Alt: Logo von <Name des Partners>“ schreiben",
                line=header.line_of("logo-alt") or header.line_of("logo"))
    where = f"content/{LOGO_DIR}"
    if not value.startswith(LOGO_DIR) or ".." in value.split("/") or "\\" in value:
        problem("logo", f"„{value}“ liegt nicht im Ordner {where}",
                f"das Logo in {where} hochladen und „Logo: {LOGO_DIR}<dateiname>“ eintragen")
        return None, None
    if not value.lower().endswith(LOGO_SUFFIXES):
        problem("logo", f"„{value}“ ist kein SVG-, PNG- oder JPEG-Bild",
                "das Logo als .svg, .png oder .jpg speichern und den Dateinamen hier anpassen")
        return None, None
    file = Path(content_path) / value
    if not file.is_file():
        problem("logo", f"die Datei content/{value} gibt es nicht",
                f"den Dateinamen prüfen (Groß- und Kleinschreibung zählt) oder das Logo nach {where} hochladen")
        return None, None
    data = file.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        problem("logo", f"content/{value} ist {len(data) / 1024:.0f} KB groß ({len(data)} Bytes); erlaubt sind "
                f"höchstens {MAX_LOGO_BYTES // 1024} KB",
                "das Logo verkleinern, z. B. als SVG oder als PNG mit höchstens 400 Pixel Breite, und neu hochladen")
        return None, None
    try:
        size = logo_size(data, file.suffix)
    except LogoError as exc:
        problem("logo", f"content/{value}: {exc.message}", exc.fix)
        return None, None
    return value, size


def validate_translations(checked: list[tuple[PartnerSource, PartnerFacts]], default_lang,
                          file_names=()) -> list[Problem]:
    """Across files: one file per slug and language, a German version for each, the same category.

    ``file_names``: names of all partner files, so a German file that has problems of its own
    does not also count as missing for its translations.
    """
    german_files = {m["slug"] for m in map(FILE_NAME_RE.match, file_names) if m and m["lang"] == default_lang}
    problems = []
    by_slug: dict[str, dict[str, tuple[PartnerSource, PartnerFacts]]] = {}
    for source, facts in sorted(checked, key=lambda pair: pair[0].path):
        header = scan_header(source.text)
        versions = by_slug.setdefault(facts.slug, {})
        if facts.lang in versions:
            problems.append(Problem(source.path, header.line_of("slug"), "Slug",
                                    f"„{facts.slug}“ gibt es in der Sprache {facts.lang} schon "
                                    f"({versions[facts.lang][0].path})",
                                    "einen anderen Slug wählen oder eine der beiden Dateien löschen"))
            continue
        versions[facts.lang] = (source, facts)
    for slug, versions in sorted(by_slug.items()):
        if default_lang not in versions:
            if slug in german_files:
                continue  # the German file has its own problems, reported above
            for source, _ in versions.values():
                problems.append(Problem(source.path, scan_header(source.text).line_of("slug"), "Slug",
                                        f"zu „{slug}“ gibt es keine deutsche Fassung",
                                        f"die Datei content/partner/{slug}.{default_lang}.md anlegen; sie wird "
                                        "gezeigt, wo eine Übersetzung fehlt"))
            continue
        original = versions[default_lang][1]
        for _lang, (source, facts) in versions.items():
            header = scan_header(source.text)
            if facts.category != original.category:
                problems.append(Problem(source.path, header.line_of("kategorie"), "Kategorie",
                                        f"„{facts.category}“, in der deutschen Fassung steht „{original.category}“",
                                        "in allen Sprachen dieselbe Kategorie eintragen"))
            if facts.example != original.example:
                problems.append(Problem(source.path, header.line_of("beispiel"), "Beispiel",
                                        f"„{'ja' if facts.example else 'nein'}“, in der deutschen Fassung "
                                        f"„{'ja' if original.example else 'nein'}“",
                                        "in allen Sprachen gleich eintragen: ein Muster ist in jeder Sprache ein Muster"))
    return problems
