"""``invoke translations-status``: which content lacks which language, which catalogs are incomplete."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.plugins.kalender.clock import now_utc
from pelican.plugins.translation_freshness.history import OPT_OUT_LINE, NoHistory, outdated_translations
from pelican.plugins.translation_freshness.sources import identify

FOLDERS = ("pages", "news", "kalender", "partner")
MARKS = {"ok": "ja", "missing": "–", "draft": "Entwurf"}


def content_status(content: Path, languages: list[str]) -> list[tuple[str, dict[str, str]]]:
    """``[(folder/slug, {lang: "ok"|"missing"|"draft"})]`` for every page and entry."""
    found: dict[str, dict[str, str]] = {}
    for folder in FOLDERS:
        for path in sorted((content / folder).glob("*.md")):
            source = identify(f"{folder}/{path.name}", path.read_text(encoding="utf-8"))
            if source is not None:
                found.setdefault(source.key, {})[source.lang] = "draft" if source.draft else "ok"
    return [(key, {lang: langs.get(lang, "missing") for lang in languages}) for key, langs in sorted(found.items())]


def catalog_status(catalog_dir: Path, languages: list[str]) -> list[tuple[str, int, int, int]]:
    """``[(lang, total, untranslated, fuzzy)]`` per gettext catalog (-1 total: catalog missing)."""
    from babel.messages.pofile import read_po  # noqa: PLC0415

    rows = []
    for lang in languages:
        po = catalog_dir / lang / "LC_MESSAGES" / "messages.po"
        if not po.exists():
            rows.append((lang, -1, 0, 0))
            continue
        with open(po, "rb") as fp:
            catalog = read_po(fp, locale=lang)
        messages = [m for m in catalog if m.id]
        untranslated = sum(1 for m in messages if not (all(m.string) if isinstance(m.string, tuple) else m.string))
        fuzzy = sum(1 for m in messages if m.fuzzy)
        rows.append((lang, len(messages), untranslated, fuzzy))
    return rows


def print_status(content: Path, settings: dict) -> int:
    languages = list(settings["LANGUAGES"])
    rows = content_status(content, languages)
    width = max([len("Inhalt")] + [len(key) for key, _ in rows])
    print("Übersetzungen der Inhalte (ja = übersetzt, – = fehlt, Entwurf = angelegt, noch nicht übersetzt):\n")
    print(f"{'Inhalt':<{width}}  " + "  ".join(f"{lang:<7}" for lang in languages))
    print("-" * (width + 2 + 9 * len(languages)))
    for key, langs in rows:
        print(f"{key:<{width}}  " + "  ".join(f"{MARKS[langs[lang]]:<7}" for lang in languages))
    missing = {lang: sum(1 for _, marks in rows if marks[lang] != "ok") for lang in languages}
    print("\nFehlend oder Entwurf je Sprache: " + ", ".join(f"{lang} {n}" for lang, n in missing.items()))
    print_outdated(content, settings["DEFAULT_LANG"], ZoneInfo(settings.get("TIMEZONE") or "Europe/Berlin"))
    print("\nÜbersetzungskataloge der Oberfläche (themes/…/translations/<sprache>/LC_MESSAGES/messages.po):\n")
    catalog_dir = Path(settings["THEME"]) / "translations"
    for lang, total, untranslated, fuzzy in catalog_status(catalog_dir, languages):
        if total < 0:
            print(f"  {lang}: Katalog fehlt — invoke i18n-init --lang {lang}")
        elif untranslated or fuzzy:
            print(f"  {lang}: {untranslated} von {total} Texten unübersetzt, {fuzzy} unsicher (fuzzy) — "
                  f"in {lang}/LC_MESSAGES/messages.po ergänzen")
        else:
            print(f"  {lang}: vollständig ({total} Texte)")
    return 0


def print_outdated(content: Path, default_lang: str, zone: ZoneInfo) -> None:
    """Translations whose original got a text change after them (from the git history)."""
    print(f"\nÜbersetzungen, deren Original ({default_lang}) sich danach geändert hat (laut Git-Geschichte):\n")
    try:
        found = outdated_translations(str(content), default_lang, now_utc())
    except NoHistory as reason:
        print(f"  unbekannt: {reason}")
        return
    if not found:
        print("  keine – alle Übersetzungen sind mindestens so neu wie ihr Original")
        return
    width = max(len(item.path) for item in found)
    for item in found:
        changes = "1 Änderung" if item.changes == 1 else f"{item.changes} Änderungen"
        print(f"  {item.path:<{width}}  Original geändert am {item.changed.astimezone(zone):%d.%m.%Y} "
              f"({changes} seit der Übersetzung vom {item.since.astimezone(zone):%d.%m.%Y})")
    print("\n  Ist die Übersetzung angepasst (und eingecheckt), verschwindet der Hinweis von selbst. Eine Änderung am "
          f"Original, die nichts am Inhalt ändert (Tippfehler), zählt nicht, wenn ihre Commit-Nachricht die Zeile "
          f"„{OPT_OUT_LINE}“ enthält.")
