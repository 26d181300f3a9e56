"""The search page and the A–Z index page of every language."""

from __future__ import annotations

from pelican.generators import Generator

from .entries import by_letter, collect
from .letters import VARIANTS

VIEWS = ("suche", "a-z")


class SearchPagesGenerator(Generator):
    """Writes ``suche/`` (Pagefind's UI, with the A–Z list as the answer without JavaScript)
    and ``a-z/`` per language, after every other generator has read its content."""

    def generate_context(self):
        self.context.setdefault("GENERATED_VIEWS", set()).update(VIEWS)

    def generate_output(self, writer):
        from multilingual import state  # noqa: PLC0415 - the build's languages (multilingual loads first)

        views = self.settings["VIEW_URLS"]
        languages = state().languages
        alphabets = self.settings.get("SEARCH_ALPHABETS")
        for code, language in languages.items():
            letters = by_letter(collect(self.context, self.settings, code), code, alphabets)
            for name, template in (("suche", "search"), ("a-z", "a-z")):
                path = views[name]
                writer.write_file(
                    f"{language.prefix}{path}index.html", self.get_template(template), self.context,
                    url=language.prefix + path, lang=code,
                    alternates_map={c: lang.prefix + path for c, lang in languages.items()},
                    current_nav_key=f"view:{name}", view=name, letters=letters,
                    search_bundle=self.settings.get("SEARCH_BUNDLE_URL", "pagefind/"),
                    search_variants=VARIANTS.get(code, {}),
                )  # fmt: skip
