"""Fingerprinted asset URLs: every file a page embeds has its content hash in its name.

``theme/css/site.3f2a9c1b7d.css``, ``images/garten.8c1e04a2b9.jpg``: a changed file always
gets a new URL. So browsers may cache assets for a year, and an upload can put the new
assets next to the old ones before any page links to them; a page from before the
upload keeps working until the old files are cleaned up at the very end.

Templates get ``asset(path)`` for theme files (:mod:`.theme`) and ``static_url(path)`` for
content files (:mod:`.static`).
"""

from pathlib import Path

from jinja2 import pass_context
from pelican import signals

from .static import fingerprint_static, static_url
from .theme import ThemeAssets

_assets = {}


def _on_initialized(pelican):
    settings = pelican.settings
    _assets["theme"] = ThemeAssets(Path(settings["THEME"]) / "static", settings.get("THEME_STATIC_DIR", "theme"))


def _install_template_functions(generator):
    generator.env.globals.update(asset=_assets["theme"].url, static_url=pass_context(static_url))


def _write_theme_files(pelican):
    _assets["theme"].write(Path(pelican.output_path) / pelican.settings.get("THEME_STATIC_DIR", "theme"))


def register():
    signals.initialized.connect(_on_initialized)
    signals.generator_init.connect(_install_template_functions)
    signals.content_object_init.connect(fingerprint_static)
    signals.finalized.connect(_write_theme_files)
