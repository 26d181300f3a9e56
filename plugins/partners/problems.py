"""Validation problems of partner files.

The ``Problem`` type is the calendar plugin's (``plugins/kalender/problems.py``), shared so that
``make check`` reports partners and calendar entries in one format:
``Datei:Zeile: Feld: Problem — so behebt man es``.
"""

import sys
from pathlib import Path

# Pelican loads plugins from PLUGIN_PATHS without adding that folder to sys.path; make the
# sibling plugin importable by its package name (the name Pelican itself registers it under).
_PLUGINS_DIR = str(Path(__file__).resolve().parent.parent)
if _PLUGINS_DIR not in sys.path:
    sys.path.append(_PLUGINS_DIR)

from kalender.problems import Problem  # noqa: E402


class PartnerContentError(Exception):
    """Raised by the build when partner files have problems; lists all of them."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=_sort_key)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(
            f"Das Partnerverzeichnis hat {len(self.problems)} Fehler, die Seite wurde nicht gebaut:\n{lines}"
        )


def _sort_key(problem):
    return (problem.path, problem.line or 0, problem.field, problem.message)


__all__ = ["Problem", "PartnerContentError"]
