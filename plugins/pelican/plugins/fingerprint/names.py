"""The fingerprinted name of a file: its content hash before the suffix, ``site.3f2a9c1b7d.css``."""

import hashlib
import posixpath
import re

DIGITS = 10
FINGERPRINTED_RE = re.compile(rf"\.[0-9a-f]{{{DIGITS}}}(\.[A-Za-z0-9]+)?$")


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:DIGITS]


def fingerprinted(path: str, data: bytes) -> str:
    """``css/site.css`` -> ``css/site.<hash of data>.css`` (a name without suffix gets the hash at the end)."""
    folder, name = posixpath.split(path)
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    return posixpath.join(folder, f"{stem}.{fingerprint(data)}" + (f".{suffix}" if suffix else ""))
