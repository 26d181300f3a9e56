"""Translations that may be out of date: their original changed after them (git history).

Templates get ``translation_outdated(item)``: for a page, news item or calendar entry in a
translation, an :class:`~.history.Outdated` (how often and when the original changed since),
or None. `invoke translations-status` lists the same (:func:`.history.outdated_translations`).
The history is read once per build (and per ``HEAD`` in the preview), see :mod:`git_history`.
"""

from __future__ import annotations

import logging
import os

from pelican import signals

from .history import NoHistory, Outdated, outdated_translations

logger = logging.getLogger(__name__)


class Freshness:
    """The outdated translations of one build, found on first use."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.content = os.path.realpath(settings["PATH"])
        self._by_path: dict[str, Outdated] | None = None

    def by_path(self) -> dict[str, Outdated]:
        if self._by_path is None:
            from pelican.plugins.kalender.clock import now_utc  # noqa: PLC0415 - the build's "now" (SOURCE_DATE_EPOCH)

            try:
                found = outdated_translations(self.content, self.settings["DEFAULT_LANG"], now_utc())
            except NoHistory as reason:
                logger.info("translation_freshness: %s; no translation is marked as out of date", reason)
                found = []
            self._by_path = {item.path: item for item in found}
        return self._by_path

    def of(self, item) -> Outdated | None:
        """The :class:`Outdated` of a content object (by its source file), or None."""
        source = getattr(item, "source_path", None)
        if not source or getattr(item, "lang", None) == self.settings["DEFAULT_LANG"]:
            return None
        rel = os.path.relpath(os.path.realpath(source), self.content).replace(os.sep, "/")
        return self.by_path().get(rel)


_state: Freshness | None = None


def _start(pelican):
    global _state
    _state = Freshness(pelican.settings)


def _install(generator):
    generator.env.globals["translation_outdated"] = lambda item: _state.of(item) if _state else None


def register():
    signals.initialized.connect(_start)
    signals.generator_init.connect(_install)
