"""Calendar files with one typical mistake each (fixtures/mistakes/): each gives its plain German
message with file, line, field and fix; none gives a traceback or hides another mistake."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures" / "mistakes"
K = "content/kalender/"

# fixture files -> every problem make check reports for them (nothing else).
CASES = {
    "typo": (["tippfehler.de.md"], [
        f"{K}tippfehler.de.md:5: Begin: das Feld „Begin“ gibt es nicht — den Namen korrigieren (meinten Sie „Beginn“?)",
    ]),
    "missing_art_and_another_mistake": (["ohne-art.de.md"], [
        f"{K}ohne-art.de.md:1: Art: das Feld fehlt — „Art: veranstaltung“, „Art: kurs“ oder „Art: garten“ ergänzen",
        f"{K}ohne-art.de.md:6: Ort: der Ort „rathaus“ steht nicht in der Ortsliste — einen Schlüssel aus "
        "content/kalender/orte.toml verwenden (saal, zentrum) oder den Ort dort eintragen",
    ]),
    "translation_without_lang": (["uebersetzt.de.md", "uebersetzt.en.md"], [
        f"{K}uebersetzt.en.md:1: Lang: das Feld fehlt — „Lang: en“ ergänzen (die Sprache steht im Dateinamen: ….en.md)",
    ]),
    "empty_file": (["leer.de.md"], [
        f"{K}leer.de.md: Datei: die Datei ist leer — den Inhalt einer Vorlage hineinkopieren und ausfüllen "
        "(plugins/pelican/plugins/authoring/templates/, siehe docs/web-editor.md) oder die Datei löschen",
    ]),
    "latin1_file": (["latin1.de.md"], [
        f"{K}latin1.de.md:1: Datei: die Datei ist nicht in UTF-8 gespeichert (Zeile 1: „Title: Grüße aus Plauen“) — "
        "die Datei mit der Kodierung UTF-8 speichern (im Editor „Speichern unter …“ → UTF-8; oder den Text im "
        "Web-Editor der Forge neu einfügen, der speichert immer UTF-8)",
    ]),
    "binary_junk": (["bild.de.md"], [
        f"{K}bild.de.md:3: Datei: die Datei ist keine Textdatei (sie enthält Steuerzeichen, z. B. ein Bild oder eine "
        "Word-Datei unter dem Namen .md) — die Datei löschen und den Termin als Text neu anlegen (Vorlage: "
        "plugins/pelican/plugins/authoring/templates/)",
    ]),
    "huge_duration": (["lange-dauer.de.md"], [
        f"{K}lange-dauer.de.md:6: Dauer: „99999 Stunden“ ergibt einen einzelnen Termin von 4166 Tagen; höchstens "
        "366 Tage sind möglich — die Länge eines einzelnen Termins angeben (z. B. „Dauer: 2 Stunden“); für einen "
        "regelmäßigen Termin „Wiederholung“ verwenden",
    ]),
    "year_one": (["jahr-eins.de.md"], [
        f"{K}jahr-eins.de.md:5: Beginn: im Datum „0001-01-01“ ist das Jahr 1 unmöglich — das Jahr vierstellig und "
        "richtig schreiben (zwischen 1900 und 2200), z. B. 2026-09-01",
    ]),
    "unknown_status": (["entwurf.de.md"], [
        f"{K}entwurf.de.md:4: Status: „entwurf“ ist kein erlaubter Status — erlaubt sind: „draft“ (Entwurf, wird "
        "nicht veröffentlicht) und „published“ (veröffentlicht, wie ohne diese Zeile)",
    ]),
    "blank_line_between_fields": (["leerzeile.de.md"], [
        f"{K}leerzeile.de.md:{line}: {field}: das Feld steht nach der Leerzeile und wird als Text gelesen — die "
        "Leerzeile davor entfernen: alle Felder stehen ohne Leerzeile am Anfang"
        for line, field in ((6, "Beginn"), (7, "Ende"), (8, "Ort"))
    ]),
    "broken_start_hides_nothing": (["kaputter-beginn.de.md"], [
        f"{K}kaputter-beginn.de.md:5: Beginn: das Datum „2026-13-01“ gibt es nicht — Tag und Monat prüfen (z. B. hat "
        "der Februar höchstens 29 Tage)",
        f"{K}kaputter-beginn.de.md:8: Ausfall: das Datum „2026-11-31“ gibt es nicht — Tag und Monat prüfen (z. B. hat "
        "der Februar höchstens 29 Tage)",
        f"{K}kaputter-beginn.de.md:9: Ort: der Ort „mond“ steht nicht in der Ortsliste — einen Schlüssel aus "
        "content/kalender/orte.toml verwenden (saal, zentrum) oder den Ort dort eintragen",
    ]),
}


def put(site, names):
    for name in names:
        shutil.copy(FIXTURES / name, site.content / "kalender" / name)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_gets_its_message(site, case):
    names, expected = CASES[case]
    put(site, names)
    assert site.problems() == expected


def test_the_unknown_status_is_neither_published_nor_dropped(site):
    put(site, ["entwurf.de.md"])
    with pytest.raises(Exception, match="„entwurf“ ist kein erlaubter Status"):
        site.build()
    assert not (site.root / "out" / "kalender" / "feeds").exists()


def test_make_check_lists_every_mistake_at_once_and_fails_without_a_traceback(site):
    for names, _expected in CASES.values():
        put(site, names)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    result = subprocess.run([sys.executable, "-m", "pelican.plugins.content_check", "--settings", str(REPO / "pelicanconf.py"),
                             "--content", str(site.content)], cwd=site.root, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    lines = result.stdout.splitlines()
    for _names, expected in CASES.values():
        for line in expected:
            assert line in lines, line
