"""What the partner page shows per language: groups of cards, each with its JSON-LD."""

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from .fields import CATEGORIES
from .logo import LogoSize


@dataclass(frozen=True)
class PartnerCard:
    item: object  # the Partner shown: the page's language, else German
    is_fallback: bool
    anchor: str
    category: str
    example: bool
    website: str | None
    website_host: str | None
    logo_url: str | None
    logo_alt: str | None
    logo_size: LogoSize | None
    json_ld: Markup | None  # None for example entries: they are no real organisation


@dataclass(frozen=True)
class PartnerGroup:
    category: str
    cards: list


def json_ld_text(data) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` block that content can never close.

    ``<``, ``>`` and ``&`` become JSON escapes, so ``</script>`` or ``<!--`` in a name stays data.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def organization(item, facts, page_url, absolute_url, static_url=lambda path: path) -> dict:
    """schema.org Organization of one partner, in the language shown."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": absolute_url(f"{page_url}#partner-{item.slug}"),
        "name": item.title,
        "description": Markup(item.summary or "").striptags(),
    }
    if facts.website:
        data["url"] = facts.website
    if facts.logo:
        data["logo"] = absolute_url(static_url(facts.logo))
    return data


def build_card(localized, facts_of, page_url, absolute_url, static_url=lambda path: path) -> PartnerCard:
    """One card; ``static_url`` maps a content file (the logo) to its URL in the site (fingerprinted)."""
    item = localized.item
    facts = facts_of(item)
    return PartnerCard(
        item=item,
        is_fallback=localized.is_fallback,
        anchor=f"partner-{item.slug}",
        category=facts.category,
        example=facts.example,
        website=facts.website,
        website_host=urlsplit(facts.website).hostname if facts.website else None,
        logo_url=facts.logo,
        logo_alt=str(item.metadata.get("logo-alt", "")).strip() or None,
        logo_size=facts.logo_size,
        json_ld=None if facts.example else json_ld_text(organization(item, facts, page_url, absolute_url, static_url)),
    )


def group_cards(cards) -> list[PartnerGroup]:
    """Only non-empty groups, in the fixed order of CATEGORIES."""
    groups = []
    for category in CATEGORIES:
        members = [c for c in cards if c.category == category]
        if members:
            groups.append(PartnerGroup(category, members))
    return groups
