"""Citations in every form an article arrives in, and the reference list at its end.

MagSite markers ([[cite:pmid:123]], [[cite:doi:10.1/x]], [[cite:42]]) are read with the key scheme of
moderation.citekeys ("pmid:123", "doi:10.1/x", "id:42"), the one the site resolves them with.
Pasted text brings numbered markers ([1], [2, 3], [^4], ¹²³, <sup>1</sup>), author-year references
((Smith et al., 2019)), links to scholarly sites, identifiers (PMID 123, doi:10.1/x) and named
repositories ("on PubMed Central: ...").
"""

import re
from dataclasses import dataclass

from moderation.base import Citation, Link
from moderation.citekeys import MARKER_RE, parse_key, split_marker

NUMBERED_RE = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\](?!:)")
FOOTNOTE_RE = re.compile(r"\[\^([\w-]{1,20})\](?!:)")
FOOTNOTE_DEF_RE = re.compile(r"^[ \t]*\[\^([\w-]{1,20})\]:", re.MULTILINE)
SUPERSCRIPT_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]*(?:\s*[,⁻–-]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*")
SUP_HTML_RE = re.compile(r"<sup[^>]*>\s*\[?(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]?\s*</sup>", re.IGNORECASE)
AUTHOR_YEAR_RE = re.compile(
    r"\((?:see\s+|e\.g\.,?\s+)?(?P<author>[A-Z][A-Za-z'’\-]+)(?:\s+(?:et\s+al\.?|and|&)(?:\s+[A-Z][A-Za-z'’\-]+)?)?"
    r",?\s+(?P<year>(?:19|20)\d{2})[a-z]?(?:\s*[;,]\s*[^()]{1,80}?(?:19|20)\d{2}[a-z]?)*\)"
)
URL_RE = re.compile(r"https?://[^\s<>()\[\]\"'“”]+", re.IGNORECASE)
MD_LINK_RE = re.compile(r"\[([^\[\]\n]{1,300})\]\(([^()\s]+)\)")
IDENTIFIER_RE = re.compile(
    r"\b(?:PMID:?\s*(?P<pmid>\d{1,9})|(?P<pmc>PMC\d{3,9})|doi:\s*(?P<doi>10\.\d{4,9}/[^\s,;)\]]+))", re.IGNORECASE
)
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# A superscript right after a unit is an exponent (m², cm³), not a footnote.
EXPONENT_BEFORE_RE = re.compile(r"(?:\b(?:m|cm|mm|km|ft|in|kg/m|g/m|mg/m)|\d|[a-z]/[a-z])$", re.IGNORECASE)

COMMA_RE = re.compile(r"\s*,\s*")
HREF_RE = re.compile(r"https?://(?:www\.)?([^/?#:]+)([^?#]*)", re.IGNORECASE)
PMID_PATH_RE = re.compile(r"/(\d{1,9})/?$")
PMC_PATH_RE = re.compile(r"/(PMC\d+)", re.IGNORECASE)
SCHOLARLY_HOSTS = (
    "doi.org", "pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "europepmc.org", "cochranelibrary.com",
    "nejm.org", "thelancet.com", "bmj.com", "jamanetwork.com", "nature.com", "sciencedirect.com",
    "springer.com", "link.springer.com", "wiley.com", "onlinelibrary.wiley.com", "mdpi.com",
    "frontiersin.org", "academic.oup.com", "tandfonline.com", "plos.org", "journals.plos.org",
    "biomedcentral.com", "karger.com", "sagepub.com", "ahajournals.org", "cell.com", "acpjournals.org",
    "nutrition.org", "who.int", "efsa.europa.eu",
)
FOOTNOTE_HREF_RE = re.compile(r"^#(?:fn|ref|cite|note|footnote|cite_note|endnote)[-_:]?(?:[a-z]+[-_])?(\d{1,3})$", re.I)

REF_HEADING_RE = re.compile(
    r"^[ \t#*_]*(?:references?|sources?(?: cited)?|bibliography|citations|works cited|literature cited|footnotes|"
    r"endnotes|notes|reference list|further reading|(?:research|studies|sources) (?:cited|used|referenced)"
    r"|selected references|key references|scientific references)[ \t*_:]*$",
    re.IGNORECASE | re.MULTILINE,
)
# "Sources: 1, 2, 3, 4, 5": a heading and a list of bare numbers on one line.
REF_INLINE_RE = re.compile(
    r"^[ \t#*_]*(?:references?|sources?(?: cited)?|citations|bibliography|notes|further reading)[ \t*_]*:[ \t]*"
    r"(?P<numbers>\d{1,3}(?:[ \t]*[,;][ \t]*\d{1,3})+)[ \t.]*$",
    re.IGNORECASE | re.MULTILINE,
)
REF_ENTRY_RE = re.compile(
    r"^[ \t]*(?:\[(?P<bracket>\d{1,3})\]|\[\^(?P<fn>[\w-]{1,20})\]:|\((?P<paren>\d{1,3})\)|(?P<num>\d{1,3})(?:[.)]"
    r"|[ \t]*$)|[-*•])[ \t]*"
)
HAS_IDENTIFIER_RE = re.compile(r"(?:\b10\.\d{4,9}/\S+|\bPMID:?\s*\d+|\bPMC\d+|https?://|www\.)", re.IGNORECASE)
BARE_ENTRY_RE = re.compile(r"^[\d\s.,;:\[\]()\-–]*$")


def expand_numbers(spec: str) -> list[int]:
    """ "2, 3" -> [2, 3]; "2-4" -> [2, 3, 4] (ranges capped so a typo cannot explode)."""
    out: list[int] = []
    for part in COMMA_RE.split(spec.translate(SUPERSCRIPT_DIGITS).replace("–", "-")):
        if "-" in part:
            a, _, b = part.partition("-")
            if a.strip().isdigit() and b.strip().isdigit():
                lo, hi = int(a), int(b)
                if lo <= hi <= lo + 50:
                    out.extend(range(lo, hi + 1))
                    continue
        if part.strip().isdigit():
            out.append(int(part))
    return out


def link_key(href: str) -> tuple[str, str] | None:
    """(kind, key) for a link that cites: a footnote anchor or a scholarly/official site."""
    href = href.strip()
    footnote = FOOTNOTE_HREF_RE.match(href)
    if footnote:
        return "footnote", f"ref:{int(footnote.group(1))}"
    m = HREF_RE.match(href)
    if not m:
        return None
    host, path = m.group(1).lower(), m.group(2)
    pmid = PMID_PATH_RE.match(path)
    if host == "pubmed.ncbi.nlm.nih.gov" and pmid:
        return "link", f"pmid:{pmid.group(1)}"
    if host.endswith("doi.org") and path.startswith("/10."):
        return "link", f"doi:{path[1:].lower()}"
    pmc = PMC_PATH_RE.search(path)
    if pmc:
        return "link", f"pmc:{pmc.group(1).upper()}"
    if host.endswith((".gov", ".edu")) or any(host == h or host.endswith("." + h) for h in SCHOLARLY_HOSTS):
        return "link", f"url:{href}"
    return None


@dataclass(frozen=True)
class RefEntry:
    number: str  # "3", or a footnote label
    start: int
    end: int
    body: str

    @property
    def bare(self) -> bool:
        return bool(BARE_ENTRY_RE.match(self.body))

    @property
    def has_identifier(self) -> bool:
        return bool(HAS_IDENTIFIER_RE.search(self.body))


@dataclass(frozen=True)
class ReferenceList:
    start: int  # the heading
    end: int  # end of the last entry
    heading_end: int
    entries: tuple[RefEntry, ...]

    @property
    def numbers(self) -> set[str]:
        return {e.number for e in self.entries}

    @property
    def all_bare(self) -> bool:
        return bool(self.entries) and all(e.bare for e in self.entries)


def find_reference_lists(text: str) -> list[ReferenceList]:
    """A "References" (Sources, Notes...) heading followed by entries, one per line."""
    out = []
    for heading in REF_HEADING_RE.finditer(text):
        pos = heading.end()
        entries: list[RefEntry] = []
        numbered = None
        end = heading.end()
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl == -1 else nl
            line = text[pos:line_end]
            if line.strip():
                m = REF_ENTRY_RE.match(line)
                label = m and (m.group("bracket") or m.group("fn") or m.group("paren") or m.group("num"))
                if m and (label or not numbered):
                    number = label or str(len(entries) + 1)
                    numbered = numbered if numbered is not None else bool(
                        m.group("bracket") or m.group("paren") or m.group("num"))
                    body = line[m.end():].strip()
                    entries.append(RefEntry(number, pos + m.start(), line_end, body))
                elif numbered is None and len(line.strip()) > 30:
                    numbered = False  # an unnumbered list: one work per line
                    entries.append(RefEntry(str(len(entries) + 1), pos, line_end, line.strip()))
                elif numbered is False and len(line.strip()) > 30:
                    entries.append(RefEntry(str(len(entries) + 1), pos, line_end, line.strip()))
                else:
                    break
                end = line_end
            pos = line_end + 1
        if entries:
            out.append(ReferenceList(heading.start(), end, heading.end(), tuple(entries)))
    for line in REF_INLINE_RE.finditer(text):
        numbers = line.group("numbers")
        entries = [RefEntry(m.group(0), line.start("numbers") + m.start(), line.start("numbers") + m.end(), "")
                   for m in re.finditer(r"\d{1,3}", numbers)]
        out.append(ReferenceList(line.start(), line.end(), line.start("numbers"), tuple(entries)))
    return sorted(out, key=lambda ref_list: ref_list.start)


def find_citations(text: str, *, links: tuple[Link, ...] = (), site_re: re.Pattern | None = None) -> list[Citation]:
    """Every citation marker and source reference in `text`, in order."""
    found: list[Citation] = []
    lower = text.lower()
    for m in MARKER_RE.finditer(text) if "[[" in text else ():
        for raw in split_marker(m.group(1)):
            key = parse_key(raw)
            found.append(Citation("marker", str(key) if key else f"invalid:{raw.strip()}", m.start(), m.end()))
    for m in MD_LINK_RE.finditer(text) if "](" in text else ():
        kind_key = link_key(m.group(2))
        if kind_key:
            found.append(Citation(kind_key[0], kind_key[1], m.start(), m.end()))
    md_spans = [(c.start, c.end) for c in found if c.kind in ("footnote", "link")]
    for m in NUMBERED_RE.finditer(text):
        if any(s <= m.start() < e for s, e in md_spans):
            continue
        for n in expand_numbers(m.group(1)):
            found.append(Citation("numbered", f"ref:{n}", m.start(), m.end()))
    for m in SUP_HTML_RE.finditer(text) if "<sup" in lower else ():
        for n in expand_numbers(m.group(1)):
            found.append(Citation("numbered", f"ref:{n}", m.start(), m.end()))
    for m in SUPERSCRIPT_RE.finditer(text):
        if EXPONENT_BEFORE_RE.search(text[max(0, m.start() - 6):m.start()]):
            continue
        for n in expand_numbers(m.group(0)):
            found.append(Citation("numbered", f"ref:{n}", m.start(), m.end()))
    for m in FOOTNOTE_RE.finditer(text) if "[^" in text else ():
        found.append(Citation("footnote", f"fn:{m.group(1).lower()}", m.start(), m.end()))
    for m in AUTHOR_YEAR_RE.finditer(text) if "(" in text else ():
        found.append(Citation("author_year", f"author:{m.group('author').lower()}-{m.group('year')}", m.start(), m.end()))
    for m in URL_RE.finditer(text) if "http" in lower else ():
        if any(s <= m.start() < e for s, e in md_spans):
            continue
        kind_key = link_key(m.group(0).rstrip(".,;:"))
        if kind_key:
            found.append(Citation(kind_key[0], kind_key[1], m.start(), m.end()))
    has_identifier = "pmid" in lower or "pmc" in lower or "doi:" in lower
    taken = sorted((c.start, c.end) for c in found)  # "pmid:1" inside [[cite:pmid:1]] or a URL is not another
    for m in IDENTIFIER_RE.finditer(text) if has_identifier else ():
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group("pmid"):
            key = f"pmid:{m.group('pmid')}"
        elif m.group("pmc"):
            key = f"pmc:{m.group('pmc').upper()}"
        else:
            key = f"doi:{m.group('doi').rstrip('.').lower()}"
        found.append(Citation("identifier", key, m.start(), m.end()))
    for link in links:
        kind_key = link_key(link.href)
        if kind_key:
            found.append(Citation(kind_key[0], kind_key[1], link.start, link.end))
    if site_re is not None:
        for m in site_re.finditer(text):
            found.append(Citation("site", f"site:{m.group(0).lower()}", m.start(), m.end()))
    found.sort(key=lambda c: (c.start, c.end))
    return found


def footnote_definitions(text: str) -> set[str]:
    return {m.group(1).lower() for m in FOOTNOTE_DEF_RE.finditer(text)}
