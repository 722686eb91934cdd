"""One scan's view of the text: sentences, citations, quotations and reference lists, computed once.

Rules receive a Document and read what they need; analyses shared by several rules (doses, product
mentions, disease matches) are memoized on it with `memo()`, so each runs once per scan.
"""

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from moderation import triggers
from moderation.base import Citation, Link
from moderation.citations import ReferenceList, find_citations, find_reference_lists, footnote_definitions
from moderation.patterns import ci
from moderation.reference import ReferenceData
from moderation.sources import SourceInfo
from moderation.terms import RuleConfig

# Abbreviations after which a period never ends a sentence.
NO_SPLIT = frozenset({
    "dr", "mr", "mrs", "ms", "prof", "st", "vs", "e.g", "i.e", "eg", "ie", "cf", "fig", "figs", "no", "nos",
    "approx", "ca", "al", "jr", "sr", "vol", "pp", "ed", "eds", "dept", "u.s", "u.k", "ph.d", "m.d", "n.b",
    "inc", "ltd", "co", "corp", "est", "min", "max", "avg", "ref", "refs", "resp", "sp", "spp", "viz",
})
BOUNDARY_RE = ci(
    r"[.!?…]+[\"'”’)\]]*"
    r"(?:[ \t]*(?:\[\[\s*cite\s*:[^\]]*\]\]|\[\d[\d,\s–-]*\]|\[\^[\w-]+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*"
    r"|<sup[^>]*>[^<]{0,20}</sup>))*"
    r"(?=\s+\S)",
)
LAST_WORD_RE = re.compile(r"([^\s(\"“‘']+)$")
LIST_MARKER_RE = re.compile(r"^(?:[•▪◦●*\-–]\s+|\d{1,3}[.)]\s+|#{1,6}\s+|>\s*|\|\s*)+")
NEWLINE_RE = re.compile(r"\n")
BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
# Straight single quotes only around a short phrase with no letter outside them ('miracle'), so
# apostrophes (it's, readers') never open one.
QUOTE_RE = re.compile(
    # every branch starts with its quote character (the check before the ' comes after it), so `re`
    # skips straight to quote characters
    r"“[^“”\n]{0,800}(?:”|(?=\n)|$)|\"[^\"\n]{1,600}\"|‘[^‘\n]{1,300}?’(?![a-z])|'(?<![\w']')[^'\n]{1,60}'(?![\w'])"
)
FOOTNOTE_DEF_LINE_RE = re.compile(r"^[ \t]*\[\^[\w-]+\]:", re.MULTILINE)
STARTS_ITEM_RE = re.compile(r"^\s*(?:[•▪◦●*\-–|#>]|\d{1,3}[.)]\s)")
# A line ending in a word no sentence or heading ends with carries on onto the next line, whatever
# that line starts with ("... at ages 4 to" / "8.", "... anywhere from about" / "30 mg to 300 mg").
CONTINUES_RE = ci(
    r"\b(?:to|about|from|of|and|or|than|the|a|an|with|at|in|on|for|by|around|roughly|approximately|between|nearly"
    r"|almost|per|into|is|are|was|were)[ \t]*$",
)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    citations: tuple[Citation, ...] = ()
    in_reference_list: bool = False
    is_heading: bool = False  # a short line of its own with no closing punctuation, or a "#" heading

    # Computed once: rules ask each sentence these many times (cached_property writes the
    # instance's __dict__ directly, which a frozen dataclass allows).
    @cached_property
    def cited(self) -> bool:
        return any(not c.key.startswith("invalid:") for c in self.citations)

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.key for c in self.citations if not c.key.startswith("invalid:")))

    @cached_property
    def is_question(self) -> bool:
        return self.text.rstrip(" \t\"'”’)").endswith("?")


