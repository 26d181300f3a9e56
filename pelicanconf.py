"""Pelican settings for the development build (`make site`, `make serve`).

Configuration only: the logic lives in the plugins under ``plugins/``.
"""



def _(text):
    """Marks a setting's text for the UI catalogs (`invoke i18n-update`); pages show it translated."""
    return text


AUTHOR = "Integration statt Isolation e.V."
SITENAME = _("Kompetenz-Zentrum für Integration Plauen")
# Empty in development: every link is root-relative. publishconf.py sets the real domain.
SITEURL = ""
# Used for absolute URLs that must never be relative (hreflang, sitemap, feeds, Open Graph).
# publishconf.py overrides it; a local build uses the local preview address.
SITE_ABSOLUTE_URL = "http://127.0.0.1:8000"

PATH = "content"
THEME = "themes/kompetenz"
TIMEZONE = "Europe/Berlin"

# --- Languages ---------------------------------------------------------------
# The one setting that lists the site's languages. The first is the default and
# lives at "/"; the others live under "/<code>/". Adding a language means one line
# here plus a catalog in themes/kompetenz/translations/<code>/LC_MESSAGES/messages.po
# (`invoke i18n-init --lang <code>`).
# Each entry: code -> (name in its own language, text direction).
LANGUAGES = {
    "de": ("Deutsch", "ltr"),
    "en": ("English", "ltr"),
    "ar": ("العربية", "rtl"),
    "fa": ("فارسی", "rtl"),
    "uk": ("Українська", "ltr"),
    "ru": ("Русский", "ltr"),
}
DEFAULT_LANG = next(iter(LANGUAGES))

# Content that is deliberately not translated, by "<folder>/<slug>" (as `invoke
# translations-status` lists it) -> the languages it is missing in. tests/test_content.py
# fails on any other gap and checks that these are shown in German with a note.
UNTRANSLATED_OK = {
    # Invites German-speaking neighbours to talk with learners, so it is written for them
    # (English for visitors). Learners find the Sprachcafé itself in every language in the calendar.
    "news/sprachcafe-fuer-die-nachbarschaft": ["ar", "fa", "uk", "ru"],
}

# --- Organisation: PLACEHOLDERS ----------------------------------------------
# Facts the concept paper does not give. They are shown on the site exactly as
# written here. Every value that starts with "[PLATZHALTER" is still to be filled
# in by the association; `invoke placeholders` (and a test) lists the ones left.
PLACEHOLDER_MARK = "[PLATZHALTER"
ORGANIZATION = {
    "name": "Integration statt Isolation e.V.",
    "centre": "Kompetenz-Zentrum für Integration",
    "street": "[PLATZHALTER: Straße und Hausnummer des Büros]",
    "postal_code": "[PLATZHALTER: PLZ]",
    "city": "Plauen",
    "region": "Vogtlandkreis, Sachsen",
    "country": "DE",
    "phone": "[PLATZHALTER: Telefonnummer]",
    "email": "[PLATZHALTER: E-Mail-Adresse]",
    "representatives": "[PLATZHALTER: Namen der vertretungsberechtigten Vorstandsmitglieder]",
    "register_court": "[PLATZHALTER: Registergericht, z. B. Amtsgericht …]",
    "register_number": "[PLATZHALTER: Vereinsregisternummer VR …]",
    "vat_id": "[PLATZHALTER: USt-IdNr., falls vorhanden – sonst Zeile löschen]",
    "content_responsible": "[PLATZHALTER: Name und Anschrift der inhaltlich verantwortlichen Person]",
    "hosting_provider": "[PLATZHALTER: Name und Anschrift des Webhosters, z. B. STRATO GmbH]",
    "opening_hours": "[PLATZHALTER: Öffnungszeiten des Büros]",
    "accessibility_contact": "[PLATZHALTER: E-Mail-Adresse für Rückmeldungen zur Barrierefreiheit]",
    "log_retention": "[PLATZHALTER: Speicherdauer der Server-Protokolle laut Webhoster]",
    "enforcement_body": "[PLATZHALTER: zuständige Durchsetzungsstelle für Barrierefreiheit in Sachsen, mit Anschrift]",
    "accessibility_statement_date": "[PLATZHALTER: Datum der letzten Prüfung]",
}
# Content can show any of these values with {org:key}, e.g. {org:email}.

