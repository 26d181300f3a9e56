"""Theme files (CSS, script, logo) under fingerprinted names, CSS minified.

The fingerprint is taken of the bytes as served (after minifying), so it changes whenever
what a browser gets changes, even when only the minifier did.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin

from .names import fingerprinted


class ThemeAssets:
    """URLs of the theme's static files, as ``theme/<path with fingerprint>``."""

    def __init__(self, static_dir: Path, url_dir: str):
        self.static_dir = Path(static_dir)
        self.url_dir = url_dir.strip("/")
        self._names = {}

    def served(self, relative_path: str) -> bytes:
        """The bytes the site serves for a theme file: CSS minified (every page's byte budget includes it)."""
        source = self.static_dir / relative_path
        if not source.is_file():
            raise FileNotFoundError(f"Theme-Datei fehlt: {source}")
        if source.suffix == ".css":
            return rcssmin.cssmin(source.read_text(encoding="utf-8")).encode("utf-8")
        return source.read_bytes()

    def name(self, relative_path: str) -> str:
        if relative_path not in self._names:
            self._names[relative_path] = fingerprinted(relative_path, self.served(relative_path))
        return self._names[relative_path]

    def url(self, relative_path: str) -> str:
        """``theme/css/site.<hash>.css``; a missing theme file is a build error, not a broken link."""
        return f"{self.url_dir}/{self.name(relative_path)}"

    def write(self, output_dir: Path) -> None:
        """Replace every theme file Pelican copied into ``output_dir`` by its fingerprinted version.

        Only fingerprinted names remain, so everything under the theme folder may be cached
        for a year: a changed file always comes under a new name.
        """
        output_dir = Path(output_dir)
        for copied in sorted(p for p in output_dir.rglob("*") if p.is_file()):
            relative = copied.relative_to(output_dir).as_posix()
            if not (self.static_dir / relative).is_file():
                continue
            target = output_dir / self.name(relative)
            target.write_bytes(self.served(relative))
            if target != copied:
                copied.unlink()
