from types import SimpleNamespace

from pelican.plugins.multilingual.selection import localize, localize_all


def item(lang):
    return SimpleNamespace(lang=lang, translations=[])


def linked(*items):
    for i in items:
        i.translations = [x for x in items if x is not i]
    return items


def test_translation_is_chosen_when_it_exists():
    de, ar = linked(item("de"), item("ar"))
    assert localize(de, "ar", "de").item is ar
    assert not localize(de, "ar", "de").is_fallback


def test_untranslated_item_falls_back_to_default_language_once():
    de, en = linked(item("de"), item("en"))
    other = item("de")
    shown = localize_all([de, other], "fa", "de")
    assert [s.item for s in shown] == [de, other]
    assert all(s.is_fallback for s in shown)


def test_item_without_default_version_falls_back_to_its_original():
    en = item("en")
    shown = localize(en, "ar", "de")
    assert shown.item is en and shown.is_fallback
