"""Browser gate: every kind of page in every language, in headless Chromium.

One walk over the pages collects everything (axe-core results, overflow, direction, mirroring,
keyboard, requests); the tests below each judge one aspect and list every failing page at once.
The walk runs once per session, in one browser, so keep these tests in one process
(they share the xdist group "browser").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from .builtsite import (
    SCREENSHOT_DIR,
    build_today,
    is_standalone,
    languages,
    missing_kinds,
    page_samples,
    require_node_module,
    rtl_languages,
)

pytestmark = pytest.mark.xdist_group("browser")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

OVERFLOW_JS = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1)) {
      const parentBox = el.parentElement.getBoundingClientRect();
      if (!(parentBox.right > width + 1 || parentBox.left < -1)) {
        culprits.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
          + ' [' + Math.round(box.left) + '..' + Math.round(box.right) + ']');
      }
    }
    if (culprits.length >= 3) break;
  }
  return {scrollWidth: root.scrollWidth, clientWidth: width, culprits};
}"""

DIRECTION_JS = """() => ({
  html: getComputedStyle(document.documentElement).direction,
  body: getComputedStyle(document.body).direction,
  main: document.querySelector('main') ? getComputedStyle(document.querySelector('main')).direction : null,
})"""

# For every <nav>: its items (list items, else links) as boxes. Mirrored in RTL means the first
# item sits to the right of the second one on the same row; a one-column list instead must have
# its first link's text against the right edge.
NAV_JS = """() => Array.from(document.querySelectorAll('nav')).map(nav => {
  const visible = el => el.getClientRects().length > 0;
  let items = Array.from(nav.querySelectorAll('li')).filter(visible);
  if (items.length < 2) items = Array.from(nav.querySelectorAll('a, [aria-current]')).filter(visible);
  const boxes = items.map(el => { const b = el.getBoundingClientRect();
                                  return {left: b.left, right: b.right, top: b.top, text: el.textContent.trim()}; });
  let textBox = null;
  const link = items.length ? (items[0].querySelector('a, span') || items[0]) : null;
  if (link) { const range = document.createRange(); range.selectNodeContents(link);
              const b = range.getBoundingClientRect(); textBox = {left: b.left, right: b.right}; }
  const navBox = nav.getBoundingClientRect();
  return {label: nav.getAttribute('aria-label') || nav.className || 'nav',
          switcher: nav.querySelector('a[hreflang]') !== null,
          items: boxes, textBox, navBox: {left: navBox.left, right: navBox.right}};
})"""

ACTIVE_JS = """() => {
  const el = document.activeElement;
  const main = document.querySelector('main');
  return {tag: el ? el.tagName.toLowerCase() : null,
          href: el && el.getAttribute('href'),
          text: el ? (el.textContent || '').trim().slice(0, 60) : '',
          inMain: !!(main && el && (el === main || main.contains(el)))};
}"""

# What must stay on one line: English menu labels (class nowrap), a time ("5:30 م"), and a time
# range (two <time> around a dash joined by WORD JOINERs). An inline element that wraps has client
# rects on more than one line (bidi reordering splits one line into several rects at one height).
UNBROKEN_JS = """() => {
  const lines = rects => new Set(Array.from(rects).map(r => Math.round(r.top)));
  const broken = [];
  for (const el of document.querySelectorAll('.nowrap, time')) {
    if (el.matches('time') && el.textContent.trim().length > 10) continue;  // a date may wrap
    if (lines(el.getClientRects()).size > 1) broken.push(el);
  }
  for (const end of document.querySelectorAll('time')) {
    const dash = end.previousSibling, start = end.previousElementSibling;
    if (!dash || dash.nodeType !== 3 || dash.textContent !== '\u2060–\u2060' || !start || start.tagName !== 'TIME') continue;
    const a = start.getClientRects(), b = end.getClientRects();
    if (a.length && b.length && Math.round(a[a.length - 1].top) !== Math.round(b[0].top)) broken.push(end.parentElement);
  }
  return broken.slice(0, 5).map(el => el.tagName.toLowerCase() + ' ' + JSON.stringify(el.textContent.trim()));
}"""
# Tables (month, course timetable) only show from 48em; axe checks these kinds at desktop width too.
DESKTOP_AXE_KINDS = {"calendar-month", "calendar-kurse"}

