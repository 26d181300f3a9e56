"""The search page and the A–Z index page of every language."""

from __future__ import annotations

from dataclasses import dataclass

from pelican.generators import Generator

from .entries import Letter, by_letter, collect
from .letters import VARIANTS

VIEWS = ("suche", "a-z")
# Up to this many entries the A–Z list is one page; a larger site gets one page per letter,
# so that no page outgrows what a cheap phone should load (the budget test: 40 KB).
A_Z_PER_PAGE = 200


@dataclass(frozen=True)
class AZPage:
    path: str  # relative to the language prefix
    groups: list[Letter]  # the letters shown on this page
    nav: list[tuple[str, str]]  # (letter, link) for every letter


def a_z_pages(letters: list[Letter], base: str, per_page: int = A_Z_PER_PAGE) -> list[AZPage]:
    """One page with every letter, or (more than ``per_page`` entries) an index and a page per letter."""
    if sum(len(group.entries) for group in letters) <= per_page:
        return [AZPage(base, letters, [(g.letter, f"#{g.anchor}") for g in letters])]
    paths = {g.letter: f"{base}{number}/" for number, g in enumerate(letters, start=1)}
    nav = [(g.letter, paths[g.letter]) for g in letters]
    return [AZPage(base, [], nav)] + [AZPage(paths[g.letter], [g], nav) for g in letters]


class SearchPagesGenerator(Generator):
    """Writes ``suche/`` (Pagefind's UI; without JavaScript its form leads to the A–Z list)
    and ``a-z/`` per language, after every other generator has read its content."""

    def generate_context(self):
        self.context.setdefault("GENERATED_VIEWS", set()).update(VIEWS)

    def generate_output(self, writer):
        from pelican.plugins.multilingual import state  # noqa: PLC0415 - the build's languages (multilingual loads first)

        views = self.settings["VIEW_URLS"]
        languages = state().languages
        alphabets = self.settings.get("SEARCH_ALPHABETS")
        per_page = int(self.settings.get("SEARCH_A_Z_PER_PAGE", A_Z_PER_PAGE))
        for code, language in languages.items():
            letters = by_letter(collect(self.context, self.settings, code), code, alphabets)

            def write(path, template, same_in=None, **kwargs):
                """``same_in``: the path of this page in the other languages (default: ``path``)."""
                writer.write_file(
                    f"{language.prefix}{path}index.html", self.get_template(template), self.context,  # noqa: B023 - called in this iteration only
                    url=language.prefix + path, lang=code,  # noqa: B023 - called in this iteration only
                    alternates_map={c: lang.prefix + (same_in or path) for c, lang in languages.items()}, **kwargs,
                )  # fmt: skip

            write(views["suche"], "search", current_nav_key="view:suche", view="suche",
                  search_bundle=self.settings.get("SEARCH_BUNDLE_URL", "pagefind/"), search_variants=VARIANTS.get(code, {}))
            for page in a_z_pages(letters, views["a-z"], per_page):
                nav = [(letter, link if link.startswith("#") else f"{language.prefix}{link}") for letter, link in page.nav]
                # A letter page has no counterpart in another alphabet: its alternates are the A–Z index pages.
                write(page.path, "a-z", same_in=views["a-z"], current_nav_key="view:a-z", view="a-z",
                      letters=page.groups, letter_nav=nav)
