"""`invoke new` asking in a terminal: German answers, each checked at once, only a wrong one asked again."""

import datetime as dt

import pytest

from pelican.plugins.authoring.answers import AnswerError, parse_clock, parse_day, parse_kind, parse_weekdays
from pelican.plugins.authoring.new_entry import NewEntryError, gather, render

LANGUAGES = ["de", "en", "ar"]
VENUES = ["refugee-garden", "saal", "zentrum"]
TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(("text", "expected"), [
    ("13.02.2027", dt.date(2027, 2, 13)), ("13.2.27", dt.date(2027, 2, 13)), ("2027-02-13", dt.date(2027, 2, 13)),
])
def test_dates_as_germans_write_them(text, expected):
    assert parse_day(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("17 Uhr", dt.time(17)), ("17:30", dt.time(17, 30)), ("9.30 Uhr", dt.time(9, 30)), ("17", dt.time(17)),
])
def test_times_as_germans_write_them(text, expected):
    assert parse_clock(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Dienstag", [1]), ("Di, Do", [1, 3]), ("dienstags und donnerstags", [1, 3]), ("Sa", [5]),
])
def test_weekdays_as_germans_write_them(text, expected):
    assert parse_weekdays(text) == expected


@pytest.mark.parametrize(("parse", "text", "words"), [
    (parse_day, "31.02.2027", "gibt es nicht"), (parse_day, "morgen", "kein Datum"),
    (parse_clock, "25 Uhr", "gibt es nicht"), (parse_weekdays, "Dienstach", "kein Wochentag"),
    (parse_kind, "Fest", "1 bis 5"),
])
def test_a_wrong_answer_says_what_to_type(parse, text, words):
    with pytest.raises(AnswerError, match=words):
        parse(text)


class Terminal:
    """Answers typed one after another; records every question and every line printed."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.questions, self.printed = [], []

    def read(self, prompt):
        self.questions.append(prompt)
        return self.answers.pop(0)

    def write(self, text):
        self.printed.append(text)


def test_a_course_from_german_answers_with_only_the_wrong_answer_asked_again(tmp_path):
    terminal = Terminal([
        "Kurs", "Deutsch am Samstag",
        "31.02.2027",          # no such day: asked again, nothing else
        "13.02.2027", "10 Uhr", "12 Uhr",
        "Dienstag",            # 13.02.2027 is a Saturday: asked again
        "Samstag", "", "", "Deutsch lernen am Wochenende.", "Wir üben sprechen.", "en",
    ])
    entry = gather({}, True, LANGUAGES, VENUES, tmp_path, TODAY, terminal.read, terminal.write)
    expected = ["Was möchten Sie anlegen?", "Titel", "Datum des ersten Termins", "Datum des ersten Termins",
                "Uhrzeit", "Ende", "Wochentage", "Wochentage", "Letzter Termin", "Ort", "Ein, zwei Sätze",
                "Text", "Übersetzungs-Entwürfe"]
    assert len(terminal.questions) == len(expected), terminal.questions
    assert all(q.startswith(e) for q, e in zip(terminal.questions, expected)), terminal.questions
    assert [line for line in terminal.printed if "noch einmal" in line] == [
        "  Bitte noch einmal: den 31.02.2027 gibt es nicht; Tag und Monat prüfen.",
        "  Bitte noch einmal: der erste Termin, 13.02.2027, ist ein Sa; dieser Wochentag muss dabei sein.",
    ]
    text = render(entry)
    for line in ("Beginn: 2027-02-13 10:00", "Ende: 12:00", "Wiederholung: wöchentlich Sa bis 2027-05-08",
                 "Ort: zentrum", "Summary: Deutsch lernen am Wochenende.", "Slug: deutsch-am-samstag"):
        assert f"\n{line}\n" in text, line
    assert "\nStatus: draft\n" not in text and "\nWir üben sprechen.\n" in text
    assert entry.translations == ["en"]


def test_options_are_checked_like_answers_and_all_problems_come_at_once(tmp_path):
    options = {"kind": "course", "title": "X", "date": "13.02.2027 25 Uhr", "weekdays": "Mo", "place": "mond"}
    with pytest.raises(NewEntryError) as raised:
        gather(options, False, LANGUAGES, VENUES, tmp_path, TODAY)
    lines = str(raised.value).splitlines()
    assert "--date „25 Uhr“: die Uhrzeit „25 uhr“ gibt es nicht (Stunden 0–23, Minuten 0–59)" in lines
    assert "--place „mond“: „mond“ gibt es nicht; möglich: refugee-garden, saal, zentrum" in lines
    assert any(line.startswith("--summary fehlt") for line in lines)


def test_an_event_without_text_becomes_a_draft_and_all_day_without_a_time(tmp_path):
    options = {"kind": "event", "title": "Flohmarkt", "date": "2027-05-01", "summary": "Alles für wenig Geld."}
    entry = gather(options, False, LANGUAGES, VENUES, tmp_path, TODAY)
    text = render(entry)
    assert "\nBeginn: 2027-05-01\nEnde: 2027-05-01\n" in text and "\nStatus: draft\n" in text
    assert "[Hier steht, was bei der Veranstaltung passiert und für wen sie ist.]" in text
