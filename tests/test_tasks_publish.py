"""`invoke publish` end to end, against a local directory instead of the web space."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from testsupport import commit_all, git_init  # noqa: E402

INVOKE = ROOT / ".venv" / "bin" / "invoke"
BROKEN = ROOT / "plugins" / "content_check" / "tests" / "fixtures" / "broken"
FAST = "plugins/publishing/tests/test_htaccess.py"


def publish(*args, site_url=None):
    if not shutil.which("rsync"):
        pytest.fail("rsync fehlt: apt-get install rsync", pytrace=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEPLOY_", "SITE_URL"))}
    if site_url:
        env["SITE_URL"] = site_url
    env["SOURCE_DATE_EPOCH"] = "1785542400"  # same "today" for every build in a test
    return subprocess.run([str(INVOKE), "publish", "--fast-tests", FAST, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def files_in(path: Path):
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.exists() else []


def test_dry_run_shows_what_would_be_uploaded_and_uploads_nothing(tmp_path):
    target = tmp_path / "server"
    result = publish("--dry-run", "--target", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    for expected in ("index.html", "en/index.html", ".htaccess", "feeds/aktuelles.atom.xml", "theme/css/site.css"):
        assert any(line.strip().startswith(">f") and line.strip().endswith(expected)
                   for line in result.stdout.splitlines()), expected
    assert "Probelauf" in result.stdout
    assert files_in(target) == []


def test_content_error_stops_before_build_and_upload(tmp_path):
    target = tmp_path / "server"
    result = publish("--target", str(target), "--content", str(BROKEN), site_url="https://test.example")
    assert result.returncode == 1
    assert "Fehler in" in result.stdout and "pages/gut2.de.md:2: Slug:" in result.stdout
    assert "Schritt 3" not in result.stdout
    assert files_in(target) == []


def test_placeholder_domain_is_never_uploaded(tmp_path):
    target = tmp_path / "server"
    result = publish("--target", str(target))
    assert result.returncode == 1
    assert "Platzhalter" in result.stdout + result.stderr
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
    result = publish("--target", str(target), "--content", str(content), site_url="https://test.example")
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
    again = publish("--target", str(target), "--content", str(content), site_url="https://test.example")
    assert again.returncode == 0
    assert not [l for l in again.stdout.splitlines() if l.strip().startswith((">f", "*deleting"))], \
        "an unchanged build must upload nothing"
