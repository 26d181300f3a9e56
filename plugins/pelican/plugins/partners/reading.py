"""Reading partner files through Pelican's readers, turning read errors into problems."""

import os
from pathlib import Path

from .content import Partner
from .fields import PARTNER_DIR
from .problems import Problem
from .validation import PartnerSource


def display_path(content_path, source_path) -> str:
    """The path volunteers see: relative to the folder that holds the content folder."""
    base = Path(content_path).resolve().parent
    return os.path.relpath(Path(content_path, source_path).resolve(), base).replace(os.sep, "/")


def read_partner(readers, content_path, relative_path, context, **signals):
    """``(Partner, PartnerSource, None)`` or ``(None, None, Problem)`` if the file cannot be read."""
    shown = display_path(content_path, relative_path)
    try:
        text = Path(content_path, relative_path).read_text(encoding="utf-8")
        item = readers.read_file(base_path=str(content_path), path=relative_path, content_class=Partner,
                                 context=context, **signals)
    except UnicodeDecodeError:
        return None, None, Problem(shown, None, "Datei", "ist nicht als UTF-8 gespeichert",
                                   "die Datei im Editor mit der Kodierung UTF-8 speichern")
    except Exception as exc:  # noqa: BLE001 - any reader error becomes a message for the volunteer
        return None, None, Problem(shown, None, "Datei", f"kann nicht gelesen werden: {exc}",
                                   "den Fehler in der genannten Zeile beheben")
    return item, source_of(item, shown, text), None


def source_of(item, shown, text) -> PartnerSource:
    return PartnerSource(shown, text, dict(item.metadata), item._content or "")


def stray_files(content_path) -> list[Problem]:
    """Files in content/partner/ that are not read: said out loud instead of skipped silently."""
    folder = Path(content_path) / PARTNER_DIR
    if not folder.is_dir():
        return []
    return [
        Problem(display_path(content_path, file.relative_to(content_path).as_posix()), None, "Datei",
                "ist keine Markdown-Datei (.md) und wird nicht gelesen",
                "als <slug>.<sprache>.md speichern; Logos gehören nach content/images/partner/")
        for file in sorted(folder.rglob("*"))
        if file.is_file() and (file.suffix != ".md" or file.parent != folder)
    ]
