import re

from pelican.plugins.publishing.htaccess import TEXT_EXTENSIONS, render_htaccess

SETTINGS = {
    "DEFAULT_LANG": "de",
    "LANGUAGES": {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")},
}


def directives():
    return render_htaccess(SETTINGS)


def test_ics_is_served_as_text_calendar_and_text_types_as_utf8():
    text = directives()
    assert "AddType text/calendar .ics" in text.splitlines()
    charset_line = next(line for line in text.splitlines() if line.startswith("AddCharset UTF-8"))
    for ext in (".html", ".css", ".js", ".xml", ".ics", ".txt", ".svg"):
        assert ext in charset_line.split(), ext
    assert set(TEXT_EXTENSIONS) <= set(charset_line.split()[2:])


def test_plain_http_is_redirected_permanently_to_https():
    text = directives()
    assert "RewriteEngine On" in text
    assert "RewriteCond %{HTTPS} !=on" in text
    assert re.search(r"RewriteRule \^ https://%\{HTTP_HOST\}%\{REQUEST_URI\} \[L,R=301\]", text)


def test_fingerprinted_assets_are_immutable_and_pages_feeds_calendars_short_lived():
    text = directives()
    immutable = re.search(r'<FilesMatch "\\\.\[0-9a-f\]\{10\}\\\.\[A-Za-z0-9\]\+\$">\n(.*?)</FilesMatch>', text, re.S).group(1)
    assert "max-age=31536000, immutable" in immutable
    html_block = re.search(r'<FilesMatch "\\\.\(html\|txt\)\$">\n(.*?)</FilesMatch>', text, re.S).group(1)
    feed_block = re.search(r'<FilesMatch "\\\.\(xml\|ics\)\$">\n(.*?)</FilesMatch>', text, re.S).group(1)
    for block in (html_block, feed_block):
        max_age = int(re.search(r"max-age=(\d+)", block).group(1))
        assert max_age <= 3600
        assert "immutable" not in block
    # the fingerprinted block comes last, so it wins over the media block for images/x.<hash>.jpg
    assert text.index("max-age=31536000, immutable") > text.index('<FilesMatch "\\.(png|jpe?g')


def test_feeds_get_their_own_types_and_folders_redirect_over_https():
    text = directives()
    assert '<FilesMatch "\\.atom\\.xml$">\n    ForceType "application/atom+xml; charset=utf-8"' in text
    assert '<FilesMatch "\\.rss\\.xml$">\n    ForceType "application/rss+xml; charset=utf-8"' in text
    assert "DirectorySlash Off" in text.splitlines()
    assert "    RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI}/ [L,R=301]" in text.splitlines()


def test_security_headers_forbid_inline_code_and_third_parties():
    text = directives()
    csp = re.search(r'Header always set Content-Security-Policy "([^"]+)"', text).group(1)
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "data:" not in csp  # the theme uses no data: URIs
    for header in ("X-Content-Type-Options \"nosniff\"", "Referrer-Policy", "Permissions-Policy"):
        assert f"Header always set {header}" in text, header


def test_every_non_default_language_gets_its_own_404_page():
    text = directives()
    assert "ErrorDocument 404 /404.html" in text.splitlines()
    assert "ErrorDocument 403 /404.html" in text.splitlines()
    for code in ("en", "ar"):
        assert (f'<If "%{{REQUEST_URI}} =~ m#^/{code}/#">\n    ErrorDocument 404 /{code}/404.html\n'
                f'    ErrorDocument 403 /{code}/404.html\n</If>') in text
    assert "m#^/de/#" not in text


def test_same_settings_give_same_bytes_and_new_language_adds_a_block():
    assert render_htaccess(SETTINGS) == render_htaccess(dict(SETTINGS))
    more = dict(SETTINGS, LANGUAGES={**SETTINGS["LANGUAGES"], "uk": ("Українська", "ltr")})
    assert "ErrorDocument 404 /uk/404.html" in render_htaccess(more)
    assert "ErrorDocument 404 /uk/404.html" not in render_htaccess(SETTINGS)


def test_apache_blocks_are_balanced():
    text = directives()
    for tag in ("If", "IfModule", "FilesMatch"):
        opened = len(re.findall(rf"^\s*<{tag}[ >]", text, re.M))
        closed = len(re.findall(rf"^\s*</{tag}>", text, re.M))
        assert opened == closed and opened > 0, tag


def test_embed_frame_ancestors_are_https_sites_only():
    import pytest  # noqa: PLC0415

    from pelican.plugins.publishing.htaccess import HtaccessSettingError, frame_ancestors  # noqa: PLC0415

    assert frame_ancestors({}) == ["https:"]
    assert frame_ancestors({"EMBED_FRAME_ANCESTORS": ["https://www.partner.example"]}) == ["https://www.partner.example"]
    for wrong in (["*"], ["http://partner.example"], ["https://partner.example/seite"], [], ["'self' https:"]):
        with pytest.raises(HtaccessSettingError, match="EMBED_FRAME_ANCESTORS"):
            frame_ancestors({"EMBED_FRAME_ANCESTORS": wrong})
