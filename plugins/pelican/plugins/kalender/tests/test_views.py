"""A real Pelican build (repo pelicanconf + theme + multilingual) of fixture calendar content:
the HTML views in every language, their markup and their agreement with the .ics feeds."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import mf2py
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from dateutil.parser import isoparse
from icalendar import Calendar
from jinja2 import Environment, FileSystemLoader
from pelican import Pelican
from pelican.settings import read_settings

from pelican.plugins.community_core.testing import compiled_theme, git_init

REPO = Path(__file__).resolve().parents[5]
TODAY = dt.date(2026, 11, 24)
EPOCH = "1795507200"  # 2026-11-24T08:00:00Z, a Tuesday
LANGS = {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")}
EVIL_TITLE = 'Fest </script><script>alert(1)</script> & "Spiele" <!--'

FILES = {
    "orte.toml": """
        [zentrum]
        name = "Zentrum"
        adresse = "Teststraße 1, 08523 Plauen"
        lat = 50.4952
        lon = 12.1361
        barrierefreiheit = "Eingang ebenerdig"
        barrierefreiheit_en = "Step-free entrance"

        [saal]
        name = "Saal"
        adresse = "Saalweg 2, Plauen"
    """,
    "kategorien.toml": """
        [sprache]
        de = "Sprache"
        en = "Language"

        [garten]
        de = "Garten"
    """,
    "deutschkurs.de.md": """
        Title: Deutschkurs
        Slug: deutschkurs
        Lang: de
        Summary: Deutsch üben.
        Art: kurs
        Beginn: 2026-11-03 17:00
        Ende: 19:00
        Wiederholung: wöchentlich Di, Do bis 2026-12-17
        Ausfall: 2026-11-26 - Die Kursleiterin ist krank.
        Verlegt: 2026-12-01 auf 2026-12-02 18:00 - Der Raum ist belegt.
        Ferien: 2026-12-08 bis 2026-12-10 - Kurspause
        Ort: zentrum
        Kategorie: sprache
        Sprachen: de, ar
        Niveau: A1
        Kosten: kostenlos

        Wir üben Deutsch.
    """,
    "deutschkurs.en.md": """
        Title: German course
        Slug: deutschkurs
        Lang: en
        Summary: Practise German.

        We practise German.
    """,
    "fest.de.md": f"""
        Title: {EVIL_TITLE}
        Slug: fest
        Lang: de
        Art: veranstaltung
        Beginn: 2026-11-25 14:00
        Ende: 16:00
        Ort: saal
        Kategorie: garten

        Mit Musik.
    """,
    "aktionstage.de.md": """
        Title: Aktionstage
        Slug: aktionstage
        Lang: de
        Art: veranstaltung
        Beginn: 2026-11-27
        Ende: 2026-11-29
        Ort: zentrum

        Drei Tage offene Türen.
    """,
    "garten.de.md": """
        Title: Gartentag
        Slug: garten-saison
        Lang: de
        Art: garten
        Beginn: 2026-11-07 10:00
        Dauer: 3 Stunden
        Wiederholung: wöchentlich Sa bis 2026-11-28
        Ort: saal
        Kategorie: garten
        Mitbringen: feste Schuhe

        Wir gärtnern.
    """,
    "herbstfest.de.md": """
        Title: Herbstfest
        Slug: herbstfest
        Lang: de
        Art: veranstaltung
        Beginn: 2026-10-01 15:00
        Ende: 18:00
        Ort: saal

        War schön.
    """,
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    root = git_init(tmp_path_factory.mktemp("calendar-views"))
    content = root / "content"
    for folder in ("kalender", "pages", "news"):
        (content / folder).mkdir(parents=True)
    for name, text in FILES.items():
        (content / "kalender" / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    theme = compiled_theme()
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        settings = read_settings(str(REPO / "pelicanconf.py"), override={
            "PATH": str(content), "OUTPUT_PATH": str(root / "out"), "THEME": str(theme),
            "PLUGINS": ["pelican.plugins.fingerprint", "pelican.plugins.multilingual", "pelican.plugins.kalender"],
            "LANGUAGES": LANGS, "STATIC_PATHS": [], "EXTRA_PATH_METADATA": {}, "LEGAL_PAGES": [],
            "CACHE_PATH": str(root / "cache"),
            "SITE_ABSOLUTE_URL": "https://example.org",
        })  # fmt: skip
        Pelican(settings).run()
    finally:
        mp.undo()
    return root / "out"


def page(out: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((out / path).read_text(encoding="utf-8"), "lxml")


def test_every_view_exists_in_every_language(out):
    for prefix in ("", "en/", "ar/"):
        for path in ("kalender/", "kalender/veranstaltungen/", "kalender/kurse/", "kalender/garten/",
                     "kalender/archiv/", "kalender/abonnieren/", "kalender/monat/2026-11/",
                     "kalender/kategorie/sprache/", "kalender/kategorie/garten/",
                     "kalender/deutschkurs/", "kalender/fest/", "kalender/aktionstage/"):
            assert (out / prefix / path / "index.html").is_file(), prefix + path


def test_upcoming_is_grouped_by_day_with_today_and_tomorrow(out):
    doc = page(out, "kalender/index.html")
    # A list of days with a heading each, not a landmark per day.
    assert doc.select("main section") == [] and doc.select("main [aria-labelledby^=day-]") == []
    days = doc.select("ol.day-list > li.day")
    assert [d.h2.time["datetime"] for d in days[:3]] == ["2026-11-24", "2026-11-25", "2026-11-26"]
    assert days[0].select_one(".day__label").get_text() == "Heute"
    assert days[1].select_one(".day__label").get_text() == "Morgen"
    assert days[2].select_one(".day__label") is None
    # course sessions and events interleaved: the course today, the event tomorrow
    assert "Deutschkurs" in days[0].get_text() and "Fest" in days[1].get_text()
    # a multi-day event appears once, under its first day, with its last day as dt-end
    multi = [li for li in doc.select("li.h-event") if "Aktionstage" in li.get_text()]
    assert len(multi) == 1 and multi[0].select_one(".dt-end")["datetime"] == "2026-11-29"
    # nothing from the past (the October event) and nothing skipped (the break)
    assert "Herbstfest" not in doc.get_text() and "2026-12-08" not in str(doc)


def test_upcoming_in_english_and_arabic_uses_page_language(out):
    en = page(out, "en/kalender/index.html")
    assert en.select_one(".day__title time").get_text() == "Tuesday, November 24, 2026"
    titles = [h.get_text() for h in en.select(".event__title")]
    assert "German course" in titles
    # an untranslated entry is listed once, in German, marked with lang/dir
    fest = [h.select_one(".p-name") for h in en.select(".event__title") if "Fest" in h.get_text()]
    assert len(fest) == 1 and fest[0]["lang"] == "de" and fest[0]["dir"] == "ltr"
    # The heading comes first in each item, the time after it.
    for item in en.select("li.h-event"):
        assert [child.name for child in item.find_all(recursive=False)][:2] == ["h3", "p"], item
        assert "event__when" in item.find_all(recursive=False)[1]["class"]
    ar = page(out, "ar/kalender/index.html")
    assert ar.html["dir"] == "rtl"
    assert "نوفمبر" in ar.select_one(".day__title time").get_text()


def test_filters_are_links_to_prebuilt_pages(out):
    doc = page(out, "kalender/index.html")
    hrefs = [a["href"] for a in doc.select("nav.filters a")]
    assert "/kalender/veranstaltungen/" in hrefs and "/kalender/kategorie/sprache/" in hrefs
    for href in hrefs:
        assert (out / href.strip("/") / "index.html").is_file(), href
    events = page(out, "kalender/veranstaltungen/index.html")
    assert "Deutschkurs" not in events.main.get_text() and "Fest" in events.main.get_text()
    language = page(out, "kalender/kategorie/sprache/index.html")
    assert "Deutschkurs" in language.main.get_text() and "Aktionstage" not in language.main.get_text()


def test_month_page_is_an_accessible_table_with_links_that_exist(out):
    doc = page(out, "kalender/monat/2026-11/index.html")
    table = doc.select_one("table.month")
    assert table.caption.get_text(strip=True) == "November 2026"
    headers = [th.get_text() for th in table.select("thead th[scope=col]")]
    assert headers == ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    assert "Fest" in table.get_text()
    assert doc.select_one(".month-list li.h-event") is not None  # the list layout for phones
    en = page(out, "en/kalender/monat/2026-11/index.html").select("table.month thead th")
    assert en[0].get_text() == "Monday"
    ar = page(out, "ar/kalender/monat/2026-11/index.html").select("table.month thead th")
    assert all(re.search(r"[\u0600-\u06ff]", th.get_text()) for th in ar)
    for link in doc.select("nav.month-nav a"):
        assert (out / link["href"].strip("/") / "index.html").is_file(), link["href"]
    months = sorted(p.name for p in (out / "kalender" / "monat").iterdir())
    assert months == ["2026-10", "2026-11", "2026-12"]
    first = page(out, "kalender/monat/2026-10/index.html")
    assert first.select_one("a[rel=prev]") is None
    last = page(out, "kalender/monat/2026-12/index.html")
    assert last.select_one("a[rel=next]") is None


def test_entry_page_strikes_through_cancelled_session_with_reason(out):
    doc = page(out, "kalender/deutschkurs/index.html")
    cancelled = doc.select("li.session--cancelled")
    assert len(cancelled) == 1
    assert cancelled[0].select_one("del .dt-start")["datetime"] == "2026-11-26T17:00+01:00"
    assert "Die Kursleiterin ist krank." in cancelled[0].get_text()


def test_entry_page_shows_moved_session_with_old_and_new_time(out):
    doc = page(out, "kalender/deutschkurs/index.html")
    moved = doc.select("li.session--moved")
    assert len(moved) == 1 and moved[0].select_one(".flag").get_text() == "Zeit geändert:"
    assert moved[0].select_one(".dt-start")["datetime"] == "2026-12-02T18:00+01:00"
    assert moved[0].select_one("del time")["datetime"] == "2026-12-01T17:00+01:00"
    assert "Der Raum ist belegt." in moved[0].get_text()


def test_entry_page_lists_break_days_with_reason_and_venue_details(out):
    doc = page(out, "kalender/deutschkurs/index.html")
    skipped = doc.select("li.session--skipped")
    assert [li.time["datetime"] for li in skipped] == ["2026-12-08T17:00+01:00", "2026-12-10T17:00+01:00"]
    assert all("Kurspause" in li.get_text() for li in skipped)
    osm = doc.select_one('a[href^="https://www.openstreetmap.org/"]')
    assert osm["href"] == "https://www.openstreetmap.org/?mlat=50.4952&mlon=12.1361#map=17/50.4952/12.1361"
    text = doc.main.get_text(" ")
    assert "Teststraße 1, 08523 Plauen" in text and "Eingang ebenerdig" in text
    assert "Deutsch und Arabisch" in text and "kostenlos" in text
    en = page(out, "en/kalender/deutschkurs/index.html").main.get_text(" ")
    assert "German and Arabic" in en and "Step-free entrance" in en
    ar = page(out, "ar/kalender/deutschkurs/index.html").main.get_text(" ")
    assert "الألمانية والعربية" in ar  # the language's own list pattern, no Latin comma


def test_untranslated_entry_page_is_german_inside_the_page_language(out):
    doc = page(out, "ar/kalender/aktionstage/index.html")
    assert doc.html["lang"] == "ar" and doc.html["dir"] == "rtl"
    title = doc.select_one(".calendar-entry h1 span")
    assert title["lang"] == "de" and title["dir"] == "ltr" and title.get_text() == "Aktionstage"
    assert doc.select_one(".page-header__meta").get("lang") is None  # the kind is in the page's language
    notice = doc.select_one(".calendar-entry .notice")
    assert notice["lang"] == "ar"
    # The note comes before the German text.
    assert notice.find_next("h1") is not None and notice.find_previous("h1") is None
    hreflangs = {link["hreflang"] for link in doc.select("link[rel=alternate][hreflang]")}
    assert hreflangs == {"de", "en", "ar", "x-default"}


def _expanded_starts(ics_path: Path, start: dt.date, end: dt.date) -> set:
    calendar = Calendar.from_ical(ics_path.read_bytes())
    result = set()
    for event in recurring_ical_events.of(calendar).between(start, end):
        value = event["DTSTART"].dt
        result.add(value.astimezone(dt.timezone.utc) if isinstance(value, dt.datetime) else value)
    return result


def _hevent_starts(html: str, url: str) -> set:
    result = set()
    for item in mf2py.parse(doc=html, url=url, html_parser="lxml")["items"]:
        if "h-event" not in item["type"]:
            continue
        raw = item["properties"]["start"][0]
        value = isoparse(raw)
        result.add(value.astimezone(dt.timezone.utc) if len(raw) > 10 else value.date())
    return result


@pytest.mark.parametrize("slug", ["deutschkurs", "fest", "aktionstage", "garten-saison"])
def test_hevent_starts_equal_the_ics_expansion(out, slug):
    html = (out / "kalender" / slug / "index.html").read_text(encoding="utf-8")
    shown = _hevent_starts(html, f"https://example.org/kalender/{slug}/")
    expected = _expanded_starts(out / "kalender/feeds/termine" / f"{slug}.ics", TODAY, TODAY + dt.timedelta(days=365))
    assert shown and shown == expected


def test_hevent_has_name_url_location_and_end(out):
    items = mf2py.parse(doc=(out / "kalender/index.html").read_text(encoding="utf-8"),
                        url="https://example.org/kalender/", html_parser="lxml")["items"]  # fmt: skip
    events = [i for i in items if "h-event" in i["type"]]
    assert events
    for event in events:
        props = event["properties"]
        assert props["name"] and props["start"] and props["end"] and props["location"]
        assert props["url"][0].startswith("https://example.org/kalender/")


def test_json_ld_parses_and_a_title_cannot_close_the_script(out):
    doc_text = (out / "kalender/fest/index.html").read_text(encoding="utf-8")
    scripts = BeautifulSoup(doc_text, "lxml").select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    raw = scripts[0].string
    assert "</" not in raw and "<!--" not in raw and "&" not in raw
    data = json.loads(raw)
    assert data["name"] == EVIL_TITLE
    assert data["@type"] == "Event" and data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["startDate"] == "2026-11-25T14:00+01:00" and data["endDate"] == "2026-11-25T16:00+01:00"
    assert data["location"]["address"]["streetAddress"] == "Saalweg 2, Plauen"
    assert data["isAccessibleForFree"] is True
    assert "alert(1)" not in "".join(s.get_text() for s in BeautifulSoup(doc_text, "lxml").select("script:not([type])"))
    course = json.loads(page(out, "kalender/deutschkurs/index.html").select_one('script[type="application/ld+json"]').string)
    assert course["inLanguage"] == ["de", "ar"] and course["startDate"] == "2026-11-24T17:00+01:00"


def test_add_to_calendar_links_are_well_formed(out):
    doc = page(out, "en/kalender/deutschkurs/index.html")
    hrefs = [a["href"] for a in doc.select(".add-to-calendar a")]
    ics, webcal, google, outlook = hrefs
    assert ics == "https://example.org/en/kalender/feeds/termine/deutschkurs.ics"
    assert webcal == "webcal://example.org/en/kalender/feeds/termine/deutschkurs.ics"
    parts = urlsplit(google)
    query = parse_qs(parts.query)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "calendar.google.com", "/calendar/render")
    assert query["action"] == ["TEMPLATE"] and query["text"] == ["German course"] and query["ctz"] == ["Europe/Berlin"]
    # The next session only (today, 24 Nov): a series with its exceptions would not survive the link.
    assert query["dates"] == ["20261124T160000Z/20261124T180000Z"]
    assert "recur" not in query
    parts = urlsplit(outlook)
    query = parse_qs(parts.query)
    assert (parts.netloc, parts.path) == ("outlook.live.com", "/calendar/0/action/compose")
    assert query["subject"] == ["German course"]
    assert isoparse(query["startdt"][0]) == dt.datetime(2026, 11, 24, 16, tzinfo=dt.timezone.utc)
    assert isoparse(query["enddt"][0]) - isoparse(query["startdt"][0]) == dt.timedelta(hours=2)
    ics_url = page(out, "en/kalender/deutschkurs/index.html").select_one(".add-to-calendar a")["href"]
    assert (out / urlsplit(ics_url).path.lstrip("/")).is_file()


def test_ics_url_property_points_at_the_entry_page_in_that_language(out):
    for prefix in ("", "en/", "ar/"):
        calendar = Calendar.from_ical((out / prefix / "kalender/feeds/termine/fest.ics").read_bytes())
        url = str(calendar.walk("VEVENT")[0]["URL"])
        assert url == f"https://example.org/{prefix}kalender/fest/"
        assert (out / prefix / "kalender/fest/index.html").is_file()


def test_subscribe_page_has_feed_links_and_qr_codes_without_style(out):
    doc = page(out, "kalender/abonnieren/index.html")
    feeds = doc.select("li.feed")
    assert len(feeds) == 1 + 3 + 2  # all, three kinds, two categories
    for feed in feeds:
        webcal, https = [a["href"] for a in feed.select(".feed__links a")]
        assert webcal.startswith("webcal://example.org/kalender/feeds/") and https == "https" + webcal[6:]
        assert (out / urlsplit(https).path.lstrip("/")).is_file()
        svg = feed.find("svg")
        assert svg["role"] == "img" and svg["aria-label"] and svg.title.get_text() == svg["aria-label"]
    assert "style=" not in (out / "kalender/abonnieren/index.html").read_text(encoding="utf-8")
    assert {"Google", "Apple", "Outlook", "Thunderbird"} <= {s.get_text() for s in doc.select(".howto strong")}


def test_course_schedule_is_a_table_with_row_and_column_headers(out):
    doc = page(out, "kalender/kurse/index.html")
    table = doc.select_one("table.timetable")
    assert [th.get_text() for th in table.select("thead th[scope=col]")] == ["Dienstag", "Donnerstag"]
    rows = table.select("tbody tr")
    assert len(rows) == 1 and rows[0].th["scope"] == "row" and "17:00" in rows[0].th.get_text()
    assert [td.get_text(" ", strip=True) for td in rows[0].select("td")] == ["Deutschkurs (A1)"] * 2
    assert [li.get_text(" ", strip=True) for li in doc.select(".timetable-list li")] == [
        "Dienstag und Donnerstag , 17:00 \u2060–\u2060 19:00 : Deutschkurs (A1)"]
    text = doc.main.get_text(" ")
    assert "Kurspause" in text and "3. November 2026" in text and "A1" in text


def test_garden_page_and_archive(out):
    garden = page(out, "kalender/garten/index.html").main.get_text(" ")
    assert "feste Schuhe" in garden and "7. November 2026" in garden and "28. November 2026" in garden
    archive = page(out, "kalender/archiv/index.html")
    titles = [h.get_text() for h in archive.select(".event__title")]
    assert titles == ["Herbstfest"]


def test_home_page_shows_this_week_and_subscribe_link(out):
    doc = page(out, "index.html")
    week = doc.select_one("section.home-week")
    assert week is not None and week.select("li.h-event")
    assert week.select_one('a[href="/kalender/abonnieren/"]') is not None
    assert "Aktionstage" in week.get_text() and "Herbstfest" not in week.get_text()


def test_home_slot_renders_nothing_without_the_calendar():
    env = Environment(loader=FileSystemLoader(str(REPO / "themes/kompetenz/templates")), extensions=["jinja2.ext.i18n"])
    assert env.get_template("calendar/home_week.html").render().strip() == ""


def test_past_script_is_external_deferred_and_only_on_calendar_pages(out):
    for path in ("kalender/index.html", "kalender/deutschkurs/index.html", "ar/kalender/monat/2026-11/index.html"):
        scripts = page(out, path).select("script:not([type])")
        assert len(scripts) == 1 and scripts[0].has_attr("defer")
        assert re.fullmatch(r"/theme/js/past\.[0-9a-f]{10}\.js", scripts[0]["src"]), scripts[0]["src"]
        assert not scripts[0].string
    assert page(out, "index.html").select("script:not([type])") == []
    assert (out / scripts[0]["src"].lstrip("/")).is_file()
