"""Helpers for the plugins' tests (not a Pelican plugin)."""

import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def compiled_theme() -> Path:
    """A copy of the repo theme with freshly compiled catalogs, made once per test session.

    Builds in tests use it so they do not depend on `make site` having compiled the
    catalogs, and never write into the repository's theme. Treat it as read-only.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    theme = Path(tempfile.mkdtemp(prefix="kompetenz-theme-")) / "kompetenz"
    shutil.copytree(REPO / "themes" / "kompetenz", theme, ignore=shutil.ignore_patterns("*.mo"))
    for po in (theme / "translations").glob("*/LC_MESSAGES/messages.po"):
        with open(po, "rb") as fp:
            catalog = read_po(fp)
        with open(po.with_suffix(".mo"), "wb") as fp:
            write_mo(fp, catalog)
    return theme


def write_content(content: Path, rel: str, text: str) -> Path:
    """Write ``content/<rel>`` for a test site; ``text`` may be indented like the test code."""
    import textwrap

    path = Path(content) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path
