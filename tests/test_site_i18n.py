"""Build tests over output/: languages, switcher, hreflang, footer, third-party hosts."""

import re

import feedparser
import pytest


from tests.site import OUTPUT, html_pages, is_standalone, output_dir, pelicanconf, rel, soup, url_to_file

LANGUAGES = pelicanconf.LANGUAGES
DEFAULT = next(iter(LANGUAGES))


def page_language(path):
    parts = path.relative_to(OUTPUT).parts
    return parts[0] if parts[0] in LANGUAGES and parts[0] != DEFAULT else DEFAULT


def test_every_language_has_home_news_and_404():
    out = output_dir()
    for code in LANGUAGES:
        prefix = "" if code == DEFAULT else f"{code}/"
        for page in ("index.html", "aktuelles/index.html", "404.html"):
            assert (out / prefix / page).is_file(), f"{prefix}{page} fehlt"


def test_every_page_declares_lang_and_dir_of_its_language():
    wrong = []
    for path in html_pages():
        html = soup(path).html
        code = page_language(path)
        expected = (code, LANGUAGES[code][1])
        if (html.get("lang"), html.get("dir")) != expected:
            wrong.append(f"{rel(path)}: lang={html.get('lang')} dir={html.get('dir')}, erwartet {expected}")
    assert not wrong, "\n".join(wrong)


def test_hreflang_links_are_absolute_and_point_to_existing_pages():
    problems = []
    for path in html_pages():
        links = soup(path).find_all("link", rel="alternate", hreflang=True)
        codes = [link["hreflang"] for link in links]
        if "x-default" not in codes:
            problems.append(f"{rel(path)}: kein x-default")
        if page_language(path) not in codes:
            problems.append(f"{rel(path)}: hreflang der eigenen Sprache fehlt")
        for link in links:
            href = link["href"]
            if not href.startswith(pelicanconf.SITE_ABSOLUTE_URL):
                problems.append(f"{rel(path)}: hreflang {href} ist nicht absolut")
                continue
            target = url_to_file(href)
            if not target.is_file():
                problems.append(f"{rel(path)}: hreflang {href} zeigt auf keine Datei")
    assert not problems, "\n".join(problems[:50])


def test_language_switcher_follows_govuk_pattern_and_every_link_resolves():
    problems = []
    for path in html_pages():
        if is_standalone(path):
            continue  # the embed for partner sites: no site navigation (its hreflang links are checked above)
        nav = soup(path).select_one("nav.language-switcher")
        if nav is None or not nav.get("aria-label"):
            problems.append(f"{rel(path)}: Sprachumschalter fehlt oder hat kein aria-label")
            continue
        current = nav.select('[aria-current="true"]')
        if len(current) != 1 or current[0].name == "a" or current[0].get("lang") != page_language(path):
            problems.append(f"{rel(path)}: aktuelle Sprache nicht als einzige mit aria-current markiert")
        links = nav.find_all("a")
        if len(links) != len(LANGUAGES) - 1:
            problems.append(f"{rel(path)}: {len(links)} Sprachlinks statt {len(LANGUAGES) - 1}")
        for a in links:
            code = a.get("hreflang")
            if code not in LANGUAGES or a.get("lang") != code or a.get("dir") != LANGUAGES[code][1]:
                problems.append(f"{rel(path)}: Sprachlink {a} ohne passendes lang/hreflang/dir")
            if a.get_text(strip=True) != LANGUAGES.get(code, ("?",))[0]:
                problems.append(f"{rel(path)}: Sprache {code} nicht in ihrer eigenen Sprache benannt")
            target = url_to_file(a["href"])
            if target is None or not target.is_file():
                problems.append(f"{rel(path)}: Sprachlink {a['href']} führt ins Leere")
            elif code != DEFAULT and not rel(target).startswith(f"{code}/"):
                problems.append(f"{rel(path)}: Sprachlink {code} führt zu {rel(target)}")
    assert not problems, "\n".join(problems[:50])


def test_switcher_leads_to_the_same_page_when_translated():
    path = OUTPUT / "ueber-uns" / "index.html"
    nav = soup(path).select_one("nav.language-switcher")
    en = nav.find("a", hreflang="en")
    assert en["href"] == "/en/ueber-uns/"


def test_every_page_links_the_legal_pages_in_its_footer():
    missing = []
    for path in html_pages():
        footer = soup(path).find("footer")
        hrefs = {a["href"] for a in footer.find_all("a")} if footer else set()
        for slug in pelicanconf.LEGAL_PAGES:
            if not any(re.search(rf"/{slug}/$", h) for h in hrefs):
                missing.append(f"{rel(path)}: Fußzeile ohne Link zu {slug}")
    assert not missing, "\n".join(missing[:50])


