"""``python -m preview``: build, serve at http://127.0.0.1:8000, rebuild on every save."""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
from pathlib import Path

from .builder import PreviewBuilder
from .server import make_server

WATCHED = ("themes", "plugins")
IGNORED_PARTS = {"__pycache__", ".cache", "tests", ".pytest_cache"}


def report(result) -> None:
    for line in result.warnings:
        print(f"  {line}", flush=True)
    if result.ok:
        print(f"Vorschau neu gebaut in {result.seconds:.1f} s.".replace(".", ",", 1), flush=True)
    else:
        print(f"Vorschau NICHT neu gebaut ({len(result.errors)} Meldung(en)). Im Browser steht dasselbe; "
              "es bleibt der letzte fehlerfreie Stand für Bilder und CSS:", flush=True)
        for line in result.errors:
            print(f"  {line}", flush=True)


def relevant(changes) -> bool:
    return any(not (IGNORED_PARTS & set(Path(path).parts)) and not path.endswith((".mo", ".pyc", "~"))
               for _, path in changes)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pelican.plugins.preview")
    parser.add_argument("--root", default=".")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default="content")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--compile", default="", help="Befehl, der geänderte .po-Kataloge übersetzt")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    builder = PreviewBuilder(root, root / args.settings, root / args.content, root / ".cache" / "preview")
    report(builder.build())
    server = make_server(builder, args.host, args.port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Vorschau: http://{args.host}:{args.port}/  (Beenden mit Strg+C)", flush=True)
    from watchfiles import watch  # noqa: PLC0415

    try:
        paths = [builder.content, builder.settings_file, *(root / name for name in WATCHED)]
        for changes in watch(*(p for p in paths if p.exists())):
            if not relevant(changes):
                continue
            if args.compile and any(path.endswith(".po") for _, path in changes):
                subprocess.run(args.compile, shell=True, cwd=root, check=False)
            if any(not Path(path).is_relative_to(builder.content) for _, path in changes):
                builder.restart()  # code, templates, settings or catalogs: a fresh build process
            report(builder.build())
    except KeyboardInterrupt:
        print("\nVorschau beendet.")
    finally:
        server.shutdown()
        builder.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
