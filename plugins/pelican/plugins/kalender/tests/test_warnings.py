"""Warnings that catch typos without blocking: sessions newly in the past or years ahead, a published
entry deleted while it still has sessions. Only the newest change (HEAD commit, working tree) counts."""

from pelican.plugins.kalender.check import check_content

from .conftest import COURSE

EVENT = "Title: Fest\nSlug: fest\nLang: de\nArt: veranstaltung\nBeginn: 2026-07-04 15:00\nEnde: 18:00\nOrt: saal\n\nText\n"


def warnings(site):
    problems = check_content(str(site.content), site.settings())
    assert [p for p in problems if not p.is_warning] == [], problems
    return [str(p) for p in problems if p.is_warning]


def test_a_start_moved_into_the_past_is_a_warning_until_the_next_change(site):
    site.entry("fest.de.md", EVENT)
    site.commit("Fest")
    assert warnings(site) == []
    site.entry("fest.de.md", EVENT.replace("2026-07-04", "2025-07-04"))  # the year mistyped (today: 2026-01-01)
    expected = ["content/kalender/fest.de.md:5: Beginn: Warnung: der Termin am 04.07.2025 liegt in der Vergangenheit — "
                "Datum und Jahr prüfen; ist das Absicht (z. B. ein Termin fürs Archiv), kann die Warnung stehen bleiben"]
    assert warnings(site) == expected
    site.commit("Fest verlegt")
    assert warnings(site) == expected, "the newest commit still shows it (the pull request's check)"
    site.entry("anderes.de.md", EVENT.replace("fest", "anderes"))
    site.commit("Noch ein Fest")
    assert warnings(site) == [], "an older change is not new any more"


def test_a_moved_session_in_the_past_names_its_line(site):
    site.entry("kurs.de.md", COURSE)
    site.commit("Kurs")
    site.entry("kurs.de.md", COURSE.replace("Ort: zentrum", "Ort: zentrum\nVerlegt: 2026-03-26 auf 2025-03-27 17:00 - Raum"))
    [warning] = warnings(site)
    assert warning.startswith("content/kalender/kurs.de.md:10: Verlegt: Warnung: der Termin am 27.03.2025 liegt in der "
                              "Vergangenheit")


def test_a_session_years_ahead_is_a_warning(site):
    site.entry("fest.de.md", EVENT.replace("2026-07-04", "2062-07-04"))
    [warning] = warnings(site)
    assert warning.startswith("content/kalender/fest.de.md:5: Beginn: Warnung: der Termin am 04.07.2062 liegt mehr als "
                              "2 Jahre in der Zukunft — das Jahr prüfen")


def test_deleting_a_published_entry_with_sessions_ahead_advises_cancelling(site):
    site.entry("fest.de.md", EVENT)
    site.entry("alt.de.md", EVENT.replace("fest", "alt").replace("2026-07-04", "2025-07-04"))
    site.commit("Feste")
    (site.content / "kalender" / "fest.de.md").unlink()
    (site.content / "kalender" / "alt.de.md").unlink()
    assert warnings(site) == [
        "content/kalender/fest.de.md: Datei: Warnung: der Termin „fest“ ist gelöscht, war aber veröffentlicht und hat "
        "noch Termine (bis 04.07.2026); wer ihn abonniert hat, erfährt so nicht, dass er ausfällt — die Datei "
        "wiederherstellen und „Abgesagt: <Grund>“ eintragen; wurde nur der Slug geändert, im neuen Eintrag "
        "„UID: fest“ ergänzen",
    ], "the past one may go"
    site.commit("gelöscht")
    assert len(warnings(site)) == 1, "still new in the HEAD commit"
    site.entry("neu.de.md", EVENT.replace("fest", "neu"))
    site.commit("Neues Fest")
    assert warnings(site) == []


def test_deleting_an_entry_published_by_the_newest_commit_is_a_warning_too(site):
    site.entry("fest.de.md", EVENT)
    site.commit("Fest")  # HEAD added it (and CI published it)
    (site.content / "kalender" / "fest.de.md").unlink()
    assert len(warnings(site)) == 1


def test_an_entry_that_was_never_published_may_be_deleted(site):
    site.entry("fest.de.md", EVENT.replace("Lang: de\n", "Lang: de\nStatus: draft\n"))
    site.commit("Entwurf")
    (site.content / "kalender" / "fest.de.md").unlink()
    assert warnings(site) == []
