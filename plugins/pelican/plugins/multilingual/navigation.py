"""The main navigation of each language: content pages with a ``Nav`` position plus generated views."""

from dataclasses import dataclass

from .selection import localize
from .urls import view_url

N_ = str  # marks a string for extraction; translated at render time

#: Labels of generated views, translated with the page's catalog.
VIEW_LABELS = {
    "home": N_("Startseite"),
    "news": N_("Aktuelles"),
    "kalender": N_("Kalender"),
    "partner": N_("Partner"),
    "kurse": N_("Kursplan"),
    "garten": N_("Refugee-Garden"),
    "abonnieren": N_("Kalender abonnieren"),
    "suche": N_("Suche"),
    "a-z": N_("A bis Z"),
}


@dataclass(frozen=True)
class NavItem:
    key: str          # page slug or "view:<name>"
    label: str        # already in the right language for pages; a msgid for views
    url: str
    lang: str         # language of the label
    is_view: bool


def _position(page):
    try:
        return float(page.metadata.get("nav"))
    except (TypeError, ValueError):
        return None


def build_navigation(pages, settings, languages, generated_views, lang):
    """Ordered NavItems for one language; untranslated pages link to their default version."""
    default = settings["DEFAULT_LANG"]
    entries = []
    for page in pages:
        pos = _position(page)
        if pos is None:
            continue
        shown = localize(page, lang, default).item
        entries.append((pos, NavItem(page.slug, shown.title, shown.url, shown.lang, False)))
    for name, pos in settings.get("NAV_VIEWS", []):
        if name in generated_views:
            url = view_url(settings, languages[lang], name)
            entries.append((pos, NavItem(f"view:{name}", VIEW_LABELS.get(name, name), url, lang, True)))
    entries.sort(key=lambda e: (e[0], e[1].key))
    return [item for _, item in entries]
