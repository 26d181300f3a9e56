"""Every asset a page embeds has its content hash in its file name, and a change gives a new name."""

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from pelican.plugins.fingerprint.names import FINGERPRINTED_RE, fingerprint, fingerprinted
from pelican.plugins.fingerprint.theme import ThemeAssets
from pelican.plugins.community_core.testing import compiled_theme, write_content

REPO = Path(__file__).resolve().parents[5]
FIXTURE = REPO / "plugins" / "pelican" / "plugins" / "multilingual" / "tests" / "fixture"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40


def test_the_fingerprint_is_in_the_name_and_follows_the_content():
    assert fingerprinted("css/site.css", b"a{}") == f"css/site.{fingerprint(b'a{}')}.css"
    assert fingerprinted("css/site.css", b"a{}") != fingerprinted("css/site.css", b"b{}")
    assert fingerprinted("images/foto.2026.jpg", b"x").startswith("images/foto.2026.")
    assert FINGERPRINTED_RE.search(fingerprinted("LICENSE", b"x"))


def test_theme_css_is_minified_and_fingerprinted_as_served(tmp_path):
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "site.css").write_text("/* comment */\nbody {\n  margin: 0;\n}\n")
    assets = ThemeAssets(static, "theme")
    url = assets.url("css/site.css")
    assert url == f"theme/css/site.{fingerprint(b'body{margin:0}')}.css"
    out = tmp_path / "out" / "theme"
    (out / "css").mkdir(parents=True)
    shutil.copy(static / "css" / "site.css", out / "css" / "site.css")
    assets.write(out)
    assert [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()] == [url.removeprefix("theme/")]
    assert (out / url.removeprefix("theme/")).read_text() == "body{margin:0}"


def test_a_missing_theme_file_is_a_build_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="Theme-Datei fehlt"):
        ThemeAssets(tmp_path, "theme").url("css/gibt-es-nicht.css")


def build(tmp_path, content, name="out"):
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / name), "THEME": str(compiled_theme()),
        "PLUGINS": ["pelican.plugins.fingerprint", "pelican.plugins.multilingual"],
        "STATIC_PATHS": ["images", "extra"], "CACHE_PATH": str(tmp_path / "cache"),
        "LANGUAGES": {"de": ("Deutsch", "ltr"), "en": ("English", "ltr")},
    })
    Pelican(settings).run()
    return tmp_path / name


@pytest.fixture
def content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content, ignore=shutil.ignore_patterns("*.ar.md"))
    (content / "images").mkdir()
    (content / "images" / "garten.png").write_bytes(PNG)
    (content / "extra").mkdir()
    (content / "extra" / "favicon.ico").write_bytes(b"ico")
    write_content(content, "pages/bilder.de.md", """
        Title: Bilder
        Slug: bilder
        Lang: de

        ![Beete im Garten]({static}/images/garten.png)
        """)
    return content


def embedded(page: Path) -> list[str]:
    doc = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    urls = [el["href"] for el in doc.select("link[rel~=stylesheet], link[rel~=icon]")]
    urls += [el["src"] for el in doc.select("img[src], script[src]")]
    return urls


def test_every_embedded_asset_url_is_fingerprinted_and_exists(tmp_path, content):
    out = build(tmp_path, content)
    for page in ("index.html", "bilder/index.html", "en/index.html"):
        urls = embedded(out / page)
        assert urls, page
        for url in urls:
            assert FINGERPRINTED_RE.search(url), f"{page}: {url}"
            assert (out / url.lstrip("/")).is_file(), f"{page}: {url}"
    theme_files = [p.name for p in (out / "theme").rglob("*") if p.is_file()]
    assert theme_files and all(FINGERPRINTED_RE.search(name) for name in theme_files), theme_files
    assert (out / "favicon.ico").read_bytes() == b"ico", "browsers ask for /favicon.ico by that name"


def test_a_changed_image_gets_a_new_url_and_the_old_one_keeps_its_file_name(tmp_path, content):
    first = build(tmp_path, content, "first")
    (content / "images" / "garten.png").write_bytes(PNG + b"\x01")
    second = build(tmp_path, content, "second")
    old = [u for u in embedded(first / "bilder/index.html") if "garten" in u]
    new = [u for u in embedded(second / "bilder/index.html") if "garten" in u]
    assert old and new and old != new
    assert re.fullmatch(r"/images/garten\.[0-9a-f]{10}\.png", new[0])
    assert not (second / old[0].lstrip("/")).exists()
