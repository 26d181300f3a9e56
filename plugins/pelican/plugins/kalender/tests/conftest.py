"""Fixture content in a tmp dir, checked without building or built with Pelican."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from pelican.plugins.kalender.check import check_content
from pelican.plugins.kalender.generator import calendar_generator_finalized
from pelican.plugins.community_core.testing import commit_all, git_init, write_content

REPO = Path(__file__).resolve().parents[5]

VENUES = """
[zentrum]
name = "Zentrum"
adresse = "Teststraße 1, 08523 Plauen"
lat = 50.4952
lon = 12.1361
barrierefreiheit = "Eingang ebenerdig"
barrierefreiheit_en = "Step-free entrance"

[saal]
name = "Saal"
adresse = "Saalweg 2, Plauen"
"""

CATEGORIES = """
[sprache]
de = "Sprache"
en = "Language"

[garten]
de = "Garten"
"""


class Site:
    """A small git repository with a content folder of calendar files; check it, commit, build it."""

    def __init__(self, root: Path):
        self.root = git_init(root)
        self.content = root / "content"
        (self.content / "kalender").mkdir(parents=True)
        self.write_raw("kalender/orte.toml", VENUES)
        self.write_raw("kalender/kategorien.toml", CATEGORIES)
        self.builds = 0
        self.commits = 0

    def write_raw(self, rel: str, text: str) -> Path:
        return write_content(self.content, rel, text)

    def entry(self, name: str, text: str) -> Path:
        """Write ``content/kalender/<name>`` (text is dedented)."""
        return self.write_raw(f"kalender/{name}", text)

    def settings(self, **overrides) -> dict:
        values = {
            "PATH": str(self.content),
            "OUTPUT_PATH": str(self.root / "out"),
            "PLUGINS": ["pelican.plugins.kalender"],
            "LANGUAGES": {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")},
            "DEFAULT_LANG": "de",
            "TIMEZONE": "Europe/Berlin",
            "SITENAME": "Testzentrum",
            "SITEURL": "",
            "SITE_ABSOLUTE_URL": "https://example.org",
            "CALENDAR_UID_DOMAIN": "test.invalid",
            "VIEW_URLS": {"kalender": "kalender/", "kurse": "kalender/kurse/", "archiv": "kalender/archiv/"},
            "PAGE_PATHS": [],
            "ARTICLE_PATHS": [],
            "STATIC_PATHS": [],
            "DIRECT_TEMPLATES": [],
            "CACHE_PATH": str(self.root / "cache"),
        }
        values.update(overrides)
        return read_settings(None, override=values)

    def problems(self) -> list[str]:
        """Every problem as its German message line."""
        return [str(p) for p in check_content(str(self.content), self.settings())]

    def commit(self, message: str = "Änderung", when: int | None = None) -> str:
        """Commit everything; each commit one day after the previous one unless ``when`` is given."""
        self.commits += 1
        return commit_all(self.root, message, when or 1767225600 + 86400 * self.commits)

    def build(self, output: str = "out", **overrides):
        """Run Pelican; return (output dir, the CalendarGenerator)."""
        captured = []

        def grab(sender):
            captured.append(sender)

        calendar_generator_finalized.connect(grab)
        try:
            settings = self.settings(OUTPUT_PATH=str(self.root / output), **overrides)
            Pelican(settings).run()
        finally:
            calendar_generator_finalized.disconnect(grab)
        return self.root / output, captured[-1] if captured else None


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    monkeypatch.chdir(tmp_path)
    return Site(tmp_path)


COURSE = """
Title: Deutschkurs
Slug: deutschkurs
Lang: de
Summary: Deutsch **üben**.
Art: kurs
Beginn: 2026-03-24 17:00
Ende: 19:00
Wiederholung: wöchentlich Di, Do bis 2026-11-05
Ort: zentrum
Kategorie: sprache

Wir üben *Deutsch* für den [Alltag](https://example.org/alltag).
"""
