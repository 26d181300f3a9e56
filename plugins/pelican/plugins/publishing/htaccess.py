"""The ``.htaccess`` for the Apache web space, rendered from the settings.

Everything the server must do beyond serving files lives here: MIME types and
charsets, the HTTPS redirect, cache lifetimes, security headers and the 404 page
of each language. Apache reads it on every request, so a new upload takes effect
at once and needs no access to the server configuration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


# Who may show the embed pages (VIEW_URLS["einbetten"]) in a frame, unless EMBED_FRAME_ANCESTORS says
# otherwise: any https site. The embed pages are read-only lists of dates without forms, so
# being framed cannot trick a visitor into an action; every other page keeps frame-ancestors 'none'.
DEFAULT_EMBED_FRAME_ANCESTORS = ("https:",)
FRAME_SOURCE_RE = re.compile(r"^https:$|^https://(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$")
# Pagefind's search runs WebAssembly, which CSP allows only with 'wasm-unsafe-eval' (no eval of
# JavaScript): only on the search page and for the bundle's worker script.
WASM_SOURCE = "'wasm-unsafe-eval'"


class HtaccessSettingError(ValueError):
    """A setting the .htaccess is made from is wrong (German message, with the fix)."""


@dataclass(frozen=True)
class PagePolicy:
    """Pages whose Content-Security-Policy differs from the site's: URL paths matching ``pattern``
    (a regular expression on the request path, for Apache's ``<If>`` and for the test server)."""

    name: str
    pattern: str
    csp: str
    framed: bool  # X-Frame-Options is dropped: frame-ancestors decides


def with_directive(csp: str, name: str, sources: list[str]) -> str:
    """``csp`` with directive ``name`` set to ``sources`` (replaced if present, else added)."""
    parts = [part.strip() for part in csp.split(";") if part.strip()]
    value = " ".join([name, *sources])
    for index, part in enumerate(parts):
        if part.split()[0] == name:
            parts[index] = value
            return "; ".join(parts)
    return "; ".join([*parts, value])


def directive(csp: str, name: str) -> list[str] | None:
    for part in csp.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return None


def frame_ancestors(settings) -> list[str]:
    """EMBED_FRAME_ANCESTORS, checked: "https:" or https origins (no "*", no http, no paths)."""
    sources = settings.get("EMBED_FRAME_ANCESTORS", DEFAULT_EMBED_FRAME_ANCESTORS)
    if isinstance(sources, str):
        sources = [sources]
    wrong = [s for s in sources if not isinstance(s, str) or not FRAME_SOURCE_RE.match(s)]
    if wrong or not sources:
        raise HtaccessSettingError(
            f"pelicanconf.py: EMBED_FRAME_ANCESTORS = {list(sources)!r}: erlaubt sind \"https:\" (jede Website mit "
            "https) oder eine Liste von Adressen wie \"https://www.partner-verein.de\" (ohne Pfad, ohne * allein, "
            "ohne http)")
    return list(sources)


def _language_prefix(settings) -> str:
    others = [code for code in (settings.get("LANGUAGES") or {}) if code != settings["DEFAULT_LANG"]]
    return f"(?:(?:{'|'.join(re.escape(c) for c in others)})/)?" if others else ""


def page_policies(settings, csp: str | None = None) -> list[PagePolicy]:
    """The search page (WebAssembly) and the embed pages (framing), if the site has them."""
    csp = csp or settings.get("HTACCESS_CSP", DEFAULT_CSP)
    views = settings.get("VIEW_URLS") or {}
    lang = _language_prefix(settings)
    policies = []
    if views.get("suche"):
        script = directive(csp, "script-src") or directive(csp, "default-src") or ["'self'"]
        bundle = settings.get("SEARCH_BUNDLE_URL", "pagefind/").strip("/")
        pattern = f"^/{lang}{re.escape(views['suche'])}(?:index\\.html)?$|^/{re.escape(bundle)}/"
        policies.append(PagePolicy("search", pattern,
                                   with_directive(csp, "script-src", [*script, WASM_SOURCE]), False))
    if views.get("einbetten"):
        policies.append(PagePolicy("embed", f"^/{lang}{re.escape(views['einbetten'])}",
                                   with_directive(csp, "frame-ancestors", frame_ancestors(settings)), True))
    return policies


def policy_for(settings, path: str, csp: str | None = None) -> tuple[str, bool]:
    """(CSP, X-Frame-Options DENY?) for the URL path ``path``, as the .htaccess sends them."""
    for policy in page_policies(settings, csp):
        if re.search(policy.pattern, path):
            return policy.csp, not policy.framed
    return csp or settings.get("HTACCESS_CSP", DEFAULT_CSP), True


def _page_policy_lines(settings, csp: str) -> list[str]:
    lines = []
    for policy in page_policies(settings, csp):
        lines += [f'    <If "%{{REQUEST_URI}} =~ m#{policy.pattern}#">',
                  f'        Header always set Content-Security-Policy "{policy.csp}"']
        if policy.framed:
            lines.append("        Header always unset X-Frame-Options")
        lines.append("    </If>")
    return lines


# What the site shows for errors. 403 (forbidden) gets the 404 page too: a visitor learns
# nothing from the difference, and Apache's own 403 page is English.
ERROR_STATUSES = (404, 403)
# Fingerprinted file names (plugins/pelican/plugins/fingerprint): <name>.<10 hex digits>.<suffix>.
FINGERPRINTED = r"\.[0-9a-f]{10}\.[A-Za-z0-9]+$"
# Pagefind's index files (search): <lang>_<hash>.pf_index|pf_fragment|pf_filter, pagefind.<lang>_<hash>.pf_meta.
PAGEFIND_HASHED = r"_[0-9a-f]{7,}\.pf_(index|fragment|filter|meta)$"


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
        "# Written by the publishing plugin (plugins/pelican/plugins/publishing/htaccess.py) on every",
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
        "# The search index (plugins/pelican/plugins/search): Pagefind's own compressed files.",
        "AddType application/octet-stream .pagefind .pf_meta .pf_index .pf_fragment .pf_filter",
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
        "    # Unfingerprinted scripts and data (the search bundle, plugins/pelican/plugins/search): an hour. Its index parts are",
        "    # named by their content hash (last block).",
        '    <FilesMatch "\\.(pagefind|js|css|json)$">',
        f'        Header set Cache-Control "public, max-age={CACHE_FEEDS}, must-revalidate"',
        "    </FilesMatch>",
        f'    <FilesMatch "{FINGERPRINTED}">',
        f'        Header set Cache-Control "public, max-age={CACHE_IMMUTABLE}, immutable"',
        "    </FilesMatch>",
        f'    <FilesMatch "{PAGEFIND_HASHED}">',
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
        "    # Own policies: the search page runs WebAssembly; partner sites may frame the embed pages.",
        *_page_policy_lines(settings, csp),
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
