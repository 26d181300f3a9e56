"""Which version of a piece of content a language's listing shows.

Untranslated content is never silently missing and never shown twice: each
original appears once per language, in that language if a translation exists,
else in the default language (or its only language), flagged as a fallback so
the template can mark it ``lang``/``dir`` and say it is not translated.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Localized:
    """One item as a language's listing shows it."""

    item: object
    is_fallback: bool


def versions_of(original):
    return {original.lang: original, **{t.lang: t for t in getattr(original, "translations", [])}}


def localize(original, lang, default_lang) -> Localized:
    versions = versions_of(original)
    if lang in versions:
        return Localized(versions[lang], False)
    return Localized(versions.get(default_lang, original), True)


def localize_all(originals, lang, default_lang) -> list[Localized]:
    return [localize(o, lang, default_lang) for o in originals]
