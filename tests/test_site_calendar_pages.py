"""The calendar pages tell everyone the truth, in every language: what the pages say about each
session (cancelled, moved: time, place or both) agrees with the .ics feed of that language; the
Google and Outlook links add the one next session; a cancelled entry gets no such link; today and
changes are marked in words; holiday names, venue names and news categories are in the page's
language; ranges and times do not break; lists use the language's own pattern.

The expected words come from the theme's catalogs (the .po files), the expected states from the
feeds as python-icalendar and recurring-ical-events read them, so nothing here repeats what the
templates do.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.pofile import read_po
from icalendar import Calendar

from tests.quality.builtsite import build_today
from tests.site import ROOT, output_dir, pelicanconf, soup

from pelican.plugins.kalender.schedule import saxon_holidays  # noqa: E402
from pelican.plugins.kalender.venues import load_venues  # noqa: E402

LANGUAGES = list(pelicanconf.LANGUAGES)
DEFAULT = pelicanconf.DEFAULT_LANG
CATALOGS = ROOT / "themes" / "kompetenz" / "translations"
BERLIN = ZoneInfo(pelicanconf.TIMEZONE)
UTC = dt.timezone.utc
NBSP_SPACES = ("\u00a0", "\u202f")


def prefix(lang: str) -> str:
    return "" if lang == DEFAULT else f"{lang}/"


@lru_cache(maxsize=None)
def catalog(lang: str):
    with open(CATALOGS / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


def tr(lang: str, msgid: str) -> str:
    """``msgid`` as the theme's catalog translates it (German: the msgid itself)."""
    if lang == DEFAULT:
        return msgid
    message = catalog(lang).get(msgid)
    assert message is not None and message.string, f"{lang}: „{msgid}“ fehlt im Katalog"
    return message.string


def flag_text(element) -> str | None:
    """The status label (``.flag``) inside ``element``, without its hidden colon; None without one."""
    flag = element.select_one(".flag")
    return None if flag is None else flag.get_text().removesuffix(":")


def words(text: str) -> str:
    return " ".join(text.split())


# --- What the feeds say ----------------------------------------------------------------------------


@lru_cache(maxsize=None)
def feed(out: Path, lang: str, slug: str) -> Calendar:
    return Calendar.from_ical((out / prefix(lang) / "kalender/feeds/termine" / f"{slug}.ics").read_bytes())


def master(calendar: Calendar):
    return next(e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e)


def _local(value):
    return value.astimezone(BERLIN).replace(tzinfo=None) if isinstance(value, dt.datetime) else value


@lru_cache(maxsize=None)
def expected_states(out: Path, lang: str, slug: str) -> dict:
    """{start (UTC, or date): the status word the pages must show ('' when as planned)} from the feed."""
    return {start: word for (start, _days), word in _expected(out, lang, slug).items()}


@lru_cache(maxsize=None)
def expected_by_day(out: Path, lang: str, slug: str) -> dict:
    """{local day: the status words of the sessions touching that day}."""
    result = {}
    for (_start, days), word in _expected(out, lang, slug).items():
        for day in days:
            result.setdefault(day, set()).add(word)
    return result


def _days(start, end) -> tuple:
    if isinstance(start, dt.datetime):
        first, last = _local(start).date(), _local(end - dt.timedelta(microseconds=1)).date()
    else:
        first, last = start, end - dt.timedelta(days=1)
    return tuple(first + dt.timedelta(days=i) for i in range((last - first).days + 1))


@lru_cache(maxsize=None)
def _expected(out: Path, lang: str, slug: str) -> dict:
    calendar = feed(out, lang, slug)
    main = master(calendar)
    whole = str(main.get("STATUS", "")).upper() == "CANCELLED"
    length = _local(main["DTEND"].dt) - _local(main["DTSTART"].dt)
    result = {}
    for event in recurring_ical_events.of(calendar).between(dt.date(1970, 1, 1), dt.date(2100, 1, 1)):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        key = (start.astimezone(UTC) if isinstance(start, dt.datetime) else start, _days(start, end))
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            result[key] = tr(lang, "Abgesagt" if whole else "Fällt aus")
            continue
        word = ""
        if "RECURRENCE-ID" in event:
            moved_time = _local(event["RECURRENCE-ID"].dt) != _local(start) or _local(end) - _local(start) != length
            moved_place = str(event.get("LOCATION", "")) != str(main.get("LOCATION", ""))
            word = {(True, True): "Zeit und Ort geändert", (True, False): "Zeit geändert",
                    (False, True): "Ort geändert"}.get((moved_time, moved_place), "")  # fmt: skip
        result[key] = tr(lang, word) if word else ""
    return result


