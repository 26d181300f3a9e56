"""An upload killed at any moment leaves a live site in which every link leads to a file that is there.

The server holds yesterday's build; today's build changes the stylesheet, adds a calendar
entry with its own .ics file, adds a news item and drops another one. After every phase
(and after a kill in the middle of one) every link in every file on the server must work.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pelican.plugins.publishing import deploy

BASE = "https://verein.example"


def page(*links):
    return "<!doctype html>" + "".join(
        f'<link rel="stylesheet" href="{u}">' if u.endswith(".css") else f'<a href="{u}">x</a>' for u in links)


YESTERDAY = {
    "index.html": page("/theme/css/site.aaaaaaaaaa.css", "/kalender/kochen/", "/aktuelles/alt/"),
    "404.html": page("/theme/css/site.aaaaaaaaaa.css"),
    "kalender/kochen/index.html": page("/theme/css/site.aaaaaaaaaa.css", "/kalender/feeds/termine/kochen.ics"),
    "kalender/feeds/termine/kochen.ics": f"BEGIN:VEVENT\r\nURL:{BASE}/kalender/kochen/\r\nEND:VEVENT\r\n",
    "aktuelles/alt/index.html": page("/theme/css/site.aaaaaaaaaa.css"),
    "feeds/aktuelles.atom.xml": f'<feed><link href="{BASE}/aktuelles/alt/"/></feed>',
    "theme/css/site.aaaaaaaaaa.css": "body{}",
    "sitemap.xml": f"<urlset><loc>{BASE}/</loc><loc>{BASE}/aktuelles/alt/</loc></urlset>",
    "robots.txt": f"Sitemap: {BASE}/sitemap.xml\n",
    ".htaccess": "ErrorDocument 404 /404.html\n",
}
TODAY = {
    "index.html": page("/theme/css/site.bbbbbbbbbb.css", "/kalender/kochen/", "/kalender/garten/", "/aktuelles/neu/"),
    "404.html": page("/theme/css/site.bbbbbbbbbb.css"),
    "kalender/kochen/index.html": page("/theme/css/site.bbbbbbbbbb.css", "/kalender/feeds/termine/kochen.ics"),
    "kalender/garten/index.html": page("/theme/css/site.bbbbbbbbbb.css", "/kalender/feeds/termine/garten.ics",
                                       "/kalender/kochen/"),
    "kalender/feeds/termine/kochen.ics": f"BEGIN:VEVENT\r\nURL:{BASE}/kalender/kochen/\r\nEND:VEVENT\r\n",
    "kalender/feeds/termine/garten.ics": f"BEGIN:VEVENT\r\nURL:{BASE}/kalender/garten/\r\nEND:VEVENT\r\n",
    "aktuelles/neu/index.html": page("/theme/css/site.bbbbbbbbbb.css", "/kalender/garten/"),
    "feeds/aktuelles.atom.xml": f'<feed><link href="{BASE}/aktuelles/neu/"/></feed>',
    "theme/css/site.bbbbbbbbbb.css": "body{margin:0}",
    "sitemap.xml": f"<urlset><loc>{BASE}/</loc><loc>{BASE}/aktuelles/neu/</loc><loc>{BASE}/kalender/garten/</loc></urlset>",
    "robots.txt": f"Sitemap: {BASE}/sitemap.xml\n",
    ".htaccess": "ErrorDocument 404 /404.html\nErrorDocument 403 /404.html\n",
}
LINK_RE = re.compile(r'(?:href="|<loc>|^URL:|^Sitemap: |ErrorDocument \d+ )([^"<\s]+)', re.M)


def write(root: Path, files: dict):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def broken_links(server: Path) -> list[str]:
    broken = []
    for path in sorted(p for p in server.rglob("*") if p.is_file()):
        for url in LINK_RE.findall(path.read_text()):
            target = url.removeprefix(BASE).split("#")[0]
            file = server / target.lstrip("/")
            if target.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{path.relative_to(server)} -> {url}")
    return broken


def served(server: Path) -> set[str]:
    return {str(p.relative_to(server)) for p in server.rglob("*") if p.is_file()}


@pytest.fixture
def sites(tmp_path):
    if not shutil.which("rsync"):
        pytest.fail("rsync fehlt: apt-get install rsync", pytrace=False)
    today, server = tmp_path / "today", tmp_path / "server"
    write(today, TODAY)
    write(server, YESTERDAY)
    assert broken_links(server) == [] and broken_links(today) == []
    return today, server


def run_phase(today: Path, server: Path, phase):
    command = deploy.rsync_command(shutil.which("rsync"), today, deploy.target_from({}, str(server)), phase, False)
    subprocess.run(command, check=True, capture_output=True)


def test_after_every_phase_every_link_on_the_server_works(sites):
    today, server = sites
    for phase in deploy.ALL_PHASES:
        run_phase(today, server, phase)
        assert broken_links(server) == [], f"nach Schritt „{phase.label}“"
    assert served(server) == set(TODAY)


def test_old_pages_keep_their_stylesheet_until_the_clean_up(sites):
    today, server = sites
    for phase in deploy.ALL_PHASES[:-1]:
        run_phase(today, server, phase)
    assert (server / "theme/css/site.aaaaaaaaaa.css").read_text() == "body{}"
    run_phase(today, server, deploy.CLEANUP)
    assert not (server / "theme/css/site.aaaaaaaaaa.css").exists()


def test_a_killed_upload_leaves_no_holding_folders_after_the_next_one(sites):
    today, server = sites
    # What a kill during --delay-updates leaves behind: new files still in holding folders.
    write(server, {".~tmp~/index.html": "halb", "kalender/kochen/.~tmp~/index.html": "halb"})
    run_phase(today, server, deploy.LEFTOVERS)
    assert not [p for p in server.rglob(".~tmp~")], "leftovers are removed first"
    assert served(server) == set(YESTERDAY), "and nothing else is touched"
    write(server, {"aktuelles/.~tmp~/x.html": "halb"})
    deploy.upload(today, deploy.target_from({}, str(server)), echo=lambda line: None)
    assert not [p for p in server.rglob(".~tmp~")]
    assert served(server) == set(TODAY)


def test_a_well_known_folder_of_the_hoster_survives_every_phase(sites):
    today, server = sites
    write(server, {".well-known/acme-challenge/token": "beweis"})
    deploy.upload(today, deploy.target_from({}, str(server)), echo=lambda line: None)
    assert (server / ".well-known/acme-challenge/token").read_text() == "beweis"
