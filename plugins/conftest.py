"""Plugins are imported as top-level packages, as Pelican's PLUGIN_PATHS does."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
