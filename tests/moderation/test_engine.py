"""The engine's public API and building blocks: registry and overrides, fingerprints, sentence
splitting, citations, dose arithmetic, reference data, word lists, HTML input and claims.

Everything here runs without a database (review.scan reads the database into these inputs).
"""

import pytest

from moderation import (
    RULES,
    RULES_BY_CODE,
    TERM_KINDS,
    Category,
    ClaimCategory,
    FoodInfo,
    ReferenceData,
    RuleConfig,
    Severity,
    SourceInfo,
    fingerprint,
    rule_table,
)
from moderation import scan as engine_scan
from moderation import scan_html as engine_scan_html
from moderation.citations import find_citations, find_reference_lists
from moderation.detectors.doses import doses
from moderation.document import Document, split_sentences
from moderation.quantities import find_amounts, find_serving, parse_serving
from reference.tables import reference_data
from tests.moderation.blind import BLIND
from tests.moderation.fresh import FRESH
from tests.moderation.holdout import HOLDOUT
from tests.moderation.sentences import SENTENCES, TEST_CONFIG, TEST_SOURCES
from tests.moderation.unseen import UNSEEN

REFERENCE = reference_data()
CONFIG = RuleConfig.defaults()


def scan(text, **kwargs):
    """The engine's scan with the library's seed tables as its facts (the engine holds none)."""
    return engine_scan(text, **{"reference": REFERENCE, **kwargs})


def scan_html(html, **kwargs):
    return engine_scan_html(html, **{"reference": REFERENCE, **kwargs})


def rules_fired(text, **kwargs):
    kwargs.setdefault("reference", REFERENCE)
    kwargs.setdefault("config", CONFIG)
    return {flag.rule for flag in scan(text, **kwargs).flags}


# -- registry and overrides -----------------------------------------------------------------------

def test_registry_lists_every_rule_once_with_metadata():
    assert len(RULES_BY_CODE) == len(RULES)
    for rule in RULES:
        assert rule.code.split(".")[0] in {"promo", "unsupported", "disease", "dose", "contradiction", "citation"}
        assert isinstance(rule.category, Category) and isinstance(rule.severity, Severity)
        assert rule.description and rule.standard and callable(rule.check)
    assert {r["code"] for r in rule_table()} == set(RULES_BY_CODE)
    assert {r.category for r in RULES} == set(Category)


def test_override_switches_a_rule_off():
    text = "Magnesium cures migraines."
    assert "disease.claim" in rules_fired(text)
    assert "disease.claim" not in rules_fired(text, overrides={"disease.claim": (False, None)})


def test_override_changes_severity_and_none_keeps_default():
    text = "Magnesium cures migraines."
    [flag] = scan(text, overrides={"disease.claim": (True, "note")}).flags
    assert flag.severity == Severity.NOTE
    [flag] = scan(text, overrides={"disease.claim": (None, None)}).flags
    assert flag.severity == Severity.BLOCKER


def test_override_of_unknown_code_is_ignored_but_bad_severity_raises():
    assert scan("Magnesium cures migraines.", overrides={"gone.rule": (False, None)}).flags
    with pytest.raises(ValueError):
        scan("Magnesium cures migraines.", overrides={"disease.claim": (True, "urgent")})


def test_rule_disabled_by_default_can_be_enabled(monkeypatch):
    """The registry's default `enabled` is honoured, and an override can turn such a rule on."""
    import dataclasses

    from moderation import engine

    off = tuple(dataclasses.replace(r, enabled=False) if r.code == "disease.claim" else r for r in RULES)
    monkeypatch.setattr(engine, "RULES", off)
    assert "disease.claim" not in rules_fired("Magnesium cures migraines.")
    assert "disease.claim" in rules_fired("Magnesium cures migraines.", overrides={"disease.claim": (True, None)})


# -- fingerprints ---------------------------------------------------------------------------------

def test_fingerprint_survives_moves_and_whitespace_but_not_other_numbers():
    a = scan("Research shows magnesium helps sleep.").flags[0]
    b = scan("An intro line.\n\nResearch  shows magnesium\nhelps sleep.").flags[0]
    assert a.rule == b.rule == "unsupported.research_appeal"
    assert (a.start, a.end) != (b.start, b.end)
    assert a.fingerprint == b.fingerprint
    low = scan("Take 400 mg of elemental magnesium a day; it can cause diarrhea.").flags[0]
    high = scan("Take 600 mg of elemental magnesium a day; it can cause diarrhea.").flags[0]
    assert low.rule == high.rule == "dose.above_ul"
    assert low.fingerprint != high.fingerprint


