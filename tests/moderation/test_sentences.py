"""The tuned sentence tables (sentences.py, fresh.py, blind.py): which flag categories fire on
each text (clean texts: none). Each of the last two was scored once before tuning; the docstrings
record that honest first run.

No database. tests/moderation/report.py prints the same tables as per-category rates.
"""

import pytest

from moderation import scan
from reference.tables import reference_data
from tests.moderation.blind import BLIND
from tests.moderation.fresh import FRESH
from tests.moderation.report import check_table
from tests.moderation.sentences import SENTENCES, TEST_CONFIG, TEST_SOURCES

REFERENCE = reference_data()


def _id(case):
    text, _ = case
    return text[:60]


TUNED = SENTENCES + FRESH + BLIND


@pytest.mark.parametrize(("text", "expected"), TUNED, ids=[_id(c) for c in TUNED])
def test_sentence_categories(text, expected):
    """Exactly the expected categories fire; a clean sentence raises no flag at all."""
    result = scan(text, reference=REFERENCE, config=TEST_CONFIG, sources=TEST_SOURCES)
    fired = {str(flag.category) for flag in result.flags}
    assert fired == expected, [(f.rule, f.excerpt) for f in result.flags]


def test_table_is_balanced_and_large_enough():
    """At least 150 sentences, roughly half problems and half clean, covering every category."""
    problems = [t for t, e in SENTENCES if e]
    clean = [t for t, e in SENTENCES if not e]
    assert len(SENTENCES) >= 150
    assert 0.35 <= len(problems) / len(SENTENCES) <= 0.65
    assert len(clean) >= 60
    covered = set().union(*(e for _, e in SENTENCES))
    assert covered == {"promotional", "unsupported", "disease_claim", "dosage_risk", "contradiction", "citation"}
    assert len(set(t for t, _ in SENTENCES)) == len(SENTENCES), "duplicate sentence in the table"


def test_every_flag_names_its_standard_and_has_a_fingerprint():
    for text, expected in SENTENCES:
        if not expected:
            continue
        for flag in scan(text, reference=REFERENCE, config=TEST_CONFIG, sources=TEST_SOURCES).flags:
            assert "Standard: " in flag.message and flag.standard in flag.message
            assert len(flag.fingerprint) == 40
            assert 0 <= flag.start <= flag.end <= len(text)
            assert flag.excerpt == text[flag.start:flag.end]


@pytest.mark.parametrize("table", [FRESH, BLIND], ids=["fresh", "blind"])
def test_later_tables_are_large_balanced_and_new(table):
    """The fresh and blind tables: at least 150 texts each, every category, nothing copied from
    another table."""
    check_table(table, min_texts=150, min_per_category=12, other_tables=(SENTENCES, FRESH, BLIND))
