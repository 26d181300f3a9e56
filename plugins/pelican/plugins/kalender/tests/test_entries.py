"""Validation: every mistake from the issue, reported at once with file, line, field, value, fix."""

import pytest

from pelican.plugins.kalender.api import entry_for_lang, occurrences, shown_breaks
from pelican.plugins.kalender.check import check_content, load_calendar

from .conftest import COURSE


def only(problems, needle):
    found = [p for p in problems if needle in p]
    assert found, f"{needle!r} not in {problems}"
    return found[0]


def test_valid_course_has_no_problems(site):
    site.entry("deutschkurs.de.md", COURSE)
    site.commit()
    assert site.problems() == []


def test_impossible_date_names_file_line_field_value_and_fix(site):
    site.entry("x.de.md", COURSE.replace("2026-03-24 17:00", "2026-02-30 17:00"))
    message = only(site.problems(), "2026-02-30")
    assert message.startswith("content/kalender/x.de.md:6: Beginn: das Datum „2026-02-30“ gibt es nicht — ")
    assert "Februar" in message


def test_end_before_start(site):
    site.entry("x.de.md", COURSE.replace("Ende: 19:00", "Ende: 16:00"))
    message = only(site.problems(), "liegt nicht nach dem Beginn")
    assert message.startswith("content/kalender/x.de.md:7: Ende: das Ende „16:00“")


def test_all_day_end_before_start(site):
    site.entry("x.de.md", "Title: T\nSlug: t\nArt: veranstaltung\nBeginn: 2026-09-24\nEnde: 2026-09-20\n")
    assert only(site.problems(), "liegt vor dem Beginn").startswith("content/kalender/x.de.md:5: Ende:")


def test_nonexistent_local_time(site):
    site.entry("x.de.md", "Title: T\nSlug: t\nArt: veranstaltung\nBeginn: 2026-03-29 02:30\nDauer: 1 Stunde\n")
    message = only(site.problems(), "gibt es nicht (Zeitumstellung")
    assert message.startswith("content/kalender/x.de.md:4: Beginn: Beginn 2026-03-29 02:30")


def test_nonexistent_local_time_inside_a_series(site):
    site.entry("x.de.md", "Title: T\nSlug: t\nArt: kurs\nBeginn: 2026-03-22 02:30\nDauer: 1 Stunde\n"
               "Wiederholung: wöchentlich So bis 2026-04-05\n")
    assert "2026-03-29 02:30" in only(site.problems(), "Zeitumstellung")


def test_unknown_venue(site):
    site.entry("x.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrun"))
    message = only(site.problems(), "zentrun")
    assert message.startswith("content/kalender/x.de.md:9: Ort: der Ort „zentrun“ steht nicht in der Ortsliste")
    assert "saal, zentrum" in message


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("RRULE", "FREQ=WEEKLY;BYDAY=XX;COUNT=3", "keine gültige Regel"),
        ("RRULE", "FREQ=SOMETIMES;COUNT=3", "FREQ=SOMETIMES"),
        ("RRULE", "FREQ=WEEKLY;BYDAY=TU", "hat kein Ende"),
        ("Wiederholung", "wöchentlich Dienstag bis irgendwann", "kein Datum"),
        ("Wiederholung", "manchmal Di bis 2026-12-01", "Häufigkeit ist unklar"),
        ("Wiederholung", "wöchentlich Di", "hat kein Ende"),
    ],
)
def test_broken_recurrence_rule(site, field, value, needle):
    site.entry("x.de.md", COURSE.replace("Wiederholung: wöchentlich Di, Do bis 2026-11-05", f"{field}: {value}"))
    message = only(site.problems(), needle)
    assert message.startswith(f"content/kalender/x.de.md:8: {field}:")
    assert "—" in message


def test_start_that_is_not_an_occurrence_of_the_rule(site):
    site.entry("x.de.md", COURSE.replace("2026-03-24 17:00", "2026-03-23 17:00"))
    assert "kein Termin der Regel" in only(site.problems(), "2026-03-23")


