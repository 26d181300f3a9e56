"""Live preview for ``make serve``: rebuild on save, show content errors in the browser.

Not a build plugin (no ``register()``): a small development server around the build.
Each rebuild goes into a fresh directory; only a successful build replaces the one
being served, so a mistake never takes the preview down. While the latest build has
failed, every page request gets an error page listing the problems (the same text
as in the terminal), and it reloads itself until the mistake is fixed.
"""
