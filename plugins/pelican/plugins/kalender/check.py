"""The calendar part of ``make check``: validate the content without building the site.

``content_check`` (``make check``) calls :func:`check`; the build runs the same checks
(:class:`~.generator.CalendarGenerator`) and stops on the same errors.
"""

from __future__ import annotations

import copy

from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG

from .config import apply_defaults
from .entries import Calendar, build_calendar
from .model import CalendarEntry
from .problems import Problem
from .sequence import apply_history
from .source import calendar_files, rel_path, screen


def read_with_pelican(read, content_path: str, paths) -> tuple[list[CalendarEntry], list[Problem]]:
    """Read ``paths`` with Pelican (``read(path)``); a file it cannot read is a problem, never a traceback."""
    usable, problems = screen(content_path, paths)
    entries = []
    for path in usable:
        try:
            entries.append(read(path))
        except Exception as error:  # noqa: BLE001 - one bad file must not hide the others
            problems.append(Problem(rel_path(f"{content_path}/{path}", content_path), None, "Datei",
                                    f"die Datei lässt sich nicht lesen ({type(error).__name__}: {error})",
                                    "die Datei mit einer Vorlage vergleichen (plugins/pelican/plugins/authoring/templates/)"))
    return entries, problems


def read_content(settings: dict) -> tuple[list[CalendarEntry], list[Problem]]:
    """Read the calendar files with Pelican's readers, as the build does (without cache)."""
    readers = Readers(settings)
    base = settings["PATH"]
    paths = calendar_files(base, settings["CALENDAR_PATHS"], settings.get("CALENDAR_EXCLUDES") or ())
    return read_with_pelican(
        lambda path: readers.read_file(base_path=base, path=path, content_class=CalendarEntry), base, paths
    )


def load_calendar(content_path: str, settings: dict) -> tuple[Calendar, list[Problem]]:
    """The checked calendar under ``content_path`` and every problem (errors and warnings),
    SEQUENCE and DTSTAMP set."""
    settings = apply_defaults({**copy.deepcopy(DEFAULT_CONFIG), **settings, "PATH": str(content_path)})
    entries, unreadable = read_content(settings)
    calendar = build_calendar(entries, settings, unreadable)
    return calendar, sorted(calendar.problems + apply_history(calendar, settings))


def check_content(content_path: str, settings: dict) -> list[Problem]:
    """Every calendar problem under ``content_path`` (files, venues, categories, git history)."""
    return load_calendar(content_path, settings)[1]


def check(content_dir, settings: dict, root=None) -> list[Problem]:
    """Hook for ``content_check``'s ``extra_checks()``: same as :func:`check_content`."""
    return check_content(str(content_dir), settings)
