"""`make bench`: build a synthetic multilingual site with our plugins and with stock Pelican.

    python tools/bench.py [--n 1000] [--languages 3] [--repeat 1]

N articles and pages (80 % news, 20 % pages), each translated into L languages,
about 4 KB of Markdown each, with categories and tags. Prints per-phase times,
time in our plugins, peak memory, output bytes, the largest text page, a warm
rebuild after touching one file (content cache on), the warm rebuild of the
real site, and the preview's rebuild after saving one calendar file of the real
site (what `make serve` does: check, then build; target: under 1 s).
The last line is the summary the issue asks for.

    python tools/bench.py --preview-only     # just the preview measurement
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import runpy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench-site"
WORDS = ("integration sprache garten kurs nachbarschaft begegnung beratung verein plauen vogtland "
         "deutsch lernen feiern musik sport familie kinder zukunft hilfe selbsthilfe zentrum "
         "ehrenamt treffen woche abend termin gespräch kultur gemeinschaft arbeit gesundheit").split()
CATEGORIES = ["Deutschkurse", "Refugee-Garden", "Begegnung", "Verein"]
TAGS = ["sprachcafe", "garten", "kurs", "fest", "musik", "sport", "beratung", "familie"]


def paragraph(rng, words=60):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng, size=4000):
    parts, length = [], 0
    while length < size:
        block = rng.choice(["p", "p", "p", "h2", "list"])
        if block == "h2":
            chunk = "## " + paragraph(rng, 4)
        elif block == "list":
            chunk = "\n".join(f"- {paragraph(rng, 8)}" for _ in range(4))
        else:
            chunk = paragraph(rng)
        parts.append(chunk)
        length += len(chunk) + 2
    return "\n\n".join(parts) + "\n"


def generate(n, languages, target):
    """Write the synthetic content; returns the number of files."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "news").mkdir(parents=True)
    (target / "pages").mkdir()
    rng = random.Random(20261124)
    files = 0
    for i in range(n):
        is_news = i % 5 != 0
        slug = f"{'nachricht' if is_news else 'seite'}-{i:05d}"
        text = body(rng)
        for lang in languages:
            meta = [f"Title: {paragraph(rng, 5)[:-1]}", f"Slug: {slug}", f"Lang: {lang}",
                    f"Summary: {paragraph(rng, 20)}"]
            if is_news:
                day = 1 + i % 28
                meta += [f"Date: 2026-{1 + i % 12:02d}-{day:02d} 10:00", f"Category: {rng.choice(CATEGORIES)}",
                         f"Tags: {', '.join(rng.sample(TAGS, 3))}"]
            folder = "news" if is_news else "pages"
            (target / folder / f"{slug}.{lang}.md").write_text("\n".join(meta) + "\n\n" + text, encoding="utf-8")
            files += 1
    # The theme needs the site's required pages (legal pages, home intro): take the real ones.
    for page in (ROOT / "content" / "pages").glob("*.md"):
        if page.suffixes[-2].lstrip(".") not in languages:
            continue
        # without Template:, so stock Pelican's theme can render them too
        text = "".join(line for line in page.read_text(encoding="utf-8").splitlines(keepends=True)
                       if not line.startswith("Template:"))
        (target / "pages" / page.name).write_text(text, encoding="utf-8")
        files += 1
    shutil.copytree(ROOT / "content" / "extra", target / "extra")
    return files


WEEKDAYS = ["Mo", "Di", "Mi", "Do", "Fr", "Sa"]


def real_calendar_body_size():
    """Mean length of the text of the real German calendar entries: bench entries are as long."""
    sizes = []
    for path in (ROOT / "content" / "kalender").glob("*.de.md"):
        text = path.read_text(encoding="utf-8")
        sizes.append(len(text.split("\n\n", 1)[1]) if "\n\n" in text else 0)
    return int(sum(sizes) / len(sizes)) if sizes else 400


