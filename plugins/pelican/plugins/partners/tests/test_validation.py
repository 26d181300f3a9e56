"""Partner files with mistakes: every problem is reported at once, as documented in docs/partner-felder.md."""

import pytest

from pelican.plugins.partners.fields import MAX_LOGO_BYTES
from pelican.plugins.partners.logo import LogoError, logo_size
from pelican.plugins.partners.problems import PartnerContentError

from .conftest import SVG_LOGO, VALID, jpeg_bytes, png_bytes

DOC = (__import__("pathlib").Path(__file__).resolve().parents[5] / "docs" / "partner-felder.md").read_text(
    encoding="utf-8")


def messages(site):
    return [str(p) for p in site.check()]


def test_valid_partner_has_no_problems(site):
    site.partner("amt.de.md", VALID.format(slug="amt"))
    assert site.check() == []


@pytest.mark.parametrize("url", ["ftp://example.org/amt", "javascript:alert(1)", "www.example.org", "mailto:a@b.de"])
def test_website_with_other_scheme_names_file_line_field_value_and_fix(site, url):
    site.partner("amt.de.md", VALID.format(slug="amt").replace("https://www.example.org/amt", url))
    assert messages(site) == [
        f"content/partner/amt.de.md:5: Website: „{url}“ ist keine Web-Adresse mit http:// oder https:// "
        "— die vollständige Adresse eintragen, z. B. https://www.beispiel.de"
    ]


def test_website_without_host_is_rejected(site):
    site.partner("amt.de.md", VALID.format(slug="amt").replace("https://www.example.org/amt", "https://"))
    assert messages(site) == [
        "content/partner/amt.de.md:5: Website: „https://“ ist keine vollständige Web-Adresse "
        "— die Adresse aus dem Browser kopieren, z. B. https://www.beispiel.de"
    ]


def test_logo_without_alt_text(site):
    site.logo("amt.svg", SVG_LOGO)
    site.partner("amt.de.md", VALID.format(slug="amt").replace("Summary:", "Logo: images/partner/amt.svg\nSummary:"))
    assert messages(site) == [
        "content/partner/amt.de.md:6: Logo-Alt: fehlt: zu jedem Logo gehört ein Alternativtext "
        "— unter „Logo:“ eine Zeile „Logo-Alt: Logo von <Name des Partners>“ schreiben"
    ]


def test_oversized_logo_names_size_limit_and_fix(site):
    site.logo("gross.png", png_bytes(10, 10, pad_to=MAX_LOGO_BYTES + 1))
    site.partner("amt.de.md", VALID.format(slug="amt").replace(
        "Summary:", "Logo: images/partner/gross.png\nLogo-Alt: Logo der Stadt\nSummary:"))
    assert messages(site) == [
        f"content/partner/amt.de.md:6: Logo: content/images/partner/gross.png ist 50 KB groß "
        f"({MAX_LOGO_BYTES + 1} Bytes); erlaubt sind höchstens 50 KB — das Logo verkleinern, z. B. als SVG "
        "oder als PNG mit höchstens 400 Pixel Breite, und neu hochladen"
    ]


def test_logo_of_exactly_50_kb_is_accepted(site):
    site.logo("genau.png", png_bytes(10, 10, pad_to=MAX_LOGO_BYTES))
    assert (site.content / "images/partner/genau.png").stat().st_size == MAX_LOGO_BYTES
    site.partner("amt.de.md", VALID.format(slug="amt").replace(
        "Summary:", "Logo: images/partner/genau.png\nLogo-Alt: Logo der Stadt\nSummary:"))
    assert site.check() == []


def test_unknown_category(site):
    site.partner("amt.de.md", VALID.format(slug="amt").replace("behoerden", "sport"))
    assert messages(site) == [
        "content/partner/amt.de.md:4: Kategorie: „sport“ ist keine bekannte Kategorie — genau eine davon "
        "eintragen: behoerden, vereine, kirchen, bildung, gesundheit, sport-kultur"
    ]


def _bad_scheme(site):
    site.partner("amt.de.md", VALID.format(slug="amt").replace("https://www.example.org/amt", "ftp://x"))


def _missing_alt(site):
    site.logo("amt.svg", SVG_LOGO)
    site.partner("amt.de.md", VALID.format(slug="amt").replace("Summary:", "Logo: images/partner/amt.svg\nSummary:"))