THIRD_PARTY = re.compile(r"^(https?:)?//(?!127\.0\.0\.1)")


def test_no_asset_is_loaded_from_another_host():
    found = []
    for path in html_pages():
        doc = soup(path)
        for tag, attr in (("img", "src"), ("script", "src"), ("source", "src"), ("iframe", "src"),
                          ("video", "src"), ("audio", "src")):
            for node in doc.find_all(tag, **{attr: True}):
                if THIRD_PARTY.match(node[attr]):
                    found.append(f"{rel(path)}: <{tag} {attr}={node[attr]}>")
        for link in doc.find_all("link", href=True):
            rels = set(link.get("rel", []))
            if rels & {"stylesheet", "icon", "preload", "modulepreload", "manifest"} and THIRD_PARTY.match(link["href"]):
                found.append(f"{rel(path)}: <link rel={sorted(rels)} href={link['href']}>")
        if doc.find(style=True):
            found.append(f"{rel(path)}: style-Attribut (CSP verbietet Inline-Stile)")
    for css in output_dir().rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if THIRD_PARTY.match(url):
                found.append(f"{rel(css)}: url({url})")
    assert not found, "\n".join(found)


def test_untranslated_news_is_shown_once_in_german_with_a_note():
    """The Arabic news list shows every German original exactly once, marked lang=de where untranslated."""
    de_titles = [a.get_text(strip=True) for a in soup(OUTPUT / "aktuelles" / "index.html").select(".card__title a")]
    for code in LANGUAGES:
        if code == DEFAULT:
            continue
        page = soup(OUTPUT / code / "aktuelles" / "index.html")
        cards = page.select("article.card")
        assert len(cards) == len(de_titles), f"{code}: {len(cards)} Nachrichten statt {len(de_titles)}"
        for card in cards:
            body = card.select_one(".card__body")
            if body.get("lang"):
                assert body["lang"] == DEFAULT and body["dir"] == "ltr"
                note = card.select_one(".notice")
                assert note is not None and note.get("lang") == code, f"{code}: Hinweis fehlt bei {body.get_text()[:40]}"


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_news_feeds_parse_with_self_link_and_language(code):
    prefix = "" if code == DEFAULT else f"{code}/"
    for kind in ("atom", "rss"):
        path = OUTPUT / prefix / "feeds" / f"aktuelles.{kind}.xml"
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, f"{rel(path)}: {feed.get('bozo_exception')}"
        assert feed.feed.get("language") == code
        assert feed.entries, f"{rel(path)} ist leer"
        if kind == "atom":
            self_links = [link["href"] for link in feed.feed.links if link.get("rel") == "self"]
            assert self_links == [f"{pelicanconf.SITE_ABSOLUTE_URL}/{prefix}feeds/aktuelles.atom.xml"]


def test_sitemap_lists_every_page_with_its_alternates():
    from xml.etree import ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(OUTPUT / "sitemap.xml")
    locs = {u.find("s:loc", ns).text: u for u in tree.getroot().findall("s:url", ns)}
    for path in html_pages():
        if path.name == "404.html":
            continue
        url = f"{pelicanconf.SITE_ABSOLUTE_URL}/{rel(path).removesuffix('index.html')}"
        if is_standalone(path):
            assert url not in locs, f"{url} ist noindex und gehört nicht in sitemap.xml"
            continue
        assert url in locs, f"{url} fehlt in sitemap.xml"
        page_alternates = {link["hreflang"]: link["href"] for link in soup(path).find_all("link", hreflang=True)}
        sitemap_alternates = {x.get("hreflang"): x.get("href") for x in locs[url].findall("x:link", ns)}
        assert sitemap_alternates == page_alternates, url


def test_placeholders_are_visibly_marked_and_listed():
    """Lists the ORGANIZATION values still to be filled; each shown one must be marked as placeholder."""
    left = {k: v for k, v in pelicanconf.ORGANIZATION.items() if v.startswith(pelicanconf.PLACEHOLDER_MARK)}
    if left:
        print("\nNoch auszufüllen in pelicanconf.py ORGANIZATION:\n" + "\n".join(f"  {k}: {v}" for k, v in left.items()))
    impressum = soup(OUTPUT / "impressum" / "index.html")
    marked = {span.get_text() for span in impressum.select(".placeholder")}
    for key in ("street", "phone", "email", "representatives", "register_court", "register_number"):
        value = pelicanconf.ORGANIZATION[key]
        if value in left.values():
            assert value in marked, f"Platzhalter {key} steht im Impressum nicht markiert"
    for path in html_pages():
        for node in soup(path).find_all(string=re.compile(re.escape(pelicanconf.PLACEHOLDER_MARK))):
            assert node.parent.get("class") == ["placeholder"], f"{rel(path)}: unmarkierter Platzhalter {node[:60]}"
