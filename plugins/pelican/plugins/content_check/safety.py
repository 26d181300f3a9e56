"""``make check`` for untrusted content: what could leak, replace, embed or break, in every content file.

One pass over the content folder (after :func:`.runner.collect_problems` made sure it holds
no links and special files, :mod:`content_guard.paths`): files the site would read unchecked or never publish,
header fields that choose the output file, raw HTML outside the allow-list
(:mod:`content_guard.html_policy`), links that lead nowhere (:mod:`.links`) and two
sources writing the same file (:mod:`.outputs`). Registered in :func:`.runner.extra_checks`.
"""

from __future__ import annotations

import re
from pathlib import Path

from pelican.plugins.content_guard.html_policy import violations
from pelican.plugins.content_guard.output_paths import REFUSED_FIELDS, REFUSED_FIX, refused_field_message
from pelican.plugins.content_guard.paths import shown_path
from pelican.plugins.kalender.problems import Problem

from .links import LinkChecker
from .outputs import SiteFiles, check_outputs
from .sources import MARKDOWN_EXTENSIONS, Source, kind_of, plain_files, read_sources, reading_settings

# Files a calendar folder holds besides its entries (kalender/orte.toml …): see kalender.config.
CALENDAR_DATA_KEYS = ("CALENDAR_VENUES_FILE", "CALENDAR_CATEGORIES_FILE", "CALENDAR_STATE_FILE")
# Placeholders replaced only in the text ({org:…}) or only in the text and Summary (links).
ORG_PLACEHOLDER_RE = re.compile(r"\{org:[^}]*\}")
LINK_PLACEHOLDER_RE = re.compile(r"\{(?:filename|static|attach|view)\}\S*")
# Fields that name a file and may say so with {static} (the plugins strip it).
PATH_FIELDS = {"bild", "logo"}
# Header fields that Pelican takes once; written twice, it warns (and the build stops).
SINGLE_FIELDS = {"title", "slug", "lang", "date", "modified", "summary", "status", "template", "category",
                 "nav", "role", "author"}


def check(content_dir, settings: dict, root=None) -> list[Problem]:
    """Hook for ``content_check``'s ``extra_checks()``: every safety problem under ``content_dir``."""
    content_dir = Path(content_dir)
    problems = stray_files(content_dir, settings)  # links and special files: runner.collect_problems, first
    sources = [s for s in read_sources(content_dir, settings) if s.text is not None]  # not UTF-8: said elsewhere
    site = SiteFiles(content_dir, settings, sources)
    checker = LinkChecker(content_dir, settings, sources, site)
    for source in sources:
        problems += refused_fields(source)
        problems += repeated_fields(source)
        problems += placeholders_in_fields(source)
        problems += html_problems(source)
        problems += checker.check(source)
        if source.kind == "calendar":
            problems += calendar_title(source)
    problems += check_outputs(sources, site, settings)
    return problems


def stray_files(content_dir: Path, settings: dict) -> list[Problem]:
    """Files in the content folders that the site would read unchecked, or never publish."""
    settings = reading_settings(settings, content_dir)
    calendar_data = {settings[key] for key in CALENDAR_DATA_KEYS if settings.get(key)}
    problems = []
    for path in plain_files(content_dir):
        rel = path.relative_to(content_dir).as_posix()
        kind, suffix = kind_of(rel, settings), path.suffix.lower()
        shown = shown_path(path, content_dir)
        if kind is None:
            if suffix in MARKDOWN_EXTENSIONS or suffix in (".rst", ".html", ".htm"):
                problems.append(Problem(shown, None, "Datei", "liegt in keinem Inhaltsordner und wird nicht als Seite "
                                        "veröffentlicht" + (" (sondern roh kopiert)" if _is_static(rel, settings) else ""),
                                        "die Datei nach content/pages/ (Seite) oder content/news/ (Nachricht) verschieben"))
            continue
        if kind == "partner" or rel in calendar_data or path.suffix == ".md":
            continue  # partner files: the partner check lists stray files itself
        if kind == "calendar" and suffix in MARKDOWN_EXTENSIONS:
            continue  # the calendar reads these
        if suffix in MARKDOWN_EXTENSIONS:
            message = f"endet auf „{path.suffix}“: die Website würde sie veröffentlichen, aber nicht prüfen"
        elif suffix in (".rst", ".html", ".htm"):
            message = f"ist keine Markdown-Datei ({path.suffix}) und wird nicht veröffentlicht"
        else:
            message = "ist keine Markdown-Datei (.md) und wird nicht veröffentlicht"
        problems.append(Problem(shown, None, "Datei", message,
                                f"als Markdown speichern und in {path.stem.split('.')[0]}.<sprache>.md umbenennen; "
                                "Bilder gehören nach content/images/"))
    return problems


