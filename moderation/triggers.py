"""Cheap first pass: which sentences could a rule fire on at all?

Python's `re` tries each branch of an alternation at every position, so a dozen rich
case-insensitive patterns over a whole article cost more than everything else together. Instead
each module with such patterns (rules, detectors, claims.py) defines a few word stems that any of
its matches must contain at a word start; all stems go into one trie-shaped regex run once over
the lowercased text, and the detailed patterns then run only on the sentences it marks. A rule
whose detailed pattern can match without one of its stems would miss that match, so stems are
kept beside the pattern they gate, each group defined once.

Groups are defined at import time, and lexicon_for() caches its result: `import moderation`
imports the engine and through it every module that defines stems, so all groups exist before
the first scan builds a lexicon.
"""

import re
from collections.abc import Iterable
from functools import cache, lru_cache

_GROUPS: dict[str, set[str]] = {}


def define(name: str, stems: Iterable[str]) -> str:
    """Declare trigger stems (lowercase word beginnings) for `name`; returns the name."""
    _GROUPS.setdefault(name, set()).update(s.lower() for s in stems if s)
    lexicon.cache_clear()
    return name


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of `words` factored by common prefixes ("stud(?:y|ies)" rather than
    "study|studies"), which `re` matches much faster than a flat alternation."""
    trie: dict = {}
    for word in sorted(set(words)):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else f"(?:{branches[0]})"
        return body + "?" if ends else body

    return emit(trie)


class Lexicon:
    def __init__(self, groups: dict[str, set[str]]):
        self.names_by_stem: dict[str, frozenset[str]] = {}
        for name, stems in groups.items():
            for stem in stems:
                self.names_by_stem[stem] = self.names_by_stem.get(stem, frozenset()) | {name}
        self.max_len = max((len(s) for s in self.names_by_stem), default=0)
        self._names: dict[str, frozenset[str]] = {}  # memo of names(); the stems match a bounded set of words
        body = trie_regex(self.names_by_stem)
        # A lookahead, so a match consumes nothing: a phrase ("the best") must not hide the stems
        # that start inside it ("best") from the groups that use them.
        self.pattern = re.compile(rf"(?<![a-z0-9])(?=({body}))") if body else None

    def names(self, matched: str) -> frozenset[str]:
        """Every group whose stem begins `matched` (stems may be prefixes of one another)."""
        found = self._names.get(matched)
        if found is None:
            out: set[str] = set()
            for i in range(1, min(len(matched), self.max_len) + 1):
                names = self.names_by_stem.get(matched[:i])
                if names:
                    out |= names
            found = self._names[matched] = frozenset(out)
        return found


@cache
def lexicon() -> Lexicon:
    return Lexicon(_GROUPS)


@lru_cache(maxsize=16)
def lexicon_for(config, reference) -> Lexicon:
    """The static stems plus the word lists of one RuleConfig and ReferenceData, as groups
    "cfg:products", "cfg:puffery", ..., "ref:foods", "ref:forms" (one pass finds them all)."""
    groups = {name: set(stems) for name, stems in _GROUPS.items()}
    for name in ("brands", "products", "puffery", "superlatives", "disease_terms", "implied_disease", "source_sites",
                 "disclosures"):
        groups[f"cfg:{name}"] = {w.strip().lower() for w in getattr(config, name) if w.strip()}
    groups["cfg:products"] |= groups.pop("cfg:brands")
    groups["ref:foods"] = set(reference.food_by_name)
    groups["ref:forms"] = set(reference.form_by_name)
    return Lexicon(groups)
