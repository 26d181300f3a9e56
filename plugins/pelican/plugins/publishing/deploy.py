"""Upload a finished production build with rsync, in an order that keeps the live site whole.

At every moment, every link on the server must lead to a file that is there. Every asset
has its content hash in its name (plugins/pelican/plugins/fingerprint), so new assets never replace old
ones; and each phase uploads only files that what is already online can do without:

0. leftovers: ``.~tmp~/`` folders of an upload that was killed are removed;
1. assets: theme files, images, favicons under their new, fingerprinted names;
2. new files: pages, feeds and calendar files the server does not have yet (nothing
   online links to them yet; they link to each other and to the assets of phase 1);
3. feeds: news feeds and calendar files (their entries now point to existing pages);
4. pages: all HTML, the ones that link to the feeds and to each other;
5. index files: sitemap.xml, robots.txt and .htaccess, which name the pages;
6. clean-up: files the new build no longer has (old assets too) are deleted at the very end.

Each phase is close to atomic for its files (``--delay-updates`` moves them into place
only at the end of the phase, from ``.~tmp~/`` holding folders). Killing the upload at any
point leaves a consistent mix of old and new (the holding folders are removed by the next
upload, and the .htaccess answers 404 for them meanwhile); running ``invoke publish``
again completes it. ``--checksum`` uploads only files whose content changed, since every
build is written fresh with new timestamps; without ``--times`` an unchanged file keeps
its date on the server, so browsers' cached copies stay valid (Last-Modified/ETag).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

FEED_PATTERNS = ("*.ics", "*.xml")
INDEX_FILES = ("sitemap.xml", "robots.txt", ".htaccess")
# rsync's holding folder for --delay-updates (see --partial-dir in its manual).
HOLDING_DIR = ".~tmp~"


@dataclass(frozen=True)
class Phase:
    name: str
    label: str  # German, printed before the phase runs
    filters: tuple[str, ...]
    options: tuple[str, ...] = ()
    delay_updates: bool = True


def _root_only(names):
    return tuple(f"--include=/{name}" for name in names)


PAGES_AND_FEEDS = ("--include=*/", "--include=*.html", *(f"--include={p}" for p in FEED_PATTERNS), "--exclude=*")
# Deletes only holding folders left by a killed upload, and transfers nothing. The "risk"
# rule makes them deletable (rsync protects its partial-dir otherwise); everything else is protected.
LEFTOVERS = Phase("leftovers", "Reste eines abgebrochenen Hochladens entfernen",
                  (f"--filter=R {HOLDING_DIR}/***", "--filter=P *"),
                  ("--delete", "--existing", "--ignore-existing"), delay_updates=False)
PHASES = (
    Phase("assets", "Dateien für Aussehen und Bilder (neue Namen, die alten bleiben)",
          (*(f"--exclude=/{n}" for n in INDEX_FILES), "--exclude=*.html",
           *(f"--exclude={p}" for p in FEED_PATTERNS)), ("--prune-empty-dirs",)),
    Phase("new-files", "neue Seiten, Feeds und Kalenderdateien (noch nirgends verlinkt)",
          (*(f"--exclude=/{n}" for n in INDEX_FILES), *PAGES_AND_FEEDS), ("--ignore-existing", "--prune-empty-dirs")),
    Phase("feeds", "Nachrichten-Feeds und Kalenderdateien",
          (*(f"--exclude=/{n}" for n in INDEX_FILES), "--include=*/",
           *(f"--include={p}" for p in FEED_PATTERNS), "--exclude=*"), ("--prune-empty-dirs",)),
    Phase("pages", "alle Seiten",
          ("--include=*/", "--include=*.html", "--exclude=*"), ("--prune-empty-dirs",)),
    Phase("index", "Sitemap, robots.txt und .htaccess",
          (*_root_only(INDEX_FILES), "--exclude=*")),
)
# Deletes what the new build no longer has (and holding folders), and transfers nothing.
# .well-known/ belongs to the hoster (certificates), never to the build: protected.
CLEANUP = Phase("cleanup", "veraltete Dateien löschen", ("--filter=P /.well-known/", f"--filter=R {HOLDING_DIR}/***"),
                ("--delete", "--existing", "--ignore-existing"), delay_updates=False)
ALL_PHASES = (LEFTOVERS, *PHASES, CLEANUP)

BASE_OPTIONS = ("--recursive", "--links", "--perms", "--chmod=D755,F644",
                "--checksum", "--itemize-changes", "--human-readable")


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
    cmd = [rsync, *BASE_OPTIONS, *(("--delay-updates",) if phase.delay_updates else ()), *phase.options,
           *phase.filters]
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
    for number, phase in enumerate(ALL_PHASES):
        echo(f"[{number}/{len(ALL_PHASES) - 1}] {phase.label}{' (Probelauf, nichts wird geändert)' if dry_run else ''}")
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
    problems += address_problems(settings, allow_placeholder_url)
    problems += absolute_url_problems(out, settings)
    return problems


def address_problems(settings: dict, allow_placeholder: bool) -> list[str]:
    """The site's address and the calendar's UID domain must be real before anything goes public.

    An empty SITE_URL (what the workflow passes when the forge variable is unset) would
    publish relative addresses in the sitemap, robots.txt and feeds; UIDs ending in
    ``.invalid`` would be in every subscriber's calendar, and can never change once there.
    A dry run (``--dry-run``) may still use the placeholders.
    """
    problems = []
    url = (settings.get("SITEURL") or "").strip()
    placeholder = settings.get("PLACEHOLDER_SITE_URL")
    parts = urlsplit(url)
    if not url:
        problems.append("Die Adresse der Website ist leer (SITE_URL ist gesetzt, aber ohne Wert). SITE_URL "
                        "setzen (z. B. SITE_URL=https://www.example.de) oder in publishconf.py eintragen.")
    elif placeholder and url.startswith(placeholder):
        if not allow_placeholder:
            problems.append(f"Die Adresse der Website ist noch der Platzhalter {placeholder}. SITE_URL setzen "
                            "(z. B. SITE_URL=https://www.example.de) oder in publishconf.py eintragen.")
    elif parts.scheme != "https" or not parts.hostname or "." not in parts.hostname:
        problems.append(f"Die Adresse der Website „{url}“ ist keine vollständige https-Adresse "
                        "(z. B. https://www.example.de, ohne / am Ende).")
    if "pelican.plugins.kalender" in (settings.get("PLUGINS") or []):
        problems += _uid_domain_problems(settings, allow_placeholder)
    return problems


def _uid_domain_problems(settings: dict, allow_placeholder: bool) -> list[str]:
    from pelican.plugins.kalender.config import DEFAULTS  # noqa: PLC0415 - only when the calendar is part of the site

    problems = []
    domain = str(settings.get("CALENDAR_UID_DOMAIN", DEFAULTS["CALENDAR_UID_DOMAIN"]) or "").strip().lower()
    if not domain or "." not in domain:
        problems.append("CALENDAR_UID_DOMAIN ist leer: eine eigene Domain des Vereins eintragen "
                        "(pelicanconf.py oder Umgebungsvariable CALENDAR_UID_DOMAIN).")
    elif domain.endswith(".invalid") and not allow_placeholder:
        problems.append(f"CALENDAR_UID_DOMAIN ist noch der Platzhalter „{domain}“. Vor dem ersten Veröffentlichen "
                        "eine eigene Domain des Vereins eintragen (z. B. die der Website): sie steht in jedem "
                        "abonnierten Termin und darf sich danach nie mehr ändern.")
    return problems


def absolute_url_problems(out: Path, settings: dict) -> list[str]:
    """robots.txt and the sitemap must name the site by its absolute address (the protocols require it)."""
    base = (settings.get("SITE_ABSOLUTE_URL") or settings.get("SITEURL") or "").rstrip("/")
    problems = []
    if not base:
        return problems  # said by address_problems
    robots = out / "robots.txt"
    if robots.is_file() and f"Sitemap: {base}/sitemap.xml" not in robots.read_text(encoding="utf-8"):
        problems.append("robots.txt nennt die Sitemap nicht mit der absoluten Adresse der Website")
    sitemap = out / "sitemap.xml"
    if sitemap.is_file():
        text = sitemap.read_text(encoding="utf-8")
        if "<loc>" in text and f"<loc>{base}/" not in text:
            problems.append(f"sitemap.xml enthält Adressen, die nicht mit {base}/ beginnen")
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
    """The build's environment: the plugins are installed in the venv, nothing to add."""
    return dict(os.environ)
