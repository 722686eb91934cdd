"""HTML input: the same plain text the article stores, plus where its links sit in that text.

The text comes from articles.text.html_to_text (the integrator's converter, which also derives
Article.body_text), so flag spans on HTML input point into the same text the article stores. That
converter drops hrefs; the rules need them (footnote links, links to PubMed, affiliate links), so
the anchors are collected here and located in the converted text in document order.
"""

import re
from html.parser import HTMLParser

from articles.moderation.base import Link

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SPACE_RE = re.compile(r"\s+")


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []
        self._sup = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append((dict(attrs).get("href") or "", []))
        elif tag == "sup":
            self._sup += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, parts = self._open.pop()
            text = _SPACE_RE.sub(" ", "".join(parts)).strip()
            if href and text:
                self.links.append((text, href))
        elif tag == "sup":
            self._sup = max(0, self._sup - 1)

    def handle_data(self, data):
        if self._open:
            if self._sup and re.fullmatch(r"[\d,\s\-–]+", data):
                data = data.translate(SUPERSCRIPT)
            self._open[-1][1].append(data)


def _plain(html: str) -> str:
    try:
        from articles.text import html_to_text
    except ImportError:  # the converter is the integrator's; a crude fallback keeps the engine usable
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
        text = re.sub(r"</?(p|div|br|li|h\d|tr|table|ul|ol|blockquote)\b[^>]*>", "\n", text, flags=re.I)
        import html as html_module

        return html_module.unescape(re.sub(r"<[^>]+>", "", text))
    return html_to_text(html)


def html_to_text_with_links(html: str) -> tuple[str, tuple[Link, ...]]:
    """(plain text, links with spans in that text)."""
    text = _plain(html or "")
    collector = _LinkCollector()
    collector.feed(html or "")
    collector.close()
    links = []
    pos = 0
    for anchor, href in collector.links:
        at = text.find(anchor, pos)
        if at == -1:
            continue
        links.append(Link(at, at + len(anchor), href))
        pos = at + len(anchor)
    return text, tuple(links)