# --- URLs --------------------------------------------------------------------
# German at "/", translations under "/<lang>/" (Pelican's *_LANG_* settings).
ARTICLE_URL = "aktuelles/{slug}/"
ARTICLE_SAVE_AS = "aktuelles/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/aktuelles/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/aktuelles/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
EXTRA_PATH_METADATA = {
    "extra/favicon.ico": {"path": "favicon.ico"},
    "extra/favicon.svg": {"path": "favicon.svg"},
}

# Generated views per language, by name. Content links to them as {view}name,
# e.g. [Kursplan]({view}kurse); the i18n plugin adds the language prefix.
VIEW_URLS = {
    "home": "",
    "news": "aktuelles/",
    "partner": "partner/",
    "kalender": "kalender/",
    "veranstaltungen": "kalender/veranstaltungen/",
    "kurse": "kalender/kurse/",
    "garten": "kalender/garten/",
    "archiv": "kalender/archiv/",
    "abonnieren": "kalender/abonnieren/",
    "aushang": "kalender/aushang/",
    "einbetten": "kalender/einbetten/",
    "suche": "suche/",
    "a-z": "a-z/",
}

# Our listing pages replace Pelican's stock index, tag, category and author pages.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""

# News feeds: one Atom and one RSS per language, written by the i18n plugin.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
NEWS_FEED_ATOM = "{prefix}feeds/aktuelles.atom.xml"
NEWS_FEED_RSS = "{prefix}feeds/aktuelles.rss.xml"
FEED_MAX_ITEMS = 20
HOME_NEWS_COUNT = 3
NEWS_PER_PAGE = 12

# --- Plugins -----------------------------------------------------------------
# The plugins are namespace packages (pelican.plugins.<name>), installed into the venv from
# plugins/ (its pyproject.toml) by `make`; nothing is added to sys.path.
PLUGINS = [
    "pelican.plugins.content_guard",
    "pelican.plugins.fingerprint",
    "pelican.plugins.multilingual",
    "pelican.plugins.partners",
]
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    # Text from content is escaped wherever it lands; rendered Markdown is marked |safe where shown.
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}

# Reproducible output: no dates from file systems, sorted everything.
DEFAULT_DATE = None
DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40
TYPOGRIFY = False
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}
LOAD_CONTENT_CACHE = False
CACHE_PATH = ".cache/pelican"
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = []

# Main navigation: content pages carry "Nav: <position>"; generated views are placed here.
NAV_VIEWS = [("kalender", 2.5), ("news", 3), ("partner", 3.5), ("suche", 9)]
# Linked from every page's footer, in this order (slugs of pages in content/pages/).
LEGAL_PAGES = ["impressum", "datenschutz", "barrierefreiheit"]

# --- Calendar (plugins/pelican/plugins/kalender) ---------------------------------------------
PLUGINS += ["pelican.plugins.kalender"]
# iCalendar UIDs are "<UID field or slug>@<CALENDAR_UID_DOMAIN>"; they must never
# change once published. PLACEHOLDER: set to a domain the association owns
# (e.g. the site's domain) BEFORE the first feed goes public.
CALENDAR_UID_DOMAIN = "integration-plauen.invalid"  # [PLATZHALTER: eigene Domain]
# Everything else has defaults in plugins/pelican/plugins/kalender/config.py (feed paths, entry URLs
# kalender/<slug>/, venue/category files). SEQUENCE and DTSTAMP come from the git history.
# How far the "Demnächst" page looks ahead; the month pages show everything after that.
CALENDAR_UPCOMING_DAYS = 28

# --- Translations that may be out of date (plugins/pelican/plugins/translation_freshness) -----
# A translation whose German original got a text change after it shows a note with a link to
# the original; `invoke translations-status` lists them. From the git history, nothing to set.
# A commit that changes the original without changing its meaning (a typo) opts out with the
# line "Übersetzung-aktuell: ja" in its commit message (docs/uebersetzen.md).
PLUGINS += ["pelican.plugins.translation_freshness"]

# --- Search (plugins/pelican/plugins/search) ----------------------------------------------------
# Pagefind indexes the built site at the end of every build (output/pagefind/, one index per
# language); the search page is VIEW_URLS["suche"], the A–Z list (no JavaScript needed) "a-z".
PLUGINS += ["pelican.plugins.search"]
