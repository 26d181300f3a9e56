"""What HTML a content file may contain, checked on the rendered Markdown.

Markdown lets volunteers write raw HTML, and a copied snippet easily brings a YouTube
``<iframe>``, a Google-Fonts ``<link>``, an image from another server, ``onclick=`` or a
``javascript:`` link. The site promises no requests to third parties and no code from
content, so only a small allow-list passes: the tags Markdown itself writes (plus a few
harmless ones), same-site links and plain ``https://`` (``mailto:``, ``tel:``) links, and
images from the site's own ``{static}`` files.

The HTML is parsed with html5lib, the HTML5 parsing algorithm that browsers use, so what
is checked is what a browser would see (entities decoded, attribute tricks undone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import html5lib

# Tags Markdown (with extra, toc, smarty) writes, and a few harmless text tags.
ALLOWED_TAGS = frozenset("""
    a abbr b bdi bdo blockquote br caption cite code dd del details dfn div dl dt em figcaption figure
    h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary sup table
    tbody td tfoot th thead time tr u ul var wbr
""".split())
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
ATTRIBUTES = {
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "details": {"open"},
}
URL_ATTRIBUTES = ("href", "src", "cite")
# Pelican's and our link placeholders: resolved to same-site URLs by the build.
PLACEHOLDER_RE = re.compile(r"^\{(filename|static|attach|view|index|tag|category|author)\}|^\{org:[a-z_]+\}")
SAFE_SCHEMES = ("https", "mailto", "tel")

IMAGE_FIX = ("das Bild nach content/images/ hochladen und so einbinden: "
             "![Was auf dem Bild zu sehen ist]({static}/images/datei.jpg)")
EMBED_FIX = ("stattdessen einen Link setzen, z. B. [Video bei YouTube ansehen](https://www.youtube.com/watch?v=…); "
             "Karten als Link zu https://www.openstreetmap.org/")
REMOVE_CODE_FIX = "das Element löschen; Inhalte dürfen keinen Programmcode enthalten"

# Tags with their own explanation; every other tag gets the general one.
TAG_MESSAGES = {
    "iframe": ("<iframe> bettet eine fremde Website ein (z. B. ein YouTube-Video oder eine Karte); "
               "sie lädt beim Besuch Daten von fremden Servern", EMBED_FIX),
    "embed": ("<embed> bettet fremde Inhalte ein", EMBED_FIX),
    "object": ("<object> bettet fremde Inhalte ein", EMBED_FIX),
    "frame": ("<frame> bettet eine fremde Website ein", EMBED_FIX),
    "frameset": ("<frameset> bettet fremde Websites ein", EMBED_FIX),
    "video": ("<video> ist nicht erlaubt (große Dateien, oft von fremden Servern)", EMBED_FIX),
    "audio": ("<audio> ist nicht erlaubt (große Dateien, oft von fremden Servern)", EMBED_FIX),
    "source": ("<source> lädt Medien nach", EMBED_FIX),
    "picture": ("<picture> ist nicht erlaubt", IMAGE_FIX),
    "script": ("<script> ist Programmcode; er würde bei jedem Besuch ausgeführt", REMOVE_CODE_FIX),
    "noscript": ("<noscript> gehört zu Programmcode", REMOVE_CODE_FIX),
    "template": ("<template> gehört zu Programmcode", REMOVE_CODE_FIX),
    "style": ("<style> ändert die Gestaltung der Website (und kann Schriften von fremden Servern laden, "
              "z. B. Google Fonts)", "das Element löschen; die Website bringt Schrift und Gestaltung selbst mit"),
    "link": ("<link> lädt Dateien nach (z. B. Schriften von Google Fonts)",
             "das Element löschen; die Website bringt Schrift und Gestaltung selbst mit"),
    "meta": ("<meta> gehört nicht in den Text (kann z. B. auf eine andere Seite umleiten)", "das Element löschen"),
    "base": ("<base> verbiegt alle Links der Seite", "das Element löschen"),
    "form": ("Formulare sind nicht erlaubt (sie würden Daten an fremde Server schicken)",
             "das Formular löschen und stattdessen E-Mail-Adresse oder Telefonnummer nennen, z. B. {org:email}"),
    "input": ("Eingabefelder sind nicht erlaubt", "das Element löschen"),
    "button": ("Schaltflächen sind nicht erlaubt", "das Element löschen; für einen Verweis einen Link setzen"),
    "select": ("Auswahlfelder sind nicht erlaubt", "das Element löschen"),
    "textarea": ("Eingabefelder sind nicht erlaubt", "das Element löschen"),
    "h1": ("eine Überschrift erster Ebene im Text: die Seite hat schon ihren Titel als Hauptüberschrift",
           "Überschriften im Text mit „## “ schreiben (Unterpunkte mit „### “)"),
    "svg": ("eingebettete SVG-Grafik ist nicht erlaubt (sie kann Programmcode enthalten)", IMAGE_FIX),
    "math": ("<math> ist nicht erlaubt", "die Formel als Text schreiben"),
}


@dataclass(frozen=True)
class Violation:
    """One thing the policy refuses; ``hints`` are source snippets that locate it (first found wins)."""

    message: str
    fix: str
    hints: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """A URL in the content: which tag and attribute hold it, and the value as the browser reads it."""

    tag: str
    attribute: str
    url: str
    text: str  # the link text (for <a>), or the alt text (for <img>)


def parse(html: str):
    return html5lib.parseFragment(html or "", treebuilder="etree", namespaceHTMLElements=False)


def _text_of(element) -> str:
    """The text a reader gets from an element: its text and the alt texts of its images (no recursion)."""
    alts = [img.get("alt", "") for img in element.iter("img")]
    return " ".join(" ".join([*element.itertext(), *alts]).split())


def links(html: str) -> list[Link]:
    """Every URL in allowed attributes, in document order."""
    found = []
    for element in parse(html).iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in URL_ATTRIBUTES:
            if attribute in element.attrib:
                text = element.get("alt", "") if element.tag == "img" else _text_of(element)
                found.append(Link(element.tag, attribute, element.attrib[attribute].strip(), text.strip()))
    return found


def violations(html: str) -> list[Violation]:
    """Everything in ``html`` outside the allow-list, each with a German message and fix."""
    found: list[Violation] = []
    skip = set()
    for element in parse(html).iter():
        if element in skip or not isinstance(element.tag, str) or element.tag == "DOCUMENT_FRAGMENT":
            continue
        tag = element.tag
        if tag.startswith("{"):  # SVG or MathML: the namespace says which
            name = tag.rsplit("}", 1)[1]
            foreign = "svg" if "svg" in tag else "math"
            message, fix = TAG_MESSAGES[foreign]
            found.append(Violation(message, fix, (f"<{name}", f"<{foreign}")))
            skip.update(element.iter())
            continue
        if tag not in ALLOWED_TAGS:
            message, fix = TAG_MESSAGES.get(tag, (
                f"<{tag}> ist im Text nicht erlaubt",
                "das Element löschen oder mit Markdown schreiben (siehe docs/inhalte-html.md)"))
            found.append(Violation(message, fix, (f"<{tag}",)))
            skip.update(element.iter())
            continue
        found += _attribute_violations(element)
        if tag == "a" and "href" in element.attrib and not _text_of(element).strip():
            found.append(Violation("der Link hat keinen Text (wer nicht sieht, erfährt nicht, wohin er führt)",
                                   "in die eckigen Klammern schreiben, wohin der Link führt: [Kontakt](…)",
                                   (element.attrib["href"], "[](")))
    return found


def _attribute_violations(element) -> list[Violation]:
    tag = element.tag
    allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set())
    found = []
    for name, value in element.attrib.items():
        name = name if isinstance(name, str) else str(name)
        if name.lower().startswith("on"):
            found.append(Violation(f"„{name}“ an <{tag}> führt Programmcode aus",
                                   "das Attribut löschen; Inhalte dürfen keinen Programmcode enthalten",
                                   (name, f"<{tag}")))
        elif name == "style" and tag in ("th", "td") and "text-align" in value:
            found.append(Violation("Ausrichtung in Tabellen (Doppelpunkte in der Trennzeile, z. B. |:---:|) "
                                   "wird nicht unterstützt", "die Doppelpunkte in der Trennzeile löschen: |---|",
                                   (":--", "--:", "|")))
        elif name == "style":
            found.append(Violation(f"eigene Gestaltung mit „style“ an <{tag}> ist nicht erlaubt",
                                   "das Attribut löschen; zum Hervorheben **fett** oder *kursiv* schreiben",
                                   ("style", f"<{tag}")))
        elif name not in allowed:
            found.append(Violation(f"das Attribut „{name}“ an <{tag}> ist nicht erlaubt",
                                   "das Attribut löschen" + (f" (erlaubt an <{tag}>: "
                                   + ", ".join(sorted(allowed)) + ")" if allowed else ""),
                                   (name, f"<{tag}")))
        elif name in URL_ATTRIBUTES:
            problem = image_problem(value) if tag == "img" and name == "src" else link_problem(value)
            if problem:
                found.append(Violation(problem[0], problem[1], (value.strip(), f"<{tag}")))
    if tag == "img" and not element.get("alt", "").strip():
        found.append(Violation("die Bildbeschreibung fehlt (für Menschen, die das Bild nicht sehen)",
                               "in die eckigen Klammern schreiben, was auf dem Bild zu sehen ist: "
                               "![Drei Menschen pflanzen Tomaten]({static}/images/garten.jpg)",
                               (element.get("src", ""), "![](", "<img")))
    return found


def _scheme(url: str) -> str:
    """The scheme as a browser reads it (it ignores tabs, newlines and spaces inside it)."""
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def link_problem(url: str) -> tuple[str, str] | None:
    """Why a link target is refused (message, fix), or None if it is same-site or plain https."""
    url = url.strip()
    if not url or url.startswith("#") or PLACEHOLDER_RE.match(url):
        return None
    scheme = _scheme(url)
    if scheme in ("javascript", "vbscript", "data", "file"):
        return (f"ein „{scheme}:“-Link ist nicht erlaubt (er führt Code aus oder öffnet Dateien)",
                "den Link löschen oder eine Adresse mit https:// angeben")
    if scheme == "http":
        host = urlsplit(url).hostname or ""
        if host in ("localhost", "127.0.0.1", "0.0.0.0") or host.endswith(".localhost"):
            return (f"„{url}“ zeigt auf die Vorschau auf diesem Computer, nicht auf die Website",
                    "mit {filename} auf die Datei verlinken, z. B. [Kontakt]({filename}/pages/kontakt.de.md)")
        return (f"„{url}“ ist ein unverschlüsselter http-Link",
                "https:// statt http:// schreiben (vorher im Browser prüfen, dass die Seite so erreichbar ist)")
    if scheme and scheme not in SAFE_SCHEMES:
        return (f"„{scheme}:“-Links sind nicht erlaubt",
                "nur Links mit https://, mailto: oder tel: verwenden, oder mit {filename} auf eigene Seiten")
    if scheme == "https":
        parts = urlsplit(url)
        if parts.username or parts.password or "@" in parts.netloc:
            return (f"„{url}“ enthält Benutzername oder Passwort", "nur die Adresse ohne „…@“ vor dem Servernamen angeben")
        if not parts.hostname:
            return (f"„{url}“ ist keine vollständige Adresse", "die Adresse aus dem Browser kopieren")
        return None
    if scheme in ("mailto", "tel"):
        return None
    if url.startswith(("//", "\\", "/\\")):
        return (f"„{url}“ ist eine fremde Adresse ohne https:", "die vollständige Adresse mit https:// schreiben")
    if url.startswith("/"):
        return None  # same site; whether the page exists is checked with the site's addresses
    return (f"„{url}“ ist ein relativer Link; er führt je nach Seite woandershin",
            "mit {filename} auf die Datei verlinken, z. B. [Kontakt]({filename}/pages/kontakt.de.md), "
            "oder die Adresse mit / beginnen")


def image_problem(src: str) -> tuple[str, str] | None:
    """Why an image source is refused: only the site's own files, written as ``{static}`` or ``{attach}``."""
    src = src.strip()
    if re.match(r"^\{(static|attach)\}", src):
        return None
    scheme = _scheme(src)
    if scheme in ("http", "https") or src.startswith("//"):
        return (f"das Bild „{src}“ liegt auf einer fremden Website; jeder Besuch würde dort Daten hinterlassen",
                IMAGE_FIX)
    if scheme:
        return (f"„{scheme}:“ als Bildquelle ist nicht erlaubt", IMAGE_FIX)
    return (f"das Bild „{src}“ ist nicht mit {{static}} eingebunden", IMAGE_FIX)
