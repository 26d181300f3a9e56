from pelican.plugins.authoring.sessions import insert_field
from pelican.plugins.authoring.new_entry import slugify

HEADER = (b"Title: Kurs\r\nSlug: kurs\r\nBeginn: 2026-09-01 17:00\r\nEnde: 19:00\r\n"
          b"Wiederholung: w\xc3\xb6chentlich Di bis 2026-12-17\r\nOrt: zentrum\r\n\r\n"
          b"[//]: # \"Kommentar\"\r\n\r\nText\r\n")


def test_new_line_goes_after_the_schedule_with_the_files_own_line_ending():
    after = insert_field(HEADER, "Ausfall", "2026-11-10 - krank")
    assert after == HEADER.replace(b"Di bis 2026-12-17\r\n", b"Di bis 2026-12-17\r\nAusfall: 2026-11-10 - krank\r\n")


def test_second_cancellation_goes_after_the_first():
    once = insert_field(HEADER, "Ausfall", "2026-11-10 - a")
    twice = insert_field(once, "Ausfall", "2026-11-12 - b")
    assert b"Ausfall: 2026-11-10 - a\r\nAusfall: 2026-11-12 - b\r\nOrt:" in twice


def test_whole_entry_cancellation_goes_after_the_times():
    after = insert_field(b"Title: Fest\nBeginn: 2026-09-26 14:00\nEnde: 18:00\nOrt: garten\n\nText\n", "Abgesagt", "Regen")
    assert after == b"Title: Fest\nBeginn: 2026-09-26 14:00\nEnde: 18:00\nAbgesagt: Regen\nOrt: garten\n\nText\n"


def test_slug_from_a_german_title():
    assert slugify("Näh-Café für Groß & Klein!") == "naeh-cafe-fuer-gross-klein"
