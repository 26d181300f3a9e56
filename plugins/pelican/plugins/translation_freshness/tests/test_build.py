"""The note on the built page: in the page's language, linking to the German original."""

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from pelican.plugins.community_core.testing import commit_all, compiled_theme, git_init

REPO = Path(__file__).resolve().parents[5]
FIXTURE = REPO / "plugins" / "pelican" / "plugins" / "multilingual" / "tests" / "fixture"
T0 = 1767225600


def build(root: Path, name: str) -> Path:
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(root / name),
        "THEME": str(compiled_theme()),
        "PLUGINS": ["pelican.plugins.fingerprint", "pelican.plugins.multilingual", "pelican.plugins.translation_freshness"],
        "STATIC_PATHS": [],
        "EXTRA_PATH_METADATA": {},
        "LANGUAGES": {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")},
    })
    Pelican(settings).run()
    return root / name


def notes(out: Path, rel: str):
    page = BeautifulSoup((out / rel).read_text(encoding="utf-8"), "lxml")
    return page.select(".notice--outdated")


def test_a_translation_shows_the_note_after_its_original_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(T0 + 30 * 86400))
    root = git_init(tmp_path / "repo")
    shutil.copytree(FIXTURE, root / "content")
    commit_all(root, "Anfang", T0)
    out = build(root, "out1")
    assert notes(out, "en/ueber-uns/index.html") == []

    original = root / "content" / "pages" / "ueber-uns.de.md"
    original.write_text(original.read_text(encoding="utf-8").replace("Über uns.", "Über uns und unsere Arbeit."),
                        encoding="utf-8")
    commit_all(root, "Über uns: mehr Text", T0 + 2 * 86400)
    out = build(root, "out2")
    [note] = notes(out, "en/ueber-uns/index.html")
    assert "may be out of date" in note.get_text() and "January 3, 2026" in note.get_text()
    link = note.find("a")
    assert link["href"] == "/ueber-uns/" and link["hreflang"] == "de"
    assert notes(out, "ueber-uns/index.html") == [], "the original itself has no note"
