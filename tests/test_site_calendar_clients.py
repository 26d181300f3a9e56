"""Real-client checks on the built calendar feeds: ical.js (Thunderbird's parser) and python
icalendar + recurring-ical-events must expand every feed of every language to the same
occurrences, no time may be floating, and the h-event times on the HTML pages must be
occurrences that ical.js computes.

Time window: the site is built with the clock (``make test`` does not set SOURCE_DATE_EPOCH),
and the real content runs from spring 2026 to autumn 2027. So the window that must be covered is
fixed: 2026-09-01 .. 2027-12-31 (the German courses' term across both DST changes through the end
of the 2027 garden season); a fixed window keeps the test meaningful in later years too. When
SOURCE_DATE_EPOCH is set, the expansion also reaches twelve months past that day. Both tools
expand every series from its first occurrence up to the end of the window (or to the last day an
HTML page shows, if that is later), so past sessions on month pages and in the archive are
checked too, and the comparison covers more than the twelve months.

ical.js runs once, for all files, through tests/quality/icaljs_expand.mjs (JSON out).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
import recurring_ical_events
from icalendar import Calendar

from tests.quality.builtsite import require_node_module, require_tool
from tests.site import output_dir, pelicanconf

pytestmark = pytest.mark.xdist_group("calendar_clients")  # one worker, one node run

EXPAND = Path(__file__).parent / "quality" / "icaljs_expand.mjs"
DEFAULT = next(iter(pelicanconf.LANGUAGES))
UTC = dt.timezone.utc
FIXED_WINDOW = (dt.date(2026, 9, 1), dt.date(2027, 12, 31))
TIME_PROPS = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE")


def expansion_end() -> dt.date:
    """The last day both tools must expand to (see the module docstring)."""
    end = FIXED_WINDOW[1]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        today = dt.datetime.fromtimestamp(int(epoch), UTC).date()
        end = max(end, today + dt.timedelta(days=366))
    return end


def prefix(lang: str) -> str:
    return "" if lang == DEFAULT else f"{lang}/"


def feed_files() -> dict[str, Path]:
    """{site-relative path: file} for every .ics under [<lang>/]kalender/feeds/ of every language."""
    out = output_dir()
    found = {}
    for lang in pelicanconf.LANGUAGES:
        for path in sorted((out / prefix(lang) / "kalender" / "feeds").rglob("*.ics")):
            found[path.relative_to(out).as_posix()] = path
    return found


def instant(value) -> str:
    """The format icaljs_expand.mjs uses: UTC 'YYYY-MM-DDTHH:MM:SSZ', or 'YYYY-MM-DD' for dates
    (a floating time keeps its wall time and has no 'Z')."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # floating: no "Z", so it never equals a real instant
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


# --- HTML: h-events and the entry they belong to --------------------------------------


def _classes(element) -> list[str]:
    return (element.get("class") or "").split()


def _first_with_class(element, name: str):
    for child in element.iter():
        if name in _classes(child):
            return child
    return None


def _page_language(relpath: str) -> str:
    first = relpath.split("/", 1)[0]
    return first if first in pelicanconf.LANGUAGES and first != DEFAULT else DEFAULT


def _entry_slug(url: str, lang: str) -> str | None:
    """The slug of a calendar entry page URL ('…/[<lang>/]kalender/<slug>/'), else None."""
    path = urlsplit(url).path
    base = urlsplit(pelicanconf.SITE_ABSOLUTE_URL).path.rstrip("/")
    if base and path.startswith(base + "/"):
        path = path[len(base):]
    parts = [p for p in path.split("/") if p]
    if parts and parts[0] == lang and lang != DEFAULT:
        parts = parts[1:]
    if len(parts) == 2 and parts[0] == "kalender":
        return parts[1]
    return None


