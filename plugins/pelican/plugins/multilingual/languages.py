"""The site's languages, read from the one setting ``LANGUAGES``."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One site language: its code, its name in itself, its text direction, its URL prefix."""

    code: str
    name: str
    direction: str
    prefix: str  # "" for the default language, "en/" for the others

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


def site_languages(settings) -> dict[str, Language]:
    """Map code -> Language, in the order of ``LANGUAGES``; the first one is the default."""
    configured = settings.get("LANGUAGES") or {settings["DEFAULT_LANG"]: (settings["DEFAULT_LANG"], "ltr")}
    default = settings["DEFAULT_LANG"]
    if default not in configured:
        raise ValueError(f"DEFAULT_LANG {default!r} fehlt in LANGUAGES {list(configured)}")
    languages = {}
    for code, (name, direction) in configured.items():
        if direction not in ("ltr", "rtl"):
            raise ValueError(f"LANGUAGES[{code!r}]: Schreibrichtung {direction!r}, erwartet 'ltr' oder 'rtl'")
        languages[code] = Language(code, name, direction, "" if code == default else f"{code}/")
    return languages
