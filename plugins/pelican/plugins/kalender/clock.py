"""The build's notion of "now": SOURCE_DATE_EPOCH when set, else the clock."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo


def now_utc() -> dt.datetime:
    """Aware UTC datetime from ``SOURCE_DATE_EPOCH`` (reproducible builds) or the system clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def today(timezone: str = "Europe/Berlin") -> dt.date:
    """The local date "today" for upcoming views: from ``SOURCE_DATE_EPOCH``, else the clock."""
    return now_utc().astimezone(ZoneInfo(timezone)).date()