def test_same_phrase_in_two_sentences_gets_two_fingerprints():
    result = scan("Research shows magnesium helps sleep. Research shows magnesium helps cramps.")
    prints = [f.fingerprint for f in result.flags if f.rule == "unsupported.research_appeal"]
    assert len(prints) == 2 and len(set(prints)) == 2


def test_fingerprint_helper_normalizes_case_and_space_and_keeps_digits():
    assert fingerprint("r", "Over  50%\nof Adults") == fingerprint("r", "over 50% of adults")
    assert fingerprint("r", "over 50%") != fingerprint("r", "over 60%")
    assert fingerprint("r", "x") != fingerprint("q", "x")


def test_repeated_plug_is_one_article_level_flag_whose_fingerprint_ignores_the_count():
    config = CONFIG.extended(products=["NervaCalm"])
    three = " ".join(["NervaCalm supports sleep."] * 3)
    four = " ".join(["NervaCalm supports sleep."] * 4)
    [a] = [f for f in scan(three, config=config).flags if f.rule == "promo.repeated_plug"]
    [b] = [f for f in scan(four, config=config).flags if f.rule == "promo.repeated_plug"]
    assert a.article_level and "3 times" in a.message and "4 times" in b.message
    assert a.fingerprint == b.fingerprint


# -- sentences ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Smith et al. found a link. Then more.", ["Smith et al. found a link.", "Then more."]),
    ("Forms, e.g. citrate, dissolve. Oxide does not.", ["Forms, e.g. citrate, dissolve.", "Oxide does not."]),
    ("Dr. Ruiz reviewed it. She agreed.", ["Dr. Ruiz reviewed it.", "She agreed."]),
    ("Take 200 mg. daily with food. Stop if unwell.", ["Take 200 mg. daily with food.", "Stop if unwell."]),
    ("Take 200 mg. Then wait.", ["Take 200 mg.", "Then wait."]),
    ("It holds 2.5 mg per gram. Fine.", ["It holds 2.5 mg per gram.", "Fine."]),
    ("Cramps eased.[3] Sleep did not.", ["Cramps eased.[3]", "Sleep did not."]),
    ("Cramps eased.² Sleep did not.", ["Cramps eased.²", "Sleep did not."]),
    ("Cramps eased. [[cite:pmid:1]] Sleep did not.", ["Cramps eased. [[cite:pmid:1]]", "Sleep did not."]),
    ("Rich in vitamin D. Magnesium too.", ["Rich in vitamin D.", "Magnesium too."]),
    ("As J. Smith wrote, it helps.", ["As J. Smith wrote, it helps."]),
    ("A heading\nThe body text starts here.", ["A heading", "The body text starts here."]),
    ("1. First item here\n2. Second item", ["First item here", "Second item"]),
    ("• One bullet\n• Two bullet", ["One bullet", "Two bullet"]),
    ("A hard-wrapped sentence that goes\non to the next line.", ["A hard-wrapped sentence that goes\non to the next line."]),
    ("The U.S. Food and Drug Administration agrees.", ["The U.S. Food and Drug Administration agrees."]),
    ("Is it safe? Yes, mostly!", ["Is it safe?", "Yes, mostly!"]),
])
def test_sentence_splitting(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


# -- citations ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "keys"), [
    ("Cited [[cite:pmid:123]].", ["pmid:123"]),
    ("Cited [[cite:doi:10.1000/ABC.1]].", ["doi:10.1000/abc.1"]),
    ("Cited [[cite:42]].", ["id:42"]),
    ("Cited [[cite:pmid:1; doi:10.1/x]].", ["pmid:1", "doi:10.1/x"]),
    ("Cited [1].", ["ref:1"]),
    ("Cited [2, 3].", ["ref:2", "ref:3"]),
    ("Cited [2-4].", ["ref:2", "ref:3", "ref:4"]),
    ("Cited [^4].", ["fn:4"]),
    ("Cited.¹²", ["ref:12"]),
    ("Cited.¹,³", ["ref:1", "ref:3"]),
    ("Cited <sup>1</sup>.", ["ref:1"]),
    ("Cited (Smith et al., 2019).", ["author:smith-2019"]),
    ("Cited (Smith & Jones, 2020; Lee, 2021).", ["author:smith-2020"]),
    ("See https://pubmed.ncbi.nlm.nih.gov/12345678/ now.", ["pmid:12345678"]),
    ("See https://doi.org/10.3390/NU15092094.", ["doi:10.3390/nu15092094"]),
    ("See https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/.", ["pmc:PMC1234567"]),
    ("See [the review](https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/).",
     ["url:https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/"]),
    ("See [3](#ref-3).", ["ref:3"]),
    ("Cited (PMID: 28648959).", ["pmid:28648959"]),
    ("Area of 20 m² is not a footnote.", []),
    ("A shop link https://example.com/buy is not a citation.", []),
])
def test_citation_forms(text, keys):
    assert [c.key for c in find_citations(text)] == keys


