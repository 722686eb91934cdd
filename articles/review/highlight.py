"""Render an article's plain text with flagged spans and claims highlighted (pure, escaped)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe


def highlight(text, *, flags=(), claims=()):
    """HTML of `text` with each flag span in <mark class="flag flag-SEVERITY"> linking to its card
    and each claim span in <span class="claim">. Overlaps are handled by cutting the text at every
    boundary and wrapping each piece in the marks that cover it."""
    items = [("flag", f) for f in flags if f.end > f.start] + [("claim", c) for c in claims if c.end > c.start]
    cuts = sorted({0, len(text), *(i.start for _, i in items), *(i.end for _, i in items)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[start:end])
        covering = [(kind, i) for kind, i in items if i.start <= start and i.end >= end]
        for kind, item in sorted(covering, key=lambda ki: ki[0]):
            if kind == "claim":
                piece = f'<span class="claim claim-{item.status}" title="Claim: {escape(item.get_status_display())}">{piece}</span>'
            else:
                piece = (f'<a class="flag flag-{item.severity}" href="#flag-{item.pk}" '
                         f'title="{escape(item.get_category_display())}: {escape(item.severity)}"><mark>{piece}</mark></a>')
        out.append(piece)
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308 - every piece escaped above
