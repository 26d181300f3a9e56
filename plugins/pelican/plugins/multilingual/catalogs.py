"""Gettext catalogs per language, chosen per rendered page.

The message ids are the German UI strings, so a string missing from a catalog
falls back to German, never to an empty string.
"""

from pathlib import Path

from babel.support import NullTranslations, Translations


class MissingCatalogError(RuntimeError):
    pass


class Catalogs:
    """The compiled catalog of every site language, keyed by language code."""

    def __init__(self, catalog_dir: Path, languages, default_lang: str):
        self.default_lang = default_lang
        self._by_lang = {}
        for code in languages:
            mo = Path(catalog_dir) / code / "LC_MESSAGES" / "messages.mo"
            if code == default_lang and not mo.exists():
                self._by_lang[code] = NullTranslations()
                continue
            if not mo.exists():
                raise MissingCatalogError(
                    f"Übersetzungskatalog für '{code}' fehlt ({mo}). "
                    "Bitte `invoke i18n-compile` ausführen (macht `make site` automatisch)."
                )
            with open(mo, "rb") as fp:
                self._by_lang[code] = Translations(fp, domain="messages")

    def for_lang(self, lang: str):
        return self._by_lang.get(lang) or self._by_lang[self.default_lang]

    def gettext(self, lang, message):
        return self.for_lang(lang).ugettext(message)

    def ngettext(self, lang, singular, plural, n):
        return self.for_lang(lang).ungettext(singular, plural, n)

    def pgettext(self, lang, context, message):
        return self.for_lang(lang).upgettext(context, message)