AXE_RUN_JS = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => ({target: n.target.join(' '), summary: (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')})),
    count: v.nodes.length}));
}"""


@dataclass
class PageReport:
    kind: str
    lang: str
    path: str
    error: str | None = None
    status: int | None = None
    axe: list = field(default_factory=list)
    overflow: dict = field(default_factory=dict)
    direction: dict = field(default_factory=dict)
    navs: list = field(default_factory=list)
    keyboard: list = field(default_factory=list)
    third_party: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    broken: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.kind} [{self.lang}] /{self.path}"


def _keyboard_problems(page) -> list[str]:
    """First Tab must land on a skip link; activating it must move focus into <main>."""
    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE_JS)
    if first["tag"] != "a" or not (first["href"] or "").startswith("#") or len(first["href"]) < 2:
        return [f"first Tab focuses <{first['tag']}> href={first['href']!r} {first['text']!r}, not a skip link"]
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    after = page.evaluate(ACTIVE_JS)
    if not after["inMain"]:
        return [f"skip link {first['href']} leaves focus on <{after['tag']}> {after['text']!r}, not in <main> "
                "(give the target tabindex=\"-1\")"]
    return []


def _visit(page, server: str, report: PageReport, axe_source: str) -> None:
    page.set_viewport_size(PHONE)
    response = page.goto(f"{server}/{report.path}", wait_until="load")
    report.status = response.status if response else None
    report.keyboard = [] if is_standalone(report.kind) else _keyboard_problems(page)
    page.evaluate(axe_source)
    report.axe = page.evaluate(AXE_RUN_JS, AXE_TAGS)
    page.evaluate("() => window.scrollTo(0, 0)")
    report.overflow["360x740"] = page.evaluate(OVERFLOW_JS)
    report.broken = page.evaluate(UNBROKEN_JS)
    safe_kind = re.sub(r"[^A-Za-z0-9_-]", "_", report.kind)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{safe_kind}-{report.lang}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    report.overflow["1280x800"] = page.evaluate(OVERFLOW_JS)
    if report.kind in DESKTOP_AXE_KINDS:
        report.axe += [dict(v, id=f"{v['id']} (1280x800)") for v in page.evaluate(AXE_RUN_JS, AXE_TAGS)]
    report.direction = page.evaluate(DIRECTION_JS)
    report.navs = page.evaluate(NAV_JS)


def _guard_requests(context, record) -> None:
    """Route every request of the context: 127.0.0.1 passes, any other host is recorded and aborted."""

    def route(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            record(url)
            route.abort()

    context.route("**/*", route)


@pytest.fixture(scope="module")
def samples(site):
    return page_samples()


@pytest.fixture(scope="module")
def reports(browser, server, samples):
    """Visit every sample page once and collect what the tests below judge."""
    axe_source = require_node_module("axe-core/axe.min.js").read_text(encoding="utf-8")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=PHONE, service_workers="block")
    current: dict[str, PageReport] = {}
    _guard_requests(context, lambda url: current["page"].third_party.append(url))
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and current["page"].console_errors.append(msg.text))
    page.on("response", lambda r: r.status >= 400 and current["page"].failed_requests.append(f"{r.status} {r.url}"))
    results = []
    for (kind, lang), path in samples.items():
        report = PageReport(kind, lang, path)
        current["page"] = report
        try:
            _visit(page, server, report, axe_source)
        except Exception as exc:  # noqa: BLE001 - one broken page must not hide the others
            report.error = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
        results.append(report)
    context.close()
    return results


def _fail_if(problems: list[str], title: str) -> None:
    if problems:
        pytest.fail(f"{title} ({len(problems)}):\n" + "\n".join(problems), pytrace=False)


def test_every_kind_of_page_exists(samples):
    _fail_if(missing_kinds(samples), "page kinds missing from the built site")


def test_every_page_loads(reports):
    problems = [f"{r.name}: {r.error}" for r in reports if r.error]
    problems += [f"{r.name}: HTTP {r.status}" for r in reports if r.status not in (200, 304, None) and not r.error]
    problems += [f"{r.name}: request failed: {f}" for r in reports for f in r.failed_requests]
    problems += [f"{r.name}: console error: {c}" for r in reports for c in r.console_errors]
    _fail_if(problems, "pages that do not load cleanly")


def test_axe_finds_no_violations(reports):
    problems = []
    for r in reports:
        for v in r.axe:
            nodes = "; ".join(f"{n['target']} ({n['summary']})" for n in v["nodes"])
            problems.append(f"{r.name}: [{v['impact']}] {v['id']}: {v['help']} x{v['count']}: {nodes}")
    _fail_if(problems, "axe-core violations (" + ", ".join(AXE_TAGS) + ")")


def test_no_horizontal_overflow(reports):
    problems = [
        f"{r.name} at {size}: scrollWidth {o['scrollWidth']} > clientWidth {o['clientWidth']}; "
        f"sticking out: {', '.join(o['culprits']) or '?'}"
        for r in reports
        for size, o in r.overflow.items()
        if o["scrollWidth"] > o["clientWidth"]
    ]
    _fail_if(problems, "horizontal overflow")


def test_ranges_times_and_english_labels_stay_on_one_line(reports):
    """At 360 px: no time range breaks after its dash, no "م" leaves its time, no English label splits."""
    problems = [f"{r.name}: {item}" for r in reports for item in r.broken]
    _fail_if(problems, "wrapped inside a range or label (360x740)")


def _nav_order(nav: dict) -> tuple[str | None, str]:
    """Which way a nav's items run: ("rtl" | "ltr" | None if undecidable, explanation)."""
    items = nav["items"]
    if len(items) < 2:
        return None, "fewer than two visible items"
    first = items[0]
    same_row = [b for b in items[1:] if abs(b["top"] - first["top"]) < 4]
    if same_row:
        second = same_row[0]
        order = "rtl" if first["left"] > second["left"] else "ltr"
        return order, (f"first item '{first['text']}' at x={first['left']:.0f}, "
                       f"next '{second['text']}' at x={second['left']:.0f}")
    text, box = nav["textBox"], nav["navBox"]
    if not text:
        return None, "no text in the first item"
    order = "rtl" if (box["right"] - text["right"]) < (text["left"] - box["left"]) else "ltr"
    return order, f"one column; first item '{first['text']}' text at x={text['left']:.0f}..{text['right']:.0f}"


