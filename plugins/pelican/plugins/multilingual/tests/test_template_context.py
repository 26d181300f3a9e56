"""Babel filters of the templates: times that never break apart."""

import datetime as dt
from zoneinfo import ZoneInfo

from pelican.plugins.multilingual.template_context import TemplateFunctions


def test_a_formatted_time_has_no_breaking_space():
    """"5:30 م" must not wrap between the time and "م" (nor "5:30 PM"), alone or after a date."""
    functions = TemplateFunctions(None, {}, {"TIMEZONE": "Europe/Berlin"})
    moment = dt.datetime(2026, 10, 6, 17, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    arabic = functions.format_time("ar", moment)
    assert arabic == "5:30\u00a0م"
    assert " " not in functions.format_time("en", moment)
    assert functions.format_datetime("ar", moment, "full").endswith("، 5:30\u00a0م")
    assert functions.format_time("de", moment) == "17:30"
