"""URLs across languages: translations of a page, the switcher targets, absolute URLs."""

import re

VIEW_LINK = re.compile(r"\{view\}([a-z0-9_-]*)")


class UnknownViewError(ValueError):
    pass


def view_url(settings, language, name):
    """The site-relative URL of a generated view (``VIEW_URLS``) in a language."""
    views = settings.get("VIEW_URLS", {})
    if name not in views:
        raise UnknownViewError(name)
    return language.prefix + views[name]


def replace_view_links(html, settings, language, source_path, siteurl):
    """Turn ``{view}kurse`` in content into that view's URL in the content's language."""
    unknown = []

    def repl(m):
        try:
            return f"{siteurl}/{view_url(settings, language, m.group(1))}"
        except UnknownViewError:
            unknown.append(m.group(1))
            return m.group(0)

    result = VIEW_LINK.sub(repl, html)
    if unknown:
        known = ", ".join(sorted(settings.get("VIEW_URLS", {})))
        raise UnknownViewError(
            f"{source_path}: Link {{view}}{unknown[0]}: diese Ansicht gibt es nicht. "
            f"Erlaubt sind: {known}."
        )
    return result


def absolute_url(settings, url):
    """An absolute URL for hreflang, sitemap and Open Graph, whatever SITEURL is."""
    base = (settings.get("SITE_ABSOLUTE_URL") or settings.get("SITEURL") or "").rstrip("/")
    return f"{base}/{url.lstrip('/')}"


def content_alternates(item, languages):
    """``{lang: url}`` for a Pelican article or page and its translations, in site-language order."""
    found = {t.lang: t.url for t in [item, *getattr(item, "translations", [])]}
    return {code: found[code] for code in languages if code in found}


def alternates_of(ctx, languages):
    """The ``{lang: url}`` of the page being rendered: given explicitly, or from its content item."""
    explicit = ctx.get("alternates_map")
    if explicit:
        return explicit
    for key in ("article", "page"):
        item = ctx.get(key)
        if item is not None and hasattr(item, "url"):
            return content_alternates(item, languages)
    return {}


def language_home(language):
    return language.prefix


def switcher_links(ctx, languages, current):
    """One entry per language: where its switcher link goes and whether it is the current one.

    A language without a translation of this page links to its own home page,
    so a switcher link never leads to a missing page.
    """
    alternates = alternates_of(ctx, languages)
    links = []
    for code, language in languages.items():
        links.append({
            "language": language,
            "url": alternates.get(code, language_home(language)),
            "current": code == current,
            "translated": code in alternates,
        })
    return links
