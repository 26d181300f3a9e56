"""Structured data: JSON-LD blocks parse and describe only what we intend; microformats are complete."""

from __future__ import annotations

import json

import lxml.html
import mf2py
import pytest

from .builtsite import html_files, rel

ALLOWED_TYPES = {"Event", "Organization", "WebSite"}
# Microformat root types we emit and the properties each must carry.
MF2_REQUIRED = {"h-event": ("name", "start"), "h-card": ("name",)}


def _top_level_nodes(data):
    """The nodes a JSON-LD block describes: the object itself, a list of them, or its @graph."""
    if isinstance(data, list):
        for item in data:
            yield from _top_level_nodes(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _top_level_nodes(data["@graph"])
        else:
            yield data
    else:
        yield data


def json_ld_problems(page: str, html: str) -> tuple[list[str], int]:
    """(problems, number of blocks) for the JSON-LD blocks in one HTML document."""
    problems, blocks = [], 0
    for script in lxml.html.fromstring(html).iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        blocks += 1
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError as exc:
            problems.append(f"{page} line {script.sourceline}: JSON-LD is not valid JSON: {exc}")
            continue
        for node in _top_level_nodes(data):
            types = node.get("@type") if isinstance(node, dict) else None
            types = types if isinstance(types, list) else [types]
            unexpected = [t for t in types if t not in ALLOWED_TYPES]
            if unexpected:
                problems.append(f"{page} line {script.sourceline}: JSON-LD @type {unexpected} "
                                f"is not one of {sorted(ALLOWED_TYPES)}")
    return problems, blocks


def _mf2_items(items):
    for item in items:
        yield item
        yield from _mf2_items(item.get("children", []))
        for values in item.get("properties", {}).values():
            yield from _mf2_items(v for v in values if isinstance(v, dict) and "type" in v)


def microformat_problems(page: str, html: str) -> list[str]:
    problems = []
    for item in _mf2_items(mf2py.parse(doc=html, html_parser="lxml")["items"]):
        for root_type, required in MF2_REQUIRED.items():
            if root_type in item.get("type", []):
                missing = [p for p in required if not item["properties"].get(p)]
                if missing:
                    problems.append(f"{page}: {root_type} without {', '.join(missing)}")
    return problems


def test_json_ld_parses_and_has_intended_types(site):
    problems = []
    for path in html_files():
        found, _blocks = json_ld_problems(rel(path), path.read_text(encoding="utf-8"))
        problems += found
    if problems:
        pytest.fail("JSON-LD:\n" + "\n".join(problems), pytrace=False)


def test_microformats_are_complete(site):
    problems = []
    for path in html_files():
        problems += microformat_problems(rel(path), path.read_text(encoding="utf-8"))
    if problems:
        pytest.fail("microformats:\n" + "\n".join(problems), pytrace=False)


def test_checks_catch_bad_structured_data():
    """The checks themselves: broken JSON, an unintended @type inside @graph, an h-event without start."""
    html = ('<html><body><script type="application/ld+json">{"@type": </script>'
            '<script type="application/ld+json">{"@graph": [{"@type": "Event"}, {"@type": "Product"}]}</script>'
            '<div class="h-event"><span class="p-name">Fest</span></div></body></html>')
    problems, blocks = json_ld_problems("x.html", html)
    assert blocks == 2
    assert len(problems) == 2 and "not valid JSON" in problems[0] and "Product" in problems[1], problems
    assert microformat_problems("x.html", html) == ["x.html: h-event without start"]
