"""`invoke new`, `cancel` and `move` on a copy of the content: the result builds, passes check,
and shows the change in HTML and iCalendar; everything else in the edited file stays byte-identical."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest

from pelican.plugins.community_core.testing import commit_all, git_init  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
INVOKE = str(ROOT / ".venv" / "bin" / "invoke")
PELICAN = str(ROOT / ".venv" / "bin" / "pelican")
# 2026-08-01 00:00 UTC: every example session lies ahead, so the pages list them.
EPOCH = "1785542400"


def run(*args, check=True):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    result = subprocess.run([INVOKE, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def build(content: Path, out: Path):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    result = subprocess.run([PELICAN, str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(out),
                             "--fatal", "errors"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


FIXTURES = Path(__file__).parent / "fixtures" / "tasks_kalender"


@pytest.fixture
def content(tmp_path):
    """The real pages and news, with the calendar entries replaced by this test's own."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    for entry in (copy / "kalender").glob("*.md"):
        entry.unlink()
    for entry in FIXTURES.glob("*.md"):
        shutil.copy(entry, copy / "kalender" / entry.name)
    git_init(tmp_path)
    commit_all(tmp_path, "Inhalt", int(EPOCH) - 86400)
    return copy


NEW_ENTRIES = {
    "event": (["--date", "2026-10-03 15:00"], "kalender/probe-event.de.md", "kalender/probe-event/index.html"),
    "course": (["--date", "2026-09-02 09:00"], "kalender/probe-course.de.md", "kalender/probe-course/index.html"),
    "garden": (["--date", "2026-09-05 10:00"], "kalender/probe-garden.de.md", "kalender/probe-garden/index.html"),
    # dated before the build date (EPOCH, 2026-08-01): a news item dated later is held back until its day
    "news": (["--date", "2026-07-10 10:00"], "news/2026-07-10-probe-news.de.md", "aktuelles/probe-news/index.html"),
    "partner": (["--category", "vereine", "--website", "https://example.org"], "partner/probe-partner.de.md",
                "partner/index.html"),
}


@pytest.mark.parametrize("kind", sorted(NEW_ENTRIES))
def test_new_entry_with_options_builds_and_passes_check(kind, content, tmp_path):
    options, source, page = NEW_ENTRIES[kind]
    translations = [] if kind == "partner" else ["--translations", "en,ar"]
    result = run("new", "--kind", kind, "--title", f"Probe {kind}", "--slug", f"probe-{kind}",
                 "--summary", "Für Anfänger & Fortgeschrittene.", "--text", "Alle sind willkommen.", "--no-input",
                 "--content", str(content),
                 *options, *translations)
    assert "Angelegt" in result.stdout
    created = content / source
    text = created.read_text(encoding="utf-8")
    assert text.startswith(f"Title: Probe {kind}\nSlug: probe-{kind}\nLang: de\n")
    assert '[//]: # "' in text, "the template explains its fields in comment lines"
    if kind != "partner":
        for lang in ("en", "ar"):
            stub = created.with_name(created.name.replace(".de.md", f".{lang}.md"))
            assert f"Lang: {lang}\n" in stub.read_text(encoding="utf-8") and "Status: draft" in stub.read_text()
    assert run("check", "--content", str(content)).returncode == 0
    out = tmp_path / "out"
    build(content, out)
    html = (out / page).read_text(encoding="utf-8")
    assert f"Probe {kind}" in html
    assert "[//]" not in html and "ANLEITUNG" not in html
    if kind != "news":  # the article page shows the text, not the summary
        assert "Anfänger &amp; Fortgeschrittene." in html


def test_new_refuses_bad_options_and_changes_nothing(content):
    before = sorted(p for p in content.rglob("*"))
    result = run("new", "--kind", "course", "--title", "X", "--date", "2026-13-01 10:00", "--no-input",
                 "--content", str(content), check=False)
    assert result.returncode == 1
    assert "--date „2026-13-01“: den 2026-13-01 gibt es nicht" in result.stdout
    assert "--summary fehlt" in result.stdout, "every missing or wrong option at once"
    assert sorted(p for p in content.rglob("*")) == before


def sessions(ics_path: Path):
    cal = icalendar.Calendar.from_ical(ics_path.read_bytes())
    return [c for c in cal.walk("VEVENT")]


