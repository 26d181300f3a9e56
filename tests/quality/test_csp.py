"""CSP default-src 'self' on every page, not only the browser's samples: no inline script or
style, no style= attributes, no on…= event handlers, no javascript: URLs. JSON-LD is data, not script."""

from __future__ import annotations

import lxml.html
import pytest

from .builtsite import html_files, rel

DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def inline_code(page: str, tree) -> list[str]:
    problems = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        where = f"{page} line {el.sourceline}: <{el.tag}>"
        if el.tag == "style":
            problems.append(f"{where} inline stylesheet (move it to the theme's CSS)")
        if el.tag == "script" and not el.get("src") and (el.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
            problems.append(f"{where} inline script (move it to an external .js file)")
        if el.get("style") is not None:
            problems.append(f"{where} style=\"{el.get('style')}\" attribute (use a CSS class)")
        problems += [f"{where} event handler {name}= (attach it from an external .js file)"
                     for name in el.attrib if name.lower().startswith("on")]
        problems += [f"{where} javascript: URL in {name}=" for name in ("href", "src", "action")
                     if (el.get(name) or "").strip().lower().startswith("javascript:")]
    return problems


def test_no_inline_code_anywhere(site):
    problems = []
    for path in html_files():
        problems += inline_code(rel(path), lxml.html.parse(str(path)))
    if problems:
        pytest.fail(f"blocked by CSP default-src 'self' ({len(problems)}):\n" + "\n".join(problems), pytrace=False)


def test_inline_code_is_found():
    """The check itself, on a small document with each kind of inline code (JSON-LD passes)."""
    tree = lxml.html.fromstring(
        '<html><head><style>p{}</style><script type="application/ld+json">{}</script></head>'
        '<body onload="x()"><p style="color:red"><a href="javascript:void(0)">a</a></p><script>1</script></body></html>')
    found = inline_code("x.html", tree.getroottree())
    assert len(found) == 5, found