def test_numbered_marker_beyond_the_reference_list_is_flagged():
    text = ("Cramps eased [6]. Sleep improved [7].\n\nReferences\n"
            + "\n".join(f"{n}. Author {n}. Title {n}. Journal. 2020. doi:10.1000/x{n}" for n in range(1, 7)))
    found = [f for f in scan(text).flags if f.rule == "citation.unresolved"]
    assert [f.excerpt for f in found] == ["[7]"]
    assert "reference 7" in found[0].message


def test_unknown_magsite_key_flagged_only_when_sources_are_given():
    text = "Magnesium may ease cramps [[cite:pmid:999]]."
    assert "citation.unresolved" not in rules_fired(text)
    assert "citation.unresolved" in rules_fired(text, sources={})
    known = {"pmid:999": SourceInfo("pmid:999", "A trial", "rct")}
    assert "citation.unresolved" not in rules_fired(text, sources=known)


def test_reference_list_parsing():
    text = "Body.\n\nReferences\n\n  1. 1\n  2. 2\n  3. 3\n\nMedical Disclaimer\n\nNot advice."
    [ref_list] = find_reference_lists(text)
    assert [e.number for e in ref_list.entries] == ["1", "2", "3"]
    assert ref_list.all_bare
    assert text[ref_list.start:ref_list.end].endswith("3. 3")


def test_source_flags_from_resolved_sources():
    sources = {
        "pmid:1": SourceInfo("pmid:1", "Retracted", "rct", retracted=True),
        "id:2": SourceInfo("id:2", "No identifier", "rct", has_identifier=False),
        "pmid:3": SourceInfo("pmid:3", "Funded", "rct", industry_funded=True),
    }
    fired = rules_fired("A [[cite:pmid:1]]. B [[cite:2]]. C [[cite:pmid:3]].", sources=sources)
    assert {"citation.retracted", "citation.no_identifier", "citation.industry_funded"} <= fired



# -- amounts and doses ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "low", "high"), [
    ("take 400-600 mg", 400, 600),
    ("take 400 to 600mg", 400, 600),
    ("between 300 and 400 mg", 300, 400),
    ("1 g daily", 1000, 1000),
    ("1.5 grams", 1500, 1500),
    ("1,000 mg", 1000, 1000),
    ("250mg", 250, 250),
    ("a gram of magnesium a day", 1000, 1000),
    ("two grams daily", 2000, 2000),
    ("half a gram", 500, 500),
    ("a full gram of magnesium", 1000, 1000),
    ("two whole grams", 2000, 2000),
])
def test_amounts(text, low, high):
    [amount] = find_amounts(text)
    assert (amount.low, amount.high) == (low, high)


@pytest.mark.parametrize(("text", "daily"), [
    ("Take 250 mg per capsule, 3 capsules a day.", 750),
    ("Take two 250 mg capsules of elemental magnesium twice a day.", 1000),
    ("Take 500 mg magnesium glycinate at night.", 70),
    ("Take 400 mg of elemental magnesium at night.", 400),
    ("Take 1 g of elemental magnesium daily.", 1000),
    ("Take 1.5 g of magnesium oxide daily.", 900),
    ("Take 200 mg twice daily.", 400),
    ("Take 3 x 100 mg a day.", 300),
    ("Magnesium citrate 1,000 mg a day is a lot.", 160),
])
def test_dose_arithmetic(text, daily):
    doc = Document(text, reference=REFERENCE, config=CONFIG)
    assert round(doses(doc)[0].daily_mg) == daily


