"""PartnerGenerator: reads content/partner/, checks it, writes partner/index.html per language."""

import posixpath
from pathlib import Path

from pelican import signals
from pelican.generators import CachingGenerator
from pelican.utils import process_translations

from .fields import PARTNER_DIR
from .problems import PartnerContentError
from .reading import display_path, read_partner, source_of, stray_files
from .validation import validate_file, validate_translations
from .view import build_card, group_cards

VIEW = "partner"


def partner_order(original):
    """Real partners before examples, then by German name: the same order in every language."""
    return (original.partner_facts.example, original.title.casefold(), original.slug)


class PartnerGenerator(CachingGenerator):
    """One listing page per language; partner files are never written as pages of their own."""

    def __init__(self, *args, **kwargs):
        self.partners = []
        self.partner_translations = []
        super().__init__(*args, **kwargs)

    def generate_context(self):
        self.context.setdefault("GENERATED_VIEWS", set()).add(VIEW)
        from pelican.plugins.multilingual import state  # the build's languages (the i18n plugin loads first)

        languages = state().languages
        problems, checked, items = [], [], []
        problems.extend(stray_files(self.path))
        paths = [path for path in sorted(self.get_files(PARTNER_DIR, extensions=("md",)))
                 if posixpath.dirname(path.replace("\\", "/")) == PARTNER_DIR]  # others: stray_files
        for path in paths:
            item = self.get_cached_data(path, None)
            if item is None:
                item, source, problem = read_partner(self.readers, self.path, path, self.context)
                if problem:
                    problems.append(problem)
                    continue
                self.cache_data(path, item)
            else:
                item._context = self.context
                signals.content_object_init.send(item)
                source = source_of(item, display_path(self.path, path),
                                   Path(item.source_path).read_text(encoding="utf-8"))
            found, facts = validate_file(source, self.path, languages)
            problems.extend(found)
            if facts:
                item.partner_facts = facts
                checked.append((source, facts))
                items.append(item)
                self.add_source_path(item)
        names = [posixpath.basename(path.replace("\\", "/")) for path in paths]
        problems.extend(validate_translations(checked, self.settings["DEFAULT_LANG"], names))
        if problems:
            raise PartnerContentError(problems)
        originals, self.partner_translations = process_translations(items, translation_id="slug")
        self.partners = sorted(originals, key=partner_order)
        self._update_context(("partners",))
        self.save_cache()
        self.readers.save_cache()

    def generate_output(self, writer):
        from pelican.plugins.fingerprint.static import static_url
        from pelican.plugins.multilingual import state
        from pelican.plugins.multilingual.selection import localize
        from pelican.plugins.multilingual.urls import absolute_url, view_url

        st = state()
        default = self.settings["DEFAULT_LANG"]
        pages = {code: view_url(self.settings, language, VIEW) for code, language in st.languages.items()}

        def to_absolute(url):
            return absolute_url(self.settings, url)

        def logo_url(path):
            return static_url(self.context, path)

        for code, _language in st.languages.items():
            cards = [build_card(localize(p, code, default), _facts, pages[code], to_absolute, logo_url)
                     for p in self.partners]
            writer.write_file(
                f"{pages[code]}index.html",
                self.get_template("partners"),
                self.context,
                url=pages[code],
                lang=code,
                alternates_map=pages,
                view=VIEW,
                partner_groups=group_cards(cards),
                has_examples=any(card.example for card in cards),
            )


def _facts(item):
    return item.partner_facts
