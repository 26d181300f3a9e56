"""Run every content check and print the problems in German (``invoke check``)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from pelican.plugins.content_guard.paths import unsafe_entries
from pelican.plugins.kalender.problems import Problem

from .pages import check_pages_and_news, held_back_notices
from .sources import quiet_pelican


def load_settings(settings_file: Path) -> dict:
    """The Pelican settings as the build would see them (paths made absolute)."""
    settings_file = Path(settings_file).resolve()
    settings = {k: v for k, v in runpy.run_path(str(settings_file)).items() if k.isupper()}
    base = settings_file.parent
    for key in ("PATH", "THEME"):
        if key in settings and not Path(settings[key]).is_absolute():
            settings[key] = str(base / settings[key])
    settings.setdefault("DEFAULT_LANG", next(iter(settings.get("LANGUAGES", {"de": None}))))
    return settings


def collect_problems(settings: dict, content_dir: Path) -> list:
    """Every problem the checks find; sorted by file and line.

    File names are relative to the content folder's parent (``content/pages/…``), as
    the calendar and partner checks write them. A symbolic link or special file is reported
    alone: no check reads anything before it is gone.
    """
    content_dir = Path(content_dir).resolve()
    root = content_dir.parent
    # Links and special files first: reading them could leave content/ or never end (a named pipe).
    problems = unsafe_entries(content_dir)
    if problems:
        return sorted(problems, key=lambda p: (p.path, p.line or 0, p.field, p.message))
    with quiet_pelican():
        for check in [check_pages_and_news, *extra_checks()]:
            problems += _run(check, content_dir, settings, root)
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))


def extra_checks():
    """Build-free checks of the other plugins (calendar, partners) and of leftover template text,
    each ``(content_dir, settings, root)``."""
    from pelican.plugins.kalender.check import check as check_calendar  # noqa: PLC0415 - plugins import each other late
    from pelican.plugins.partners.check import check as check_partners  # noqa: PLC0415

    from .leftovers import check_leftovers  # noqa: PLC0415
    from .safety import check as check_safety  # noqa: PLC0415

    return [check_calendar, check_partners, check_leftovers, check_safety]


def _run(check, content_dir, settings, root) -> list:
    """One check's problems; should it fail on an input nobody foresaw, that becomes a message too.

    A volunteer never gets a traceback, and the other checks still report everything they find.
    """
    try:
        return list(check(content_dir, settings, root))
    except Exception as error:  # noqa: BLE001 - the last line of defence, see the docstring
        name = getattr(check, "__module__", "?").split(".")[0]
        return [Problem(content_dir.name, None, "Prüfung",
                        f"die Prüfung „{name}“ ist an einer Datei gescheitert ({type(error).__name__}: {error})",
                        "die zuletzt geänderten Dateien durchsehen; bitte diese Meldung an die Technik-Gruppe weitergeben")]


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m pelican.plugins.content_check",
                                     description="Prüft alle Inhalte, ohne die Website zu bauen.")
    parser.add_argument("--settings", default="pelicanconf.py", help="Einstellungsdatei (pelicanconf.py)")
    parser.add_argument("--content", default=None, help="Inhaltsordner (Standard: PATH aus den Einstellungen)")
    args = parser.parse_args(argv)
    settings_file = Path(args.settings).resolve()
    settings = load_settings(settings_file)
    content_dir = Path(args.content).resolve() if args.content else Path(settings["PATH"])
    if not content_dir.is_dir():
        print(f"Inhaltsordner {content_dir} gibt es nicht.", file=sys.stderr)
        return 2
    found = collect_problems(settings, content_dir)
    problems = [p for p in found if not is_warning(p)]
    warnings = [p for p in found if is_warning(p)]
    for notice in held_back_notices(content_dir, settings, content_dir.parent):
        print(f"Hinweis: {notice}")
    files = sum(1 for _ in content_dir.rglob("*.md"))
    if warnings:
        print(f"{len(warnings)} Warnung(en): bitte ansehen; sie halten nichts auf.")
        for warning in warnings:
            print(warning)
        print()
    if not problems:
        print(f"Alles in Ordnung: {files} Inhaltsdateien geprüft, keine Fehler.")
        return 0
    for problem in problems:
        print(problem)
    count = len(problems)
    print(f"\n{count} Fehler in "
          f"{len({p.path for p in problems})} Datei(en) gefunden. Die Website wurde nicht gebaut. "
          "Bitte jede Zeile oben beheben und dann erneut prüfen (make check).")
    return 1


def is_warning(problem) -> bool:
    """Warnings are shown but never block (see kalender.problems)."""
    return getattr(problem, "is_warning", False)

