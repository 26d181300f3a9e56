from kalender import i18n
from testsupport import compiled_theme


def test_feed_words_come_from_the_theme_catalog_whatever_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = {"THEME": str(compiled_theme())}
    assert i18n.gettext(settings, "en", i18n.ALL_LABEL) == "All dates"
    assert i18n.gettext(settings, "ar", i18n.ALL_LABEL) not in ("", i18n.ALL_LABEL)


def test_without_a_catalog_the_german_words_are_used(tmp_path):
    assert i18n.gettext({"THEME": str(tmp_path)}, "en", i18n.ALL_LABEL) == "Alle Termine"