def generate_calendar(entries, languages, target, body_size=None):
    """``entries`` calendar entries, every tenth a weekly series over a year, each in every language.

    Their text is as long as the real entries' on average (``body_size``), unless given.
    """
    body_size = body_size or real_calendar_body_size()
    folder = target / "kalender"
    folder.mkdir(parents=True)
    venues = ["zentrum", "garten", "saal"]
    categories = ["sprache", "garten", "begegnung", "beratung"]
    (folder / "orte.toml").write_text("".join(
        f'[{key}]\nname = "Ort {key}"\nadresse = "Musterweg {n}, Plauen"\nlat = 50.49\nlon = 12.13\n\n'
        for n, key in enumerate(venues, start=1)), encoding="utf-8")
    (folder / "kategorien.toml").write_text("".join(
        f'[{key}]\n' + "".join(f'{lang} = "{key} ({lang})"\n' for lang in languages) + "\n"
        for key in categories), encoding="utf-8")
    rng = random.Random(4711)
    files = 0
    for i in range(entries):
        slug = f"termin-{i:05d}"
        day = 1 + i % 28
        month = 1 + i % 12
        fields = [f"Beginn: 2027-{month:02d}-{day:02d} {10 + i % 9}:00", f"Ende: {11 + i % 9}:30",
                  f"Ort: {venues[i % len(venues)]}", f"Kategorie: {categories[i % len(categories)]}"]
        if i % 10 == 0:
            fields = [f"Beginn: 2027-01-{4 + i % 6:02d} 17:00", "Ende: 19:00",
                      f"Wiederholung: wöchentlich {WEEKDAYS[i % 6]} bis 2027-12-20", "Feiertage: überspringen",
                      *fields[2:]]
            kind = "kurs"
        else:
            kind = "veranstaltung"
        text = body(rng, body_size)
        for lang in languages:
            meta = [f"Title: {paragraph(rng, 4)[:-1]}", f"Slug: {slug}", f"Lang: {lang}",
                    f"Summary: {paragraph(rng, 15)}"]
            if lang == languages[0]:
                meta += [f"Art: {kind}", *fields]
            (folder / f"{slug}.{lang}.md").write_text("\n".join(meta) + "\n\n" + text, encoding="utf-8")
            files += 1
    return files


