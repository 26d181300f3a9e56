"""The A–Z index of one language: every page, news item, calendar entry and partner.

The same items the search finds (the templates mark them ``data-pagefind-body``), so a
reader without JavaScript can find everything too. Untranslated items appear in German
(``fallback``), as everywhere else on the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from pelican.plugins.multilingual import state
from pelican.plugins.multilingual.selection import localize
from pelican.plugins.multilingual.urls import view_url

from .letters import ALPHABETS, OTHER, letter_of, sort_key

# Kinds of content, as the search filter and the A–Z list name them (calendar kinds as in kalender.config.KINDS).
KINDS = ("page", "news", "event", "course", "garden", "partner")


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    kind: str
    lang: str  # the language the title is in
    fallback: bool


@dataclass
class Letter:
    letter: str
    entries: list[Entry]

    @property
    def anchor(self) -> str:
        return "buchstabe-" + ("andere" if self.letter == OTHER else self.letter.lower())


def collect(context: dict, settings: dict, lang: str) -> list[Entry]:
    """Every item of ``context`` in ``lang`` (or German where untranslated)."""
    default = settings["DEFAULT_LANG"]
    found = []
    for name, kind in (("pages", "page"), ("hidden_pages", "page"), ("articles", "news"), ("partners", "partner")):
        for original in context.get(name, []):
            shown = localize(original, lang, default)
            url = shown.item.url
            if kind == "partner":  # no page of its own: its card on the partner page
                url = f"{view_url(settings, state().languages[lang], 'partner')}#partner-{original.slug}"
            found.append(Entry(shown.item.title, url, kind, shown.item.lang, shown.is_fallback))
    calendar = context.get("calendar")
    if calendar is not None:
        from pelican.plugins.kalender import api  # noqa: PLC0415

        for original in calendar.originals:
            if getattr(original, "status", "published") == "draft":
                continue
            shown = api.entry_for_lang(original, lang)
            found.append(Entry(shown.title, api.entry_path(settings, original, lang), original.kind, shown.lang,
                               shown.lang != lang))
    return found


def by_letter(entries: list[Entry], lang: str, alphabets: dict | None = None) -> list[Letter]:
    """Entries under their first letter, letters in the language's order, "#" last.

    A title shown in another language (untranslated, in German) is filed by that language's
    alphabet; its letters come after the page language's own.
    """
    alphabets = {**ALPHABETS, **(alphabets or {})}  # SEARCH_ALPHABETS adds or replaces languages
    own = alphabets.get(lang) or ALPHABETS["en"]

    def alphabet(entry):
        return alphabets.get(entry.lang) or own

    groups: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: (e.lang != lang, sort_key(e.title, e.lang, alphabet(e)), e.url)):
        groups.setdefault(letter_of(entry.title, entry.lang, alphabet(entry)), []).append(entry)
    foreign = [c for c in groups if c not in own and c != OTHER]
    order = [c for c in own if c in groups] + foreign + ([OTHER] if OTHER in groups else [])
    return [Letter(c, groups[c]) for c in order]
