"""The claim / not-a-claim table (tests/moderation/claims/labels.jsonl): rebuild its units, run the
engine, and say for each unit whether a claim was extracted for it.

    .venv/bin/python -m tests.moderation.claims_table            # figures, overall and per kind
    .venv/bin/python -m tests.moderation.claims_table --details  # also every miss, by kind and doc

Units are segmented as claims/README.md says: a seed goes through the importer
(read_import_file, parse_document), a demo article's Markdown through markdown_to_html; the body
HTML is scanned whole with scan_html (html_to_text_with_links, then Document(...).prose), as the
site scans an article on save. The title is a unit too; the site does not scan titles, so it is
measured as the first line above the body text (where an imported plain-text file has it).

Seed rows carry no text (seed prose is not copied into the project): they are matched by the hash
of the re-segmented sentence, and details print them by key only. Demo rows carry their text. The
table was segmented from the demo bodies as they were before they became Markdown files, hard-wrapped;
four sentences that a line break split then are whole now. A demo row whose key no longer matches a
sentence is therefore matched to the current sentence that contains its text (8 rows, 4 sentences,
each pair labelled alike).
"""

import hashlib
import io
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "claims" / "labels.jsonl"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
NON_CLAIM_KINDS = ("heading", "question", "transition", "disclaimer", "navigation", "definition", "food_fact", "bio",
                   "other_non_claim")
CLAIM_KINDS = ("effect", "dose", "safety", "statistic", "finding", "disease")


def unit_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).lower().encode()).hexdigest()[:16]  # noqa: S324 (a label key)


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


@dataclass(frozen=True)
class Unit:
    doc: str
    key: str
    claim: bool  # the label
    kind: str
    text: str | None  # demo rows only
    extracted: bool  # a claim was extracted for it


def labels() -> list[dict]:
    with LABELS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def seed_documents(seeds_dir: Path) -> dict[str, tuple[str, str]]:
    """doc name -> (title, body HTML), as the importer makes them."""
    from articles.importers import parse_document, read_import_file

    out = {}
    for path in sorted(seeds_dir.glob("0*.txt")):
        text, kind = read_import_file(path)
        article = parse_document(text, kind, name=path.name)
        out[f"seed:{path.stem}"] = (article.title, article.body)
    return out


def demo_documents() -> dict[str, tuple[str, str]]:
    """doc name -> (title, body HTML); markers kept as the short names the files use."""
    from articles.importers import markdown_to_html
    from demo.loader import demo_articles

    return {f"demo:{spec.slug}": (spec.title, markdown_to_html(spec.body)) for spec in demo_articles()}


def measure(documents: dict[str, tuple[str, str]], rows: list[dict]) -> tuple[list[Unit], list[str]]:
    """One Unit per labelled row of `documents`, and the problems found rebuilding them (a row that
    matches no sentence)."""
    from moderation import RuleConfig, scan, scan_html
    from moderation.document import Document
    from moderation.html import html_to_text_with_links
    from reference.tables import reference_data

    reference, config = reference_data(), RuleConfig.defaults()
    by_doc = defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    units, problems = [], []
    for name, (title, html) in documents.items():
        result = scan_html(html, reference=reference, config=config)
        claimed = {(c.start, c.end) for c in result.claims}
        text, links = html_to_text_with_links(html)
        prose = Document(text, reference=reference, config=config, links=links).prose
        sentences = {unit_key(s.text): (s.start, s.end) in claimed for s in prose}
        flat = [(_flat(s.text), (s.start, s.end) in claimed) for s in prose]
        title_key = unit_key(title)
        for row in by_doc.get(name, ()):
            if row["key"] == title_key:
                # the title stands above the body as its first line
                with_title = scan(f"{title}\n\n{text}", reference=reference, config=config, links=links)
                extracted = any(c.start < len(title) for c in with_title.claims)
            elif row["key"] in sentences:
                extracted = sentences[row["key"]]
            else:
                within = [hit for sentence, hit in flat if row.get("text") and _flat(row["text"]) in sentence]
                if len(within) != 1:
                    problems.append(f"{name} {row['key']}: no sentence of the document is this unit")
                    continue
                extracted = within[0]
            units.append(Unit(name, row["key"], row["claim"], row["kind"], row.get("text"), extracted))
    return units, problems


@dataclass(frozen=True)
class Figures:
    non_claims: int
    left_out: int
    claims: int
    lost: int

    @property
    def left_out_pct(self) -> float:
        return 100 * self.left_out / self.non_claims if self.non_claims else 100.0

    @property
    def lost_pct(self) -> float:
        return 100 * self.lost / self.claims if self.claims else 0.0


def figures(units: list[Unit]) -> Figures:
    non = [u for u in units if not u.claim]
    yes = [u for u in units if u.claim]
    return Figures(len(non), sum(not u.extracted for u in non), len(yes), sum(not u.extracted for u in yes))


def summary(units: list[Unit]) -> str:
    """The report as a string (for an assertion message)."""
    out = io.StringIO()
    report(units, details=True, file=out)
    return out.getvalue()


def report(units: list[Unit], *, details: bool = False, file=sys.stdout) -> None:
    f = figures(units)
    print(f"{len(units)} units: non-claims left out {f.left_out}/{f.non_claims} ({f.left_out_pct:.1f}%), "
          f"real claims lost {f.lost}/{f.claims} ({f.lost_pct:.1f}%)", file=file)
    kinds = Counter(u.kind for u in units)
    print("\n    kind               wrong / units", file=file)
    for kind in (*NON_CLAIM_KINDS, *CLAIM_KINDS):
        if not kinds[kind]:
            continue
        of_kind = [u for u in units if u.kind == kind]
        wrong = sum(u.extracted != u.claim for u in of_kind)
        what = "extracted" if not of_kind[0].claim else "lost"
        print(f"    {kind:<16} {wrong:>4} / {len(of_kind):<4} {what} ({100 * wrong / len(of_kind):.0f}%)", file=file)
    by_doc = defaultdict(list)
    for u in units:
        by_doc[u.doc].append(u)
    print("\n    doc                                        claims extracted  non-claims kept  claims lost", file=file)
    for doc, of_doc in by_doc.items():
        print(f"    {doc:<42} {sum(u.extracted for u in of_doc):>16}"
              f"  {sum(u.extracted and not u.claim for u in of_doc):>15}"
              f"  {sum(u.claim and not u.extracted for u in of_doc):>11}", file=file)
    if not details:
        return
    for title, wrong in (("Non-claims extracted", lambda u: u.extracted and not u.claim),
                         ("Real claims lost", lambda u: u.claim and not u.extracted)):
        print(f"\n{title}:", file=file)
        for kind in (*NON_CLAIM_KINDS, *CLAIM_KINDS):
            for u in (u for u in units if u.kind == kind and wrong(u)):
                shown = repr(" ".join(u.text.split())) if u.text is not None else "(seed: by key only)"
                print(f"  {kind:<15} {u.doc:<42} {u.key}  {shown}", file=file)


def main(argv: list[str]) -> int:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    seeds = SEEDS
    rows = labels()
    documents = demo_documents()
    if seeds.is_dir():
        documents = {**seed_documents(seeds), **documents}
    else:
        print(f"{seeds} is absent: demo articles only\n")
        rows = [r for r in rows if r["doc"].startswith("demo:")]
    units, problems = measure(documents, rows)
    for problem in problems:
        print("PROBLEM", problem)
    report(units, details="--details" in argv)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
