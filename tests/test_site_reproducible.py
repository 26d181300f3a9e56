"""Same content, same date: byte-identical output, with every plugin of pelicanconf.py, the
search index (Pagefind) included. Two builds of the real content into two folders."""

import hashlib
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PELICAN = str(ROOT / ".venv" / "bin" / "pelican")
EPOCH = "1785542400"  # 2026-08-01


def build(out: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    result = subprocess.run([PELICAN, str(ROOT / "content"), "-s", str(ROOT / "pelicanconf.py"), "-o", str(out),
                             "--fatal", "warnings"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_of_the_site_are_byte_identical_search_index_included(tmp_path):
    build(tmp_path / "a")
    build(tmp_path / "b")
    first, second = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert any(name.startswith("pagefind/") and name.endswith(".pf_filter") for name in first)
    different = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert not different, different[:20]
