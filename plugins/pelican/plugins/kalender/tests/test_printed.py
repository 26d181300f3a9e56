"""Posters and the embed (kalender/printed.py) in the fixture build of test_views: what they list."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .test_views import out  # noqa: F401 - the module's fixture build (2026-11-24, de/en/ar)


def page(out, path):  # noqa: F811
    return BeautifulSoup((out / path).read_text(encoding="utf-8"), "lxml")


def test_posters_exist_in_every_language_and_the_calendar_links_them(out):  # noqa: F811
    for prefix in ("", "en/", "ar/"):
        for name in ("woche", "monat", "kurse"):
            assert (out / prefix / "kalender/aushang" / name / "index.html").is_file(), prefix + name
        links = {a["href"] for a in page(out, f"{prefix}kalender/index.html").select("a")}
        assert f"/{prefix}kalender/aushang/" in links


def test_the_week_poster_lists_the_seven_days_from_today_with_the_cancelled_session_marked(out):  # noqa: F811
    doc = page(out, "kalender/aushang/woche/index.html")
    period = [t["datetime"] for t in doc.select(".poster__period time")]
    assert period == ["2026-11-24", "2026-11-30"]
    days = [t["datetime"] for t in doc.select(".poster__date time")]
    assert days[0] == "2026-11-24" and all("2026-11-24" <= d <= "2026-11-30" for d in days)
    cancelled = doc.select_one(".poster__item--cancelled")
    assert "Fällt aus" in cancelled.get_text() and "Deutschkurs" in cancelled.get_text()
    qr = doc.select_one(".poster__qr svg")
    assert qr["role"] == "img" and "style" not in str(qr)
    assert doc.select_one(".poster__url").get_text() == "https://example.org/kalender/"


def test_the_month_poster_has_the_whole_month_and_the_course_poster_the_timetable(out):  # noqa: F811
    doc = page(out, "en/kalender/aushang/monat/index.html")
    assert [t["datetime"] for t in doc.select(".poster__period time")] == ["2026-11-01", "2026-11-30"]
    assert doc.select_one(".poster__title").get_text() == "Dates in November 2026"
    assert "2026-11-07" in [t["datetime"] for t in doc.select(".poster__date time")], "a past day of the month too"
    courses = page(out, "kalender/aushang/kurse/index.html")
    assert courses.select(".poster__timetable th[scope=col]") and "Deutschkurs" in courses.select_one(".poster__courses").get_text()
    assert courses.select_one(".poster__qr svg title").get_text() == "QR-Code zum Abonnieren: Kurse"


def test_the_embed_lists_the_next_dates_without_script_or_site_navigation(out):  # noqa: F811
    doc = page(out, "kalender/einbetten/index.html")
    items = doc.select(".embed__item")
    assert 1 <= len(items) <= 5
    assert not doc.select("script") and not doc.select("nav") and not doc.select("header")
    assert doc.select_one('meta[name="robots"]')["content"] == "noindex"
    assert all(a["target"] == "_blank" and "noopener" in a["rel"] for a in doc.select("a"))
    garden = page(out, "ar/kalender/einbetten/kategorie/garten/index.html")
    titles = " ".join(i.get_text() for i in garden.select(".embed__item"))
    assert "Deutschkurs" not in titles and "German" not in titles and "Gartentag" in titles
    assert garden.html["dir"] == "rtl"
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "einbetten" not in sitemap and "aushang/woche" in sitemap
