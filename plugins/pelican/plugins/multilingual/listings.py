"""Listing pages written once per language in the one Pelican run: home, news index, 404, news feeds."""

import logging

from pelican.generators import Generator

from .navigation import VIEW_LABELS
from .selection import localize, localize_all
from .urls import absolute_url, view_url

logger = logging.getLogger(__name__)


class ListingGenerator(Generator):
    """Writes the per-language listing pages and news feeds from the articles and pages already read."""

    def generate_context(self):
        self.context.setdefault("GENERATED_VIEWS", set()).update({"home", "news"})

    def _write_page(self, writer, language, save_as, template, alternates_map, **kwargs):
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            url=save_as.removesuffix("index.html"),
            lang=language.code,
            alternates_map=alternates_map,
            **kwargs,
        )

    def generate_output(self, writer):
        from . import state  # the build's languages and catalogs

        st = state()
        languages = st.languages
        default = self.settings["DEFAULT_LANG"]
        articles = self.context.get("articles", [])
        home_intros = st.home_intros
        news_path = self.settings["VIEW_URLS"]["news"]

        def every_language(path):
            return {code: lang.prefix + path for code, lang in languages.items()}

        for code, language in languages.items():
            news = localize_all(articles, code, default)
            intro = None
            if home_intros:
                original = home_intros.get(default) or next(iter(home_intros.values()))
                intro = localize(original, code, default)
            self._write_page(writer, language, f"{language.prefix}index.html", "home",
                             every_language(""), intro=intro,
                             news=news[: self.settings.get("HOME_NEWS_COUNT", 3)], view="home")
            self._write_news_pages(writer, language, news, news_path, every_language)
            self._write_page(writer, language, f"{language.prefix}404.html", "404",
                             every_language("404.html"), view="404")
            self._write_feeds(writer, language, [n.item for n in news], st)
        self._write_robots()

    def _write_robots(self):
        """robots.txt names the sitemap by its absolute URL, as the protocol requires."""
        import os

        with open(os.path.join(self.output_path, "robots.txt"), "w", encoding="utf-8") as fp:
            fp.write(f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(self.settings, 'sitemap.xml')}\n")

    def _write_news_pages(self, writer, language, news, news_path, every_language):
        """The news index, split into pages of NEWS_PER_PAGE so that each stays small."""
        per_page = self.settings.get("NEWS_PER_PAGE") or len(news) or 1
        chunks = [news[i:i + per_page] for i in range(0, len(news), per_page)] or [[]]

        def path(number):
            return news_path if number == 1 else f"{news_path}seite/{number}/"

        for number, chunk in enumerate(chunks, start=1):
            self._write_page(
                writer, language, f"{language.prefix}{path(number)}index.html", "news", every_language(path(number)),
                news=chunk, view="news", news_total=len(news),
                pagination={
                    "number": number,
                    "count": len(chunks),
                    "previous": language.prefix + path(number - 1) if number > 1 else None,
                    "next": language.prefix + path(number + 1) if number < len(chunks) else None,
                },
            )

    def _write_feeds(self, writer, language, items, st):
        abs_base = absolute_url(self.settings, "").rstrip("/")
        title = st.catalogs.gettext(language.code, VIEW_LABELS["news"])
        feed_context = dict(self.context, SITEURL=abs_base, FEED_DOMAIN=abs_base, FEED_LANG=language.code,
                            SITENAME=st.catalogs.gettext(language.code, self.settings["SITENAME"]))
        for setting, feed_type in (("NEWS_FEED_ATOM", "atom"), ("NEWS_FEED_RSS", "rss")):
            pattern = self.settings.get(setting)
            if not pattern:
                continue
            path = pattern.format(prefix=language.prefix, lang=language.code)
            writer.write_feed(items, feed_context, path, url=path, feed_type=feed_type, feed_title=title)


def news_feed_urls(settings, language):
    """``{"atom": url, "rss": url}`` of a language's news feeds, for ``<link rel=alternate>``."""
    urls = {}
    for setting, kind in (("NEWS_FEED_ATOM", "atom"), ("NEWS_FEED_RSS", "rss")):
        if settings.get(setting):
            urls[kind] = settings[setting].format(prefix=language.prefix, lang=language.code)
    return urls


__all__ = ["ListingGenerator", "news_feed_urls", "view_url"]
