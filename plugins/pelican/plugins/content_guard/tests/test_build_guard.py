"""The build refuses unsafe content by itself, for a build started without `make check`."""

import logging
import os
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from pelican.plugins.content_guard import ContentGuardError
from pelican.plugins.content_guard.output_paths import unsafe_metadata
from pelican.plugins.content_guard.paths import escaping_target, unsafe_entries
from pelican.plugins.community_core.testing import write_content

REPO = Path(__file__).resolve().parents[5]


def site(tmp_path):
    content = tmp_path / "content"
    write_content(content, "pages/kontakt.de.md", """
        Title: Kontakt
        Slug: kontakt
        Lang: de

        Text.
        """)
    (content / "images").mkdir()
    (content / "images" / "foto.jpg").write_bytes(b"jpg")
    return content


def build(tmp_path, content):
    settings = read_settings(None, override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"), "CACHE_PATH": str(tmp_path / "cache"),
        "PLUGINS": ["pelican.plugins.content_guard"], "STATIC_PATHS": ["images"],
        "DEFAULT_LANG": "de", "PAGE_SAVE_AS": "{slug}/index.html", "PAGE_URL": "{slug}/", "SITEURL": "",
        "LOAD_CONTENT_CACHE": False,
    })
    Pelican(settings).run()
    return tmp_path / "out"


def test_a_symlink_in_content_stops_the_build_before_anything_is_copied(tmp_path):
    content = site(tmp_path)
    (content / "images" / "logo.png").symlink_to("/etc/hostname")
    with pytest.raises(ContentGuardError, match=r"content/images/logo.png: Datei: ist ein symbolischer Link"):
        build(tmp_path, content)
    assert not (tmp_path / "out").exists()


def test_a_static_link_out_of_content_stops_the_build_and_copies_nothing(tmp_path):
    content = site(tmp_path)
    secret = tmp_path / "geheim.txt"
    secret.write_text("deploy key")
    write_content(content, "pages/neu.de.md", """
        Title: Neu
        Slug: neu
        Lang: de

        [Datei]({static}/../geheim.txt)
        """)
    with pytest.raises(ContentGuardError, match=r"geheim.txt: Link: die Datei liegt außerhalb von content/"):
        build(tmp_path, content)
    assert not list((tmp_path / "out").rglob("geheim.txt")), "nothing copied into the output"
    assert secret.read_text() == "deploy key" and sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["geheim.txt"]


def test_save_as_never_replaces_the_home_page(tmp_path, caplog):
    content = site(tmp_path)
    write_content(content, "pages/neu.de.md", """
        Title: Neu
        Slug: neu
        Lang: de
        Save_as: index.html

        Ersetzt?
        """)
    caplog.set_level(logging.ERROR)
    build(tmp_path, content)  # Pelican logs the refused file as an error (fatal with --fatal warnings)
    assert any("Save_as" in r.getMessage() and "ersetzen" in r.getMessage() for r in caplog.records), caplog.text
    index = tmp_path / "out" / "index.html"
    assert not index.exists() or "Ersetzt?" not in index.read_text(encoding="utf-8")


def test_rst_and_html_sources_are_not_read(tmp_path):
    content = site(tmp_path)
    (content / "pages" / "geheim.rst").write_text("Geheim\n======\n\n:slug: geheim\n\n.. include:: /etc/hostname\n")
    (content / "pages" / "roh.html").write_text("<html><head><title>Roh</title></head><body><script>1</script></body></html>")
    out = build(tmp_path, content)
    assert (out / "kontakt" / "index.html").is_file()
    assert not (out / "geheim").exists() and not (out / "roh").exists()


def test_paths_helpers():
    here = Path(__file__).parent
    assert escaping_target(here, here / "a.md", "/../x") and escaping_target(here, here / "a.md", "../../x")
    assert not escaping_target(here, here / "a.md", "/images/x.png")
    assert unsafe_metadata({"title": "x", "summary": "y", "save_as": "z", "_content": "c", "url_format": "u"},
                           __import__("pelican.contents", fromlist=["Page"]).Page) == ["_content", "save_as", "url_format"]


def test_special_files_are_named(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "ok.md").write_text("x")
    problems = unsafe_entries(tmp_path)
    assert [(p.path.split("/")[-1], p.field) for p in problems] == [("pipe.md", "Datei")]
    assert "keine normale Datei" in problems[0].message
