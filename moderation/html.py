"""HTML to plain text: the one converter for the article's stored text, search and the flag rules.

Block elements become line breaks so sentences and list items stay apart; superscript digits
become Unicode superscripts (¹²³) so a pasted footnote number is still recognisable as a citation
in the text. Citation markers ([[cite:...]]) are plain text and pass through unchanged. The rules
also need the links' hrefs (footnote links, links to PubMed, affiliate links): the same parse
collects each anchor's text and href, and `html_to_text_with_links` locates the anchors in the
converted text, so flag spans on HTML input point into the same text the article stores.
"""

import html
import re
from html.parser import HTMLParser

from moderation.base import Link

BLOCK_TAGS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "hr",
    "table", "tr", "caption", "figure", "figcaption", "dl", "dt", "dd", "section", "article", "header",
    "footer", "aside", "nav", "main",
}
CELL_TAGS = {"td", "th"}
SKIP_TAGS = {"script", "style", "template", "noscript", "head", "title"}
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SPACE_RE = re.compile(r"\s+")
_INLINE_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0
        self.sup = 0
        self.links: list[tuple[str, str]] = []  # (anchor text, href) of each link, in document order
        self._open_links: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open_links.append((dict(attrs).get("href") or "", []))
        elif tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")
        elif tag in CELL_TAGS:
            self.parts.append(" | ")
        elif tag == "sup":
            self.sup += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._open_links:
            href, parts = self._open_links.pop()
            anchor = _SPACE_RE.sub(" ", "".join(parts)).strip()
            if href and anchor:
                self.links.append((anchor, href))
        elif tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "sup":
            self.sup = max(0, self.sup - 1)

    def handle_data(self, data):
        if self.skip:
            return
        if self.sup and re.fullmatch(r"[\d,\s\-–]+", data):
            data = data.translate(SUPERSCRIPT)
        self.parts.append(data)
        if self._open_links:
            self._open_links[-1][1].append(data)


def html_to_text(value):
    """Readable plain text from HTML (whitespace collapsed within lines, blank lines between blocks)."""
    return html_to_text_and_links(value)[0]


def html_to_text_and_links(value):
    """(html_to_text(value), [(anchor text, href), ...]) from one parse: the flag rules need the
    links (footnotes, sources, affiliate links) of the same text."""
    if not value:
        return "", []
    parser = _TextExtractor()
    parser.feed(value)
    parser.close()
    # One pass over the whole text: the runs it collapses never contain a line break.
    text = _INLINE_SPACE_RE.sub(" ", html.unescape("".join(parser.parts)))
    lines = [line.strip() for line in text.split("\n")]
    out, blank = [], False
    for line in lines:
        if line:
            if blank and out:
                out.append("")
            out.append(line)
            blank = False
        else:
            blank = True
    return "\n".join(out), parser.links


def html_to_text_with_links(html: str) -> tuple[str, tuple[Link, ...]]:
    """(plain text, links with spans in that text)."""
    text, anchors = html_to_text_and_links(html or "")
    links = []
    pos = 0
    for anchor, href in anchors:
        at = text.find(anchor, pos)
        if at == -1:
            continue
        links.append(Link(at, at + len(anchor), href))
        pos = at + len(anchor)
    return text, tuple(links)