def _logical_lines(text: str) -> list[tuple[int, int]]:
    """Lines, with a hard-wrapped line joined to the next when that one carries on the sentence."""
    segments: list[list[int]] = []
    prev_text = ""
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            prev_text = ""
            continue
        if (
            segments and prev_text
            and (stripped[0].islower() or (stripped[0].isdigit() and CONTINUES_RE.search(prev_text)))
            and not prev_text.rstrip().endswith((".", "!", "?", ":", ";", "|"))
            and not STARTS_ITEM_RE.match(line)
            and not prev_text.lstrip().startswith("|")
        ):
            segments[-1][1] = end
        else:
            segments.append([start, end])
        prev_text = line
    return [(s, e) for s, e in segments]


def _is_boundary(text: str, seg_start: int, m: re.Match) -> bool:
    nxt = m.end()
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt >= len(text):
        return False
    following = text[nxt]
    punct = m.group(0)[0]
    if punct != ".":
        return not following.islower()
    if following.islower():
        return False
    before = text[max(seg_start, m.start() - 24):m.start()]
    word_m = LAST_WORD_RE.search(before)
    if not word_m:
        return True
    word = word_m.group(1)
    low = word.lower().rstrip(".")
    if low in NO_SPLIT:
        return False
    if len(word) == 1 and word.isupper():
        prev = before[: word_m.start()].rstrip().rsplit(" ", 1)[-1].lower()
        return prev in {"vitamin", "type", "group", "grade", "hepatitis", "plan", "class"}
    # "1. Magnesium ..." at the start of a line is list numbering, not the end of a sentence.
    number_start = m.start() - len(word)
    return not (word.isdigit() and number_start - seg_start <= 8 and not text[seg_start:number_start].strip(" \t•*-–"))


MAX_SENTENCE = 1200  # characters; longer runs (a table pasted as one line) are cut at spaces


