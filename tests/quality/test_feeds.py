"""Feeds: Atom/RSS parse cleanly with feedparser; every .ics parses with ical.js and with
python icalendar, uses CRLF line ends and folds lines at 75 octets (RFC 5545 3.1)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import feedparser
import icalendar
import lxml.etree
import pytest

from .builtsite import files, rel, require_node_module, require_tool, site_dir

ICS_CHECK = Path(__file__).with_name("ics_check.mjs")
FEED_ROOTS = {"{http://www.w3.org/2005/Atom}feed": "atom", "rss": "rss"}


def _fail_if(problems: list[str], title: str) -> None:
    if problems:
        pytest.fail(f"{title} ({len(problems)}):\n" + "\n".join(problems), pytrace=False)


@pytest.fixture(scope="module")
def xml_files(site):
    """{path: root tag} for every .xml file; files that are not well-formed fail here."""
    roots, problems = {}, []
    for path in files(".xml"):
        try:
            roots[path] = lxml.etree.parse(str(path)).getroot().tag
        except lxml.etree.XMLSyntaxError as exc:
            problems.append(f"{rel(path)}: not well-formed XML: {exc}")
    _fail_if(problems, "broken XML files")
    return roots


@pytest.fixture(scope="module")
def ics_files(site):
    return files(".ics")


def test_feeds_parse_without_bozo(xml_files):
    feeds = {path: FEED_ROOTS[tag] for path, tag in xml_files.items() if tag in FEED_ROOTS}
    problems = []
    for path, kind in feeds.items():
        parsed = feedparser.parse(path.read_bytes())
        if parsed.bozo:
            problems.append(f"{rel(path)}: feedparser: {parsed.bozo_exception}")
        elif not parsed.version.startswith(kind):
            problems.append(f"{rel(path)}: feedparser reads it as {parsed.version!r}, expected {kind}")
        problems += [f"{rel(path)}: entry without link: {e.get('title')!r}" for e in parsed.entries if not e.get("link")]
    if not any(kind == "atom" for kind in feeds.values()) or not any(kind == "rss" for kind in feeds.values()):
        problems.append(f"expected Atom and RSS news feeds, found {sorted(rel(p) for p in feeds)}")
    _fail_if(problems, "feeds")


def test_ics_files_exist_with_the_calendar(ics_files):
    """Once the calendar is built, its feeds are there too."""
    calendars = [p for p in site_dir().rglob("kalender") if p.is_dir()]
    if calendars and not ics_files:
        pytest.fail(f"calendar pages exist ({rel(calendars[0])}/) but no .ics file was built", pytrace=False)


def test_ics_parse_with_icaljs(ics_files):
    """All .ics files in one node call to ical.js."""
    if not ics_files:
        return
    node = require_tool("node")
    require_node_module("ical.js/package.json")
    result = subprocess.run([node, str(ICS_CHECK)], input=json.dumps([str(p) for p in ics_files]),
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"ics_check.mjs failed (exit {result.returncode}): {result.stderr.strip()[:800]}", pytrace=False)
    report = json.loads(result.stdout)
    assert len(report) == len(ics_files)
    problems = [f"{rel(Path(entry['file']))}: {p}" for entry in report for p in entry["problems"]]
    _fail_if(problems, "ical.js")


def test_ics_parse_with_python_icalendar(ics_files):
    problems = []
    for path in ics_files:
        try:
            calendar = icalendar.Calendar.from_ical(path.read_bytes())
        except Exception as exc:  # noqa: BLE001 - any parse error is the finding
            problems.append(f"{rel(path)}: icalendar cannot parse it: {exc}")
            continue
        if calendar.name != "VCALENDAR":
            problems.append(f"{rel(path)}: top-level component is {calendar.name}")
        problems += [f"{rel(path)}: VCALENDAR has no {prop}" for prop in ("VERSION", "PRODID") if prop not in calendar]
        for event in calendar.walk("VEVENT"):
            label = event.get("UID", "event without UID")
            problems += [f"{rel(path)}: {label}: no {prop}" for prop in ("UID", "DTSTAMP", "DTSTART") if prop not in event]
    _fail_if(problems, "python icalendar")


def test_ics_use_crlf_and_fold_at_75_octets(ics_files):
    problems = []
    for path in ics_files:
        data = path.read_bytes()
        if not data.endswith(b"\r\n"):
            problems.append(f"{rel(path)}: does not end with CRLF")
        lines = data.split(b"\n")
        if lines[-1] == b"":
            lines.pop()
        bare = [n for n, line in enumerate(lines, start=1) if not line.endswith(b"\r") or b"\r" in line[:-1]]
        if bare:
            problems.append(f"{rel(path)}: {len(bare)} line(s) without CRLF end, first at line {bare[0]}")
        for number, line in enumerate(lines, start=1):
            content = line.removesuffix(b"\r")
            if len(content) > 75:
                problems.append(f"{rel(path)}:{number}: {len(content)} octets, more than 75: {content[:40]!r}…")
    _fail_if(problems, ".ics line format")
