"""Helpers for the plugins' tests (not a Pelican plugin)."""

import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]


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


GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}


def git(repo: Path, *args: str, when: int | None = None) -> str:
    """Run git in ``repo`` with a fixed identity; ``when`` (Unix time) dates a commit."""
    import os
    import subprocess

    env = {**os.environ, **GIT_IDENTITY, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    result = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def git_init(repo: Path) -> Path:
    """Make ``repo`` a new git repository on branch main (no commit yet)."""
    Path(repo).mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return Path(repo)


def commit_all(repo: Path, message: str, when: int) -> str:
    """Commit every change in ``repo`` at Unix time ``when``; returns the commit id."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD").strip()
