"""What the engine knows about a cited source: plain values, resolved by the caller."""

from dataclasses import dataclass

# Study designs too weak on their own to support a health-benefit claim (FTC expects randomized
# controlled human trials). The reference library marks its sources with the same values.
WEAK_DESIGNS = frozenset({"animal", "in_vitro", "manufacturer", "expert_opinion"})


@dataclass(frozen=True)
class SourceInfo:
    key: str  # the citation key it was resolved from, e.g. "pmid:123" or "id:42"
    title: str = ""
    study_design: str = ""  # a reference.models.StudyDesign value; "" when unknown
    has_identifier: bool = True  # DOI, PMID or URL
    retracted: bool = False
    industry_funded: bool = False
    source_id: int | None = None

    @property
    def is_weak(self) -> bool:
        return self.study_design in WEAK_DESIGNS
