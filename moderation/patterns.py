"""Case-insensitive patterns that run at case-sensitive speed.

Python's `re` with IGNORECASE folds the case of every character it compares, which makes the
rules' long alternations two to three times slower than the same pattern run over lowercased
text. `ci(source)` compiles the pattern with its letters lowercased and without IGNORECASE, and
lowercases the text it is given before matching. Lowercasing keeps the text's length (characters
whose lowercase is longer, such as "İ", stay as they are, as in Document.lower), so every span is
a span of the original text: read excerpts from the original with `m.start()`/`m.end()`;
`m.group()` returns the lowercased text.

A pattern that needs case somewhere (`(?-i:[A-Z]...)`) must stay an ordinary re.compile(...).
"""

import re
from functools import lru_cache

_ESCAPED_NAME_RE = re.compile(r"\(\?P[<=]")

@lru_cache(maxsize=1024)
def lower(text: str) -> str:
    """`text` lowercased, always the same length as `text`. Cached: rules test many patterns
    against a sentence and the pieces around a match, alternating between them."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def lowercase_source(source: str) -> str:
    """The pattern with its literal letters lowercased; escapes (\\S, \\W, \\B, \\A, \\Z...) and
    group names are kept as written."""
    out = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            out.append(source[i:i + 2])
            i += 2
            continue
        if _ESCAPED_NAME_RE.match(source, i):
            close = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i:close + 1])
            i = close + 1
            continue
        out.append(ch.lower())
        i += 1
    return "".join(out)


class CaseInsensitivePattern:
    """Matches like re.compile(source, re.IGNORECASE | flags), on lowercased text."""

    __slots__ = ("_re", "flags", "pattern")

    def __init__(self, source: str, flags: int = 0):
        if "(?-i" in source:
            raise ValueError("a pattern with a case-sensitive part cannot be matched on lowercased text")
        self.pattern = source
        self.flags = flags | re.IGNORECASE
        self._re = re.compile(lowercase_source(source), flags)

    def search(self, string, *args):
        return self._re.search(lower(string), *args)

    def match(self, string, *args):
        return self._re.match(lower(string), *args)

    def fullmatch(self, string, *args):
        return self._re.fullmatch(lower(string), *args)

    def finditer(self, string, *args):
        return self._re.finditer(lower(string), *args)

    def findall(self, string, *args):
        return self._re.findall(lower(string), *args)

    def __repr__(self):
        return f"ci({self.pattern!r})"


def ci(source: str, flags: int = 0) -> CaseInsensitivePattern:
    return CaseInsensitivePattern(source, flags)


class GatedAlternation:
    """An alternation whose branches are tried only when the text holds one of their words.

    `branches` is a sequence of (words, source): every match of `source` contains one of `words`
    (lowercase substrings). A branch that cannot match is left out of the pattern that runs, so the
    matches are exactly those of the whole alternation ("a|b|c", in that order), while `re` no
    longer tries each absent branch at every position of the text. Case-insensitive, like ci().
    """

    def __init__(self, branches, flags: int = 0):
        self.branches = tuple((tuple(w.lower() for w in words), source) for words, source in branches)
        self.flags = flags | re.IGNORECASE
        self.pattern = "|".join(source for _, source in self.branches)
        self._plain_flags = flags
        self._compiled: dict[tuple[int, ...], re.Pattern] = {}

    def _pattern_for(self, low: str) -> re.Pattern | None:
        key = tuple(i for i, (words, _) in enumerate(self.branches) if any(word in low for word in words))
        if not key:
            return None
        pattern = self._compiled.get(key)
        if pattern is None:
            source = "|".join(f"(?:{self.branches[i][1]})" for i in key)
            pattern = self._compiled[key] = re.compile(lowercase_source(source), self._plain_flags)
        return pattern

    def finditer(self, string, *args):
        low = lower(string)
        pattern = self._pattern_for(low)
        return pattern.finditer(low, *args) if pattern is not None else iter(())

    def search(self, string, *args):
        low = lower(string)
        pattern = self._pattern_for(low)
        return pattern.search(low, *args) if pattern is not None else None
