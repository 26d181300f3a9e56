"""Calendar plugin: events, courses and garden days as checked content and iCalendar feeds.

The package is called ``kalender`` because ``calendar`` is a standard-library module that
Pelican's plugin loader would find first. Views (HTML pages) build on :mod:`.api`.
"""

from pelican import signals

from .config import apply_defaults
from .generator import CalendarGenerator
from . import printed
from .views import register_views


def _initialized(pelican):
    apply_defaults(pelican.settings)


def _get_generators(pelican):
    return CalendarGenerator


def register():
    """Connect the plugin to Pelican."""
    signals.initialized.connect(_initialized)
    signals.get_generators.connect(_get_generators)
    register_views()
    printed.register()
