"""Content tests: every item in all six languages (or a declared gap shown in German with a
note), and no placeholder or draft text in the built pages outside the marked placeholder blocks.

The partner validation cases (bad URL scheme, missing alt text, oversized logo, documented
messages) are tested beside the plugin in ``plugins/pelican/plugins/partners/tests/test_validation.py``.
"""

import re
from functools import lru_cache

import pytest
from babel.messages.pofile import read_po

from tests.site import ROOT, html_pages, output_dir, pelicanconf, rel, soup

# The plugins are top-level packages, as Pelican's PLUGIN_PATHS loads them.
from pelican.plugins.authoring.translations import FOLDERS, content_status  # noqa: E402
from pelican.plugins.kalender.header import scan_header  # noqa: E402

CONTENT = ROOT / pelicanconf.PATH
LANGUAGES = list(pelicanconf.LANGUAGES)
DEFAULT = pelicanconf.DEFAULT_LANG
ALLOWED_GAPS = getattr(pelicanconf, "UNTRANSLATED_OK", {})
NOTE_MSGID = "Dieser Inhalt ist nur auf Deutsch verfügbar."


def gaps() -> dict[str, list[str]]:
    """``{folder/slug: [languages missing or still a draft]}``, computed like `invoke translations-status`."""
    return {key: [lang for lang in LANGUAGES if langs[lang] != "ok"]
            for key, langs in content_status(CONTENT, LANGUAGES)
            if any(state != "ok" for state in langs.values())}  # fmt: skip


def by_language(items: dict[str, list[str]]) -> str:
    lines = []
    for lang in LANGUAGES:
        keys = sorted(key for key, langs in items.items() if lang in langs)
        if keys:
            lines.append(f"  {lang} ({len(keys)}): " + ", ".join(keys))
    return "\n".join(lines)


def test_every_item_is_in_every_language_or_a_declared_gap():
    undeclared = {}
    for key, langs in gaps().items():
        missing = [lang for lang in langs if lang not in ALLOWED_GAPS.get(key, [])]
        if missing:
            undeclared[key] = missing
    assert not undeclared, (
        "Diese Inhalte fehlen in einer Sprache (oder sind noch Entwurf). Bitte übersetzen oder, wenn es "
        "Absicht ist, mit Begründung in UNTRANSLATED_OK in pelicanconf.py eintragen "
        "(`invoke translations-status` zeigt die Tabelle):\n" + by_language(undeclared))


def test_declared_gaps_are_real_and_never_german():
    actual = gaps()
    known = {key for key, _ in content_status(CONTENT, LANGUAGES)}
    problems = []
    for key, langs in ALLOWED_GAPS.items():
        if key not in known:
            problems.append(f"{key}: diesen Inhalt gibt es nicht (Schreibweise: Ordner/Slug, z. B. news/mein-slug)")
            continue
        if DEFAULT in langs:
            problems.append(f"{key}: die deutsche Fassung ist die Vorlage, sie darf nicht fehlen")
        if key.startswith("pages/"):
            problems.append(f"{key}: Seiten haben keine Ersatzanzeige mit Hinweis, bitte übersetzen")
        stale = [lang for lang in langs if lang not in actual.get(key, [])]
        if stale:
            problems.append(f"{key}: schon übersetzt in {', '.join(stale)}, bitte aus UNTRANSLATED_OK streichen")
    assert not problems, "UNTRANSLATED_OK in pelicanconf.py:\n" + "\n".join(problems)


@lru_cache(maxsize=None)
def untranslated_note(lang: str) -> str:
    """The page-language note for German-only content, from the theme's catalog."""
    po = ROOT / pelicanconf.THEME / "translations" / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT or not po.exists():
        return NOTE_MSGID
    with open(po, "rb") as fp:
        message = read_po(fp, locale=lang).get(NOTE_MSGID)
    return (message.string if message and message.string else NOTE_MSGID)


def fallback_place(folder: str, slug: str, lang: str):
    """The built file of ``lang`` that shows the German version of an untranslated item."""
    views = pelicanconf.VIEW_URLS
    page = {
        "news": views["news"],
        "partner": views["partner"],
        "kalender": f"{views['kalender']}{slug}/",
    }[folder]
    return output_dir() / lang / page / "index.html"


def declared_gap_cases():
    return [(key, lang) for key, langs in sorted(ALLOWED_GAPS.items()) for lang in langs
            if not key.startswith("pages/") and lang != DEFAULT]  # fmt: skip


