"""``{org:key}`` in content: a value from the one ORGANIZATION block in pelicanconf.py.

Facts the association has not given yet stay placeholders in that block; wherever
they appear they are wrapped so they are visibly marked (and always German).
"""

import re
from html import escape

ORG_FIELD = re.compile(r"\{org:([a-z_]+)\}")


class UnknownOrganizationFieldError(ValueError):
    pass


def render_org_value(value, placeholder_mark):
    if value.startswith(placeholder_mark):
        return f'<span class="placeholder" lang="de" dir="ltr">{escape(value)}</span>'
    return escape(value)


def replace_org_fields(html, settings, source_path):
    organization = settings.get("ORGANIZATION", {})
    mark = settings.get("PLACEHOLDER_MARK", "[PLATZHALTER")
    unknown = sorted({m.group(1) for m in ORG_FIELD.finditer(html) if m.group(1) not in organization})
    if unknown:
        raise UnknownOrganizationFieldError(
            f"{source_path}: {{org:{unknown[0]}}}: dieses Feld gibt es in ORGANIZATION (pelicanconf.py) nicht. "
            f"Vorhanden sind: {', '.join(sorted(organization))}."
        )
    return ORG_FIELD.sub(lambda m: render_org_value(organization[m.group(1)], mark), html)
