"""Header scanning (line numbers) and HTML to plain text."""

from pelican.plugins.kalender.header import scan_header
from pelican.plugins.kalender.plaintext import html_to_text


def test_line_numbers_and_repeated_fields():
    header = scan_header("Title: A\nAusfall: 2026-01-01 - x\nAusfall: 2026-01-08 - y\n\nText\n")
    assert header.line_of("ausfall", "2026-01-08 - y") == 3
    assert header.line_of("title") == 1
    assert header.bad_lines == []


def test_bad_and_stray_lines():
    header = scan_header("Title: A\nZusätzlich: 1\nOrt: x\n")
    assert header.bad_lines == [(2, "Zusätzlich: 1")]
    header = scan_header("Title: A\n\nOrt: zentrum\n\nText")
    assert header.stray_fields == [(3, "Ort: zentrum")]


def test_plain_text_without_markup():
    text = html_to_text('<p>Deutsch <strong>üben</strong> &amp; <a href="https://x.org">mehr</a></p><ul><li>eins</li><li>zwei</li></ul>')
    assert text == "Deutsch üben & mehr (https://x.org)\n\n- eins\n- zwei"