@pytest.mark.parametrize(("text", "limit"), [
    ("Give children aged 1-3 50 mg a day.", 65),
    ("Give a 6-year-old 50 mg a day.", 110),
    ("Give toddlers 50 mg a day.", 65),
    ("Give children 50 mg a day.", 110),
    ("Give children aged 9 to 13 50 mg a day.", 350),
    ("Adults can take 50 mg a day.", 350),
])
def test_dose_age_band(text, limit):
    doc = Document(text, reference=REFERENCE, config=CONFIG)
    assert doses(doc)[0].limit.mg == limit


def test_food_amounts_are_not_doses():
    doc = Document("A cup of cooked spinach has 157 mg of magnesium, more than a supplement dose.",
                   reference=REFERENCE, config=CONFIG)
    assert doses(doc) == []


def test_dose_message_shows_the_working():
    [flag] = [f for f in scan("Take 250 mg per capsule, 3 capsules a day, for cramps.").flags
              if f.rule == "dose.above_ul"]
    assert "× 3 per day" in flag.message and "750 mg" in flag.message
    assert "Food and Nutrition Board UL" in flag.message
    assert "under medical supervision" in flag.suggestion


# -- reference data and word lists -----------------------------------------------------------------

def test_reference_defaults_follow_the_facts_sheet():
    assert REFERENCE.adult_upper_limit.mg == 350
    assert REFERENCE.upper_limit_for(2).mg == 65
    assert REFERENCE.upper_limit_for(8).mg == 110
    assert REFERENCE.upper_limit_for(9).mg == 350
    assert REFERENCE.daily_value_mg == 420
    assert REFERENCE.form_by_name["glycinate"].elemental_percent == 14
    assert REFERENCE.form_by_name["bisglycinate"].name == "Magnesium glycinate"
    assert REFERENCE.form_by_name["epsom salt"].name == "Magnesium sulfate"
    assert REFERENCE.form_by_name["magnesium oxide"].bioavailability == "low"
    assert REFERENCE.food_by_name["almonds"].mg == 80
    assert REFERENCE.food_by_name["almond"].serving == "1 oz"


def test_serving_ratios():
    assert parse_serving("1/2 cup").ratio_to(parse_serving("1 cup")) == 0.5
    assert find_serving("120 mg in every cup")[0] == parse_serving("1 cup")
    assert find_serving("with 250 mg in each medium fruit")[0] == parse_serving("1 medium")
    assert round(parse_serving("100 g").ratio_to(parse_serving("1 oz")), 2) == 3.53
    assert parse_serving("2 Tbsp").ratio_to(parse_serving("1 cup")) is None


def test_rules_read_reference_data_from_the_input_not_module_globals():
    """A different reference record changes the verdict: the engine uses what it is given."""
    custom = ReferenceData(REFERENCE.upper_limits, REFERENCE.daily_value_mg, REFERENCE.forms,
                           (FoodInfo("Almonds, dry roasted", "1 oz", 300),))
    text = "Almonds have 300 mg of magnesium per ounce."
    assert "contradiction.food_amount" in rules_fired(text)
    assert "contradiction.food_amount" not in rules_fired(text, reference=custom)


def test_products_come_from_the_config():
    text = "Try NervaCalm tonight, the best magnesium supplement for sleep."
    assert "promo.product_plug" not in rules_fired(text)
    assert "promo.product_plug" in rules_fired(text, config=CONFIG.extended(products=["NervaCalm"]))
    no_demo = RuleConfig.from_terms({"product": ["NervaCalm"]})
    assert "promo.product_plug" not in rules_fired("Magnesium 7 is the best choice for sleep.", config=no_demo)


def test_from_terms_replaces_listed_kinds_and_keeps_the_rest():
    config = RuleConfig.from_terms({"brand": ["Vitalux", " ", "Vitalux"], "unknown_kind": ["x"]})
    assert config.brands == ("Vitalux",)
    assert config.disease_terms == CONFIG.disease_terms
    assert set(TERM_KINDS) >= {"brand", "product", "puffery", "disease", "disclosure"}


def test_single_word_brand_matches_its_case_only():
    config = CONFIG.extended(brands=["Calm"])
    assert "promo.product_plug" in rules_fired("Calm is the best magnesium brand we tried.", config=config)
    assert "promo.product_plug" not in rules_fired("Stay calm: the best magnesium brand is a varied diet.",
                                                   config=config)


