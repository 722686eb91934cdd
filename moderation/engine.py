"""scan(): run the registered rules over a text and collect flags, claims and citations."""

from collections.abc import Mapping

from moderation.base import Flag, Link, ScanResult, Severity, fingerprint, normalize_excerpt
from moderation.claims import extract_claims
from moderation.document import Document
from moderation.html import html_to_text_with_links
from moderation.reference import ReferenceData
from moderation.registry import RULES, RULES_BY_CODE, Rule
from moderation.sources import SourceInfo
from moderation.terms import RuleConfig

Overrides = Mapping[str, tuple[bool | None, "Severity | str | None"]]


def effective_rules(overrides: Overrides | None = None) -> list[tuple[Rule, Severity]]:
    """The rules that run, with their severity, after the admin's overrides.

    `overrides` maps a rule code to (enabled, severity); None in either place keeps the default.
    Codes that are not registered (a rule removed since the setting was saved) are ignored; an
    unknown severity raises ValueError.
    """
    overrides = overrides or {}
    out = []
    for rule in RULES:
        enabled, severity = overrides.get(rule.code, (None, None))
        if enabled is None:
            enabled = rule.enabled
        if enabled:
            out.append((rule, Severity(severity) if severity else rule.severity))
    return out


def scan(
    text: str,
    *,
    reference: ReferenceData,
    config: RuleConfig | None = None,
    sources: Mapping[str, SourceInfo] | None = None,
    overrides: Overrides | None = None,
    links: tuple[Link, ...] = (),
) -> ScanResult:
    """Scan plain text (an article's body_text, or a pasted/imported text).

    reference: intake limits, allowances, forms and foods (the engine holds no facts of its own).
    config: brand/product and other word lists (RuleConfig.defaults() when omitted).
    sources: citation key -> SourceInfo for the sources the article cites ("pmid:123", "doi:10.x/y",
        "id:42", optionally "ref:N" for numbered references). With sources given, a [[cite:...]] key
        missing from it is flagged as unresolved; with None, markers are not checked against a library.
    overrides: {rule code: (enabled, severity)} from the admin.
    links: hyperlinks in the text (see scan_html), for footnote, scholarly and affiliate links.
    """
    doc = Document(
        text or "", reference=reference, config=config or RuleConfig.defaults(),
        sources=sources, links=tuple(links),
    )
    flags: list[Flag] = []
    seen: set[tuple[str, int, int]] = set()
    normalized_sentences: dict[int, str] = {}
    for rule, severity in effective_rules(overrides):
        for hit in rule.check(doc):
            if (rule.code, hit.start, hit.end) in seen:
                continue
            seen.add((rule.code, hit.start, hit.end))
            excerpt = doc.text[hit.start:hit.end]
            key = normalize_excerpt(hit.key_text if hit.key_text is not None else excerpt)
            sentence = doc.sentence_at(hit.start) if hit.key_text is None else None
            if sentence is not None and sentence.text != excerpt:
                # The sentence as context keeps two "Research shows" in different sentences apart.
                if sentence.index not in normalized_sentences:
                    normalized_sentences[sentence.index] = normalize_excerpt(sentence.text)
                key = f"{key} @ {normalized_sentences[sentence.index]}"
            flags.append(Flag(
                rule=rule.code, category=rule.category, severity=severity, start=hit.start, end=hit.end,
                excerpt=excerpt, message=f"{hit.message} Standard: {rule.standard}.", suggestion=hit.suggestion,
                fingerprint=fingerprint(rule.code, key, normalized=True), standard=rule.standard,
                article_level=hit.article_level,
            ))
    flags.sort(key=lambda f: (f.start, f.end, f.rule))
    return ScanResult(
        text=doc.text, flags=tuple(flags), claims=tuple(extract_claims(doc)), citations=tuple(doc.citations),
        links=doc.links,
    )


def scan_html(html: str, **kwargs) -> ScanResult:
    """Scan HTML: converted to the same plain text the article stores; spans point into
    `result.text`, and the HTML's links (footnotes, sources, affiliate links) are seen by the rules."""
    text, links = html_to_text_with_links(html)
    return scan(text, links=links, **kwargs)


def rule_table() -> list[dict]:
    """The registry as plain rows (for the admin's rule settings and for documentation)."""
    return [
        {"code": r.code, "category": str(r.category), "severity": str(r.severity), "enabled": r.enabled,
         "description": r.description, "standard": r.standard}
        for r in RULES
    ]


__all__ = ["RULES_BY_CODE", "effective_rules", "rule_table", "scan", "scan_html"]
