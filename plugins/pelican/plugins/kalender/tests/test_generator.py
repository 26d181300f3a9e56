"""Real Pelican builds of fixture content: feeds, stability, cache, SEQUENCE, failures."""

import pytest
from icalendar import Calendar

from pelican.settings import read_settings

from pelican.plugins.kalender.check import check_content
from pelican.plugins.kalender.problems import CalendarContentError
from pelican.plugins.community_core.testing import git, write_content

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
    site.commit()


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


def sequence_and_stamp(output, slug="deutschkurs"):
    [event] = vevents((output / f"kalender/feeds/termine/{slug}.ics").read_bytes())
    return int(event["SEQUENCE"]), event["DTSTAMP"].dt.timestamp(), str(event["UID"])


def test_sequence_and_dtstamp_come_from_the_git_history(site, monkeypatch):
    prepared(site)  # committed at T1 = 2026-01-02
    t1 = 1767225600 + 86400
    output, _ = site.build("out1")
    assert sequence_and_stamp(output) == (0, t1, "deutschkurs@test.invalid")

    # An uncommitted time change (the preview): one more change, stamped "now" (SOURCE_DATE_EPOCH).
    site.entry("deutschkurs.de.md", COURSE.replace("Ende: 19:00", "Ende: 19:30"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1770000000")
    output, _ = site.build("out2")
    assert sequence_and_stamp(output) == (1, 1770000000, "deutschkurs@test.invalid")

    # Committed: the commit's time; the same commit builds the same bytes on any day.
    t2 = 1767225600 + 5 * 86400
    site.commit("Deutschkurs endet 19:30", when=t2)
    first, _ = site.build("out3")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    second, _ = site.build("out4")
    assert sequence_and_stamp(first) == (1, t2, "deutschkurs@test.invalid")
    assert feeds(first) == feeds(second)

    # Text only (title, summary, a reason): SEQUENCE and DTSTAMP stay.
    site.entry("deutschkurs.de.md", COURSE.replace("Ende: 19:00", "Ende: 19:30").replace("Deutsch **üben**", "Deutsch lernen"))
    site.commit("Nur Text", when=t2 + 86400)
    output, _ = site.build("out5")
    assert sequence_and_stamp(output) == (1, t2, "deutschkurs@test.invalid")

    # The venue's address is part of the place: a change there counts for the entries at that venue.
    venues = site.content / "kalender/orte.toml"
    venues.write_text(venues.read_text(encoding="utf-8").replace("Teststraße 1", "Teststraße 3"), encoding="utf-8")
    site.commit("Zentrum umgezogen", when=t2 + 2 * 86400)
    output, _ = site.build("out6")
    assert sequence_and_stamp(output) == (2, t2 + 2 * 86400, "deutschkurs@test.invalid")
    assert sequence_and_stamp(output, "sommerfest")[0] == 0, "the festival is in the other venue"


def test_renaming_a_committed_file_keeps_uid_and_sequence(site):
    prepared(site)
    site.entry("deutschkurs.de.md", COURSE.replace("Ende: 19:00", "Ende: 19:30"))
    site.commit("19:30")
    before, _ = site.build("out1")
    git(site.root, "mv", "content/kalender/deutschkurs.de.md", "content/kalender/kurs-abend.de.md")
    site.commit("umbenannt")
    after, _ = site.build("out2")
    assert sequence_and_stamp(after) == sequence_and_stamp(before) and sequence_and_stamp(before)[0] == 1
    assert feeds(after) == feeds(before)


def test_two_branches_changing_neighbouring_entries_merge_and_count_once_each(site):
    prepared(site)
    git(site.root, "checkout", "-q", "-b", "kurs")
    site.entry("deutschkurs.de.md", COURSE.replace("Ende: 19:00", "Ende: 19:30"))
    site.commit("Kurs länger")
    git(site.root, "checkout", "-q", "main")
    git(site.root, "checkout", "-q", "-b", "fest")
    site.entry("sommerfest.de.md", EVENT.replace("2026-07-04", "2026-07-11"))
    site.commit("Fest verschoben")
    git(site.root, "checkout", "-q", "main")
    git(site.root, "merge", "-q", "--no-ff", "-m", "kurs", "kurs", when=1767225600 + 30 * 86400)
    git(site.root, "merge", "-q", "--no-ff", "-m", "fest", "fest", when=1767225600 + 31 * 86400)
    output, _ = site.build()
    assert sequence_and_stamp(output)[:2] == (1, 1767225600 + 30 * 86400)
    assert sequence_and_stamp(output, "sommerfest")[:2] == (1, 1767225600 + 31 * 86400)


def test_a_shallow_clone_is_a_clear_error(site, tmp_path):
    prepared(site)
    site.commit("zweite")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{site.root}", str(clone))
    problems = [str(p) for p in check_content(str(clone / "content"), site.settings(PATH=str(clone / "content")))]
    assert problems == ["content/kalender: Git: das Repository ist ein flacher Klon (shallow clone) ohne die ganze "
                        "Geschichte; daraus lassen sich SEQUENCE und DTSTAMP nicht bestimmen — „git fetch --unshallow“ "
                        "ausführen (in CI: actions/checkout mit „fetch-depth: 0“)"]


def test_content_outside_a_repository_is_a_clear_error(tmp_path):
    content = tmp_path / "content"
    write_content(content, "kalender/fest.de.md", EVENT.replace("Ort: saal\nKategorie: garten\n", ""))
    settings = read_settings(None, override={"PATH": str(content), "CALENDAR_UID_DOMAIN": "test.invalid",
                                             "LANGUAGES": {"de": ("Deutsch", "ltr")}, "DEFAULT_LANG": "de",
                                             "TIMEZONE": "Europe/Berlin"})
    [problem] = check_content(str(content), settings)
    assert (problem.path, problem.field) == ("content/kalender", "Git")
    assert "in keinem Git-Repository" in problem.message and "git clone" in problem.fix


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
