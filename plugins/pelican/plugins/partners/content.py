"""The Pelican content class of a partner file."""

from pelican.contents import Content


class Partner(Content):
    """One partner in one language. Shown only on the partner page, never as a page of its own."""

    mandatory_properties = ("title",)
    default_template = "partners"

    def __getstate__(self):
        """Pickled for Pelican's content cache without this run's context and plugin hooks.

        The generator gives a cached partner the current context and sends
        ``content_object_init`` again, so plugins (e.g. ``{view}`` links) hook in anew.
        """
        state = dict(self.__dict__)
        state.pop("_update_content", None)
        state["_context"] = None
        return state

    @property
    def save_as(self) -> str:
        return ""

    @property
    def url(self) -> str:
        """The card on the partner page of the file's language (used by ``{filename}`` links)."""
        prefix = "" if self.in_default_lang else f"{self.lang}/"
        return f"{prefix}{self.settings.get('VIEW_URLS', {}).get('partner', 'partner/')}#partner-{self.slug}"
