"""Upload a finished production build with rsync, in an order that is safe to interrupt.

Readers must never follow a link to a file that is not there yet. So the upload runs in
phases, each one atomic for its files (``--delay-updates`` moves them into place only
at the end of the phase):

1. assets: theme files, images, favicons (everything pages and feeds merely embed);
2. new pages: HTML files the server does not have yet (nothing links to them yet);
3. feeds: news feeds and calendar files (their entries now point to existing pages);
4. pages: all HTML, the ones that link to the feeds and to each other;
5. index files: sitemap.xml, robots.txt and .htaccess, which name the pages;
6. clean-up: files the new build no longer has are deleted only at the very end.

Interrupting between phases leaves a consistent mix of old and new; running
``invoke publish`` again completes it. ``--checksum`` uploads only files whose
content changed, since every build is written fresh with new timestamps; without
``--times`` an unchanged file keeps its date on the server, so browsers' cached copies
stay valid (Last-Modified/ETag).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

FEED_PATTERNS = ("*.ics", "*.xml")
INDEX_FILES = ("sitemap.xml", "robots.txt", ".htaccess")


@dataclass(frozen=True)
class Phase:
    name: str
    label: str  # German, printed before the phase runs
    filters: tuple[str, ...]
    options: tuple[str, ...] = ()


def _root_only(names):
    return tuple(f"--include=/{name}" for name in names)


PHASES = (
    Phase("assets", "Dateien für Aussehen und Bilder",
          (*(f"--exclude=/{n}" for n in INDEX_FILES), "--exclude=*.html",
           *(f"--exclude={p}" for p in FEED_PATTERNS)), ("--prune-empty-dirs",)),
    Phase("new-pages", "neue Seiten (noch nirgends verlinkt)",
          ("--include=*/", "--include=*.html", "--exclude=*"), ("--ignore-existing", "--prune-empty-dirs")),
    Phase("feeds", "Nachrichten-Feeds und Kalenderdateien",
          (*(f"--exclude=/{n}" for n in INDEX_FILES), "--include=*/",
           *(f"--include={p}" for p in FEED_PATTERNS), "--exclude=*"), ("--prune-empty-dirs",)),
    Phase("pages", "alle Seiten",
          ("--include=*/", "--include=*.html", "--exclude=*"), ("--prune-empty-dirs",)),
    Phase("index", "Sitemap, robots.txt und .htaccess",
          (*_root_only(INDEX_FILES), "--exclude=*")),
)
# Deletes what the new build no longer has, and transfers nothing.
# .well-known/ belongs to the hoster (certificates), never to the build: protected.
CLEANUP = Phase("cleanup", "veraltete Dateien löschen", ("--filter=P /.well-known/",),
                ("--delete", "--existing", "--ignore-existing"))

BASE_OPTIONS = ("--recursive", "--links", "--perms", "--chmod=D755,F644",
                "--checksum", "--itemize-changes", "--delay-updates", "--human-readable")


class DeployError(RuntimeError):
    """A German message for the person publishing; nothing was uploaded in this step."""


@dataclass(frozen=True)
class Target:
    destination: str  # "user@host:path/" or a local directory
    ssh_command: str | None  # for -e, None for a local directory

    def describe(self) -> str:
        return self.destination


def target_from(env: dict, local_dir: str | None = None) -> Target:
    """The upload target: ``--target DIR`` (a local directory) or DEPLOY_HOST/USER/PATH over SSH."""
    if local_dir:
        return Target(str(Path(local_dir).resolve()).rstrip("/") + "/", None)
    missing = [name for name in ("DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH") if not env.get(name)]
    if missing:
        raise DeployError(
            "Es fehlt, wohin hochgeladen werden soll: Umgebungsvariable(n) " + ", ".join(missing)
            + " setzen (siehe docs/veroeffentlichen.md), z. B. DEPLOY_HOST=ssh.strato.de "
            "DEPLOY_USER=… DEPLOY_PATH=/ invoke publish"
        )
    ssh = ["ssh", "-o", "BatchMode=yes"]
    if env.get("DEPLOY_PORT"):
        ssh += ["-p", env["DEPLOY_PORT"]]
    if env.get("DEPLOY_SSH_KEY"):
        ssh += ["-i", env["DEPLOY_SSH_KEY"], "-o", "IdentitiesOnly=yes"]
    path = env["DEPLOY_PATH"].rstrip("/") + "/"
    return Target(f"{env['DEPLOY_USER']}@{env['DEPLOY_HOST']}:{path}", shlex.join(ssh))


def require_rsync() -> str:
    found = shutil.which("rsync")
    if not found:
        raise DeployError("rsync fehlt: apt-get install rsync")
    return found


def rsync_command(rsync: str, source: Path, target: Target, phase: Phase, dry_run: bool) -> list[str]:
    cmd = [rsync, *BASE_OPTIONS, *phase.options, *phase.filters]
    if dry_run:
        cmd.append("--dry-run")
    if target.ssh_command:
        cmd += ["-e", target.ssh_command]
    return [*cmd, str(source).rstrip("/") + "/", target.destination]


def upload(source: Path, target: Target, dry_run: bool = False, echo=print, run=subprocess.run) -> None:
    """Run every phase in order; stop at the first failure (later phases never start)."""
    rsync = require_rsync()
    if target.ssh_command is None:
        Path(target.destination).mkdir(parents=True, exist_ok=True)
    for number, phase in enumerate((*PHASES, CLEANUP), start=1):
        echo(f"[{number}/{len(PHASES) + 1}] {phase.label}{' (Probelauf, nichts wird geändert)' if dry_run else ''}")
        result = run(rsync_command(rsync, source, target, phase, dry_run), capture_output=True, text=True)
        for line in result.stdout.splitlines():
            if line.strip():
                echo(f"    {line}")
        if result.returncode:
            raise DeployError(
                f"Hochladen im Schritt „{phase.label}“ fehlgeschlagen (rsync Fehler {result.returncode}):\n"
                f"{result.stderr.strip()}\nDie früheren Schritte sind vollständig; "
                "einfach `invoke publish` noch einmal starten."
            )


def verify_build(out: Path, settings: dict, allow_placeholder_url: bool) -> list[str]:
    """Problems that make a production build unfit to upload (German, one per line)."""
    problems = []
    languages = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    default = settings["DEFAULT_LANG"]
    for code in languages:
        prefix = "" if code == default else f"{code}/"
        for page in ("index.html", "404.html"):
            if not (out / prefix / page).is_file():
                problems.append(f"{prefix}{page} fehlt im Build")
    for name in INDEX_FILES:
        if not (out / name).is_file():
            problems.append(f"{name} fehlt im Build")
    empty = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.stat().st_size == 0)
    problems += [f"{name} ist leer" for name in empty]
    placeholder = settings.get("PLACEHOLDER_SITE_URL")
    if placeholder and settings.get("SITEURL", "").startswith(placeholder) and not allow_placeholder_url:
        problems.append(
            f"Die Adresse der Website ist noch der Platzhalter {placeholder}. SITE_URL setzen "
            "(z. B. SITE_URL=https://www.example.de) oder in publishconf.py eintragen."
        )
    return problems


def build(pelican: str, content: Path, settings_file: Path, out: Path, env=None) -> None:
    """Build into ``out`` (a fresh directory); raise DeployError if Pelican fails."""
    result = subprocess.run(
        [pelican, str(content), "-s", str(settings_file), "-o", str(out), "--fatal", "warnings"],
        capture_output=True, text=True, env=env,
    )
    if result.returncode:
        raise DeployError(
            "Der Bau der Website ist fehlgeschlagen, es wurde nichts hochgeladen:\n"
            + (result.stdout + result.stderr).strip()
        )


def environment_for_build() -> dict:
    env = dict(os.environ)
    plugins = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [plugins, env.get("PYTHONPATH")]))
    return env
