"""The preview keeps serving the last good build and shows content errors on an error page."""

import re
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pelican.plugins.preview.builder import PreviewBuilder
from pelican.plugins.preview.server import error_page, make_server
from pelican.plugins.community_core.testing import commit_all, git_init

ROOT = Path(__file__).resolve().parents[5]


def fetch(server, path):
    url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def preview(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    git_init(tmp_path)
    commit_all(tmp_path, "Inhalt", 1767225600)
    builder = PreviewBuilder(ROOT, ROOT / "pelicanconf.py", content, tmp_path / "work")
    server = make_server(builder, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield builder, server, content
    server.shutdown()
    builder.close()


def test_error_shown_in_browser_and_last_good_build_kept(preview):
    builder, server, content = preview
    assert builder.build().ok, builder.last.errors
    good = builder.current
    status, body = fetch(server, "/kontakt/")
    assert status == 200 and "<footer" in body

    page = content / "pages" / "kontakt.de.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Lang: de", "Lang: xx<b>", 1), encoding="utf-8")
    result = builder.build()
    assert not result.ok
    assert any("kontakt.de.md:3: Lang:" in e for e in result.errors), result.errors
    assert builder.current == good and (good / "index.html").is_file()

    status, body = fetch(server, "/kontakt/")
    assert status == 500
    assert "kontakt.de.md:3: Lang:" in body and "xx&lt;b&gt;" in body and "<b>" not in body
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', (good / "index.html").read_text()).group(1)
    status, css = fetch(server, stylesheet)
    assert status == 200 and css.strip()

    page.write_text(page.read_text(encoding="utf-8").replace("Lang: xx<b>", "Lang: de", 1), encoding="utf-8")
    assert builder.build().ok
    assert fetch(server, "/kontakt/")[0] == 200
    assert not good.exists(), "the replaced build is cleaned up"


def test_missing_page_gets_the_languages_404_page(preview):
    builder, server, _ = preview
    assert builder.build().ok, builder.last.errors
    status, body = fetch(server, "/en/gibt-es-nicht/")
    assert status == 404 and 'lang="en"' in body


def test_error_page_without_any_good_build_names_every_problem():
    body = error_page(["a.md:1: Title: fehlt — Titel schreiben", "b.md:2: Lang: x — de"], False).decode()
    assert body.count("<li>") == 2 and 'http-equiv="refresh"' in body and "letzten fehlerfreien" not in body


def test_rebuilds_reuse_one_build_process_until_code_changes(preview):
    builder, _server, content = preview
    assert builder.build().ok, builder.last.errors
    worker = builder._worker.pid
    entry = content / "kalender" / "deutschkurs-einstieg.de.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "Ort: zentrum\n", "Ausfall: 2027-01-18 - Die Kursleitung ist krank.\nOrt: zentrum\n", 1), encoding="utf-8")
    assert builder.build().ok, builder.last.errors
    assert builder._worker.pid == worker, "the second build reuses the running build process"
    page = (builder.current / "kalender" / "deutschkurs-einstieg" / "index.html").read_text(encoding="utf-8")
    assert "Die Kursleitung ist krank." in page, "the saved change is in the rebuilt page"
    builder.restart()
    assert builder.build().ok and builder._worker.pid != worker
