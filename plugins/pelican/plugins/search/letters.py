"""Arabic-script letter variants, and the A–Z order of each language.

Arabic and Persian share most letters but write two of them differently: Persian ی and ک,
Arabic ي and ك (and ى at the end of a word). A Persian reader on an Arabic keyboard types
ي, and a text copied from elsewhere may mix both. Pagefind (1.5) does not treat them as
the same letter, so the index of an Arabic-script page and every query are brought to
the forms of the page's language (:func:`normalize`): the indexed copy here at build time,
the query in the browser (``search.js`` does the same replacements, :data:`VARIANTS`).
Tatweel (the stretching stroke ـ) is dropped on both sides.
"""

from __future__ import annotations

import unicodedata

# language -> {variant: the form that language writes}
VARIANTS = {
    "fa": {"ي": "ی", "ى": "ی", "ك": "ک", "ـ": ""},
    "ar": {"ی": "ي", "ک": "ك", "ـ": ""},
}

# A–Z order of the index page, one string of letters per language. A title is filed under
# its first letter (capitals and accents folded for Latin: Ä under A); other first
# characters (digits, signs, another script) are filed under "#" at the end.
ALPHABETS = {
    "de": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "fa": "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
    "uk": "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ",
    "ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
}
OTHER = "#"
# Letters filed under another one in a language's index (hamza forms under their base letter).
FOLD = {
    "ar": {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"},
    "fa": {"أ": "ا", "إ": "ا", "ٱ": "ا", "ة": "ه", "ؤ": "و", "ئ": "ی"},
}


def normalize(text: str, lang: str) -> str:
    """``text`` with the letter variants of ``lang`` replaced (unchanged for other languages)."""
    table = VARIANTS.get(lang)
    return text.translate(str.maketrans(table)) if table else text


def _filed(char: str, lang: str, alphabet: str) -> str:
    """The letter ``char`` is filed under: itself if the alphabet has it (Ґ in Ukrainian, Ç in
    Turkish), else with hamza forms folded and Latin accents dropped (Ä under A); capitals."""
    char = FOLD.get(lang, {}).get(char, char).upper()
    if char in alphabet:
        return char
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed[0].isascii() else char


def letter_of(title: str, lang: str, alphabet: str) -> str:
    """The letter a title is filed under in ``alphabet`` (or :data:`OTHER`)."""
    first = next((c for c in normalize(title, lang) if c.isalnum()), "")
    letter = _filed(first, lang, alphabet) if first else OTHER
    return letter if letter in alphabet else OTHER


def sort_key(title: str, lang: str, alphabet: str) -> tuple:
    """Alphabetical within the language: by each letter's place in ``alphabet``, then the title."""
    places = []
    for char in normalize(title, lang):
        if char.isspace():
            places.append(-1)  # "Garten Tag" before "Gartenfest"
            continue
        letter = _filed(char, lang, alphabet)
        places.append(alphabet.index(letter) if letter in alphabet else len(alphabet) + ord(char))
    return (tuple(places), title)
