"""One preview build: content check first (clear messages), then Pelican into a fresh directory.

The build runs in a worker process that stays between builds (:mod:`preview.worker`), so a
rebuild does not pay for starting Python, importing Pelican and compiling the templates again.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BuildResult:
    ok: bool
    seconds: float
    errors: list[str] = field(default_factory=list)  # one message per line, German where ours
    warnings: list[str] = field(default_factory=list)  # shown, never block the build
    check_seconds: float = 0.0  # the content check (it runs while the worker builds)


class PreviewBuilder:
    """Builds ``content`` with ``settings_file`` into ``work_dir/build-N``; keeps the last good one."""

    def __init__(self, root: Path, settings_file: Path, content: Path, work_dir: Path):
        self.root = Path(root)
        self.settings_file = Path(settings_file)
        self.content = Path(content)
        self.work_dir = Path(work_dir)
        self.current: Path | None = None  # directory of the last good build
        self.last: BuildResult | None = None
        self._counter = 0
        self._worker: subprocess.Popen | None = None

    def _check(self) -> tuple[list[str], list[str]]:
        """(errors, warnings) of ``make check``."""
        from pelican.plugins.content_check.runner import collect_problems, is_warning, load_settings  # noqa: PLC0415

        settings = load_settings(self.settings_file)
        found = collect_problems(settings, self.content)
        return [str(p) for p in found if not is_warning(p)], [str(p) for p in found if is_warning(p)]

    def _start_worker(self) -> subprocess.Popen:
        env = dict(os.environ)
        self.work_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.work_dir / "worker.log", "ab")  # Pelican's own output; errors come back as answers
        try:
            return subprocess.Popen(
                [sys.executable, "-m", "pelican.plugins.preview.worker", "--settings", str(self.settings_file), "--content",
                 str(self.content), "--cache", str(self.work_dir / "cache")],
                cwd=self.root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
                encoding="utf-8",
            )  # fmt: skip
        finally:
            log.close()

    def restart(self) -> None:
        """Start a fresh worker for the next build (after a change to code, templates, settings, catalogs)."""
        worker, self._worker = self._worker, None
        if worker is not None and worker.poll() is None:
            worker.stdin.close()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()

    close = restart

    def _send(self, out: Path) -> bool:
        """Ask the worker to build into ``out`` (it works while we check the content here)."""
        if self._worker is None or self._worker.poll() is not None:
            self._worker = self._start_worker()
        try:
            self._worker.stdin.write(json.dumps({"out": str(out)}) + "\n")
            self._worker.stdin.flush()
            return True
        except (BrokenPipeError, OSError):
            return False

    def _receive(self) -> str:
        try:
            return self._worker.stdout.readline()
        except (OSError, ValueError):
            return ""

    def _pelican(self, out: Path, sent: bool) -> list[str]:
        """The worker's error lines for the build into ``out`` (a dead worker is replaced once)."""
        answer = self._receive() if sent else ""
        if not answer:
            self.restart()
            shutil.rmtree(out, ignore_errors=True)
            answer = self._receive() if self._send(out) else ""
        if answer:
            return json.loads(answer)["errors"]
        tail = (self.work_dir / "worker.log").read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
        return ["Der Bau ist abgebrochen (Pelican-Prozess beendet):", *tail]

    def build(self) -> BuildResult:
        started = time.monotonic()
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self._counter += 1
        out = self.work_dir / f"build-{os.getpid()}-{self._counter}"
        shutil.rmtree(out, ignore_errors=True)
        sent = self._send(out)
        errors, warnings = self._check()
        checked = time.monotonic() - started
        build_errors = self._pelican(out, sent)  # a content error wins: its message is the plain one
        errors = errors or build_errors
        if errors:
            shutil.rmtree(out, ignore_errors=True)
        else:
            previous, self.current = self.current, out
            if previous and previous != out:
                shutil.rmtree(previous, ignore_errors=True)
        self.last = BuildResult(not errors, time.monotonic() - started, errors, warnings, checked)
        return self.last
