"""Lighthouse audit of the built site (`make audit`; about 10-20 s a page, so not part of `make test`).

Scores accessibility, best practices and SEO for the home page, a calendar entry page and the
course schedule, in German and Arabic, with Debian's Chromium. Reports land in
output-test/lighthouse/ (JSON and HTML); a summary is printed. Run: python -m tests.quality.audit
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .builtsite import (
    CHROMIUM,
    INSTALL_HINTS,
    NODE_MODULES,
    ROOT,
    StaticServer,
    page_samples,
    site_dir,
    url_for,
)

LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
REPORT_DIR = ROOT / "output-test" / "lighthouse"
CATEGORIES = ["accessibility", "best-practices", "seo"]
KINDS = [("home", "home"), ("calendar-entry", "entry"), ("calendar-kurse", "kurse")]
AUDIT_LANGUAGES = ["de", "ar"]
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")


def _missing_tools() -> list[str]:
    problems = []
    if not CHROMIUM.exists():
        problems.append(INSTALL_HINTS["chromium"])
    if not LIGHTHOUSE.exists():
        problems.append("Lighthouse is missing: npm ci --ignore-scripts  (with dev dependencies, i.e. without --omit=dev)")
    if not (site_dir() / "index.html").is_file():
        problems.append(INSTALL_HINTS["site"])
    return problems


def _run(url: str, name: str) -> dict:
    """One Lighthouse run; returns {category: score} plus the audits that did not pass."""
    base = REPORT_DIR / name
    command = [str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
               f"--only-categories={','.join(CATEGORIES)}", "--output=json", "--output=html",
               f"--output-path={base}", "--no-enable-error-reporting", "--form-factor=mobile"]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
                            capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    report_file = base.with_name(base.name + ".report.json")
    if result.returncode != 0 or not report_file.exists():
        return {"error": (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]}
    report = json.loads(report_file.read_text(encoding="utf-8"))
    scores = {key: report["categories"][key]["score"] for key in CATEGORIES}
    failing = sorted(
        f"{key}: {audit['title']}"
        for key, audit in report["audits"].items()
        if audit.get("scoreDisplayMode") in ("binary", "numeric") and (audit.get("score") or 0) < 1
    )
    return {"scores": scores, "failing": failing, "report": str(base.with_name(base.name + ".report.html"))}


def main() -> int:
    problems = _missing_tools()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    samples = page_samples()
    exit_code = 0
    with StaticServer(site_dir()) as server:
        for kind, short in KINDS:
            for lang in AUDIT_LANGUAGES:
                path = samples.get((kind, lang))
                label = f"{short}-{lang}"
                if path is None:
                    print(f"{label:10} no page of kind '{kind}' in '{lang}' in the built site")
                    exit_code = 1
                    continue
                result = _run(server.url + url_for(path), label)
                if "error" in result:
                    print(f"{label:10} {url_for(path)}: Lighthouse failed: {result['error'][0]}")
                    exit_code = 1
                    continue
                scores = "  ".join(f"{key} {round(value * 100) if value is not None else '-':>3}"
                                   for key, value in result["scores"].items())
                print(f"{label:10} {scores}  {url_for(path)}")
                for line in result["failing"]:
                    print(f"{'':10}   not passed: {line}")
    print(f"Reports: {REPORT_DIR.relative_to(ROOT)}/")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