def test_cancel_one_session_shows_it_cancelled_in_html_and_ics(content, tmp_path):
    path = content / "kalender" / "probe-kurs.de.md"
    before = path.read_bytes()
    run("cancel", "probe-kurs", "--date", "2026-11-10", "--reason", "Die Lehrerin ist krank.",
        "--content", str(content))
    after = path.read_bytes()
    added = b"Ausfall: 2026-11-10 - Die Lehrerin ist krank.\n"
    assert after.count(added) == 1
    assert after.replace(added, b"", 1) == before, "everything else stays byte-identical"
    assert run("check", "--content", str(content)).returncode == 0

    out = tmp_path / "out"
    build(content, out)
    html = (out / "kalender" / "probe-kurs" / "index.html").read_text(encoding="utf-8")
    item = re.search(r'<li class="session[^"]*session--cancelled[^"]*">(?:(?!</li>).)*2026-11-10T17:00(?:(?!</li>).)*</li>',
                     html, re.S)
    assert item and "Die Lehrerin ist krank." in item.group(0)
    cancelled = [e for e in sessions(out / "kalender" / "feeds" / "termine" / "probe-kurs.ics")
                 if e.get("RECURRENCE-ID") and e["RECURRENCE-ID"].dt.date().isoformat() == "2026-11-10"]
    assert len(cancelled) == 1 and str(cancelled[0].get("STATUS")) == "CANCELLED"
    master = [e for e in sessions(out / "kalender" / "feeds" / "termine" / "probe-kurs.ics")
              if not e.get("RECURRENCE-ID")]
    assert all(int(e["SEQUENCE"]) >= 1 for e in master), "subscribers must see the change"


def test_move_one_session_shows_new_time_in_html_and_ics(content, tmp_path):
    path = content / "kalender" / "probe-kurs.de.md"
    before = path.read_bytes()
    run("move", "probe-kurs", "--date", "2026-11-12", "--to", "2026-11-13 18:00", "--reason", "Raum belegt",
        "--content", str(content))
    added = b"Verlegt: 2026-11-12 auf 2026-11-13 18:00 - Raum belegt\n"
    after = path.read_bytes()
    assert after.count(added) == 1 and after.replace(added, b"", 1) == before

    out = tmp_path / "out"
    build(content, out)
    html = (out / "kalender" / "probe-kurs" / "index.html").read_text(encoding="utf-8")
    assert 'datetime="2026-11-13T18:00+01:00"' in html and "Raum belegt" in html
    moved = [e for e in sessions(out / "kalender" / "feeds" / "termine" / "probe-kurs.ics")
             if e.get("RECURRENCE-ID") and e["RECURRENCE-ID"].dt.date().isoformat() == "2026-11-12"]
    assert len(moved) == 1
    assert moved[0]["DTSTART"].dt.isoformat().startswith("2026-11-13T18:00")


def test_cancel_whole_entry_and_refusals_leave_file_unchanged(content, tmp_path):
    fest = content / "kalender" / "probe-fest.de.md"
    before = fest.read_bytes()
    run("cancel", "probe-fest", "--reason", "Das Fest fällt wegen Unwetter aus.", "--content", str(content))
    added = "Abgesagt: Das Fest fällt wegen Unwetter aus.\n".encode()
    assert fest.read_bytes().replace(added, b"", 1) == before
    out = tmp_path / "out"
    build(content, out)
    assert all(str(e.get("STATUS")) == "CANCELLED" for e in sessions(out / "kalender" / "feeds" / "termine" / "probe-fest.ics"))

    course = content / "kalender" / "probe-kurs.de.md"
    snapshot = course.read_bytes()
    for args in (["cancel", "probe-kurs", "--date", "2026-11-11", "--reason", "x"],   # a Wednesday: no session
                 ["cancel", "probe-kurs", "--date", "2026-11-05", "--reason", "x"],   # already cancelled
                 ["move", "probe-kurs", "--date", "2026-11-10", "--to", "morgen"],     # unreadable target
                 ["cancel", "gibt-es-nicht", "--date", "2026-11-10", "--reason", "x"]):
        result = run(*args, "--content", str(content), check=False)
        assert result.returncode == 1 and "Nicht geändert" in result.stdout, args
        assert course.read_bytes() == snapshot, args


def test_translations_status_lists_missing_languages_and_catalogs(content):
    (content / "pages" / "kontakt.ar.md").unlink()
    result = run("translations-status", "--content", str(content))
    row = next(line for line in result.stdout.splitlines() if line.startswith("pages/kontakt "))
    assert row.split()[1:] == ["ja", "ja", "–", "ja", "ja", "ja"]
    assert "Übersetzungskataloge" in result.stdout and re.search(r"^\s+ar: ", result.stdout, re.M)


