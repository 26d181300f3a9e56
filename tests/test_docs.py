"""The volunteer guide (docs/) cannot drift: every command in it is run or parsed, every example checked.

- `make …` targets exist; `invoke …` command lines parse against tasks.py with invoke's own parser;
  other programs are real programs (and `ssh-keygen` is run).
- The calendar commands of docs/laptop.md (`invoke new`, `cancel`, `move`) are run on a copy of the
  content that holds the guide's own example course, and `make check` passes afterwards.
- The calendar examples of docs/kalender-felder.md pass the real checker; the TOML examples load;
  every field of the field table exists; every "Wiederholung" form and every value example parses.
- The messages quoted in docs/fehler-beheben.md are the checker's messages.
"""

import os
import re
import shlex
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest
from pelican.plugins.community_core.testing import commit_all, git_init

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INVOKE = str(ROOT / ".venv" / "bin" / "invoke")

FENCE_RE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.M | re.S)
INLINE_RE = re.compile(r"(?<!`)`((?:make|invoke|\.venv/bin/invoke|git) [^`]+)`(?!`)")
PLACEHOLDER = "…"


def blocks(name: str | None = None, lang: str | None = None) -> list[tuple[str, str]]:
    """``[(doc name, text)]`` of the fenced blocks (optionally of one doc or one language)."""
    found = []
    for doc in sorted(DOCS.glob("*.md")):
        if name and doc.name != name:
            continue
        for match in FENCE_RE.finditer(doc.read_text(encoding="utf-8")):
            if lang is None or match[2] == lang:
                text = "\n".join(line[len(match[1]):] for line in match[3].splitlines())
                found.append((doc.name, text))
    return found


def shell_commands() -> list[tuple[str, str]]:
    """Every command line of the guide: from ```sh blocks and from inline code, split at ``&&``."""
    found = []
    for name, text in blocks(lang="sh"):
        for line in text.replace("\\\n", " ").splitlines():
            line = line.split("   #")[0].split("    ←")[0].strip()
            if line and not line.startswith("#"):
                found += [(name, part.strip()) for part in line.split("&&")]
    for doc in sorted(DOCS.glob("*.md")):
        for match in INLINE_RE.finditer(doc.read_text(encoding="utf-8")):
            found += [(doc.name, part.strip()) for part in match[1].split("&&")]
    return found


@lru_cache(maxsize=1)
def invoke_parser():
    from invoke import Collection  # noqa: PLC0415
    from invoke.parser import Parser  # noqa: PLC0415

    import tasks  # noqa: PLC0415

    return Parser(contexts=Collection.from_module(tasks).to_contexts())


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z-]+):", text, re.M))


def check_command(command: str) -> str | None:
    """Why ``command`` would not work as written, or None."""
    from invoke.exceptions import ParseError  # noqa: PLC0415

    words = shlex.split(command)
    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # VAR=value before the command
        words.pop(0)
    if not words:
        return None
    program, args = words[0], words[1:]
    if program == "make":
        missing = [t for t in args if t not in make_targets()]
        return f"make: no target {missing}" if missing else None
    if program in ("invoke", ".venv/bin/invoke"):
        if args == [PLACEHOLDER]:
            return None
        try:
            result = invoke_parser().parse_argv(args)
        except ParseError as error:
            return f"invoke: {error}"
        return None if result else "invoke: no task"
    if program == "git":
        known = subprocess.run(["git", "--list-cmds=main"], capture_output=True, text=True).stdout.split()
        return None if args and args[0] in known else f"git: no command {args[:1]}"
    if program in ("sudo", "export", "cd", "source"):
        return None if program != "sudo" or args[:2] == ["apt-get", "install"] else f"sudo {args[:1]}"
    return None if shutil.which(program) else f"{program}: no such program"


def test_every_command_of_the_guide_exists_and_parses():
    commands = shell_commands()
    assert len(commands) > 30, "the guide's commands were not found"
    problems = [f"{name}: {command}: {why}" for name, command in commands if (why := check_command(command))]
    assert not problems, "\n".join(problems)


def test_the_deploy_key_command_makes_a_key_pair(tmp_path):
    [command] = [c for _n, c in shell_commands() if c.startswith("ssh-keygen")]
    subprocess.run(shlex.split(command), cwd=tmp_path, check=True, capture_output=True)
    assert (tmp_path / "verein_deploy").is_file() and (tmp_path / "verein_deploy.pub").is_file()


