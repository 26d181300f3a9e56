"""HTTP server for the preview: the last good build, or an error page while the latest build failed."""

from __future__ import annotations

import html
import os
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

ERROR_PAGE = """<!DOCTYPE html>
<html lang="de" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="2">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fehler in den Inhalten – Vorschau</title>
</head>
<body>
<main>
<h1>Die Vorschau konnte nicht neu gebaut werden</h1>
<p>{summary}</p>
<ul>
{items}
</ul>
<p>Diese Seite lädt sich alle 2 Sekunden neu. Sobald der Fehler behoben und die Datei gespeichert ist,
erscheint wieder die Website.{last_good}</p>
</main>
</body>
</html>
"""


def error_page(errors: list[str], has_last_good: bool) -> bytes:
    """The error page; every message escaped (it quotes content)."""
    items = "\n".join(f"<li><code>{html.escape(e)}</code></li>" for e in errors)
    summary = f"{len(errors)} Meldung(en), genau wie im Terminal:"
    last_good = (" Die anderen Dateien (Bilder, CSS) kommen so lange aus dem letzten fehlerfreien Stand."
                 if has_last_good else "")
    return ERROR_PAGE.format(summary=html.escape(summary), items=items, last_good=last_good).encode("utf-8")


class PreviewHandler(SimpleHTTPRequestHandler):
    builder = None  # set by make_server

    def log_message(self, format, *args):  # noqa: A002 - keep the terminal for build messages
        pass

    def _is_page(self):
        path = unquote(urlsplit(self.path).path)
        return path.endswith("/") or path.endswith(".html") or "." not in os.path.basename(path)

    def _send_error_page(self):
        body = error_page(self.builder.last.errors, self.builder.current is not None)
        self.send_response(500)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _serve(self):
        failed = self.builder.last is not None and not self.builder.last.ok
        if failed and self._is_page() or self.builder.current is None:
            return self._send_error_page()
        self.directory = str(self.builder.current)
        return True

    def do_GET(self):
        if self._serve() is True:
            super().do_GET()

    def do_HEAD(self):
        if self._serve() is True:
            super().do_HEAD()

    def send_error(self, code, message=None, explain=None):
        """A missing page shows the site's own 404 page of that language."""
        if code == 404 and self.builder.current is not None:
            first = unquote(urlsplit(self.path).path).lstrip("/").split("/", 1)[0]
            candidates = [self.builder.current / first / "404.html"] if first else []
            for page in [*candidates, self.builder.current / "404.html"]:
                if page.is_file():
                    body = page.read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(body)
                    return
        super().send_error(code, message, explain)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def make_server(builder, host="127.0.0.1", port=8000) -> ThreadingHTTPServer:
    handler = type("BoundPreviewHandler", (PreviewHandler,), {"builder": builder})
    server = ThreadingHTTPServer((host, port), partial(handler))
    server.daemon_threads = True
    return server
