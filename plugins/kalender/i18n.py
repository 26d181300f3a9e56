"""The few UI words the feeds need, translated through the theme's gettext catalogs.

The message ids are German (as in the theme) and marked with ``N_`` so that
``invoke i18n-extract`` finds them; without a compiled catalog the German text is used.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.support import NullTranslations, Translations


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
