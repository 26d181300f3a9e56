"""Catalog choice per page: one Jinja environment, each page rendered with its own language."""

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from jinja2 import DictLoader, Environment

from pelican.plugins.multilingual.catalogs import Catalogs
from pelican.plugins.multilingual.languages import site_languages
from pelican.plugins.multilingual.template_context import TemplateFunctions

SETTINGS = {
    "DEFAULT_LANG": "de",
    "TIMEZONE": "Europe/Berlin",
    "LANGUAGES": {"de": ("Deutsch", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")},
}


def write_catalog(root, lang, messages):
    catalog = Catalog(locale=lang)
    for msgid, msgstr in messages.items():
        catalog.add(msgid, msgstr)
    target = root / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / "messages.mo", "wb") as fp:
        write_mo(fp, catalog)


def environment(tmp_path, templates):
    write_catalog(tmp_path, "en", {"Aktuelles": "News"})
    write_catalog(tmp_path, "ar", {"Aktuelles": "الأخبار", ("%(num)d Nachricht", "%(num)d Nachrichten"): ""})
    langs = site_languages(SETTINGS)
    env = Environment(loader=DictLoader(templates), extensions=["jinja2.ext.i18n"])
    TemplateFunctions(Catalogs(tmp_path, langs, "de"), langs, SETTINGS).install(env)
    return env


def test_each_page_uses_its_own_language_catalog(tmp_path):
    env = environment(tmp_path, {"t": "{{ _('Aktuelles') }}|{{ current_language().direction }}"})
    template = env.get_template("t")
    assert template.render(lang="de", DEFAULT_LANG="de") == "Aktuelles|ltr"
    assert template.render(lang="en", DEFAULT_LANG="de") == "News|ltr"
    assert template.render(lang="ar", DEFAULT_LANG="de") == "الأخبار|rtl"


def test_language_comes_from_the_article_when_not_given(tmp_path):
    class Article:
        lang = "en"

    env = environment(tmp_path, {"t": "{{ _('Aktuelles') }}"})
    assert env.get_template("t").render(article=Article(), DEFAULT_LANG="de") == "News"


def test_missing_translation_falls_back_to_german_not_empty(tmp_path):
    env = environment(tmp_path, {"t": "{{ _('Zum Inhalt springen') }}"})
    assert env.get_template("t").render(lang="ar", DEFAULT_LANG="de") == "Zum Inhalt springen"


def test_macros_imported_with_context_see_the_page_language(tmp_path):
    env = environment(tmp_path, {
        "m": "{% macro label() %}{{ _('Aktuelles') }}{% endmacro %}",
        "t": "{% from 'm' import label with context %}{{ label() }}",
    })
    assert env.get_template("t").render(lang="en", DEFAULT_LANG="de") == "News"


def test_dates_are_formatted_per_language_without_system_locales(tmp_path):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    env = environment(tmp_path, {"t": "{{ d|format_date }}|{{ d|isoformat }}"})
    d = datetime(2026, 10, 5, 15, 0, tzinfo=ZoneInfo("UTC"))
    assert env.get_template("t").render(lang="de", DEFAULT_LANG="de", d=d) == "5. Oktober 2026|2026-10-05T17:00+02:00"
    assert env.get_template("t").render(lang="en", DEFAULT_LANG="de", d=d).startswith("October 5, 2026|")
    assert "أكتوبر" in env.get_template("t").render(lang="ar", DEFAULT_LANG="de", d=d)


def test_date_and_time_are_joined_the_way_of_each_language(tmp_path):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    env = environment(tmp_path, {"t": "{{ d|format_datetime('full') }}"})
    d = datetime(2026, 10, 5, 17, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert env.get_template("t").render(lang="de", DEFAULT_LANG="de", d=d) == "Montag, 5. Oktober 2026, 17:00"
    arabic = env.get_template("t").render(lang="ar", DEFAULT_LANG="de", d=d)
    assert "، " in arabic and ", " not in arabic
