"""Upload phases: complete, in a safe order, and nothing uploaded from a failed build."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pelican.plugins.publishing import deploy

RSYNC_HINT = "rsync fehlt: apt-get install rsync"


def require_rsync():
    if not shutil.which("rsync"):
        pytest.fail(RSYNC_HINT, pytrace=False)


def make_site(root: Path):
    files = {
        "index.html": "<a href='feeds/aktuelles.atom.xml'>", "404.html": "404", "en/index.html": "en",
        "en/404.html": "404", "aktuelles/neu/index.html": "neu", "feeds/aktuelles.atom.xml": "<feed/>",
        "kalender/feeds/alle.ics": "BEGIN:VCALENDAR", "theme/css/site.css": "body{}",
        "favicon.svg": "<svg/>", "sitemap.xml": "<urlset/>",
        "robots.txt": "User-agent: *\nSitemap: https://www.example.invalid/sitemap.xml\n",
        ".htaccess": "Options -Indexes", "images/foto.jpg": "jpg",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return set(files)


def transferred(source, target, phase):
    cmd = deploy.rsync_command(shutil.which("rsync"), source, deploy.target_from({}, str(target)), phase, True)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return {line.split(" ", 1)[1] for line in out.splitlines() if line.startswith(">f")}


def test_each_file_goes_up_in_exactly_one_content_phase(tmp_path):
    require_rsync()
    source, target = tmp_path / "site", tmp_path / "server"
    source.mkdir(), target.mkdir()
    files = make_site(source)
    by_phase = {p.name: transferred(source, target, p) for p in deploy.PHASES if p.name != "new-files"}
    seen = [f for names in by_phase.values() for f in names]
    assert sorted(seen) == sorted(files), by_phase
    assert by_phase["feeds"] == {"feeds/aktuelles.atom.xml", "kalender/feeds/alle.ics"}
    assert by_phase["index"] == {"sitemap.xml", "robots.txt", ".htaccess"}
    assert "theme/css/site.css" in by_phase["assets"] and "images/foto.jpg" in by_phase["assets"]


def test_phase_order_leftovers_assets_new_files_feeds_pages_index_cleanup_last():
    assert [p.name for p in deploy.ALL_PHASES] == [
        "leftovers", "assets", "new-files", "feeds", "pages", "index", "cleanup"]
    assert "--delete" not in [o for p in deploy.PHASES for o in p.options]
    assert "--delete" in deploy.CLEANUP.options and "--delete" in deploy.LEFTOVERS.options
    assert all(p.delay_updates for p in deploy.PHASES)


def test_new_pages_and_their_calendar_files_go_up_together_before_anything_links_to_them(tmp_path):
    require_rsync()
    source, target = tmp_path / "site", tmp_path / "server"
    source.mkdir(), target.mkdir()
    make_site(source)
    new_files = next(p for p in deploy.PHASES if p.name == "new-files")
    assert transferred(source, target, new_files) == {
        "index.html", "404.html", "en/index.html", "en/404.html", "aktuelles/neu/index.html",
        "feeds/aktuelles.atom.xml", "kalender/feeds/alle.ics"}


def test_upload_copies_everything_and_deletes_stale_files_only_at_the_end(tmp_path):
    require_rsync()
    source, target = tmp_path / "site", tmp_path / "server"
    source.mkdir(), target.mkdir()
    files = make_site(source)
    (target / "alt.html").write_text("stale")
    (target / ".well-known").mkdir()
    (target / ".well-known" / "token").write_text("hoster")
    log = []
    deploy.upload(source, deploy.target_from({}, str(target)), echo=log.append)
    uploaded = {str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()}
    assert uploaded == files | {".well-known/token"}
    deleting = next(i for i, line in enumerate(log) if "deleting" in line)
    assert deleting > max(i for i, line in enumerate(log) if line.strip().startswith(">f"))


def test_dry_run_lists_files_and_changes_nothing(tmp_path):
    require_rsync()
    source, target = tmp_path / "site", tmp_path / "server"
    source.mkdir()
    make_site(source)
    log = []
    deploy.upload(source, deploy.target_from({}, str(target)), dry_run=True, echo=log.append)
    assert any("index.html" in line for line in log) and any("Probelauf" in line for line in log)
    assert list(target.iterdir()) == []


def test_failed_build_raises_and_leaves_no_output_to_upload(tmp_path):
    failing = tmp_path / "pelican"
    failing.write_text(f"#!{sys.executable}\nimport sys, pathlib\n"
                       "pathlib.Path(sys.argv[5]).mkdir(parents=True)\n"
                       "(pathlib.Path(sys.argv[5]) / 'index.html').write_text('half')\n"
                       "sys.exit('CRITICAL: kaputt')\n")
    failing.chmod(0o755)
    with pytest.raises(deploy.DeployError, match="nichts hochgeladen"):
        deploy.build(str(failing), tmp_path, tmp_path / "conf.py", tmp_path / "out")


def test_missing_target_variables_are_named_in_german():
    with pytest.raises(deploy.DeployError, match="DEPLOY_HOST, DEPLOY_PATH"):
        deploy.target_from({"DEPLOY_USER": "verein"})
    target = deploy.target_from({"DEPLOY_HOST": "ssh.example", "DEPLOY_USER": "u", "DEPLOY_PATH": "/www/",
                                 "DEPLOY_PORT": "2222"})
    assert target.destination == "u@ssh.example:/www/"
    assert "-p 2222" in target.ssh_command and "BatchMode=yes" in target.ssh_command


def test_placeholder_address_blocks_a_real_upload_but_not_a_dry_run(tmp_path):
    settings = {"DEFAULT_LANG": "de", "LANGUAGES": {"de": ("Deutsch", "ltr")},
                "SITEURL": "https://www.example.invalid", "PLACEHOLDER_SITE_URL": "https://www.example.invalid"}
    make_site(tmp_path)
    assert any("Platzhalter" in p for p in deploy.verify_build(tmp_path, settings, allow_placeholder_url=False))
    assert deploy.verify_build(tmp_path, settings, allow_placeholder_url=True) == []
    (tmp_path / "404.html").unlink()
    assert "404.html fehlt im Build" in deploy.verify_build(tmp_path, settings, allow_placeholder_url=True)


def test_an_empty_site_url_is_refused_like_the_placeholder_even_in_a_dry_run(tmp_path):
    settings = {"DEFAULT_LANG": "de", "LANGUAGES": {"de": ("Deutsch", "ltr")}, "SITEURL": "",
                "PLACEHOLDER_SITE_URL": "https://www.example.invalid"}
    make_site(tmp_path)
    for dry_run in (False, True):
        problems = deploy.verify_build(tmp_path, settings, allow_placeholder_url=dry_run)
        assert any("Adresse der Website ist leer" in p for p in problems), problems
    settings["SITEURL"] = "http://www.example.de"
    assert any("keine vollständige https-Adresse" in p
               for p in deploy.verify_build(tmp_path, settings, allow_placeholder_url=False))


def test_publishconf_treats_an_empty_site_url_as_unset(monkeypatch):
    import runpy

    monkeypatch.setenv("SITE_URL", "")
    monkeypatch.setenv("CALENDAR_UID_DOMAIN", "")
    conf = runpy.run_path(str(Path(__file__).resolve().parents[5] / "publishconf.py"))
    assert conf["SITEURL"] == conf["PLACEHOLDER_SITE_URL"]
    assert conf["CALENDAR_UID_DOMAIN"].endswith(".invalid")
    monkeypatch.setenv("CALENDAR_UID_DOMAIN", "verein.example")
    assert runpy.run_path(str(Path(__file__).resolve().parents[5] / "publishconf.py"))["CALENDAR_UID_DOMAIN"] == \
        "verein.example"


def test_the_calendar_uid_placeholder_blocks_a_real_upload(tmp_path):
    settings = {"DEFAULT_LANG": "de", "LANGUAGES": {"de": ("Deutsch", "ltr")}, "SITEURL": "https://www.example.de",
                "PLUGINS": ["pelican.plugins.kalender"], "CALENDAR_UID_DOMAIN": "integration-plauen.invalid"}
    make_site(tmp_path)
    (tmp_path / "robots.txt").write_text("Sitemap: https://www.example.de/sitemap.xml\n")
    problems = deploy.verify_build(tmp_path, settings, allow_placeholder_url=False)
    assert problems == [next(p for p in problems if "CALENDAR_UID_DOMAIN ist noch der Platzhalter" in p)]
    assert deploy.verify_build(tmp_path, settings, allow_placeholder_url=True) == []
    settings["CALENDAR_UID_DOMAIN"] = "verein.example"
    assert deploy.verify_build(tmp_path, settings, allow_placeholder_url=False) == []
    del settings["CALENDAR_UID_DOMAIN"]  # the calendar's own default is the placeholder too
    assert any("Platzhalter" in p for p in deploy.verify_build(tmp_path, settings, allow_placeholder_url=False))
