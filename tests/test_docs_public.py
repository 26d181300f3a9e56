"""The guide pages for search, posters and the embed say what the built site does: every address
in their tables exists in output/ (make site), and the EMBED_FRAME_ANCESTORS examples are accepted."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
from pelican.plugins.publishing.htaccess import frame_ancestors  # noqa: E402

ADDRESS_RE = re.compile(r"`(/[a-z0-9/<>.-]*/)`")


def addresses(doc: str) -> list[str]:
    return ADDRESS_RE.findall((DOCS / doc).read_text(encoding="utf-8"))


def test_every_address_in_the_guide_is_a_built_page():
    output = ROOT / "output"
    assert (output / "index.html").is_file(), "make site first"
    missing = []
    for doc in ("suche.md", "aushaenge.md", "einbetten.md"):
        found = addresses(doc)
        assert found, doc
        for address in found:
            address = address.replace("<schlüssel>", "sprache").replace("<schluessel>", "sprache")
            if not (output / address.lstrip("/") / "index.html").is_file():
                missing.append(f"{doc}: {address}")
    assert not missing, missing


def test_the_iframe_example_points_to_an_embed_page():
    text = (DOCS / "einbetten.md").read_text(encoding="utf-8")
    src = re.search(r'<iframe src="https://[^/]+(/[^"]+)"', text).group(1)
    assert (ROOT / "output" / src.lstrip("/") / "index.html").is_file(), src


def test_the_embed_settings_in_the_guide_are_accepted():
    block = re.search(r"```python\n(.*?)```", (DOCS / "einbetten.md").read_text(encoding="utf-8"), re.S).group(1)
    values = [ast.literal_eval(line.split("=", 1)[1].strip()) for line in block.splitlines()
              if line.startswith("EMBED_FRAME_ANCESTORS")]
    assert len(values) == 2
    for value in values:
        assert frame_ancestors({"EMBED_FRAME_ANCESTORS": value}) == value
