"""`invoke publish` end to end, against a local directory instead of the web space."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from pelican.plugins.community_core.testing import commit_all, git_init  # noqa: E402

INVOKE = ROOT / ".venv" / "bin" / "invoke"
BROKEN = ROOT / "plugins" / "pelican" / "plugins" / "content_check" / "tests" / "fixtures" / "broken"
FAST = "plugins/pelican/plugins/publishing/tests/test_htaccess.py"


def publish(*args, site_url=None, uid_domain=None):
    if not shutil.which("rsync"):
        pytest.fail("rsync fehlt: apt-get install rsync", pytrace=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEPLOY_", "SITE_URL", "CALENDAR_UID_DOMAIN"))}
    if site_url is not None:
        env["SITE_URL"] = site_url
    if uid_domain is not None:
        env["CALENDAR_UID_DOMAIN"] = uid_domain
    env["SOURCE_DATE_EPOCH"] = "1785542400"  # same "today" for every build in a test
    return subprocess.run([str(INVOKE), "publish", "--fast-tests", FAST, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def files_in(path: Path):
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.exists() else []


def test_dry_run_shows_what_would_be_uploaded_and_uploads_nothing(tmp_path):
    target = tmp_path / "server"
    result = publish("--dry-run", "--target", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    uploaded = [line.strip().split(" ", 1)[1] for line in result.stdout.splitlines() if line.strip().startswith(">f")]
    for expected in ("index.html", "en/index.html", ".htaccess", "feeds/aktuelles.atom.xml"):
        assert expected in uploaded, expected
    assert any(re.fullmatch(r"theme/css/site\.[0-9a-f]{10}\.css", name) for name in uploaded), uploaded
    assert "Probelauf" in result.stdout
    assert files_in(target) == []


def test_content_error_stops_before_build_and_upload(tmp_path):
    target = tmp_path / "server"
    result = publish("--target", str(target), "--content", str(BROKEN), site_url="https://test.example")
    assert result.returncode == 1
    assert "Fehler in" in result.stdout and "pages/gut2.de.md:2: Slug:" in result.stdout
    assert "Schritt 3" not in result.stdout
    assert files_in(target) == []


def test_placeholder_domain_is_never_uploaded_also_when_site_url_is_set_but_empty(tmp_path):
    target = tmp_path / "server"
    result = publish("--target", str(target), site_url="", uid_domain="test.example")
    assert result.returncode == 1
    assert "Die Adresse der Website ist noch der Platzhalter https://www.example.invalid" in result.stdout + result.stderr
    assert files_in(target) == []


def test_the_calendar_uid_placeholder_is_never_uploaded(tmp_path):
    target = tmp_path / "server"
    result = publish("--target", str(target), site_url="https://test.example")
    assert result.returncode == 1
    assert "CALENDAR_UID_DOMAIN ist noch der Platzhalter „integration-plauen.invalid“" in result.stdout + result.stderr
    assert files_in(target) == []


def test_real_upload_to_a_directory_has_every_language_and_the_htaccess(tmp_path):
    sys_path = ROOT / "pelicanconf.py"
    languages = {}
    exec(compile(sys_path.read_text(), str(sys_path), "exec"), languages)  # noqa: S102 - our own settings file
    target = tmp_path / "server"
    content = tmp_path / "content"  # a snapshot: the two uploads must see the same content
    shutil.copytree(ROOT / "content", content)
    git_init(tmp_path)  # in a repository of its own: the calendar numbers its changes from the history
    commit_all(tmp_path, "Inhalt", 1785542400)
    result = publish("--target", str(target), "--content", str(content), site_url="https://test.example",
                     uid_domain="test.example")
    assert result.returncode == 0, result.stdout + result.stderr
    default = next(iter(languages["LANGUAGES"]))
    for code in languages["LANGUAGES"]:
        prefix = "" if code == default else f"{code}/"
        assert (target / prefix / "index.html").is_file(), code
    htaccess = (target / ".htaccess").read_text()
    assert "AddType text/calendar .ics" in htaccess
    assert "RewriteCond %{HTTPS} !=on" in htaccess
    assert 'Header always set Content-Security-Policy "default-src \'self\'' in htaccess
    for code in languages["LANGUAGES"]:
        if code != default:
            assert f"ErrorDocument 404 /{code}/404.html" in htaccess
    assert 'href="https://test.example/' in (target / "index.html").read_text()
    again = publish("--target", str(target), "--content", str(content), site_url="https://test.example",
                    uid_domain="test.example")
    assert again.returncode == 0
    assert not [row for row in again.stdout.splitlines() if row.strip().startswith((">f", "*deleting"))], \
        "an unchanged build must upload nothing"
