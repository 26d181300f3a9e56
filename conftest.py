"""Test isolation shared by every test in the repository."""

import pytest
from blinker.base import ANY_ID, default_namespace

# The receivers connected before any test ran (none of our plugins is registered yet).
_BASELINE = {signal: set(signal.receivers) for signal in list(default_namespace.values())}


def _forget_plugin_receivers():
    for signal in list(default_namespace.values()):
        for receiver_id in set(signal.receivers) - _BASELINE.get(signal, set()):
            signal._disconnect(receiver_id, ANY_ID)


@pytest.fixture(autouse=True)
def isolated_pelican_signals():
    """Start and end every test without plugin signal receivers.

    Pelican's signals (and our plugins' own) are process-wide blinker signals, so a
    plugin registered by one build (a test's, or a module fixture's) would otherwise
    keep running in every later build of the same process, even with other PLUGINS.
    """
    _forget_plugin_receivers()
    yield
    _forget_plugin_receivers()
