"""The fields of a partner file and their allowed values (documented in docs/partner-felder.md)."""

#: Categories in the order the page shows them. The headings are UI strings in the template.
CATEGORIES = ("behoerden", "vereine", "kirchen", "bildung", "gesundheit", "sport-kultur")

#: Field names as volunteers write them, by the lowercased key Pelican's reader gives.
FIELD_NAMES = {
    "title": "Title",
    "slug": "Slug",
    "lang": "Lang",
    "kategorie": "Kategorie",
    "website": "Website",
    "logo": "Logo",
    "logo-alt": "Logo-Alt",
    "beispiel": "Beispiel",
    "summary": "Summary",
}
REQUIRED = ("title", "slug", "lang", "kategorie", "summary")

#: Logos live here (relative to the content folder) and are copied as static files.
LOGO_DIR = "images/partner/"
LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
MAX_LOGO_BYTES = 50 * 1024

#: The folder under the content folder that holds the partner files.
PARTNER_DIR = "partner"

YES_NO = {"ja": True, "nein": False}


def field_name(key: str) -> str:
    return FIELD_NAMES.get(key, key)
