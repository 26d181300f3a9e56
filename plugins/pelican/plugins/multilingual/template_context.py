"""What templates get: gettext bound to each page's language, Babel dates, switcher data.

One Jinja environment renders every language. Each gettext call receives the
render context (Jinja's newstyle gettext with ``pass_context``) and looks up the
page's language there, so no per-language environment or build is needed.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from functools import lru_cache

from babel import Locale
from babel import dates as babel_dates
from jinja2 import pass_context

from .urls import absolute_url, alternates_of, language_home, switcher_links


@lru_cache(maxsize=None)
def locale_of(lang: str) -> Locale:
    """The Babel locale of a language code, parsed once (Babel would parse the string on every call)."""
    return Locale.parse(lang)


def page_lang(ctx) -> str:
    """The language of the page being rendered: explicit ``lang``, else its article's or page's."""
    lang = ctx.get("lang")
    if isinstance(lang, str) and lang:
        return lang
    for key in ("article", "page"):
        item = ctx.get(key)
        if item is not None and getattr(item, "lang", None):
            return item.lang
    return ctx["DEFAULT_LANG"]


class TemplateFunctions:
    """Binds the catalogs and settings to the functions and filters installed in Jinja."""

    def __init__(self, catalogs, languages, settings):
        self.catalogs = catalogs
        self.languages = languages
        self.tz = ZoneInfo(settings.get("TIMEZONE") or "Europe/Berlin")
        self.settings = settings

    # --- gettext -------------------------------------------------------------
    def install(self, env):
        @pass_context
        def gettext(ctx, message):
            return self.catalogs.gettext(page_lang(ctx), message)

        @pass_context
        def ngettext(ctx, singular, plural, n):
            return self.catalogs.ngettext(page_lang(ctx), singular, plural, n)

        @pass_context
        def pgettext(ctx, context, message):
            return self.catalogs.pgettext(page_lang(ctx), context, message)

        env.install_gettext_callables(gettext, ngettext, newstyle=True, pgettext=pgettext)
        env.globals.update(
            current_lang=pass_context(page_lang),
            current_language=pass_context(lambda ctx: self.languages[page_lang(ctx)]),
            site_languages=list(self.languages.values()),
            language_of=lambda code: self.languages.get(code),
            alternates=pass_context(lambda ctx: alternates_of(ctx, self.languages)),
            switcher_links=pass_context(lambda ctx: switcher_links(ctx, self.languages, page_lang(ctx))),
            lang_home=pass_context(lambda ctx: language_home(self.languages[page_lang(ctx)])),
            absolute_url=lambda url: absolute_url(self.settings, url),
            datetime_separator=pass_context(lambda ctx, format="long": self.datetime_separator(page_lang(ctx), format)),
        )
        def in_page_language(method):
            return pass_context(lambda ctx, value, *args: method(page_lang(ctx), value, *args))

        env.filters.update(
            format_date=in_page_language(self.format_date),
            format_datetime=in_page_language(self.format_datetime),
            format_time=in_page_language(self.format_time),
            format_weekday=in_page_language(self.format_weekday),
            isoformat=self.isoformat,
        )

    # --- dates ---------------------------------------------------------------
    def _local(self, value):
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.astimezone(self.tz)
        return value

    def format_date(self, lang, value, format="long"):
        """A date in a language, e.g. '5. Oktober 2026' or '5 أكتوبر 2026'."""
        return babel_dates.format_date(self._local(value), format=format, locale=locale_of(lang))

    def format_datetime(self, lang, value, format="long"):
        """Date and time, joined the language's way: '5. Oktober 2026, 17:00', '٥ أكتوبر ٢٠٢٦، ١٧:٠٠'."""
        value = self._local(value)
        day = babel_dates.format_date(value, format=format, locale=locale_of(lang))
        return f"{day}{self.datetime_separator(lang, format)}{self.format_time(lang, value)}"

    @staticmethod
    def datetime_separator(lang, format="long"):
        """What goes between a date and its time in ``lang`` (CLDR): ', ' in German, '، ' in Arabic."""
        pattern = babel_dates.get_datetime_format(format, locale=locale_of(lang)).replace("'", "")
        date_at, time_at = pattern.find("{1}"), pattern.find("{0}")
        return pattern[date_at + 3:time_at] if -1 < date_at < time_at else ", "

    def format_time(self, lang, value, format="short"):
        """A time; its spaces do not break, so "5:30 م" or "5:30 PM" stays on one line."""
        text = babel_dates.format_time(self._local(value), format=format, locale=locale_of(lang))
        return text.replace(" ", "\u00a0")

    def format_weekday(self, lang, value, width="wide"):
        return babel_dates.format_date(self._local(value), format="EEEE" if width == "wide" else "EEE", locale=locale_of(lang))

    def isoformat(self, value):
        """The machine-readable form for ``<time datetime>``: a date, or a time with its offset."""
        if isinstance(value, datetime):
            return self._local(value).isoformat(timespec="minutes") if value.tzinfo else value.isoformat()
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"isoformat: expected date or datetime, got {value!r}")
