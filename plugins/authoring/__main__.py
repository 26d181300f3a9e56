"""``python -m authoring new|cancel|move|translations-status`` (called by the invoke tasks)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _settings(args):
    from content_check.runner import load_settings  # noqa: PLC0415

    return load_settings(Path(args.settings))


def _calendar(content: Path, settings: dict):
    from kalender.check import load_calendar  # noqa: PLC0415

    return load_calendar(str(content), settings)


def _finish(content: Path, settings: dict, undo) -> int:
    """Check everything after a change; undo it on any error (warnings are shown, they do not undo)."""
    from content_check.runner import collect_problems, is_warning  # noqa: PLC0415

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
    from authoring.new_entry import KIND_NAMES, KINDS, NewEntry, NewEntryError, create  # noqa: PLC0415

    settings = _settings(args)
    content = Path(args.content or settings["PATH"])
    languages = list(settings["LANGUAGES"])
    interactive = sys.stdin.isatty() and not args.no_input

    def ask(label, current, default=""):
        if current or not interactive:
            return current or default
        answer = input(f"{label}{f' [{default}]' if default else ''}: ").strip()
        return answer or default

    kind = args.kind
    if not kind and interactive:
        kind = ask(f"Was möchten Sie anlegen? ({', '.join(f'{k} = {KIND_NAMES[k]}' for k in KINDS)})", "")
    title = ask("Titel", args.title)
    date_hint = {"news": "Datum der Nachricht (JJJJ-MM-TT SS:MM)", "partner": None}.get(
        kind, "Erster Termin (JJJJ-MM-TT SS:MM)")
    date = ask(date_hint, args.date) if date_hint else ""
    category = args.category
    if kind == "partner":
        category = ask("Kategorie (behoerden, vereine, kirchen, bildung, gesundheit, sport-kultur)", category)
    summary = ask("Ein, zwei Sätze: worum geht es?", args.summary)
    translations = args.translations
    if translations is None and interactive and kind != "partner":
        translations = ask("Übersetzungs-Entwürfe anlegen für (z. B. en,ar; leer = keine)", "")
    wanted = [t.strip() for t in (translations or "").split(",") if t.strip()]
    entry = NewEntry(kind=kind or "", title=title or "", slug=args.slug or "", date=date or "",
                     summary=summary or "", category=category or "", website=args.website or "",
                     tags=args.tags or "", lang=args.lang)
    try:
        files = create(entry, content, languages, wanted)
    except NewEntryError as error:
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
    print("Jetzt die Datei öffnen: die Zeilen mit [//]: # erklären jedes Feld. Danach: make check")
    return 0


def _edit_command(args, plan) -> int:
    from authoring.sessions import SessionEditError, apply, restore  # noqa: PLC0415

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
    from authoring.sessions import plan_cancel  # noqa: PLC0415

    return _edit_command(args, lambda cal: plan_cancel(cal, args.slug, args.reason or "", args.date))


def cmd_move(args) -> int:
    from authoring.sessions import plan_move  # noqa: PLC0415

    return _edit_command(args, lambda cal: plan_move(cal, args.slug, args.date or "", args.to or "", args.reason or ""))


def cmd_translations_status(args) -> int:
    from authoring.translations import print_status  # noqa: PLC0415

    settings = _settings(args)
    return print_status(Path(args.content or settings["PATH"]), settings)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m authoring")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new")
    for name in ("kind", "title", "slug", "date", "summary", "category", "website", "tags", "translations"):
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
