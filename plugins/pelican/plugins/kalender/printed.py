"""Pages made for outside the site: printable posters (A4) and the embed for partner sites.

* Posters (``VIEW_URLS["aushang"]``): this week (the 7 days from the build date), this month
  and the course plan, one A4 page each in every language, with the QR code of the matching
  subscription. The page is a normal page on screen; its print stylesheet (theme
  ``css/poster.css``) lays it out for one A4 sheet, black on white. So that it always fits,
  a poster lists at most ``CALENDAR_POSTER_ITEMS`` sessions and says how many more there are.
* Embed (``VIEW_URLS["einbetten"]``): the next ``CALENDAR_EMBED_ITEMS`` dates, all and per
  category, as a small page without JavaScript or site navigation for an ``<iframe>`` on a
  partner's site. The .htaccess lets other sites frame only these pages
  (``EMBED_FRAME_ANCESTORS``, plugins/pelican/plugins/publishing).

Both build on :class:`~.views.CalendarViews` (the data of the calendar pages) and are
written after them.
"""

from __future__ import annotations

import datetime as dt

from pelican.plugins.multilingual.urls import absolute_url

from . import api, i18n, links
from .qr import qr_svg
from .views import CATEGORY_DIR, ONE_DAY, CalendarViews, group_by_day

POSTERS = ("woche", "monat", "kurse")


def _views(generator) -> CalendarViews:
    return getattr(generator, "calendar_views", None) or CalendarViews(generator)


def poster_data(views: CalendarViews, lang: str, name: str) -> dict:
    """What one poster shows: its days (or the course plan), the period, and the QR code."""
    settings = views.settings
    today = views.today
    limit = int(settings["CALENDAR_POSTER_ITEMS"].get(name, 0))
    urls = api.feed_urls(settings, lang, views.originals)
    _ = lambda message: i18n.gettext(settings, lang, message)  # noqa: E731
    data = {"poster": name, "first": today, "last": None, "days": [], "more": 0, "courses": None}
    if name == "kurse":
        data["courses"] = views.courses(lang)
        feed, page = urls["kinds"]["course"], links.view_url(settings, lang, "kurse")
    else:
        if name == "woche":
            first, following = today, today + dt.timedelta(days=7)
        else:
            first = today.replace(day=1)
            following = (first + dt.timedelta(days=32)).replace(day=1)
        items = views.between(lang, first, following)
        data.update(first=first, last=following - ONE_DAY, more=max(0, len(items) - limit),
                    days=group_by_day(items[:limit], today, first))
        feed, page = urls["all"], links.view_url(settings, lang, "kalender")
    feed_name = i18n.KIND_LABELS["course"] if name == "kurse" else i18n.ALL_LABEL
    data["feed"] = {"https": feed, "qr": qr_svg(feed, _("QR-Code zum Abonnieren: %(name)s") % {"name": _(feed_name)}, 200)}
    data["page_url"] = absolute_url(settings, page)
    return data


def embed_pages(views: CalendarViews, lang: str) -> list[tuple[str, dict]]:
    """``[(path, data)]``: the next dates of all entries, and of each category."""
    settings = views.settings
    base = settings["VIEW_URLS"]["einbetten"]
    count = int(settings["CALENDAR_EMBED_ITEMS"])
    pages = [(base, {"category": None, "items": views.between(lang, views.today)[:count],
                     "more_url": links.view_url(settings, lang, "kalender")})]
    for category in views.categories():
        pages.append((f"{base}{CATEGORY_DIR}{category.key}/", {
            "category": category.name(lang, views.default),
            "items": views.between(lang, views.today, category=category.key)[:count],
            "more_url": views.category_url(lang, category.key)}))
    return pages


def write(generator, writer=None) -> None:
    """Receiver of the calendar's ``kalender_write_views`` signal (after the calendar pages)."""
    if "view_path" not in generator.env.globals:
        return  # no multilingual plugin: no HTML views (see views._write)
    views = _views(generator)
    settings = views.settings
    names = settings["VIEW_URLS"]
    for lang in views.languages:
        prefix = views.every_language("")[lang]
        if "aushang" in names:
            posters = {name: f"{names['aushang']}{name}/" for name in POSTERS}
            writer.write_file(prefix + names["aushang"] + "index.html", generator.get_template("poster/index"),
                              generator.context, url=prefix + names["aushang"], lang=lang,
                              alternates_map=views.every_language(names["aushang"]), current_nav_key="view:kalender",
                              view="aushang", posters={n: prefix + p for n, p in posters.items()})  # fmt: skip
            for name, path in posters.items():
                writer.write_file(prefix + path + "index.html", generator.get_template("poster/poster"),
                                  generator.context, url=prefix + path, lang=lang,
                                  alternates_map=views.every_language(path), current_nav_key="view:kalender",
                                  view="aushang", today=views.today, **poster_data(views, lang, name))  # fmt: skip
        if "einbetten" in names:
            for path, data in embed_pages(views, lang):
                writer.write_file(prefix + path + "index.html", generator.get_template("embed/next"),
                                  generator.context, url=prefix + path, lang=lang, view="einbetten",
                                  alternates_map=views.every_language(path), today=views.today, noindex=True,
                                  **data)  # fmt: skip


def _announce(generator) -> None:
    """The calendar pages link to the posters when the site has them (``GENERATED_VIEWS``)."""
    names = [name for name in ("aushang", "einbetten") if name in generator.settings.get("VIEW_URLS", {})]
    generator.context.setdefault("GENERATED_VIEWS", set()).update(names)


def register() -> None:
    from .generator import calendar_generator_finalized, calendar_write_views  # noqa: PLC0415

    calendar_generator_finalized.connect(_announce)
    calendar_write_views.connect(write)
