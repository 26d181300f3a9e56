"""CI workflows and the volunteer guide: the promises the guide makes are in the files."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = [ROOT / ".github" / "workflows" / "site.yml", ROOT / ".forgejo" / "workflows" / "site.yml"]


def test_workflows_check_prs_deploy_main_and_rebuild_nightly_with_checkout_only():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"^  pull_request:", text, re.M), path
        assert re.search(r"^  push:\n    branches: \[main\]", text, re.M), path
        assert re.search(r'^  schedule:\n    - cron: "[0-9]+ [0-9]+ \* \* \*"', text, re.M), path
        # Full history: the calendar derives SEQUENCE and DTSTAMP from it (a shallow clone is an error).
        assert re.findall(r"uses: \S+\n\s+with:\n\s+fetch-depth: 0\b", text) and text.count("fetch-depth: 0") == text.count("uses: "), path
        uses = re.findall(r"uses: (\S+)", text)
        assert uses and all(u.split("/")[-2:] == ["actions", "checkout@v4"] or u.endswith("actions/checkout@v4")
                            for u in uses), uses
        secrets = set(re.findall(r"secrets\.([A-Z_]+)", text))
        assert secrets == {"DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS"}, secrets
        check_job = text.split("\n  deploy:")[0]
        assert "run: make check" in check_job and "run: .ci/run" in check_job and "secrets." not in check_job
        # The content check comes first and needs only Python: no browser is installed before it.
        assert check_job.index("run: make check") < check_job.index("run: .ci/run"), path
        assert "tools-only" not in check_job, path
        assert "make publish" in text.split("\n  deploy:")[1]


def test_every_relative_link_in_the_guide_resolves():
    broken = []
    for doc in sorted((ROOT / "docs").glob("*.md")):
        # Markdown examples in code (`[Kontakt]({filename}/…)`) are no links of the guide.
        text = re.sub(r"```.*?```|`[^`\n]*`|<code>.*?</code>", "", doc.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if re.match(r"^[a-z]+:", target):
                continue
            if not (doc.parent / target).resolve().exists():
                broken.append(f"{doc.name}: {target}")
    assert not broken, broken


def test_guide_covers_every_task_and_the_deploy_key():
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    for needle in ("invoke new", "invoke cancel", "invoke move", "invoke translations-status", "make check",
                   "make serve", "make publish", "DEPLOY_SSH_KEY", "authorized_keys", "i18n-init --lang",
                   "ORGANIZATION", "kalender-felder.md", "partner-felder.md"):
        assert needle in text, needle
