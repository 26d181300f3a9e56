"""Where content lands in the site, and what it may never replace.

Pelican lets a content file choose its own output file (``Save_as: index.html``) or URL,
and turns every header field into an attribute of the content object. A volunteer's copy
and paste could so replace the home page or the imprint without any warning. Output
paths therefore come only from the settings (slug and language), and no two sources may
write the same file: :class:`OutputMap` collects them and names both sides of a clash.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Fields Pelican would obey as output file and URL, and what to say about them.
REFUSED_FIELDS = {"save_as": "Save_as", "url": "Url"}
REFUSED_FIX = "die Zeile löschen; die Adresse ergibt sich von selbst aus Slug und Sprache"


def refused_field_message(name: str) -> str:
    return (f"„{name}“ legt selbst fest, wohin die Seite geschrieben wird, und könnte so eine andere Seite "
            "ersetzen (z. B. die Startseite oder das Impressum)")


def unsafe_metadata(metadata: dict, content_class) -> list[str]:
    """Header fields that would overwrite the output path or internals of the content object.

    Pelican sets every field as an attribute (``_content: …`` would replace the body), so a
    field may not start with ``_`` or share its name with an attribute of the class, except
    the properties Pelican lets fields set (``summary``, ``status``).
    """
    internal = {name for name in dir(content_class) if not name.startswith("__")
                and not getattr(getattr(content_class, name), "fset", None)}
    return sorted(key for key in metadata if key in REFUSED_FIELDS or key.startswith("_") or key in internal)


@dataclass
class OutputMap:
    """Output file -> who writes it; a second writer is a clash."""

    owners: dict[str, str] = field(default_factory=dict)

    def claim(self, path: str, owner: str) -> str | None:
        """Record ``owner`` for ``path``; return the earlier owner if there is one."""
        path = normalized(path)
        earlier = self.owners.get(path)
        if earlier is None:
            self.owners[path] = owner
        return earlier if earlier != owner else None

    def __contains__(self, path: str) -> bool:
        return normalized(path) in self.owners


def normalized(path: str) -> str:
    """``kontakt/`` and ``/kontakt/index.html`` are the same file."""
    path = path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path


def language_prefixes(settings) -> dict[str, str]:
    """Language code -> URL prefix (``""`` for the default language, ``"en/"`` …)."""
    default = settings["DEFAULT_LANG"]
    codes = list(settings.get("LANGUAGES") or [default])
    return {code: "" if code == default else f"{code}/" for code in codes}


def generated_outputs(settings) -> dict[str, str]:
    """Files the plugins write whatever the content is, with a German description of each."""
    outputs = {"sitemap.xml": "die Sitemap", "robots.txt": "robots.txt", ".htaccess": "die .htaccess"}
    for code, prefix in language_prefixes(settings).items():
        outputs[f"{prefix}index.html"] = f"die Startseite ({code})"
        outputs[f"{prefix}404.html"] = f"die Fehlerseite 404 ({code})"
        for name, url in (settings.get("VIEW_URLS") or {}).items():
            outputs.setdefault(normalized(prefix + url), f"die Ansicht „{name}“ ({code})")
        for key in ("NEWS_FEED_ATOM", "NEWS_FEED_RSS"):
            if settings.get(key):
                outputs[settings[key].format(prefix=prefix, lang=code)] = f"der Nachrichten-Feed ({code})"
    return outputs


def reserved_folders(settings) -> dict[str, str]:
    """First URL segments that belong to the site itself: a page slug there would mix with them."""
    folders = {prefix.strip("/"): f"die Sprache {code}" for code, prefix in language_prefixes(settings).items() if prefix}
    folders[settings.get("THEME_STATIC_DIR", "theme").strip("/")] = "die Dateien des Aussehens"
    for path in settings.get("STATIC_PATHS") or []:
        folders[path.strip("/").split("/")[0]] = "Bilder und Dateien"
    for name, url in (settings.get("VIEW_URLS") or {}).items():
        if url.strip("/"):
            folders.setdefault(url.strip("/").split("/")[0], f"die Ansicht „{name}“")
    for key in ("NEWS_FEED_ATOM", "NEWS_FEED_RSS"):
        if settings.get(key):
            first = settings[key].format(prefix="", lang="").strip("/").split("/")[0]
            folders.setdefault(first, "die Nachrichten-Feeds")
    folders.pop("", None)
    return folders