def entry_slugs(out: Path) -> list[str]:
    return sorted(p.stem for p in (out / "kalender/feeds/termine").glob("*.ics"))


def cancelled_slugs(out: Path) -> list[str]:
    return [s for s in entry_slugs(out) if str(master(feed(out, DEFAULT, s)).get("STATUS", "")).upper() == "CANCELLED"]


def moment(raw: str):
    value = dt.datetime.fromisoformat(raw) if "T" in raw else dt.date.fromisoformat(raw)
    return value.astimezone(UTC) if isinstance(value, dt.datetime) else value


def slug_of(url: str, lang: str) -> str:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if parts and parts[0] == lang and lang != DEFAULT:
        parts = parts[1:]
    assert len(parts) == 2 and parts[0] == "kalender", url
    return parts[1]


def calendar_pages(out: Path, lang: str) -> list[Path]:
    root = out / prefix(lang) / "kalender"
    return sorted(p for p in root.rglob("index.html") if "feeds" not in p.parts) + [out / prefix(lang) / "index.html"]


# --- Every session on every page, against the feed ----------------------------------------------------


def status_problems(out: Path, lang: str) -> tuple[list[str], int]:
    """Each h-event and each month-table link: its status label is the feed's, in ``lang``."""
    problems, checked = [], 0
    for page in calendar_pages(out, lang):
        doc = soup(page)
        for item in doc.select(".h-event"):
            url = item.select_one(".u-url")
            start = item.select_one(".dt-start")
            if url is None or start is None:
                continue
            slug = slug_of(url.get("href") or url.get("value"), lang)
            expected = expected_states(out, lang, slug).get(moment(start["datetime"]))
            shown = flag_text(item) or ""
            checked += 1
            if expected is None:
                problems.append(f"{page.relative_to(out)}: {slug} {start['datetime']} steht nicht im Feed")
            elif shown != expected:
                problems.append(f"{page.relative_to(out)}: {slug} {start['datetime']}: „{shown}“ statt „{expected}“")
        if page.parent.parent.name == "monat":  # a month page (not the month poster)
            year, month = map(int, page.parent.name.split("-"))
            for cell in doc.select("table.month td"):
                if cell.select_one(".month__day") is None:
                    continue
                day = dt.date(year, month, int(cell.select_one(".month__day").get_text()))
                for link in cell.select(".month__events a"):
                    slug = slug_of(link["href"], lang)
                    expected = expected_by_day(out, lang, slug).get(day, set())
                    checked += 1
                    text = words(link.get_text())
                    if (flag_text(link) or "") not in expected:
                        problems.append(f"{page.relative_to(out)} Monatstabelle {day}: {text!r}, erwartet {expected}")
                    elif flag_text(link) and not text.startswith(flag_text(link) + ":"):
                        problems.append(f"{page.relative_to(out)}: der Status steht nicht vorn im Linktext: {text!r}")
    return problems, checked


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_listed_session_says_in_words_what_the_feed_says(lang):
    out = output_dir()
    problems, checked = status_problems(out, lang)
    assert checked > 100, checked
    assert not problems, "\n".join(problems[:40])
    # The real content has each kind of status; every one of them is shown somewhere in this language.
    shown = {flag_text(f.parent) for p in calendar_pages(out, lang) for f in soup(p).select(".flag")}
    assert {tr(lang, w) for w in ("Abgesagt", "Fällt aus", "Zeit geändert", "Ort geändert")} <= shown, shown


def _venue_shown(venue, lang):
    return venue.shown("name", lang)[0]


@lru_cache(maxsize=None)
def venues() -> dict:
    found, problems = load_venues(ROOT / "content/kalender/orte.toml", "orte.toml", LANGUAGES)
    assert problems == []
    return found


