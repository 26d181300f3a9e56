"""Search in Chromium: Pagefind's UI on the search page of every language, under the live CSP.

A query in each language finds a known page of that language; the Arabic and the Persian
query are typed with the other language's letters (ي/ی, ك/ک) and still find it. Without
JavaScript the search form leads to the A–Z list. The bytes a visitor downloads for one
search are summed from the responses and printed (and kept under a budget: a size, not a time).
"""

from __future__ import annotations

import gzip

import pytest

from .builtsite import languages, rtl_languages, settings

pytestmark = pytest.mark.xdist_group("browser")

# (language, query as a visitor types it, a page it must find)
QUERIES = [
    ("de", "Kochabend", "/kalender/kochabend/"),
    ("en", "cooking", "/en/kalender/kochabend/"),
    # Arabic "المبتدئين" (beginners) typed with the Persian ی
    ("ar", "المبتدئین", "/ar/kalender/deutschkurs-einstieg/"),
    # Persian "کلاس" (class) typed with the Arabic ك
    ("fa", "كلاس", "/fa/kalender/deutschkurs-einstieg/"),
    ("uk", "кулінарний", "/uk/kalender/kochabend/"),
    ("ru", "кулинарный", "/ru/kalender/kochabend/"),
]
# Everything one search costs a first-time visitor: the search page with its CSS and scripts,
# Pagefind's UI, library, WebAssembly and the index chunks and result fragments it fetches.
SEARCH_BUDGET = 400 * 1024
# Types the .htaccess compresses (mod_deflate); Pagefind's own files are gzip already.
DEFLATED = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
            "image/svg+xml"}


def search_url(lang: str) -> str:
    prefix = "" if lang == languages()[0] else f"{lang}/"
    return f"/{prefix}{settings()['VIEW_URLS']['suche']}"


def run_search(context, server, lang, query):
    """Open the search page, type ``query``; returns (result links, page errors, response sizes, direction)."""
    page = context.new_page()
    errors, sizes = [], {}
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def record(response):
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect has no body
            body = b""
        compressible = response.headers.get("content-type", "").split(";")[0] in DEFLATED
        sizes[response.url] = (len(body), len(gzip.compress(body, 6, mtime=0)) if compressible else len(body))

    page.on("response", record)
    page.goto(server + search_url(lang), wait_until="load")
    field = page.locator(".pagefind-ui__search-input")
    field.wait_for(timeout=15000)
    field.fill(query)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
    direction = page.evaluate("() => getComputedStyle(document.querySelector('.pagefind-ui')).direction")
    form_hidden = not page.locator("#search-form").is_visible()
    page.close()
    return links, errors, sizes, direction, form_hidden


@pytest.fixture(scope="module")
def searches(browser, server):
    results = {}
    for lang, query, expected in QUERIES:
        context = browser.new_context(service_workers="block")  # fresh cache: a first visit
        results[lang] = (query, expected, *run_search(context, server, lang, query))
        context.close()
    return results


def test_a_query_in_every_language_finds_a_known_page(searches):
    assert {lang for lang, _q, _e in QUERIES} == set(languages())
    problems = [f"[{lang}] {query!r}: {expected} not among {links}"
                for lang, (query, expected, links, *_rest) in searches.items() if expected not in links]
    assert not problems, "\n".join(problems)


def test_each_language_searches_only_its_own_pages(searches):
    for lang, (_query, _expected, links, *_rest) in searches.items():
        prefix = "/" if lang == languages()[0] else f"/{lang}/"
        strays = [link for link in links if not link.startswith(prefix)
                  or (lang == languages()[0] and link.split("/")[1] in languages())]
        assert not strays, f"[{lang}] results from another language: {strays}"


def test_search_works_under_the_csp_without_errors_and_replaces_the_plain_form(searches):
    problems = [f"[{lang}] {error}" for lang, (*_x, errors, _s, _d, _h) in searches.items() for error in errors]
    assert not problems, "\n".join(problems)
    assert all(hidden for *_x, hidden in searches.values())


def test_the_search_runs_right_to_left_in_arabic_and_persian(searches):
    for lang, (*_x, direction, _hidden) in searches.items():
        assert direction == ("rtl" if lang in rtl_languages() else "ltr"), (lang, direction)


def test_bytes_downloaded_for_one_search(searches):
    """Reported in the test output (pytest -s or -rA); the budget is a size, never a time."""
    lines, over = [], []
    for lang, (query, _e, _l, _errors, sizes, *_rest) in searches.items():
        total, wire = sum(s[0] for s in sizes.values()), sum(s[1] for s in sizes.values())
        line = (f"[{lang}] one search for {query!r}: {total} bytes ({total / 1024:.1f} KB) in {len(sizes)} responses, "
                f"{wire} bytes ({wire / 1024:.1f} KB) with the server's gzip")
        lines.append(line)
        if total > SEARCH_BUDGET:
            over.append(line)
        if lang == languages()[0]:
            lines += [f"    {raw:>7} {gz:>7}  {url.split('/', 3)[-1]}"
                      for url, (raw, gz) in sorted(sizes.items(), key=lambda i: -i[1][0])]
    print("\n".join(lines))
    assert not over, f"over the search budget of {SEARCH_BUDGET // 1024} KB: {over}"


def test_without_javascript_the_form_leads_to_the_a_to_z_list(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + search_url("fa"), wait_until="load")
    page.fill("#search-query", "کلاس")
    page.click(".search-form__button")
    page.wait_for_load_state("load")
    assert page.url.split("?")[0].endswith("/fa/a-z/")
    links = page.eval_on_selector_all("main a", "els => els.map(e => e.getAttribute('href'))")
    context.close()
    assert "/fa/kalender/deutschkurs-einstieg/" in links and "/fa/kontakt/" in links