def test_translations_status_lists_translations_whose_original_changed_later(content):
    original = content / "pages" / "kontakt.de.md"
    text = original.read_text(encoding="utf-8")
    original.write_text(text + "\nNeuer Absatz.\n", encoding="utf-8")
    commit_all(content.parent, "Kontakt: neuer Absatz", int(EPOCH) - 43200)
    result = run("translations-status", "--content", str(content))
    rows = [line.split() for line in result.stdout.splitlines() if "pages/kontakt." in line]
    assert [row[0] for row in rows] == [f"pages/kontakt.{lang}.md" for lang in ("ar", "en", "fa", "ru", "uk")]
    assert all(" ".join(row[1:]) == "Original geändert am 31.07.2026 (1 Änderung seit der Übersetzung vom "
               "31.07.2026)" for row in rows), rows
    assert "Übersetzung-aktuell: ja" in result.stdout


def test_translations_of_a_changed_partner_and_page_show_the_note_on_the_built_site(content, tmp_path):
    for rel, old, new in (("partner/auslaenderbehoerde.de.md", "Das Kompetenz-Zentrum ersetzt sie nicht.",
                           "Das Kompetenz-Zentrum ersetzt sie nicht und entscheidet nichts."),
                          ("pages/kontakt.de.md", "\n\n", "\n\nNeu: ein Satz.\n\n")):
        path = content / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    commit_all(content.parent, "Partner und Kontakt: Text", int(EPOCH) - 43200)
    build(content, tmp_path / "out")
    from bs4 import BeautifulSoup  # noqa: PLC0415

    partners = BeautifulSoup((tmp_path / "out/en/partner/index.html").read_text(encoding="utf-8"), "lxml")
    card = partners.select_one("#partner-auslaenderbehoerde")
    assert card.select_one(".notice--outdated a")["href"] == "/partner/#partner-auslaenderbehoerde"
    assert len(partners.select(".notice--outdated")) == 1, "only the changed partner"
    page = BeautifulSoup((tmp_path / "out/ar/kontakt/index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select_one("main .notice--outdated a")["href"] == "/kontakt/"
    german = BeautifulSoup((tmp_path / "out/kontakt/index.html").read_text(encoding="utf-8"), "lxml")
    assert german.select(".notice--outdated") == []


class PtySession:
    """A command in a real pseudo-terminal: wait for a question, type an answer."""

    def __init__(self, argv, env):
        import pty  # noqa: PLC0415

        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the command
            os.chdir(ROOT)
            os.execve(argv[0], argv, env)
        self.seen = ""

    def _read(self, timeout=120):
        import select  # noqa: PLC0415

        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            raise AssertionError(f"no output from the command; so far:\n{self.seen}")
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # the command ended
            data = b""
        self.seen += data.decode("utf-8", "replace")
        return data

    def expect(self, text):
        start = len(self.seen)
        while text not in self.seen[start:]:
            if not self._read():
                raise AssertionError(f"{text!r} never came; output:\n{self.seen}")

    def answer(self, question, text):
        self.expect(question)
        os.write(self.fd, text.encode() + b"\r")

    def finish(self):
        while self._read():
            pass
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def test_invoke_new_asks_in_a_real_terminal_and_repeats_only_the_wrong_answer(content):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, TERM="dumb")
    session = PtySession([INVOKE, "new", "--content", str(content)], env)
    session.answer("Was möchten Sie anlegen?", "Veranstaltung")
    session.answer("Titel", "Nähcafé im Zentrum")
    session.answer("Datum des ersten Termins", "31.02.2027")
    session.answer("Bitte noch einmal: den 31.02.2027 gibt es nicht", "13.02.2027")
    session.answer("Uhrzeit (Beginn)", "17 Uhr")
    session.answer("Ende (Uhrzeit)", "19 Uhr")
    session.answer("Ort (", "")
    session.answer("Ein, zwei Sätze", "Gemeinsam nähen und reden.")
    session.answer("Text (ein Absatz", "Bringen Sie Stoff mit, Maschinen sind da.")
    session.answer("Übersetzungs-Entwürfe", "en")
    assert session.finish() == 0, session.seen
    assert session.seen.count("Bitte noch einmal") == 1 and session.seen.count("Titel") == 1, session.seen
    text = (content / "kalender" / "naehcafe-im-zentrum.de.md").read_text(encoding="utf-8")
    assert text.startswith("Title: Nähcafé im Zentrum\nSlug: naehcafe-im-zentrum\nLang: de\n"
                           "Summary: Gemeinsam nähen und reden.\nArt: veranstaltung\nBeginn: 2027-02-13 17:00\n"
                           "Ende: 19:00\nOrt: zentrum\n"), text
    assert "\nBringen Sie Stoff mit, Maschinen sind da.\n" in text
    assert "Status: draft" in (content / "kalender" / "naehcafe-im-zentrum.en.md").read_text(encoding="utf-8")
    assert run("check", "--content", str(content)).returncode == 0