def _capped(text: str, spans: list[tuple[int, int]]):
    """Spans no longer than MAX_SENTENCE, so per-sentence work stays bounded and a scan linear
    even on text with no sentence punctuation at all."""
    for start, end in spans:
        while end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = start + MAX_SENTENCE if cut == -1 else cut + 1
            yield start, cut
            start = cut
        yield start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: lines and list items apart; periods after abbreviations ("et al.", "e.g.",
    "Dr.", "mg." before a lowercase word), initials and decimals do not end a sentence; citation
    markers right after the full stop stay with their sentence."""
    spans = []
    for seg_start, seg_end in _logical_lines(text):
        start = seg_start
        for m in BOUNDARY_RE.finditer(text, seg_start, seg_end):
            if _is_boundary(text, seg_start, m) and m.end() < seg_end:
                spans.append((start, m.end()))
                start = m.end()
        spans.append((start, seg_end))
    out = []
    for start, end in _capped(text, spans):
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        start += lead
        chunk = chunk.strip()
        marker = LIST_MARKER_RE.match(chunk)
        if marker and marker.end() < len(chunk):
            start += marker.end()
            chunk = chunk[marker.end():]
        chunk = chunk.rstrip(" \t|")
        if chunk:
            out.append((start, start + len(chunk)))
    return out


# Words a title-case heading leaves in lowercase ("Sleep and the Upper Limit").
_MINOR_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "per", "the",
    "to", "vs", "via", "with",
})
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_ITEM_MARK_RE = re.compile(r"[ \t]*(?:[•▪◦●*\-–][ \t]|\d{1,3}[.)][ \t])")
_ROW_MARK_RE = re.compile(r"[ \t]*\|")
_MD_HEADING_RE = re.compile(r"[ \t]*#{1,6}[ \t]")
# What comes before a line's text: indentation, a bullet or number, "|", ">" or a "#" heading mark.
_LINE_MARK_RE = re.compile(r"[ \t]*(?:[•▪◦●*\-–|>#]+[ \t]*|\d{1,3}[.)][ \t]+)*")
_CLOSING = (".", "!", "?", ":", ";", ",", "…")
_CITE_MARKER_RE = re.compile(r"\[\[\s*cite\s*:[^\]]*\]\]|\[\d[\d,\s–-]*\]|\[\^[\w-]+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def _bare(text: str) -> bool:
    """No closing punctuation at the end (citation markers after it aside)."""
    return not _CITE_MARKER_RE.sub("", text).rstrip(" \t\"'”’)*†‡").endswith(_CLOSING)


def is_title_case(text: str) -> bool:
    """Two words or more, every one but the minor words capitalized: "Choosing a Form for Sleep"."""
    words = _WORD_RE.findall(text)
    return len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in _MINOR_WORDS)


@dataclass(frozen=True)
class Layout:
    """Where a sentence sits on the page, whatever it says: on a list item's line, a table row, the
    first row of a table, or a line of its own that reads as a heading or caption."""

    list_item: bool = False  # on a line that starts with a bullet or a number ("• ", "- ", "1. ")
    table_row: bool = False  # on a table line ("| a | b |"), header row included
    table_header: bool = False  # on the first line of a table
    starts_line: bool = False  # the first sentence on its line (a list marker or "|" aside)
    heading_like: bool = False  # on a line that reads as a heading, a caption or a title, or a
    # title-case list item standing as a subheading ("2. Citrate Forms")


class Document:
    """The text being scanned and everything derived from it (read-only for rules)."""

    def __init__(
        self,
        text: str,
        *,
        reference: ReferenceData,
        config: RuleConfig,
        sources: Mapping[str, SourceInfo] | None = None,
        links: tuple[Link, ...] = (),
    ):
        self.text = text
        self.reference = reference
        self.config = config
        self.sources = sources
        self.links = tuple(links)
        self._memo: dict[str, Any] = {}

    def memo(self, name: str, compute: Callable[["Document"], Any]) -> Any:
        if name not in self._memo:
            self._memo[name] = compute(self)
        return self._memo[name]

    @cached_property
    def reference_lists(self) -> list[ReferenceList]:
        return find_reference_lists(self.text)

    @cached_property
    def footnote_definitions(self) -> set[str]:
        return footnote_definitions(self.text)

    @cached_property
    def _excluded_spans(self) -> list[tuple[int, int]]:
        spans = [(r.start, r.end) for r in self.reference_lists]
        for m in FOOTNOTE_DEF_LINE_RE.finditer(self.text):
            nl = self.text.find("\n", m.start())
            spans.append((m.start(), len(self.text) if nl == -1 else nl))
        return sorted(spans)

    @cached_property
    def _excluded_starts(self) -> list[int]:
        return [s for s, _ in self._excluded_spans]

    def in_reference_list(self, pos: int) -> bool:
        """Inside a reference list or a footnote definition line."""
        i = bisect.bisect_right(self._excluded_starts, pos) - 1
        return i >= 0 and self._excluded_spans[i][0] <= pos < self._excluded_spans[i][1]

    @cached_property
    def citations(self) -> list[Citation]:
        found = find_citations(self.text, links=self.links, site_re=self.config.source_site_re)
        # Reference-list entries ("[3] Smith J ...") are not markers.
        return [c for c in found if not self.in_reference_list(c.start)]

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [m.end() for m in BLANK_LINE_RE.finditer(self.text)]

    @cached_property
    def sentences(self) -> list[Sentence]:
        spans = split_sentences(self.text)
        starts = [c.start for c in self.citations]
        out = []
        for index, (start, end) in enumerate(spans):
            lo = bisect.bisect_left(starts, start)
            hi = bisect.bisect_left(starts, end)
            sentence_text = self.text[start:end]
            out.append(Sentence(
                index=index, start=start, end=end, text=sentence_text,
                paragraph=bisect.bisect_right(self.paragraph_starts, start),
                citations=tuple(self.citations[lo:hi]),
                in_reference_list=self.in_reference_list(start),
                is_heading=self._is_heading(start, end, sentence_text),
            ))
        return out

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in NEWLINE_RE.finditer(self.text)]

    def _is_heading(self, start: int, end: int, sentence_text: str) -> bool:
        i = bisect.bisect_left(self._newlines, start)
        line_start = self._newlines[i - 1] + 1 if i > 0 else 0
        line_end = self._newlines[i] if i < len(self._newlines) else len(self.text)
        if start - line_start > 12 or line_end - end > 12:
            return False  # shares its line with other text
        before = self.text[line_start:start]
        if self.text[end:line_end].strip() or before.strip(" \t#"):
            return False  # shares its line, or is a list item / table cell
        if before.strip(" \t").startswith("#"):
            return True
        return (
            not sentence_text.rstrip(" \"'”’)").endswith((".", "!", "?", ":", ";", ","))
            and len(sentence_text.split()) <= 12
        )

    @cached_property
    def _line_spans(self) -> list[tuple[int, int]]:
        starts = [0, *(n + 1 for n in self._newlines)]
        ends = [*self._newlines, len(self.text)]
        return list(zip(starts, ends, strict=True))

    def _line_index(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos)

    @cached_property
    def _table_starts(self) -> dict[int, int]:
        """Each table line (one starting with "|") -> the first line of its table. Rows of a table
        may have blank lines between them, nothing else."""
        out: dict[int, int] = {}
        first = previous = None
        for line, (start, end) in enumerate(self._line_spans):
            if _ROW_MARK_RE.match(self.text, start, end):
                if previous is None or previous != line - 1:
                    first = line
                out[line] = first
                previous = line
            elif previous == line - 1 and not self.text[start:end].strip():
                previous = line  # a blank line inside the table
        return out

    @cached_property
    def layouts(self) -> list[Layout]:
        """Each sentence's Layout, by sentence index (worked out line by line, once)."""
        by_line: dict[int, list[Sentence]] = {}
        for s in self.sentences:
            by_line.setdefault(self._line_index(s.start), []).append(s)
        tables = self._table_starts
        last_text = len(self.text.rstrip())  # where the text's last non-space character ends
        out: list[Layout] = []
        for line, sentences in by_line.items():
            start, end = self._line_spans[line]
            row = line in tables
            item = not row and bool(_ITEM_MARK_RE.match(self.text, start, end))
            mark = _LINE_MARK_RE.match(self.text, start, end)
            content_start = mark.end() if mark else start
            content_end = start + len(self.text[start:end].rstrip(" \t|"))
            heading = not row and (bool(_MD_HEADING_RE.match(self.text, start, end)) or self._heading_line(
                sentences, item, content_start, content_end, end < last_text))
            for s in sentences:
                out.append(Layout(
                    list_item=item, table_row=row, table_header=row and tables[line] == line,
                    starts_line=s.start <= content_start, heading_like=heading,
                ))
        return out

    def _heading_line(self, sentences: list[Sentence], item: bool, start: int, end: int, more: bool) -> bool:
        """A short line (its text from `start` to `end`) that ends without closing punctuation, holds
        its sentences whole, has text after it (`more`), and is not a list item unless in title case.
        Sentences before the last may end in "?" or ":" ("Does Magnesium Help Cramps? What the
        Trials Show"), not in "." ("... trust me. #tag")."""
        content = self.text[start:end]
        if sentences[0].start > start or sentences[-1].end > end or not more or not _bare(content):
            return False  # a hard-wrapped sentence runs across the line, or the line ends a sentence
        if len(content.split()) > 20 or item and not is_title_case(content):
            return False
        return all(_CITE_MARKER_RE.sub("", s.text).rstrip(" \t\"'”’)").endswith(("?", ":")) for s in sentences[:-1])

    def layout(self, sentence: Sentence) -> Layout:
        return self.layouts[sentence.index]

    def table_header(self, sentence: Sentence) -> str | None:
        """The header row of the table whose row `sentence` is on (None off a table, or on the header)."""
        line = self._line_index(sentence.start)
        first = self._table_starts.get(line)
        if first is None or first == line:
            return None
        start, end = self._line_spans[first]
        return self.text[start:end]

    def table_line(self, sentence: Sentence) -> str:
        """The whole line a table-row sentence is on (a row split into several sentences reads as one)."""
        start, end = self._line_spans[self._line_index(sentence.start)]
        return self.text[start:end]

    @cached_property
    def _lead_ins(self) -> dict[int, int]:
        """List-item sentence index -> index of the sentence before the list (past its other items
        and any title-case item standing as a subheading)."""
        out: dict[int, int] = {}
        before = None
        for i, layout in enumerate(self.layouts):
            if layout.list_item:
                if before is not None:
                    out[i] = before
            else:
                before = i
        return out

    def lead_in(self, sentence: Sentence) -> Sentence | None:
        """For a sentence on a list item, what introduces the list: the sentence ending in ":" before
        it ("These habits help prevent them:") or the heading right above it; None when the list follows
        plain text."""
        i = self._lead_ins.get(sentence.index)
        if i is None:
            return None
        before = self.sentences[i]
        if self.layouts[i].heading_like:
            return before
        return before if _CITE_MARKER_RE.sub("", before.text).rstrip(" \t\"'”’)").endswith(":") else None

    @cached_property
    def prose(self) -> list[Sentence]:
        """Sentences outside reference lists and footnote definitions: what the text rules read."""
        return [s for s in self.sentences if not s.in_reference_list]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < max(self.sentences[i].end, pos + 1):
            return self.sentences[i]
        return None

    def supported(self, sentence: Sentence) -> bool:
        """The sentence cites a source: with the article's sources known, one its markers resolve to
        (a marker that names nothing supports nothing); without them, any well-formed citation."""
        if self.sources is None:
            return sentence.cited
        return any(key in self.sources for key in sentence.keys) or any(
            c.kind != "marker" for c in sentence.citations if not c.key.startswith("invalid:"))

    def previous(self, sentence: Sentence) -> Sentence | None:
        return self.sentences[sentence.index - 1] if sentence.index > 0 else None

    @cached_property
    def quote_spans(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in QUOTE_RE.finditer(self.text)]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quote_spans]

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0:
            start, end = self.quote_spans[i]
            if start < pos < end:
                return start, end
        return None

    @cached_property
    def lower(self) -> str:
        """The text lowercased, always the same length as the text (so positions carry over)."""
        low = self.text.lower()
        if len(low) != len(self.text):  # "İ".lower() is two characters: keep such characters as they are
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
        return low

    @cached_property
    def _triggered(self) -> dict[str, set[int]]:
        lexicon = triggers.lexicon_for(self.config, self.reference)
        out: dict[str, set[int]] = {}
        if lexicon.pattern is None:
            return out
        findall, names_of, low = lexicon.pattern.findall, lexicon.names, self.lower
        for sentence in self.sentences:
            # Within the sentence's span of the whole lowercased text, so the stem's lookbehind
            # sees the character before the sentence, as a scan of the whole text would.
            words = findall(low, sentence.start, sentence.end)
            if not words:
                continue
            names: set[str] = set()
            for word in set(words):
                names |= names_of(word)
            for name in names:
                if name in out:
                    out[name].add(sentence.index)
                else:
                    out[name] = {sentence.index}
        return out

    def triggered(self, *names: str) -> list[Sentence]:
        """Prose sentences containing a trigger stem of any of `names` (see triggers.py)."""
        indices: set[int] = set()
        for name in names:
            indices |= self._triggered.get(name, set())
        return [self.sentences[i] for i in sorted(indices) if not self.sentences[i].in_reference_list]

    @cached_property
    def has_disclosure(self) -> bool:
        """The article discloses a material connection somewhere (affiliate, sponsorship, payment)."""
        pattern = self.config.disclosure_re
        if pattern is None:
            return False
        return any(pattern.search(s.text) for s in self.triggered("cfg:disclosures"))
