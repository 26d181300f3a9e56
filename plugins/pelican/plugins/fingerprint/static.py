"""Content files (``content/images/…``, favicons) under fingerprinted output names.

Pelican reads each static file into a ``Static`` object; giving it a fingerprinted
``save_as`` and URL makes every ``{static}`` link and ``static_url()`` in a template point
to the fingerprinted copy. Files at well-known addresses keep their name
(``FINGERPRINT_EXCLUDE``: ``favicon.ico`` and ``favicon.svg``, which browsers and other
sites ask for by that name; pages link to the theme's fingerprinted logo as their icon).
"""

from __future__ import annotations

from pathlib import Path

from pelican.contents import Static

from .names import fingerprinted

DEFAULT_EXCLUDE = ("favicon.ico", "favicon.svg")


def fingerprint_static(instance) -> None:
    """``content_object_init`` receiver: a static file gets a fingerprinted output name."""
    if not isinstance(instance, Static):
        return
    save_as = instance.save_as
    if save_as in instance.settings.get("FINGERPRINT_EXCLUDE", DEFAULT_EXCLUDE):
        return
    name = fingerprinted(save_as, Path(instance.source_path).read_bytes())
    instance.override_save_as = name
    instance.override_url = name


class UnknownStaticFileError(LookupError):
    pass


def static_url(context, path: str) -> str:
    """The site-relative URL of the content file ``path`` (``images/x.png``, ``{static}/images/x.png``)."""
    key = path.removeprefix("{static}").lstrip("/")
    found = context.get("static_content", {}).get(key)
    if found is None:
        raise UnknownStaticFileError(f"{path}: diese Datei gibt es nicht unter content/ (oder sie ist kein Bild "
                                     "in einem Bilder-Ordner)")
    return found.url
