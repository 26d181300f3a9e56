"""The ``.htaccess`` for the Apache web space, rendered from the settings.

Everything the server must do beyond serving files lives here: MIME types and
charsets, the HTTPS redirect, cache lifetimes, security headers and the 404 page
of each language. Apache reads it on every request, so a new upload takes effect
at once and needs no access to the server configuration.
"""

from __future__ import annotations

# Text types that get "charset=utf-8" in their Content-Type.
TEXT_EXTENSIONS = (".html", ".css", ".js", ".xml", ".ics", ".txt", ".svg", ".json")

# Cache lifetimes in seconds, by kind of file.
CACHE_IMMUTABLE = 31536000  # fingerprinted assets (theme/…, images/x.<hash>.jpg): a change gives a new name
CACHE_MEDIA = 86400         # the favicons, which keep their well-known names: a day
CACHE_FEEDS = 3600          # news feeds and .ics: calendar apps poll anyway; an hour keeps changes quick
CACHE_HTML = 300            # pages: five minutes, so a correction (a cancelled session) shows soon

DEFAULT_CSP = (
    "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


# What the site shows for errors. 403 (forbidden) gets the 404 page too: a visitor learns
# nothing from the difference, and Apache's own 403 page is English.
ERROR_STATUSES = (404, 403)
# Fingerprinted file names (plugins/fingerprint): <name>.<10 hex digits>.<suffix>.
FINGERPRINTED = r"\.[0-9a-f]{10}\.[A-Za-z0-9]+$"


def _error_documents(settings) -> list[str]:
    """``ErrorDocument`` per language: German at /404.html, the others under /<lang>/."""
    languages = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    default = settings["DEFAULT_LANG"]
    lines = ["# The 404 page in the language of the requested address (German for everything else)."]
    lines += [f"ErrorDocument {status} /404.html" for status in ERROR_STATUSES]
    for code in languages:
        if code == default:
            continue
        lines.append(f'<If "%{{REQUEST_URI}} =~ m#^/{code}/#">')
        lines += [f"    ErrorDocument {status} /{code}/404.html" for status in ERROR_STATUSES]
        lines.append("</If>")
    return lines


def render_htaccess(settings) -> str:
    """The complete ``.htaccess`` text for these settings (same settings, same bytes)."""
    theme_dir = settings.get("THEME_STATIC_DIR", "theme").strip("/")
    csp = settings.get("HTACCESS_CSP", DEFAULT_CSP)
    permissions = settings.get("HTACCESS_PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)
    referrer = settings.get("HTACCESS_REFERRER_POLICY", "no-referrer")
    hsts = settings.get("HTACCESS_HSTS_SECONDS", 31536000)
    charset_ext = " ".join(TEXT_EXTENSIONS)
    lines = [
        "# Written by the publishing plugin (plugins/publishing/htaccess.py) on every",
        "# production build. Do not edit on the server: the next upload replaces it.",
        "",
        "Options -Indexes",
        "DirectoryIndex index.html",
        "# The slash after a folder name is added by the rewrite rules below, over https: mod_dir",
        "# would redirect to http://, the scheme Apache sees behind the hoster's TLS terminator.",
        "DirectorySlash Off",
        "",
        "# --- Types and charsets -----------------------------------------------",
        "AddType text/calendar .ics",
        "AddType image/svg+xml .svg",
        "AddType image/x-icon .ico",
        "AddType text/javascript .js",
        "AddType application/json .json",
        "AddType application/atom+xml .atom",
        "AddType application/rss+xml .rss",
        f"AddCharset UTF-8 {charset_ext}",
        "# News feeds are named *.atom.xml and *.rss.xml; the last suffix would make them application/xml.",
        '<FilesMatch "\\.atom\\.xml$">',
        '    ForceType "application/atom+xml; charset=utf-8"',
        "</FilesMatch>",
        '<FilesMatch "\\.rss\\.xml$">',
        '    ForceType "application/rss+xml; charset=utf-8"',
        "</FilesMatch>",
        "",
        "# --- HTTPS only; folders and hidden names ----------------------------------",
        "<IfModule mod_rewrite.c>",
        "    RewriteEngine On",
        "    RewriteCond %{HTTPS} !=on",
        "    RewriteCond %{HTTP:X-Forwarded-Proto} !=https",
        "    RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [L,R=301]",
        "    # Names starting with a dot are never pages (e.g. .~tmp~/ of an interrupted upload);",
        "    # only the hoster's .well-known/ is reachable.",
        '    RewriteRule "(^|/)\\.(?!well-known(/|$))" - [R=404,L]',
        "    # A folder without its slash: redirect to the folder, always to https.",
        "    RewriteCond %{REQUEST_FILENAME} -d",
        "    RewriteCond %{REQUEST_URI} !/$",
        "    RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI}/ [L,R=301]",
        "    # A folder without index.html is no page: the 404 page, not a listing or Apache's 403.",
        "    RewriteCond %{REQUEST_FILENAME} -d",
        "    RewriteCond %{REQUEST_FILENAME}/index.html !-f",
        "    RewriteRule ^ - [R=404,L]",
        "</IfModule>",
        "",
        "# --- Compression (cheap phones, slow networks) ----------------------------",
        "<IfModule mod_deflate.c>",
        "    AddOutputFilterByType DEFLATE text/html text/css text/javascript text/plain "
        "text/calendar application/xml application/atom+xml application/rss+xml "
        "application/json image/svg+xml",
        "</IfModule>",
        "",
        "# --- Caching ---------------------------------------------------------------",
        "# Short for pages, feeds and calendars (they change when a session is cancelled),",
        f"# long and immutable for fingerprinted files (everything in /{theme_dir}/, images/<name>.<hash>.<suffix>).",
        "<IfModule mod_headers.c>",
        '    <FilesMatch "\\.(html|txt)$">',
        f'        Header set Cache-Control "public, max-age={CACHE_HTML}, must-revalidate"',
        "    </FilesMatch>",
        '    <FilesMatch "\\.(xml|ics)$">',
        f'        Header set Cache-Control "public, max-age={CACHE_FEEDS}, must-revalidate"',
        "    </FilesMatch>",
        '    <FilesMatch "\\.(png|jpe?g|gif|webp|avif|svg|ico)$">',
        f'        Header set Cache-Control "public, max-age={CACHE_MEDIA}"',
        "    </FilesMatch>",
        f'    <FilesMatch "{FINGERPRINTED}">',
        f'        Header set Cache-Control "public, max-age={CACHE_IMMUTABLE}, immutable"',
        "    </FilesMatch>",
        "</IfModule>",
        "",
        "# --- Security headers (also on error pages: \"always\") ------------------------",
        "# No inline script or style anywhere on the site, no third-party hosts.",
        "<IfModule mod_headers.c>",
        f'    Header always set Content-Security-Policy "{csp}"',
        '    Header always set X-Content-Type-Options "nosniff"',
        f'    Header always set Referrer-Policy "{referrer}"',
        f'    Header always set Permissions-Policy "{permissions}"',
        '    Header always set X-Frame-Options "DENY"',
    ]
    if hsts:
        # Browsers ignore this header on plain HTTP (RFC 6797), so it needs no condition.
        lines.append(f'    Header always set Strict-Transport-Security "max-age={int(hsts)}"')
    lines += [
        "</IfModule>",
        "",
        "# --- Error pages ---------------------------------------------------------------",
        *_error_documents(settings),
        "",
    ]
    return "\n".join(lines)
