"""Editorial flags: a pure rule engine over article text and reference data.

    from articles.moderation import ReferenceData, RuleConfig, scan
    result = scan(text, reference=ReferenceData.defaults(), config=RuleConfig.defaults())
    for flag in result.flags: ...      # rule, category, severity, start, end, excerpt, message, ...
    for claim in result.claims: ...    # text, start, end, category, citation_keys, fingerprint

No queries, no signals, no model imports at module level: the only database access is
ReferenceData.from_db(), which the caller chooses to use. Rules are listed in registry.RULES.
"""

from articles.moderation.base import (
    Category,
    Citation,
    Claim,
    ClaimCategory,
    Flag,
    Hit,
    Link,
    ScanResult,
    Severity,
    fingerprint,
    normalize_excerpt,
)
from articles.moderation.engine import effective_rules, rule_table, scan, scan_html
from articles.moderation.reference import Allowance, FoodInfo, FormInfo, ReferenceData, UpperLimit
from articles.moderation.registry import RULES, RULES_BY_CODE, Rule
from articles.moderation.sources import WEAK_DESIGNS, SourceInfo
from articles.moderation.terms import TERM_KINDS, RuleConfig

__all__ = [
    "Allowance", "RULES", "RULES_BY_CODE", "TERM_KINDS", "WEAK_DESIGNS", "Category", "Citation", "Claim", "ClaimCategory",
    "Flag", "FoodInfo", "FormInfo", "Hit", "Link", "ReferenceData", "Rule", "RuleConfig", "ScanResult",
    "Severity", "SourceInfo", "UpperLimit", "effective_rules", "fingerprint", "normalize_excerpt", "rule_table",
    "scan", "scan_html",
]
