"""Content guard: content is untrusted, so the build refuses what could harm the site.

``make check`` reports every one of these cases in German before anything is built
(:mod:`content_check`); this plugin is the build's own last line of defence, for a build
started some other way. It refuses

* symbolic links and special files anywhere in the content folder (:mod:`.paths`), and
  static files that resolve outside it (``{static}/../../geheim``);
* header fields that choose the output file (``Save_as``, ``Url``) or overwrite internals
  of Pelican's content objects (:mod:`.output_paths`);
* reStructuredText and HTML source files: their readers can include files of the build
  machine (``.. include:: /root/.ssh/id``) and bypass the Markdown checks.

The HTML allow-list for Markdown bodies is :mod:`.html_policy`; ``make check`` applies it.
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.contents import Static

from .output_paths import REFUSED_FIELDS, REFUSED_FIX, refused_field_message, unsafe_metadata
from .paths import LINK_FIX, is_inside, shown_path, unsafe_entries

logger = logging.getLogger(__name__)
# Readers that can read files outside the content folder or take HTML unchecked.
REFUSED_READERS = ("rst", "html", "htm")


class ContentGuardError(ValueError):
    """Unsafe content found by the build; the message lists every case in the check's format."""

    def __init__(self, lines):
        self.lines = sorted(lines)
        super().__init__("Unsichere Inhalte, die Website wurde nicht gebaut:\n" + "\n".join(self.lines))


def _refuse_unsafe_readers(readers):
    for extension in REFUSED_READERS:
        readers.reader_classes[extension] = None


def _refuse_unsafe_paths(pelican):
    problems = unsafe_entries(pelican.settings["PATH"])
    if problems:
        raise ContentGuardError(str(p) for p in problems)


def _refuse_unsafe_fields(instance):
    if isinstance(instance, Static):
        return
    fields = unsafe_metadata(instance.metadata, type(instance))
    if fields:
        where = shown_path(instance.source_path, instance.settings["PATH"])
        names = [REFUSED_FIELDS.get(name, name) for name in fields]
        error = ContentGuardError(f"{where}: {name}: {refused_field_message(name)} — {REFUSED_FIX}" for name in names)
        logger.error("%s", error)  # Pelican logs only "Could not process …" for an error while reading
        raise error


def _refuse_static_outside(generator):
    """Pelican copies every ``{static}`` target, even ``../../etc/passwd``, and even to outside the output."""
    content, output = generator.settings["PATH"], generator.output_path
    lines = []
    for static in generator.staticfiles:
        source = static.source_path
        if os.path.islink(source) or not is_inside(source, content):
            lines.append(f"{shown_path(source, content)}: Link: die Datei liegt außerhalb von content/ — {LINK_FIX}")
        elif not is_inside(os.path.join(output, static.save_as), output):
            lines.append(f"{shown_path(source, content)}: Link: würde außerhalb des Ausgabeordners geschrieben — "
                         "den Link auf eine Datei in content/images/ richten")
    if lines:
        raise ContentGuardError(lines)


def register():
    signals.readers_init.connect(_refuse_unsafe_readers)
    signals.initialized.connect(_refuse_unsafe_paths)
    signals.content_object_init.connect(_refuse_unsafe_fields)
    signals.static_generator_finalized.connect(_refuse_static_outside)
