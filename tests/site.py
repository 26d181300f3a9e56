"""Shared access to the built site in output/ for the build tests."""

import re
import runpy
from types import SimpleNamespace
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "output"

pelicanconf = SimpleNamespace(**runpy.run_path(str(ROOT / "pelicanconf.py")))


def output_dir() -> Path:
    if not (OUTPUT / "index.html").is_file():
        raise AssertionError("output/ ist leer: erst `make site` ausführen (make test macht das automatisch).")
    return OUTPUT


def html_pages():
    return sorted(p for p in output_dir().rglob("*.html"))


def is_standalone(path: Path) -> bool:
    """A page without the site's header and navigation (the embed for partner sites, in their
    <iframe>): marked ``noindex``, it is left out of the sitemap and has no language switcher."""
    robots = soup(path).find("meta", attrs={"name": "robots"})
    return robots is not None and "noindex" in robots.get("content", "")


@lru_cache(maxsize=None)
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def url_to_file(url: str) -> Path | None:
    """The file in output/ a site-relative or site-absolute URL points to, or None if it is external."""
    base = pelicanconf.SITE_ABSOLUTE_URL.rstrip("/")
    if url.startswith(base):
        url = url[len(base):]
    if re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith("//"):
        return None
    path = url.split("#")[0].split("?")[0]
    if not path.startswith("/"):
        raise AssertionError(f"relative URL {url!r}: the site uses root-relative or absolute URLs")
    target = OUTPUT / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    return target


def rel(path: Path) -> str:
    return str(path.relative_to(OUTPUT))
