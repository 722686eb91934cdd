"""moderation.patterns: case-insensitive patterns matched on lowercased text."""

import importlib
import pkgutil
import re

import pytest

import moderation
from moderation.patterns import CaseInsensitivePattern, ci, lower, lowercase_source
from tests.moderation.sentences import SENTENCES


def test_lowercase_source_keeps_escapes_and_group_names():
    assert lowercase_source(r"\bRDA\b|\S+\W\D\B(?P<Count>\d+)(?P=Count)[A-Z]") == (
        r"\brda\b|\S+\W\D\B(?P<Count>\d+)(?P=Count)[a-z]"
    )


def test_lower_keeps_length_and_positions():
    text = "İstanbul ÖSTERREICH Magnesium"
    low = lower(text)
    assert len(low) == len(text)
    assert low.endswith("österreich magnesium")


@pytest.mark.parametrize("source", [
    r"\b(?:research|studies)\s+(?:shows?|found)\b",
    r"\b(?P<count>one|two|\d+)\s+(?:capsules?|Tablets?)\s+(?:a|per)\s+day\b",
    r"\bRDA\b|\bUL\b|[A-Z]{2,}\d+",
])
def test_same_spans_and_groups_as_ignorecase(source):
    pattern, reference = ci(source), re.compile(source, re.IGNORECASE)
    texts = [t for t, _ in SENTENCES] + ["Research Shows it", "TAKE TWO Capsules PER DAY", "the RDA and ul", "CALM20"]
    for text in texts:
        got = [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]
        want = [(m.start(), m.end(), {k: v and v.lower() for k, v in m.groupdict().items()})
                for m in reference.finditer(text)]
        assert got == want, text
        assert bool(pattern.search(text, 3)) == bool(reference.search(text, 3))


def test_refuses_a_case_sensitive_part():
    with pytest.raises(ValueError):
        ci(r"our (?-i:[A-Z]\w+) formula")


def test_every_converted_rule_pattern_matches_its_ignorecase_original():
    """Each ci() pattern in the rule modules finds the same spans as the IGNORECASE pattern it stands
    for, over the whole sentence table (a guard against a letter lowercased that should not be)."""
    package = moderation
    patterns = []
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        patterns += [(f"{info.name}.{name}", value) for name, value in vars(module).items()
                     if isinstance(value, CaseInsensitivePattern)]
    assert len(patterns) > 80
    texts = [t for t, _ in SENTENCES]
    for name, pattern in patterns:
        reference = re.compile(pattern.pattern, pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)], name


# The single pattern reports_source() replaced (case-sensitive acronyms inside an IGNORECASE pattern).
_ORIGINAL_SOURCE_ATTRIBUTION = re.compile(
    r"(?<!\bour )(?<!\bmy )\b(?:guidelines?|recommendations?|society|societies|association|academy|college|organi[sz]ations?|agency"
    r"|agencies|panels?|committee|task force|institutes?|consensus statement|position statement|fact sheet|(?-i:FDA"
    r"|NIH|ODS|WHO|NICE|EFSA|AAN|AHS))\b[^.;]{0,80}?\b(?:lists?|listed|rates?|rated|ranks?|ranked|grades?|graded"
    r"|recommends?|recommended|reviewed|classif(?:y|ies|ied)|considers?|considered|describes?|described|notes?|noted"
    r"|states?|stated|says|said|concludes?|concluded|judges?|judged|assess(?:es|ed)|calls?|called|labels?|labell?ed"
    r"|endorses?|endorsed|includes?|included|found|finds|advises?|advised|suggests?|suggested)\b",
    re.IGNORECASE,
)
_ORIGINAL_MEDICAL_USE = re.compile(
    r"\b(?:intravenous\w*|injections?|injected|infusions?|intramuscular\w*|(?-i:IV))\b|\bin (?:the )?hospitals?\b",
    re.IGNORECASE,
)


def test_reports_source_equals_the_original_patterns():
    from moderation.language import ATTRIBUTION_RE, reports_source

    texts = [t for t, _ in SENTENCES] + [
        "The WHO recommends magnesium-rich foods.", "People who recommend magnesium are many.",
        "Our society recommends it.", "OUR Society recommends it.", "my NIH colleague said so.",
        "IV magnesium is given for eclampsia.", "Vitamin iv is not a thing.", "In hospital it is injected.",
        "The Nih says nothing.", "The FDA has not evaluated these statements.",
    ]
    for text in texts:
        original = bool(ATTRIBUTION_RE.search(text) or _ORIGINAL_SOURCE_ATTRIBUTION.search(text)
                        or _ORIGINAL_MEDICAL_USE.search(text))
        assert reports_source(text) == original, text


def test_gated_alternation_finds_what_the_whole_alternation_finds():
    """Leaving out the branches whose words are absent changes no match (research appeals over every
    sentence table), and a branch's words are checked case-insensitively."""
    from moderation.patterns import GatedAlternation
    from moderation.rules.unsupported import RESEARCH_APPEAL_RE
    from tests.moderation.report import tables

    whole = re.compile(RESEARCH_APPEAL_RE.pattern, re.IGNORECASE)
    texts = [t for _, table, _ in tables() for t, _ in table]
    for text in texts:
        assert [m.span() for m in RESEARCH_APPEAL_RE.finditer(text)] == [m.span() for m in whole.finditer(text)], text
    gated = GatedAlternation([(("coupon",), r"\bcoupon\b"), (("sale",), r"\bsale\b")])
    assert [m.span() for m in gated.finditer("COUPON on SALE")] == [(0, 6), (10, 14)]
    assert gated.search("nothing here") is None
