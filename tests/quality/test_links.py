"""Links: every internal link, asset and fragment in the built site resolves to a file (and id).

Our own small checker over the files in output/ (nothing is fetched). Internal means
root-relative, relative, or absolute under the site's own SITE_ABSOLUTE_URL (also webcal://).
Covered: <a>, <area>, <link> (stylesheets, icons, hreflang alternates, feeds), <img>, <script>,
<source>, <video>/<audio>, <iframe>, <form action>, srcset, plus the links inside Atom/RSS
feeds, sitemap.xml and .ics files (URL, SOURCE, ATTACH).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import lxml.etree
import lxml.html
import pytest

from .builtsite import files, html_files, internal_path, rel, resolve_file, url_for

# (element, attribute) pairs that hold a URL.
URL_ATTRIBUTES = [
    ("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
    ("source", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"),
    ("iframe", "src"), ("embed", "src"), ("object", "data"), ("form", "action"),
]
SRCSET = [("img", "srcset"), ("source", "srcset")]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@functools.cache
def _ids(path: Path) -> frozenset[str]:
    """Every id (and a[name]) in an HTML file: the fragments it offers."""
    tree = lxml.html.parse(str(path))
    found = {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
    found |= {el.get("name") for el in tree.iter("a") if el.get("name")}
    return frozenset(found)


def _links_in_html(path: Path):
    """(url, where) for every URL the page refers to."""
    tree = lxml.html.parse(str(path))
    for tag, attribute in URL_ATTRIBUTES:
        for el in tree.iter(tag):
            value = el.get(attribute)
            if value is not None:
                yield value, f"<{tag} {attribute}> line {el.sourceline}"
    for tag, attribute in SRCSET:
        for el in tree.iter(tag):
            for candidate in (el.get(attribute) or "").split(","):
                if candidate.strip():
                    yield candidate.split()[0], f"<{tag} {attribute}> line {el.sourceline}"


def _links_in_xml(path: Path):
    """Links inside feeds and the sitemap (absolute URLs under the site's base)."""
    tree = lxml.etree.parse(str(path))
    for el in tree.iter(f"{ATOM}link"):
        if el.get("href"):
            yield el.get("href"), f"<link href> line {el.sourceline}"
    for tag in ("link", f"{SITEMAP}loc"):
        for el in tree.iter(tag):
            if el.text and el.text.strip():
                yield el.text.strip(), f"<{tag.split('}')[-1]}> line {el.sourceline}"
    for el in tree.iter("enclosure"):
        if el.get("url"):
            yield el.get("url"), f"<enclosure url> line {el.sourceline}"


def _links_in_ics(path: Path):
    """URL, SOURCE and ATTACH values in an iCalendar file (absolute URLs under the site's base)."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    for component in calendar.walk():
        for name in ("URL", "SOURCE", "ATTACH"):
            values = component.get(name)
            for value in values if isinstance(values, list) else [values] if values else []:
                yield str(value), f"{component.name} {name}"


def _check(source: Path, links) -> list[str]:
    problems = []
    page_url = url_for(rel(source))
    for url, where in links:
        if url.strip().lower().startswith("javascript:"):
            problems.append(f"{rel(source)} {where}: javascript: URL {url!r}")
            continue
        resolved = internal_path(url, page_url)
        if resolved is None:
            continue  # external: not fetched
        target, fragment = resolved
        found = resolve_file(target)
        if found is None:
            problems.append(f"{rel(source)} {where}: {url!r} -> no file {target}")
        elif fragment and found.suffix == ".html" and fragment not in _ids(found):
            problems.append(f"{rel(source)} {where}: {url!r} -> no id=\"{fragment}\" in {rel(found)}")
    return problems


def test_internal_links_resolve(site):
    problems = []
    for path in html_files():
        problems += _check(path, _links_in_html(path))
    for path in files(".xml"):
        problems += _check(path, _links_in_xml(path))
    for path in files(".ics"):
        problems += _check(path, _links_in_ics(path))
    problems = list(dict.fromkeys(problems))  # a recurring event repeats its URL
    if problems:
        pytest.fail(f"broken internal links ({len(problems)}):\n" + "\n".join(problems), pytrace=False)


# <link rel> values that only name another document; every other rel makes the browser fetch.
NAVIGATIONAL_RELS = {"alternate", "canonical", "author", "license", "me", "prev", "next", "help",
                     "bookmark", "search", "external", "nofollow", "noopener", "noreferrer", "privacy-policy",
                     "terms-of-service"}
RESOURCE_TAGS = {"img", "script", "source", "video", "audio", "track", "iframe", "embed", "object"}
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)""")


