"""What the engine knows about a cited source: plain values, resolved by the caller."""

from dataclasses import dataclass

# Mirrors reference.models.WEAK_DESIGNS (a test keeps the two equal): designs too weak on their
# own to support a health-benefit claim (FTC expects randomized controlled human trials).
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

    @classmethod
    def for_source(cls, source) -> dict[str, "SourceInfo"]:
        """Every citation key naming `source` (a reference.models.Source) mapped to its info.

        Keys follow articles.citations: "id:<pk>", "pmid:<pmid>", "doi:<lowercased doi>". No query.
        """
        from articles.citations import source_keys  # the one definition of the key scheme

        keys = sorted(str(key) for key in source_keys(source))
        return {
            key: cls(
                key=key, title=source.title, study_design=str(source.study_design),
                has_identifier=bool(source.doi or source.pmid or source.url), retracted=source.retracted,
                industry_funded=source.industry_funded, source_id=source.pk,
            )
            for key in keys
        }
