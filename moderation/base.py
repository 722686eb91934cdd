"""The engine's value types: what a scan takes in and hands back.

All frozen dataclasses with plain values (str, int, tuples), so results can be compared in
tests, cached, or turned into Flag/Claim rows without touching the engine again.
"""

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    """The six flag categories; values match review.models.Category."""

    PROMOTIONAL = "promotional"
    UNSUPPORTED = "unsupported"
    DISEASE_CLAIM = "disease_claim"
    DOSAGE_RISK = "dosage_risk"
    CONTRADICTION = "contradiction"
    CITATION = "citation"


class Severity(StrEnum):
    BLOCKER = "blocker"
    WARNING = "warning"
    NOTE = "note"


class ClaimCategory(StrEnum):
    EFFICACY = "efficacy"
    DISEASE = "disease"
    DOSAGE = "dosage"
    SAFETY = "safety"
    STATISTIC = "statistic"


def normalize_excerpt(text: str) -> str:
    """Lowercased, whitespace collapsed, outer punctuation trimmed; digits are kept on purpose
    ("400 mg" and "600 mg" must not match)."""
    # str.split() and the regex \s agree on what whitespace is; split/join is the faster of the two.
    return " ".join(text.split()).strip(".,;:!?\"'“”‘’()[]").strip().lower()


def fingerprint(code: str, text: str, *, normalized: bool = False) -> str:
    """40 hex characters identifying `code` firing on this text, wherever it sits in the article.

    Short enough for the Flag/Claim fingerprint column (64) to take a "#n" occurrence suffix.
    Pass normalized=True when `text` already went through normalize_excerpt.
    """
    payload = f"{code}\x1f{text if normalized else normalize_excerpt(text)}".encode()
    return hashlib.sha256(payload).hexdigest()[:40]


@dataclass(frozen=True)
class Link:
    """A hyperlink: the span of its anchor text in the scanned text, and where it points."""

    start: int
    end: int
    href: str


@dataclass(frozen=True)
class Citation:
    """A citation marker or source reference found in the text.

    `key` uses the same form as articles.citations ("pmid:123", "doi:10.1/x", "id:42") for MagSite
    markers; "ref:N" for numbered markers ([3], ³, [^3], <sup>3</sup>); "author:smith-2019" for
    author-year references; "url:..." for links to scholarly or official sites; "site:pubmed central"
    for a named repository mentioned in the text.
    """

    kind: str  # "marker", "numbered", "footnote", "author_year", "link", "site"
    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Hit:
    """What a rule reports: a span and an editor-facing message. The engine adds the rest."""

    start: int
    end: int
    message: str
    suggestion: str = ""
    # Text to fingerprint instead of the excerpt (article-level flags fingerprint the product name,
    # so a count that changes does not make a new flag).
    key_text: str | None = None
    article_level: bool = False


@dataclass(frozen=True)
class Flag:
    rule: str
    category: Category
    severity: Severity
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str
    fingerprint: str
    standard: str
    article_level: bool = False

    def as_dict(self) -> dict:
        return {
            "rule": self.rule, "category": str(self.category), "severity": str(self.severity),
            "start": self.start, "end": self.end, "excerpt": self.excerpt, "message": self.message,
            "suggestion": self.suggestion, "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True)
class Claim:
    """A sentence making a health claim about magnesium, for a reviewer to approve or reject."""

    text: str
    start: int
    end: int
    category: ClaimCategory
    citation_keys: tuple[str, ...]
    fingerprint: str


@dataclass(frozen=True)
class ScanResult:
    text: str
    flags: tuple[Flag, ...] = ()
    claims: tuple[Claim, ...] = ()
    citations: tuple[Citation, ...] = ()
    links: tuple[Link, ...] = field(default=(), repr=False)

    @property
    def categories(self) -> set[str]:
        return {str(flag.category) for flag in self.flags}

    def by_rule(self, code: str) -> list[Flag]:
        return [flag for flag in self.flags if flag.rule == code]
