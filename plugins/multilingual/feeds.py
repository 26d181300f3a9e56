"""Feed entries carry the title exactly as the pages show it.

Titles are plain text: the templates escape them, so ``Tipps &amp; Tricks`` or ``Q&A <Workshop>``
appear on the page as written. Pelican's writer instead reads a title as HTML for the feed
(``Markup(title).striptags()``), which unescapes ``&amp;`` and drops ``<Workshop>``; here the
feed gets the plain title, and feedgenerator escapes it for XML.
"""

from pelican.writers import Writer


class PlainTitleFeedWriter(Writer):
    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, item)
        feed.items[-1]["title"] = str(item.title)


def feed_writer(pelican):
    """``get_writer`` receiver (a named function: blinker keeps only weak references)."""
    return PlainTitleFeedWriter
