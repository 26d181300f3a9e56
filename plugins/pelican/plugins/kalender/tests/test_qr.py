"""QR codes: inline SVG without style attributes, with an accessible name, decodable size."""

from pelican.plugins.kalender.qr import qr_svg


def test_qr_svg_has_no_style_and_is_labelled():
    svg = str(qr_svg("https://example.org/kalender/feeds/alle.ics", 'QR-Code: "Alle" <Termine>'))
    assert "style" not in svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ')
    assert 'role="img"' in svg and 'aria-label="QR-Code: &#34;Alle&#34; &lt;Termine&gt;"' in svg
    assert "<title>QR-Code: &#34;Alle&#34; &lt;Termine&gt;</title>" in svg
    assert svg.count("<svg") == 1 and svg.endswith("</svg>") and "<path" in svg


def test_qr_size_grows_with_data():
    short = str(qr_svg("https://e.org/a.ics", "a"))
    long = str(qr_svg("https://example.org/kalender/feeds/kategorie-" + "x" * 80 + ".ics", "b"))
    def size(svg):
        return int(svg.split('viewBox="0 0 ')[1].split(" ")[0])
    assert size(long) > size(short) >= 21 + 8
