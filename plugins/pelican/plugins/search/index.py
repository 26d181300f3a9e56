"""The Pagefind index of the built site, written at the end of the build (``output/pagefind/``).

Pagefind (the ``pagefind[bin]`` package, through its Python API) reads every page that
marks its main content with ``data-pagefind-body`` (pages, news, calendar entries, the
partner list) and writes one index per ``<html lang>``. Pages of the Arabic-script
languages are indexed with their letter variants normalised (:mod:`.letters`); the page
itself is served unchanged.

Reproducible: Pagefind (1.5.2) names its index files by their content hash, but writes two
things in a random (hash map) order: the values of each filter and the languages of
``pagefind-entry.json``. :func:`_stabilize` sorts both and renames the files whose bytes
that changes (the filter files and the language's ``.pf_meta`` that names them); every
other file is left exactly as Pagefind wrote it.
Files of the bundle the site does not use (other UIs, highlighting, the playground) are
removed, so nothing unused is uploaded.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import re
import shutil
import tempfile
from pathlib import Path

from .letters import normalize

BUNDLE_DIR = "pagefind"
BODY_MARK = "data-pagefind-body"
LANG_RE = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")
# What the search page loads (search.js): the UI, the search library with its worker, the
# WebAssembly per language, and the index. Everything else Pagefind writes is removed.
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css",
          "pagefind-modular-ui.js", "pagefind-highlight.js", "playground")  # fmt: skip


class SearchIndexError(Exception):
    pass


def pages_to_index(output: Path) -> list[tuple[str, str, str]]:
    """``[(path, lang, html)]`` of the pages with a ``data-pagefind-body``, in path order."""
    found = []
    for path in sorted(output.rglob("*.html")):
        rel = path.relative_to(output).as_posix()
        if rel.startswith(BUNDLE_DIR + "/"):
            continue
        html = path.read_text(encoding="utf-8")
        if BODY_MARK not in html:
            continue
        match = LANG_RE.search(html)
        lang = match.group(1) if match else ""
        found.append((rel, lang, normalize(html, lang)))
    return found


async def _write(output: Path, pages) -> int:
    """Index the copies of ``pages`` as a folder: one request to Pagefind's service (one per
    file would cost a round trip each, about 0.1 s), URLs as the pages' paths in the site.

    Pagefind's service answers "written" before its last files are on disk, and closing it
    (``PagefindIndex`` as a context manager) then kills it mid-write: about one build in
    twenty had an empty ``pagefind-entry.json``. So the service is stopped only when the
    bundle is complete (:func:`_wait_until_written`).
    """
    from pagefind.index import IndexConfig  # noqa: PLC0415 - only at the end of a build
    from pagefind.service import PagefindService  # noqa: PLC0415

    bundle = output / BUNDLE_DIR
    with tempfile.TemporaryDirectory(prefix="search-") as tmp:
        for rel, _lang, html in pages:
            copy = Path(tmp, rel)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(html, encoding="utf-8")
        async with PagefindService() as service:
            index = await service.create_index(IndexConfig(output_path=str(bundle)))
            result = await index.add_directory(tmp)
            await index.write_files(str(bundle))
            await _wait_until_written(bundle)
    return result["page_count"]


WRITE_TIMEOUT = 60.0  # seconds; a complete bundle is there within milliseconds


async def _wait_until_written(bundle: Path) -> None:
    """Until the entry file parses, every compressed file is whole and nothing grows any more."""
    waited, before = 0.0, None
    while waited < WRITE_TIMEOUT:
        state = _bundle_state(bundle)
        if state is not None and state == before:
            return
        before = state
        await asyncio.sleep(0.05)
        waited += 0.05
    raise SearchIndexError(f"Pagefind hat den Suchindex nicht in {WRITE_TIMEOUT:.0f} s fertig geschrieben ({bundle})")


def _bundle_state(bundle: Path):
    """The sizes of the bundle's files if it looks complete, else None."""
    try:
        json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        files = sorted(p for p in bundle.rglob("*") if p.is_file())
        for path in files:
            if path.suffix.startswith((".pf_", ".pagefind")):
                gzip.decompress(path.read_bytes())  # a truncated file fails its CRC
        return tuple((p.relative_to(bundle).as_posix(), p.stat().st_size) for p in files)
    except (OSError, ValueError, EOFError, gzip.BadGzipFile):
        return None


def build_index(output: Path) -> int:
    """Index the built site in ``output``; returns the number of pages indexed."""
    pages = pages_to_index(output)
    if not pages:
        raise SearchIndexError("keine Seite mit data-pagefind-body gefunden: die Vorlagen markieren den Inhalt nicht")
    bundle = output / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    count = asyncio.run(_write(output, pages))
    _stabilize(bundle)
    for name in UNUSED:
        target = bundle / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    return count


SIGNATURE = b"pagefind_dcd"


def _unpack(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path.name}: unerwartetes Pagefind-Format (Version geändert?)")
    return data[len(SIGNATURE):]


def _pack(folder: Path, prefix: str, data: bytes, digits: int, suffix: str) -> str:
    """Write ``data`` (gzip without a time stamp) as ``<prefix><hash>.<suffix>``; returns ``<prefix><hash>``."""
    name = prefix + hashlib.sha256(data).hexdigest()[:digits]
    (folder / f"{name}.{suffix}").write_bytes(gzip.compress(SIGNATURE + data, mtime=0))
    return name


def _cbor_end(data: bytes, at: int) -> int:
    """Where the CBOR item starting at ``at`` ends (the subset Pagefind writes)."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        arg = info
    elif info <= 27:
        size = 1 << (info - 24)
        arg, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise SearchIndexError("unerwartetes CBOR in der Pagefind-Ausgabe")
    if major in (2, 3):
        return at + arg
    if major in (4, 5):
        for _ in range(arg * (2 if major == 5 else 1)):
            at = _cbor_end(data, at)
    elif major == 6:
        at = _cbor_end(data, at)
    return at


def _sorted_filter(data: bytes) -> bytes:
    """A filter file ``[name, [[value, [pages]] …]]`` with its values in byte order."""
    name_end = _cbor_end(data, 1)
    items_head = data[name_end]
    at = name_end + 1 + ({24: 1, 25: 2, 26: 4, 27: 8}.get(items_head & 31, 0))
    items = []
    while at < len(data):
        end = _cbor_end(data, at)
        items.append(data[at:end])
        at = end
    return data[: at - sum(map(len, items))] + b"".join(sorted(items))


def _stabilize(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _unpack(meta_path)
        for old in sorted((bundle / "filter").glob(f"{lang}_*.pf_filter")):
            new = _pack(old.parent, f"{lang}_", _sorted_filter(_unpack(old)), len(old.stem) - len(lang) - 1,
                        "pf_filter")
            if new != old.stem:
                old.unlink()
                meta = meta.replace(old.stem.encode(), new.encode())
        meta_path.unlink()
        info["hash"] = _pack(bundle, f"{lang}_", meta, len(info["hash"]) - len(lang) - 1, "pf_meta")
        (bundle / f"{info['hash']}.pf_meta").rename(bundle / f"pagefind.{info['hash']}.pf_meta")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