def move_detail_problems(out: Path, lang: str) -> tuple[list[str], set]:
    """A moved session names what changed: the old time, or this time's place and the usual one
    (venue names in the page's language). Returns the problems and the status words seen."""
    problems, seen = [], set()
    for page in calendar_pages(out, lang):
        for item in soup(page).select("li.session--moved, li.event--moved"):
            url = item.select_one(".u-url")
            slug = slug_of(url.get("href") or url.get("value"), lang)
            usual = str(master(feed(out, lang, slug)).get("LOCATION", ""))
            word = flag_text(item)
            seen.add(word)
            note = item.select_one(".event__status")
            text = words(note.get_text()) if note else ""
            where = f"{page.relative_to(out)} ({slug})"
            if word in (tr(lang, "Zeit geändert"), tr(lang, "Zeit und Ort geändert")):
                if not text.startswith(tr(lang, "ursprünglich:")) or item.select_one(".event__status del time") is None:
                    problems.append(f"{where}: Zeitänderung ohne ursprüngliche Zeit: {text!r}")
            if word in (tr(lang, "Ort geändert"), tr(lang, "Zeit und Ort geändert")):
                old = next((v for v in venues().values() if v.location_in(lang) == usual), None)
                new = next((v for v in venues().values() if v is not old and _venue_shown(v, lang) in text), None)
                sentence = tr(lang, "Diesmal: %(new)s (sonst: %(usual)s)")
                if new is None or old is None or sentence % {"new": _venue_shown(new, lang), "usual": _venue_shown(old, lang)} not in text:
                    problems.append(f"{where}: Ortsänderung ohne „Diesmal … (sonst …)“: {text!r}")
            if word == tr(lang, "Ort geändert") and tr(lang, "ursprünglich:") in text:
                problems.append(f"{where}: nur der Ort ändert sich, die Seite nennt eine alte Zeit: {text!r}")
    return problems, seen


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_moved_session_says_exactly_what_changed(lang):
    problems, seen = move_detail_problems(output_dir(), lang)
    assert not problems, "\n".join(problems)
    # The real content moves one course session in time and another one in place only.
    assert {tr(lang, "Zeit geändert"), tr(lang, "Ort geändert")} <= seen, seen


# --- Today in the month table -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_month_table_marks_today_with_aria_current_and_a_word(lang):
    out = output_dir()
    today = build_today(out)
    months = sorted((out / prefix(lang) / "kalender" / "monat").iterdir())
    marked = {}
    for month in months:
        cells = soup(month / "index.html").select('table.month td[aria-current="date"]')
        if cells:
            marked[month.name] = cells
    assert list(marked) == [f"{today:%Y-%m}"], list(marked)
    [cell] = marked[f"{today:%Y-%m}"]
    assert cell.select_one(".month__day").get_text() == str(today.day)
    assert cell.select_one(".month__today-label").get_text() == tr(lang, "Heute")


# --- Add to calendar ------------------------------------------------------------------------------------


