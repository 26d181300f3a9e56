"""The web editor's eight everyday changes on a copy of the real content: each is an edit of exactly one
file, `make check` passes, and the built site shows the change (in the calendar feed where there is one).

Plus: two branches changing neighbouring entries merge without a conflict and build; SEQUENCE rises
after a committed time change and stays after a text-only change; a blank line, a leftover placeholder
and a draft translation each get their message.
"""

import os
import shutil
import subprocess
from pathlib import Path
from string import Template

import icalendar
import pytest

ROOT = Path(__file__).resolve().parent.parent
from pelican.plugins.community_core.testing import commit_all, git, git_init  # noqa: E402

BIN = ROOT / ".venv" / "bin"
TEMPLATES = ROOT / "plugins" / "pelican" / "plugins" / "authoring" / "templates"
NOW = 1796256000  # 2026-12-03 00:00 UTC: the edited sessions lie ahead
T0 = NOW - 7 * 86400  # the copy's first commit
UID = "@integration-plauen.invalid"


class Repo:
    """A git repository holding a copy of the real content; edit one file, check, build."""

    def __init__(self, root: Path):
        self.root = git_init(root)
        shutil.copytree(ROOT / "content", root / "content")
        commit_all(root, "Inhalt", T0)
        self.content = root / "content"

    def write(self, rel: str, text: str) -> None:
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        path = self.content / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def changed_files(self) -> list[str]:
        return sorted(line[3:] for line in git(self.root, "status", "--porcelain", "-uall").splitlines())

    def check(self) -> subprocess.CompletedProcess:
        """`make check` on this content: `invoke check --content …`."""
        return subprocess.run([str(BIN / "invoke"), "check", "--content", str(self.content)], cwd=ROOT,
                              env=dict(os.environ, SOURCE_DATE_EPOCH=str(NOW)), capture_output=True, text=True)

    def build(self, name: str = "out") -> Path:
        out = self.root / name
        result = subprocess.run([str(BIN / "pelican"), str(self.content), "-s", str(ROOT / "pelicanconf.py"), "-o",
                                 str(out), "--fatal", "warnings"], cwd=ROOT,
                                env=dict(os.environ, SOURCE_DATE_EPOCH=str(NOW)), capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        return out


@pytest.fixture
def repo(tmp_path):
    return Repo(tmp_path / "site")


def events(out: Path, feed: str) -> list:
    return list(icalendar.Calendar.from_ical((out / feed).read_bytes()).walk("VEVENT"))


def override(out: Path, feed: str, day: str):
    [found] = [e for e in events(out, feed) if e.get("RECURRENCE-ID") and e["RECURRENCE-ID"].dt.date().isoformat() == day]
    return found


def master(out: Path, feed: str, uid: str):
    [found] = [e for e in events(out, feed) if str(e["UID"]) == uid + UID and not e.get("RECURRENCE-ID")]
    return found


def from_template(name: str, **values) -> str:
    """What a volunteer pastes: the template with every $value replaced."""
    return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)


def one_edit_passes_check(repo: Repo, expected_file: str) -> Path:
    assert repo.changed_files() == [f"content/{expected_file}"], "exactly one file was edited"
    result = repo.check()
    assert result.returncode == 0, result.stdout + result.stderr
    return repo.build()


COURSE = "kalender/deutschkurs-einstieg.de.md"
COURSE_FEED = "kalender/feeds/termine/deutschkurs-einstieg.ics"


def test_move_a_session(repo):
    repo.replace(COURSE, "Ort: zentrum\n", "Verlegt: 2027-01-13 auf 2027-01-14 17:30 - Der Raum ist belegt.\nOrt: zentrum\n")
    out = one_edit_passes_check(repo, COURSE)
    for prefix in ("", "en/", "ar/"):  # the translations show it without being touched
        moved = override(out, prefix + COURSE_FEED, "2027-01-13")
        assert moved["DTSTART"].dt.isoformat() == "2027-01-14T17:30:00+01:00"
        assert int(moved["SEQUENCE"]) == 1
    assert "Der Raum ist belegt." in str(override(out, "en/" + COURSE_FEED, "2027-01-13")["DESCRIPTION"])


