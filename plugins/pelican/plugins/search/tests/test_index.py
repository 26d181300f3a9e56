"""Pagefind on a tiny built site: one index per language, only marked pages, byte-identical twice."""

import hashlib
import json
from pathlib import Path

import pytest

from pelican.plugins.search.index import SearchIndexError, build_index, pages_to_index


def page(lang, title, kind, marked=True):
    body = f' data-pagefind-body data-pagefind-filter="Art:{kind}"' if marked else ""
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head>'
            f"<body><nav>Navigation</nav><main{body}><h1>{title}</h1><p>{title} im Zentrum.</p></main></body></html>")


def site(root: Path) -> Path:
    pages = {
        "index.html": page("de", "Startseite", "Seite", marked=False),
        "kalender/kochabend/index.html": page("de", "Kochabend", "Veranstaltung"),
        "kontakt/index.html": page("de", "Kontakt", "Seite"),
        "fa/kalender/kurs/index.html": page("fa", "كلاس زبان", "کلاس"),
        "fa/kontakt/index.html": page("fa", "تماس", "صفحه"),
    }
    for rel, html in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html, encoding="utf-8")
    return root


def digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_only_marked_pages_are_indexed_with_the_letters_of_their_language(tmp_path):
    found = pages_to_index(site(tmp_path))
    assert [(rel, lang) for rel, lang, _html in found] == [
        ("fa/kalender/kurs/index.html", "fa"), ("fa/kontakt/index.html", "fa"),
        ("kalender/kochabend/index.html", "de"), ("kontakt/index.html", "de")]
    assert "کلاس زبان" in found[0][2] and "كلاس" not in found[0][2]


def test_the_index_has_one_language_each_and_is_byte_identical_when_built_again(tmp_path):
    first = site(tmp_path / "a")
    assert build_index(first) == 4
    bundle = first / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["de", "fa"]
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {"de": 2, "fa": 2}
    assert not (bundle / "pagefind-highlight.js").exists() and (bundle / "pagefind-ui.js").is_file()
    second = site(tmp_path / "b")
    build_index(second)
    build_index(second)  # again into the same folder: old files do not pile up
    assert digest(bundle) == digest(second / "pagefind")


def test_a_site_without_marked_pages_is_an_error(tmp_path):
    (tmp_path / "index.html").write_text(page("de", "Start", "Seite", marked=False), encoding="utf-8")
    with pytest.raises(SearchIndexError, match="data-pagefind-body"):
        build_index(tmp_path)
