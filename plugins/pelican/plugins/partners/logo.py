"""Logo files: pixel size read from the file itself (SVG, PNG, JPEG; standard library only).

The size goes into ``width``/``height`` on ``<img>`` so the page does not jump while
the (lazy-loaded) logo arrives.
"""

import re
import struct
from dataclasses import dataclass
from xml.etree import ElementTree

SVG_NS = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


class LogoError(ValueError):
    """The file is not a logo we can use: what is wrong and how to fix it."""

    def __init__(self, message, fix):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class LogoSize:
    width: int
    height: int


def logo_size(data: bytes, suffix: str) -> LogoSize:
    suffix = suffix.lower()
    if suffix == ".png":
        return _png_size(data)
    if suffix in (".jpg", ".jpeg"):
        return _jpeg_size(data)
    if suffix == ".svg":
        return _svg_size(data)
    raise LogoError(f"Dateityp {suffix or '(keiner)'} wird nicht unterstützt",
                    "das Logo als SVG, PNG oder JPEG speichern")


def _png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise LogoError("die Datei ist kein gültiges PNG-Bild", "das Logo neu als PNG speichern")
    width, height = struct.unpack(">II", data[16:24])
    return LogoSize(width, height)


# Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data):
    bad = LogoError("die Datei ist kein gültiges JPEG-Bild", "das Logo neu als JPEG oder PNG speichern")
    if data[:2] != b"\xff\xd8":
        raise bad
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise bad
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if marker in _SOF:
            if pos + 9 > len(data):
                raise bad
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            return LogoSize(width, height)
        pos += 2 + length
    raise bad


def _svg_size(data):
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise LogoError(f"die SVG-Datei ist kein gültiges XML ({exc})",
                        "das Logo im Grafikprogramm neu als SVG exportieren") from None
    if root.tag != f"{SVG_NS}svg":
        raise LogoError("die Datei ist kein SVG-Bild (das äußerste Element ist nicht <svg>)",
                        "das Logo im Grafikprogramm neu als SVG exportieren")
    _check_svg_is_inert(root)
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    if width and height:
        return LogoSize(round(width), round(height))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        box_w, box_h = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        box_w = box_h = 0
    if box_w > 0 and box_h > 0:
        if width:  # one length given: keep the viewBox's proportions
            return LogoSize(round(width), round(width * box_h / box_w))
        if height:
            return LogoSize(round(height * box_w / box_h), round(height))
        return LogoSize(round(box_w), round(box_h))
    raise LogoError("die SVG-Datei nennt keine Größe (weder width/height noch viewBox)",
                    'im <svg>-Element viewBox="0 0 Breite Höhe" eintragen')


def _svg_length(value):
    match = _NUMBER.match(value or "")
    return float(match.group(1)) if match and float(match.group(1)) > 0 else None


def _check_svg_is_inert(root):
    """No scripts and no requests to other sites: the file is served from our own domain."""
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name in ("script", "foreignObject"):
            raise LogoError(f"die SVG-Datei enthält ein <{name}>-Element",
                            "ein Logo ohne Skripte und eingebettetes HTML verwenden")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                raise LogoError(f"die SVG-Datei enthält das Skript-Attribut {local}",
                                "ein Logo ohne Skripte verwenden")
            if local == "href" and not value.startswith(("#", "data:")):
                raise LogoError(f"die SVG-Datei lädt eine andere Datei nach ({value})",
                                "ein Logo verwenden, das alles in sich enthält")
        if name == "style" and ("@import" in (element.text or "") or "url(" in (element.text or "")):
            raise LogoError("die SVG-Datei lädt über CSS eine andere Datei nach",
                            "ein Logo verwenden, das alles in sich enthält")
