"""Theme asset URLs with a content fingerprint, so browsers may cache them for a long time."""

import hashlib
from pathlib import Path

import rcssmin


class FingerprintedAssets:
    def __init__(self, static_dir: Path, url_dir: str):
        self.static_dir = Path(static_dir)
        self.url_dir = url_dir.strip("/")
        self._cache = {}

    def url(self, relative_path: str) -> str:
        """``theme/css/site.css?v=<hash>``; a missing asset is a build error, not a broken link."""
        if relative_path not in self._cache:
            source = self.static_dir / relative_path
            if not source.is_file():
                raise FileNotFoundError(f"Theme-Datei fehlt: {source}")
            digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
            self._cache[relative_path] = f"{self.url_dir}/{relative_path}?v={digest}"
        return self._cache[relative_path]


def minify_stylesheets(theme_output: Path) -> None:
    """Minify the theme's CSS where Pelican copied it: every page's byte budget includes it.

    The fingerprint stays that of the source file, which changes whenever the output does.
    """
    for css in sorted(Path(theme_output).rglob("*.css")):
        css.write_text(rcssmin.cssmin(css.read_text(encoding="utf-8")), encoding="utf-8")
