"""Expansion of schedules: DST, all-day, multi-day, moved/cancelled sessions, holidays, breaks."""

import datetime as dt

from pelican.plugins.kalender.api import entry_for_lang, occurrences
from pelican.plugins.kalender.check import load_calendar

from .conftest import COURSE


def calendar_of(site):
    calendar, problems = load_calendar(str(site.content), site.settings())
    assert [str(p) for p in problems] == []
    return calendar


def one_entry(site, text, name="x.de.md"):
    site.entry(name, text)
    return calendar_of(site).originals[0]


def test_course_stays_at_17_local_across_both_dst_changes(site):
    entry = one_entry(site, COURSE)
    sessions = occurrences(entry)
    # 2026-03-29 clocks go forward, 2026-10-25 back: local time stays, UTC moves.
    assert {o.start.strftime("%H:%M") for o in sessions} == {"17:00"}
    by_day = {o.start.date(): o for o in sessions}
    assert by_day[dt.date(2026, 3, 26)].start.utcoffset() == dt.timedelta(hours=1)
    assert by_day[dt.date(2026, 3, 31)].start.utcoffset() == dt.timedelta(hours=2)
    assert by_day[dt.date(2026, 10, 22)].start.utcoffset() == dt.timedelta(hours=2)
    assert by_day[dt.date(2026, 10, 27)].start.utcoffset() == dt.timedelta(hours=1)
    assert by_day[dt.date(2026, 3, 31)].start.astimezone(dt.timezone.utc).hour == 15
    assert by_day[dt.date(2026, 10, 27)].start.astimezone(dt.timezone.utc).hour == 16
    assert sessions[-1].start.date() == dt.date(2026, 11, 5)


def test_all_day_entry_has_exclusive_end(site):
    entry = one_entry(site, """
        Title: Fest
        Slug: fest
        Art: veranstaltung
        Beginn: 2026-06-13
        """)
    [session] = occurrences(entry)
    assert session.all_day
    assert (session.start, session.end, session.last_day) == (dt.date(2026, 6, 13), dt.date(2026, 6, 14), dt.date(2026, 6, 13))
    assert not session.multi_day


def test_multi_day_all_day_and_timed(site):
    site.entry("tage.de.md", """
        Title: Aktionstage
        Slug: tage
        Art: veranstaltung
        Beginn: 2026-09-24
        Ende: 2026-09-26
        """)
    site.entry("nacht.de.md", """
        Title: Übernachtung
        Slug: nacht
        Art: veranstaltung
        Beginn: 2026-07-10 18:00
        Ende: 2026-07-12 11:00
        """)
    entries = {e.slug: e for e in calendar_of(site).originals}
    [days] = occurrences(entries["tage"])
    assert (days.start, days.end, days.last_day) == (dt.date(2026, 9, 24), dt.date(2026, 9, 27), dt.date(2026, 9, 26))
    assert days.multi_day
    [night] = occurrences(entries["nacht"])
    assert night.end - night.start == dt.timedelta(hours=41)
    assert night.multi_day and night.last_day == dt.date(2026, 7, 12)
    # A window that only touches the last day still finds it.
    assert occurrences(entries["tage"], dt.date(2026, 9, 26), dt.date(2026, 9, 27))


def test_moved_and_cancelled_sessions(site):
    entry = one_entry(site, COURSE.replace(
        "Ort: zentrum",
        "Ort: zentrum\nAusfall: 2026-04-02 - Kursleiterin krank\n"
        "Verlegt: 2026-04-07 auf 2026-04-08 18:00 bis 20:30, Ort: saal - Raum belegt",
    ))
    by_original = {o.original_start.date(): o for o in occurrences(entry)}
    cancelled = by_original[dt.date(2026, 4, 2)]
    assert (cancelled.state, cancelled.reason, cancelled.reason_kind) == ("cancelled", "Kursleiterin krank", "ausfall")
    moved = by_original[dt.date(2026, 4, 7)]
    assert moved.state == "moved" and moved.reason == "Raum belegt"
    assert moved.start == dt.datetime(2026, 4, 8, 18, 0, tzinfo=moved.start.tzinfo)
    assert moved.end - moved.start == dt.timedelta(hours=2, minutes=30)
    assert moved.venue.key == "saal"
    assert by_original[dt.date(2026, 4, 9)].state == "normal"
    assert by_original[dt.date(2026, 4, 9)].venue.key == "zentrum"


