"""Partner files in a tmp content folder: check them without a build, or build them with Pelican."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from pelican.plugins.community_core.testing import compiled_theme, write_content

REPO = Path(__file__).resolve().parents[5]
LANGUAGES = {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")}


def png_bytes(width: int, height: int, pad_to: int = 0) -> bytes:
    """A valid grey PNG of the given size, padded with an ancillary chunk to ``pad_to`` bytes."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    body = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw))
    png = b"\x89PNG\r\n\x1a\n" + body
    if pad_to > len(png) + 12:
        png += chunk(b"teXt", b"x" * (pad_to - len(png) - 12 - 12))
    return png + chunk(b"IEND", b"")


def jpeg_bytes(width: int, height: int) -> bytes:
    """The markers of a baseline JPEG up to its frame header (enough to read the size)."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


SVG_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 80"><rect width="160" height="80"/></svg>'


class PartnerSite:
    """A content folder with partner files (and the legal pages the theme links in every footer)."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        (self.content / "partner").mkdir(parents=True)
        for slug in ("impressum", "datenschutz", "barrierefreiheit"):
            self.write(f"pages/{slug}.de.md", f"Title: {slug}\nSlug: {slug}\nLang: de\n\nText.\n")

    def write(self, rel: str, text: str) -> Path:
        return write_content(self.content, rel, text)

    def partner(self, name: str, text: str) -> Path:
        return self.write(f"partner/{name}", text)

    def logo(self, name: str, data: bytes | str) -> Path:
        path = self.content / "images" / "partner" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    def settings(self, **overrides):
        return read_settings(str(REPO / "pelicanconf.py"), override={
            "PATH": str(self.content),
            "OUTPUT_PATH": str(self.root / "out"),
            "CACHE_PATH": str(self.root / "cache"),
            "THEME": str(compiled_theme()),
            "PLUGINS": ["pelican.plugins.fingerprint", "pelican.plugins.multilingual", "pelican.plugins.partners"],
            "STATIC_PATHS": ["images"],
            "EXTRA_PATH_METADATA": {},
            "LANGUAGES": LANGUAGES,
            "SITE_ABSOLUTE_URL": "https://example.org",
            **overrides,
        })

    def check(self):
        from pelican.plugins.partners import check_partners

        return check_partners(self.content, self.settings())

    def build(self) -> Path:
        Pelican(self.settings()).run()
        return self.root / "out"


@pytest.fixture
def site(tmp_path) -> PartnerSite:
    return PartnerSite(tmp_path)


VALID = """
Title: Stadtverwaltung
Slug: {slug}
Lang: de
Kategorie: behoerden
Website: https://www.example.org/amt
Summary: Eine Behörde.

Wir arbeiten zusammen.
"""