def test_cancel_a_session(repo):
    repo.replace(COURSE, "Ort: zentrum\n", "Ausfall: 2027-01-18 - Die Kursleitung ist krank.\nOrt: zentrum\n")
    out = one_edit_passes_check(repo, COURSE)
    for prefix in ("", "fa/"):
        assert str(override(out, prefix + COURSE_FEED, "2027-01-18")["STATUS"]) == "CANCELLED"
    page = (out / "en" / "kalender" / "deutschkurs-einstieg" / "index.html").read_text(encoding="utf-8")
    assert '<bdi lang="de" dir="ltr">Die Kursleitung ist krank.</bdi>' in page, "the German reason, marked German"


def test_change_the_courses_end_time(repo):
    repo.replace(COURSE, "Ende: 19:00\n", "Ende: 19:30\n")
    out = one_edit_passes_check(repo, COURSE)
    for prefix in ("", "uk/"):
        event = master(out, prefix + COURSE_FEED, "deutschkurs-einstieg")
        assert event["DTEND"].dt.isoformat() == "2026-09-07T19:30:00+02:00" and int(event["SEQUENCE"]) == 1


EVENT = "kalender/naehcafe.de.md"


def new_event() -> str:
    return from_template("event.md", title="Nähcafé", slug="naehcafe", lang="de", summary="Gemeinsam nähen und reden.",
                         start="2027-02-13 17:00", end="19:00", place="zentrum", text="Stoff bitte mitbringen.")


def test_add_a_one_off_event(repo):
    repo.write(EVENT, new_event())
    out = one_edit_passes_check(repo, EVENT)
    event = master(out, "kalender/feeds/alle.ics", "naehcafe")
    assert str(event["SUMMARY"]) == "Nähcafé" and event["DTSTART"].dt.isoformat() == "2027-02-13T17:00:00+01:00"
    assert str(master(out, "en/kalender/feeds/termine/naehcafe.ics", "naehcafe")["SUMMARY"]) == "Nähcafé"


def test_add_its_english_translation(repo):
    repo.write(EVENT, new_event())
    commit_all(repo.root, "Nähcafé", T0 + 86400)
    repo.write("kalender/naehcafe.en.md", from_template(
        "calendar-translation.md", title="Sewing café", slug="naehcafe", lang="en", summary="Sewing and talking.",
        original="naehcafe.de.md", body="Please bring some fabric.").replace("Status: draft\n", ""))
    out = one_edit_passes_check(repo, "kalender/naehcafe.en.md")
    english = master(out, "en/kalender/feeds/termine/naehcafe.ics", "naehcafe")
    assert str(english["SUMMARY"]) == "Sewing café"
    assert int(english["SEQUENCE"]) == 0, "a translation changes no time"
    assert str(master(out, "kalender/feeds/termine/naehcafe.ics", "naehcafe")["SUMMARY"]) == "Nähcafé"


def test_cancel_a_whole_event(repo):
    rel = "kalender/erntefest-2027.de.md"
    repo.replace(rel, "Ende: 18:00\n", "Ende: 18:00\nAbgesagt: Das Fest fällt wegen Unwetter aus.\n")
    out = one_edit_passes_check(repo, rel)
    for prefix in ("", "ru/"):
        event = master(out, prefix + "kalender/feeds/termine/erntefest-2027.ics", "erntefest-2027")
        assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1


def test_add_a_news_post(repo):
    rel = "news/2026-12-01-neuer-kurs.de.md"  # dated before NOW: a later date waits for its day
    repo.write(rel, from_template("news.md", title="Neuer Kurs im Januar", slug="neuer-kurs", lang="de",
                                  date="2026-12-01 10:00", category="Deutschkurse", tags="kurs",
                                  summary="Ab Januar gibt es einen neuen Kurs.", text="Alle sind willkommen."))
    out = one_edit_passes_check(repo, rel)
    assert "Neuer Kurs im Januar" in (out / "feeds" / "aktuelles.atom.xml").read_text(encoding="utf-8")
    assert (out / "aktuelles" / "neuer-kurs" / "index.html").is_file()


def test_add_a_partner(repo):
    rel = "partner/naehstube-plauen.de.md"
    repo.write(rel, from_template("partner.md", title="Nähstube Plauen", slug="naehstube-plauen", lang="de",
                                  category="vereine", website="https://example.org", summary="Ein Verein, der näht.",
                                  text="Wir nähen zusammen im Zentrum.").replace("Beispiel: nein\n", ""))
    out = one_edit_passes_check(repo, rel)  # partners have no feed: the partner page shows the new card
    assert "Nähstube Plauen" in (out / "partner" / "index.html").read_text(encoding="utf-8")