def test_cancelled_entry_cancels_every_session(site):
    entry = one_entry(site, COURSE.replace("Ort: zentrum", "Ort: zentrum\nAbgesagt: Der Kurs findet dieses Jahr nicht statt."))
    sessions = occurrences(entry)
    assert sessions and {o.state for o in sessions} == {"cancelled"}
    assert {o.reason for o in sessions} == {"Der Kurs findet dieses Jahr nicht statt."}


def test_holidays_and_breaks_are_skipped_with_reason(site):
    entry = one_entry(site, COURSE.replace(
        "Ort: zentrum",
        "Ort: zentrum\nFeiertage: überspringen\nFerien: 2026-07-04 bis 2026-08-14 - Sommerferien\n"
        "Ausnahme: 2026-06-02 - Betriebsausflug",
    ))
    sessions = {o.original_start.date(): o for o in occurrences(entry)}
    # 2026-05-14 (Thursday) is Ascension Day, a public holiday in Saxony.
    assert (sessions[dt.date(2026, 5, 14)].state, sessions[dt.date(2026, 5, 14)].reason) == ("skipped", "Christi Himmelfahrt")
    assert sessions[dt.date(2026, 5, 14)].reason_kind == "feiertag"
    assert sessions[dt.date(2026, 7, 7)].reason == "Sommerferien"
    assert sessions[dt.date(2026, 6, 2)].reason_kind == "ausnahme"
    assert sessions[dt.date(2026, 5, 12)].state == "normal"
    # Without include_skipped they disappear from listings.
    shown = {o.start.date() for o in occurrences(entry, include_skipped=False)}
    assert dt.date(2026, 5, 14) not in shown and dt.date(2026, 5, 12) in shown


def test_holiday_names_follow_the_entry_language(site):
    site.entry("kurs.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nFeiertage: überspringen"))
    site.entry("kurs.en.md", "Title: German course\nSlug: deutschkurs\nLang: en\n\nText.\n")
    original = calendar_of(site).originals[0]
    english = entry_for_lang(original, "en")
    assert english.lang == "en" and english.title == "German course"
    reasons = {o.reason for o in occurrences(english) if o.reason_kind == "feiertag"}
    assert "Ascension Day" in reasons  # no theme catalog here: the holidays package's English name
    assert entry_for_lang(original, "ar") is original
    # Arabic: neither a catalog nor the holidays package has the name; German, marked as German.
    arabic = {(o.reason, o.reason_lang) for o in occurrences(original, lang="ar") if o.reason_kind == "feiertag"}
    assert ("Christi Himmelfahrt", "de") in arabic


def test_holiday_names_come_from_the_theme_catalog_in_the_page_language(site):
    """With the site's theme every language names the holiday, also on a German page shown in Arabic."""
    from pelican.plugins.community_core.testing import compiled_theme  # noqa: PLC0415

    site.entry("kurs.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nFeiertage: überspringen"))
    settings = site.settings(THEME=str(compiled_theme()))
    calendar, problems = load_calendar(str(site.content), settings)
    assert problems == []
    original = calendar.originals[0]
    ascension = dt.date(2026, 5, 14)
    names = {lang: next((o.reason, o.reason_lang) for o in occurrences(original, lang=lang)
                        if o.original_start.date() == ascension) for lang in ("de", "en", "ar")}  # fmt: skip
    assert names == {"de": ("Christi Himmelfahrt", "de"), "en": ("Ascension Day", "en"), "ar": ("عيد الصعود", "ar")}


def test_extra_date(site):
    entry = one_entry(site, COURSE.replace("Ort: zentrum", "Ort: zentrum\nZusatztermin: 2026-11-07 10:00 - Prüfungsvorbereitung"))
    extra = [o for o in occurrences(entry) if o.reason_kind == "zusatztermin"]
    assert [(o.start.date(), o.start.hour, o.reason) for o in extra] == [(dt.date(2026, 11, 7), 10, "Prüfungsvorbereitung")]
