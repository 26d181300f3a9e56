"""Pelican settings for the production build (`invoke publish`, CI deploy).

Everything from pelicanconf.py, plus absolute URLs and the .htaccess for the
Apache web space (Strato). Configuration only: the logic is in plugins/pelican/plugins/publishing/.
"""

import os
import runpy
from pathlib import Path

# Everything pelicanconf.py sets, read from the file next to this one (no sys.path change).
_BASE = runpy.run_path(str(Path(__file__).with_name("pelicanconf.py")))
globals().update({name: value for name, value in _BASE.items() if name.isupper() or name == "_"})

# --- The public address: PLACEHOLDER -------------------------------------------
# The association's domain is not known to us yet. Until it is, the address comes from
# the environment variable SITE_URL (set it in the forge's CI settings, see
# docs/veroeffentlichen.md). The fallback ends in ".invalid", a name that can never
# exist: `invoke publish` refuses to upload a build that still contains it, so a site
# with wrong links is never published. Once the domain is known, write it here
# instead of "https://www.example.invalid" (no slash at the end).
PLACEHOLDER_SITE_URL = "https://www.example.invalid"
# An empty SITE_URL (the forge passes "" when the variable is unset) counts as unset.
SITEURL = (os.environ.get("SITE_URL", "").strip() or PLACEHOLDER_SITE_URL).rstrip("/")
SITE_ABSOLUTE_URL = SITEURL

# --- Calendar UIDs: PLACEHOLDER until set ------------------------------------------
# Every subscribed event carries "<slug>@<CALENDAR_UID_DOMAIN>" for good. pelicanconf.py
# has a placeholder ending in ".invalid"; `invoke publish` refuses to upload with it. Set
# the environment variable CALENDAR_UID_DOMAIN (forge variable, next to SITE_URL) or,
# better, write the domain into pelicanconf.py once it is known; never change it later.
CALENDAR_UID_DOMAIN = os.environ.get("CALENDAR_UID_DOMAIN", "").strip() or _BASE["CALENDAR_UID_DOMAIN"]

# Production output is written fresh into a temporary directory by `invoke publish`.
DELETE_OUTPUT_DIRECTORY = True

# --- .htaccess (plugins/pelican/plugins/publishing/) --------------------------------------------
# Only the production build writes it: the local preview is no Apache server.
PLUGINS = [*_BASE["PLUGINS"], "pelican.plugins.publishing"]
HTACCESS_WRITE = True
# Security headers sent with every response. The site has no inline script or
# style and no third-party hosts, so 'self' is enough.
HTACCESS_CSP = (
    "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HTACCESS_REFERRER_POLICY = "no-referrer"
# Strict-Transport-Security: browsers remember "HTTPS only" for this many seconds.
# Set to 0 if the web space ever has to be reachable over plain HTTP.
HTACCESS_HSTS_SECONDS = 31536000
