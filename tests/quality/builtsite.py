"""Helpers shared by the quality gates: where the built site is, what kinds of page it has,
how its URLs map to files, and a tiny static file server for the browser gate.

The gates check the *built* site in ``output/`` (``make site``). ``QUALITY_SITE_DIR`` points
them at another directory, which is handy while developing the gates themselves.
"""

from __future__ import annotations

import functools
import os
import re
import runpy
import shutil
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
SCREENSHOT_DIR = ROOT / "output-test" / "screenshots"

# One line each, printed when a tool is missing (tests fail with it, they never skip).
INSTALL_HINTS = {
    "java": "Java is missing: make test installs it (tools/bootstrap test), or apt-get install default-jre-headless",
    "chromium": "Chromium is missing: make test installs it (tools/bootstrap test), or apt-get install chromium",
    "node": "Node.js is missing: make test installs it (tools/bootstrap test), or apt-get install nodejs npm",
    "node_modules": "npm packages are missing: make test installs them (tools/bootstrap test)",
    "site": "The built site is missing: make site",
}
CHROMIUM = Path("/usr/bin/chromium")


@functools.cache
def settings() -> dict:
    """The Pelican settings the site was built with (pelicanconf.py), read once."""
    return runpy.run_path(str(ROOT / "pelicanconf.py"))


def site_dir() -> Path:
    """The built site: $QUALITY_SITE_DIR or output/."""
    return Path(os.environ.get("QUALITY_SITE_DIR", ROOT / "output")).resolve()


def absolute_base() -> str:
    """The site's own absolute base URL (SITE_ABSOLUTE_URL), without a trailing slash."""
    base = os.environ.get("QUALITY_SITE_ABSOLUTE_URL") or settings().get("SITE_ABSOLUTE_URL", "")
    return base.rstrip("/")


def languages() -> list[str]:
    """Language codes, default language first."""
    return list(settings()["LANGUAGES"])


def build_today(root: Path | None = None):
    """The "today" the site was built with: SOURCE_DATE_EPOCH as the build saw it (the tests run in
    the same environment), else the day the calendar page was written, in the site's time zone."""
    import datetime as dt  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    zone = ZoneInfo(settings().get("TIMEZONE") or "Europe/Berlin")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = int(epoch) if epoch else ((root or site_dir()) / "kalender" / "index.html").stat().st_mtime
    return dt.datetime.fromtimestamp(moment, zone).date()


def rtl_languages() -> list[str]:
    return [code for code, (_name, direction) in settings()["LANGUAGES"].items() if direction == "rtl"]


def rel(path: Path) -> str:
    """A file's path relative to the site root, with forward slashes."""
    return path.relative_to(site_dir()).as_posix()


def files(*suffixes: str) -> list[Path]:
    """All files in the site whose name ends with one of ``suffixes``, sorted."""
    root = site_dir()
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name.endswith(suffixes))


def html_files() -> list[Path]:
    return files(".html")


def language_of(relpath: str) -> str:
    """The language of a page from its path: "/<lang>/…" or the default language."""
    first = relpath.split("/", 1)[0]
    langs = languages()
    return first if first in langs[1:] else langs[0]


def without_language(relpath: str) -> str:
    """The path with its language prefix removed ("en/aktuelles/index.html" -> "aktuelles/index.html")."""
    lang = language_of(relpath)
    return relpath[len(lang) + 1 :] if relpath.startswith(lang + "/") else relpath


def url_for(relpath: str) -> str:
    """The URL path a file is served at ("en/index.html" -> "/en/")."""
    if relpath == "index.html" or relpath.endswith("/index.html"):
        return "/" + relpath[: -len("index.html")]
    return "/" + relpath


# --- Page kinds -----------------------------------------------------------------
# Every HTML file is sorted into the first kind whose pattern matches its path (without
# the language prefix). The browser gate checks one page of each kind in each language.
# A page that matches no pattern becomes a kind of its own ("other:<first two folders>"),
# so a new kind of page is checked as soon as it is built.
#   required = "every": the kind must exist in every language today;
#   required = "default": it must exist at least in the default language;
#   required = None: checked whenever it exists.
#   standalone = True: a page without the site's header and navigation (the embed for partner
#   sites, shown in their <iframe>): no skip link or navigation is required of it.