def hevents() -> list[dict]:
    """Every .h-event on every page of every language, with its entry slug and its times."""
    out = output_dir()
    found = []
    for path in sorted(out.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "h-event" not in text:
            continue
        relpath = path.relative_to(out).as_posix()
        lang = _page_language(relpath)
        page_slug = _entry_slug("/" + relpath.removesuffix("index.html"), lang)
        for element in lxml.html.fromstring(text).iter():
            if "h-event" not in _classes(element):
                continue
            url_el = _first_with_class(element, "u-url")
            url = (url_el.get("href") or url_el.get("value")) if url_el is not None else None
            start_el, end_el = _first_with_class(element, "dt-start"), _first_with_class(element, "dt-end")
            found.append({
                "page": relpath, "lang": lang,
                "slug": _entry_slug(url, lang) if url else page_slug,
                "url": url,
                "start": None if start_el is None else (start_el.get("datetime") or start_el.get("value")),
                "end": None if end_el is None else (end_el.get("datetime") or end_el.get("value")),
                "cancelled": any("cancel" in c for c in _classes(element)),
            })
    return found


def _html_time(raw: str):
    """An h-event time: a date, or an aware datetime (None when it has no offset: floating)."""
    if len(raw) == 10:
        return dt.date.fromisoformat(raw)
    value = dt.datetime.fromisoformat(raw)
    return value if value.tzinfo is not None else None


# --- The two expansions -----------------------------------------------------------------


def run_icaljs(files: dict[str, Path], until: dt.datetime) -> dict[str, dict]:
    node = require_tool("node")
    require_node_module("ical.js/package.json")
    request = {"until": instant(until), "files": [str(p) for p in files.values()]}
    result = subprocess.run([node, str(EXPAND)], input=json.dumps(request), capture_output=True,
                            text=True, timeout=120, cwd=Path(__file__).resolve().parent.parent)
    if result.returncode != 0:
        pytest.fail(f"icaljs_expand.mjs failed (exit {result.returncode}): {result.stderr.strip()[:800]}", pytrace=False)
    report = json.loads(result.stdout)
    assert len(report) == len(files), f"ical.js answered for {len(report)} of {len(files)} files"
    return dict(zip(files, report))


def python_expansion(calendar: Calendar, until: dt.datetime) -> dict[str, list[tuple[str, str, str]]]:
    """{UID: sorted [(start, end, STATUS)]} of every occurrence that starts before ``until``."""
    by_uid = defaultdict(list)
    for occurrence in recurring_ical_events.of(calendar).between(dt.date(1970, 1, 1), until):
        start, end = occurrence.start, occurrence.end
        begins = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time(), UTC)
        if isinstance(start, dt.datetime) and start.tzinfo is None:
            begins = start.replace(tzinfo=UTC)  # floating: reported by test_no_time_is_floating
        if begins >= until:
            continue
        status = str(occurrence.get("STATUS", "")).upper()
        by_uid[str(occurrence["UID"])].append((instant(start), instant(end), status))
    return {uid: sorted(items) for uid, items in by_uid.items()}


@pytest.fixture(scope="module")
def expanded():
    """Both expansions of every feed, and every h-event; node runs once for all files."""
    files = feed_files()
    assert files, "keine .ics-Dateien unter [<lang>/]kalender/feeds/: erst `make site`"
    events = hevents()
    last_shown = max((_html_time(e["start"]) for e in events if e["start"] and _html_time(e["start"])),
                     key=lambda v: v if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else v.date(),
                     default=None)
    last_day = expansion_end()
    if last_shown is not None:
        last_day = max(last_day, last_shown if not isinstance(last_shown, dt.datetime) else last_shown.date())
    until = dt.datetime.combine(last_day + dt.timedelta(days=2), dt.time(), UTC)
    calendars = {rel: Calendar.from_ical(path.read_bytes()) for rel, path in files.items()}
    return {
        "files": files,
        "until": until,
        "icaljs": run_icaljs(files, until),
        "calendars": calendars,
        "python": {rel: python_expansion(cal, until) for rel, cal in calendars.items()},
        "hevents": events,
    }


def _icaljs_occurrences(report: dict) -> dict[str, list[tuple[str, str, str]]]:
    return {uid: sorted((o["start"], o["end"], o["status"]) for o in event["occurrences"])
            for uid, event in report["events"].items()}


def _fail(problems: list[str], title: str) -> None:
    if problems:
        shown = problems[:60] + ([f"… and {len(problems) - 60} more"] if len(problems) > 60 else [])
        pytest.fail(f"{title} ({len(problems)}):\n" + "\n".join(shown), pytrace=False)


# --- Tests --------------------------------------------------------------------------------


def test_icaljs_reads_every_feed_without_problems(expanded):
    """One master per UID, every override matches an occurrence, every TZID has its VTIMEZONE."""
    problems = [f"{rel}: {p}" for rel, report in expanded["icaljs"].items() for p in report["problems"]]
    _fail(problems, "ical.js")


def test_icaljs_and_recurring_ical_events_expand_to_the_same_instants(expanded):
    problems = []
    for rel, report in expanded["icaljs"].items():
        js, py = _icaljs_occurrences(report), expanded["python"][rel]
        for uid in sorted(set(js) | set(py)):
            js_items, py_items = js.get(uid, []), py.get(uid, [])
            js_starts, py_starts = [i[0] for i in js_items], [i[0] for i in py_items]
            if js_starts != py_starts:
                problems.append(f"{rel}: {uid}: start instants differ: only ical.js "
                                f"{sorted(set(js_starts) - set(py_starts))}, only recurring-ical-events "
                                f"{sorted(set(py_starts) - set(js_starts))}"
                                + ("" if set(js_starts) != set(py_starts) else f" (counts {len(js_starts)} vs {len(py_starts)})"))
                continue
            for (start, js_end, js_status), (_, py_end, py_status) in zip(js_items, py_items):
                if js_end != py_end:
                    problems.append(f"{rel}: {uid}: occurrence {start} ends {js_end} in ical.js, {py_end} in recurring-ical-events")
                if js_status != py_status:
                    problems.append(f"{rel}: {uid}: occurrence {start} has STATUS {js_status or '(none)'} in ical.js, "
                                    f"{py_status or '(none)'} in recurring-ical-events")
    _fail(problems, "ical.js and recurring-ical-events disagree")


