"""Paths in the content folder that could publish files of the build machine.

A git checkout can hold symbolic links, and a link can point anywhere
(``content/images/logo.png -> /root/.ssh/deploy_key``); Pelican would copy what it points
to into the site. Links written in content (``{static}/../../geheim``) can leave the
content folder the same way, and Pelican would even write the copy outside the output
folder. So the content folder may hold only plain files and folders, and every path a
content file names must stay inside it. :func:`unsafe_entries` and :func:`escaping_target`
are used by ``make check`` and, as a last line of defence, by the build.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pelican.plugins.kalender.problems import Problem

LINK_FIX = ("die echte Datei hochladen statt eines Links (am Laptop: den Link löschen und die Datei "
            "hineinkopieren); Links werden nie veröffentlicht, weil sie auf Dateien außerhalb von "
            "content/ zeigen können")


def shown_path(path: Path, content_dir: Path) -> str:
    """``content/images/logo.png``: relative to the folder that holds the content folder."""
    base = Path(os.path.abspath(content_dir))
    try:
        return str(Path(base.name) / Path(os.path.abspath(path)).relative_to(base))
    except ValueError:
        return str(path)


def unsafe_entries(content_dir) -> list[Problem]:
    """Every symbolic link and every entry that is neither a plain file nor a folder.

    The walk never follows a link, so a link to a folder does not make its files count.
    Special files (a named pipe, a device) would make the build hang or read a device.
    """
    root = Path(content_dir)
    problems = []
    if root.is_symlink():
        problems.append(Problem(str(root), None, "Ordner", f"der Inhaltsordner ist ein symbolischer Link "
                                f"(auf „{os.readlink(root)}“)", LINK_FIX))
        return problems
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                problems.append(Problem(shown_path(path, root), None, "Datei",
                                        f"ist ein symbolischer Link (auf „{os.readlink(path)}“)", LINK_FIX))
            elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                problems.append(Problem(shown_path(path, root), None, "Datei",
                                        "ist keine normale Datei (z. B. eine benannte Pipe oder ein Gerät)",
                                        "die Datei löschen; in content/ gehören nur Texte und Bilder"))
        dirs[:] = sorted(d for d in dirs if not Path(folder, d).is_symlink())
    return problems


def resolve_target(content_dir, source_file, target: str) -> Path:
    """Where a ``{static}``/``{attach}``/``{filename}`` target points, as Pelican reads it.

    ``/images/x.png`` is relative to the content folder, ``x.png`` to the file's folder.
    The result is normalised (``..`` removed) but not resolved through links.
    """
    base = Path(content_dir) if target.startswith("/") else Path(source_file).parent
    return Path(os.path.normpath(os.path.join(os.path.abspath(base), target.lstrip("/"))))


def is_inside(path: Path, content_dir) -> bool:
    """True if ``path`` is the content folder or lies in it, before and after resolving links."""
    root = Path(os.path.abspath(content_dir))
    for candidate, base in ((Path(os.path.abspath(path)), root), (Path(path).resolve(), root.resolve())):
        if candidate != base and base not in candidate.parents:
            return False
    return True


def escaping_target(content_dir, source_file, target: str) -> bool:
    """True if a link target written in ``source_file`` leaves the content folder."""
    return not is_inside(resolve_target(content_dir, source_file, target), content_dir)