def test_excluded_date_that_is_not_an_occurrence(site):
    site.entry("x.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nAusnahme: 2026-04-01 - Ostern"))
    message = only(site.problems(), "2026-04-01")
    assert message.startswith("content/kalender/x.de.md:10: Ausnahme: am 2026-04-01 gibt es keinen Termin")
    assert "2026-03-31" in message and "2026-04-02" in message


def test_cancelled_or_moved_session_that_is_not_an_occurrence(site):
    site.entry("x.de.md", COURSE.replace(
        "Ort: zentrum", "Ort: zentrum\nAusfall: 2026-04-03 - krank\nVerlegt: 2026-04-04 auf 2026-04-05 - Raum"))
    problems = site.problems()
    assert only(problems, "Ausfall:").startswith("content/kalender/x.de.md:10: Ausfall: am 2026-04-03")
    assert only(problems, "Verlegt:").startswith("content/kalender/x.de.md:11: Verlegt: am 2026-04-04")


def test_schedule_fields_in_a_translation_belong_into_the_original(site):
    site.entry("kurs.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nAusfall: 2026-04-02 - krank"))
    site.entry("kurs.en.md", "Title: German\nSlug: deutschkurs\nLang: en\nBeginn: 2026-03-24 18:00\n"
               "Ausfall: 2026-04-02 - The teacher is ill.\nKategorie: sprache\n\nText\n")
    problems = site.problems()
    beginn = only(problems, "kurs.en.md:4: Beginn:")
    assert "steht nur im Original (content/kalender/kurs.de.md)" in beginn and "die Zeile hier löschen" in beginn
    ausfall = only(problems, "kurs.en.md:5: Ausfall:")
    assert "„Grund: 2026-04-02 - The teacher is ill.“" in ausfall, "the fix is the exact line to write instead"
    only(problems, "kurs.en.md:6: Kategorie: steht nur im Original")
    assert len(problems) == 3, problems


def test_adding_a_line_to_the_original_never_touches_a_translation(site):
    site.entry("kurs.de.md", COURSE)
    site.entry("kurs.en.md", "Title: German\nSlug: deutschkurs\nLang: en\nSummary: Practise.\n\nText\n")
    assert site.problems() == []
    site.entry("kurs.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nAusfall: 2026-04-02 - krank\n"
                                            "Verlegt: 2026-04-07 auf 18:00 - Raum belegt"))
    assert site.problems() == []


def test_a_translated_reason_is_shown_and_a_missing_one_falls_back_to_the_original(site):
    site.entry("kurs.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nAusfall: 2026-04-02 - Die Lehrerin ist krank.\n"
                                            "Ferien: 2026-04-13 bis 2026-04-17 - Osterferien"))
    site.entry("kurs.en.md", "Title: German\nSlug: deutschkurs\nLang: en\nGrund: 2026-04-02 - The teacher is ill.\n\nText\n")
    site.entry("kurs.ar.md", "Title: ألمانية\nSlug: deutschkurs\nLang: ar\nGrund: 2026-04-13 - عطلة الفصح\n\nنص\n")
    assert site.problems() == []
    calendar, _ = load_calendar(str(site.content), site.settings())
    [original] = calendar.originals
    english, arabic = (entry_for_lang(original, lang) for lang in ("en", "ar"))
    [cancelled_en] = [o for o in occurrences(english) if o.state == "cancelled"]
    assert (cancelled_en.reason, cancelled_en.reason_lang) == ("The teacher is ill.", "en")
    [cancelled_ar] = [o for o in occurrences(arabic) if o.state == "cancelled"]
    assert (cancelled_ar.reason, cancelled_ar.reason_lang) == ("Die Lehrerin ist krank.", "de")
    assert [(b.reason, b.reason_lang) for b in shown_breaks(arabic)] == [("عطلة الفصح", "ar")]
    assert [(b.reason, b.reason_lang) for b in shown_breaks(english)] == [("Osterferien", "de")]
    assert english.schedule is original.schedule, "one schedule for every language"