def _is_foreign(url: str, page_url: str) -> bool:
    """True for an absolute (or protocol-relative) URL on another host than the site itself."""
    return bool(urlsplit(url.strip()).netloc) and internal_path(url, page_url) is None


def test_no_third_party_resources_in_any_file(site):
    """Every page, not just the browser's samples: nothing that a browser fetches comes from another host
    (images, scripts, frames, stylesheets, icons, preconnect/prefetch hints, CSS url() and @import)."""
    problems = []
    for path in html_files():
        page, page_url = rel(path), url_for(rel(path))
        tree = lxml.html.parse(str(path))
        for tag, attribute in URL_ATTRIBUTES + SRCSET:
            if tag == "a" or tag == "area" or tag == "form":
                continue
            for el in tree.iter(tag):
                rels = set((el.get("rel") or "").lower().split())
                if tag == "link" and rels and rels <= NAVIGATIONAL_RELS:
                    continue
                values = (el.get(attribute) or "").split(",") if attribute == "srcset" else [el.get(attribute) or ""]
                for value in values:
                    url = value.split()[0] if value.split() else ""
                    if url and _is_foreign(url, page_url):
                        problems.append(f"{page} line {el.sourceline}: <{tag} {attribute}> loads {url}")
        for el in tree.iter("style"):
            problems += [f"{page} line {el.sourceline}: <style> loads {u}" for u in CSS_URL.findall(el.text or "")
                         if _is_foreign(u, page_url)]
    for path in files(".css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [f"{rel(path)}: loads {u}" for u in CSS_URL.findall(text) if _is_foreign(u, url_for(rel(path)))]
    if problems:
        pytest.fail("third-party resources:\n" + "\n".join(problems), pytrace=False)


def test_language_versions_link_each_other(site):
    """hreflang alternates go both ways: if page A names B as its translation, B names A."""
    alternates: dict[str, set[str]] = defaultdict(set)
    for path in html_files():
        page = rel(path)
        tree = lxml.html.parse(str(path))
        for el in tree.iter("link"):
            if el.get("hreflang") and el.get("href") and "alternate" in (el.get("rel") or "").split():
                resolved = internal_path(el.get("href"), url_for(page))
                if resolved and (found := resolve_file(resolved[0])) is not None:
                    alternates[page].add(rel(found))
    problems = [
        f"{page} lists {other} as a language version, but {other} does not list {page}"
        for page, others in sorted(alternates.items())
        for other in sorted(others)
        if other != page and other in alternates and page not in alternates[other]
    ]
    if problems:
        pytest.fail("one-way hreflang links:\n" + "\n".join(problems), pytrace=False)


def test_checker_finds_a_broken_link(tmp_path, monkeypatch):
    """The checker itself: a link to a missing page and a missing fragment are both reported."""
    from . import builtsite  # noqa: PLC0415

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<!doctype html><p id="here"><a href="/a/#here">ok</a><a href="../b/">missing</a>'
        '<a href="#gone">fragment</a><a href="https://example.org/">external</a></p>', encoding="utf-8")
    monkeypatch.setattr(builtsite, "site_dir", lambda: tmp_path)
    found = _check(tmp_path / "a" / "index.html", _links_in_html(tmp_path / "a" / "index.html"))
    assert len(found) == 2, found
    assert "no file b/index.html" in found[0] and 'no id="gone"' in found[1], found
