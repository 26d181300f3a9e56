"""Search in every language: a Pagefind index of the built site, a search page and an A–Z index.

* Templates mark the main content of pages, news, calendar entries and the partner list
  with ``data-pagefind-body`` and its kind with ``data-pagefind-filter`` (the theme's
  ``components/search.html``); listing pages are not indexed, so nothing is found twice.
* :mod:`.pages` writes ``suche/`` and ``a-z/`` in every language; the search page loads
  Pagefind's UI from ``pagefind/`` (theme script ``js/search.js``); without JavaScript it
  leads to the A–Z page, which lists every item.
* :mod:`.index` runs Pagefind at the end of the build (``finalized``): one index per
  ``<html lang>``, Arabic-script letter variants normalised, byte-identical for the same site.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .index import SearchIndexError, build_index
from .pages import SearchPagesGenerator

logger = logging.getLogger(__name__)


def _generators(pelican):
    return SearchPagesGenerator


def _index(pelican):
    if not pelican.settings.get("SEARCH_INDEX", True):
        return
    try:
        count = build_index(Path(pelican.output_path))
    except SearchIndexError as error:
        logger.error("search: %s", error)
        return
    logger.info("search: %d pages indexed by Pagefind", count)


def register():
    signals.get_generators.connect(_generators)
    signals.finalized.connect(_index)
