"""One measured Pelican build, run in its own process by tools/bench.py.

Prints one JSON line: phase times (read = all generators' context, write = output),
time inside our plugins (measured by wrapping their entry points), peak memory.
"""

import json
import resource
import sys
import time

from pelican import Pelican, signals
from pelican.settings import read_settings


def main(settings_file, content, output, overrides_json):
    overrides = json.loads(overrides_json)
    overrides.update(PATH=content, OUTPUT_PATH=output)
    settings = read_settings(settings_file, override=overrides)
    marks = {}
    signals.initialized.connect(lambda _: marks.setdefault("init", time.perf_counter()), weak=False)
    signals.all_generators_finalized.connect(lambda _: marks.setdefault("read", time.perf_counter()), weak=False)
    signals.finalized.connect(lambda _: marks.setdefault("write", time.perf_counter()), weak=False)
    plugin_times = _instrument_plugins(settings)
    start = time.perf_counter()
    Pelican(settings).run()
    end = time.perf_counter()
    print(json.dumps({
        "total": end - start,
        "read": marks["read"] - marks["init"],
        "write": marks["write"] - marks["read"],
        **plugin_times(),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def _instrument_plugins(settings):
    """Accumulate wall time spent in our plugins: generators, signal handlers, template helpers.

    Returns a function giving ``{"plugins": s, "calendar": s, "calendar_feeds": s, "calendar_other": s}``.
    Nested timed calls are counted once (the outermost wins).
    """
    spent = {"plugins": 0.0, "calendar": 0.0, "calendar_feeds": 0.0}
    depth = {"plugins": 0, "calendar": 0, "calendar_feeds": 0}
    if not settings.get("PLUGINS"):
        return lambda: {**spent, "calendar_other": 0.0, "calendar_own": 0.0,
                        "calendar_pelican_read": 0.0, "calendar_pelican_write": 0.0}
    import importlib

    def timed(fn, *buckets):
        counted = ("plugins", *buckets)

        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            for bucket in counted:
                depth[bucket] += 1
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - t
                for bucket in counted:
                    depth[bucket] -= 1
                    if depth[bucket] == 0:  # only the outermost call of a bucket counts
                        spent[bucket] += elapsed
        return wrapper

    for name in settings["PLUGINS"]:
        module = importlib.import_module(name)
        bucket = ("calendar",) if name == "pelican.plugins.kalender" else ()
        for attr in list(vars(module)):
            obj = getattr(module, attr)
            if callable(obj) and attr.startswith("_") and not attr.startswith("__") and not isinstance(obj, type):
                setattr(module, attr, timed(obj, *bucket))
        for sub_name, sub in list(sys.modules.items()):
            if not (sub_name == name or sub_name.startswith(name + ".")) or sub is None:
                continue
            for attr, obj in list(vars(sub).items()):
                if isinstance(obj, type) and attr.endswith("Generator") and obj.__module__ == sub_name:
                    for method in ("generate_context", "generate_output"):
                        if method in vars(obj):
                            setattr(obj, method, timed(vars(obj)[method], *bucket))
        template_context = sys.modules.get(f"{name}.template_context")
        if template_context and hasattr(template_context, "TemplateFunctions"):
            cls = template_context.TemplateFunctions
            for method in ("format_date", "format_datetime", "format_time", "isoformat"):
                setattr(cls, method, timed(getattr(cls, method)))
        catalogs = sys.modules.get(f"{name}.catalogs")
        if catalogs and hasattr(catalogs, "Catalogs"):
            for method in ("gettext", "ngettext", "pgettext"):
                setattr(catalogs.Catalogs, method, timed(getattr(catalogs.Catalogs, method)))
    generator_module = sys.modules.get("pelican.plugins.kalender.generator")
    if generator_module is not None and hasattr(generator_module, "all_feeds"):
        generator_module.all_feeds = timed(generator_module.all_feeds, "calendar_feeds")

    # Pelican's own work done on the calendar's behalf: reading Markdown, rendering and writing pages.
    from pelican.readers import Readers
    from pelican.writers import Writer

    def on_calendar_behalf(fn, bucket):
        spent[bucket] = 0.0

        def wrapper(*args, **kwargs):
            if not depth["calendar"]:
                return fn(*args, **kwargs)
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[bucket] += time.perf_counter() - t
        return wrapper

    Readers.read_file = on_calendar_behalf(Readers.read_file, "calendar_pelican_read")
    Writer.write_file = on_calendar_behalf(Writer.write_file, "calendar_pelican_write")

    def result():
        own = spent["calendar"] - spent["calendar_pelican_read"] - spent["calendar_pelican_write"]
        return {**spent, "calendar_other": spent["calendar"] - spent["calendar_feeds"], "calendar_own": own}
    return result


if __name__ == "__main__":
    main(*sys.argv[1:5])
