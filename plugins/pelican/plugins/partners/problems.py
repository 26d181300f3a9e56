"""Validation problems of partner files.

The ``Problem`` type is the calendar plugin's (``plugins/pelican/plugins/kalender/problems.py``), shared so that
``make check`` reports partners and calendar entries in one format:
``Datei:Zeile: Feld: Problem — so behebt man es``.
"""

from pelican.plugins.kalender.problems import Problem


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