def example_course() -> str:
    [course] = [text for _n, text in blocks("kalender-felder.md", "") if text.startswith("Title: Deutschkurs am Abend")]
    return course


@pytest.fixture(scope="module")
def content_with_the_example(tmp_path_factory):
    """The real content plus the guide's example course, committed in a fresh repository."""
    root = git_init(tmp_path_factory.mktemp("docs"))
    shutil.copytree(ROOT / "content", root / "content")
    (root / "content" / "kalender" / "deutschkurs-abend.de.md").write_text(example_course() + "\n", encoding="utf-8")
    commit_all(root, "Inhalt", 1785542400)
    return root / "content"


def run_invoke(command: str, content: Path):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1785542400")  # 2026-08-01: the examples lie ahead
    argv = shlex.split(command)
    result = subprocess.run([INVOKE, *argv[1:], "--content", str(content)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
    return result


def test_the_calendar_commands_of_the_laptop_guide_work_as_written(content_with_the_example):
    commands = [c for name, c in shell_commands() if name == "laptop.md" and
                re.match(r"invoke (new|cancel|move) \S", c) and not re.search(r"SLUG|JJJJ|…", c)]  # fmt: skip
    assert len(commands) >= 7, commands
    for command in commands:
        run_invoke(command, content_with_the_example)
    run_invoke("invoke check", content_with_the_example)
    course = (content_with_the_example / "kalender" / "deutschkurs-abend.de.md").read_text(encoding="utf-8")
    assert "\nAusfall: 2026-11-10 - Die Kursleitung ist krank.\n" in course
    assert "\nVerlegt: 2026-11-12 auf 2026-11-13 17:00 - Raum belegt\n" in course


def test_the_calendar_examples_pass_the_real_checker(content_with_the_example, tmp_path):
    from pelican.plugins.content_check.runner import collect_problems, load_settings  # noqa: PLC0415

    content = tmp_path / "content"
    shutil.copytree(content_with_the_example, content)
    [translation] = [t for _n, t in blocks("kalender-felder.md", "") if t.startswith("Title: German course")]
    (content / "kalender" / "deutschkurs-abend.de.md").write_text(example_course() + "\n", encoding="utf-8")
    (content / "kalender" / "deutschkurs-abend.en.md").write_text(translation + "\n", encoding="utf-8")
    problems = collect_problems(load_settings(ROOT / "pelicanconf.py"), content)
    about_example = [str(p) for p in problems if "deutschkurs-abend" in p.path and "Vergangenheit" not in p.message]
    assert about_example == [], about_example


def test_the_toml_examples_load_without_problems(tmp_path):
    from pelican.plugins.kalender.venues import load_categories, load_venues  # noqa: PLC0415

    venues, categories = (text for _n, text in blocks("kalender-felder.md", "toml"))
    for loader, text, extra in ((load_venues, venues, ["de", "en"]), (load_categories, categories, "de")):
        probe = tmp_path / "probe.toml"
        probe.write_text(text, encoding="utf-8")
        loaded, problems = loader(probe, "probe.toml", extra)
        assert loaded and problems == [], (text, problems)


def field_table() -> list[tuple[str, str]]:
    """``[(field, examples cell)]`` of the table „Alle Felder“ in docs/kalender-felder.md."""
    text = (DOCS / "kalender-felder.md").read_text(encoding="utf-8").split("## Alle Felder", 1)[1].split("\n## ", 1)[0]
    return [(m[1], m[2]) for m in re.finditer(r"^\| `([A-Za-z]+)` \|.*\| ([^|]*) \|$", text, re.M)]


def test_the_field_table_lists_exactly_the_fields_there_are():
    from pelican.plugins.kalender.model import FIELDS  # noqa: PLC0415

    documented = {name for name, _examples in field_table()}
    assert documented == set(FIELDS.values())


def test_every_value_example_in_the_field_table_parses():
    from pelican.plugins.kalender.problems import FieldError  # noqa: PLC0415
    from pelican.plugins.kalender.rules import parse_rrule, parse_simple  # noqa: PLC0415
    from pelican.plugins.kalender.values import parse_date_or_datetime, parse_duration, parse_time  # noqa: PLC0415
    import datetime as dt  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    parsers = {
        "Beginn": parse_date_or_datetime,
        "Ende": lambda v: parse_time(v) if re.fullmatch(r"\d{1,2}:\d{2}", v) else parse_date_or_datetime(v),
        "Dauer": parse_duration,
        "Wiederholung": lambda v: parse_simple(v, None),
        "RRULE": lambda v: parse_rrule(v, dt.datetime(2026, 9, 2, 17), ZoneInfo("Europe/Berlin")),
        "Zeitzone": ZoneInfo,
    }
    checked = 0
    for name, examples in field_table():
        for field, value in re.findall(r"`([A-Za-z]+): ([^`]+)`", examples):
            assert field == name, f"{name}: example for {field}"
            if name in parsers:
                try:
                    parsers[name](value)
                except FieldError as error:
                    raise AssertionError(f"{name}: {value}: {error.message}") from None
                checked += 1
    assert checked >= 10


def test_every_simple_recurrence_form_in_the_guide_parses():
    from pelican.plugins.kalender.rules import parse_simple  # noqa: PLC0415

    text = (DOCS / "kalender-felder.md").read_text(encoding="utf-8").split("## Wiederholung in einfacher Form", 1)[1]
    forms = re.findall(r"^\| `([^`]+)` \|", text.split("\n## ", 1)[0], re.M)
    assert len(forms) >= 7
    for form in forms:
        parse_simple(form, None)


def test_the_python_examples_are_python():
    for name, text in blocks(lang="python"):
        code = "\n".join(line for line in text.splitlines() if line.strip() != PLACEHOLDER)
        try:
            compile(code, name, "exec")
        except SyntaxError:
            compile("{\n" + code + "\n}", name, "eval")


def test_the_example_message_is_what_the_checker_says(tmp_path):
    from pelican.plugins.kalender.check import check_content  # noqa: PLC0415
    from pelican.plugins.content_check.runner import load_settings  # noqa: PLC0415

    [(_name, text)] = [b for b in blocks("fehler-beheben.md", "") if "Beginn:" in b[1]]
    example = text.splitlines()[0]
    git_init(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "kalender", content / "kalender")
    (content / "kalender" / "deutschkurs-abend.de.md").write_text(
        example_course().replace("Beginn: 2026-09-01 17:00", "Beginn: 2026-13-01 17:00") + "\n", encoding="utf-8")
    messages = [str(p) for p in check_content(str(content), load_settings(ROOT / "pelicanconf.py"))]
    assert any(message.startswith(example) for message in messages), (example, messages)


@lru_cache(maxsize=1)
def plugin_source() -> str:
    """The plugins' code with adjacent string literals joined and German quotes left out."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "plugins").rglob("*.py") if "tests" not in p.parts)
    return re.sub(r"[„“]", "", re.sub(r"\"\s*\n\s*f?\"", "", code))


def message_pattern(fragment: str) -> str:
    """A regex for a message as the guide quotes it: a number or date there may be an f-string field
    in the code (``{MAX_YEARS}``, ``{misread:%d.%m.%Y}``); every word must be there as written."""
    parts = re.split(r"\d[\d.]*\d|\d", fragment)
    return r"(?:\d[\d.]*|\{[^{}]*\})".join(re.escape(part) for part in parts)


def test_the_messages_in_the_troubleshooting_table_are_the_checkers_messages():
    """(The partner guide's message table is produced for real in plugins/pelican/plugins/partners/tests/test_validation.py.)"""
    text = (DOCS / "fehler-beheben.md").read_text(encoding="utf-8").split("## Häufige Meldungen", 1)[1].split("\n## ", 1)[0]
    rows = [row.split(" | ")[0].lstrip("| ") for row in text.splitlines() if row.startswith("| „")]
    assert len(rows) >= 8
    missing, checked = [], 0
    for row in rows:
        for fragment in re.split(r"[„“…()]", row):
            fragment = fragment.strip(" ,:")
            if len(fragment) > 8 and re.search(r"[^\W\d_]{3}", fragment):  # words, not a bare date
                checked += 1
                if not re.search(message_pattern(fragment), plugin_source()):
                    missing.append(f"{row}: {fragment!r}")
    assert not missing, "\n".join(missing)
    assert checked >= 15
