"""The generated .htaccess, served by a real Apache 2.4 (Debian's apache2), as on the web space.

A syntax slip in .htaccess makes Apache answer 500 for the whole site, so this runs the
file through Apache itself: a tiny site on a free loopback port, probed with HTTP requests.
"""

import gzip
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pelican.plugins.publishing.htaccess import DEFAULT_CSP, render_htaccess

APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
SETTINGS = {
    "DEFAULT_LANG": "de",
    "LANGUAGES": {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")},
    "VIEW_URLS": {"suche": "suche/", "einbetten": "kalender/einbetten/"},
    "EMBED_FRAME_ANCESTORS": ["https://www.partner.example", "https://*.schule.example"],
}
# Apache behind Strato's TLS terminator sees plain HTTP; this header says the visitor used HTTPS.
HTTPS = {"X-Forwarded-Proto": "https"}
CONFIG = """\
ServerRoot "{root}"
Listen 127.0.0.1:{port}
PidFile "{root}/httpd.pid"
ServerName 127.0.0.1
ErrorLog "{root}/error.log"
{user}
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule autoindex_module {modules}/mod_autoindex.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule rewrite_module {modules}/mod_rewrite.so
LoadModule headers_module {modules}/mod_headers.so
LoadModule filter_module {modules}/mod_filter.so
LoadModule deflate_module {modules}/mod_deflate.so
TypesConfig /etc/mime.types
DocumentRoot "{site}"
<Directory "{site}">
    AllowOverride All
    Require all granted
</Directory>
"""


def _page(lang, text):
    return f'<!doctype html><html lang="{lang}"><title>{text}</title><p>{text}</p>\n' + "<p>Text</p>\n" * 200


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    if not Path(APACHE).exists() or not MODULES.is_dir():
        pytest.fail("Apache fehlt (prüft die .htaccess wie beim Webhoster): apt-get install apache2")
    # Apache's workers run as www-data when started as root: the folder must be world-readable.
    root = Path(tempfile.mkdtemp(prefix="htaccess-", dir="/tmp"))
    site = root / "site"
    files = {
        ".htaccess": render_htaccess(SETTINGS),
        "index.html": _page("de", "Startseite"),
        "404.html": _page("de", "Seite nicht gefunden"),
        "ar/index.html": _page("ar", "الصفحة الرئيسية"),
        "ar/404.html": _page("ar", "الصفحة غير موجودة"),
        "ar/kalender/feeds/alle.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        "en/index.html": _page("en", "Home"),
        "en/404.html": _page("en", "Page not found"),
        "theme/css/site.0123456789.css": "body{margin:0}\n",
        "images/garten.abcdef0123.jpg": "jpg",
        "favicon.ico": "ico",
        "kalender/feeds/alle.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        "feeds/aktuelles.atom.xml": '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n',
        "feeds/aktuelles.rss.xml": '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"/>\n',
        # left by an upload killed while rsync --delay-updates held the new files back
        ".~tmp~/index.html": _page("de", "halb hochgeladen"),
        "kalender/.~tmp~/index.html": _page("de", "halb hochgeladen"),
        ".well-known/acme-challenge/token": "beweis",
        "kalender/einbetten/index.html": _page("de", "Nächste Termine"),
        "ar/kalender/einbetten/kategorie/garten/index.html": _page("ar", "المواعيد القادمة"),
        "kalender/index.html": _page("de", "Kalender"),
        "suche/index.html": _page("de", "Suche"),
        "en/suche/index.html": _page("en", "Search"),
        "pagefind/pagefind-worker.js": "self.onmessage = () => {};\n",
        "pagefind/fragment/de_562c5b5.pf_fragment": "gz",
        "pagefind/wasm.de.pagefind": "gz",
    }
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    for folder, _dirs, names in os.walk(root):
        os.chmod(folder, 0o755)
        for name in names:
            os.chmod(os.path.join(folder, name), 0o644)
    port = _free_port()
    user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
    (root / "httpd.conf").write_text(CONFIG.format(root=root, port=port, site=site, modules=MODULES, user=user))
    process = subprocess.Popen([APACHE, "-f", str(root / "httpd.conf"), "-DFOREGROUND"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            if process.poll() is not None:
                pytest.fail(f"Apache startet nicht:\n{process.stdout.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("Apache antwortet nicht auf 127.0.0.1")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=HTTPS):
    """(status, headers, body) without following redirects; HTTP errors are answers too."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers={**headers, "Accept-Encoding": "gzip"})
    try:
        with opener.open(request, timeout=10) as response:
            status, head, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, body = error.code, error.headers, error.read()
    if head.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return status, head, body.decode("utf-8", "replace")


def test_pages_are_served_as_utf8_html_with_the_security_headers(server):
    status, head, body = fetch(f"{server}/")
    assert status == 200 and "Startseite" in body
    assert head["Content-Type"] == "text/html; charset=utf-8"
    assert head["Content-Security-Policy"] == DEFAULT_CSP
    assert head["X-Content-Type-Options"] == "nosniff"
    assert head["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in head["Permissions-Policy"]
    assert head["Content-Encoding"] == "gzip"
    assert "max-age=300" in head["Cache-Control"]


def test_plain_http_is_redirected_to_https(server):
    status, head, _ = fetch(f"{server}/ar/", headers={})
    assert status == 301
    assert head["Location"].startswith("https://") and head["Location"].endswith("/ar/")


def test_calendar_feeds_are_text_calendar_utf8_and_short_lived(server):
    status, head, body = fetch(f"{server}/kalender/feeds/alle.ics")
    assert status == 200 and body.startswith("BEGIN:VCALENDAR")
    assert head["Content-Type"] == "text/calendar; charset=utf-8"
    assert "max-age=3600" in head["Cache-Control"]


def test_fingerprinted_files_are_cached_for_a_year_and_favicons_for_a_day(server):
    for path in ("/theme/css/site.0123456789.css", "/images/garten.abcdef0123.jpg"):
        status, head, _ = fetch(f"{server}{path}")
        assert status == 200, path
        assert head["Cache-Control"] == "public, max-age=31536000, immutable", path
    status, head, _ = fetch(f"{server}/favicon.ico")
    assert status == 200 and head["Cache-Control"] == "public, max-age=86400"


def test_news_feeds_are_served_as_atom_and_rss(server):
    status, head, body = fetch(f"{server}/feeds/aktuelles.atom.xml")
    assert status == 200 and "<feed" in body
    assert head["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert "max-age=3600" in head["Cache-Control"]
    status, head, _ = fetch(f"{server}/feeds/aktuelles.rss.xml")
    assert status == 200 and head["Content-Type"] == "application/rss+xml; charset=utf-8"


def test_a_folder_without_slash_is_redirected_to_https_also_behind_the_tls_terminator(server):
    for path in ("/en", "/ar/kalender"):
        status, head, _ = fetch(f"{server}{path}")  # X-Forwarded-Proto: https, Apache itself sees http
        assert status == 301, path
        assert head["Location"] == f"https://127.0.0.1:{server.rsplit(':', 1)[1]}{path}/", path
    status, head, _ = fetch(f"{server}/en/")
    assert status == 200


def test_leftovers_of_an_interrupted_upload_and_other_hidden_names_are_not_found(server):
    for path in ("/.~tmp~/index.html", "/kalender/.~tmp~/index.html", "/.~tmp~/", "/.htaccess"):
        status, _, body = fetch(f"{server}{path}")
        assert status == 404 and "halb hochgeladen" not in body, path
        assert "Seite nicht gefunden" in body, path
    status, _, body = fetch(f"{server}/.well-known/acme-challenge/token")
    assert status == 200 and body == "beweis"


def test_missing_pages_get_the_404_page_of_their_language(server):
    status, head, body = fetch(f"{server}/ar/gibt-es-nicht/")
    assert status == 404 and "الصفحة غير موجودة" in body
    assert head["Content-Security-Policy"] == DEFAULT_CSP
    status, _, body = fetch(f"{server}/gibt-es-nicht/")
    assert status == 404 and "Seite nicht gefunden" in body


def test_folders_are_not_listed_but_get_the_404_page_of_their_language(server):
    status, _, body = fetch(f"{server}/theme/css/")
    assert status == 404 and "Seite nicht gefunden" in body and "Forbidden" not in body
    status, _, body = fetch(f"{server}/ar/kalender/feeds/")
    assert status == 404 and "الصفحة غير موجودة" in body
    status, _, body = fetch(f"{server}/en/gibt-es-nicht/")
    assert status == 404 and "Page not found" in body


def test_only_the_embed_pages_may_be_framed_and_only_by_the_configured_sites(server):
    for path in ("/kalender/einbetten/", "/ar/kalender/einbetten/kategorie/garten/"):
        status, head, _ = fetch(f"{server}{path}")
        assert status == 200, path
        assert "frame-ancestors https://www.partner.example https://*.schule.example" in head["Content-Security-Policy"]
        assert "X-Frame-Options" not in head, path
    for path in ("/", "/kalender/", "/suche/", "/ar/"):
        status, head, _ = fetch(f"{server}{path}")
        assert status == 200, path
        assert "frame-ancestors 'none'" in head["Content-Security-Policy"], path
        assert head["X-Frame-Options"] == "DENY", path


def test_webassembly_is_allowed_only_on_the_search_page_and_its_worker(server):
    for path in ("/suche/", "/en/suche/", "/pagefind/pagefind-worker.js"):
        status, head, _ = fetch(f"{server}{path}")
        assert status == 200, path
        assert "script-src 'self' 'wasm-unsafe-eval'" in head["Content-Security-Policy"], path
        assert "frame-ancestors 'none'" in head["Content-Security-Policy"], path
    for path in ("/", "/kalender/", "/kalender/einbetten/"):
        _status, head, _ = fetch(f"{server}{path}")
        assert "wasm-unsafe-eval" not in head["Content-Security-Policy"], path


def test_search_index_parts_are_immutable_and_the_rest_of_the_bundle_short_lived(server):
    status, head, _ = fetch(f"{server}/pagefind/fragment/de_562c5b5.pf_fragment")
    assert status == 200 and head["Cache-Control"] == "public, max-age=31536000, immutable"
    assert head["Content-Type"] == "application/octet-stream"
    for path in ("/pagefind/wasm.de.pagefind", "/pagefind/pagefind-worker.js"):
        _status, head, _ = fetch(f"{server}{path}")
        assert head["Cache-Control"] == "public, max-age=3600, must-revalidate", path
