from pelican.plugins.search.entries import Entry, by_letter
from pelican.plugins.search.pages import a_z_pages
from pelican.plugins.search.letters import ALPHABETS, OTHER, letter_of, normalize, sort_key


def test_persian_and_arabic_letter_variants_become_the_forms_of_the_page_language():
    assert normalize("كلاس فارسي", "fa") == "کلاس فارسی"
    assert normalize("المبتدئین", "ar") == "المبتدئين"
    assert normalize("كـلاس", "fa") == "کلاس", "tatweel is dropped"
    assert normalize("كلاس", "de") == "كلاس", "other languages are left alone"


def test_titles_are_filed_under_their_first_letter_in_the_language_alphabet():
    assert letter_of("Ärztliche Beratung", "de", ALPHABETS["de"]) == "A"
    assert letter_of("„Zusammen“ kochen", "de", ALPHABETS["de"]) == "Z"
    assert letter_of("أمسية طبخ", "ar", ALPHABETS["ar"]) == "ا"
    assert letter_of("آموزش", "fa", ALPHABETS["fa"]) == "آ"
    assert letter_of("گفتگو", "fa", ALPHABETS["fa"]) == "گ"
    assert letter_of("Ґанок", "uk", ALPHABETS["uk"]) == "Ґ"
    assert letter_of("2026: Sommerfest", "de", ALPHABETS["de"]) == OTHER


def test_sorting_follows_the_alphabet_not_the_code_points():
    fa = ["ی", "گ", "پ", "ب"]
    assert sorted(fa, key=lambda t: sort_key(t, "fa", ALPHABETS["fa"])) == ["ب", "پ", "گ", "ی"]
    uk = ["Їжа", "Ігри", "Ґанок", "Гра"]
    assert sorted(uk, key=lambda t: sort_key(t, "uk", ALPHABETS["uk"])) == ["Гра", "Ґанок", "Ігри", "Їжа"]
    de = ["Zebra", "Äpfel", "Birne", "apfel"]
    assert sorted(de, key=lambda t: sort_key(t, "de", ALPHABETS["de"])) == ["apfel", "Äpfel", "Birne", "Zebra"]


def test_untranslated_titles_come_after_the_page_language_letters():
    entries = [Entry("Kontakt", "/kontakt/", "page", "de", True), Entry("تماس", "/fa/x/", "page", "fa", False),
               Entry("2027", "/fa/y/", "page", "fa", False), Entry("آموزش", "/fa/z/", "course", "fa", False)]
    groups = by_letter(entries, "fa")
    assert [g.letter for g in groups] == ["آ", "ت", "K", OTHER]
    assert groups[2].entries[0].fallback and groups[-1].anchor == "buchstabe-andere"


def test_search_alphabets_add_a_language_and_keep_the_others():
    entries = [Entry("Çay", "/tr/a/", "page", "tr", False), Entry("Cami", "/tr/b/", "page", "tr", False)]
    groups = by_letter(entries, "tr", {"tr": "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"})
    assert [g.letter for g in groups] == ["C", "Ç"]
    assert [g.letter for g in by_letter([Entry("Ärger", "/a/", "page", "de", False)], "de", {"tr": "ABC"})] == ["A"]


def test_a_large_a_to_z_list_gets_one_page_per_letter():
    entries = [Entry(f"{c}{i}", f"/{c}{i}/", "page", "de", False) for c in "ABC" for i in range(3)]
    groups = by_letter(entries, "de")
    [single] = a_z_pages(groups, "a-z/", per_page=9)
    assert single.path == "a-z/" and single.groups == groups and single.nav[0] == ("A", "#buchstabe-a")
    index, *letters = a_z_pages(groups, "a-z/", per_page=8)
    assert index.groups == [] and index.nav == [("A", "a-z/1/"), ("B", "a-z/2/"), ("C", "a-z/3/")]
    assert [(p.path, [g.letter for g in p.groups]) for p in letters] == [("a-z/1/", ["A"]), ("a-z/2/", ["B"]),
                                                                        ("a-z/3/", ["C"])]
