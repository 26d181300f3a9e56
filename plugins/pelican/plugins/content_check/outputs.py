"""Which file each source writes into the site: two writers of one file, or a page in the site's own folders.

Output paths come from Pelican's own content objects (``save_as``), so they follow the
URL settings exactly; the files the plugins generate (home pages, views, feeds, sitemap)
come from :mod:`content_guard.output_paths`.
"""

from __future__ import annotations

from pathlib import Path

from pelican.plugins.content_guard.output_paths import REFUSED_FIELDS, OutputMap, generated_outputs, normalized, reserved_folders
from pelican.plugins.kalender.problems import Problem

from .sources import Source, plain_files

NOT_WRITTEN = ("draft",)


def is_written(source: Source) -> bool:
    """True if the build writes this source as a page of its own."""
    item = source.item
    if item is None or source.kind == "partner" or getattr(item, "status", "published") in NOT_WRITTEN:
        return False
    return source.kind != "page" or str(source.metadata.get("role", "")).strip().lower() != "home"


def output_of(source: Source) -> str | None:
    if not is_written(source):
        return None
    try:
        return normalized(source.item.save_as) if source.item.save_as else None
    except (KeyError, ValueError, AttributeError):  # a broken header; reported by the field checks
        return None


def static_outputs(content_dir: Path, settings: dict) -> dict[str, str]:
    """Output path -> shown source of every static file (images, favicons)."""
    content_dir = Path(content_dir)
    extra = settings.get("EXTRA_PATH_METADATA") or {}
    found = {}
    for folder in settings.get("STATIC_PATHS") or []:
        base = content_dir / folder
        candidates = plain_files(base) if base.is_dir() else ([base] if base.is_file() else [])
        for path in candidates:
            rel = path.relative_to(content_dir).as_posix()
            found[extra.get(rel, {}).get("path", rel)] = f"{content_dir.name}/{rel}"
    return found


class SiteFiles:
    """Every file the site will have, and who writes it (for links and clashes)."""

    def __init__(self, content_dir: Path, settings: dict, sources: list[Source]):
        self.map = OutputMap()
        self.clashes: list[tuple[Source, str, str]] = []  # (source, path, earlier owner)
        for path, owner in generated_outputs(settings).items():
            self.map.claim(path, owner)
        for path, owner in static_outputs(content_dir, settings).items():
            self.map.claim(path, owner)
        versions = {}
        for source in sources:
            path = output_of(source)
            if not path:
                continue
            earlier = self.map.claim(path, source.shown)
            version = (source.kind, source.metadata.get("slug"), source.metadata.get("lang"))
            if earlier and versions.get(earlier) != version:  # same slug and language: said by the page check
                self.clashes.append((source, path, earlier))
            versions.setdefault(source.shown, version)

    def has(self, url: str) -> bool:
        return url.split("#")[0].split("?")[0] in self.map


def check_outputs(sources: list[Source], site: SiteFiles, settings: dict) -> list[Problem]:
    """Two sources writing one file, and page slugs that are folders of the site itself."""
    problems = []
    for source, path, earlier in site.clashes:
        if any(key in source.header.lines for key in REFUSED_FIELDS):
            continue  # Save_as/Url: said by the safety check, with the fix
        problems.append(Problem(source.shown, source.header.line_of("slug") or 1, "Slug",
                                f"die Seite würde in {path} geschrieben, dort steht schon {earlier}",
                                "einen anderen Slug wählen (und den Dateinamen anpassen)"))
    reserved = reserved_folders(settings)
    clashing = {id(source) for source, _, _ in site.clashes}
    for source in sources:
        slug = str(source.metadata.get("slug", "")) if source.kind == "page" and is_written(source) else ""
        if slug in reserved and id(source) not in clashing:
            problems.append(Problem(source.shown, source.header.line_of("slug") or 1, "Slug",
                                    f"„{slug}“ ist schon eine Adresse der Website ({reserved[slug]})",
                                    f"einen anderen Slug wählen, z. B. „{slug}-info“ (und den Dateinamen anpassen)"))
    return problems
