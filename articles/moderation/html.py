"""HTML input: the same plain text the article stores, plus where its links sit in that text.

The text comes from articles.text (the converter that also derives Article.body_text), so flag
spans on HTML input point into the same text the article stores. The rules also need the links'
hrefs (footnote links, links to PubMed, affiliate links): the same parse collects each anchor's
text and href, and the anchors are located in the converted text in document order.
"""

from articles.moderation.base import Link
from articles.text import html_to_text_and_links


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