def _direction_problems(report: PageReport, expected: str) -> list[str]:
    problems = []
    wrong = {k: v for k, v in report.direction.items() if v not in (expected, None)}
    if wrong:
        problems.append(f"{report.name}: computed direction {wrong}, expected {expected}")
    for nav in report.navs:
        order, why = _nav_order(nav)
        if order and order != expected:
            problems.append(f"{report.name}: nav '{nav['label']}' runs {order}, expected {expected}: {why}")
    return problems


def test_rtl_languages_are_mirrored(reports):
    rtl = set(rtl_languages())
    problems = []
    checked = [r for r in reports if r.lang in rtl and not r.error]
    for r in checked:
        problems += _direction_problems(r, "rtl")
        if is_standalone(r.kind):
            continue  # no site navigation on it
        if not any(n["switcher"] and _nav_order(n)[0] for n in r.navs):
            problems.append(f"{r.name}: no language switcher (<nav> with a[hreflang] and 2+ items) found")
        if not any(not n["switcher"] and _nav_order(n)[0] for n in r.navs):
            problems.append(f"{r.name}: no navigation with 2+ items besides the language switcher found")
    if rtl and not checked:
        problems.append(f"no page in the right-to-left languages {sorted(rtl)} was checked")
    _fail_if(problems, "right-to-left layout (checked at 1280x800)")