def test_a_reason_for_a_date_without_a_line_in_the_original_is_a_warning(site):
    site.entry("kurs.de.md", COURSE)
    site.entry("kurs.en.md", "Title: German\nSlug: deutschkurs\nLang: en\nGrund: 2026-04-02 - ill\n"
               "Grund: morgen - ill\nGrund: 2026-04-09\n\nText\n")
    problems = check_content(str(site.content), site.settings())
    unused = [p for p in problems if p.line == 4]
    assert [p.level for p in unused] == ["warning"] and "wird nicht gezeigt" in unused[0].message
    assert "„morgen“" in only([str(p) for p in problems], "kurs.en.md:5: Grund:")
    assert "fehlt der übersetzte Text" in only([str(p) for p in problems], "kurs.en.md:6: Grund:")


def test_duplicate_slug(site):
    site.entry("kurs.de.md", COURSE)
    site.entry("anderer-kurs.de.md", COURSE.replace("Title: Deutschkurs", "Title: Anderer Kurs"))
    message = only(site.problems(), "gibt es schon")
    assert message.startswith("content/kalender/kurs.de.md:2: Slug: den Slug „deutschkurs“ in Sprache de gibt es schon")
    assert "anderer-kurs.de.md" in message


def test_all_mistakes_of_a_file_are_reported_at_once(site):
    site.entry("x.de.md", COURSE.replace("Ort: zentrum", "Ort: nirgends\nKategorie: kochen\nBegin: 2026-01-01")
               .replace("Art: kurs", "Art: kursus"))
    problems = site.problems()
    for needle in ("nirgends", "kochen", "„Begin“ gibt es nicht", "kursus"):
        only(problems, needle)
    assert "meinten Sie „Beginn“" in only(problems, "Begin“")


def test_field_name_with_umlaut_would_end_the_header(site):
    site.entry("x.de.md", COURSE.replace("Ort: zentrum", "Zusätzlich: 2026-11-07\nOrt: zentrum"))
    assert only(site.problems(), "keine Feldzeile").startswith("content/kalender/x.de.md:9: Kopfzeile:")


def test_field_after_an_empty_line_is_reported(site):
    site.entry("x.de.md", COURSE.replace("Ort: zentrum\n", "\nOrt: zentrum\n"))
    assert only(site.problems(), "nach der Leerzeile").startswith("content/kalender/x.de.md:10: Ort:")


def test_translation_without_german_original(site):
    site.entry("x.en.md", "Title: Only English\nSlug: only-en\nLang: en\n")
    assert "keine Fassung auf de" in only(site.problems(), "only-en")


def test_slug_colliding_with_a_view(site):
    site.entry("x.de.md", COURSE.replace("Slug: deutschkurs", "Slug: archiv"))
    assert "schon eine Kalender-Ansicht" in only(site.problems(), "archiv")


def test_image_needs_alt_text_and_file(site):
    site.entry("x.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nBild: images/fehlt.jpg"))
    problems = site.problems()
    only(problems, "die Bilddatei „images/fehlt.jpg“ gibt es nicht")
    only(problems, "Bildbeschreibung fehlt")


def test_bad_venue_file(site):
    site.write_raw("kalender/orte.toml", '[zentrum]\nname = "Z"\nlat = 95.0\nlon = 12.0\nfarbe = "rot"\n')
    site.entry("x.de.md", COURSE)
    problems = site.problems()
    only(problems, "„95.0“ ist keine gültige Koordinate")
    only(problems, "das Feld „farbe“ ist unbekannt")