def test_disclosure_silences_affiliate_and_endorsement_flags():
    config = CONFIG.extended(products=["NervaCalm"])
    text = ("Dr. Kim recommends NervaCalm for sleep. Buy it [here](https://shop.example.com/p?aff_id=7).")
    fired = rules_fired(text, config=config)
    assert {"promo.endorsement", "promo.affiliate_link"} <= fired
    disclosed = text + " Disclosure: we earn a commission from purchases made through affiliate links."
    fired = rules_fired(disclosed, config=config)
    assert not {"promo.endorsement", "promo.affiliate_link"} & fired


# -- HTML input -----------------------------------------------------------------------------------

def test_html_spans_point_into_the_converted_text():
    html = ("<h2>Sleep</h2><p>Research shows magnesium helps sleep.</p>"
            "<p>Cramps eased in a trial.<sup>1</sup></p>"
            '<p>Buy it <a href="https://www.amazon.com/dp/B01?tag=mag-20">on Amazon</a>.</p>')
    result = scan_html(html)
    for flag in result.flags:
        assert result.text[flag.start:flag.end] == flag.excerpt
    appeal = next(f for f in result.flags if f.rule == "unsupported.research_appeal")
    assert appeal.excerpt == "Research shows"
    assert [c.key for c in result.citations if c.kind == "numbered"] == ["ref:1"]
    affiliate = next(f for f in result.flags if f.rule == "promo.affiliate_link")
    assert affiliate.excerpt == "on Amazon"


def test_html_footnote_link_counts_as_a_citation():
    html = '<p>Studies show magnesium helps cramps.<a href="#fn-2">2</a></p>'
    result = scan_html(html)
    assert "unsupported.research_appeal" not in {f.rule for f in result.flags}
    assert [c.key for c in result.citations] == ["ref:2"]


# -- claims ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "category"), [
    ("Magnesium improves sleep quality in older adults.", ClaimCategory.EFFICACY),
    ("Magnesium reduces muscle cramps.", ClaimCategory.EFFICACY),
    ("Magnesium cures migraines.", ClaimCategory.DISEASE),
    ("Take 200 mg of magnesium at night; ask your doctor first.", ClaimCategory.DOSAGE),
    ("Magnesium supplements can cause diarrhea.", ClaimCategory.SAFETY),
    ("Nearly 60% of adults fall short of magnesium, so magnesium matters.", ClaimCategory.STATISTIC),
])
def test_claims_are_extracted_with_a_category(text, category):
    [claim] = scan(text).claims
    assert claim.category == category
    assert claim.text == text and (claim.start, claim.end) == (0, len(text))
    assert len(claim.fingerprint) == 40


@pytest.mark.parametrize("text", [
    "Can magnesium repair nerve damage?",
    "Magnesium glycinate combines magnesium with glycine.",
    "Leafy greens are good sources of magnesium.",
    "In this guide we will look at what magnesium can do for sleep.",
    "Please talk to your pharmacist before you try a supplement.",
    "Visit the NHS website for more on sleep.",
    "Everything here is for educational purposes and is not medical advice.",
])
def test_not_claims(text):
    assert scan(text).claims == ()


@pytest.mark.parametrize(("text", "category"), [
    # a negated or hedged health statement is still one a reviewer must check
    ("Magnesium does not cure neuropathy.", ClaimCategory.DISEASE),
    # a reported study finding, with no effect verb, and one that found nothing
    ("A 2019 systematic review looked for trials of magnesium in restless legs.", ClaimCategory.EFFICACY),
    ("It found too few well-controlled studies to say.", ClaimCategory.EFFICACY),
    # triage and causes, whatever the sentence is about
    ("See a doctor if cramps come with swelling or weakness.", ClaimCategory.SAFETY),
    ("Years of high blood sugar are a common cause of nerve pain.", ClaimCategory.DISEASE),
])
def test_claims_beyond_magnesium_effects(text, category):
    """Issue 12: reported findings, negated statements, triage and causes are claims too."""
    [claim] = scan(text).claims
    assert claim.category == category


def test_headings_and_transitions_are_not_claims_but_the_text_under_them_is():
    text = ("What Magnesium Does for Sleep\n\n"
            "Let's look at how sleep works before we turn to magnesium.\n\n"
            "Magnesium may help some older adults fall asleep sooner.")
    assert [c.text for c in scan(text).claims] == ["Magnesium may help some older adults fall asleep sooner."]