def _oversized(site):
    site.logo("gross.png", png_bytes(10, 10, pad_to=3 * MAX_LOGO_BYTES))
    site.partner("amt.de.md", VALID.format(slug="amt").replace(
        "Summary:", "Logo: images/partner/gross.png\nLogo-Alt: Logo\nSummary:"))


def _unknown_category(site):
    site.partner("amt.de.md", VALID.format(slug="amt").replace("behoerden", "sport"))


@pytest.mark.parametrize(("make", "field", "documented"), [
    (_bad_scheme, "Website", "ist keine Web-Adresse mit http:// oder https://"),
    (_missing_alt, "Logo-Alt", "fehlt: zu jedem Logo gehört ein Alternativtext"),
    (_oversized, "Logo", "erlaubt sind höchstens 50 KB"),
    (_unknown_category, "Kategorie", "ist keine bekannte Kategorie"),
])
def test_messages_are_the_documented_ones(site, make, field, documented):
    """docs/partner-felder.md quotes the messages volunteers will see; they must stay in step."""
    make(site)
    (problem,) = site.check()
    assert problem.path == "content/partner/amt.de.md" and problem.field == field
    assert documented in str(problem)
    assert f"{field}: " in DOC and documented in DOC


def test_all_problems_of_all_files_at_once(site):
    site.partner("a.de.md", """
        Title: A
        Slug: a
        Lang: de
        Kategorie: sport
        Website: ftp://example.org
        Logo: images/partner/fehlt.svg
        Beispiel: vielleicht
        Summary: Ein Partner.

        Text.
        """)
    site.partner("b.de.md", "Title: B\nSlug: b\nLang: de\nKategorie: vereine\nSummary:\n\n")
    found = [(p.path, p.line, p.field) for p in site.check()]
    assert found == [
        ("content/partner/a.de.md", 4, "Kategorie"),
        ("content/partner/a.de.md", 5, "Website"),
        ("content/partner/a.de.md", 6, "Logo"),
        ("content/partner/a.de.md", 6, "Logo-Alt"),
        ("content/partner/a.de.md", 7, "Beispiel"),
        ("content/partner/b.de.md", 5, "Summary"),
        ("content/partner/b.de.md", 7, "Text"),
    ]


def test_build_fails_with_every_problem_listed(site):
    site.partner("amt.de.md", VALID.format(slug="amt").replace("https://www.example.org/amt", "ftp://x")
                 .replace("behoerden", "sport"))
    with pytest.raises(PartnerContentError) as raised:
        site.build()
    text = str(raised.value)
    assert "Das Partnerverzeichnis hat 2 Fehler" in text
    assert "content/partner/amt.de.md:4: Kategorie: „sport“" in text
    assert "content/partner/amt.de.md:5: Website: „ftp://x“" in text
    assert not (site.root / "out" / "partner" / "index.html").exists()


def test_logo_must_be_in_the_partner_image_folder_and_exist(site):
    site.partner("a.de.md", VALID.format(slug="a").replace(
        "Summary:", "Logo: https://example.org/logo.png\nLogo-Alt: Logo\nSummary:"))
    site.partner("b.de.md", VALID.format(slug="b").replace(
        "Summary:", "Logo: images/partner/Logo.svg\nLogo-Alt: Logo\nSummary:"))
    found = messages(site)
    assert found[0].startswith("content/partner/a.de.md:6: Logo: „https://example.org/logo.png“ liegt nicht im "
                               "Ordner content/images/partner/")
    assert found[1].startswith("content/partner/b.de.md:6: Logo: die Datei content/images/partner/Logo.svg gibt es nicht")
    assert len(found) == 2


