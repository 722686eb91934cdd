"""Inline citation markers: parse, resolve to sources, number, render.

An editor cites a source at the claim with a marker in the body text:

    [[cite:pmid:32956536]]              by PubMed ID
    [[cite:doi:10.1002/14651858.CD009402.pub3]]   by DOI
    [[cite:12]]                         by MagSite source number (the admin's "Cite" button)
    [[cite:pmid:1; doi:10.1/x]]         several sources at one claim

Markers are plain text, so they survive CKEditor round trips and pasting. Sources are numbered
in order of first use; a repeated source keeps its first number. A marker that names no known
source is a validation error at the field (`resolve_markers` raises), never a silent drop.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.safestring import mark_safe

from moderation.citekeys import MARKER_RE, parse_key, split_marker
from reference.models import Source

# A tag in sanitized HTML (attribute values are always quoted there; they may contain ">").
TAG_RE = re.compile(r"(<(?:[^\"'>]|\"[^\"]*\"|'[^']*')*>)")


def find_markers(html):
    """Every marker in order: a list of (match, [raw key strings])."""
    return [(m, split_marker(m.group(1))) for m in MARKER_RE.finditer(html or "")]


def keys_in_order(html):
    """Distinct raw keys in order of first use (unparseable ones included, for error messages)."""
    seen, ordered = set(), []
    for _match, raws in find_markers(html):
        for raw in raws:
            if raw not in seen:
                seen.add(raw)
                ordered.append(raw)
    return ordered


def resolve_markers(html):
    """Resolve every marker in `html` to a Source; return sources in order of first use.

    Raises ValidationError naming each marker that is malformed or matches no source.
    One query, whatever the number of markers.
    """
    raws = keys_in_order(html)
    if not raws:
        return []
    parsed = {raw: parse_key(raw) for raw in raws}
    malformed = [raw for raw, key in parsed.items() if key is None]
    keys = {key for key in parsed.values() if key}
    query = Q(pk__in=[int(k.value) for k in keys if k.kind == "id"])
    query |= Q(pmid__in=[k.value for k in keys if k.kind == "pmid"])
    for key in keys:
        if key.kind == "doi":
            query |= Q(doi__iexact=key.value)
    by_key = {}
    for source in Source.objects.filter(query):
        for key in source.cite_keys:
            by_key[key] = source
    unknown = [raw for raw, key in parsed.items() if key and key not in by_key]
    errors = []
    if malformed:
        errors.append(ValidationError(
            "These citation markers are not in a known form: %(markers)s. Use [[cite:pmid:NUMBER]], "
            "[[cite:doi:10.xxxx/...]] or [[cite:SOURCE-ID]].",
            code="malformed_citation", params={"markers": ", ".join(f"[[cite:{m}]]" for m in malformed)},
        ))
    if unknown:
        errors.append(ValidationError(
            "No source matches these citation markers: %(markers)s. Add the source under Reference "
            "library › Sources first, or correct the identifier.",
            code="unknown_citation", params={"markers": ", ".join(f"[[cite:{m}]]" for m in unknown)},
        ))
    if errors:
        raise ValidationError(errors)
    ordered, seen = [], set()
    for raw in raws:
        source = by_key[parsed[raw]]
        if source.pk not in seen:
            seen.add(source.pk)
            ordered.append(source)
    return ordered


def index_sources(numbered_sources):
    """{key: (number, source)} for every key that names one of the (number, source) pairs."""
    return {key: (number, source) for number, source in numbered_sources for key in source.cite_keys}


def cited_in_marker(content, index):
    """The (number, source) pairs one marker's content cites, in order, once each; None for a key
    that names no listed source."""
    cited = []
    for raw in split_marker(content):
        key = parse_key(raw)
        entry = index.get(key) if key else None
        if entry not in cited:
            cited.append(entry)
    return cited


def render_citations(html, numbered_sources):
    """Replace markers with numbered superscript links to the reference list.

    `numbered_sources` is an iterable of (number, source) — typically the article's
    ArticleCitation rows with their sources, already loaded: no query happens here. The first
    superscript for a number gets id="cite-N" so the reference list can link back to it.
    A marker that no longer resolves (source deleted since) renders as a visible [?].
    """
    index = index_sources(numbered_sources)
    anchored = set()

    def replace(match):
        numbers = [entry[0] if entry else None for entry in cited_in_marker(match.group(1), index)]
        links = []
        for number in numbers:
            if number is None:
                links.append('<span class="cite-missing" title="Citation not found">?</span>')
                continue
            anchor = ""
            if number not in anchored:
                anchored.add(number)
                anchor = f' id="cite-{number}"'
            links.append(f'<a href="#ref-{number}"{anchor} aria-label="Reference {number}">{number}</a>')
        return f'<sup class="cite">[{", ".join(links)}]</sup>'

    # Replace in text only: a marker inside an attribute (a link title, say) must not receive
    # markup, which would break out of the attribute.
    parts = TAG_RE.split(html or "")
    rendered = "".join(part if i % 2 else MARKER_RE.sub(replace, part) for i, part in enumerate(parts))
    return mark_safe(rendered)  # noqa: S308 - html is the sanitized body


def strip_markers(text):
    """Plain text without markers (for excerpts, feeds and meta descriptions)."""
    return re.sub(r"[ \t]{2,}", " ", MARKER_RE.sub("", text or ""))
