"""QR codes as inline SVG (segno), for printed posters: no style attribute, labelled for screen readers."""

from __future__ import annotations

import re
from functools import lru_cache

import segno
from markupsafe import Markup, escape

_OPEN_TAG = re.compile(r"<svg\b[^>]*>")


@lru_cache(maxsize=256)
def qr_svg(data: str, label: str, size: int = 160) -> Markup:
    """An ``<svg role="img">`` QR code of ``data``; ``label`` becomes its title and aria-label.

    segno writes one path with presentation attributes only; we replace its root tag to add a
    viewBox (so CSS can scale it) and the accessible name.
    """
    # Error correction L: feed URLs then fit a smaller symbol (about 20 % fewer bytes per code,
    # which keeps the subscribe page within its 40 KB budget); enough for a clean printed poster.
    code = segno.make(data, error="l", boost_error=False, micro=False)
    modules = code.symbol_size(scale=1)[0]  # includes the quiet zone
    svg = code.svg_inline(scale=1, svgclass=None, lineclass=None, title=None, omitsize=True)
    if "style=" in svg:
        raise ValueError("segno produced a style attribute (forbidden by the site's CSP)")
    root = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 {modules} {modules}" '
        f'width="{size}" height="{size}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
    )
    return Markup(_OPEN_TAG.sub(lambda _m: root, svg, count=1))
