"""The git history of the content folder, read once per ``HEAD`` and shared by the plugins.

Not a Pelican plugin: a small library the plugins use (the calendar for SEQUENCE and
DTSTAMP, ``translation_freshness`` for translations whose original changed later).

:func:`content_log` runs one ``git log`` over the whole content folder (first parents
only, oldest first, with each commit's message and the blobs it wrote) and one ``git
cat-file --batch`` for the text files those commits wrote. The result is kept per
``HEAD`` for the life of the process, so a build, and the preview's rebuilds, ask git
once however many plugins read the history.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass

# Files whose versions are read (the content's Markdown and the calendar's data files).
TEXT_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".toml")


class GitMissing(Exception):
    """The ``git`` program is not installed."""


class GitFailed(Exception):
    """A git command failed (its message)."""


@dataclass(frozen=True)
class Change:
    """One file a commit wrote (``status`` A, M or D; ``blob`` is all zeros for D)."""

    status: str
    blob: str
    path: str  # relative to the repository's top level


@dataclass(frozen=True)
class Commit:
    sha: str
    time: int  # committer time, Unix seconds
    message: str
    changes: tuple[Change, ...]


def git(cwd: str, *args: str, data: bytes | None = None) -> bytes:
    """Run git in ``cwd``; its standard output, or :class:`GitFailed` with git's last words."""
    env = {**os.environ, "LC_ALL": "C", "LANGUAGE": "", "GIT_TERMINAL_PROMPT": "0"}  # messages we can recognise
    try:
        result = subprocess.run(["git", "-C", cwd, *args], input=data, capture_output=True, check=False, env=env)
    except FileNotFoundError:
        raise GitMissing("git") from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitFailed(" ".join(detail[-2:]) or f"git {args[0]} endete mit {result.returncode}")
    return result.stdout


def repository_of(folder: str) -> str | None:
    """The top level of the git work tree holding ``folder``, or None outside any repository."""
    try:
        return os.path.realpath(git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except GitFailed as error:
        if "not a git repository" in str(error):
            return None
        raise


def is_shallow(top: str) -> bool:
    return git(top, "rev-parse", "--is-shallow-repository").decode().strip() == "true"


def head_of(top: str) -> str:
    """The commit id of ``HEAD``, or "" in a repository without any commit yet."""
    try:
        return git(top, "rev-parse", "--verify", "-q", "HEAD^{commit}").decode().strip()
    except GitFailed:
        return ""


_LOGS: dict[tuple[str, str, str], tuple[Commit, ...]] = {}
_BLOBS: dict[str, str] = {}  # blob sha -> text


def content_log(top: str, head: str, folder: str) -> tuple[Commit, ...]:
    """The commits of ``HEAD``'s first-parent history that touched ``folder`` (relative to
    ``top``), oldest first; the text files they wrote are then readable with :func:`blob_text`."""
    key = (top, head, folder)
    if key not in _LOGS:
        commits = _commits(top, folder) if head else ()
        read_blobs(top, (c.blob for commit in commits for c in commit.changes
                         if c.status != "D" and c.path.endswith(TEXT_SUFFIXES)))  # fmt: skip
        _LOGS[key] = commits
    return _LOGS[key]


def within(path: str, folders) -> bool:
    """Whether the repository path ``path`` is one of ``folders`` or lies below one."""
    return any(path == folder or path.startswith(folder.rstrip("/") + "/") for folder in folders)


def _commits(top: str, folder: str) -> tuple[Commit, ...]:
    raw = git(top, "log", "--first-parent", "--diff-merges=first-parent", "--reverse", "--no-renames", "--raw",
              "--no-abbrev", "-z", "--format=%x00%H%x00%ct%x00%B%x00", "--", folder)  # fmt: skip
    commits: list[tuple[str, int, str, list[Change]]] = []
    tokens = iter(raw.decode("utf-8", "surrogateescape").split("\0"))
    for token in tokens:
        token = token.strip("\n")
        if not token:
            continue
        if token.startswith(":"):
            _old_mode, _new_mode, _old_blob, new, status = token[1:].split(" ")
            commits[-1][3].append(Change(status[0], new, next(tokens)))
        elif re.fullmatch(r"[0-9a-f]{40,64}", token):
            commits.append((token, int(next(tokens)), next(tokens).strip("\n"), []))
    return tuple(Commit(sha, time, message, tuple(changes)) for sha, time, message, changes in commits)


def read_blobs(top: str, shas) -> None:
    """Read the file versions ``shas`` in one ``git cat-file --batch`` (each only once per process)."""
    wanted = sorted({sha for sha in shas if sha not in _BLOBS})
    if not wanted:
        return
    out = git(top, "cat-file", "--batch", data=("\n".join(wanted) + "\n").encode())
    position = 0
    for sha in wanted:
        end = out.index(b"\n", position)
        size = int(out[position:end].split()[2])
        _BLOBS[sha] = out[end + 1 : end + 1 + size].decode("utf-8", "replace")
        position = end + 1 + size + 1


def blob_text(sha: str) -> str:
    return _BLOBS[sha]
