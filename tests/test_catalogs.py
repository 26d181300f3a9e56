"""Every UI string catalog is complete, consistent and in step with the templates.

The message ids are the German UI strings; `invoke i18n-update` merges new ones
into every catalog and fills the German one (msgstr = msgid). These tests fail
when a translator still has work to do, and say exactly what, per language.
"""

import re
import subprocess
import runpy
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from pelican.plugins.multilingual.catalogs import Catalogs

ROOT = Path(__file__).resolve().parent.parent

_SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))
DEFAULT_LANG, LANGUAGES = _SETTINGS["DEFAULT_LANG"], _SETTINGS["LANGUAGES"]

CATALOG_DIR = ROOT / "themes" / "kompetenz" / "translations"
PYBABEL = Path(sys.executable).parent / "pybabel"

# A printf-style conversion as Python's %-operator reads it (Jinja's newstyle
# gettext applies `% variables` to every translated string, so a stray "%" breaks
# rendering just like a renamed placeholder does).
PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])")
STRAY = ("ein einzelnes % (als %% schreiben)", "")


def po_path(lang):
    return CATALOG_DIR / lang / "LC_MESSAGES" / "messages.po"


def load_po(lang):
    path = po_path(lang)
    assert path.exists(), f"Katalog für '{lang}' fehlt: {path} (Abhilfe: `invoke i18n-update`)"
    with open(path, "rb") as fp:
        return read_po(fp, locale=lang)


def messages(catalog):
    return [m for m in catalog if m.id]


def singular(message):
    return message.id[0] if message.pluralizable else message.id


def label(message):
    text = singular(message)
    return f"{message.context}|{text}" if message.context else text


def forms(message):
    if message.pluralizable:
        return list(message.string) if message.string else []
    return [message.string]


def placeholders(text):
    """Sorted placeholders of a string, plus a marker for any "%" that is not one."""
    found = [(m.group("name"), m.group("conv")) for m in PLACEHOLDER.finditer(text)]
    if "%" in PLACEHOLDER.sub("", text):
        found.append(STRAY)
    return sorted(found, key=str)


