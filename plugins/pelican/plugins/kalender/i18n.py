"""The few UI words the feeds need, translated through the theme's gettext catalogs.

The message ids are German (as in the theme) and marked with ``N_`` so that
``invoke i18n-extract`` finds them; without a compiled catalog the German text is used.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from babel.support import NullTranslations, Translations

from .schedule import saxon_holidays


def N_(message: str) -> str:  # noqa: N802 - the gettext marker name
    """Mark a message for extraction; translated later with :func:`gettext`."""
    return message


KIND_LABELS = {"event": N_("Veranstaltungen"), "course": N_("Kurse"), "garden": N_("Gartentage")}
ALL_LABEL = N_("Alle Termine")
CALENDAR_DESCRIPTION = N_("Veranstaltungen, Kurse und Gartentage in Plauen")
CANCELLED_PREFIX = N_("Abgesagt")
SESSION_CANCELLED_PREFIX = N_("Fällt aus")
MOVED_PREFIX = N_("Verlegt")
COST_LABEL = N_("Kosten")
FREE_LABEL = N_("kostenlos")
REGISTRATION_LABEL = N_("Anmeldung")
CONTACT_LABEL = N_("Kontakt")
LANGUAGES_LABEL = N_("Sprachen")
NO_SESSION_LABEL = N_("Kein Termin")
HOLIDAY_LABEL = N_("Feiertag")
MORE_LABEL = N_("Mehr Informationen")
ACCESSIBILITY_LABEL = N_("Barrierefreiheit")
# The German names the holidays package gives the public holidays of Saxony (see
# schedule.saxon_holidays): the reason of a session skipped with "Feiertage: überspringen".
# Marked here so that every catalog translates them; a name missing from a catalog is shown
# in the holidays package's language where it has one, else in German (marked as German).
HOLIDAY_NAMES = (
    N_("Neujahr"), N_("Karfreitag"), N_("Ostermontag"), N_("Erster Mai"), N_("Christi Himmelfahrt"),
    N_("Pfingstmontag"), N_("Tag der Deutschen Einheit"), N_("Reformationstag"), N_("Buß- und Bettag"),
    N_("Erster Weihnachtstag"), N_("Zweiter Weihnachtstag"),
)  # fmt: skip
# Languages in which the holidays package itself names German holidays (its language codes).
HOLIDAY_PACKAGE_LANGUAGES = {"en": "en_US", "uk": "uk"}


@lru_cache(maxsize=32)
def _catalog(catalog_dir: str, lang: str):
    mo = Path(catalog_dir) / lang / "LC_MESSAGES" / "messages.mo"
    if not mo.exists():
        return NullTranslations()
    with open(mo, "rb") as handle:
        return Translations(handle, domain="messages")


def gettext(settings: dict, lang: str, message: str) -> str:
    """``message`` in ``lang`` from the theme's catalog (``THEME/translations``), else the German id.

    The same catalogs as the pages use (see multilingual), found from the THEME setting,
    so the feeds do not depend on the folder the build was started from.
    """
    catalog_dir = Path(settings.get("THEME") or ".") / "translations"
    return _catalog(str(catalog_dir), lang).ugettext(message) or message


def holiday_name(settings: dict, lang: str, day: dt.date, german: str) -> tuple[str, str]:
    """The name of the holiday ``german`` on ``day`` in ``lang``, and the language it is in.

    From the theme's catalog; else from the holidays package (English, Ukrainian); else the
    German name, which the page then marks as German.
    """
    default = settings.get("DEFAULT_LANG") or "de"
    if lang == default:
        return german, default
    translated = gettext(settings, lang, german)
    if translated != german:
        return translated, lang
    if lang in HOLIDAY_PACKAGE_LANGUAGES:
        name = saxon_holidays((day.year,), HOLIDAY_PACKAGE_LANGUAGES[lang]).get(day)
        if name:
            return name, lang
    return german, default