@dataclass(frozen=True)
class Kind:
    name: str
    pattern: str
    required: str | None = None
    standalone: bool = False

    def matches(self, path: str) -> bool:
        return re.fullmatch(self.pattern, path) is not None


_VIEWS = r"(?:veranstaltungen|kurse|garten|archiv|abonnieren|monat|kategorie|aushang|einbetten)"
KINDS = [
    Kind("home", r"index\.html", required="every"),
    Kind("404", r"404\.html", required="default"),
    Kind("news-list", r"aktuelles/index\.html", required="every"),
    Kind("news-post", r"aktuelles/[^/]+/index\.html", required="default"),
    Kind("impressum", r"impressum/index\.html", required="default"),
    Kind("datenschutz", r"datenschutz/index\.html", required="default"),
    Kind("barrierefreiheit", r"barrierefreiheit/index\.html", required="default"),
    Kind("partner", r"partner/index\.html", required="default"),
    Kind("calendar", r"kalender/index\.html", required="every"),
    Kind("calendar-veranstaltungen", r"kalender/veranstaltungen/index\.html"),
    Kind("calendar-kurse", r"kalender/kurse/index\.html", required="every"),
    Kind("calendar-garten", r"kalender/garten/index\.html"),
    Kind("calendar-archiv", r"kalender/archiv/index\.html"),
    Kind("calendar-abonnieren", r"kalender/abonnieren/index\.html"),
    Kind("calendar-month", r"kalender/monat/[^/]+/index\.html"),
    Kind("calendar-category", r"kalender/kategorie/[^/]+/index\.html"),
    Kind("calendar-posters", r"kalender/aushang/index\.html", required="every"),
    Kind("calendar-poster", r"kalender/aushang/[^/]+/index\.html", required="every"),
    Kind("calendar-embed", r"kalender/einbetten/(?:kategorie/[^/]+/)?index\.html", required="every", standalone=True),
    Kind("calendar-entry", rf"kalender/(?!{_VIEWS}/)[^/]+/index\.html", required="default"),
    Kind("search", r"suche/index\.html", required="every"),
    Kind("a-z", r"a-z/index\.html", required="every"),
    Kind("page", r"[^/]+/index\.html", required="default"),
]


def is_standalone(kind_name: str) -> bool:
    return any(kind.standalone for kind in KINDS if kind.name == kind_name)


def kind_of(relpath: str) -> str:
    path = without_language(relpath)
    for kind in KINDS:
        if kind.matches(path):
            return kind.name
    return "other:" + "/".join(path.split("/")[:-1][:2] or [path])


def page_samples() -> dict[tuple[str, str], str]:
    """One page per (kind, language): {(kind, lang): relpath}, the first in sorted order."""
    samples: dict[tuple[str, str], str] = {}
    for path in html_files():
        relpath = rel(path)
        samples.setdefault((kind_of(relpath), language_of(relpath)), relpath)
    return dict(sorted(samples.items(), key=lambda item: (item[0][0], languages().index(item[0][1]))))


def missing_kinds(samples: dict[tuple[str, str], str]) -> list[str]:
    """Required kinds that the built site lacks, as readable lines."""
    problems = []
    langs = languages()
    for kind in KINDS:
        if kind.required == "every":
            wanted = langs
        elif kind.required == "default":
            wanted = langs[:1]
        else:
            continue
        problems += [f"no page of kind '{kind.name}' in language '{lang}'" for lang in wanted
                     if (kind.name, lang) not in samples]
    return problems


# --- Resolving internal URLs ----------------------------------------------------


