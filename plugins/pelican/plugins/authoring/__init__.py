"""Volunteer tools behind ``invoke new``, ``cancel``, ``move`` and ``translations-status``.

Not a build plugin (no ``register()``): these write or inspect content files. The
Markdown templates for new entries are in ``templates/``; each has every field the
kind knows, and every field is explained in comment lines (``[//]: # "…"``) that
Markdown drops from the page.
"""
