"""``python -m preview.worker``: a build process that stays, so a rebuild costs only the build.

Started by :class:`~preview.builder.PreviewBuilder`. Each request (one JSON line on stdin:
``{"out": "<folder>"}``) runs one full Pelican build of the content into that folder, as
``pelican … --fatal warnings`` would, and answers with one JSON line
``{"ok": bool, "errors": [lines]}``. Staying alive keeps the imports, the compiled templates
(Jinja's bytecode cache), Pelican's reader cache of unchanged files and the calendar's git
history; every build still reads every file and writes every page. The builder starts a
fresh worker when code, templates' Python, settings or catalogs change.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path


class _Collect(logging.Handler):
    """Keeps the messages of one build (Pelican logs its problems)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record):
        if record.levelno >= logging.WARNING:
            self.lines.append(f"{record.levelname}: {record.getMessage()}")


def _forget_plugin_receivers(baseline: dict) -> None:
    """Each build registers the plugins anew (as a fresh ``pelican`` would); drop the last build's."""
    from blinker.base import ANY_ID, default_namespace  # noqa: PLC0415

    for signal in list(default_namespace.values()):
        for receiver_id in set(signal.receivers) - baseline.get(signal, set()):
            signal._disconnect(receiver_id, ANY_ID)


def build(settings_file: Path, content: Path, out: Path, cache: Path, baseline: dict, collect: _Collect) -> list[str]:
    """One build; the error lines (empty when it worked)."""
    from jinja2 import FileSystemBytecodeCache  # noqa: PLC0415
    from pelican import Pelican  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    _forget_plugin_receivers(baseline)
    collect.lines = []
    (cache / "jinja").mkdir(parents=True, exist_ok=True)
    try:
        settings = read_settings(str(settings_file), override={
            "PATH": str(content), "OUTPUT_PATH": str(out), "CACHE_PATH": str(cache / "pelican"),
            "LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True, "CONTENT_CACHING_LAYER": "reader",
            # No search index in the preview (about a second per rebuild); its search form leads to the A–Z list.
            "SEARCH_INDEX": False,
        })  # fmt: skip
        settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}),
                                         "bytecode_cache": FileSystemBytecodeCache(str(cache / "jinja"))}
        Pelican(settings).run()
    except Exception as error:  # noqa: BLE001 - every failure becomes the message lines of this build
        lines = [line for line in str(error).splitlines() if line.strip()] or [type(error).__name__]
        return lines + [line for line in collect.lines if line not in lines]
    return list(collect.lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pelican.plugins.preview.worker")
    parser.add_argument("--settings", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--cache", required=True)
    args = parser.parse_args(argv)
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # Pelican's own printing goes where stderr goes, never into the answers
    from blinker.base import default_namespace  # noqa: PLC0415
    from pelican import log  # noqa: PLC0415

    log.init(level=logging.WARNING, fatal="warnings")  # as `pelican --fatal warnings`
    collect = _Collect()
    logging.getLogger().addHandler(collect)
    baseline = {signal: set(signal.receivers) for signal in list(default_namespace.values())}
    for line in sys.stdin:
        request = json.loads(line)
        errors = build(Path(args.settings), Path(args.content), Path(request["out"]), Path(args.cache), baseline, collect)
        answers.write(json.dumps({"ok": not errors, "errors": errors}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
