"""Disease claims (FDA, 21 CFR 101.93(g)): saying magnesium cures, treats, mitigates or prevents a
disease, explicitly or by implication. A citation does not make it allowed. The matching itself is
detectors/disease.py (claims.py reads it too); these rules report each kind of match."""

from collections.abc import Iterator

from moderation.base import Hit
from moderation.detectors.disease import disease_matches
from moderation.document import Document


def disease_claim(doc: Document) -> Iterator[Hit]:
    for match in disease_matches(doc):
        if match.kind == "claim":
            excerpt = doc.text[match.start:match.end]
            yield Hit(
                match.start, match.end,
                f"“{excerpt}” claims magnesium cures, treats or prevents a disease. Supplements may not make "
                "disease claims, cited or not.",
                "Rephrase as a structure/function statement (e.g. “supports normal nerve function”) or report "
                "the study's finding with its limits and a citation.",
            )


def implied_disease(doc: Document) -> Iterator[Hit]:
    for match in disease_matches(doc):
        if match.kind == "implied":
            excerpt = doc.text[match.start:match.end]
            yield Hit(
                match.start, match.end,
                f"“{excerpt}” implies a drug-like effect on a disease (an implied disease claim).",
                "Remove the comparison with medication; never suggest replacing prescribed treatment.",
            )


def blood_pressure(doc: Document) -> Iterator[Hit]:
    for match in disease_matches(doc):
        if match.kind == "blood_pressure":
            excerpt = doc.text[match.start:match.end]
            yield Hit(
                match.start, match.end,
                f"“{excerpt}” is stronger than the FDA's qualified health claim for magnesium and blood pressure, "
                "which must say the evidence is inconsistent and inconclusive.",
                "Use the qualified wording: “Inconsistent and inconclusive scientific evidence suggests that diets "
                "with adequate magnesium may reduce the risk of high blood pressure (hypertension)...”",
            )
