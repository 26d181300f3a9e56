"""One measured Pelican build, run in its own process by tools/bench.py.

Prints one JSON line: phase times (read = all generators' context, write = output),
time inside our plugins (measured by wrapping their entry points), peak memory.
"""

import json
import resource
import sys
import time
from pathlib import Path

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
    plugin_time = _instrument_plugins(settings)
    start = time.perf_counter()
    Pelican(settings).run()
    end = time.perf_counter()
    print(json.dumps({
        "total": end - start,
        "read": marks["read"] - marks["init"],
        "write": marks["write"] - marks["read"],
        "plugins": plugin_time(),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def _instrument_plugins(settings):
    """Accumulate wall time spent in our plugins' generators, signal handlers and template helpers."""
    spent = [0.0]
    if not settings.get("PLUGINS"):
        return lambda: 0.0
    sys.path.insert(0, str(Path(settings["PLUGIN_PATHS"][0]).resolve()))
    import importlib

    def timed(fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - t
        return wrapper

    for name in settings["PLUGINS"]:
        module = importlib.import_module(name)
        for attr in list(vars(module)):
            obj = getattr(module, attr)
            if attr.startswith("_on_") or attr.startswith("_take_") or attr in ("_record_written", "_write_sitemap"):
                setattr(module, attr, timed(obj))
            elif isinstance(obj, type) and attr.endswith("Generator") and obj.__module__.startswith(name):
                for method in ("generate_context", "generate_output"):
                    if method in vars(obj):
                        setattr(obj, method, timed(vars(obj)[method]))
        for sub in ("template_context", "catalogs"):
            submodule = sys.modules.get(f"{name}.{sub}")
            if submodule and hasattr(submodule, "TemplateFunctions"):
                cls = submodule.TemplateFunctions
                for method in ("format_date", "format_datetime", "format_time", "isoformat"):
                    setattr(cls, method, timed(getattr(cls, method)))
            if submodule and hasattr(submodule, "Catalogs"):
                cls = submodule.Catalogs
                for method in ("gettext", "ngettext", "pgettext"):
                    setattr(cls, method, timed(getattr(cls, method)))
    return lambda: spent[0]


if __name__ == "__main__":
    main(*sys.argv[1:5])
