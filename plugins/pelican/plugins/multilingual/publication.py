"""News appear on their day: an item dated in the future is held back until that day.

Volunteers prepare announcements ahead ("Anmeldung ab 1. Oktober") with the date they
should appear. Pelican would publish them at once, with a date that is not yet true.
Instead an article whose ``Date`` is after today is a draft for this build: not written,
not listed, not in the feeds. The site is rebuilt every night, so it appears with the
first build of its day. "Today" is the build date in the site's time zone, from
``SOURCE_DATE_EPOCH`` when set (reproducible builds); ``make check`` lists held-back items.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo


def build_now() -> dt.datetime:
    """The build's moment (UTC): ``SOURCE_DATE_EPOCH`` when set, else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)


def build_today(timezone: str) -> dt.date:
    """The build's local date."""
    return build_now().astimezone(ZoneInfo(timezone)).date()


def release_day(date: dt.datetime, timezone: str) -> dt.date:
    """The local day an item dated ``date`` appears on."""
    if date.tzinfo is None:
        return date.date()
    return date.astimezone(ZoneInfo(timezone)).date()


def is_held_back(date, timezone: str, today: dt.date | None = None) -> bool:
    return isinstance(date, dt.datetime) and release_day(date, timezone) > (today or build_today(timezone))


def hold_back_future_news(instance) -> None:
    """``content_object_init`` receiver: an article dated after today becomes a draft of this build."""
    from pelican.contents import Article  # noqa: PLC0415 - only articles are news

    timezone = instance.settings.get("TIMEZONE") or "UTC"
    if isinstance(instance, Article) and is_held_back(getattr(instance, "date", None), timezone):
        instance.status = "draft"