def internal_path(url: str, page_url: str) -> tuple[str, str] | None:
    """Map a URL found on the page at ``page_url`` to (site-relative file path, fragment).

    Returns None for external URLs (other hosts, mailto:, tel:, data: …), which are not checked.
    Absolute URLs that start with the site's own base (http, https, webcal) are internal.
    """
    url = url.strip()
    parts = urlsplit(url)
    base = urlsplit(absolute_base())
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https", "webcal", "webcals", ""):
            return None
        if not base.netloc or parts.netloc != base.netloc:
            return None
        base_path = base.path.rstrip("/")
        if not (parts.path == base_path or parts.path.startswith(base_path + "/")):
            return None
        path = parts.path[len(base_path):] or "/"
    elif parts.path.startswith("/"):
        path = parts.path
    elif parts.path:
        directory = page_url if page_url.endswith("/") else page_url.rsplit("/", 1)[0] + "/"
        path = directory + parts.path
    else:
        path = page_url  # "#fragment" or "?query" on the same page
    segments: list[str] = []
    for segment in unquote(path).split("/"):
        if segment == "..":
            if segments:
                segments.pop()
        elif segment not in (".", ""):
            segments.append(segment)
    target = "/".join(segments)
    if path.endswith("/") or not segments:
        target = (target + "/index.html").lstrip("/")
    return target, unquote(parts.fragment)


def resolve_file(target: str) -> Path | None:
    """The file a site-relative path names, also for directory URLs without a slash."""
    root = site_dir()
    candidate = root / target
    if candidate.is_file():
        return candidate
    if (candidate / "index.html").is_file():
        return candidate / "index.html"
    return None


# --- Tools ----------------------------------------------------------------------


def require_tool(name: str) -> str:
    """Return the path of a system tool, or fail with the line that says what to install."""
    import pytest  # noqa: PLC0415 - only needed inside tests

    if name == "chromium":
        if not CHROMIUM.exists():
            pytest.fail(INSTALL_HINTS["chromium"], pytrace=False)
        return str(CHROMIUM)
    found = shutil.which(name)
    if not found:
        pytest.fail(INSTALL_HINTS[name], pytrace=False)
    return found


def require_node_module(relpath: str) -> Path:
    """A file inside node_modules/ (installed by `npm ci`), or fail saying how to install it."""
    import pytest  # noqa: PLC0415

    path = NODE_MODULES / relpath
    if not path.exists():
        pytest.fail(f"{INSTALL_HINTS['node_modules']} (missing {path.relative_to(ROOT)})", pytrace=False)
    return path


# --- Static file server ---------------------------------------------------------


def production_csp() -> str:
    """The Content-Security-Policy the live site sends (HTACCESS_CSP in publishconf.py).

    The test server sends it too, so the browser gate sees what readers' browsers enforce:
    an inline script or style, or a style= attribute, shows up as a console error.
    """
    return _production_settings().get("HTACCESS_CSP") or "default-src 'self'"


@functools.cache
def _production_settings() -> dict:
    return runpy.run_path(str(ROOT / "publishconf.py"))


def production_headers(path: str) -> dict[str, str]:
    """The security headers the live .htaccess sends for the URL path ``path``: the site's CSP,
    or the own policy of the search page (WebAssembly) and of the embed pages (framing)."""
    from pelican.plugins.publishing.htaccess import policy_for  # noqa: PLC0415 - the plugin the production build uses

    csp, deny_frames = policy_for(_production_settings(), path, production_csp())
    return {"Content-Security-Policy": csp, **({"X-Frame-Options": "DENY"} if deny_frames else {})}


class _QuietHandler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}
    headers_for = None  # path -> headers, when they depend on the page

    def end_headers(self):
        headers = dict(self.extra_headers)
        if self.headers_for is not None:
            headers.update(self.headers_for(urlsplit(self.path).path))
        for name, value in headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


class StaticServer:
    """Serve a directory on 127.0.0.1 at a free port, in a background thread.

    Use as a context manager; ``url`` is the base URL without a trailing slash. ``headers`` are
    sent with every response, and those of ``headers_for(path)`` too.
    """

    def __init__(self, directory: Path, headers: dict[str, str] | None = None, headers_for=None):
        handler_class = type("Handler", (_QuietHandler,), {"extra_headers": dict(headers or {}),
                                                           "headers_for": staticmethod(headers_for) if headers_for else None})
        handler = functools.partial(handler_class, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="static-server", daemon=True)

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
