"""sitemap.xml: every HTML page written in this run, with its hreflang alternates."""

import os
from xml.etree import ElementTree as ET

from .urls import absolute_url, alternates_of

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


class SitemapCollector:
    """Collects written pages through Pelican's ``content_written`` signal."""

    def __init__(self, output_path, languages, settings):
        self.output_path = os.path.abspath(output_path)
        self.languages = languages
        self.settings = settings
        self.pages = {}

    def record(self, path, context):
        if not path.endswith(".html") or os.path.basename(path) == "404.html" or context.get("noindex"):
            return  # a page written with noindex=True (the embed for partner sites) is not for search engines
        rel = os.path.relpath(os.path.abspath(path), self.output_path).replace(os.sep, "/")
        url = rel.removesuffix("index.html")
        self.pages[url] = dict(alternates_of(context, self.languages))

    def write(self):
        ET.register_namespace("", SITEMAP_NS)
        ET.register_namespace("xhtml", XHTML_NS)
        urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        default = self.settings["DEFAULT_LANG"]
        for url in sorted(self.pages):
            node = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(node, f"{{{SITEMAP_NS}}}loc").text = absolute_url(self.settings, url)
            alternates = self.pages[url]
            for code, alt in alternates.items():
                ET.SubElement(node, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=code,
                              href=absolute_url(self.settings, alt))
            if alternates:
                fallback = alternates.get(default) or next(iter(alternates.values()))
                ET.SubElement(node, f"{{{XHTML_NS}}}link", rel="alternate", hreflang="x-default",
                              href=absolute_url(self.settings, fallback))
        ET.indent(urlset)
        target = os.path.join(self.output_path, "sitemap.xml")
        ET.ElementTree(urlset).write(target, encoding="utf-8", xml_declaration=True)