def test_the_window_is_covered_and_cancellations_are_in_it(expanded):
    """The expansion is not vacuous: every language's alle.ics has occurrences in the window, and
    cancelled sessions (an override with STATUS:CANCELLED) are reported as such by both tools."""
    start, end = FIXED_WINDOW
    low, high = instant(dt.datetime.combine(start, dt.time(), UTC)), instant(dt.datetime.combine(end, dt.time(), UTC))
    problems = []
    for lang in pelicanconf.LANGUAGES:
        rel = f"{prefix(lang)}kalender/feeds/alle.ics"
        report = expanded["icaljs"].get(rel)
        if report is None:
            problems.append(f"{rel}: missing")
            continue
        occurrences = [o for e in report["events"].values() for o in e["occurrences"]]
        if not any(low <= o["start"] < high for o in occurrences):
            problems.append(f"{rel}: ical.js finds no occurrence between {start} and {end}")
        js_cancelled = {(uid, o["start"]) for uid, e in report["events"].items() for o in e["occurrences"]
                        if o["status"] == "CANCELLED" and o["override"]}
        py_cancelled = {(uid, i[0]) for uid, items in expanded["python"][rel].items() for i in items if i[2] == "CANCELLED"}
        if not js_cancelled:
            problems.append(f"{rel}: no cancelled session (override with STATUS:CANCELLED), so nothing shows that "
                            "clients see cancellations; the content has one (deutschkurs-aufbau, 2026-12-01)")
        if not js_cancelled <= py_cancelled:
            problems.append(f"{rel}: cancelled in ical.js but not in recurring-ical-events: {sorted(js_cancelled - py_cancelled)}")
    _fail(problems, "window coverage")


def test_no_time_is_floating(expanded):
    """Every DTSTART/DTEND/RECURRENCE-ID/EXDATE/RDATE is VALUE=DATE, UTC or has a TZID with a
    VTIMEZONE: in ical.js (time.zone is not floating) and in python icalendar (tz-aware)."""
    problems = []
    for rel, report in expanded["icaljs"].items():
        for uid, event in report["events"].items():
            floating = [o["start"] for o in event["occurrences"] if o["floating"]]
            if floating:
                problems.append(f"{rel}: {uid}: ical.js expands to floating times, first {floating[0]} ({len(floating)} in all)")
    for rel, calendar in expanded["calendars"].items():
        zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
        for event in calendar.walk("VEVENT"):
            uid = event.get("UID")
            for name in TIME_PROPS:
                props = event.get(name)
                for prop in props if isinstance(props, list) else [props] if props is not None else []:
                    tzid = prop.params.get("TZID")
                    if tzid and tzid not in zones:
                        problems.append(f"{rel}: {uid}: {name};TZID={tzid} without a VTIMEZONE")
                    for value in [d.dt for d in prop.dts] if hasattr(prop, "dts") else [prop.dt]:
                        value = value[0] if isinstance(value, tuple) else value  # PERIOD
                        if isinstance(value, dt.datetime) and value.tzinfo is None:
                            problems.append(f"{rel}: {uid}: {name} {value.isoformat()} is floating in python icalendar")
        for uid, items in expanded["python"][rel].items():
            problems += [f"{rel}: {uid}: recurring-ical-events expands to a floating start {s}"
                         for s, _e, _st in items if len(s) > 10 and not s.endswith("Z")]
    _fail(problems, "floating times")


