"""Calendar settings with their defaults, and URL helpers per language."""

from __future__ import annotations

DEFAULTS = {
    # Folders under PATH with calendar entries (``<slug>.<lang>.md``).
    "CALENDAR_PATHS": ["kalender"],
    "CALENDAR_EXCLUDES": [],
    # Data files, relative to PATH.
    "CALENDAR_VENUES_FILE": "kalender/orte.toml",
    "CALENDAR_CATEGORIES_FILE": "kalender/kategorien.toml",
    # UID = "<UID field or slug>@<CALENDAR_UID_DOMAIN>"; never derived from SITEURL.
    "CALENDAR_UID_DOMAIN": "integration-plauen.invalid",
    # Entry pages (Pelican URL settings of the content class CalendarEntry).
    "CALENDARENTRY_URL": "kalender/{slug}/",
    "CALENDARENTRY_SAVE_AS": "kalender/{slug}/index.html",
    "CALENDARENTRY_LANG_URL": "{lang}/kalender/{slug}/",
    "CALENDARENTRY_LANG_SAVE_AS": "{lang}/kalender/{slug}/index.html",
    # Feeds, relative to the language prefix ("" for German, "en/" …).
    "CALENDAR_FEED_ALL": "kalender/feeds/alle.ics",
    "CALENDAR_FEED_KIND": "kalender/feeds/{kind}.ics",
    "CALENDAR_FEED_CATEGORY": "kalender/feeds/kategorie-{category}.ics",
    "CALENDAR_FEED_ENTRY": "kalender/feeds/termine/{slug}.ics",
    "CALENDAR_REFRESH_HOURS": 12,
    # make check warns (never blocks) when a change puts a session more than this many years ahead.
    "CALENDAR_WARN_YEARS_AHEAD": 2,
    # Posters (kalender/printed.py): at most this many sessions, so that each fits one A4 page.
    "CALENDAR_POSTER_ITEMS": {"woche": 24, "monat": 36},
    # The embed for partner sites: the next this many dates.
    "CALENDAR_EMBED_ITEMS": 5,
}

# Values of the ``Art`` field -> kind, and the kind's slug (= its VIEW_URLS name).
KINDS = {"veranstaltung": "event", "kurs": "course", "garten": "garden"}
KIND_SLUGS = {"event": "veranstaltungen", "course": "kurse", "garden": "garten"}


def apply_defaults(settings: dict) -> dict:
    """Fill in calendar settings that pelicanconf.py does not set (in place)."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value)
    return settings


def lang_prefix(settings: dict, lang: str) -> str:
    """``""`` for the default language, ``"en/"`` for the others."""
    return "" if lang == settings["DEFAULT_LANG"] else f"{lang}/"


def site_languages(settings: dict) -> list[str]:
    """Language codes of the site, default language first."""
    languages = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    default = settings["DEFAULT_LANG"]
    return [default] + [code for code in languages if code != default]


