"""Fixtures for the quality gates: the built site, a local server for it, and one browser."""

from __future__ import annotations

import pytest

from .builtsite import CHROMIUM, INSTALL_HINTS, StaticServer, production_headers, require_tool, site_dir

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def site():
    """The built site directory (output/); fails when it has not been built."""
    root = site_dir()
    if not (root / "index.html").is_file():
        pytest.fail(f"{INSTALL_HINTS['site']} (no {root}/index.html)", pytrace=False)
    return root


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1 at a free port, with the live site's CSP (per page, as the
    .htaccess sends it); yields its base URL."""
    with StaticServer(site, headers_for=production_headers) as running:
        yield running.url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session, driven by Playwright."""
    require_tool("chromium")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - heavy import, only when used

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
