"""Multilingual layer for Pelican, built in one run.

Pelican already reads every content file once and places translations under
``/<lang>/`` (``*_LANG_URL``). This plugin adds what a one-pass multilingual site
still needs: per-page gettext catalogs, Babel dates, language switcher and hreflang
data, ``{view}`` links, per-language listing pages and news feeds, and a sitemap.
"""

from pathlib import Path

from pelican import signals

from .catalogs import Catalogs
from .feeds import feed_writer
from .languages import site_languages
from .listings import ListingGenerator, news_feed_urls
from .navigation import build_navigation
from .organization import replace_org_fields
from .publication import hold_back_future_news
from .selection import localize
from .sitemap import SitemapCollector
from .template_context import TemplateFunctions, page_lang
from .urls import replace_view_links, view_url


class BuildState:
    """Everything the plugin derives once per Pelican run."""

    def __init__(self, pelican):
        settings = pelican.settings
        self.settings = settings
        self.languages = site_languages(settings)
        self.catalogs = Catalogs(Path(settings["THEME"]) / "translations", self.languages, settings["DEFAULT_LANG"])
        self.functions = TemplateFunctions(self.catalogs, self.languages, settings)
        self.sitemap = SitemapCollector(pelican.output_path, self.languages, settings)
        self.home_intros = {}
        self._nav_cache = {}
        self._legal_cache = {}

    def legal_links(self, ctx):
        """Footer links to the legal pages in the page's language (German where untranslated).

        Every page shows them, so they are worked out once per language.
        """
        lang = page_lang(ctx)
        if lang not in self._legal_cache:
            self._legal_cache[lang] = self._legal_links(ctx, lang)
        return self._legal_cache[lang]

    def _legal_links(self, ctx, lang):
        by_slug = {p.slug: p for p in [*ctx.get("pages", []), *ctx.get("hidden_pages", [])]}
        links = []
        for slug in self.settings.get("LEGAL_PAGES", []):
            if slug not in by_slug:
                raise RuntimeError(f"Pflichtseite '{slug}' fehlt: content/pages/{slug}.de.md anlegen.")
            shown = localize(by_slug[slug], lang, self.settings["DEFAULT_LANG"]).item
            links.append({"title": shown.title, "url": shown.url, "lang": shown.lang})
        return links

    def navigation(self, ctx):
        lang = page_lang(ctx)
        if lang not in self._nav_cache:
            self._nav_cache[lang] = build_navigation(
                ctx.get("pages", []), self.settings, self.languages, ctx.get("GENERATED_VIEWS", set()), lang
            )
        return self._nav_cache[lang]


_state = None


def state() -> BuildState:
    if _state is None:
        raise RuntimeError("multilingual: plugin not initialised")
    return _state


def _on_initialized(pelican):
    global _state
    _state = BuildState(pelican)


def _on_generator_init(generator):
    from jinja2 import pass_context

    st = state()
    st.functions.install(generator.env)
    generator.env.globals["main_navigation"] = pass_context(lambda ctx: st.navigation(ctx))
    generator.env.globals.update(
        news_feeds=pass_context(lambda ctx: news_feed_urls(st.settings, st.languages[page_lang(ctx)])),
        view_path=pass_context(lambda ctx, name: view_url(st.settings, st.languages[page_lang(ctx)], name)),
        legal_links=pass_context(lambda ctx: st.legal_links(ctx)),
    )


def _on_content_init(instance):
    """Fill ``{org:key}`` from ORGANIZATION; check ``{view}name`` links while the file is read."""
    html = getattr(instance, "_content", None)
    if not isinstance(html, str):
        return
    if "{org:" in html:
        html = instance._content = replace_org_fields(html, instance.settings, instance.source_path)
    if "{view}" in html:
        replace_view_links(html, instance.settings, _language_of(instance), instance.source_path, "")


def _language_of(content):
    languages = site_languages(content.settings)
    return languages.get(getattr(content, "lang", None)) or languages[content.settings["DEFAULT_LANG"]]


def _install_view_link_resolution():
    """Resolve ``{view}name`` when Pelican renders content, against the siteurl it renders for.

    Pelican calls ``Content._update_content(html, siteurl)`` for pages (SITEURL) and feeds
    (absolute URL) alike, so extending it gives the right link in both. It is extended on
    the class, not per object, so content objects stay picklable for Pelican's cache.
    """
    from pelican.contents import Content

    if getattr(Content._update_content, "resolves_view_links", False):
        return
    update_content = Content._update_content

    def _update_content(self, content, siteurl):
        if content and "{view}" in content:
            content = replace_view_links(content, self.settings, _language_of(self), self.source_path, siteurl)
        return update_content(self, content, siteurl)

    _update_content.resolves_view_links = True
    Content._update_content = _update_content


class UnknownLanguageError(ValueError):
    pass


def _check_languages(generator):
    """Content in a language the site does not have would be unreachable: fail with every such file."""
    st = state()
    problems = []
    for name in ("articles", "translations", "pages", "hidden_pages", "hidden_translations",
                 "drafts", "drafts_translations", "draft_pages", "draft_translations"):
        for item in getattr(generator, name, []):
            if item.lang not in st.languages:
                problems.append(
                    f"{item.relative_source_path}: Lang: '{item.lang}' ist keine Sprache dieser Website — "
                    f"erlaubt sind {', '.join(st.languages)}; Sprachen kommen in pelicanconf.py LANGUAGES dazu."
                )
    if problems:
        raise UnknownLanguageError("\n".join(sorted(set(problems))))


def _finish_articles(generator):
    """After reading the news: refuse unknown languages, then forget the drafts.

    Drafts (``Status: draft``, and news still held back) are never written here
    (``DRAFT_SAVE_AS`` is empty), but Pelican would still render them, and a draft without
    ``Category`` stops the build, since this site has no default category.
    """
    _check_languages(generator)
    if not generator.settings.get("DRAFT_SAVE_AS") and not generator.settings.get("DRAFT_LANG_SAVE_AS"):
        generator.drafts, generator.drafts_translations = [], []


def _take_home_intros(generator):
    """Pages marked ``Role: home`` are the home page's intro text, not pages of their own."""
    st = state()
    for name in ("pages", "translations", "hidden_pages", "hidden_translations"):
        items = getattr(generator, name, [])
        for page in [p for p in items if p.metadata.get("role") == "home"]:
            items.remove(page)
            if name in ("pages", "hidden_pages"):
                st.home_intros[page.lang] = page


def _record_written(path, context):
    if _state is not None:
        _state.sitemap.record(path, context)


def _set_feed_language(context, feed):
    lang = context.get("FEED_LANG") if isinstance(context, dict) else None
    if lang:
        feed.feed["language"] = lang


def _write_sitemap(pelican):
    state().sitemap.write()


def _listing_generator(pelican):
    return ListingGenerator


def register():
    _install_view_link_resolution()
    signals.initialized.connect(_on_initialized)
    signals.generator_init.connect(_on_generator_init)
    signals.content_object_init.connect(_on_content_init)
    signals.content_object_init.connect(hold_back_future_news)
    signals.article_generator_finalized.connect(_finish_articles)
    signals.page_generator_finalized.connect(_check_languages)
    signals.page_generator_finalized.connect(_take_home_intros)
    signals.get_generators.connect(_listing_generator)
    signals.content_written.connect(_record_written)
    signals.feed_generated.connect(_set_feed_language)
    signals.get_writer.connect(feed_writer)
    signals.finalized.connect(_write_sitemap)
