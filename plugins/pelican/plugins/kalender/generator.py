"""CalendarGenerator: reads ``content/kalender/`` through Pelican's readers, checks it,
and writes the iCalendar feeds of every language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from blinker import signal
from pelican.generators import CachingGenerator

from . import api
from .check import read_with_pelican
from .config import apply_defaults, site_languages
from .entries import Calendar, build_calendar
from .ical import all_feeds
from .model import CalendarEntry
from .problems import CalendarContentError, errors
from .sequence import apply_history

logger = logging.getLogger(__name__)

# Sent after the calendar is read and checked (sender: the generator); views connect here.
calendar_generator_finalized = signal("kalender_generator_finalized")
# Sent from generate_output after the feeds are written (sender: generator, writer=…);
# the views module writes its HTML pages in a receiver.
calendar_write_views = signal("kalender_write_views")


def read_entries(generator):
    """Read every calendar file with Pelican's readers, using the content cache.

    Returns the entries and the problems of files that cannot be read.
    """
    settings = generator.settings

    def read(path):
        entry = generator.get_cached_data(path, None)
        if entry is None:
            entry = generator.readers.read_file(
                base_path=generator.path, path=path, content_class=CalendarEntry, context=generator.context,
            )  # fmt: skip
            generator.cache_data(path, entry)
        return entry

    paths = sorted(generator.get_files(settings["CALENDAR_PATHS"], exclude=settings["CALENDAR_EXCLUDES"]))
    return read_with_pelican(read, generator.path, paths)


class CalendarGenerator(CachingGenerator):
    """Pelican generator for calendar entries (events, courses, garden days).

    After ``generate_context``: ``calendar`` (:class:`~.entries.Calendar`), ``entries``
    (originals + translations), ``originals``, ``translations``; the context gets
    ``calendar_entries`` (originals) and ``calendar`` (this generator).
    """

    def __init__(self, *args, **kwargs):
        self.calendar = Calendar()
        super().__init__(*args, **kwargs)
        apply_defaults(self.settings)

    @property
    def entries(self) -> list[CalendarEntry]:
        return self.calendar.entries

    @property
    def originals(self) -> list[CalendarEntry]:
        return self.calendar.originals

    @property
    def translations(self) -> list[CalendarEntry]:
        return self.calendar.translations

    def generate_context(self):
        read, unreadable = read_entries(self)
        for entry in read:
            self.add_source_path(entry)
        calendar = build_calendar(read, self.settings, unreadable)
        problems = calendar.problems + apply_history(calendar, self.settings)
        if errors(problems):
            raise CalendarContentError(problems)
        for warning in sorted(problems):  # make check shows them; a Pelican warning would fail the build
            logger.info("%s", warning)
        self.calendar = calendar
        self.context["calendar_entries"] = calendar.originals
        self.context["calendar"] = self
        self.save_cache()
        self.readers.save_cache()
        calendar_generator_finalized.send(self)

    def occurrences(self, start=None, end=None, lang=None, **filters) -> list[api.Occurrence]:
        """Sessions of all entries between the dates ``start`` and ``end`` in ``lang``."""
        return api.occurrences_between(self.originals, start, end, lang or self.settings["DEFAULT_LANG"], **filters)

    def feed_urls(self, lang: str) -> dict:
        """Absolute feed URLs in ``lang`` (see :func:`api.feed_urls`)."""
        return api.feed_urls(self.settings, lang, self.originals)

    def generate_output(self, writer):
        output = Path(writer.output_path)
        for lang in site_languages(self.settings):
            paths = api.feed_paths(self.settings, lang, self.originals)
            for rel, data in sorted(all_feeds(self.originals, self.settings, lang, paths).items()):
                target = output / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        calendar_write_views.send(self, writer=writer)