def test_venue_translations_are_checked_with_plain_messages(site):
    """Texts of orte.toml per language (name_en, hinweis_ar …): every mistake named, with its fix."""
    site.write_raw("kalender/orte.toml", "\n".join([
        "[zentrum]", 'name = "Zentrum"', 'name_en = "Centre"', 'name_fr = "Centre"', 'hinweis_en = "Ring twice"',
        'barrierefreiheit = "Eingang ebenerdig"', 'barrierefreiheit_ar = ""', 'barrierefreiheit_de = "doppelt"',
        "name_ar = 5", "", "[saal]", 'name = "Saal"', 'hinweis.en = "Second floor"', "",
    ]))
    site.entry("x.de.md", COURSE)
    problems = site.problems()
    assert only(problems, "name_fr").startswith(
        "content/kalender/orte.toml:1: zentrum.name_fr: die Sprache „fr“ gibt es auf der Website nicht — "
        "eine dieser Endungen verwenden: _en, _ar")
    assert "es gibt keinen deutschen Text „hinweis“" in only(problems, "zentrum.hinweis_en")
    assert "die Übersetzung ist leer" in only(problems, "zentrum.barrierefreiheit_ar")
    assert 'der Text auf „de“ steht ohne Endung — so schreiben: barrierefreiheit = "…"' in only(problems, "barrierefreiheit_de")
    assert "„5“ ist kein Text" in only(problems, "zentrum.name_ar")
    assert only(problems, "saal.hinweis").startswith(
        "content/kalender/orte.toml:11: saal.hinweis.en: Übersetzungen werden mit Unterstrich geschrieben, nicht mit "
        'Punkt — so schreiben: hinweis_en = "…"')
    assert not [p for p in problems if "name_en" in p]


def test_a_dotted_translation_beside_the_german_text_gets_the_same_hint(site):
    """``hinweis = …`` and ``hinweis.en = …`` together are not TOML at all: the message says why."""
    site.write_raw("kalender/orte.toml", '[zentrum]\nname = "Zentrum"\nhinweis = "Klingeln"\nhinweis.en = "Ring"\n')
    site.entry("x.de.md", COURSE)
    problems = site.problems()
    assert only(problems, "hinweis.en").startswith(
        "content/kalender/orte.toml:4: hinweis.en: Übersetzungen werden mit Unterstrich geschrieben")
    assert len(problems) == 1, problems  # read on as hinweis_en: the course's place is still known


def test_translated_venue_texts_are_shown_with_their_language(site):
    site.write_raw("kalender/orte.toml", '[zentrum]\nname = "Saal eines Partners"\nname_en = "A partner\'s hall"\n'
                   'hinweis = "Erster Stock"\nadresse = "Weg 1"\n')
    site.entry("x.de.md", COURSE)
    venue = load_calendar(str(site.content), site.settings())[0].venues["zentrum"]
    assert venue.shown("name", "en") == ("A partner's hall", "en")
    assert venue.shown("name", "ar") == ("Saal eines Partners", "de")
    assert venue.shown("hinweis", "en") == ("Erster Stock", "de")
    assert venue.location_in("en") == "A partner's hall, Weg 1" and venue.location == "Saal eines Partners, Weg 1"


def test_a_move_that_changes_nothing_is_refused(site):
    site.entry("x.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nVerlegt: 2026-03-26 auf 17:00 - Raum\n"
                                         "Verlegt: 2026-03-31, Ort: zentrum - Raum"))
    problems = site.problems()
    assert len([p for p in problems if "ändert weder Zeit noch Ort" in p]) == 2, problems
    assert only(problems, "2026-03-26 auf 17:00").startswith("content/kalender/x.de.md:10: Verlegt: „2026-03-26 auf 17:00")


def test_moved_sessions_say_whether_time_place_or_both_changed(site):
    site.entry("x.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\n"
                                         "Verlegt: 2026-03-26, Ort: saal - Raum belegt\n"
                                         "Verlegt: 2026-03-31 auf 18:00 - später\n"
                                         "Verlegt: 2026-04-02 bis 20:00 - länger\n"
                                         "Verlegt: 2026-04-07 auf 2026-04-08 17:00, Ort: saal - beides"))
    entry = load_calendar(str(site.content), site.settings())[0].originals[0]
    changes = {o.original_start.date().isoformat(): o.change for o in occurrences(entry) if o.state == "moved"}
    assert changes == {"2026-03-26": "place", "2026-03-31": "time", "2026-04-02": "time", "2026-04-07": "both"}
    assert {o.change for o in occurrences(entry) if o.state != "moved"} == {""}