def test_series_keep_their_local_wall_time_across_dst(expanded):
    """A 17:00 course stays at 17:00 in Europe/Berlin, summer (CEST) and winter (CET), in ical.js's
    own conversion through the registered VTIMEZONE; and the content has such a series."""
    problems, spanning = [], defaultdict(list)
    for rel, report in expanded["icaljs"].items():
        calendar = expanded["calendars"][rel]
        masters = {str(e["UID"]): e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e}
        for uid, event in report["events"].items():
            if not event["recurring"] or event["tzid"] != "Europe/Berlin" or uid not in masters:
                continue
            wall = masters[uid]["DTSTART"].dt.strftime("%H:%M:%S")
            regular = [o for o in event["occurrences"] if not o["override"] and not o["rdate"]]
            wrong = [f"{o['start']} -> {o['local']}" for o in regular if not o["local"] or o["local"][11:] != wall]
            if wrong:
                problems.append(f"{rel}: {uid}: DTSTART wall time {wall}, but ical.js shows {wrong[:5]}")
            if {o["offset"] for o in regular} >= {3600, 7200}:
                spanning[rel.split("kalender/")[0]].append(uid)
    for lang in pelicanconf.LANGUAGES:
        if not spanning.get(prefix(lang)):
            problems.append(f"{prefix(lang)}kalender/feeds/: no Europe/Berlin series with both CEST and CET "
                            "occurrences, so the DST check proves nothing")
    _fail(problems, "local wall time")


def test_uids_are_the_same_in_every_language(expanded):
    by_feed = defaultdict(dict)
    for rel, calendar in expanded["calendars"].items():
        lang = _page_language(rel)
        by_feed[rel.removeprefix(prefix(lang))][lang] = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    problems = []
    assert "kalender/feeds/alle.ics" in by_feed, "kalender/feeds/alle.ics missing"
    for feed, langs in sorted(by_feed.items()):
        reference = langs.get(DEFAULT, set())
        for lang in pelicanconf.LANGUAGES:
            if lang not in langs:
                problems.append(f"{prefix(lang)}{feed}: missing (exists in {sorted(langs)})")
            elif langs[lang] != reference:
                problems.append(f"{prefix(lang)}{feed}: UIDs differ from {feed}: only here {sorted(langs[lang] - reference)}, "
                                f"only in {DEFAULT} {sorted(reference - langs[lang])}")
    _fail(problems, "UIDs per language")


def test_hevent_times_on_pages_are_icaljs_occurrences(expanded):
    """Every h-event's dt-start (and dt-end) on every page is an occurrence ical.js computes for
    that entry's UID (entry page <-> UID via [<lang>/]kalender/feeds/termine/<slug>.ics), with the
    same UTC offset, and a session shown as cancelled is CANCELLED in the feed."""
    problems, checked = [], defaultdict(int)
    for item in expanded["hevents"]:
        where = f"{item['page']}: h-event {item['url'] or ''}"
        if not item["slug"]:
            problems.append(f"{where}: no u-url to a calendar entry page")
            continue
        feed = f"{prefix(item['lang'])}kalender/feeds/termine/{item['slug']}.ics"
        report = expanded["icaljs"].get(feed)
        if report is None:
            problems.append(f"{where}: no per-entry feed {feed}")
            continue
        if not item["start"]:
            problems.append(f"{where}: no dt-start")
            continue
        start = _html_time(item["start"])
        if start is None:
            problems.append(f"{where}: dt-start {item['start']} has no UTC offset (floating)")
            continue
        matches = [(uid, o) for uid, e in report["events"].items() for o in e["occurrences"] if o["start"] == instant(start)]
        if not matches:
            near = sorted(o["start"] for e in report["events"].values() for o in e["occurrences"]
                          if o["start"][:10] == instant(start)[:10])
            problems.append(f"{where}: dt-start {item['start']} = {instant(start)} is no occurrence of "
                            f"{sorted(report['events'])} in {feed} (ical.js that day: {near or 'none'})")
            continue
        uid, occurrence = matches[0]
        checked[item["lang"]] += 1
        if isinstance(start, dt.datetime) and occurrence["offset"] is not None \
                and start.utcoffset().total_seconds() != occurrence["offset"]:
            problems.append(f"{where}: {uid}: dt-start {item['start']} has offset {start.utcoffset()}, "
                            f"ical.js local time is {occurrence['local']} at UTC{occurrence['offset'] / 3600:+g}")
        if item["end"]:
            # The archive sums up a whole series as one h-event: first start to the last session's end.
            end = _html_time(item["end"])
            series_end = max(o["end"] for o in report["events"][uid]["occurrences"])
            if end is None or instant(end) not in (occurrence["end"], series_end):
                problems.append(f"{where}: {uid}: dt-end {item['end']} but ical.js ends the occurrence {occurrence['start']} "
                                f"at {occurrence['end']} (and the series at {series_end})")
        if item["cancelled"] and occurrence["status"] != "CANCELLED":
            problems.append(f"{where}: {uid}: shown as cancelled at {occurrence['start']}, but ical.js has STATUS "
                            f"{occurrence['status'] or '(none)'}")
    for lang in pelicanconf.LANGUAGES:
        if not checked[lang]:
            problems.append(f"{prefix(lang) or '/'}: no h-event with a time on any page, nothing was compared")
    _fail(problems, "h-event times vs. ical.js")