def test_svg_logo_with_script_or_external_reference_is_rejected(site):
    site.logo("skript.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>x()</script></svg>')
    site.logo("fremd.svg", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
              'viewBox="0 0 1 1"><image xlink:href="https://cdn.example.com/x.png"/></svg>')
    for slug, name in (("a", "skript.svg"), ("b", "fremd.svg")):
        site.partner(f"{slug}.de.md", VALID.format(slug=slug).replace(
            "Summary:", f"Logo: images/partner/{name}\nLogo-Alt: Logo\nSummary:"))
    found = messages(site)
    assert "enthält ein <script>-Element" in found[0]
    assert "lädt eine andere Datei nach (https://cdn.example.com/x.png)" in found[1]


def test_alt_text_without_logo_is_reported(site):
    site.partner("a.de.md", VALID.format(slug="a").replace("Summary:", "Logo-Alt: Logo\nSummary:"))
    assert messages(site) == ["content/partner/a.de.md:6: Logo-Alt: steht in der Datei, aber es gibt kein Logo "
                              "— eine Zeile „Logo: images/partner/<datei>“ ergänzen oder die Zeile Logo-Alt löschen"]


def test_typo_in_field_name_broken_header_line_and_field_after_blank_line(site):
    site.partner("a.de.md", VALID.format(slug="a").replace("Website:", "Webseite:"))
    site.partner("b.de.md", VALID.format(slug="b").replace("Website:", "Web site:"))
    site.partner("c.de.md", VALID.format(slug="c").replace("Summary: Eine Behörde.\n", "\nSummary: Eine Behörde.\n"))
    found = messages(site)
    assert "content/partner/a.de.md:5: Webseite: ist kein Feld für Partner" in found[0]
    assert any(m.startswith("content/partner/b.de.md:5: Kopfzeilen: „Web site: https://www.example.org/amt“ hat "
                            "nicht die Form „Feld: Wert“") for m in found)
    assert any(m.startswith("content/partner/c.de.md:7: Summary: steht nach der Leerzeile") for m in found)


def test_slug_and_language_must_match_the_file_name(site):
    site.partner("amt.de.md", VALID.format(slug="stadt"))
    site.partner("amt.en.md", VALID.format(slug="amt"))
    found = messages(site)
    assert found[0].startswith("content/partner/amt.de.md:2: Slug: „stadt“ passt nicht zum Dateinamen amt.de.md")
    assert found[1].startswith("content/partner/amt.en.md:3: Lang: „de“ passt nicht zum Dateinamen amt.en.md")


def test_translation_without_german_version_and_with_other_category(site):
    site.partner("a.en.md", VALID.format(slug="a").replace("Lang: de", "Lang: en"))
    site.partner("b.de.md", VALID.format(slug="b"))
    site.partner("b.en.md", VALID.format(slug="b").replace("Lang: de", "Lang: en").replace("behoerden", "vereine"))
    found = messages(site)
    assert found == [
        "content/partner/a.en.md:2: Slug: zu „a“ gibt es keine deutsche Fassung — die Datei "
        "content/partner/a.de.md anlegen; sie wird gezeigt, wo eine Übersetzung fehlt",
        "content/partner/b.en.md:4: Kategorie: „vereine“, in der deutschen Fassung steht „behoerden“ "
        "— in allen Sprachen dieselbe Kategorie eintragen",
    ]


def test_other_files_in_the_partner_folder_are_reported_not_skipped(site):
    site.partner("a.de.md", VALID.format(slug="a"))
    site.write("partner/logo.png", "x")
    assert messages(site) == ["content/partner/logo.png: Datei: ist keine Markdown-Datei (.md) und wird nicht "
                              "gelesen — als <slug>.<sprache>.md speichern; Logos gehören nach content/images/partner/"]


@pytest.mark.parametrize(("data", "suffix", "size"), [
    (SVG_LOGO, ".svg", (160, 80)),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="48px" height="24"/>', ".svg", (48, 24)),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 30 10"/>', ".svg", (30, 10)),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="60" viewBox="0 0 30 10"/>', ".svg", (60, 20)),
    (png_bytes(7, 3), ".png", (7, 3)),
    (jpeg_bytes(640, 480), ".jpg", (640, 480)),
])
def test_logo_size_is_read_from_the_file(data, suffix, size):
    found = logo_size(data.encode() if isinstance(data, str) else data, suffix)
    assert (found.width, found.height) == size


@pytest.mark.parametrize(("data", "suffix", "text"), [
    (b"GIF89a", ".gif", "Dateityp .gif wird nicht unterstützt"),
    (b"not a png", ".png", "kein gültiges PNG-Bild"),
    (b"\xff\xd8\xff\xd9", ".jpeg", "kein gültiges JPEG-Bild"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"/>', ".svg", "nennt keine Größe"),
    (b"<html/>", ".svg", "kein SVG-Bild"),
])
def test_unreadable_logo_files_say_why(data, suffix, text):
    with pytest.raises(LogoError) as raised:
        logo_size(data, suffix)
    assert text in raised.value.message


def test_a_broken_german_file_is_not_also_reported_as_missing(site):
    site.partner("a.de.md", VALID.format(slug="a").replace("behoerden", "amt"))
    site.partner("a.en.md", VALID.format(slug="a").replace("Lang: de", "Lang: en"))
    assert [(p.path, p.field) for p in site.check()] == [("content/partner/a.de.md", "Kategorie")]