@pytest.mark.parametrize("key,lang", declared_gap_cases())
def test_declared_gap_is_shown_in_german_with_language_of_parts_and_note(key, lang):
    folder, slug = key.split("/", 1)
    german = [p for p in (CONTENT / folder).glob(f"*{slug}.{DEFAULT}.md")
              if (scan_header(p.read_text(encoding="utf-8")).lines.get("slug") or [(0, "")])[0][1] == slug]
    assert german, f"{key}: keine deutsche Datei in content/{folder}/"
    title = scan_header(german[0].read_text(encoding="utf-8")).lines["title"][0][1]
    path = fallback_place(folder, slug, lang)
    assert path.is_file(), f"{key}: {rel(path)} fehlt"
    heading = next((h for h in soup(path).find_all(re.compile(r"^h[1-6]$"))
                    if h.get_text(" ", strip=True) == title), None)  # fmt: skip
    assert heading is not None, f"{rel(path)}: der deutsche Titel {title!r} wird nicht gezeigt"
    marked = heading if heading.get("lang") else heading.find_parent(attrs={"lang": True})
    assert marked is not None and marked.name != "html", f"{rel(path)}: {title!r} ohne eigenes lang-Attribut"
    assert (marked.get("lang"), marked.get("dir")) == (DEFAULT, "ltr"), (
        f"{rel(path)}: {title!r} steht in lang={marked.get('lang')} dir={marked.get('dir')}, erwartet de/ltr")
    article = heading.find_parent("article")
    assert article is not None, f"{rel(path)}: {title!r} steht in keinem <article>"
    notes = [n for n in article.select(".notice") if n.get("lang") == lang]
    assert [n.get_text(strip=True) for n in notes] == [untranslated_note(lang)], (
        f"{rel(path)}: beim deutschen Eintrag {title!r} fehlt der Hinweis {untranslated_note(lang)!r} "
        f"in lang={lang}")


# --- Placeholders -------------------------------------------------------------------------------

LEAK_RE = re.compile(r"\b(?:[Ll]orem|LOREM|TODO|FIXME|XXX)\b|" + re.escape(pelicanconf.PLACEHOLDER_MARK))
# Attributes people and search engines read (tooltips, alt texts, social previews, labels).
READ_ATTRIBUTES = ("alt", "title", "aria-label", "aria-description", "content", "placeholder")


def leaks_in(path) -> list[str]:
    """Placeholder/draft markers in text and read attributes, outside ``.placeholder`` elements.

    ``<data value>`` of microformats is not read here: it mirrors the visible venue text,
    whose placeholder part is marked in the page.
    """
    found = []
    for text in soup(path).find_all(string=LEAK_RE):
        if text.find_parent(class_="placeholder") is None:
            found.append(f"{text.parent.name}: {' '.join(text.split())[:120]!r}")
    for element in soup(path).find_all(True):
        if element.find_parent(class_="placeholder") is not None or "placeholder" in element.get("class", []):
            continue
        for name in READ_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str) and LEAK_RE.search(value):
                found.append(f"<{element.name} {name}=…>: {value[:120]!r}")
    return found


def test_no_placeholder_or_draft_text_outside_placeholder_blocks():
    problems = [f"{rel(path)}: {leak}" for path in html_pages() for leak in leaks_in(path)]
    assert not problems, (
        f"{len(problems)} Stellen mit Platzhalter- oder Entwurfstext außerhalb von class=\"placeholder\":\n"
        + "\n".join(problems[:60]))


def test_the_leak_check_sees_text_and_attributes_but_not_marked_placeholders(tmp_path):
    page = tmp_path / "probe.html"
    page.write_text(
        '<p>Lorem ipsum</p><img alt="TODO: Bild" src="x.png">'
        '<span class="placeholder">[PLATZHALTER: Telefonnummer]</span><p>Toronto, todos</p>',
        encoding="utf-8")
    assert [leak.split(":")[0] for leak in leaks_in(page)] == ["p", "<img alt=…>"]


def test_every_page_has_a_description():
    empty = []
    for path in html_pages():
        meta = soup(path).find("meta", attrs={"name": "description"})
        if meta is None or not meta.get("content", "").strip():
            empty.append(rel(path))
    assert not empty, "Seiten ohne <meta name=\"description\"> oder mit leerem Inhalt:\n" + "\n".join(empty)


def test_no_content_file_has_an_empty_summary():
    empty = []
    for folder in FOLDERS:
        for path in sorted((CONTENT / folder).glob("*.md")):
            header = scan_header(path.read_text(encoding="utf-8"))
            for line, value in header.lines.get("summary", []):
                if not value.strip() or LEAK_RE.search(value):
                    empty.append(f"{path.relative_to(ROOT)}:{line}: Summary {value!r}")
    assert not empty, "Summary leer oder mit Platzhalter (ein, zwei Sätze eintragen):\n" + "\n".join(empty)

