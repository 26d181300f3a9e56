"""Partner directory: content/partner/<slug>.<lang>.md -> one partner page per language.

Needs the ``multilingual`` plugin (listed before it in PLUGINS). Fields and messages are
documented for volunteers in docs/partner-felder.md.
"""

from pelican import signals

from .check import check_partners
from .generator import PartnerGenerator
from .problems import PartnerContentError, Problem


def get_partner_generator(pelican):
    """A named function: blinker keeps only a weak reference to receivers."""
    return PartnerGenerator


def register():
    signals.get_generators.connect(get_partner_generator)


__all__ = ["PartnerGenerator", "PartnerContentError", "Problem", "check_partners", "register"]
