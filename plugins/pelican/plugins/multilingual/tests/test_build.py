"""A real Pelican build of a small fixture site with the multilingual plugin."""

import hashlib
import shutil
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican, signals
from pelican.settings import read_settings

from pelican.plugins.community_core.testing import compiled_theme

REPO = Path(__file__).resolve().parents[5]
FIXTURE = Path(__file__).parent / "fixture"


def build(tmp_path, output_name="out", **overrides):
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(FIXTURE),
        "OUTPUT_PATH": str(tmp_path / output_name),
        "THEME": str(compiled_theme()),
        "PLUGINS": ["pelican.plugins.fingerprint", "pelican.plugins.multilingual"],
        "STATIC_PATHS": [],
        "EXTRA_PATH_METADATA": {},
        "LANGUAGES": {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")},
        **overrides,
    })
    Pelican(settings).run()
    return tmp_path / output_name


def html(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    reads = Counter()

    def count(instance):
        reads[instance.source_path] += 1

    signals.content_object_init.connect(count)
    try:
        out = build(tmp)
    finally:
        signals.content_object_init.disconnect(count)
    return out, reads


def test_one_run_reads_every_content_file_exactly_once(site):
    _, reads = site
    sources = sorted(str(p) for p in FIXTURE.rglob("*.md"))
    assert sorted(reads) == sources
    assert set(reads.values()) == {1}


def test_every_language_gets_its_listing_pages(site):
    out, _ = site
    for prefix in ("", "en/", "ar/"):
        for page in ("index.html", "aktuelles/index.html", "404.html", "feeds/aktuelles.atom.xml"):
            assert (out / prefix / page).is_file(), prefix + page


def test_translations_go_under_the_language_prefix(site):
    out, _ = site
    assert (out / "ueber-uns" / "index.html").is_file()
    assert (out / "en" / "ueber-uns" / "index.html").is_file()
    assert not (out / "ar" / "ueber-uns").exists()
    assert html(out / "en" / "ueber-uns" / "index.html").html["lang"] == "en"


def test_home_intro_is_not_a_page_of_its_own(site):
    out, _ = site
    assert not (out / "start").exists()
    assert "Welcome." in html(out / "en" / "index.html").select_one(".home-intro").get_text()


def test_untranslated_news_appears_once_in_german_on_the_arabic_site(site):
    out, _ = site
    cards = html(out / "ar" / "aktuelles" / "index.html").select("article.card")
    titles = [c.select_one(".card__title").get_text(strip=True) for c in cards]
    assert sorted(titles) == ["Kurs beginnt", "Nur deutsch"]
    for card in cards:
        body = card.select_one(".card__body")
        assert (body["lang"], body["dir"]) == ("de", "ltr")
        assert card.select_one(".notice")["lang"] == "ar"
    en_titles = [a.get_text(strip=True) for a in html(out / "en" / "aktuelles" / "index.html").select(".card__title a")]
    assert sorted(en_titles) == ["Course starts", "Nur deutsch"]


def test_rtl_pages_and_switcher(site):
    out, _ = site
    doc = html(out / "ar" / "index.html")
    assert (doc.html["lang"], doc.html["dir"]) == ("ar", "rtl")
    nav = doc.select_one("nav.language-switcher")
    assert nav.select_one('[aria-current="true"]').get_text() == "العربية"
    assert nav.find("a", hreflang="de")["href"] == "/"


def test_view_links_resolve_per_language(site):
    out, _ = site
    assert 'href="/kalender/kurse/"' in (out / "index.html").read_text(encoding="utf-8")


def test_content_in_an_unknown_language_fails_with_the_file_name(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "pages" / "ueber-uns.fr.md").write_text("Title: À propos\nSlug: ueber-uns\nLang: fr\n\nTexte.\n")
    with pytest.raises(Exception, match=r"ueber-uns\.fr\.md: Lang: 'fr' ist keine Sprache"):
        build(tmp_path, PATH=str(content))


def tree_digest(root):
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_two_builds_are_byte_identical(tmp_path, site, monkeypatch):
    out, _ = site
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    again = build(tmp_path, "again")
    assert tree_digest(again) == tree_digest(out)


def test_content_objects_stay_picklable_for_the_generator_cache(tmp_path):
    """Pelican's generator-layer cache pickles content objects; our plugin must not break that."""
    out = build(tmp_path, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CONTENT_CACHING_LAYER="generator",
                CACHE_PATH=str(tmp_path / "cache"))
    again = build(tmp_path, "again", CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CONTENT_CACHING_LAYER="generator",
                  CACHE_PATH=str(tmp_path / "cache"))
    assert 'href="/kalender/kurse/"' in (again / "index.html").read_text(encoding="utf-8")
    assert tree_digest(again) == tree_digest(out)
