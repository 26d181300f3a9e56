"""Outdated translations from a fixture git repository (plugins/testsupport.py git_init/commit_all)."""

import datetime as dt

import pytest

from pelican.plugins.community_core.testing import commit_all, git, git_init, write_content
from pelican.plugins.translation_freshness.history import NoHistory, outdated_translations
from pelican.plugins.translation_freshness.sources import identify, text_fingerprint

DAY = 86400
T0 = 1767225600  # 2026-01-01T00:00:00Z
NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)

PAGE_DE = """
Title: Angebote
Slug: angebote
Lang: de
Nav: 2

Wir bieten Beratung an.
"""
PAGE_EN = """
Title: Services
Slug: angebote
Lang: en
Nav: 2

We offer advice.
"""
COURSE_DE = """
Title: Deutschkurs
Slug: deutschkurs
Lang: de
Summary: Deutsch üben.
Art: kurs
Beginn: 2026-02-02 17:00
Ende: 19:00
Wiederholung: jeden Montag bis 2026-06-29
Ort: zentrum

Für alle.
"""
COURSE_EN = """
Title: German course
Slug: deutschkurs
Lang: en
Summary: Practise German.

For everyone.
"""


@pytest.fixture
def repo(tmp_path):
    root = git_init(tmp_path / "repo")
    write_content(root / "content", "pages/angebote.de.md", PAGE_DE)
    write_content(root / "content", "pages/angebote.en.md", PAGE_EN)
    write_content(root / "content", "kalender/deutschkurs.de.md", COURSE_DE)
    write_content(root / "content", "kalender/deutschkurs.en.md", COURSE_EN)
    commit_all(root, "Anfang", T0)
    return root


def edit(root, rel, old, new):
    path = root / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def outdated(root):
    return {(o.key, o.lang): o for o in outdated_translations(str(root / "content"), "de", NOW)}


def test_a_text_change_of_the_original_marks_its_translations_until_they_are_updated(repo):
    assert outdated(repo) == {}
    edit(repo, "pages/angebote.de.md", "Beratung", "Beratung und Kurse")
    commit_all(repo, "Angebote: Kurse", T0 + DAY)
    edit(repo, "pages/angebote.de.md", "Kurse", "Deutschkurse")
    commit_all(repo, "Angebote: Deutschkurse", T0 + 3 * DAY)
    found = outdated(repo)
    assert list(found) == [("pages/angebote", "en")]
    item = found[("pages/angebote", "en")]
    assert (item.changes, item.path) == (2, "pages/angebote.en.md")
    assert item.changed == dt.datetime.fromtimestamp(T0 + 3 * DAY, dt.timezone.utc)
    assert item.since == dt.datetime.fromtimestamp(T0, dt.timezone.utc)
    edit(repo, "pages/angebote.en.md", "advice.", "advice and German courses.")
    commit_all(repo, "Services: translated", T0 + 4 * DAY)
    assert outdated(repo) == {}


def test_a_translation_changed_in_the_same_commit_is_up_to_date(repo):
    edit(repo, "pages/angebote.de.md", "Beratung", "Beratung und Kurse")
    edit(repo, "pages/angebote.en.md", "advice", "advice and courses")
    commit_all(repo, "both", T0 + DAY)
    assert outdated(repo) == {}


def test_schedule_lines_and_other_non_text_fields_do_not_count(repo):
    edit(repo, "kalender/deutschkurs.de.md", "Ende: 19:00", "Ende: 19:30")
    edit(repo, "kalender/deutschkurs.de.md", "Ort: zentrum", "Ort: saal\nAusfall: 2026-03-02 - Lehrerin krank")
    edit(repo, "pages/angebote.de.md", "Nav: 2", "Nav: 3")
    commit_all(repo, "Zeiten, Ort, Navigation", T0 + DAY)
    git(repo, "mv", "content/pages/angebote.de.md", "content/pages/angebote-neu.de.md")
    commit_all(repo, "umbenannt (Slug bleibt)", T0 + 2 * DAY)
    assert outdated(repo) == {}
    edit(repo, "kalender/deutschkurs.de.md", "Summary: Deutsch üben.", "Summary: Deutsch sprechen üben.")
    commit_all(repo, "Kurs: Text", T0 + 3 * DAY)
    assert list(outdated(repo)) == [("kalender/deutschkurs", "en")]


