"""Validation problems: one German message per mistake, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a content file, in the form ``Datei:Zeile: Feld: Problem — Lösung``."""

    path: str
    line: int | None
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message} — {self.fix}"


class CalendarContentError(Exception):
    """Raised by the build when calendar content has problems; lists all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
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
