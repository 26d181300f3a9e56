"""The raw calendar files: is each one a readable UTF-8 text file at all?

Pelican's reader would stop the whole build with a traceback on a file that is not
UTF-8 (a Latin-1 export, a picture saved under a ``.md`` name). Such a file is reported
as one plain problem and left out, so that every other file is still checked.
"""

from __future__ import annotations

import os
from dataclasses import replace

from .problems import Problem

EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")
CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}
EMPTY_FIX = ("den Inhalt einer Vorlage hineinkopieren und ausfüllen (plugins/pelican/plugins/authoring/templates/, "
             "siehe docs/web-editor.md) oder die Datei löschen")


def rel_path(path: str, content_path: str) -> str:
    """The path as volunteers see it in the repository: ``content/kalender/…``.

    Plain path arithmetic, no file-system look-ups: it runs once per file.
    """
    base = os.path.abspath(content_path)
    inner = os.path.relpath(os.path.abspath(path), base)
    if inner == ".." or inner.startswith(".." + os.sep):
        return str(path)
    return os.path.join(os.path.basename(base), inner)


BINARY = Problem("", None, "Datei", "die Datei ist keine Textdatei (sie enthält Steuerzeichen, z. B. ein Bild "
                 "oder eine Word-Datei unter dem Namen .md)",
                 "die Datei löschen und den Termin als Text neu anlegen (Vorlage: plugins/pelican/plugins/authoring/templates/)")


def decode(raw: bytes, rel: str) -> tuple[str | None, Problem | None]:
    """The text of a calendar file, or the one problem that makes it unusable."""
    if b"\x00" in raw:
        return None, replace(BINARY, path=rel, line=raw[: raw.index(b"\x00")].count(b"\n") + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        start = raw.rfind(b"\n", 0, error.start) + 1
        end = raw.find(b"\n", error.start)
        shown = raw[start : end if end >= 0 else None].decode("cp1252", errors="replace").strip()[:50]
        return None, Problem(
            rel, line, "Datei", f"die Datei ist nicht in UTF-8 gespeichert (Zeile {line}: „{shown}“)",
            "die Datei mit der Kodierung UTF-8 speichern (im Editor „Speichern unter …“ → UTF-8; "
            "oder den Text im Web-Editor der Forge neu einfügen, der speichert immer UTF-8)",
        )  # fmt: skip
    if not text.strip():
        return None, Problem(rel, None, "Datei", "die Datei ist leer", EMPTY_FIX)
    bad = sum(1 for ch in text if ch in CONTROL)
    if bad * 100 > len(text):
        line = next((n for n, part in enumerate(text.splitlines(), 1) if any(ch in CONTROL for ch in part)), None)
        return None, replace(BINARY, path=rel, line=line)
    return text, None


def calendar_files(base: str, folders, excludes=()) -> list[str]:
    """Paths (relative to ``base``) of every calendar Markdown file, sorted."""
    found = []
    for folder in folders:
        for root, dirs, files in os.walk(os.path.join(base, folder)):
            dirs[:] = sorted(d for d in dirs if os.path.relpath(os.path.join(root, d), base) not in excludes)
            for name in sorted(files):
                if name.endswith(EXTENSIONS):
                    found.append(os.path.relpath(os.path.join(root, name), base))
    return sorted(found)


def screen(content_path: str, paths) -> tuple[list[str], list[Problem]]:
    """Split ``paths`` (relative to ``content_path``) into those Pelican can read and the
    problems of the others."""
    usable, problems = [], []
    for path in paths:
        full = os.path.join(content_path, path)
        try:
            with open(full, "rb") as handle:
                raw = handle.read()
        except OSError as error:
            problems.append(Problem(rel_path(full, content_path), None, "Datei",
                                    f"die Datei lässt sich nicht lesen ({error.strerror})",
                                    "die Datei prüfen oder neu anlegen"))  # fmt: skip
            continue
        _text, problem = decode(raw, rel_path(full, content_path))
        if problem:
            problems.append(problem)
        else:
            usable.append(path)
    return usable, problems
