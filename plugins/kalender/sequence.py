"""SEQUENCE and DTSTAMP from a small committed state file, never from the build clock.

``content/kalender/sequenz.json`` records for every entry (by stable id) a fingerprint of
its time, place and status, its SEQUENCE and its DTSTAMP. The build and ``make check``
fail when the file is not current; ``python -m plugins.kalender.check --update content``
(or an invoke task that calls it) updates it: a changed fingerprint raises SEQUENCE by one and
sets DTSTAMP to now (``SOURCE_DATE_EPOCH`` if set). Commit the file with the change.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .clock import now_utc
from .problems import Problem

FIX = "„.venv/bin/python -m plugins.kalender.check --update content“ ausführen und content/kalender/sequenz.json mit einchecken"


def entry_fingerprint(entry) -> str:
    """Fingerprint of time, place and status of an original entry."""
    venue = entry.venue.fingerprint_data() if entry.venue else None
    return entry.schedule.fingerprint(venue)


def load_state(path: Path) -> dict:
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def check_state(originals, path: Path, rel: str) -> list[Problem]:
    """Problems for entries whose recorded fingerprint is missing or outdated."""
    try:
        state = load_state(path)
    except (OSError, ValueError) as error:
        return [Problem(rel, None, "JSON", f"die Datei ist nicht lesbar ({error})", FIX)]
    problems = []
    stamp = now_utc().strftime("%Y%m%dT%H%M%SZ")
    for entry in originals:
        if entry.schedule is None:
            continue
        record = state.get(entry.stable_id)
        fingerprint = entry_fingerprint(entry)
        if record is None:
            wanted = {"fingerprint": fingerprint, "sequence": 0, "dtstamp": stamp}
            problems.append(Problem(rel, None, entry.stable_id, "der Termin fehlt im Kalender-Stand",
                                    _fix(entry.stable_id, wanted)))
        elif record.get("fingerprint") != fingerprint:
            wanted = {"fingerprint": fingerprint, "sequence": int(record.get("sequence", 0)) + 1, "dtstamp": stamp}
            problems.append(Problem(rel, None, entry.stable_id,
                                    "Zeit, Ort oder Status wurden geändert, SEQUENCE aber nicht erhöht",
                                    _fix(entry.stable_id, wanted)))
    return problems


def _fix(stable_id, record) -> str:
    """The fix, doable in the forge's web editor too: the exact record to write into the file."""
    return (f"{FIX} — oder im Web-Editor in sequenz.json den Eintrag so schreiben: "
            f"{json.dumps(stable_id, ensure_ascii=False)}: {json.dumps(record, sort_keys=True)}")


def apply_state(originals, path: Path) -> None:
    """Set ``sequence`` and ``dtstamp`` (aware UTC datetime) on entries and translations."""
    state = load_state(path)
    for entry in originals:
        record = state.get(entry.stable_id) or {"sequence": 0, "dtstamp": "19700101T000000Z"}
        stamp = dt.datetime.strptime(record["dtstamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)
        for item in [entry, *entry.translations]:
            item.sequence = int(record["sequence"])
            item.dtstamp = stamp


def update_state(originals, path: Path) -> list[str]:
    """Bring the state file up to date; returns the ids whose record changed."""
    state = load_state(path)
    stamp = now_utc().strftime("%Y%m%dT%H%M%SZ")
    changed = []
    for entry in originals:
        if entry.schedule is None:
            continue
        fingerprint = entry_fingerprint(entry)
        record = state.get(entry.stable_id)
        if record is None:
            state[entry.stable_id] = {"fingerprint": fingerprint, "sequence": 0, "dtstamp": stamp}
        elif record["fingerprint"] != fingerprint:
            state[entry.stable_id] = {"fingerprint": fingerprint, "sequence": int(record["sequence"]) + 1, "dtstamp": stamp}
        else:
            continue
        changed.append(entry.stable_id)
    if changed or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(state, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed
