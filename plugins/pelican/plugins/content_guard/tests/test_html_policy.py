"""The HTML allow-list: what Markdown writes passes, what could embed, track or run code does not."""

import html
import re
from pathlib import Path

import markdown
import pytest

from pelican.plugins.content_guard.html_policy import ALLOWED_TAGS, image_problem, link_problem, links, violations

MARKDOWN = markdown.Markdown(extensions=["markdown.extensions.extra", "markdown.extensions.toc",
                                         "markdown.extensions.smarty"], output_format="html5")


def render(text):
    MARKDOWN.reset()
    return MARKDOWN.convert(text)


RICH = """
## Kurse *für alle*

Ein Absatz mit **fett**, _kursiv_, `code`, einem [Link](https://www.openstreetmap.org/#map=16/50.49/12.13 "Karte"),
einer [Seite]({filename}/pages/kontakt.de.md), einer [Ansicht]({view}kurse), <mailto:info@example.org>,
[Telefon](tel:+49371000), einem Anker [oben](#kurse-fur-alle) und einer Fußnote.[^1]

![Drei Menschen im Garten]({static}/images/garten.jpg)

> Ein Zitat
> über zwei Zeilen

1. eins
2. zwei

- a
- b

| Tag | Zeit |
|-----|------|
| Mo  | 17:00 |

HTML
:   eine Abkürzung

*[HTML]: Hypertext Markup Language

```
<script>alert("nur Text")</script>
```

<details><summary>Mehr</summary>Text</details>

[^1]: Die Fußnote.
"""


def test_everything_markdown_writes_passes():
    html = render(RICH)
    assert "<table>" in html and 'class="footnote"' in html and "<abbr" in html and "&lt;script&gt;" in html
    assert violations(html) == []


@pytest.mark.parametrize("html", [
    '<iframe src="https://www.youtube.com/embed/x"></iframe>', "<script>alert(1)</script>",
    '<p onclick="x()">a</p>', '<p style="color:red">a</p>', '<a href="javascript:alert(1)">a</a>',
    '<a href="JaVaScRiPt:alert(1)">a</a>', '<a href=" java\tscript:alert(1)">a</a>', '<img src="https://e.example/p.png" alt="x">',
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css">', "<style>body{}</style>",
    '<svg onload="alert(1)"></svg>', '<math><mi>x</mi></math>', '<object data="x"></object>', '<embed src="x">',
    '<form action="https://e.example"></form>', '<meta http-equiv="refresh" content="0">', '<base href="https://e.example/">',
    '<img src="data:image/png;base64,AAAA" alt="x">', '<a href="data:text/html,<script>alert(1)</script>">a</a>',
    '<a href="http://example.org/">a</a>', '<a href="//evil.example/">a</a>', '<a href="\\\\evil.example/">a</a>',
    '<a href="https://user:pw@example.org/">a</a>', '<a href="file:///etc/passwd">a</a>', '<img src="x.png" alt="x">',
    '<img src="{static}/images/a.png">', '<a href="https://example.org" target="_blank">a</a>', '<h1>Titel</h1>',
    '<video src="v.mp4"></video>', '<audio src="a.mp3"></audio>', '<input name="x">', '<button>b</button>',
    '<a href="{filename}/x.md"></a>', '<img src="{static}/x.png" alt="x" srcset="https://e.example/p.png 2x">',
    '<a href="https://example.org" ping="https://tracker.example">a</a>', '<noscript><img src="https://e.example/p"></noscript>',
    '<template><script>x</script></template>', '<marquee>a</marquee>', '<portal src="https://e.example"></portal>',
])
def test_hostile_html_is_refused_with_a_german_message(html):
    found = violations(html)
    assert found, html
    assert all(v.message and v.fix and v.hints for v in found), found


def test_only_same_site_https_mailto_and_tel_links_pass():
    for url in ("https://www.example.org/a?b=1#c", "mailto:info@example.org", "tel:+49", "#anker", "/kontakt/",
                "{filename}/pages/kontakt.de.md", "{view}kurse", "{static}/images/a.png", "mailto:{org:email}"):
        assert link_problem(url) is None, url
    assert image_problem("{static}/images/a.png") is None and image_problem("{attach}a.png") is None
    assert "fremden Website" in image_problem("https://cdn.example/a.png")[0]


def test_links_are_read_as_the_browser_reads_them():
    found = links('<p><a href="&#109;ailto:a@b.de">Mail <img src="{static}/x.png" alt="Bild"></a></p>')
    assert [(link.tag, link.attribute, link.url) for link in found] == [
        ("a", "href", "mailto:a@b.de"), ("img", "src", "{static}/x.png")]
    assert found[0].text == "Mail Bild"


GUIDE = Path(__file__).resolve().parents[5] / "docs" / "inhalte-html.md"


def _section(title):
    text = GUIDE.read_text(encoding="utf-8")
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def _first_column_code(section):
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| ---")][1:]
    cells = [row.split(" | ")[0].removeprefix("| ").strip() for row in rows]
    return [html.unescape(re.sub(r"<br>", "\n", c.removeprefix("<code>").removesuffix("</code>")).strip("`"))
            for c in cells]


def test_the_guide_lists_exactly_the_allowed_elements():
    line = next(line for line in GUIDE.read_text(encoding="utf-8").splitlines() if line.startswith("Erlaubte Elemente:"))
    assert set(re.findall(r"`<([a-z0-9]+)>`", line)) == ALLOWED_TAGS


def test_every_refused_example_in_the_guide_is_refused_and_every_link_example_passes():
    refused = _first_column_code(_section("HTML, das abgelehnt wird"))
    assert len(refused) >= 15
    for example in refused:
        assert violations(render(example)), example
    allowed = [cell.split("` oder `")[0] for cell in _first_column_code(_section("Links"))]
    assert len(allowed) == 6
    for example in allowed:
        assert violations(render(example)) == [], example
    assert violations(render(_section("Bilder").split("```")[1])) == []
