"""Links and images in every content file: each must lead to something the site will have.

A link the build cannot resolve either stops the build with an English traceback
(``{filename}`` to a missing file, ``{org:…}``, ``{view}…``, a missing ``{static}`` image)
or goes live as a dead link (a page that is a draft, ``/kontakt`` typed by hand, an image
outside the static folders). Links are taken from the rendered HTML, as the browser sees
them; ``{view}`` and ``{org:…}`` are replaced anywhere in the text, so they are found there.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican.plugins.content_guard.html_policy import links
from pelican.plugins.content_guard.paths import escaping_target, resolve_target
from pelican.plugins.kalender.problems import Problem
from pelican.plugins.multilingual.publication import is_held_back

from .outputs import SiteFiles, is_written
from .sources import Source

VIEW_LINK_RE = re.compile(r"\{view\}([A-Za-z0-9_-]*)")
ORG_FIELD_RE = re.compile(r"\{org:([A-Za-z0-9_]*)\}")
PLACEHOLDER_RE = re.compile(r"^\{(filename|static|attach|index|tag|category|author)\}(.*)$")
# Pelican's link kinds that need a page this site does not write (the *_SAVE_AS setting is "").
LISTING_SETTINGS = {"tag": "TAG_SAVE_AS", "category": "CATEGORY_SAVE_AS", "author": "AUTHOR_SAVE_AS"}
DEFAULT_IMAGE_MAX_BYTES = 200 * 1024
FILENAME_FIX = ("den Dateinamen prüfen; er beginnt mit „/“ und ist relativ zu content/, "
                "z. B. {filename}/pages/kontakt.de.md")
OUTSIDE_FIX = "nur auf Dateien in content/ verlinken, z. B. {static}/images/foto.jpg (ohne „..“)"


class LinkChecker:
    """Checks the links of every source against the files the site will have."""

    def __init__(self, content_dir: Path, settings: dict, sources: list[Source], site: SiteFiles):
        self.content_dir = Path(content_dir)
        self.settings = settings
        self.site = site
        self.sources = {source.path.resolve(): source for source in sources}
        self.versions = {(s.kind, str(s.metadata.get("slug", "")), str(s.metadata.get("lang", ""))): s
                         for s in sources if s.item is not None}
        self.static_dirs = [(self.content_dir / folder).resolve() for folder in settings.get("STATIC_PATHS") or []]
        self.timezone = settings.get("TIMEZONE") or "UTC"
        self.max_image = settings.get("CONTENT_IMAGE_MAX_BYTES", DEFAULT_IMAGE_MAX_BYTES)

    def check(self, source: Source) -> list[Problem]:
        problems = []
        for field, html in (("Text", source.html), ("Summary", source.summary)):
            label = "Link" if field == "Text" else field

            def add(message, fix, *hints):
                problems.append(Problem(source.shown, source.line_of(field, hints), label, message, fix))  # noqa: B023 - called in this iteration only

            for link in links(html):
                found = self.problem(source, link)
                if found:
                    add(*found, link.url)
            views = self.settings.get("VIEW_URLS", {})
            for match in VIEW_LINK_RE.finditer(html):
                if match.group(1) not in views:
                    add(f"{{view}}{match.group(1)}: diese Ansicht gibt es nicht",
                        "eine dieser Ansichten verwenden: " + ", ".join(sorted(views)), match.group(0))
            organization = self.settings.get("ORGANIZATION", {})
            for match in ORG_FIELD_RE.finditer(html if field == "Text" else ""):  # Summary: safety.placeholders_in_fields
                if match.group(1) not in organization:
                    problems.append(Problem(
                        source.shown, source.line_of(field, (match.group(0),)), "Platzhalter",
                        f"{{org:{match.group(1)}}}: dieses Feld gibt es in ORGANIZATION nicht",
                        "eines dieser Felder verwenden: " + ", ".join(sorted(organization))))
        if source.kind == "calendar":
            problems += self.calendar_image(source)
        return problems

    def problem(self, source: Source, link) -> tuple[str, str] | None:
        """(message, fix) for a link or image that will not work, else None."""
        match = PLACEHOLDER_RE.match(link.url)
        if match:
            what, value = match.groups()
            if what in LISTING_SETTINGS and not self.settings.get(LISTING_SETTINGS[what]):
                return (f"{{{what}}}-Links gibt es auf dieser Website nicht (sie hat keine solchen Übersichtsseiten)",
                        "mit {filename} auf eine Seite oder mit {view} auf eine Ansicht verlinken")
            if what in ("filename", "static", "attach"):
                return self.file_problem(source, what, value, link.tag == "img")
            return None
        if link.url.startswith("/") and not link.url.startswith("//") and not self.site.has(link.url):
            return (f"die Adresse „{link.url}“ gibt es auf der Website nicht",
                    "mit {filename} auf die Datei verlinken (z. B. {filename}/pages/kontakt.de.md) "
                    "oder mit {view} auf eine Ansicht (z. B. {view}kalender)")
        return None

    def file_problem(self, source: Source, what: str, value: str, is_image: bool) -> tuple[str, str] | None:
        path = unquote(urlsplit(value).path)
        written = f"{{{what}}}{value}"
        if not path:
            return (f"{written}: der Dateiname fehlt", FILENAME_FIX)
        if escaping_target(self.content_dir, source.path, path):
            return (f"{written} zeigt auf eine Datei außerhalb von content/", OUTSIDE_FIX)
        target = resolve_target(self.content_dir, source.path, path)
        if not target.is_file():
            return (f"{written}: diese Datei gibt es nicht", FILENAME_FIX)
        linked = self.sources.get(target.resolve())
        if what == "filename":
            if linked is None:
                return (f"{written} ist keine Seite, sondern eine Datei", f"{{static}}{value} statt {{filename}} schreiben")
            return self.page_problem(source, linked, written)
        if linked is not None or not any(d == target.resolve() or d in target.resolve().parents for d in self.static_dirs):
            folders = ", ".join(f"content/{f}/" for f in self.settings.get("STATIC_PATHS") or [])
            return (f"{written} liegt nicht in einem Ordner für Bilder und Dateien ({folders})",
                    "die Datei nach content/images/ verschieben und den Link anpassen")
        if is_image and target.stat().st_size > self.max_image:
            return (f"das Bild {written} ist {target.stat().st_size // 1024} KB groß; erlaubt sind "
                    f"{self.max_image // 1024} KB (die Seite soll auch mit wenig Datenvolumen laden)",
                    "das Bild verkleinern (z. B. auf 1200 Pixel Breite, als JPEG mit Qualität 80) und neu hochladen")
        return None

    def page_problem(self, source: Source, linked: Source, written: str) -> tuple[str, str] | None:
        if linked.item is None:
            return None  # its header is broken; reported there
        if not is_written(linked) and linked.kind != "partner":
            if getattr(linked.item, "status", "") == "draft":
                return (f"{written} ist ein Entwurf (Status: draft) und wird nicht veröffentlicht",
                        "den Link erst setzen, wenn die Seite veröffentlicht ist, oder „Status: draft“ dort löschen")
            return (f"{written} ist der Text der Startseite, keine eigene Seite", "mit {view}home auf die Startseite verlinken")
        if linked.kind == "news" and is_held_back(getattr(linked.item, "date", None), self.timezone):
            return (f"{written} erscheint erst am {linked.item.date:%d.%m.%Y}; bis dahin führt der Link ins Leere",
                    "den Link erst an diesem Tag setzen oder das Datum der Nachricht prüfen")
        lang, target_lang = str(source.metadata.get("lang", "")), str(linked.metadata.get("lang", ""))
        own = self.versions.get((linked.kind, str(linked.metadata.get("slug", "")), lang))
        if lang and target_lang != lang and own is not None and own is not linked:
            rel = own.path.relative_to(self.content_dir).as_posix()
            return (f"{written} ist die Fassung in „{target_lang}“, diese Datei ist aber „{lang}“",
                    f"auf die Fassung in derselben Sprache verlinken: {{filename}}/{rel}")
        return None

    def calendar_image(self, source: Source) -> list[Problem]:
        """``Bild:`` must name a file in the static folders (else it is never copied)."""
        value = str(source.metadata.get("bild", "") or "").strip()
        if not value:
            return []
        path = "/" + re.sub(r"^\{static\}/?", "", value).lstrip("/")
        found = self.file_problem(source, "static", path, is_image=True)
        if found and "gibt es nicht" in found[0]:
            return []  # the calendar check says so already
        if found:
            message = found[0].replace(f"{{static}}{path}", f"„{value}“")
            return [Problem(source.shown, source.line_of("bild", (value,)), "Bild", message, found[1])]
        return []
