"""tools/bootstrap: the set-up behind `make test`, `make site` and `.ci/run`."""

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _not_root_path(tmp_path: Path) -> str:
    """A PATH whose `id -u` says 1000, so the script behaves as for a volunteer without root."""
    fake = tmp_path / "bin"
    fake.mkdir()
    shim = fake / "id"
    shim.write_text("#!/bin/sh\necho 1000\n")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    return f"{fake}{os.pathsep}{os.environ['PATH']}"


def _run(args, tmp_path, **env):
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PATH": _not_root_path(tmp_path), **env})


def test_without_root_a_missing_tool_stops_with_the_one_apt_get_command(tmp_path):
    result = _run(["tools/bootstrap", "test"], tmp_path, CHROMIUM="/nonexistent/chromium",
                  APACHE2="/nonexistent/apache2")
    assert result.returncode == 1, result.stderr
    assert "sudo apt-get install --no-install-recommends chromium apache2" in result.stderr, result.stderr


def test_make_test_runs_no_test_when_a_tool_is_missing(tmp_path):
    result = _run(["make", "test"], tmp_path, CHROMIUM="/nonexistent/chromium")
    assert result.returncode != 0
    assert "apt-get install --no-install-recommends chromium" in result.stderr
    assert "pytest" not in result.stdout and "passed" not in result.stdout, result.stdout


def test_python_mode_needs_no_browser(tmp_path):
    """`make site` and `make check` work without the test tools (the pull-request check relies on it)."""
    result = _run(["tools/bootstrap", "python"], tmp_path, CHROMIUM="/nonexistent/chromium")
    assert result.returncode == 0, result.stderr
    assert "apt-get" not in result.stderr


def test_installed_tools_match_the_committed_locks():
    """After `make test`'s bootstrap, .venv and node_modules carry the stamp of the current lock files."""
    for folder, locks in ((".venv", ("requirements.txt", "plugins/pyproject.toml")), ("node_modules", ("package-lock.json",))):
        digest = hashlib.sha1(b"".join((ROOT / lock).read_bytes() for lock in locks)).hexdigest()[:12]
        stamps = [f".installed-{digest}"] if folder == ".venv" else [f".installed-{kind}-{digest}" for kind in ("test", "audit")]
        assert any((ROOT / folder / stamp).is_file() for stamp in stamps), f"{folder} is not installed from {locks}"


def test_ci_run_is_make_test_and_nothing_more():
    commands = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1].startswith("make test"), commands
    assert not any("apt-get" in c or "npm" in c for c in commands), commands


def test_the_plugins_are_the_installed_generator_package():
    """The build imports the plugins as the Pelican ecosystem installs them (namespace packages
    pelican.plugins.<name> of one distribution), editable from this repository, not via sys.path."""
    import importlib.metadata  # noqa: PLC0415

    import pelican.plugins.kalender  # noqa: PLC0415

    dist = importlib.metadata.distribution("pelican-community-site")
    assert dist.version
    assert Path(pelican.plugins.kalender.__file__).resolve().is_relative_to(ROOT / "plugins" / "pelican" / "plugins")
    assert not any(Path(entry).resolve() == ROOT / "plugins" for entry in sys.path if entry)
