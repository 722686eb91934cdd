"""Citations that go nowhere or lean on bad sources: unresolved markers, reference lists of bare
numbers, sources with no identifier, retracted or industry-funded sources."""

from collections.abc import Iterator

from moderation.base import Citation, Hit
from moderation.document import Document


def _numbered_keys(doc: Document) -> set[str] | None:
    """What a numbered marker may point to: "ref:N" keys given by the caller, else the numbers of
    the reference list in the text; None when neither exists (a fragment cannot be checked)."""
    if doc.sources and any(k.startswith("ref:") for k in doc.sources):
        return {k for k in doc.sources if k.startswith("ref:")}
    numbers = set()
    for ref_list in doc.reference_lists:
        numbers |= {f"ref:{n}" for n in ref_list.numbers if n.isdigit()}
    return numbers or None


def _resolved(doc: Document, citation: Citation) -> bool | None:
    """True/False when the marker can be checked, None when the engine cannot tell."""
    if citation.kind == "marker":
        if citation.key.startswith("invalid:"):
            return False
        return None if doc.sources is None else citation.key in doc.sources
    if citation.kind in ("numbered", "footnote") and citation.key.startswith("ref:"):
        known = _numbered_keys(doc)
        return None if known is None else citation.key in known
    if citation.kind == "footnote" and citation.key.startswith("fn:"):
        defined = doc.footnote_definitions
        return None if not defined else citation.key[3:] in defined
    return None


def unresolved(doc: Document) -> Iterator[Hit]:
    """A citation marker with no source behind it: [7] when the list has 6 entries, an unknown
    [[cite:...]] key, a footnote with no definition."""
    seen = set()
    for citation in doc.citations:
        if (citation.start, citation.key) in seen or _resolved(doc, citation) is not False:
            continue
        seen.add((citation.start, citation.key))
        marker = doc.text[citation.start:citation.end]
        if citation.key.startswith("invalid:"):
            message = f"{marker} is not a citation key MagSite understands."
            suggestion = "Use [[cite:pmid:NUMBER]], [[cite:doi:10.xxxx/...]] or [[cite:SOURCE-ID]]."
        elif citation.kind == "marker":
            message = f"{marker} names no source in the reference library ({citation.key})."
            suggestion = "Add the source to the reference library, or correct the identifier."
        else:
            number = citation.key.split(":", 1)[1]
            message = f"{marker} points to reference {number}, which the reference list does not have."
            suggestion = "Add the missing reference, or renumber the marker."
        yield Hit(citation.start, citation.end, message, suggestion)


def bare_reference_list(doc: Document) -> Iterator[Hit]:
    """A "References" section whose entries are only numbers: citations that name nothing."""
    for ref_list in doc.reference_lists:
        bare = sum(1 for e in ref_list.entries if e.bare)
        if bare and bare >= 0.8 * len(ref_list.entries):
            yield Hit(
                ref_list.start, ref_list.end,
                f"The reference list has {len(ref_list.entries)} entries and {bare} of them are bare numbers with "
                "no work named: readers cannot check any claim against them.",
                "Give each entry its authors, title, journal, year and a DOI, PMID or URL, or remove the list.",
            )


def _cited_sources(doc: Document):
    if not doc.sources:
        return
    seen = set()
    for citation in doc.citations:
        info = doc.sources.get(citation.key)
        if info is None or info.key in seen:
            continue
        seen.add(info.key)
        yield citation, info


def no_identifier(doc: Document) -> Iterator[Hit]:
    """A cited source with no DOI, PMID or URL, or a reference-list entry naming none."""
    for citation, info in _cited_sources(doc):
        if not info.has_identifier:
            yield Hit(
                citation.start, citation.end,
                f"The cited source “{info.title or info.key}” has no DOI, PMID or URL, so readers cannot find it.",
                "Add a DOI, PMID or URL to the source record.",
            )
    for ref_list in doc.reference_lists:
        if ref_list.all_bare:
            continue  # reported once, as a bare list
        for entry in ref_list.entries:
            if not entry.bare and not entry.has_identifier:
                yield Hit(
                    entry.start, entry.end,
                    f"Reference {entry.number} names a work but gives no DOI, PMID or URL.",
                    "Add a DOI, PMID or URL to the entry.",
                )


def retracted(doc: Document) -> Iterator[Hit]:
    for citation, info in _cited_sources(doc):
        if info.retracted:
            yield Hit(
                citation.start, citation.end,
                f"The cited source “{info.title or info.key}” has been retracted.",
                "Remove the citation and the claim it supports, or cite a sound source.",
            )


def industry_funded(doc: Document) -> Iterator[Hit]:
    for citation, info in _cited_sources(doc):
        if info.industry_funded:
            yield Hit(
                citation.start, citation.end,
                f"The cited source “{info.title or info.key}” was funded by a supplement maker or seller.",
                "Say so in the text, or add an independent source.",
            )
