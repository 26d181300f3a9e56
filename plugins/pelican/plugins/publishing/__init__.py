"""Publishing: what the production build needs beyond the site itself.

Only ``publishconf.py`` enables this plugin. It writes ``output/.htaccess`` for the
Apache web space (Strato) at the end of the build. The upload itself (``invoke
publish``) lives in :mod:`publishing.deploy`, which is not a build step.
"""

from pathlib import Path

from pelican import signals

import logging

from .htaccess import HtaccessSettingError, render_htaccess

logger = logging.getLogger(__name__)


def _write_htaccess(pelican):
    settings = pelican.settings
    if not settings.get("HTACCESS_WRITE", True):
        return
    try:
        text = render_htaccess(settings)
    except HtaccessSettingError as error:
        logger.error("%s", error)  # the build fails (--fatal warnings) with the message, no traceback
        return
    Path(pelican.output_path, ".htaccess").write_text(text, encoding="utf-8", newline="\n")


def register():
    signals.finalized.connect(_write_htaccess)
