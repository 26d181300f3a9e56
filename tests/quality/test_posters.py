"""Posters print on exactly one A4 page, in every language: Chromium prints each to PDF
(print media, the page's own @page size), pypdf counts the pages and reads the page size."""

from __future__ import annotations

import io

import pytest

from .builtsite import SCREENSHOT_DIR, languages, settings

pytestmark = pytest.mark.xdist_group("browser")

POSTERS = ("woche", "monat", "kurse")
A4_POINTS = (595.3, 841.9)  # 210 × 297 mm


def poster_path(lang: str, name: str) -> str:
    prefix = "" if lang == languages()[0] else f"{lang}/"
    return f"/{prefix}{settings()['VIEW_URLS']['aushang']}{name}/"


@pytest.fixture(scope="module")
def printed(browser, server):
    """{(lang, poster): (number of pages, (width, height) in points, text of the PDF)}."""
    from pypdf import PdfReader  # noqa: PLC0415

    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    results = {}
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for lang in languages():
        for name in POSTERS:
            response = page.goto(server + poster_path(lang, name), wait_until="load")
            assert response is not None and response.status == 200, poster_path(lang, name)
            pdf = page.pdf(prefer_css_page_size=True, print_background=False)
            (SCREENSHOT_DIR / f"poster-{name}-{lang}.pdf").write_bytes(pdf)
            reader = PdfReader(io.BytesIO(pdf))
            box = reader.pages[0].mediabox
            results[(lang, name)] = (len(reader.pages), (float(box.width), float(box.height)),
                                     "".join(p.extract_text() or "" for p in reader.pages))
    context.close()
    return results


def test_every_poster_is_exactly_one_a4_page(printed):
    assert len(printed) == len(languages()) * len(POSTERS)
    problems = [f"{poster_path(lang, name)}: {pages} pages" for (lang, name), (pages, _s, _t) in printed.items()
                if pages != 1]
    problems += [f"{poster_path(lang, name)}: page {size[0]:.0f}×{size[1]:.0f} pt, not A4"
                 for (lang, name), (_p, size, _t) in printed.items()
                 if abs(size[0] - A4_POINTS[0]) > 2 or abs(size[1] - A4_POINTS[1]) > 2]
    print("\n".join(f"{poster_path(lang, name)}: {pages} page(s)" for (lang, name), (pages, _s, _t) in printed.items()))
    assert not problems, "\n".join(problems)


def test_the_printed_poster_has_its_dates_and_the_address_but_not_the_site_navigation(printed):
    pages, _size, text = printed[("de", "kurse")]
    assert "Kursplan" in text and "Stand:" in text
    assert "Zum Inhalt springen" not in text and "Hauptnavigation" not in text
    _p, _s, week = printed[("de", "woche")]
    assert "Termine diese Woche" in week


def test_posters_are_linked_from_the_calendar(site):
    import lxml.html  # noqa: PLC0415

    for lang in languages():
        prefix = "" if lang == languages()[0] else f"{lang}/"
        tree = lxml.html.parse(str(site / prefix / settings()["VIEW_URLS"]["kalender"] / "index.html"))
        hrefs = {a.get("href") for a in tree.iter("a")}
        index = f"/{prefix}{settings()['VIEW_URLS']['aushang']}"
        assert index in hrefs, (lang, "the calendar links to the posters")
        tree = lxml.html.parse(str(site / prefix / settings()["VIEW_URLS"]["aushang"] / "index.html"))
        assert {poster_path(lang, n) for n in POSTERS} <= {a.get("href") for a in tree.iter("a")}
