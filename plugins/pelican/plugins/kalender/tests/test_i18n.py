from pelican.plugins.kalender import i18n
from pelican.plugins.community_core.testing import compiled_theme


def test_feed_words_come_from_the_theme_catalog_whatever_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = {"THEME": str(compiled_theme())}
    assert i18n.gettext(settings, "en", i18n.ALL_LABEL) == "All dates"
    assert i18n.gettext(settings, "ar", i18n.ALL_LABEL) not in ("", i18n.ALL_LABEL)


def test_without_a_catalog_the_german_words_are_used(tmp_path):
    assert i18n.gettext({"THEME": str(tmp_path)}, "en", i18n.ALL_LABEL) == "Alle Termine"


def test_every_saxon_holiday_name_is_marked_for_the_catalogs():
    """A holiday the holidays package adds or renames must reach the translators (HOLIDAY_NAMES)."""
    from pelican.plugins.kalender.schedule import saxon_holidays  # noqa: PLC0415

    names = set(saxon_holidays(tuple(range(2024, 2041)), "de").values())
    assert names == set(i18n.HOLIDAY_NAMES)


def test_holiday_names_in_every_site_language():
    import datetime as dt  # noqa: PLC0415

    settings = {"THEME": str(compiled_theme()), "DEFAULT_LANG": "de"}
    unity = dt.date(2026, 10, 3)
    shown = {lang: i18n.holiday_name(settings, lang, unity, "Tag der Deutschen Einheit")
             for lang in ("de", "en", "ar", "fa", "uk", "ru")}  # fmt: skip
    assert shown["de"] == ("Tag der Deutschen Einheit", "de")
    assert {lang for lang, (name, name_lang) in shown.items() if name_lang == lang} == set(shown)
    assert len({name for name, _lang in shown.values()}) == 6
    # No catalog: the holidays package's names where it has the language, else German marked as German.
    bare = {"THEME": "/nonexistent", "DEFAULT_LANG": "de"}
    assert i18n.holiday_name(bare, "uk", unity, "Tag der Deutschen Einheit") == ("День німецької єдності", "uk")
    assert i18n.holiday_name(bare, "fa", unity, "Tag der Deutschen Einheit") == ("Tag der Deutschen Einheit", "de")
