"""The adversarial suite: every hostile or mistaken input gets its German message from `make check`.

For each case (plugins/pelican/plugins/content_check/tests/hostile.py) a copy of a small valid site gets
the case's files; ``python -m content_check`` must exit with 1, print each expected message
as ``Datei:Zeile: Feld: Problem — Lösung``, never a traceback, and write nothing.
"""

import hashlib
import io
import random
import shutil
import textwrap
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from pelican.plugins.content_check.runner import collect_problems, load_settings, main
from pelican.plugins.community_core.testing import commit_all, git_init

from .hostile import BASE, CASES, mutate, write_base, write_files

ROOT = Path(__file__).resolve().parents[5]
ISSUE_POINTS = {"1", "2", "3", "4", "5", "6"}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The valid site every case starts from, committed once (the calendar reads its history)."""
    root = git_init(tmp_path_factory.mktemp("base"))
    content = root / "content"
    write_base(content)
    commit_all(root, "Inhalt", 1785542400)
    commit_all(root, "später", 1785628800)  # the content is not new: no "newly in the past" warnings
    return content


def copy_site(base: Path, where: Path) -> Path:
    """A copy of the base site with its git history; returns its content folder."""
    shutil.copytree(base.parent, where, symlinks=True)
    return where / "content"


def settings_file(tmp_path: Path) -> Path:
    conf = tmp_path / "conf.py"
    conf.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                    f"THEME = {str(ROOT / 'themes' / 'kompetenz')!r}\nOUTPUT_PATH = {str(tmp_path / 'out')!r}\n")
    return conf


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        h.update(str(path.relative_to(folder)).encode())
        if path.is_file() and not path.is_symlink() and not path.is_fifo():
            h.update(path.read_bytes())
    return h.hexdigest()


def run_check(tmp_path: Path, content: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--settings", str(settings_file(tmp_path)), "--content", str(content)])
    return code, out.getvalue() + err.getvalue()


def test_the_base_site_is_clean(base, tmp_path):
    code, output = run_check(tmp_path, base)
    assert code == 0, output


def test_the_suite_has_more_than_fifty_hostile_inputs_covering_every_point():
    assert len(CASES) >= 50
    assert len({case.name for case in CASES}) == len(CASES)
    assert {case.issue for case in CASES} == ISSUE_POINTS


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_is_refused_with_file_line_field_and_fix(case, base, tmp_path):
    content = copy_site(base, tmp_path / "site")
    write_files(content, case.files)
    before = digest(content)
    code, output = run_check(tmp_path, content)

    assert code == 1, output
    assert "Traceback" not in output and "ist an einer Datei gescheitert" not in output, output
    lines = [line for line in output.splitlines() if " — " in line]
    for rel, line, field, words in case.expect:
        prefix = f"content/{rel}:{line}: {field}: " if line else f"content/{rel}: {field}: "
        matching = [text for text in lines if text.startswith(prefix) and words in text]
        assert matching, f"erwartet: {prefix}…{words}…\ngemeldet:\n{output}"
        assert all(text.split(" — ", 1)[1].strip() for text in matching), matching
    touched = {f"content/{rel}" for rel in [*case.files, *case.also]}
    strays = [text for text in lines if text.split(":", 1)[0] not in touched]
    assert not strays, "Meldungen zu Dateien, die der Fall nicht ändert:\n" + "\n".join(strays)
    assert not (tmp_path / "out").exists(), "make check must not build anything"
    assert digest(content) == before, "make check must not change the content"


def test_every_case_reports_through_collect_problems_too(base, tmp_path):
    """The same cases without the command line: nothing raises, every check runs."""
    settings = load_settings(ROOT / "pelicanconf.py")
    for case in CASES[:10]:
        content = copy_site(base, tmp_path / case.name)
        write_files(content, case.files)
        found = collect_problems(settings, content)
        assert found and all(problem.field != "Prüfung" for problem in found), (case.name, found)


MUTATED = [rel for rel in BASE if rel.endswith(".md")]


def test_randomly_damaged_files_never_crash_a_check(base, tmp_path):
    """200 files with random damage (fixed seed), calendar files among them: every check runs to its end
    and says what is wrong."""
    rng = random.Random(15)
    settings = load_settings(ROOT / "pelicanconf.py")
    crashed = []
    for number in range(200):
        rel = rng.choice(MUTATED)
        content = copy_site(base, tmp_path / f"c{number}")
        text = mutate(textwrap.dedent(BASE[rel]).lstrip("\n"), rng)
        (content / rel).write_bytes(text.encode("latin-1", "replace") if rng.random() < 0.1 else text.encode("utf-8"))
        found = collect_problems(settings, content)
        crashed += [f"{rel}: {text!r}: {p.message}" for p in found if p.field == "Prüfung"]
        assert all(str(p).startswith(f"{p.path}:") and " — " in str(p) for p in found)
        shutil.rmtree(content.parent)
    assert not crashed, "\n".join(crashed)
