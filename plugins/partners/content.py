"""The Pelican content class of a partner file."""

from pelican.contents import Content


class Partner(Content):
    """One partner in one language. Shown only on the partner page, never as a page of its own."""

    mandatory_properties = ("title",)
    default_template = "partners"

    @property
    def save_as(self) -> str:
        return ""

    @property
    def url(self) -> str:
        """The card on the partner page of the file's language (used by ``{filename}`` links)."""
        prefix = "" if self.in_default_lang else f"{self.lang}/"
        return f"{prefix}{self.settings.get('VIEW_URLS', {}).get('partner', 'partner/')}#partner-{self.slug}"