def test_the_commit_line_uebersetzung_aktuell_opts_a_typo_fix_out(repo):
    edit(repo, "pages/angebote.de.md", "Beratung", "Beratnug")
    commit_all(repo, "Tippfehler eingebaut", T0 + DAY)
    edit(repo, "pages/angebote.de.md", "Beratnug", "Beratung")
    commit_all(repo, "Tippfehler korrigiert\n\nÜbersetzung-aktuell: ja", T0 + 2 * DAY)
    assert outdated(repo)[("pages/angebote", "en")].changes == 1, "only the commit without the line counts"
    edit(repo, "pages/angebote.en.md", "advice", "advise")
    commit_all(repo, "en", T0 + 3 * DAY)
    edit(repo, "pages/angebote.de.md", "bieten", "geben")
    commit_all(repo, "Wortwahl\n\nuebersetzung-aktuell: JA", T0 + 4 * DAY)
    assert outdated(repo) == {}


def test_an_uncommitted_change_of_the_original_counts_as_one_more_dated_now(repo):
    edit(repo, "pages/angebote.de.md", "Beratung", "Beratung und Kurse")
    item = outdated(repo)[("pages/angebote", "en")]
    assert (item.changes, item.changed) == (1, NOW)
    edit(repo, "pages/angebote.en.md", "advice", "advice and courses")
    assert outdated(repo) == {}, "a translation edited in the working tree is up to date"


def test_drafts_and_originals_without_translation_are_not_listed(repo):
    write_content(repo / "content", "pages/angebote.en.md", PAGE_EN.replace("Nav: 2", "Nav: 2\nStatus: draft"))
    commit_all(repo, "en: Entwurf", T0 + DAY)
    edit(repo, "pages/angebote.de.md", "Beratung", "Hilfe")
    commit_all(repo, "de", T0 + 2 * DAY)
    assert outdated(repo) == {}


def test_no_repository_is_said_not_guessed(tmp_path):
    write_content(tmp_path / "content", "pages/angebote.de.md", PAGE_DE)
    with pytest.raises(NoHistory, match="keinem Git-Repository"):
        outdated_translations(str(tmp_path / "content"), "de", NOW)


def test_identify_reads_folder_slug_and_language():
    source = identify("news/2026-03-01-kurs.en.md", "Title: Course\nLang: en\n\nText.")
    assert (source.key, source.lang, source.draft) == ("news/kurs", "en", False)
    assert identify("kalender/orte.toml", "") is None
    assert identify("pages/x.de.md", "Title: X\nSlug: anders\n\nText.").key == "pages/anders"


def test_the_text_fingerprint_ignores_spacing_and_non_text_fields_but_not_words():
    base = text_fingerprint("Title: A\nNav: 1\nBeginn: 2026-01-01\n\nEin  Text.\n")
    assert text_fingerprint("Title:  A\nNav: 2\nBeginn: 2027-01-01\n\nEin Text.") == base
    assert text_fingerprint("Title: A\nNav: 1\n\nEin anderer Text.") != base
    assert text_fingerprint("Title: B\nNav: 1\n\nEin Text.") != base


def test_the_guide_shows_the_line_that_opts_out():
    from pathlib import Path  # noqa: PLC0415

    from pelican.plugins.translation_freshness.history import OPT_OUT_LINE, opted_out  # noqa: PLC0415

    guide = (Path(__file__).resolve().parents[5] / "docs" / "uebersetzen.md").read_text(encoding="utf-8")
    assert f"```text\n{OPT_OUT_LINE}\n```" in guide
    assert opted_out(f"Kontakt: Tippfehler\n\n{OPT_OUT_LINE}") and not opted_out(f"Kontakt: {OPT_OUT_LINE}")
