"""Content check without building: every problem in every content file, at once.

``python -m content_check`` (run by ``invoke check`` / ``make check``) reads the
content files the way the build would, but writes nothing. Each problem is printed
as ``Datei:Zeile: Feld: Problem — so behebt man es``; the exit status is 1 if there
is any. The checks of pages and news live in :mod:`.pages`; the calendar and
partner plugins bring their own build-free checks, called from :mod:`.runner`.

It is a tool, not a build step, so it has no ``register()``.
"""