def test_list_items_say_what_their_lead_in_says():
    """Items under a lead-in that claims an effect are claims; foods under a list of sources are not."""
    text = ("Night cramps are common in older adults. These habits help prevent them:\n\n"
            "• Stretching the calves\n• Drinking enough water\n\n"
            "Good food sources include:\n\n• Almonds\n• Spinach")
    claims = [c.text for c in scan(text).claims]
    assert "Stretching the calves" in claims and "Drinking enough water" in claims
    assert "Almonds" not in claims and "Spinach" not in claims


def test_table_rows_say_what_their_rated_column_says():
    html = ("<table><tr><th>Form</th><th>Absorption</th></tr><tr><td>Citrate</td><td>More complete</td></tr>"
            "<tr><td>Malate</td><td>Not rated</td></tr></table>")
    assert [c.text for c in scan_html(html).claims] == ["Citrate | More complete"]


def test_claim_links_the_citation_keys_in_its_sentence():
    [claim] = scan("Magnesium may improve sleep [[cite:pmid:123]][2]. It is a mineral.").claims
    assert claim.citation_keys == ("pmid:123", "ref:2")


def test_scan_of_empty_text():
    result = scan("")
    assert result.flags == () and result.claims == () and result.citations == ()


# -- database-backed reference data -----------------------------------------------------------------

@pytest.mark.django_db

@pytest.mark.django_db

def test_trigger_prepass_loses_no_flags(monkeypatch, request):
    """Rules look only at sentences the trigger pass marks; marking every sentence instead must give
    the same flags and claims (on the sentence tables and, when present, the seed articles)."""
    texts = [t for t, _ in SENTENCES + HOLDOUT + UNSEEN + FRESH + BLIND]
    seeds = request.config.rootpath.parent / "shared" / "seeds"
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("0*.txt"))]
    kwargs = {"reference": REFERENCE, "config": TEST_CONFIG, "sources": TEST_SOURCES}
    gated = [scan(t, **kwargs) for t in texts]
    monkeypatch.setattr(Document, "triggered", lambda self, *names: self.prose)
    everything = [scan(t, **kwargs) for t in texts]
    assert gated == everything


def test_a_phrase_in_a_word_list_does_not_hide_its_words_from_other_rules():
    """The trigger pass matches stems without overlap: "the best" (a superlative) once hid "best"
    from the selling and ranking rules, so "the best thing I've bought" went unflagged."""
    fired = rules_fired("Honestly, Serenimag changed my evenings, and it's the best thing I've bought all year.")
    assert "promo.puffery" in fired


@pytest.mark.parametrize("text", [
    "Sign up for a Serenimag subscription and save 20% on every refill.",
    "Pop DREAMY15 in at checkout and your first jar ships free.",
])
def test_offers_are_found_wherever_the_percent_sign_falls(text):
    assert rules_fired(text) & {"promo.coupon", "promo.call_to_buy"}


@pytest.mark.parametrize(("text", "flagged"), [
    ("Magnesium oxide is only about 10% magnesium by weight.", True),
    ("Magnesium glycinate is roughly half elemental magnesium by weight.", True),
    ("Magnesium oxide is about 60% magnesium by weight, so a 250 mg tablet supplies roughly 150 mg.", False),
    ("Magnesium citrate contains about 16% elemental magnesium.", False),
    ("Magnesium citrate is 11% elemental magnesium in its hydrated form.", False),  # within 1.5x of 16%
])
def test_elemental_share_is_checked_against_the_form_record(text, flagged):
    assert ("contradiction.elemental_percent" in rules_fired(text)) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("The RDA for women aged 31 to 50 is 420 mg a day.", True),
    ("The RDA for men over 30 is 420 mg a day, and for women over 30 it is 320 mg.", False),
    ("The RDA is 420 mg for women over 30 and 320 mg for men.", True),
    ("During pregnancy the recommended intake rises to 350 to 360 mg a day.", False),
    ("The recommended dietary allowance for pregnant teens is 250 mg.", True),
    ("The RDA for adults is 310 to 420 mg, and the upper limit for supplements is 350 mg.", False),
])
def test_rda_is_checked_against_the_intake_table_for_the_group_named(text, flagged):
    assert ("contradiction.rda" in rules_fired(text)) is flagged


def test_inline_bare_source_list_is_a_bare_reference_list():
    assert "citation.bare_reference_list" in rules_fired("Magnesium helps nerves work.\n\nSources: 1, 2, 3, 4, 5")
    assert "citation.bare_reference_list" not in rules_fired("Sources: NIH fact sheet, 2022.")
