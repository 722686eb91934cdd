"""The database, read into the flag engine's inputs: reference facts, word lists, rule switches and
the sources an article cites. The engine (moderation) is plain Python and reads nothing itself.

A constant number of queries, whatever the size of the library.
"""

from dataclasses import dataclass

from moderation import ReferenceData, RuleConfig, SourceInfo, lowest_limit_per_band
from moderation.reference import Allowance, FoodInfo, FormInfo, UpperLimit
from reference.models import Food, IntakeGuideline, MagnesiumForm
from reference.tables import FOOD_ALIASES, reference_data
from review.models import RuleSetting, Term


@dataclass(frozen=True)
class EngineInputs:
    reference: ReferenceData
    config: RuleConfig
    overrides: dict


def engine_inputs() -> EngineInputs:
    """Everything a scan needs besides the article: read once, reused for many articles (rescan)."""
    terms = {}
    for kind, value in Term.objects.filter(active=True).values_list("kind", "value"):
        terms.setdefault(kind, []).append(value)
    return EngineInputs(reference_from_db(), RuleConfig.from_terms(terms), RuleSetting.objects.overrides())


def reference_from_db() -> ReferenceData:
    """The reference library's facts, in three queries.

    A table with no rows yet falls back to the library's seed tables for that part (and `origin`
    says so), so a fresh database still checks doses against the upper limit.
    """
    limits, allowances, daily_value = [], [], None
    kinds = [IntakeGuideline.Kind.UL, IntakeGuideline.Kind.DV, IntakeGuideline.Kind.RDA]
    rows = IntakeGuideline.objects.filter(kind__in=kinds).order_by("kind", "age_from_years", "amount_mg")
    for kind, age_from, age_to, amount, label, sex, stage in rows.values_list(
        "kind", "age_from_years", "age_to_years", "amount_mg", "label", "sex", "life_stage"
    ):
        age_to = None if age_to is None else float(age_to)
        if kind == IntakeGuideline.Kind.DV:
            daily_value = daily_value or amount
        elif kind == IntakeGuideline.Kind.RDA:
            allowances.append(Allowance(float(age_from), age_to, sex, stage, amount))
        else:
            limits.append(UpperLimit(float(age_from), age_to, amount, label))
    forms = tuple(
        FormInfo(name, float(percent), bio, tuple(a.strip() for a in aliases.split(",") if a.strip()))
        for name, aliases, percent, bio in MagnesiumForm.objects.values_list(
            "name", "aliases", "elemental_percent", "bioavailability"
        )
    )
    foods = tuple(FoodInfo(name, serving, mg, FOOD_ALIASES.get(name, ())) for name, serving, mg in
                  Food.objects.values_list("name", "serving", "magnesium_mg"))
    tables = reference_data()
    parts = {
        "upper_limits": lowest_limit_per_band(limits) or None,
        "daily_value_mg": daily_value,
        "forms": forms or None,
        "foods": foods or None,
        "allowances": tuple(allowances) or None,
    }
    filled = {name: value if value else getattr(tables, name) for name, value in parts.items()}
    missing = [name for name, value in parts.items() if not value]
    origin = "db" if not missing else "tables" if len(missing) == len(parts) else "db+tables"
    return ReferenceData(**filled, origin=origin)


def source_infos(sources) -> dict[str, SourceInfo]:
    """{citation key: SourceInfo} for every key naming each of `sources` (reference.models.Source
    rows, already loaded: no query)."""
    infos = {}
    for source in sources:
        info = {
            "title": source.title, "study_design": str(source.study_design),
            "has_identifier": source.has_identifier, "retracted": source.retracted,
            "industry_funded": source.industry_funded, "source_id": source.pk,
        }
        for key in sorted(str(key) for key in source.cite_keys):
            infos[key] = SourceInfo(key=key, **info)
    return infos


def article_source_infos(article) -> dict[str, SourceInfo]:
    """The sources `article` cites, as the engine takes them (one query)."""
    return source_infos(c.source for c in article.citations.select_related("source"))
