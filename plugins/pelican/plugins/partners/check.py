"""``check_partners``: the partner checks without a build, for ``make check``."""

import copy
from pathlib import Path

from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG

from .fields import PARTNER_DIR
from .problems import Problem
from .reading import read_partner, stray_files
from .validation import validate_file, validate_translations


def _languages(settings):
    return list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])


def check_partners(content_path, settings) -> list[Problem]:
    """Every problem in ``<content_path>/partner/*.md``, sorted by file and line; empty when all is well.

    ``settings``: Pelican settings; missing keys take Pelican's defaults.
    """
    content_path = Path(content_path)
    settings = {**copy.deepcopy(DEFAULT_CONFIG), **settings, "PATH": str(content_path)}
    readers = Readers(settings)
    problems, checked = list(stray_files(content_path)), []
    for file in sorted((content_path / PARTNER_DIR).glob("*.md")):  # subfolders: stray_files
        relative = file.relative_to(content_path).as_posix()
        _item, source, problem = read_partner(readers, content_path, relative, {})
        if problem:
            problems.append(problem)
            continue
        found, facts = validate_file(source, content_path, _languages(settings))
        problems.extend(found)
        if facts:
            checked.append((source, facts))
    names = [file.name for file in (content_path / PARTNER_DIR).glob("*.md")]
    problems.extend(validate_translations(checked, settings["DEFAULT_LANG"], names))
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.field, p.message))


def check(content_dir, settings, root=None) -> list[Problem]:
    """Hook for ``content_check``'s ``extra_checks()``: same as :func:`check_partners`."""
    return check_partners(content_dir, settings)
