"""Publishing: what the production build needs beyond the site itself.

Only ``publishconf.py`` enables this plugin. It writes ``output/.htaccess`` for the
Apache web space (Strato) at the end of the build. The upload itself (``invoke
publish``) lives in :mod:`publishing.deploy`, which is not a build step.
"""

from pathlib import Path

from pelican import signals

from .htaccess import render_htaccess


def _write_htaccess(pelican):
    settings = pelican.settings
    if not settings.get("HTACCESS_WRITE", True):
        return
    text = render_htaccess(settings)
    Path(pelican.output_path, ".htaccess").write_text(text, encoding="utf-8", newline="\n")


def register():
    signals.finalized.connect(_write_htaccess)
