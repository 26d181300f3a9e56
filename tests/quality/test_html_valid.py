"""HTML validity: the Nu Html Checker (npm vnu-jar) over the whole built site in one Java call.

Errors fail the test; warnings appear in pytest's warnings summary.
"""

from __future__ import annotations

import json
import subprocess
import warnings
from pathlib import Path

import pytest

from .builtsite import html_files, rel, require_node_module, require_tool, site_dir


class HtmlCheckerWarning(UserWarning):
    """A warning from the Nu Html Checker: shown in the test output, does not fail."""


def _where(message: dict) -> str:
    url = message.get("url", "")
    path = url.removeprefix("file:")
    try:
        path = rel(Path(path))
    except ValueError:
        pass
    line = message.get("lastLine") or message.get("firstLine")
    return f"{path}:{line}" if line else path


# Checked in the same call as the site: it must yield an error, which proves the checker ran.
CANARY = "<!doctype html><html lang=de><head><title>canary</title></head><body><p><div>x</p></body></html>"


@pytest.fixture(scope="module")
def checker_messages(site, tmp_path_factory):
    """All messages of one vnu run over the site (plus the canary, which is checked and removed)."""
    java = require_tool("java")
    jar = require_node_module("vnu-jar/build/dist/vnu.jar")
    canary = tmp_path_factory.mktemp("vnu") / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--exit-zero-always",
         "--skip-non-html", "--also-check-css", "--also-check-svg", str(site_dir()), str(canary)],
        capture_output=True, text=True, timeout=300,
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {result.returncode}): {result.stderr[:500]}", pytrace=False)
    canary_url = canary.as_uri().replace("file://", "file:")
    if not any(m.get("url") == canary_url and m.get("type") == "error" for m in messages):
        pytest.fail(f"vnu did not flag the broken canary document; its report: {result.stderr[:500]}", pytrace=False)
    return [m for m in messages if m.get("url") != canary_url]


def test_html_and_css_are_valid(checker_messages):
    """Zero errors from the Nu Html Checker in every HTML, CSS and SVG file of the site."""
    errors, notes = [], []
    for message in checker_messages:
        text = f"{_where(message)}: {message.get('message', '').strip()}"
        if message.get("extract"):
            text += f"  [{message['extract'].strip()}]"
        if message.get("type") in ("error", "non-document-error"):
            errors.append(text)
        elif message.get("subType") == "warning":
            notes.append(text)
    for note in notes:
        warnings.warn(note, HtmlCheckerWarning, stacklevel=1)
    if errors:
        pytest.fail(f"Nu Html Checker: {len(errors)} error(s) in {len(html_files())} HTML files:\n"
                    + "\n".join(errors), pytrace=False)
