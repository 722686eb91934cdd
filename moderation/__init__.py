"""Editorial flags: a pure rule engine over article text and reference data.

    from moderation import RuleConfig, scan
    result = scan(text, reference=reference_data, config=RuleConfig.defaults())
    for flag in result.flags: ...      # rule, category, severity, start, end, excerpt, message, ...
    for claim in result.claims: ...    # text, start, end, category, citation_keys, fingerprint

Plain Python: no Django, no queries, no imports of the site's apps (an import-linter contract holds
it so). The caller gives the facts (`reference`: review.scan reads them from the library,
reference.tables.reference_data() has the seed tables) and the cited sources. Rules are listed in
registry.RULES.
"""

from moderation.base import (
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
from moderation.engine import effective_rules, rule_table, scan, scan_html
from moderation.reference import Allowance, FoodInfo, FormInfo, ReferenceData, UpperLimit, lowest_limit_per_band
from moderation.registry import RULES, RULES_BY_CODE, Rule
from moderation.sources import WEAK_DESIGNS, SourceInfo
from moderation.terms import TERM_KINDS, RuleConfig

__all__ = [
    "Allowance", "RULES", "RULES_BY_CODE", "TERM_KINDS", "WEAK_DESIGNS", "Category", "Citation", "Claim", "ClaimCategory",
    "Flag", "FoodInfo", "FormInfo", "Hit", "Link", "ReferenceData", "Rule", "RuleConfig", "ScanResult",
    "Severity", "SourceInfo", "UpperLimit", "effective_rules", "fingerprint", "lowest_limit_per_band", "normalize_excerpt", "rule_table",
    "scan", "scan_html",
]
