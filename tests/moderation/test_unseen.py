"""The unseen and final tables (unseen.py, final.py): per-category miss and false-positive rates.

Unlike test_sentences.py this does not demand exact matches: each category's miss rate (problem
sentences where it did not fire) and false-positive rate (other sentences where it fired) must each
stay at or below 5%, so one new borderline sentence does not fail the suite, a real regression does.

First run, before any rule change prompted by the table (109 texts, 52 problem, 57 clean; 84/109 exact):

    category        missed / problem   false pos / clean
    promotional          4 / 9  (44%)        1 / 100 (1%)
    unsupported          5 / 12 (42%)        0 / 97
    disease_claim        3 / 10 (30%)        3 / 99  (3%)
    dosage_risk          0 / 9               7 / 100 (7%)
    contradiction        2 / 8  (25%)        0 / 101
    citation             0 / 7               0 / 102

The fixes that followed are general (see the rule modules): doses need dose context and skip
compound weights with their elemental amount stated, worked examples, intake-value lists and
cited study doses; attribution to a cited guideline or society, also when the citation closes the
report in the next sentence; more research-appeal, statistic, selling and absorption wording;
hard-wrapped lines carried on after a function word. Later additions to the table give the next
honest reading: record their first run here before changing rules for them.
"""

import pytest

from moderation import Category, scan
from reference.tables import reference_data
from tests.moderation.final import FINAL
from tests.moderation.holdout import HOLDOUT
from tests.moderation.report import check_table, summarize
from tests.moderation.round4 import ROUND4
from tests.moderation.sentences import SENTENCES, TEST_CONFIG, TEST_SOURCES
from tests.moderation.unseen import UNSEEN, UNSEEN_SOURCES

MAX_RATE = 0.05
CATEGORIES = [str(c) for c in Category]
# Tables held to rates rather than exact matches (final.py, round4.py: a few texts stay unmatched, see
# their docstrings).
RATE_TABLES = {"unseen": (UNSEEN, UNSEEN_SOURCES), "final": (FINAL, TEST_SOURCES), "round4": (ROUND4, TEST_SOURCES)}


@pytest.fixture(scope="module", params=sorted(RATE_TABLES))
def summary(request):
    table, sources = RATE_TABLES[request.param]
    reference = reference_data()
    rows = []
    for text, expected in table:
        result = scan(text, reference=reference, config=TEST_CONFIG, sources=sources)
        rows.append((text, expected, result.categories, result))
    return summarize(rows), rows


@pytest.mark.parametrize("category", CATEGORIES)
def test_miss_rate(summary, category):
    table, rows = summary
    missed, problem, _, _ = table[category]
    misses = [text for text, expected, got, _ in rows if category in expected and category not in got]
    assert problem > 0
    assert missed / problem <= MAX_RATE, misses


@pytest.mark.parametrize("category", CATEGORIES)
def test_false_positive_rate(summary, category):
    table, rows = summary
    _, _, false_pos, clean = table[category]
    wrong = [(text, [(f.rule, f.excerpt) for f in result.flags if str(f.category) == category])
             for text, expected, got, result in rows if category not in expected and category in got]
    assert false_pos / clean <= MAX_RATE, wrong


@pytest.mark.parametrize("table", [UNSEEN, FINAL, ROUND4], ids=["unseen", "final", "round4"])
def test_table_is_large_balanced_and_new(table):
    """At least 80 texts, roughly 45% problems spread over all six categories, none copied from
    the tuned tables."""
    check_table(table, min_texts=80, min_per_category=5, problem_share=(0.35, 0.55),
                other_tables=(SENTENCES, HOLDOUT))