def show(found):
    return ", ".join(n if (n, c) == STRAY else f"%({n}){c}" if n else f"%{c}" for n, c in found) or "(keine)"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The template of msgids extracted right now from themes/, plugins/ and pelicanconf.py (as `invoke i18n-extract`)."""
    assert PYBABEL.exists(), f"pybabel fehlt neben {sys.executable}: bitte Babel in .venv installieren (make)"
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    result = subprocess.run(
        [str(PYBABEL), "-q", "extract", "-F", str(ROOT / "babel.cfg"), "--no-location",
         "-o", str(pot), str(ROOT / "themes"), str(ROOT / "plugins"), str(ROOT / "pelicanconf.py")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, f"pybabel extract ist fehlgeschlagen:\n{result.stderr}"
    with open(pot, "rb") as fp:
        template = read_po(fp)
    assert messages(template), "Die Extraktion hat keine einzige Meldung gefunden; babel.cfg prüfen."
    return template


LANGS = list(LANGUAGES)


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_has_no_untranslated_entries(lang):
    catalog = load_po(lang)
    missing = [label(m) for m in messages(catalog)
               if not forms(m) or any(not s for s in forms(m))]
    assert not missing, (
        f"{lang}: {len(missing)} unübersetzte Einträge in {po_path(lang).relative_to(ROOT)}:\n  "
        + "\n  ".join(missing)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_has_no_fuzzy_entries(lang):
    catalog = load_po(lang)
    fuzzy = [label(m) for m in messages(catalog) if m.fuzzy]
    assert not fuzzy, f"{lang}: {len(fuzzy)} Einträge als fuzzy markiert (prüfen, dann Markierung entfernen):\n  " + "\n  ".join(fuzzy)


@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms_follow_babel(lang):
    """Header and every plural entry use Babel's gettext plural rule for the language.

    Babel's gettext table (`babel.messages.plurals.get_plural`) is what `pybabel init`
    writes into the header and what the compiled catalog evaluates at runtime; its
    counts (ar 6, ru/uk 3, fa 1, en/de 2) are not CLDR's category counts from
    `Locale.plural_form` (which would give ru/uk 4 and fa 2).
    """
    catalog = load_po(lang)
    rule = get_plural(lang)
    assert catalog.num_plurals == rule.num_plurals, (
        f"{lang}: Kopfzeile nennt {catalog.num_plurals} Pluralformen, Babel erwartet {rule.num_plurals}"
    )
    assert catalog.plural_expr == rule.plural_expr, (
        f"{lang}: Plural-Forms-Ausdruck {catalog.plural_expr!r} weicht von Babels {rule.plural_expr!r} ab"
    )
    wrong = [f"{label(m)} ({len(forms(m))} statt {rule.num_plurals} Formen)"
             for m in messages(catalog) if m.pluralizable and len(forms(m)) != rule.num_plurals]
    assert not wrong, f"{lang}: Einträge mit falscher Zahl an Pluralformen:\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_the_placeholders(lang):
    """Each msgstr uses the placeholders of its msgid (for plurals: of both German forms)."""
    catalog = load_po(lang)
    problems = []
    for message in messages(catalog):
        if message.pluralizable:
            one, many = placeholders(message.id[0]), placeholders(message.id[1])
            allowed, required = set(one) | set(many), set(one) & set(many)
            for index, text in enumerate(forms(message)):
                found = placeholders(text)
                if text and not required <= set(found) <= allowed:
                    problems.append(f"{label(message)} [Form {index}]: {show(found)} statt {show(sorted(allowed, key=str))}")
        elif message.string and placeholders(message.string) != placeholders(message.id):
            problems.append(f"{label(message)}: {show(placeholders(message.string))} statt {show(placeholders(message.id))}")
    assert not problems, f"{lang}: Platzhalter stimmen nicht mit dem deutschen Text überein:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_covers_every_extracted_msgid(lang, extracted):
    catalog = load_po(lang)
    have = {(singular(m), m.context): m for m in messages(catalog)}
    missing = []
    for message in messages(extracted):
        entry = have.get((singular(message), message.context))
        if entry is None or (message.pluralizable and (not entry.pluralizable or entry.id[1] != message.id[1])):
            missing.append(label(message))
    assert not missing, (
        f"{lang}: {len(missing)} Texte aus Vorlagen/Plugins fehlen im Katalog "
        f"(Abhilfe: `invoke i18n-update`, dann übersetzen):\n  " + "\n  ".join(missing)
    )


def compile_po(catalog_dir, lang, po_text):
    target = catalog_dir / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "messages.po").write_text(po_text, encoding="utf-8")
    with open(target / "messages.po", "rb") as fp:
        catalog = read_po(fp, locale=lang)
    with open(target / "messages.mo", "wb") as fp:
        write_mo(fp, catalog)


def test_missing_translation_falls_back_to_german_not_empty(tmp_path):
    compile_po(tmp_path, "ar", f"""\
msgid ""
msgstr ""
"Language: ar\\n"
"Plural-Forms: nplurals=6; plural={get_plural("ar").plural_expr};\\n"

msgid "Aktuelles"
msgstr "الأخبار"

msgid "Zum Inhalt springen"
msgstr ""

#, python-format
msgid "%(num)d Nachricht"
msgid_plural "%(num)d Nachrichten"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""
msgstr[3] ""
msgstr[4] ""
msgstr[5] ""
""")
    catalogs = Catalogs(tmp_path, ["de", "ar"], "de")

    assert catalogs.gettext("ar", "Aktuelles") == "الأخبار"
    assert catalogs.gettext("ar", "Zum Inhalt springen") == "Zum Inhalt springen"
    assert catalogs.gettext("ar", "Nicht im Katalog") == "Nicht im Katalog"
    # Empty plural forms fall back to the German singular or plural, never to "".
    for n in (0, 1, 2, 5, 11, 100):
        assert catalogs.ngettext("ar", "%(num)d Nachricht", "%(num)d Nachrichten", n) in (
            "%(num)d Nachricht", "%(num)d Nachrichten")
    assert catalogs.ngettext("ar", "%(num)d Nachricht", "%(num)d Nachrichten", 5) == "%(num)d Nachrichten"
    # German has no compiled catalog of its own: the msgid is the text.
    assert catalogs.gettext(DEFAULT_LANG, "Zum Inhalt springen") == "Zum Inhalt springen"