def test_two_branches_changing_neighbouring_entries_merge_without_conflict_and_build(repo):
    root = repo.root
    git(root, "checkout", "-q", "-b", "aufbau")
    repo.replace("kalender/deutschkurs-aufbau.de.md", "Ort: zentrum\n", "Ausfall: 2027-01-14 - Fortbildung.\nOrt: zentrum\n")
    repo.write("kalender/naehcafe.de.md", new_event())
    commit_all(root, "Aufbaukurs fällt aus; Nähcafé", T0 + 86400)
    git(root, "checkout", "-q", "main")
    git(root, "checkout", "-q", "-b", "einstieg")
    repo.replace(COURSE, "Ort: zentrum\n", "Ausfall: 2027-01-18 - Die Kursleitung ist krank.\nOrt: zentrum\n")
    repo.write("kalender/naehkurs.de.md", new_event().replace("naehcafe", "naehkurs").replace("Nähcafé", "Nähkurs"))
    commit_all(root, "Einstiegskurs fällt aus; Nähkurs", T0 + 2 * 86400)
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "aufbau", "aufbau", when=T0 + 3 * 86400)
    git(root, "merge", "-q", "--no-ff", "-m", "einstieg", "einstieg", when=T0 + 4 * 86400)
    assert repo.check().returncode == 0
    out = repo.build()
    assert str(override(out, "kalender/feeds/termine/deutschkurs-aufbau.ics", "2027-01-14")["STATUS"]) == "CANCELLED"
    cancelled = override(out, COURSE_FEED, "2027-01-18")
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
    uids = {str(e["UID"]) for e in events(out, "kalender/feeds/alle.ics")}
    assert {"naehcafe" + UID, "naehkurs" + UID} <= uids


def test_sequence_rises_after_a_committed_time_change_and_stays_after_a_text_change(repo):
    def sequence():
        return int(master(repo.build(), COURSE_FEED, "deutschkurs-einstieg")["SEQUENCE"])

    assert sequence() == 0
    repo.replace(COURSE, "Ende: 19:00\n", "Ende: 19:30\n")
    commit_all(repo.root, "Kurs bis 19:30", T0 + 86400)
    assert sequence() == 1
    repo.replace(COURSE, "Title: Deutschkurs Einstieg\n", "Title: Deutschkurs für den Einstieg\n")
    commit_all(repo.root, "Neuer Titel", T0 + 2 * 86400)
    assert sequence() == 1


def test_a_blank_line_between_the_fields_gets_its_message(repo):
    repo.replace(COURSE, "Ende: 19:00\n", "\nEnde: 19:00\n")
    result = repo.check()
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert ("content/kalender/deutschkurs-einstieg.de.md:8: Ende: das Feld steht nach der Leerzeile und wird als Text "
            "gelesen — die Leerzeile davor entfernen") in result.stdout


def test_a_leftover_placeholder_gets_its_message(repo):
    repo.write(EVENT, new_event().replace("Summary: Gemeinsam nähen und reden.", "Summary: $summary"))
    result = repo.check()
    assert result.returncode == 1
    assert "content/kalender/naehcafe.de.md:4: Summary: der Platzhalter „$summary“ wurde nicht ersetzt" in result.stdout


def test_a_draft_translation_gets_its_message_and_is_never_published(repo):
    rel = "kalender/deutschkurs-einstieg.en.md"
    repo.replace(rel, "Lang: en\n", "Lang: en\nStatus: draft\n")
    result = repo.check()
    assert result.returncode == 0, result.stdout
    assert ("content/kalender/deutschkurs-einstieg.en.md:4: Status: Warnung: Entwurf: diese Übersetzung wird nicht "
            "veröffentlicht") in result.stdout
    out = repo.build()
    assert str(master(out, "en/" + COURSE_FEED, "deutschkurs-einstieg")["SUMMARY"]) == "Deutschkurs Einstieg"
    page = (out / "en" / "kalender" / "deutschkurs-einstieg" / "index.html").read_text(encoding="utf-8")
    assert "German course: beginners" not in page and 'lang="de"' in page
