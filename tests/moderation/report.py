"""Per-category misses and false positives of the rule engine on the sentence table.

    .venv/bin/python -m tests.moderation.report            # the main, held-out and unseen tables
    .venv/bin/python -m tests.moderation.report --details  # also list every mismatch

A miss: a sentence expecting a category that did not fire. A false positive: a sentence that does
not expect a category that fired. "problem" counts sentences expecting the category; "clean" counts
the others.
"""

import sys

from moderation import Category, scan
from reference.tables import reference_data
from tests.moderation.sentences import SENTENCES, TEST_CONFIG, TEST_SOURCES


def run(table, *, sources=TEST_SOURCES, config=TEST_CONFIG):
    reference = reference_data()
    rows = []
    for text, expected in table:
        result = scan(text, reference=reference, config=config, sources=sources)
        rows.append((text, expected, result.categories, result))
    return rows


def summarize(rows):
    out = {}
    for category in Category:
        name = str(category)
        problem = [r for r in rows if name in r[1]]
        clean = [r for r in rows if name not in r[1]]
        missed = [r for r in problem if name not in r[2]]
        false_pos = [r for r in clean if name in r[2]]
        out[name] = (len(missed), len(problem), len(false_pos), len(clean))
    return out


def print_table(rows, title="Sentence table", file=sys.stdout):
    summary = summarize(rows)
    n_problem = sum(1 for r in rows if r[1])
    print(f"{title}: {len(rows)} texts ({n_problem} problem, {len(rows) - n_problem} clean)", file=file)
    print(f"{'category':<15} {'missed / problem':>18} {'miss %':>7} {'false pos / clean':>19} {'FP %':>6}", file=file)
    for name, (missed, problem, fp, clean) in summary.items():
        miss_pct = 100 * missed / problem if problem else 0
        fp_pct = 100 * fp / clean if clean else 0
        print(f"{name:<15} {f'{missed} / {problem}':>18} {miss_pct:>6.1f}% {f'{fp} / {clean}':>19} {fp_pct:>5.1f}%",
              file=file)
    exact = sum(1 for r in rows if r[1] == r[2])
    print(f"exact matches: {exact} / {len(rows)}", file=file)
    return summary


def print_details(rows, file=sys.stdout):
    for text, expected, got, result in rows:
        if expected != got:
            print(f"- expected {sorted(expected)} got {sorted(got)}: {text!r}", file=file)
            for flag in result.flags:
                print(f"      {flag.rule}: {flag.excerpt!r}", file=file)


def check_table(table, *, min_texts, min_per_category, problem_share=(0.35, 0.6), other_tables=()):
    """Assert a table's shape: size, share of problem texts, every category covered, no duplicate
    text, and nothing copied from `other_tables`."""
    problems = [t for t, e in table if e]
    assert len(table) >= min_texts
    assert problem_share[0] <= len(problems) / len(table) <= problem_share[1]
    for category in Category:
        assert sum(1 for _, e in table if str(category) in e) >= min_per_category, category
    texts = [t for t, _ in table]
    assert len(set(texts)) == len(texts), "duplicate text in the table"
    others = {t for other in other_tables if other is not table for t, _ in other}
    assert not set(texts) & others, "text copied from another table"


def tables():
    """(title, table, sources) for every sentence table, tuned ones first."""
    from tests.moderation.blind import BLIND
    from tests.moderation.final import FINAL
    from tests.moderation.fresh import FRESH
    from tests.moderation.holdout import HOLDOUT
    from tests.moderation.round4 import ROUND4
    from tests.moderation.unseen import UNSEEN, UNSEEN_SOURCES

    return [
        ("Sentence table (tuned)", SENTENCES, TEST_SOURCES),
        ("Fresh table (tuned; see fresh.py for its first, untuned run)", FRESH, TEST_SOURCES),
        ("Blind table (tuned; see blind.py for its first, untuned run)", BLIND, TEST_SOURCES),
        ("Final table (tuned; see final.py for its first, untuned run)", FINAL, TEST_SOURCES),
        ("Round 4 table (tuned; see round4.py for its first, untuned run)", ROUND4, TEST_SOURCES),
        ("Held-out table (see holdout.py for its first, untuned run)", HOLDOUT, TEST_SOURCES),
        ("Unseen table (see test_unseen.py for its first, untuned run)", UNSEEN, UNSEEN_SOURCES),
    ]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    for i, (title, table, sources) in enumerate(tables()):
        if i:
            print()
        rows = run(table, sources=sources)
        print_table(rows, title)
        if "--details" in argv:
            print_details(rows)


if __name__ == "__main__":
    main()
