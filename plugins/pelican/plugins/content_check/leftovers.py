"""Template text that was never replaced: ``$summary`` or ``[Ein, zwei Sätze: worum geht es?]``.

The markers come from the authoring templates themselves (:func:`authoring.new_entry.leftover_markers`),
so a new template cannot slip past the check. Drafts (``Status: draft``) are not published
and may still contain them.
"""

from __future__ import annotations

import re
from pathlib import Path

from pelican.plugins.authoring.new_entry import leftover_markers
from pelican.plugins.kalender.header import scan_header
from pelican.plugins.kalender.problems import Problem

FOLDERS = ("pages", "news", "kalender", "partner")


def check_leftovers(content_dir: Path, settings: dict, root: Path) -> list[Problem]:
    """Every leftover placeholder in a file that would be published."""
    names, texts = leftover_markers()
    placeholder = re.compile(r"\$(?:\{(?P<braced>\w+)\}|(?P<named>\w+))")
    problems = []
    for folder in FOLDERS:
        for path in sorted((Path(content_dir) / folder).rglob("*.md")):
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (UnicodeDecodeError, OSError):
                continue  # reported by the folder's own check
            header = scan_header(text)
            if (header.lines.get("status") or [(0, "")])[0][1].strip().lower() == "draft":
                continue
            fields = {line: header.names[key] for key, lines in header.lines.items() for line, _value in lines}
            rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
            for number, line in enumerate(text.splitlines(), start=1):
                where = fields.get(number, "Text")
                for marker in sorted(texts):
                    if marker in line:
                        problems.append(Problem(rel, number, where, f"der Vorlagentext „{marker}“ steht noch da",
                                                "ihn durch den eigenen Text ersetzen"))
                for match in placeholder.finditer(line):
                    if (match["braced"] or match["named"]) in names:
                        problems.append(Problem(rel, number, where, f"der Platzhalter „{match[0]}“ wurde nicht ersetzt",
                                                "ihn durch den richtigen Wert ersetzen (siehe die Erklärung in der "
                                                "Vorlage, plugins/pelican/plugins/authoring/templates/)"))
    return problems