def test_ltr_languages_are_not_mirrored(reports):
    """The same check on left-to-right pages: proves the mirror check tells the two apart."""
    rtl = set(rtl_languages())
    problems = []
    for r in reports:
        if r.lang not in rtl and not r.error:
            problems += _direction_problems(r, "ltr")
    _fail_if(problems, "left-to-right layout (checked at 1280x800)")


def test_skip_link_moves_focus_to_main(reports):
    problems = [f"{r.name}: {p}" for r in reports for p in r.keyboard]
    _fail_if(problems, "keyboard: skip link")


def test_no_third_party_requests(reports):
    problems = [f"{r.name}: requested {url}" for r in reports for url in r.third_party]
    _fail_if(problems, "requests to hosts other than 127.0.0.1")


def test_screenshots_written(reports):
    """One phone-size screenshot per kind and language; prints which page stood for which kind."""
    lines = [f"{r.kind:28} {r.lang:3} /{r.path}" for r in reports]
    print("\n".join(lines))
    missing = [r.name for r in reports if not r.error
               and not (SCREENSHOT_DIR / f"{re.sub(r'[^A-Za-z0-9_-]', '_', r.kind)}-{r.lang}.png").is_file()]
    _fail_if(missing, "screenshots not written")


MONTH_MARKS_JS = """() => {
  const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const table = document.querySelector('table.month');
  return {table: shown(table),
          today: shown(document.querySelector('td[aria-current="date"] .month__today-label')),
          flags: Array.from(document.querySelectorAll('table.month .flag')).filter(shown).length};
}"""


@pytest.fixture(scope="module")
def current_month_pages(site):
    """The month page holding the build's today, in every language (where today is marked)."""
    month = f"{build_today(site):%Y-%m}"
    langs = languages()
    return {lang: ("" if lang == langs[0] else f"{lang}/") + f"kalender/monat/{month}/" for lang in langs}


def test_the_month_table_with_today_and_changed_sessions_passes_axe_at_desktop_width(browser, server, current_month_pages):
    """The month table only shows from 48em: its marks (today, cancelled, moved) are checked there."""
    axe_source = require_node_module("axe-core/axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    page = context.new_page()
    problems = []
    for lang, path in current_month_pages.items():
        page.goto(f"{server}/{path}", wait_until="load")
        page.evaluate(axe_source)
        for v in page.evaluate(AXE_RUN_JS, AXE_TAGS):
            problems.append(f"{path}: [{v['impact']}] {v['id']}: {v['help']} x{v['count']}")
        marks = page.evaluate(MONTH_MARKS_JS)
        if not (marks["table"] and marks["today"] and marks["flags"] >= 3):
            problems.append(f"{path}: today or the status words not visible in the table: {marks}")
        page.screenshot(path=str(SCREENSHOT_DIR / f"calendar-month-today-desktop-{lang}.png"), full_page=True)
    context.close()
    _fail_if(problems, "month table at 1280x800")


def test_browser_checks_catch_known_problems(browser):
    """The gate itself: a page with a foreign image, no alt, no lang, a too-wide box and a wrapped
    range is caught."""
    axe_source = require_node_module("axe-core/axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context(viewport=PHONE)
    requested: list[str] = []
    _guard_requests(context, requested.append)
    page = context.new_page()
    page.set_content('<!doctype html><title>t</title><main><img src="https://example.org/x.png">'
                     '<div style="width:2000px">wide</div>'
                     '<p style="width:4em"><time>17:30</time>&#8288;–&#8288;<time>19:00</time> '
                     '<span class="nowrap">New Calendar Subscription</span></p></main>')
    page.evaluate(axe_source)
    violations = {v["id"] for v in page.evaluate(AXE_RUN_JS, AXE_TAGS)}
    overflow = page.evaluate(OVERFLOW_JS)
    broken = page.evaluate(UNBROKEN_JS)  # no stylesheet: the label wraps in 4em; the joined range does not
    context.close()
    assert requested == ["https://example.org/x.png"]
    assert {"image-alt", "html-has-lang"} <= violations, violations
    assert overflow["scrollWidth"] > overflow["clientWidth"], overflow
    assert broken == ['span "New Calendar Subscription"'], broken
