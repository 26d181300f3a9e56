"""One preview build: content check first (clear messages), then Pelican into a fresh directory."""

from __future__ import annotations

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

    def _check(self) -> tuple[list[str], list[str]]:
        """(errors, warnings) of ``make check``."""
        from content_check.runner import collect_problems, is_warning, load_settings  # noqa: PLC0415

        settings = load_settings(self.settings_file)
        found = collect_problems(settings, self.content)
        return [str(p) for p in found if not is_warning(p)], [str(p) for p in found if is_warning(p)]

    def _pelican(self, out: Path) -> list[str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(self.root / "plugins"), env.get("PYTHONPATH")]))
        pelican = Path(sys.executable).parent / "pelican"
        result = subprocess.run(
            [str(pelican), str(self.content), "-s", str(self.settings_file), "-o", str(out), "--fatal", "warnings"],
            cwd=self.root, env=env, capture_output=True, text=True,
        )
        if result.returncode == 0:
            return []
        text = (result.stdout + "\n" + result.stderr).strip()
        return [line for line in text.splitlines() if line.strip()] or [f"Pelican-Fehler {result.returncode}"]

    def build(self) -> BuildResult:
        started = time.monotonic()
        self.work_dir.mkdir(parents=True, exist_ok=True)
        errors, warnings = self._check()
        if not errors:
            self._counter += 1
            out = self.work_dir / f"build-{os.getpid()}-{self._counter}"
            shutil.rmtree(out, ignore_errors=True)
            errors = self._pelican(out)
            if errors:
                shutil.rmtree(out, ignore_errors=True)
            else:
                previous, self.current = self.current, out
                if previous and previous != out:
                    shutil.rmtree(previous, ignore_errors=True)
        self.last = BuildResult(not errors, time.monotonic() - started, errors, warnings)
        return self.last
