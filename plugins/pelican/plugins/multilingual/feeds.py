"""Feed entries carry the title exactly as the pages show it.

Titles are plain text: the templates escape them, so ``Tipps &amp; Tricks`` or ``Q&A <Workshop>``
appear on the page as written. Pelican's writer instead reads a title as HTML for the feed
(``Markup(title).striptags()``), which unescapes ``&amp;`` and drops ``<Workshop>``; here the
feed gets the plain title, and feedgenerator escapes it for XML.

A feed without entries (all news still held back) is dated with the build's moment, not
the clock's, so the same content and SOURCE_DATE_EPOCH still give the same bytes.
"""

from pelican.writers import Writer

from .publication import build_now


class PlainTitleFeedWriter(Writer):
    def _create_new_feed(self, *args, **kwargs):
        feed = super()._create_new_feed(*args, **kwargs)
        latest = feed.latest_post_date
        feed.latest_post_date = lambda: latest() if feed.items else build_now()
        return feed

    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, item)
        feed.items[-1]["title"] = str(item.title)


def feed_writer(pelican):
    """``get_writer`` receiver (a named function: blinker keeps only weak references)."""
    return PlainTitleFeedWriter
