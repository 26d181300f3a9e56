import pytest

from pelican.plugins.multilingual.languages import site_languages

SETTINGS = {"DEFAULT_LANG": "de", "LANGUAGES": {"de": ("Deutsch", "ltr"), "ar": ("العربية", "rtl")}}


def test_default_language_has_no_prefix_and_others_do():
    langs = site_languages(SETTINGS)
    assert list(langs) == ["de", "ar"]
    assert langs["de"].prefix == ""
    assert langs["ar"].prefix == "ar/"
    assert langs["ar"].is_rtl and not langs["de"].is_rtl


def test_unknown_direction_is_rejected():
    with pytest.raises(ValueError, match="Schreibrichtung"):
        site_languages({"DEFAULT_LANG": "de", "LANGUAGES": {"de": ("Deutsch", "down")}})


def test_default_language_must_be_listed():
    with pytest.raises(ValueError, match="DEFAULT_LANG"):
        site_languages({"DEFAULT_LANG": "fr", "LANGUAGES": {"de": ("Deutsch", "ltr")}})
