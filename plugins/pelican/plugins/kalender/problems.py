"""Validation problems: one German message per mistake, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
MISSING = "das Feld fehlt"  # the message of a missing required field (see FileReport)


@dataclass(frozen=True)
class Problem:
    """One mistake in a content file, in the form ``Datei:Zeile: Feld: Problem — Lösung``.

    ``level`` is ``error`` (blocks the build) or ``warning`` (shown, never blocks); a
    warning reads ``Datei:Zeile: Feld: Warnung: Problem — Lösung``. ``line`` may be None
    (the whole file); problems sort by file, then line (a missing line first).
    """

    path: str
    line: int | None
    field: str
    message: str
    fix: str
    level: str = ERROR

    @property
    def is_warning(self) -> bool:
        return self.level == WARNING

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.field, self.message, self.fix, self.level)

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        kind = "Warnung: " if self.is_warning else ""
        return f"{where}: {self.field}: {kind}{self.message} — {self.fix}"


def errors(problems) -> list[Problem]:
    """The problems that block the build (not the warnings)."""
    return [p for p in problems if not getattr(p, "is_warning", False)]


class CalendarContentError(Exception):
    """Raised by the build when calendar content has errors; lists all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(errors(problems))
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(
            f"Der Kalender hat {len(self.problems)} Fehler, die Seite wurde nicht gebaut:\n{lines}"
        )


class FieldError(ValueError):
    """A single field value could not be understood: message and how to fix it."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix
