"""Citation keys: the one definition of how MagSite names a source in article text.

    [[cite:pmid:32956536]]   [[cite:doi:10.1002/14651858.CD009402.pub3]]   [[cite:12]]   [[cite:pmid:1; pmid:2]]

A key is "pmid:<digits>", "doi:<lowercased DOI>" or "id:<source number>". The engine resolves the
markers it reads against the sources its caller gives it, the articles app resolves them against
the library, and the reference library normalizes the identifiers it stores, all with these
functions, so the three can never disagree on what a marker names. Plain Python, no Django.
"""

import re
from dataclasses import dataclass

MARKER_RE = re.compile(r"\[\[\s*cite\s*:\s*([^\[\]]+?)\s*\]\]", re.IGNORECASE)
# Keys inside one marker: ";" always separates; "," separates only before another key.
_SPLIT_RE = re.compile(r"\s*;\s*|\s*,\s*(?=(?:pmid|doi|id)\s*:|\d+\s*$|\d+\s*[;,])")
_DOI_PREFIX_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
KINDS = ("pmid", "doi", "id")


@dataclass(frozen=True)
class CiteKey:
    kind: str  # "pmid", "doi" or "id"
    value: str

    def __str__(self):
        return f"{self.kind}:{self.value}"


def normalize_doi(value: str) -> str:
    """Strip the resolver prefix editors paste ("https://doi.org/10.1/x" or "doi: 10.1/x" -> "10.1/x")."""
    return _DOI_PREFIX_RE.sub("", (value or "").strip())


def parse_key(raw: str) -> CiteKey | None:
    """'pmid:123' / 'doi:10.1/X' / '12' / 'id:12' -> CiteKey; None when it is not a key at all."""
    raw = raw.strip()
    kind, sep, value = raw.partition(":")
    kind = kind.strip().lower()
    if sep and kind in KINDS:
        value = value.strip()
    elif raw.isdigit():
        kind, value = "id", raw
    else:
        return None
    if kind == "doi":
        value = normalize_doi(value).lower()
    if not value or (kind in {"pmid", "id"} and not value.isdigit()):
        return None
    return CiteKey(kind, value)


def split_marker(content: str) -> list[str]:
    """The raw keys inside one marker's content (a marker may cite several sources)."""
    return [part for part in _SPLIT_RE.split(content) if part.strip()]


def keys_for(*, pk, pmid="", doi="") -> set[CiteKey]:
    """Every key that names a source with this number, PMID and DOI."""
    keys = {CiteKey("id", str(pk))} if pk is not None else set()
    if pmid:
        keys.add(CiteKey("pmid", str(pmid)))
    if doi:
        keys.add(CiteKey("doi", normalize_doi(doi).lower()))
    return keys


def preferred_key(*, pk, pmid="", doi="") -> str:
    """The key an editor's Cite button writes: by PMID, else DOI, else the source number."""
    if pmid:
        return f"pmid:{pmid}"
    if doi:
        return f"doi:{normalize_doi(doi)}"
    return str(pk)
