"""The five real-world seed articles (shared/seeds): what an editor must be shown in each.

Skipped when ../shared/seeds is not beside the checkout (the `seeds_dir` fixture). No database.
"""

import pytest

from moderation import RuleConfig, scan
from reference.tables import reference_data

SEED_FILES = {
    "000": "000_05dd4065f8c2cbd4.txt",
    "001": "001_298022469d73e39c.txt",
    "002": "002_6f6f087cf04da25f.txt",
    "003": "003_acc3eabad00b36d0.txt",
    "004": "004_2f11bc5b4f226583.txt",
}


@pytest.fixture
def scan_seed(seeds_dir):
    cache = {}

    def run(number):
        if number not in cache:
            text = (seeds_dir / SEED_FILES[number]).read_text(encoding="utf-8")
            cache[number] = scan(text, reference=reference_data(), config=RuleConfig.defaults())
        return cache[number]

    return run


def flags(result, rule):
    return [f for f in result.flags if f.rule == rule]


def excerpts(result, rule):
    return [f.excerpt for f in result.flags if f.rule == rule]


def test_seed_001_product_plugs_and_repeated_plug(scan_seed):
    """“Magnesium 7” is plugged many times: per-sentence plugs plus one article-level flag with the count."""
    result = scan_seed("001")
    plugs = flags(result, "promo.product_plug")
    assert len(plugs) >= 5
    assert all(f.excerpt == "Magnesium 7" for f in plugs)
    repeated = flags(result, "promo.repeated_plug")
    assert len(repeated) == 1
    assert repeated[0].article_level
    assert "named 9 times" in repeated[0].message
    assert "FTC Endorsement Guides (16 CFR 255.5)" in repeated[0].message


def test_seed_001_endorsement(scan_seed):
    result = scan_seed("001")
    endorsements = flags(result, "promo.endorsement")
    assert len(endorsements) == 1
    assert "recommend Magnesium 7" in endorsements[0].excerpt
    assert endorsements[0].severity == "blocker"


def test_seed_001_dose_above_limit(scan_seed):
    """400-600 mg/day is above the 350 mg UL (given “under medical supervision”, so a note), and the
    200-400 mg “per daily serving” has no caveat at all (a blocker)."""
    result = scan_seed("001")
    assert "400-600mg" in excerpts(result, "dose.above_ul_supervised")
    assert "200-400mg" in excerpts(result, "dose.above_ul")
    assert all(f.category == "dosage_risk" for f in flags(result, "dose.above_ul"))


def test_seed_001_inconsistent_upper_limit(scan_seed):
    result = scan_seed("001")
    found = flags(result, "contradiction.upper_limit")
    assert [f.excerpt for f in found] == ["350-400mg"]
    assert "350 mg/day" in found[0].message
    # The stated limit is a contradiction, not a dose recommendation.
    assert "350-400mg" not in excerpts(result, "dose.above_ul")


def test_seed_001_uncited_statistics_and_studies(scan_seed):
    result = scan_seed("001")
    stats = excerpts(result, "unsupported.statistic")
    assert "over 50% of Americans" in stats
    assert "more than half of Americans" in stats
    appeals = excerpts(result, "unsupported.research_appeal")
    assert "A 2021 study published" in appeals
    assert "According to a 2019 study" in appeals
    assert "Research shows" in appeals


def test_seed_001_disease_framing(scan_seed):
    claims = excerpts(scan_seed("001"), "disease.claim")
    assert "repair nerve damage" in claims
    assert "repair existing damage" in claims


def test_seed_000_bare_reference_list_and_uncited_statistic(scan_seed):
    result = scan_seed("000")
    bare = flags(result, "citation.bare_reference_list")
    assert len(bare) == 1
    assert bare[0].excerpt.startswith("References")
    assert "20 entries" in bare[0].message
    assert "up to 25% of people" in excerpts(result, "unsupported.statistic")
    assert "Studies show" in excerpts(result, "unsupported.research_appeal")


def test_seed_000_reference_list_is_not_prose(scan_seed):
    """The numbers 1-20 under “References” are not doses, statistics or citation markers."""
    result = scan_seed("000")
    list_start = flags(result, "citation.bare_reference_list")[0].start
    assert all(f.start < list_start or f.rule == "citation.bare_reference_list" for f in result.flags)


def test_seed_003_dose_top_above_limit_and_uncited_research(scan_seed):
    result = scan_seed("003")
    above = flags(result, "dose.above_ul")
    assert [f.excerpt for f in above] == ["200-400 mg"]
    assert "400 mg" in above[0].message and "350 mg/day" in above[0].message
    assert "Research has shown" in excerpts(result, "unsupported.research_appeal")


def test_seed_004_studies_have_found_uncited(scan_seed):
    result = scan_seed("004")
    assert "Studies have found" in excerpts(result, "unsupported.research_appeal")
    assert "manage blood pressure" in excerpts(result, "disease.blood_pressure")


def test_seed_002_research_indicates_uncited_and_pmc_source_recognized(scan_seed):
    result = scan_seed("002")
    assert "Research indicates" in excerpts(result, "unsupported.research_appeal")
    sites = [c for c in result.citations if c.kind == "site"]
    assert [c.key for c in sites] == ["site:pubmed central"]
    # The sentence pointing to the PMC review is cited, so its appeal to "the comprehensive review" is fine.
    cited_sentence_start = result.text.rfind("For further reading", 0, sites[0].start)
    assert not [f for f in result.flags if cited_sentence_start <= f.start <= sites[0].end]


def test_seeds_scan_deterministically(scan_seed, seeds_dir):
    """Scanning twice gives identical results (fingerprints included)."""
    text = (seeds_dir / SEED_FILES["001"]).read_text(encoding="utf-8")
    again = scan(text, reference=reference_data(), config=RuleConfig.defaults())
    assert again == scan_seed("001")
