"""Render an article's plain text with flagged spans and claims highlighted (pure, escaped)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.citations import MARKER_RE, cited_in_marker, index_sources


def _citation_labels(numbered_sources):
    """A function turning a citation marker's content ("pmid:123; doi:10.1/x") into the reader's
    numbers, "[1, 3]", with the sources' titles on hover; a source not listed reads "?"."""
    index = index_sources(numbered_sources)

    def label(content):
        cited = cited_in_marker(content, index)
        numbers = ", ".join(str(c[0]) if c else "?" for c in cited)
        titles = "; ".join(c[1].title if c else f"not found: {content}" for c in cited)
        return f'<sup class="cite" title="{escape(titles)}">[{numbers}]</sup>'

    return label


def _escape_with_citations(piece, label):
    if label is None or "[[" not in piece:
        return escape(piece)
    parts = MARKER_RE.split(piece)  # text, marker content, text, ...
    return "".join(escape(part) if i % 2 == 0 else label(part) for i, part in enumerate(parts))


def with_citation_numbers(text, citations):
    """`text` escaped, its citation markers read as the reader's numbers ((number, source) pairs)."""
    return mark_safe(_escape_with_citations(text, _citation_labels(citations)))  # noqa: S308 - escaped


def highlight(text, *, flags=(), claims=(), citations=None):
    """HTML of `text` with each flag span in <mark class="flag flag-SEVERITY"> linking to its card
    and each claim span in <span class="claim">. Overlaps are handled by cutting the text at every
    boundary and wrapping each piece in the marks that cover it. With `citations` ((number, source)
    pairs), citation markers read as the reader's numbers, as on the published page."""
    label = _citation_labels(citations) if citations is not None else None
    items = [("flag", f) for f in flags if f.end > f.start] + [("claim", c) for c in claims if c.end > c.start]
    cuts = sorted({0, len(text), *(i.start for _, i in items), *(i.end for _, i in items)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = _escape_with_citations(text[start:end], label)
        covering = [(kind, i) for kind, i in items if i.start <= start and i.end >= end]
        for kind, item in sorted(covering, key=lambda ki: ki[0]):
            if kind == "claim":
                piece = f'<span class="claim claim-{item.status}" title="Claim: {escape(item.get_status_display())}">{piece}</span>'
            else:
                piece = (f'<a class="flag flag-{item.severity}" href="#flag-{item.pk}" '
                         f'title="{escape(item.get_category_display())}: {escape(item.severity)}"><mark>{piece}</mark></a>')
        out.append(piece)
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308 - every piece escaped above