def _next_session(out: Path, lang: str, slug: str, today: dt.date):
    """The first session of the feed that is not cancelled and not over, as (start, end), or None."""
    calendar = feed(out, lang, slug)
    found = []
    for event in recurring_ical_events.of(calendar).between(dt.date(1970, 1, 1), dt.date(2100, 1, 1)):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        last = (end - dt.timedelta(days=1)) if not isinstance(end, dt.datetime) else _local(end - dt.timedelta(microseconds=1)).date()
        if last >= today:
            found.append((start, end))
    return min(found, key=lambda s: s[0] if isinstance(s[0], dt.datetime) else dt.datetime.combine(s[0], dt.time(), BERLIN),
               default=None)  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_google_and_outlook_get_the_next_session_only_and_the_page_says_so(lang):
    out = output_dir()
    today = build_today(out)
    checked = 0
    for slug in entry_slugs(out):
        if slug in cancelled_slugs(out):
            continue
        doc = soup(out / prefix(lang) / "kalender" / slug / "index.html")
        google = doc.select_one('.add-to-calendar a[href^="https://calendar.google.com/"]')
        outlook = doc.select_one('.add-to-calendar a[href^="https://outlook.live.com/"]')
        session = _next_session(out, lang, slug, today)
        if session is None:
            assert google is None and outlook is None, f"{slug}: Links für einen vergangenen Termin"
            continue
        query = parse_qs(urlsplit(google["href"]).query)
        assert "recur" not in query, f"{slug}: Google-Link als Reihe"
        start, end = session
        stamp = (lambda v: v.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")) if isinstance(start, dt.datetime) else (lambda v: f"{v:%Y%m%d}")
        assert query["dates"] == [f"{stamp(start)}/{stamp(end)}"], slug
        outlook_start = parse_qs(urlsplit(outlook["href"]).query)["startdt"][0]
        assert moment(outlook_start) == (start.astimezone(UTC) if isinstance(start, dt.datetime) else start), slug
        series = len(expected_states(out, lang, slug)) > 1
        hint = doc.select_one(".add-to-calendar__hint")
        if series:
            day = _local(start).date() if isinstance(start, dt.datetime) else start
            assert google.get_text() == tr(lang, "Nächsten Termin in Google Kalender eintragen")
            assert outlook.get_text() == tr(lang, "Nächsten Termin in Outlook.com eintragen")
            expected = tr(lang, "Google und Outlook bekommen nur den nächsten Termin (%(date)s), nicht die ganze Reihe: "
                                "Feiertage, Pausen, Ausfälle und Verlegungen kämen dort nicht an. Alle Termine mit allen "
                                "Änderungen stehen in der Kalenderdatei; von selbst aktuell bleiben sie nur mit dem Abonnement.")
            assert words(hint.get_text()) == words(expected % {"date": format_date(day, "long", locale=lang)}), slug
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_cancelled_entry_offers_no_add_links_and_every_title_says_cancelled(lang):
    out = output_dir()
    slugs = cancelled_slugs(out)
    assert slugs, "the real content has a cancelled event (sportnachmittag)"
    word = tr(lang, "Abgesagt")
    for slug in slugs:
        doc = soup(out / prefix(lang) / "kalender" / slug / "index.html")
        hrefs = [a["href"] for a in doc.select(".add-to-calendar a")]
        ics = f"{pelicanconf.SITE_ABSOLUTE_URL}/{prefix(lang)}kalender/feeds/termine/{slug}.ics"
        assert hrefs == [ics], hrefs  # the file that carries the cancellation, nothing to add it with
        assert not doc.select('a[href^="https://calendar.google.com/"], a[href^="https://outlook.live.com/"], a[href^="webcal:"]')
        assert doc.title.get_text().startswith(f"{word}: ")
        assert flag_text(doc.select_one("h1")) == word and doc.select_one("h1 del") is not None
        event = master(feed(out, lang, slug))
        assert str(event["STATUS"]) == "CANCELLED" and str(event["SUMMARY"]).startswith(f"{word}: ")
    # Wherever the entry is listed (upcoming, month, category, archive), its title carries the word.
    for page in calendar_pages(out, lang):
        for link in soup(page).select("main a[href]"):
            if link["href"].rstrip("/").endswith(tuple(f"/kalender/{s}" for s in slugs)) and link.select_one("del"):
                assert flag_text(link) == word, f"{page.relative_to(out)}: {words(link.get_text())!r}"


# --- Holidays, venues, news categories in the page's language ---------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_holiday_names_are_in_the_page_language(lang):
    out = output_dir()
    names = saxon_holidays(tuple(range(2025, 2029)), "de")
    found = 0
    for page in calendar_pages(out, lang):
        for item in soup(page).select("li.session--skipped, .facts dd li"):
            time = item.select_one("time")
            reason = item.select_one("bdi")
            if time is None or reason is None:
                continue
            day = moment(time["datetime"])
            day = _local(day).date() if isinstance(day, dt.datetime) else day
            german = names.get(day)
            if german is None or reason.get_text() not in (german, tr(lang, german)):
                continue  # not a holiday, or skipped for another reason (a break on that day)
            found += 1
            assert reason.get_text() == tr(lang, german) and reason.get("lang") is None, (
                f"{page.relative_to(out)}: {reason} für {german}")
    assert found >= 3, found  # New Year, Ascension Day … fall on course days of the real content


@pytest.mark.parametrize("lang", LANGUAGES)
def test_venue_names_are_in_the_page_language_or_marked_german(lang):
    out = output_dir()
    checked = 0
    for page in calendar_pages(out, lang):
        for place in soup(page).select("span.p-location, .venue strong span"):
            venue = next((v for v in venues().values() if place.get_text() in (v.name, v.shown("name", lang)[0])), None)
            assert venue is not None, f"{page.relative_to(out)}: unbekannter Ort {place.get_text()!r}"
            name, name_lang = venue.shown("name", lang)
            assert place.get_text() == name and place.get("lang") == (None if name_lang == lang else name_lang), place
            checked += 1
    assert checked > 10
    # The feeds of the language name the place the same way.
    for slug in entry_slugs(out):
        location = str(master(feed(out, lang, slug)).get("LOCATION", ""))
        assert location in {v.location_in(lang) for v in venues().values()} | {""}, (slug, location)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_categories_are_translated(lang):
    out = output_dir()
    written = set()
    for source in (ROOT / "content/news").glob(f"*.{lang}.md"):
        match = re.search(r"^Category:\s*(.+)$", source.read_text(encoding="utf-8"), re.M)
        written.add(match[1].strip())
    shown = {}
    for page in (out / prefix(lang) / "aktuelles").glob("*/index.html"):
        label = soup(page).select_one(".page-header__meta .news-category")
        shown[label.get_text()] = label.get("lang")
    assert written and set(shown) == {tr(lang, c) for c in written}, (shown, written)
    assert set(shown.values()) == {None}  # none falls back to German


# --- Notes, lists, headings -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != DEFAULT])
def test_the_only_in_german_note_comes_before_the_german_text(lang):
    out = output_dir()
    note = tr(lang, "Dieser Inhalt ist nur auf Deutsch verfügbar.")
    found = 0
    for page in sorted((out / lang).rglob("*.html")):
        for notice in soup(page).find_all("p", class_="notice"):
            if notice.get_text() != note:
                continue
            found += 1
            after, before = notice.find_next_sibling(), notice.find_previous_sibling()
            german = after is not None and (after.get("lang") == DEFAULT or after.select_one(f'[lang="{DEFAULT}"]'))
            assert german, f"{page.relative_to(out)}: nach dem Hinweis kommt kein deutscher Text"
            assert before is None or before.get("lang") != DEFAULT, f"{page.relative_to(out)}: Hinweis nach dem Text"
    untranslated_news = [p for p in (ROOT / "content/news").glob(f"*.{DEFAULT}.md")
                         if not p.with_name(p.name.replace(f".{DEFAULT}.md", f".{lang}.md")).exists()]
    assert found >= len(untranslated_news)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_days_are_a_list_with_headings_and_each_item_starts_with_its_heading(lang):
    out = output_dir()
    checked = 0
    for page in calendar_pages(out, lang):
        doc = soup(page)
        assert not doc.select("main section[aria-labelledby^=day-], main section.day"), page.relative_to(out)
        for day in doc.select("ol.day-list > li.day"):
            assert re.fullmatch(r"h[2-4]", day.find(recursive=False).name), page.relative_to(out)
        for item in doc.select("ul.event-list > li.event"):
            children = item.find_all(recursive=False)
            assert re.fullmatch(r"h[2-5]", children[0].name) and "event__when" in children[1]["class"], item
            checked += 1
    assert checked > 20


# --- Wrapping and lists -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_times_and_ranges_cannot_break(lang):
    out = output_dir()
    for page in calendar_pages(out, lang):
        html = page.read_text(encoding="utf-8")
        # A date range: "3. Okt. –&nbsp;5. Okt.", never a plain space after the dash.
        assert not re.search(r"</time> ?– <time", html), page.relative_to(out)
        doc = soup(page)
        for time in doc.select("time[datetime*=T], td time, th time, .timetable-list time"):
            text = time.get_text()
            if re.fullmatch(r"[\d٠-٩۰-۹:]+\D{0,4}", text.replace("\u00a0", "").replace("\u202f", "")):
                assert " " not in text, f"{page.relative_to(out)}: {text!r} kann umbrechen"
        # A time range: the dash joined to both times (WORD JOINER, U+2060), so no break at it.
        for end in doc.select("time.dt-end, th time + time, .timetable-list time + time"):
            if "T" in end["datetime"] or ":" in end["datetime"][:5]:
                assert end.previous_sibling == "\u2060–\u2060", f"{page.relative_to(out)}: {end.parent}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_phone_course_list_joins_weekdays_the_language_way(lang):
    out = output_dir()
    doc = soup(out / prefix(lang) / "kalender" / "kurse" / "index.html")
    items = doc.select(".timetable-list li")
    assert items
    def times(element):
        return words("–".join(t.get_text() for t in element.select("time")))

    # The weekdays of each course and time, as the desktop table has them (its column headings).
    table = doc.select_one("table.timetable")
    columns = [th.get_text() for th in table.select("thead th[scope=col]")]
    expected = {}
    for row in table.select("tbody tr"):
        for column, cell in zip(columns, row.select("td")):
            for link in cell.select("a"):
                expected.setdefault((link["href"], times(row.th)), []).append(column)
    assert sorted((li.a["href"], times(li)) for li in items) == sorted(expected)
    for item in items:
        days = expected[(item.a["href"], times(item))]
        assert len(days) >= 2 and item.strong.get_text() == format_list(days, locale=lang), item
        if lang in ("ar", "fa"):
            assert "," not in item.get_text(), item.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_subscribe_links_name_their_feed_and_english_menu_labels_are_tagged(lang):
    out = output_dir()
    doc = soup(out / prefix(lang) / "kalender" / "abonnieren" / "index.html")
    texts = []
    for feed_item in doc.select("li.feed"):
        name = feed_item.select_one(".feed__title").get_text()
        links = [words(a.get_text()) for a in feed_item.select(".feed__links a")]
        assert links == [words(tr(lang, "Abonnieren: %(feed)s") % {"feed": name}),
                         words(tr(lang, "https-Adresse: %(feed)s") % {"feed": name})], links
        texts += links
    assert len(texts) >= 10 and len(set(texts)) == len(texts)  # no two links sound alike
    english = doc.select(".howto bdi")
    if lang in (DEFAULT, "en"):
        assert english == []
    else:
        assert len(english) == 8
        for label in english:
            assert (label.get("lang"), label.get("dir"), label.get("class")) == ("en", "ltr", ["nowrap"]), label
        arrow = "←" if pelicanconf.LANGUAGES[lang][1] == "rtl" else "→"
        assert doc.select_one(".howto").get_text().count(arrow) == 4


# --- A session moved in time and place at once, on a copy of the real content ------------------------

NOW = 1796256000  # 2026-12-03 00:00 UTC, as the web editor tests
BOTH = "Verlegt: 2026-12-09 auf 16:00 bis 17:30, Ort: saal - Der Kursraum wird renoviert."
LATER = "Verlegt: 2026-12-14 auf 18:00 - Die Kursleitung kommt später."


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """The real content plus two moves of the beginners' course (time and place; time only), built."""
    import os  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    from pelican.plugins.community_core.testing import commit_all, git_init  # noqa: PLC0415

    root = git_init(tmp_path_factory.mktemp("moved") / "site")
    shutil.copytree(ROOT / "content", root / "content")
    course = root / "content/kalender/deutschkurs-einstieg.de.md"
    text = course.read_text(encoding="utf-8")
    anchor = next(line for line in text.splitlines() if line.startswith("Verlegt:"))
    course.write_text(text.replace(anchor, f"{anchor}\n{BOTH}\n{LATER}"), encoding="utf-8")
    commit_all(root, "Inhalt", NOW - 86400)
    out = root / "out"
    result = subprocess.run([str(ROOT / ".venv/bin/pelican"), str(root / "content"), "-s", str(ROOT / "pelicanconf.py"),
                             "-o", str(out), "--fatal", "warnings"], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, SOURCE_DATE_EPOCH=str(NOW)))  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_session_moved_in_time_and_place_says_both(moved_site, lang):
    problems, seen = move_detail_problems(moved_site, lang)
    assert not problems, "\n".join(problems)
    assert {tr(lang, "Zeit und Ort geändert"), tr(lang, "Zeit geändert"), tr(lang, "Ort geändert")} <= seen, seen
    problems, _checked = status_problems(moved_site, lang)
    assert not problems, "\n".join(problems[:20])
    page = soup(moved_site / prefix(lang) / "kalender/deutschkurs-einstieg/index.html")
    [both] = [li for li in page.select("li.session--moved") if flag_text(li) == tr(lang, "Zeit und Ort geändert")]
    assert both.select_one(".dt-start")["datetime"] == "2026-12-09T16:00+01:00"
    assert both.select_one(".event__status del time")["datetime"] == "2026-12-09T17:30+01:00"
    # The month table says it too.
    month = soup(moved_site / prefix(lang) / "kalender/monat/2026-12/index.html")
    links = [words(a.get_text()) for a in month.select("table.month .month__event--moved a")]
    assert any(text.startswith(tr(lang, "Zeit und Ort geändert") + ":") for text in links), links