def build(settings, content, output, overrides):
    shutil.rmtree(output, ignore_errors=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795000000", PYTHONHASHSEED="0")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bench_build.py"), str(settings), str(content), str(output),
         json.dumps(overrides)],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )
    if proc.returncode != 0:
        sys.exit(f"bench: build failed ({settings}):\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def output_stats(output):
    total = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    css = sum(p.stat().st_size for p in (output / "theme").rglob("*.css")) if (output / "theme").exists() else 0
    largest = max(((p.stat().st_size + css, p) for p in output.rglob("*.html")), default=(0, None))
    return total, largest


def warm_rebuild(settings, content, output, overrides, touch):
    cached = dict(overrides, LOAD_CONTENT_CACHE=True, CACHE_CONTENT=True, CACHE_PATH=str(WORK / "cache"))
    shutil.rmtree(WORK / "cache", ignore_errors=True)
    build(settings, content, output, cached)
    touch.write_text(touch.read_text(encoding="utf-8") + "\nNoch ein Satz.\n", encoding="utf-8")
    return build(settings, content, output, cached)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="articles and pages (default 1000)")
    parser.add_argument("--languages", type=int, default=3, help="languages per item, 1–6 (default 3)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per variant; the fastest counts")
    parser.add_argument("--entries", type=int, default=1000, help="calendar entries (default 1000, 10 %% series)")
    parser.add_argument("--entry-text", type=int, default=0,
                        help="characters of text per calendar entry (default: the real entries' mean)")
    parser.add_argument("--preview-only", action="store_true", help="only the preview rebuild of the real site")
    args = parser.parse_args()
    if args.preview_only:
        print(preview_line(preview_rebuild_real_site(args.repeat)))
        return

    site_languages = runpy.run_path(str(ROOT / "pelicanconf.py"))["LANGUAGES"]
    languages = list(site_languages)[: args.languages]
    content = WORK / "content"
    files = generate(args.n, languages, content)
    ours_overrides = {"LANGUAGES": {c: site_languages[c] for c in languages}}
    plain_overrides = {"PLUGINS": [], "THEME": "notmyidea", "JINJA_ENVIRONMENT": {}, "LANGUAGES": {}}
    settings = ROOT / "pelicanconf.py"

    def best(overrides, output):
        return min((build(settings, content, WORK / output, overrides) for _ in range(args.repeat)),
                   key=lambda r: r["total"])

    # 1. The multilingual site against stock Pelican on the same files.
    ours = best(ours_overrides, "out-ours")
    plain = best(plain_overrides, "out-plain")
    total_bytes, (largest_bytes, largest_page) = output_stats(WORK / "out-ours")
    warm = warm_rebuild(settings, content, WORK / "out-ours", ours_overrides, next((content / "news").glob("*.md")))
    print(f"content: {files} Markdown files ({args.n} items × {len(languages)} languages: {', '.join(languages)})")
    print(f"ours : total {ours['total']:.2f} s | read {ours['read']:.2f} s | write {ours['write']:.2f} s | "
          f"our plugins {ours['plugins']:.2f} s ({100 * ours['plugins'] / ours['total']:.1f} %) | "
          f"peak {ours['peak_mb']:.0f} MB")
    print(f"plain: total {plain['total']:.2f} s | read {plain['read']:.2f} s | write {plain['write']:.2f} s | "
          f"peak {plain['peak_mb']:.0f} MB   (stock Pelican, stock theme, no plugins)")
    print(f"output: {total_bytes / 1e6:.1f} MB; largest page with CSS: {largest_bytes / 1024:.1f} KB "
          f"({largest_page.relative_to(WORK / 'out-ours') if largest_page else '-'})")
    print(f"warm rebuild after touching one file (content cache on): {warm['total']:.2f} s")

    # 2. The same site plus calendar entries: the calendar plugin's share, and its growth.
    if args.entries:
        small = max(1, args.entries // 10)
        generate_calendar(small, languages, content, args.entry_text)
        few = best(ours_overrides, "out-calendar")
        shutil.rmtree(content / "kalender")
        calendar_files = generate_calendar(args.entries, languages, content, args.entry_text)
        many = best(ours_overrides, "out-calendar")
        print(f"with {args.entries} calendar entries ({calendar_files} files, every tenth a weekly series, "
              f"{args.entry_text or real_calendar_body_size()} characters of text each): "
              f"build {many['total']:.2f} s; calendar plugin in all {many['calendar']:.2f} s = "
              f"{100 * many['calendar'] / many['total']:.1f} %, of which Pelican reading its Markdown "
              f"{many['calendar_pelican_read']:.2f} s and rendering/writing its pages "
              f"{many['calendar_pelican_write']:.2f} s; the plugin's own code {many['calendar_own']:.2f} s = "
              f"{100 * many['calendar_own'] / many['total']:.1f} % (feeds {many['calendar_feeds']:.2f} s)")
        print(f"calendar growth: {small} → {args.entries} entries, plugin time in all {few['calendar']:.2f} s → "
              f"{many['calendar']:.2f} s (× {many['calendar'] / few['calendar']:.1f}), own code "
              f"{few['calendar_own']:.2f} s → {many['calendar_own']:.2f} s "
              f"(× {many['calendar_own'] / max(few['calendar_own'], 1e-9):.1f}) for × {args.entries // small} entries")
        shutil.rmtree(content / "kalender")

    real_warm = warm_rebuild_real_site()
    print(f"warm rebuild of the real site after touching one file: {real_warm['total']:.2f} s")
    print(preview_line(preview_rebuild_real_site(args.repeat)))
    print(f"bench: {files} files, {len(languages)} languages, build {ours['total']:.2f} s, "
          f"plain {plain['total']:.2f} s, ratio {ours['total'] / plain['total']:.2f}")


def warm_rebuild_real_site():
    """The real content, copied, built twice with the cache on, one page touched in between."""
    content = WORK / "real-content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(ROOT / "content", content)
    touch = sorted((content / "pages").glob("*.de.md"))[0]
    return warm_rebuild(ROOT / "pelicanconf.py", content, WORK / "out-real", {}, touch)


def preview_rebuild_real_site(repeat: int = 1):
    """``make serve``'s rebuild after saving one calendar file of the real site (check + build).

    A copy of the real content in its own git repository (the calendar numbers its changes from
    the history); the preview builds once, then a session is cancelled in one file, unsaved in git,
    and the preview builds again. The fastest of ``repeat`` rebuilds counts.
    """
    from pelican.plugins.preview.builder import PreviewBuilder  # noqa: PLC0415
    from pelican.plugins.community_core.testing import commit_all, git_init  # noqa: PLC0415

    root = WORK / "preview"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(ROOT / "content", root / "content")
    git_init(root)
    commit_all(root, "Inhalt", 1795000000)
    builder = PreviewBuilder(ROOT, ROOT / "pelicanconf.py", root / "content", root / "work")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795000000")
    first = builder.build()
    if not first.ok:
        sys.exit("bench: the preview of the real site fails:\n" + "\n".join(first.errors))
    entry = root / "content" / "kalender" / "deutschkurs-einstieg.de.md"
    original = entry.read_text(encoding="utf-8")
    results = []
    for number in range(max(1, repeat)):
        day = ("2027-01-18", "2027-01-20", "2027-01-25")[number % 3]  # a Monday, Wednesday, Monday of the course
        entry.write_text(original.replace("Ort: zentrum\n", f"Ausfall: {day} - Die Kursleitung ist krank.\n"
                                          "Ort: zentrum\n", 1), encoding="utf-8")
        result = builder.build()
        if not result.ok:
            sys.exit("bench: the preview rebuild fails:\n" + "\n".join(result.errors))
        results.append(result)
    return min(results, key=lambda r: r.seconds)


def preview_line(result) -> str:
    return (f"preview rebuild of the real site after saving one calendar file (make serve): {result.seconds:.2f} s "
            f"(the content check, {result.check_seconds:.2f} s, runs while the build process builds; target under 1 s)")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
