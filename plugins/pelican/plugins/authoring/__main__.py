"""``python -m authoring new|cancel|move|translations-status`` (called by the invoke tasks)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _settings(args):
    from pelican.plugins.content_check.runner import load_settings  # noqa: PLC0415

    return load_settings(Path(args.settings))


def _calendar(content: Path, settings: dict):
    from pelican.plugins.kalender.check import load_calendar  # noqa: PLC0415

    return load_calendar(str(content), settings)


def _finish(content: Path, settings: dict, undo) -> int:
    """Check everything after a change; undo it on any error (warnings are shown, they do not undo)."""
    from pelican.plugins.content_check.runner import collect_problems, is_warning  # noqa: PLC0415

    found = collect_problems(settings, content)
    problems = [p for p in found if not is_warning(p)]
    for warning in (p for p in found if is_warning(p)):
        print(warning)
    if problems:
        undo()
        for problem in problems:
            print(problem)
        print(f"\n{len(problems)} Fehler: nichts wurde geändert (die Dateien sind wieder wie vorher).")
        return 1
    return 0


def cmd_new(args) -> int:
    import tomllib  # noqa: PLC0415

    from pelican.plugins.authoring.answers import AnswerError  # noqa: PLC0415
    from pelican.plugins.authoring.new_entry import NewEntryError, create, gather  # noqa: PLC0415
    from pelican.plugins.kalender.clock import today  # noqa: PLC0415

    settings = _settings(args)
    content = Path(args.content or settings["PATH"])
    languages = list(settings["LANGUAGES"])
    interactive = sys.stdin.isatty() and not args.no_input
    venues_file = content / "kalender" / "orte.toml"
    try:
        venues = sorted(tomllib.loads(venues_file.read_text(encoding="utf-8"))) if venues_file.is_file() else []
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        venues = []
    options = {name: getattr(args, name) for name in NEW_OPTIONS}
    if args.time:
        options["date"] = f"{(args.date or '').split(' ')[0]} {args.time}".strip()
    try:
        entry = gather(options, interactive, languages, venues, content, today(settings.get("TIMEZONE") or "Europe/Berlin"))
        files = create(entry, content)
    except (NewEntryError, AnswerError) as error:  # AnswerError: the input ended before every answer
        print(f"Nicht angelegt:\n{error}")
        return 1

    def undo():
        for path in files:
            path.unlink(missing_ok=True)

    if _finish(content, settings, undo):
        return 1
    print("Angelegt:")
    for path in files:
        print(f"  {path}")
    if entry.draft:
        print("Die deutsche Datei ist ein Entwurf (Status: draft), weil der Text noch fehlt: Text schreiben, "
              "dann die Zeile „Status: draft“ löschen.")
    print("Die Zeilen mit [//]: # in der Datei erklären jedes Feld. Danach: make check")
    return 0


NEW_OPTIONS = ("kind", "title", "slug", "date", "end", "weekdays", "until", "place", "summary", "text", "category",
               "website", "tags", "translations", "lang")


def _edit_command(args, plan) -> int:
    from pelican.plugins.authoring.sessions import SessionEditError, apply, restore  # noqa: PLC0415

    settings = _settings(args)
    content = Path(args.content or settings["PATH"])
    calendar, problems = _calendar(content, settings)
    problems = [p for p in problems if not p.is_warning]
    if problems:
        for problem in problems:
            print(problem)
        print("Der Kalender hat schon Fehler; bitte zuerst beheben (make check).")
        return 1
    try:
        edits = plan(calendar)
    except SessionEditError as error:
        print(f"Nicht geändert: {error}")
        return 1
    apply(edits)
    if _finish(content, settings, lambda: restore(edits)):
        return 1
    for edit in edits:
        print(f"Geändert: {edit.path}")
        added = set(edit.after.decode("utf-8").splitlines()) - set(edit.before.decode("utf-8").splitlines())
        for line in sorted(added):
            print(f"  neue Zeile: {line}")
    print("Die Übersetzungen zeigen die Änderung von selbst; einen übersetzten Grund kann man dort mit "
          "„Grund: <Datum> - <Text>“ ergänzen (docs/kalender-felder.md).")
    return 0


def cmd_cancel(args) -> int:
    from pelican.plugins.authoring.sessions import plan_cancel  # noqa: PLC0415

    return _edit_command(args, lambda cal: plan_cancel(cal, args.slug, args.reason or "", args.date))


def cmd_move(args) -> int:
    from pelican.plugins.authoring.sessions import plan_move  # noqa: PLC0415

    return _edit_command(args, lambda cal: plan_move(cal, args.slug, args.date or "", args.to or "", args.reason or ""))


def cmd_translations_status(args) -> int:
    from pelican.plugins.authoring.translations import print_status  # noqa: PLC0415

    settings = _settings(args)
    return print_status(Path(args.content or settings["PATH"]), settings)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pelican.plugins.authoring")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new")
    for name in (*NEW_OPTIONS, "time"):
        if name != "lang":
            new.add_argument(f"--{name}", default=None)
    new.add_argument("--lang", default="de")
    new.add_argument("--no-input", action="store_true")
    cancel = sub.add_parser("cancel")
    cancel.add_argument("slug")
    cancel.add_argument("--date", default=None)
    cancel.add_argument("--reason", default=None)
    move = sub.add_parser("move")
    move.add_argument("slug")
    move.add_argument("--date", default=None)
    move.add_argument("--to", default=None)
    move.add_argument("--reason", default="")
    sub.add_parser("translations-status")
    args = parser.parse_args(argv)
    handler = {"new": cmd_new, "cancel": cmd_cancel, "move": cmd_move,
               "translations-status": cmd_translations_status}[args.command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
