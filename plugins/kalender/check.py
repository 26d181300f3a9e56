"""``make check`` for the calendar: validate content without building the site.

Usage: ``python -m plugins.kalender.check [content]`` prints every problem in German and
exits with 1 when there is one. ``python -m plugins.kalender.check --update [content]``
updates the SEQUENCE state file (``sequenz.json``) after a change of time, place or status.
"""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path

from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG, read_settings

from .config import apply_defaults
from .entries import Calendar, build_calendar
from .model import CalendarEntry
from .problems import Problem
from .sequence import check_state, update_state

EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")


def read_content(settings: dict) -> list[CalendarEntry]:
    """Read the calendar files with Pelican's readers, as the build does (without cache)."""
    readers = Readers(settings)
    base = settings["PATH"]
    entries = []
    for folder in settings["CALENDAR_PATHS"]:
        for root, _dirs, files in os.walk(os.path.join(base, folder)):
            for name in sorted(files):
                if name.endswith(EXTENSIONS):
                    rel = os.path.relpath(os.path.join(root, name), base)
                    entries.append(readers.read_file(base_path=base, path=rel, content_class=CalendarEntry))
    return entries


def check_content(content_path: str, settings: dict) -> list[Problem]:
    """Every calendar problem under ``content_path`` (files, venues, categories, state file)."""
    settings = apply_defaults({**copy.deepcopy(DEFAULT_CONFIG), **settings, "PATH": str(content_path)})
    calendar = build_calendar(read_content(settings), settings)
    problems = list(calendar.problems)
    if not problems:
        state = Path(content_path, settings["CALENDAR_STATE_FILE"])
        rel = str(Path(Path(content_path).resolve().name, settings["CALENDAR_STATE_FILE"]))
        problems += check_state(calendar.originals, state, rel)
    return sorted(problems)


def check(content_dir, settings: dict, root=None) -> list[Problem]:
    """Hook for ``content_check``'s ``extra_checks()``: same as :func:`check_content`."""
    return check_content(str(content_dir), settings)


def load_calendar(content_path: str, settings_file: str = "pelicanconf.py") -> tuple[Calendar, dict]:
    """Read settings and calendar content (for the command-line tools)."""
    settings = read_settings(settings_file if Path(settings_file).exists() else None, override={"PATH": str(content_path)})
    settings = apply_defaults(settings)
    return build_calendar(read_content(settings), settings), settings


def update(content: str, settings: dict | None = None) -> int:
    """Update the state file; refuses while the content has errors."""
    if settings is None:
        calendar, settings = load_calendar(content)
    else:
        settings = apply_defaults({**copy.deepcopy(DEFAULT_CONFIG), **settings, "PATH": str(content)})
        calendar = build_calendar(read_content(settings), settings)
    if calendar.problems:
        for problem in sorted(calendar.problems):
            print(problem)
        print(f"Kalender: {len(calendar.problems)} Fehler, zuerst beheben.", file=sys.stderr)
        return 1
    path = Path(settings["PATH"], settings["CALENDAR_STATE_FILE"])
    changed = update_state(calendar.originals, path)
    shown = ", ".join(changed[:20]) + (" …" if len(changed) > 20 else "")
    print(f"Kalender-Stand {path}: {len(changed)} Termin(e) aktualisiert: {shown or '-'}")
    return 0


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if "--update" in argv:
        argv.remove("--update")
        return update(argv[0] if argv else "content")
    content = argv[0] if argv else "content"
    settings_file = "pelicanconf.py"
    settings = read_settings(settings_file if Path(settings_file).exists() else None, override={"PATH": content})
    problems = check_content(content, settings)
    for problem in problems:
        print(problem)
    if problems:
        print(f"Kalender: {len(problems)} Fehler.", file=sys.stderr)
        return 1
    print("Kalender: keine Fehler.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
