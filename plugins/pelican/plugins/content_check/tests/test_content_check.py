"""The build-free content check: every mistake reported with file, line, field and fix."""

import subprocess
import sys
from pathlib import Path

from pelican.plugins.content_check.runner import collect_problems, load_settings

ROOT = Path(__file__).resolve().parents[5]
FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = FIXTURES / "broken"

# (file, line, field, words the message must contain): one of each kind of mistake.
EXPECTED = [
    ("broken/kalender/kaputter-kurs.de.md", 6, "Beginn", "2026-13-01"),
    ("broken/partner/verein.de.md", 4, "Kategorie", "unbekannt"),
    ("broken/news/2026-02-28-datum.de.md", 4, "Date", "kein gültiges Datum"),
    ("broken/news/2026-03-01-ohne-datum.de.md", 1, "Date", "Datum fehlt"),
    ("broken/pages/falsch.fr.md", 1, "Titel", "heißt „Title“"),
    ("broken/pages/falsch.fr.md", 2, "Slug", "nicht erlaubt"),
    ("broken/pages/falsch.fr.md", 3, "Lang", "„fr“"),
    ("broken/pages/gut.de.md", 5, "Link", "{filename}/pages/fehlt.de.md"),
    ("broken/pages/gut.de.md", 5, "Link", "{view}kurs"),
    ("broken/pages/gut2.de.md", 2, "Slug", "gibt es schon"),
    ("broken/pages/leerzeile.de.md", 4, "Lang", "nach einer Leerzeile"),
    ("broken/pages/ohne-titel.en.md", 1, "Title", "Titel fehlt"),
    ("broken/pages/ohne-titel.en.md", 3, "Kopfzeilen", "Überschrift"),
]


def problems_of(content):
    settings = load_settings(ROOT / "pelicanconf.py")
    return collect_problems(settings, content)


def test_every_kind_of_mistake_is_reported_with_file_line_and_field():
    found = problems_of(BROKEN)
    missing = []
    for path, line, field, words in EXPECTED:
        if not any(p.path == path and p.line == line and p.field == field and words in str(p) for p in found):
            missing.append(f"{path}:{line}: {field}: …{words}…")
    assert not missing, "nicht gemeldet:\n" + "\n".join(missing) + "\n\ngemeldet:\n" + "\n".join(map(str, found))


def test_every_message_has_the_volunteer_format_and_a_fix():
    for problem in problems_of(BROKEN):
        text = str(problem)
        assert text.startswith(f"{problem.path}:{problem.line}: {problem.field}: "), text
        assert " — " in text and problem.fix.strip(), text


def test_the_real_content_has_no_problems():
    settings = load_settings(ROOT / "pelicanconf.py")
    found = collect_problems(settings, Path(settings["PATH"]))
    assert not found, "\n".join(map(str, found))


def test_command_exits_1_lists_all_and_builds_nothing(tmp_path):
    out = tmp_path / "out"
    settings = tmp_path / "conf.py"
    settings.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\nOUTPUT_PATH = {str(out)!r}\n"
                        f"THEME = {str(ROOT / 'themes' / 'kompetenz')!r}\n")
    result = subprocess.run(
        [sys.executable, "-m", "pelican.plugins.content_check", "--settings", str(settings), "--content", str(BROKEN)],
        cwd=tmp_path, env={"PATH": "/usr/bin:/bin"},
        capture_output=True, text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if " — " in line]
    assert len(lines) >= len(EXPECTED)
    for path, line, field, _ in EXPECTED:
        assert any(text.startswith(f"{path}:{line}: {field}: ") for text in lines), f"{path}:{line}: {field}"
    assert "Fehler in" in result.stdout
    assert not out.exists(), "check must not build anything"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conf.py"]


def test_clean_content_passes(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "kalender").mkdir()
    for name in ("orte.toml", "kategorien.toml"):
        (tmp_path / "kalender" / name).write_text((BROKEN / "kalender" / name).read_text())
    (tmp_path / "pages" / "hallo.de.md").write_text("Title: Hallo\nSlug: hallo\nLang: de\n\nText.\n")
    (tmp_path / "pages" / "hallo.en.md").write_text("Title: Hello\nSlug: hallo\nLang: en\n\nText.\n")
    assert problems_of(tmp_path) == []


def test_leftover_template_text_and_placeholders_are_errors_except_in_drafts(tmp_path):
    from pelican.plugins.community_core.testing import git_init  # noqa: PLC0415

    git_init(tmp_path)
    (tmp_path / "kalender").mkdir()
    (tmp_path / "news").mkdir()
    for name in ("orte.toml", "kategorien.toml"):
        (tmp_path / "kalender" / name).write_text((BROKEN / "kalender" / name).read_text())
    (tmp_path / "news" / "2026-09-01-fest.de.md").write_text(
        "Title: Fest\nSlug: fest\nLang: de\nDate: 2026-09-01 10:00\nSummary: $summary\n\nText.\n", encoding="utf-8")
    (tmp_path / "kalender" / "kurs.de.md").write_text(
        "Title: Kurs\nSlug: kurs\nLang: de\nSummary: [Ein, zwei Sätze: worum geht es?]\nArt: veranstaltung\n"
        "Beginn: 2027-09-01 10:00\nEnde: 12:00\n\n[Hier steht, was bei der Veranstaltung passiert und für wen sie ist.]\n",
        encoding="utf-8")
    (tmp_path / "kalender" / "entwurf.de.md").write_text(
        "Title: Entwurf\nSlug: entwurf\nLang: de\nSummary: [Ein, zwei Sätze: worum geht es?]\nStatus: draft\n"
        "Art: veranstaltung\nBeginn: 2027-09-01 10:00\nEnde: 12:00\n\n$text\n", encoding="utf-8")
    found = [str(p) for p in problems_of(tmp_path) if not p.is_warning]
    root = tmp_path.name
    assert found == [
        f"{root}/kalender/kurs.de.md:4: Summary: der Vorlagentext „[Ein, zwei Sätze: worum geht es?]“ steht noch da "
        "— ihn durch den eigenen Text ersetzen",
        f"{root}/kalender/kurs.de.md:9: Text: der Vorlagentext „[Hier steht, was bei der Veranstaltung passiert und "
        "für wen sie ist.]“ steht noch da — ihn durch den eigenen Text ersetzen",
        f"{root}/news/2026-09-01-fest.de.md:5: Summary: der Platzhalter „$summary“ wurde nicht ersetzt — ihn durch den "
        "richtigen Wert ersetzen (siehe die Erklärung in der Vorlage, plugins/pelican/plugins/authoring/templates/)",
    ]
