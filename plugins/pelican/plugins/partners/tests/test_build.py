"""A Pelican build of a small partner directory: one page per language, cards, JSON-LD, h-card."""

import json

import mf2py
import pytest
from bs4 import BeautifulSoup
from pelican import Pelican

from pelican.plugins.fingerprint.names import fingerprinted

from .conftest import SVG_LOGO, PartnerSite

# The logo's URL carries a fingerprint of its content (plugins/pelican/plugins/fingerprint).
LOGO = fingerprinted("images/partner/sport.svg", SVG_LOGO.encode())

AMT = """
Title: Amt für {name}
Slug: amt
Lang: {lang}
Kategorie: behoerden
Website: https://www.example.org/amt?a=1&b=2
Summary: Kurz {lang}.

Zusammenarbeit {lang}. [Kalender]({{view}}kalender)
"""

SPORT = """
Title: Beispiel: Sportverein
Slug: sport
Lang: de
Kategorie: sport-kultur
Logo: images/partner/sport.svg
Logo-Alt: Logo des Sportvereins
Beispiel: ja
Summary: Ein Muster.

Wir spielen zusammen.
"""

TRICKY = """
Title: A & B </script><!-- <b>
Slug: tricky
Lang: de
Kategorie: bildung
Summary: Kurse für Kinder < 12 & Eltern.

Text.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = PartnerSite(tmp_path_factory.mktemp("partners"))
    for lang, name in (("de", "Integration"), ("en", "Integration EN"), ("ar", "الاندماج")):
        site.partner(f"amt.{lang}.md", AMT.format(lang=lang, name=name))
    site.partner("sport.de.md", SPORT)
    site.partner("tricky.de.md", TRICKY)
    site.logo("sport.svg", SVG_LOGO)
    return site.build()


def page(out, prefix=""):
    path = out / prefix / "partner" / "index.html"
    assert path.exists(), f"{path} fehlt"
    return path.read_text(encoding="utf-8")


def soup(text):
    return BeautifulSoup(text, "lxml")


@pytest.mark.parametrize("prefix", ["", "en", "ar"])
def test_every_language_gets_the_partner_page(built, prefix):
    doc = soup(page(built, prefix))
    lang = prefix or "de"
    assert doc.html["lang"] == lang
    assert doc.html["dir"] == ("rtl" if lang == "ar" else "ltr")
    hreflangs = {link["hreflang"]: link["href"] for link in doc.select('link[rel="alternate"][hreflang]')}
    assert hreflangs == {
        "de": "https://example.org/partner/", "en": "https://example.org/en/partner/",
        "ar": "https://example.org/ar/partner/", "x-default": "https://example.org/partner/",
    }


def test_groups_in_fixed_order_only_non_empty(built):
    headings = [h.get_text(strip=True) for h in soup(page(built, "en")).select("main h2")]
    assert headings == ["District, city and public authorities", "Education and language", "Sport and culture"]


def test_no_page_of_its_own_per_partner(built):
    written = sorted(p for p in (x.relative_to(built).as_posix() for x in built.rglob("*.html")) if "partner" in p)
    assert written == ["ar/partner/index.html", "en/partner/index.html", "partner/index.html"]


def test_main_navigation_links_the_partner_page(built):
    nav = soup(page(built, "ar")).select_one("nav.main-nav")
    link = nav.find("a", href="/ar/partner/")
    assert link is not None and link["aria-current"] == "page"


def test_json_ld_parses_and_cannot_be_closed_by_content(built):
    text = page(built)
    assert "</script><!--" not in text.replace('<script type="application/ld+json">', "")
    blocks = [json.loads(s.string) for s in soup(text).select('script[type="application/ld+json"]')]
    by_name = {b["name"]: b for b in blocks}
    assert set(by_name) == {"Amt für Integration", "A & B </script><!-- <b>"}, "examples get no JSON-LD"
    amt = by_name["Amt für Integration"]
    assert amt["@type"] == "Organization" and amt["@context"] == "https://schema.org"
    assert amt["url"] == "https://www.example.org/amt?a=1&b=2"
    assert amt["@id"] == "https://example.org/partner/#partner-amt"
    assert by_name["A & B </script><!-- <b>"]["description"] == "Kurse für Kinder < 12 & Eltern."
    assert "\\u003c/script\\u003e\\u003c!-- \\u003cb\\u003e" in text


def test_json_ld_in_the_page_language(built):
    blocks = [json.loads(s.string) for s in soup(page(built, "ar")).select('script[type="application/ld+json"]')]
    assert {"name": "Amt für الاندماج", "description": "Kurz ar."}.items() <= blocks[0].items()


def test_h_card_per_partner(built):
    parsed = mf2py.parse(doc=page(built, "en"), url="https://example.org/en/partner/")
    cards = {c["properties"]["name"][0]: c["properties"] for c in parsed["items"] if "h-card" in c["type"]}
    assert set(cards) == {"Amt für Integration EN", "Beispiel: Sportverein", "A & B </script><!-- <b>"}
    amt = cards["Amt für Integration EN"]
    assert amt["url"] == ["https://www.example.org/amt?a=1&b=2"]
    assert amt["note"] == ["Kurz en."]
    assert amt["category"] == ["District, city and public authorities"]
    sport = cards["Beispiel: Sportverein"]
    assert sport["logo"] == [{"value": f"https://example.org/{LOGO}", "alt": "Logo des Sportvereins"}]


def test_external_link_is_marked_and_opens_safely(built):
    doc = soup(page(built, "en"))
    link = doc.select_one("#partner-amt a.external-link")
    assert link["href"] == "https://www.example.org/amt?a=1&b=2"
    assert {"noopener", "noreferrer"} <= set(link["rel"])
    assert link.select_one(".visually-hidden").get_text(strip=True) == "(external link)"
    assert link.get_text(" ", strip=True).startswith("www.example.org")


def test_logo_is_lazy_with_its_own_size_and_self_hosted(built):
    img = soup(page(built)).select_one("#partner-sport img.u-logo")
    assert img["loading"] == "lazy"
    assert (img["width"], img["height"]) == ("160", "80")
    assert img["alt"] == "Logo des Sportvereins"
    assert img["src"] == f"/{LOGO}"
    assert (built / LOGO).exists() and LOGO != "images/partner/sport.svg"


def test_text_only_card_without_logo(built):
    assert soup(page(built)).select_one("#partner-amt img") is None


def test_untranslated_partner_shown_in_german_with_language_of_parts(built):
    card = soup(page(built, "ar")).select_one("#partner-sport")
    body = card.select_one(".partner-card__body")
    assert (body["lang"], body["dir"]) == ("de", "ltr")
    assert body.select_one(".p-name").get_text() == "Beispiel: Sportverein"
    subhead = body.select_one(".partner-card__subhead")
    assert (subhead["lang"], subhead["dir"]) == ("ar", "rtl"), "UI text inside keeps the page language"
    notice = card.select_one(".notice")
    assert notice["lang"] == "ar" and notice.get_text(strip=True)
    assert soup(page(built, "ar")).select_one("#partner-amt .partner-card__body").get("lang") is None


def test_example_entries_carry_a_visible_badge(built):
    doc = soup(page(built, "en"))
    assert doc.select_one("#partner-sport .partner-card__badge").get_text(strip=True) == "Example"
    assert doc.select_one("#partner-amt .partner-card__badge") is None
    assert "are samples" in doc.select_one("main .notice").get_text()


def test_content_text_is_escaped(built):
    name = soup(page(built)).select_one("#partner-tricky .p-name")
    assert name.get_text() == "A & B </script><!-- <b>"
    assert name.find("b") is None


def test_same_content_gives_byte_identical_pages_also_from_the_content_cache(tmp_path, monkeypatch):
    from pelican.plugins.partners import generator

    reads = []
    real_read = generator.read_partner
    monkeypatch.setattr(generator, "read_partner", lambda *args, **kw: reads.append(args[2]) or real_read(*args, **kw))
    site = PartnerSite(tmp_path)
    site.partner("amt.de.md", AMT.format(lang="de", name="Integration"))
    site.partner("amt.en.md", AMT.format(lang="en", name="Integration EN"))
    site.partner("sport.de.md", SPORT)
    site.logo("sport.svg", SVG_LOGO)
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "generator"}
    pages = []
    for run in range(3):
        Pelican(site.settings(**cached)).run()
        assert len(reads) == 3, f"run {run + 1}: files read again instead of taken from the cache"
        pages.append([(site.root / "out" / p / "partner" / "index.html").read_bytes() for p in ("", "en", "ar")])
    assert (site.root / "cache" / "PartnerGenerator").exists(), "the partner generator caches what it read"
    assert pages[0] == pages[1] == pages[2]
    assert b'<a href="/en/kalender/">Kalender</a>' in pages[2][1], "{view} links resolved also for cached partners"
