"""Real Pelican builds of fixture content: feeds, stability, cache, SEQUENCE, failures."""

import pytest
from icalendar import Calendar

from kalender.problems import CalendarContentError

from .conftest import COURSE

EVENT = """
Title: Sommerfest
Slug: sommerfest
Lang: de
Art: veranstaltung
Beginn: 2026-07-04
Ort: saal
Kategorie: garten

Mit Musik.
"""


def feeds(output):
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*.ics"))}


def vevents(data):
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def prepared(site):
    site.entry("deutschkurs.de.md", COURSE)
    site.entry("deutschkurs.en.md", "Title: German course\nSlug: deutschkurs\nLang: en\nSummary: Practise German.\n\nWe practise.\n")
    site.entry("sommerfest.de.md", EVENT)
    site.update_state()


def test_build_writes_every_feed_in_every_language(site):
    prepared(site)
    output, generator = site.build()
    names = set(feeds(output))
    for prefix in ("", "en/", "ar/"):
        for name in ("alle", "veranstaltungen", "kurse", "garten", "kategorie-sprache", "kategorie-garten",
                     "termine/deutschkurs", "termine/sommerfest"):
            assert f"{prefix}kalender/feeds/{name}.ics" in names
    assert [e.slug for e in generator.originals] == ["deutschkurs", "sommerfest"]
    assert [(e.slug, e.lang) for e in generator.translations] == [("deutschkurs", "en")]
    assert generator.feed_urls("en")["all"] == "https://example.org/en/kalender/feeds/alle.ics"


def test_uids_are_the_same_in_every_language_and_text_is_translated(site):
    prepared(site)
    output, _ = site.build()
    by_lang = {}
    for prefix in ("", "en/", "ar/"):
        events = vevents((output / f"{prefix}kalender/feeds/alle.ics").read_bytes())
        by_lang[prefix] = {str(e["UID"]): str(e["SUMMARY"]) for e in events}
    assert set(by_lang[""]) == set(by_lang["en/"]) == set(by_lang["ar/"]) == {
        "deutschkurs@test.invalid", "sommerfest@test.invalid"}
    assert by_lang["en/"]["deutschkurs@test.invalid"] == "German course"
    # No Arabic file: German falls back.
    assert by_lang["ar/"]["deutschkurs@test.invalid"] == "Deutschkurs"
    assert by_lang["ar/"]["sommerfest@test.invalid"] == "Sommerfest"


def test_two_builds_are_byte_identical(site):
    prepared(site)
    first, _ = site.build("out1")
    second, _ = site.build("out2")
    assert feeds(first) == feeds(second)
    assert len(feeds(first)) > 10


def test_feeds_do_not_depend_on_the_build_date(site, monkeypatch):
    prepared(site)
    first, _ = site.build("out1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030: every session is in the past
    second, _ = site.build("out2")
    assert feeds(first) == feeds(second)


def test_cached_rebuild_still_has_the_entries(site, monkeypatch):
    prepared(site)
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "generator"}
    first, generator = site.build("out1", **cache)

    def no_reading(*args, **kwargs):
        raise AssertionError("the second build must take the entries from the cache")

    # Proves the entries come from the content cache, not from reading the files again.
    monkeypatch.setattr("pelican.readers.Readers.read_file", no_reading)
    second, cached = site.build("out2", **cache)
    assert [e.slug for e in cached.originals] == ["deutschkurs", "sommerfest"]
    assert len(vevents((second / "kalender/feeds/alle.ics").read_bytes())) == 2
    assert feeds(first) == feeds(second)


def test_cached_rebuild_with_reader_cache(site):
    prepared(site)
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "reader"}
    first, _ = site.build("out1", **cache)
    second, cached = site.build("out2", **cache)
    assert len(cached.entries) == 3
    assert feeds(first) == feeds(second)


def test_time_change_raises_sequence_and_keeps_uid(site, monkeypatch):
    prepared(site)
    output, _ = site.build("out1")
    [before] = vevents((output / "kalender/feeds/termine/deutschkurs.ics").read_bytes())
    site.entry("deutschkurs.de.md", COURSE.replace("Ende: 19:00", "Ende: 19:30"))
    with pytest.raises(CalendarContentError, match="SEQUENCE aber nicht erhöht"):
        site.build("out2")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1770000000")
    site.update_state()
    output, _ = site.build("out3")
    [after] = vevents((output / "kalender/feeds/termine/deutschkurs.ics").read_bytes())
    assert str(after["UID"]) == str(before["UID"]) == "deutschkurs@test.invalid"
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1 == 1
    assert after["DTSTAMP"].dt > before["DTSTAMP"].dt
    # A text-only change does not count as a change for subscribers.
    site.entry("deutschkurs.de.md", COURSE.replace("Ende: 19:00", "Ende: 19:30").replace("Deutsch **üben**", "Deutsch lernen"))
    output, _ = site.build("out4")
    [text_only] = vevents((output / "kalender/feeds/termine/deutschkurs.ics").read_bytes())
    assert int(text_only["SEQUENCE"]) == 1


def test_build_fails_with_all_problems(site):
    site.entry("a.de.md", COURSE.replace("Ort: zentrum", "Ort: mond"))
    site.entry("b.de.md", EVENT.replace("2026-07-04", "2026-13-01"))
    with pytest.raises(CalendarContentError) as raised:
        site.build()
    text = str(raised.value)
    assert "content/kalender/a.de.md:9: Ort: der Ort „mond“" in text
    assert "content/kalender/b.de.md:5: Beginn: das Datum „2026-13-01“ gibt es nicht" in text
    assert "2 Fehler" in text


def test_renaming_the_file_keeps_the_uid(site):
    prepared(site)
    output, _ = site.build("out1")
    (site.content / "kalender/sommerfest.de.md").rename(site.content / "kalender/fest-2026.de.md")
    output2, _ = site.build("out2")
    assert feeds(output) == feeds(output2)
