from types import SimpleNamespace

import pytest

from pelican.plugins.multilingual.languages import site_languages
from pelican.plugins.multilingual.urls import (
    UnknownViewError,
    absolute_url,
    content_alternates,
    replace_view_links,
    switcher_links,
)

SETTINGS = {
    "DEFAULT_LANG": "de",
    "LANGUAGES": {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")},
    "VIEW_URLS": {"kurse": "kalender/kurse/", "home": ""},
    "SITE_ABSOLUTE_URL": "https://example.org/",
}
LANGS = site_languages(SETTINGS)


def page(lang, url):
    return SimpleNamespace(lang=lang, url=url, translations=[])


def test_alternates_follow_site_language_order_and_skip_unknown_languages():
    de, ar, fr = page("de", "ueber-uns/"), page("ar", "ar/ueber-uns/"), page("fr", "fr/ueber-uns/")
    ar.translations = [fr, de]
    assert list(content_alternates(ar, LANGS).items()) == [("de", "ueber-uns/"), ("ar", "ar/ueber-uns/")]


def test_switcher_links_to_home_where_no_translation_exists():
    de, en = page("de", "ueber-uns/"), page("en", "en/ueber-uns/")
    de.translations = [en]
    links = switcher_links({"page": de}, LANGS, "de")
    by_code = {link["language"].code: link for link in links}
    assert by_code["de"]["current"] and by_code["de"]["url"] == "ueber-uns/"
    assert by_code["en"]["url"] == "en/ueber-uns/" and by_code["en"]["translated"]
    assert by_code["ar"]["url"] == "ar/" and not by_code["ar"]["translated"]


def test_explicit_alternates_win_over_content():
    links = switcher_links({"alternates_map": {"de": "x/", "en": "en/x/", "ar": "ar/x/"}}, LANGS, "ar")
    assert [link["url"] for link in links] == ["x/", "en/x/", "ar/x/"]


def test_view_links_get_the_language_prefix_and_siteurl():
    html = '<a href="{view}kurse">Kurse</a>'
    assert replace_view_links(html, SETTINGS, LANGS["ar"], "a.md", "") == '<a href="/ar/kalender/kurse/">Kurse</a>'
    assert replace_view_links(html, SETTINGS, LANGS["de"], "a.md", "https://x.org") == (
        '<a href="https://x.org/kalender/kurse/">Kurse</a>'
    )


def test_unknown_view_names_the_file_and_the_allowed_names():
    with pytest.raises(UnknownViewError) as err:
        replace_view_links('<a href="{view}kurs">', SETTINGS, LANGS["de"], "pages/angebote.de.md", "")
    assert "pages/angebote.de.md" in str(err.value)
    assert "{view}kurs" in str(err.value)
    assert "home, kurse" in str(err.value)


def test_absolute_url_joins_without_double_slashes():
    assert absolute_url(SETTINGS, "/en/") == "https://example.org/en/"
    assert absolute_url(SETTINGS, "") == "https://example.org/"


def test_org_fields_are_filled_and_placeholders_marked():
    from pelican.plugins.multilingual.organization import UnknownOrganizationFieldError, replace_org_fields

    settings = {"ORGANIZATION": {"city": "Plauen", "phone": "[PLATZHALTER: Telefon]"}, "PLACEHOLDER_MARK": "[PLATZHALTER"}
    html = replace_org_fields("<p>{org:city} {org:phone}</p>", settings, "a.md")
    assert html == '<p>Plauen <span class="placeholder" lang="de" dir="ltr">[PLATZHALTER: Telefon]</span></p>'
    with pytest.raises(UnknownOrganizationFieldError, match="a.md: {org:fax}"):
        replace_org_fields("{org:fax}", settings, "a.md")
