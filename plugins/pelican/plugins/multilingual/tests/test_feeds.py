"""News feed titles are the plain titles the pages show: nothing unescaped, nothing dropped."""

import shutil
import xml.etree.ElementTree as ET

from pelican.plugins.community_core.testing import write_content

from .test_build import FIXTURE, build

ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "Tipps &amp; Tricks: Q&A <Workshop>"


def test_feed_titles_keep_ampersand_entities_and_angle_brackets_as_text(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    write_content(content, "news/tipps.de.md", f"""
        Title: {TITLE}
        Slug: tipps
        Lang: de
        Date: 2026-09-02 10:00

        Text.
        """)
    out = build(tmp_path, PATH=str(content))
    atom = ET.parse(out / "feeds" / "aktuelles.atom.xml").getroot()
    titles = [entry.find(f"{ATOM}title").text for entry in atom.iter(f"{ATOM}entry")]
    assert TITLE in titles, titles
    rss = ET.parse(out / "feeds" / "aktuelles.rss.xml").getroot()
    assert TITLE in [item.find("title").text for item in rss.iter("item")]
    page = (out / "aktuelles" / "tipps" / "index.html").read_text(encoding="utf-8")
    assert "Tipps &amp;amp; Tricks: Q&amp;A &lt;Workshop&gt;" in page, "the page shows the same text"


def test_a_feed_without_entries_is_dated_with_the_build_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: every fixture news item is still ahead
    out = build(tmp_path)
    atom = ET.parse(out / "feeds" / "aktuelles.atom.xml").getroot()
    assert list(atom.iter(f"{ATOM}entry")) == []
    assert atom.find(f"{ATOM}updated").text == "2026-01-01T00:00:00+00:00"
    again = build(tmp_path, "again")
    assert (again / "feeds" / "aktuelles.rss.xml").read_bytes() == (out / "feeds" / "aktuelles.rss.xml").read_bytes()


def test_a_draft_news_item_without_category_does_not_stop_the_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    write_content(content, "news/entwurf.de.md", """
        Title: Entwurf
        Slug: entwurf
        Lang: de
        Date: 2026-09-03 10:00
        Status: draft

        Noch nicht fertig.
        """)
    out = build(tmp_path, PATH=str(content))
    assert (out / "index.html").is_file() and not (out / "aktuelles" / "entwurf").exists()