def _is_static(rel: str, settings: dict) -> bool:
    return any(rel == folder or rel.startswith(folder.rstrip("/") + "/") for folder in settings.get("STATIC_PATHS") or [])


def refused_fields(source: Source) -> list[Problem]:
    """``Save_as``/``Url`` in pages and news (calendar and partner checks refuse unknown fields themselves)."""
    if source.kind not in ("page", "news") or source.header is None:
        return []
    return [Problem(source.shown, source.header.line_of(key), source.header.names[key],
                    refused_field_message(source.header.names[key]), REFUSED_FIX)
            for key in REFUSED_FIELDS if key in source.header.lines]


def repeated_fields(source: Source) -> list[Problem]:
    """A field Pelican takes only once, written twice: it would use the first and stop the build."""
    if source.kind == "partner" or source.header is None:
        return []
    problems = []
    for key, entries in source.header.lines.items():
        starts = [number for number, _ in entries if source.lines[number - 1].lstrip().lower().startswith(key)]
        if key in SINGLE_FIELDS and len(starts) > 1:
            problems.append(Problem(source.shown, starts[1], source.header.names[key],
                                    f"das Feld steht {len(starts)}-mal da (Zeilen {', '.join(map(str, starts))})",
                                    "nur eine dieser Zeilen behalten"))
    return problems


def placeholders_in_fields(source: Source) -> list[Problem]:
    """``{org:email}`` is replaced only in the text, links only in the text and ``Summary``.

    In another field (``Anmeldung: per Mail an {org:email}``) it would go live as written.
    """
    problems = []
    for key, entries in (source.header.lines.items() if source.header else ()):
        for number, value in entries:
            if key in PATH_FIELDS:
                continue
            found = ORG_PLACEHOLDER_RE.search(value) or (key != "summary" and LINK_PLACEHOLDER_RE.search(value))
            if found:
                problems.append(Problem(source.shown, number, source.header.names[key],
                                        f"„{found.group(0)}“ wird in diesem Feld nicht ersetzt und stünde so auf der Website",
                                        "den Wert direkt hineinschreiben oder den Satz in den Text unter den Feldern "
                                        "verschieben (dort werden {org:…} und Links ersetzt)"))
                break
    return problems


def html_problems(source: Source) -> list[Problem]:
    """Raw HTML in the body and in ``Summary`` outside the allow-list."""
    problems = []
    for field, html in (("Text", source.html), ("Summary", source.summary)):
        for violation in violations(html):
            problems.append(Problem(source.shown, source.line_of(field, violation.hints), field,
                                    violation.message, violation.fix))
    return problems


def calendar_title(source: Source) -> list[Problem]:
    """A calendar entry without a title stops the build; an empty one in a translation shows an empty heading."""
    entries = source.header.lines.get("title") if source.header else None
    if entries and any(value for _, value in entries):
        return []
    return [Problem(source.shown, entries[0][0] if entries else 1, "Title",
                    "der Titel ist leer" if entries else "der Titel fehlt",
                    "oben eine Zeile „Title: …“ mit dem Namen des Termins in der Sprache der Datei schreiben")]
